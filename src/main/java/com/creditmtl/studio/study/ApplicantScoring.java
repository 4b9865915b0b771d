package com.creditmtl.studio.study;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.scoring.Scorecard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns predictions into applicant results with the scorecard: score, grade, expected loss. */
final class ApplicantScoring {

    private ApplicantScoring() {
    }

    /**
     * @param actual per applicant the actual value of every task, or null when unknown
     * @param predicted {@code [task][applicant]} predictions in original units
     */
    static List<ApplicantResult> results(List<String> ids, double[][] actual,
            double[][] predicted, List<TaskSpec> tasks, Scorecard scorecard) {
        int binary = StudyTrainer.scoringTask(tasks);
        int amount = scorecard.amountIndex(tasks);
        List<ApplicantResult> results = new ArrayList<>(ids.size());
        for (int r = 0; r < ids.size(); r++) {
            double[] prediction = new double[predicted.length];
            for (int t = 0; t < predicted.length; t++) {
                prediction[t] = predicted[t][r];
            }
            double score = binary < 0 ? Double.NaN : scorecard.score(prediction[binary]);
            String grade = binary < 0 ? "" : scorecard.grade(score);
            double loss = binary < 0 || amount < 0 ? Double.NaN
                    : Scorecard.expectedLoss(prediction[binary], prediction[amount]);
            double[] known = actual != null ? actual[r] : unknown(tasks.size());
            results.add(new ApplicantResult(ids.get(r), known, prediction, score, grade, loss));
        }
        return results;
    }

    private static double[] unknown(int tasks) {
        double[] values = new double[tasks];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
