package com.creditmtl.studio.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.scoring.Explanation;
import com.creditmtl.studio.scoring.Reason;
import com.creditmtl.studio.scoring.ReasonFinder;
import com.creditmtl.studio.scoring.ReasonTexts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WhatIfTest {

    private static Study study;
    private static CreditTable table;
    private static WhatIf whatIf;

    @BeforeAll
    static void train() {
        study = DriverStudy.study();
        table = DriverStudy.table();
        whatIf = new WhatIf(study);
    }

    /** The first test applicant whose strongest reason is the given feature. */
    private static Map<String, Object> applicantWithTopReason(String feature) {
        for (int row : study.split().test()) {
            Map<String, Object> applicant = whatIf.applicant(table, row);
            List<Reason> reasons = whatIf.evaluate(applicant).explanation().reasons();
            if (!reasons.isEmpty() && reasons.get(0).feature().equals(feature)) {
                return applicant;
            }
        }
        throw new AssertionError("no test applicant has " + feature + " as top reason");
    }

    @Test
    void topReasonGoesAndRiskFallsWhenItsFeatureIsSetToTheReference() {
        Map<String, Object> applicant = applicantWithTopReason("driver");
        WhatIf.Outcome before = whatIf.evaluate(applicant);

        WhatIf.Outcome after = whatIf.change(applicant,
                Map.of("driver", whatIf.reference().get("driver")));

        assertTrue(after.reasons().stream().noneMatch(r -> r.feature().equals("driver")),
                after.reasonTexts().toString());
        assertEquals(0, after.explanation().effect("driver"), 1e-12);
        double p = before.prediction("default_probability");
        assertTrue(after.prediction("default_probability") < p - 0.05,
                "default probability " + p + " -> " + after.prediction("default_probability"));
        assertTrue(after.score() > before.score());
    }

    @Test
    void raisingTheDriverMakesItTheTopReason() {
        Map<String, Object> applicant = new HashMap<>(whatIf.reference());

        WhatIf.Outcome outcome = whatIf.change(applicant, Map.of("driver", 9.5));

        assertEquals(1, outcome.reasons().size(), outcome.reasonTexts().toString());
        Reason reason = outcome.reasons().get(0);
        assertEquals("driver", reason.feature());
        assertEquals("9.5", reason.value());
        assertEquals("driver = 9.5 (reference " + reason.reference()
                + ") raises the default risk", reason.text());
    }

    @Test
    void logCopyCountsForItsFeature() {
        // the defaults give every feature with 20 or more distinct training values a log copy
        assertEquals(List.of("driver", "driver_log", "noise", "noise_log", "late_payments",
                "income", "income_log", "income_missing"),
                study.encoder().outputNames().subList(0, 8));

        Explanation driver = whatIf.change(whatIf.reference(), Map.of("driver", 8.0))
                .explanation();
        Explanation income = whatIf.change(whatIf.reference(), Map.of("income", 20_000.0))
                .explanation();

        assertEquals(driver.logit() - driver.referenceLogit(), driver.effect("driver"), 1e-9);
        assertTrue(Math.abs(driver.effect("driver")) > 0.1);
        assertEquals(0, driver.effect("noise"), 0);
        assertEquals(0, driver.effect("income"), 0);
        assertEquals(income.logit() - income.referenceLogit(), income.effect("income"), 1e-9);
        assertEquals(0, income.effect("driver"), 0);
    }

    @Test
    void effectsAddUpToTheChangeOfLogOdds() {
        int[] rows = study.split().test();
        for (int i = 0; i < 30; i++) {
            Explanation explanation = whatIf.evaluate(whatIf.applicant(table, rows[i]))
                    .explanation();
            double change = explanation.logit() - explanation.referenceLogit();
            assertEquals(0, explanation.completenessGap(), 1e-9 * (1 + Math.abs(change)),
                    "applicant " + rows[i] + ", change of log-odds " + change);
        }
    }

    @Test
    void fiftyMidpointStepsAddUpWithinTenPerCent() {
        ReasonFinder finder = new ReasonFinder(study.encoder(), study.preprocessor(),
                study.network(), study.scoringTask(), ReasonTexts.defaults());
        int[] rows = study.split().test();
        for (int i = 0; i < 30; i++) {
            Explanation explanation = finder.explain(whatIf.applicant(table, rows[i]), 50);
            double change = explanation.logit() - explanation.referenceLogit();
            assertEquals(0, explanation.completenessGap(), 0.01 + 0.1 * Math.abs(change),
                    "applicant " + rows[i] + ", change of log-odds " + change);
        }
    }

    @Test
    void logOddsFromTheWeightsMatchTheNetwork() {
        for (int row : List.of(study.split().test()[0], study.split().test()[1])) {
            WhatIf.Outcome outcome = whatIf.evaluate(whatIf.applicant(table, row));
            double p = outcome.prediction("default_probability");
            assertEquals(Math.log(p / (1 - p)), outcome.explanation().logit(), 1e-3);
        }
    }

    @Test
    void theReferenceApplicantHasNoReasons() {
        WhatIf.Outcome outcome = whatIf.evaluate(whatIf.reference());

        assertEquals(List.of(), outcome.reasons());
        assertEquals(outcome.explanation().logit(), outcome.explanation().referenceLogit(),
                1e-12);
    }

    @Test
    void reasonsRaiseTheRiskAreAtMostFourAndLargestFirst() {
        int[] rows = study.split().test();
        boolean sawSome = false;
        for (int i = 0; i < 50; i++) {
            List<Reason> reasons = whatIf.evaluate(whatIf.applicant(table, rows[i])).reasons();
            assertTrue(reasons.size() <= ReasonFinder.MAX_REASONS);
            for (int k = 0; k < reasons.size(); k++) {
                assertTrue(reasons.get(k).effect() > 0);
                if (k > 0) {
                    assertTrue(reasons.get(k).effect() <= reasons.get(k - 1).effect());
                }
            }
            sawSome |= !reasons.isEmpty();
        }
        assertTrue(sawSome);
    }

    @Test
    void categoricalLevelsAndMissingIndicatorCountForTheirColumn() {
        Map<String, Object> reference = whatIf.reference();
        String other = "east".equals(reference.get("branch")) ? "north" : "east";

        Explanation branch = whatIf.change(reference, Map.of("branch", other)).explanation();
        Explanation missing = whatIf.change(reference, Map.of("income", "")).explanation();

        assertEquals(List.of("driver", "noise", "late_payments", "income", "branch"),
                branch.features());
        assertEquals(branch.logit() - branch.referenceLogit(), branch.effect("branch"), 1e-9);
        assertTrue(Math.abs(branch.effect("branch")) > 1e-3);
        assertEquals(0, branch.effect("driver"), 0);
        assertEquals(missing.logit() - missing.referenceLogit(), missing.effect("income"), 1e-9);
        assertEquals(0, missing.effect("branch"), 0);
    }

    @Test
    void everyTaskIsPredictedInOriginalUnitsWithScoreAndGrade() {
        int row = study.split().test()[3];
        WhatIf.Outcome outcome = whatIf.evaluate(whatIf.applicant(table, row));

        double[][] expected = study.predictor().predict(study.encoder().transform(table,
                new int[] {row}));
        assertEquals(3, outcome.predictions().length);
        for (int t = 0; t < 3; t++) {
            assertEquals(expected[t][0], outcome.predictions()[t], 1e-9);
        }
        assertTrue(outcome.prediction("overdue_days") > 1, "days in original units");
        double score = study.scoreScale().score(outcome.prediction("default_probability"));
        assertEquals(score, outcome.score(), 1e-9);
        assertEquals(study.gradeScale().grade(score), outcome.grade());
        assertNotNull(outcome.explanation());
        assertFalse(outcome.applicant().isEmpty());
    }
}
