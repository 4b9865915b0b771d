package com.creditmtl.studio.eval;

import com.creditmtl.studio.data.TaskSpec;
import java.util.Arrays;
import java.util.Comparator;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Computes a task's test metrics from actual values and predictions in original units. Rows
 * whose actual value is NaN (a masked label) are left out; the metrics' row count says how many
 * were used.
 *
 * <p>AUC is the Mann–Whitney rank statistic with tied predictions counting one half
 * (nd4j-evaluation's exact ROC steps through tied rows one at a time, so its AUC depended on their
 * order); MAE and RMSE come from nd4j-evaluation's regression evaluation in double precision. KS,
 * the largest gap between the cumulative score distributions of positives and negatives, is
 * computed here because nd4j-evaluation has none; tied predictions are stepped over together so
 * neither figure depends on row order.
 */
public final class TaskEvaluator {

    private TaskEvaluator() {
    }

    public static TaskMetrics evaluate(TaskSpec task, double[] actual, double[] predicted) {
        if (actual.length != predicted.length || actual.length == 0) {
            throw new IllegalArgumentException("need equally many actual and predicted values");
        }
        int known = 0;
        for (double value : actual) {
            known += Double.isNaN(value) ? 0 : 1;
        }
        if (known < actual.length) {
            double[] keptActual = new double[known];
            double[] keptPredicted = new double[known];
            for (int i = 0, k = 0; i < actual.length; i++) {
                if (!Double.isNaN(actual[i])) {
                    keptActual[k] = actual[i];
                    keptPredicted[k++] = predicted[i];
                }
            }
            actual = keptActual;
            predicted = keptPredicted;
        }
        if (actual.length == 0) {
            return task.isBinary()
                    ? TaskMetrics.binary(task.name(), task.weight(), 0, Double.NaN, Double.NaN)
                    : TaskMetrics.regression(task.name(), task.weight(), 0, Double.NaN,
                            Double.NaN);
        }
        if (task.isBinary()) {
            return TaskMetrics.binary(task.name(), task.weight(), actual.length,
                    auc(actual, predicted), ks(actual, predicted));
        }
        RegressionEvaluation evaluation = new RegressionEvaluation(1);
        evaluation.eval(column(actual), column(predicted));
        return TaskMetrics.regression(task.name(), task.weight(), actual.length,
                evaluation.meanAbsoluteError(0), evaluation.rootMeanSquaredError(0));
    }

    /** Area under the ROC curve; NaN when only one class is present. */
    public static double auc(double[] labels, double[] scores) {
        if (!hasBothClasses(labels)) {
            return Double.NaN;
        }
        Integer[] order = ascending(scores);
        double positives = 0;
        double positiveRanks = 0;
        for (int from = 0; from < order.length; ) {
            int to = from;
            while (to + 1 < order.length && scores[order[to + 1]] == scores[order[from]]) {
                to++;
            }
            double midRank = (from + to) / 2.0 + 1;
            for (int k = from; k <= to; k++) {
                if (labels[order[k]] == 1) {
                    positives++;
                    positiveRanks += midRank;
                }
            }
            from = to + 1;
        }
        double negatives = labels.length - positives;
        return (positiveRanks - positives * (positives + 1) / 2) / (positives * negatives);
    }

    private static Integer[] ascending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        return order;
    }

    /** Kolmogorov–Smirnov statistic between positives' and negatives' scores. */
    public static double ks(double[] labels, double[] scores) {
        if (!hasBothClasses(labels)) {
            return Double.NaN;
        }
        Integer[] order = ascending(scores);
        double positives = Arrays.stream(labels).sum();
        double negatives = labels.length - positives;

        double seenPositives = 0;
        double seenNegatives = 0;
        double best = 0;
        for (int k = 0; k < order.length; k++) {
            if (labels[order[k]] == 1) {
                seenPositives++;
            } else {
                seenNegatives++;
            }
            boolean lastOfTie = k == order.length - 1
                    || scores[order[k + 1]] != scores[order[k]];
            if (lastOfTie) {
                best = Math.max(best,
                        Math.abs(seenPositives / positives - seenNegatives / negatives));
            }
        }
        return best;
    }

    private static boolean hasBothClasses(double[] labels) {
        boolean positive = false;
        boolean negative = false;
        for (double label : labels) {
            positive |= label == 1;
            negative |= label == 0;
        }
        return positive && negative;
    }

    private static INDArray column(double[] values) {
        return Nd4j.create(values, new long[] {values.length, 1}, DataType.DOUBLE);
    }
}
