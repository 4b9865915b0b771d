package com.creditmtl.studio.study;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.Sentence;
import com.creditmtl.studio.scoring.GradeScale;
import com.creditmtl.studio.scoring.ScoreScale;
import com.creditmtl.studio.scoring.Scorecard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch scoring, rescoring and a study opened from its file, on the shared driver study. */
class BatchScoringTest {

    @TempDir
    static Path folder;

    private static Study study;
    private static SavedStudy saved;
    private static Path data;

    @BeforeAll
    static void saveAndWriteNewApplicants() throws Exception {
        study = DriverStudy.study();
        saved = SavedStudy.of(study, ImportOptions.defaults(),
                new DataFingerprint("driver.csv", "", DriverStudy.ROWS));
        data = folder.resolve("new.csv");
        Files.writeString(data, DriverStudy.csv(300, 41), UTF_8);
    }

    @Test
    void scoresEveryRowAsTheStudyDoesAndReportsProgressToTheEnd() throws Exception {
        List<Double> shares = new ArrayList<>();

        BatchScoring.Result result = BatchScoring.score(saved, data,
                (stage, done) -> shares.add(done), () -> false);

        assertEquals(300, result.results().size());
        List<ApplicantResult> expected = saved.score(result.table());
        for (int r = 0; r < 300; r++) {
            assertEquals(expected.get(r).score(), result.results().get(r).score(), 0);
            assertEquals(expected.get(r).grade(), result.results().get(r).grade());
        }
        assertEquals(study.driftReference().size(), result.drift().size());
        assertEquals(1.0, shares.get(shares.size() - 1), 0);
        assertEquals("C00001", result.results().get(0).id());
    }

    @Test
    void valuesOutsideTheTrainingRangeEmptyCellsAndRepeatedIdsAreChecked() throws Exception {
        String[] lines = DriverStudy.csv(300, 41).split("\n");
        List<String> names = List.of(lines[0].split(","));
        int late = names.indexOf("late_payments");
        int income = names.indexOf("income");
        long emptyIncome = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            // late payments are 0 to 3 in training
            cells[late] = i == 10 ? "7" : i == 20 ? "-1" : cells[late];
            cells[0] = i == 30 ? "C00001" : cells[0];
            emptyIncome += cells[income].isEmpty() ? 1 : 0;
            lines[i] = String.join(",", cells);
        }
        Path odd = folder.resolve("odd.csv");
        Files.writeString(odd, String.join("\n", lines) + "\n", UTF_8);

        BatchScoring.Result result = BatchScoring.score(saved, odd);

        List<String> checks = result.checks().stream().map(Sentence::english).toList();
        // incomes are missing about as often as in training: no warning for them
        assertTrue(emptyIncome > 0);
        assertTrue(checks.stream().noneMatch(check -> check.startsWith("income:")),
                checks.toString());
        assertTrue(checks.contains("late_payments: 2 of 300 applicants lie outside the training "
                + "range 0 to 3 (first: applicant C00010, 7); the model extrapolates there, so "
                + "read their predictions with care"), checks.toString());
        assertEquals("1 applicant ID appears more than once (first: C00001, 2 times); each row "
                + "is scored on its own, so match the output to the input by row, not by ID",
                checks.get(checks.size() - 1));
        assertEquals(300, result.results().size(), "warned of, and every row still scored");
    }

    @Test
    void incomesMissingFarMoreOftenThanInTrainingAreWarnedOfWithTheTrainingShare()
            throws Exception {
        String[] lines = DriverStudy.csv(300, 41).split("\n");
        int income = List.of(lines[0].split(",")).indexOf("income");
        for (int i = 1; i <= 100; i++) {
            String[] cells = lines[i].split(",", -1);
            cells[income] = "";
            lines[i] = String.join(",", cells);
        }
        long empty = java.util.Arrays.stream(lines).skip(1)
                .filter(line -> line.split(",", -1)[income].isEmpty()).count();
        Path sparse = folder.resolve("sparse.csv");
        Files.writeString(sparse, String.join("\n", lines) + "\n", UTF_8);
        double trained = study.driftReference().stream()
                .filter(reference -> reference.feature().equals("income")).findFirst()
                .orElseThrow().missingShare();

        BatchScoring.Result result = BatchScoring.score(saved, sparse);

        // the driver table leaves about one income in ten empty
        assertTrue(trained > 0.05 && trained < 0.15, "training share " + trained);
        assertEquals("income: " + empty + " of 300 applicants have no value, against "
                + String.format(java.util.Locale.ROOT, "%.1f", 100 * trained) + " % in "
                + "training (first: applicant C00001); the model fills it in as in training "
                + "(the training median)", result.checks().get(0).english());
    }

    @Test
    void aFileLikeTheTrainingDataHasNoRangeWarningForItsWholeNumbers() throws Exception {
        BatchScoring.Result result = BatchScoring.score(saved, data);

        assertTrue(result.checks().stream().map(Sentence::english)
                .noneMatch(check -> check.startsWith("late_payments:")
                        || check.contains("appear more than once")), result.checks().toString());
    }

    @Test
    void cancelStopsBeforeScoring() {
        assertThrows(CancellationException.class,
                () -> BatchScoring.score(saved, data, Progress.NONE, () -> true));
    }

    @Test
    void baseOddsOfAnApplicantGiveItTheBaseScore() {
        ApplicantResult first = study.testResults().get(0);
        double p = first.predicted()[0];
        Scorecard card = new Scorecard(new ScoreScale(530, (1 - p) / p, 25), GradeScale.DEFAULT,
                "overdue_amount");

        Study rescored = Rescoring.withScorecard(study, card);

        ApplicantResult again = rescored.testResults().get(0);
        assertEquals(530, again.score(), 1e-9);
        assertEquals(p, again.predicted()[0], 0);
        assertEquals(first.actual()[0], again.actual()[0], 0);
        assertEquals(p * again.predicted()[2], again.expectedLoss(), 1e-9);
        assertEquals(card, rescored.scorecard());
    }

    @Test
    void anAmountTaskThatIsBinaryIsRefused() {
        Scorecard card = study.scorecard().withAmountTask("default_probability");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rescoring.withScorecard(study, card));

        assertTrue(e.getMessage().contains("is binary"), e.getMessage());
    }

    @Test
    void studyOpenedFromItsFileGivesTheSameWhatIf() throws Exception {
        Path file = folder.resolve("driver.cmtl");
        StudyArchive.save(saved, file);

        Study opened = StudyArchive.open(file).toStudy();

        Map<String, Object> applicant = new WhatIf(study).applicant(DriverStudy.table(), 7);
        WhatIf.Outcome trained = new WhatIf(study).evaluate(applicant);
        WhatIf.Outcome reopened = new WhatIf(opened).evaluate(applicant);
        for (int t = 0; t < 3; t++) {
            assertEquals(trained.predictions()[t], reopened.predictions()[t],
                    1e-6 * Math.max(1, Math.abs(trained.predictions()[t])));
        }
        assertEquals(trained.reasonTexts(), reopened.reasonTexts());
        assertEquals(study.tasks(), opened.tasks());
        assertEquals(study.testResults().size(), opened.testResults().size());
    }
}
