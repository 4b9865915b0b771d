package com.creditmtl.studio.study;

import com.creditmtl.studio.scoring.Scorecard;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Applies other scorecard settings to results already predicted: the score, grade and expected
 * loss follow the new scale, grades and amount task, the predictions stay as they are. No
 * network runs, so it is quick enough to follow each change in the window.
 */
public final class Rescoring {

    private Rescoring() {
    }

    /**
     * The study with the new scorecard and its test applicants scored by it.
     *
     * @throws IllegalArgumentException when the amount task is not a regression task of the study
     */
    public static Study withScorecard(Study study, Scorecard scorecard) {
        return withScorecard(study, scorecard, study.network());
    }

    /**
     * As {@link #withScorecard(Study, Scorecard)} with another network of the same shape, such
     * as a copy for another thread.
     */
    public static Study withScorecard(Study study, Scorecard scorecard,
            ComputationGraph network) {
        scorecard.amountIndex(study.tasks());
        return new Study(study.featureNames(), study.settings(), study.split(),
                study.preprocessor(), network, study.history(), study.metrics(),
                rescore(study.testResults(), study, scorecard), scorecard, study.trainSeconds(),
                study.encoder(), study.leakage(), study.validationMetrics(), study.keptEpoch(),
                study.driftReference());
    }

    /** Results of the study's tasks scored again with the scorecard, actual values kept. */
    public static List<ApplicantResult> rescore(List<ApplicantResult> results, Study study,
            Scorecard scorecard) {
        int tasks = study.tasks().size();
        int n = results.size();
        double[][] predicted = new double[tasks][n];
        for (int r = 0; r < n; r++) {
            for (int t = 0; t < tasks; t++) {
                predicted[t][r] = results.get(r).predicted()[t];
            }
        }
        List<String> ids = results.stream().map(ApplicantResult::id).toList();
        double[][] actual = results.stream().map(ApplicantResult::actual)
                .toArray(double[][]::new);
        return ApplicantScoring.results(ids, actual, predicted, study.tasks(), scorecard);
    }
}
