package com.creditmtl.studio.study;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.model.MultiTaskPredictor;
import com.creditmtl.studio.scoring.Explanation;
import com.creditmtl.studio.scoring.Reason;
import com.creditmtl.studio.scoring.ReasonFinder;
import com.creditmtl.studio.scoring.ReasonTexts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What-if for one applicant: change some feature values and get back every task's prediction in
 * original units, the score, the grade and the reasons, all at once. The window's what-if panel
 * and the {@code score} command call it. On a study of the bundled table a change takes about
 * 0.25 ms (median) on two shared cores, with rare pauses of the machine up to a tenth of a
 * second ({@code docs/benchmarks.md}).
 *
 * <p>Values are the original ones, keyed by feature column: a number (or its text) for a numeric
 * feature, text for a categorical one, null or absent for missing. Columns that are not features
 * of the study are ignored. Without a binary task there is no score, grade or reasons. Not
 * thread-safe: it holds the study's network, which DL4J does not share between threads.
 */
public final class WhatIf {

    private final Study study;
    private final MultiTaskPredictor predictor;
    private final ReasonFinder reasons;
    private final int scoringTask;

    public WhatIf(Study study) {
        this(study, ReasonTexts.defaults());
    }

    public WhatIf(Study study, ReasonTexts texts) {
        this.study = study;
        this.predictor = study.predictor();
        this.scoringTask = study.scoringTask();
        this.reasons = scoringTask < 0 ? null : new ReasonFinder(study.encoder(),
                study.preprocessor(), study.network(), scoringTask, texts);
    }

    /**
     * Everything the study says about one applicant.
     *
     * @param applicant the applicant's values, as changed
     * @param predictions every task's prediction in task order and original units
     * @param score the credit score, NaN without a binary task
     * @param grade the risk grade, empty without a binary task
     * @param explanation the effects and reasons behind the default probability, null without a
     *     binary task
     */
    public record Outcome(Map<String, Object> applicant, List<TaskSpec> tasks,
            double[] predictions, double score, String grade, Explanation explanation) {

        /** The prediction of a task by name. */
        public double prediction(String task) {
            for (int t = 0; t < tasks.size(); t++) {
                if (tasks.get(t).name().equals(task)) {
                    return predictions[t];
                }
            }
            throw new IllegalArgumentException("no task " + task);
        }

        /** The reasons, largest effect first; none without a binary task. */
        public List<Reason> reasons() {
            return explanation == null ? List.of() : explanation.reasons();
        }

        /** The reasons' sentences, largest effect first. */
        public List<String> reasonTexts() {
            return explanation == null ? List.of()
                    : explanation.reasons().stream().map(Reason::text).toList();
        }
    }

    /** The reference applicant of the reasons; empty without a binary task. */
    public Map<String, Object> reference() {
        return reasons == null ? Map.of() : reasons.reference();
    }

    /** An applicant of a table with the study's features, such as one of its test rows. */
    public Map<String, Object> applicant(CreditTable table, int row) {
        return study.encoder().applicant(table, row);
    }

    public Outcome evaluate(Map<String, ?> applicant) {
        double[][] predicted = predictor.predict(
                new double[][] {study.encoder().encode(applicant)});
        double[] predictions = new double[predicted.length];
        for (int t = 0; t < predicted.length; t++) {
            predictions[t] = predicted[t][0];
        }
        Map<String, Object> values = Collections.unmodifiableMap(new LinkedHashMap<>(applicant));
        if (scoringTask < 0) {
            return new Outcome(values, study.tasks(), predictions, Double.NaN, "", null);
        }
        double score = study.scoreScale().score(predictions[scoringTask]);
        return new Outcome(values, study.tasks(), predictions, score,
                study.gradeScale().grade(score), reasons.explain(applicant));
    }

    /** The applicant with some values changed, evaluated. */
    public Outcome change(Map<String, ?> applicant, Map<String, ?> changes) {
        Map<String, Object> changed = new LinkedHashMap<>(applicant);
        changed.putAll(changes);
        return evaluate(changed);
    }
}
