package com.creditmtl.studio.eval;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Computes a task's metrics from actual values and predictions in original units. Rows
 * whose actual value is NaN (a masked label) are left out; the metrics' row count says how many
 * were used. The intervals of AUC and MAE come from {@link Bootstrap}.
 *
 * <p>AUC is the Mann–Whitney rank statistic with tied predictions counting one half
 * (nd4j-evaluation's exact ROC steps through tied rows one at a time, so its AUC depended on their
 * order); MAE and RMSE come from nd4j-evaluation's regression evaluation in double precision. KS,
 * the largest gap between the cumulative score distributions of positives and negatives, is
 * computed here because nd4j-evaluation has none; tied predictions are stepped over together so
 * neither figure depends on row order.
 */
public final class TaskEvaluator {

    static final int CALIBRATION_BINS = 10;
    private static final double LOG_LOSS_CLAMP = 1e-15;

    private TaskEvaluator() {
    }

    /** Evaluates with the default cost ratio and bootstrap, choosing the cut-off here. */
    public static TaskMetrics evaluate(TaskSpec task, double[] actual, double[] predicted) {
        return evaluate(task, actual, predicted, EvaluationOptions.DEFAULT, Double.NaN);
    }

    /**
     * @param cutoff the probability from which applicants are refused, as chosen on another
     *     part (validation), or NaN to choose here the one that costs least on these rows
     */
    public static TaskMetrics evaluate(TaskSpec task, double[] actual, double[] predicted,
            EvaluationOptions options, double cutoff) {
        if (actual.length != predicted.length || actual.length == 0) {
            throw new IllegalArgumentException("need equally many actual and predicted values");
        }
        double[][] known = withoutMasked(actual, predicted);
        actual = known[0];
        predicted = known[1];
        if (actual.length == 0) {
            return task.isBinary()
                    ? TaskMetrics.binary(task.name(), task.weight(), 0, Double.NaN, Double.NaN)
                    : TaskMetrics.regression(task.name(), task.weight(), 0, Double.NaN,
                            Double.NaN);
        }
        Bootstrap bootstrap = new Bootstrap(options);
        if (task.isBinary()) {
            double auc = auc(actual, predicted);
            ConfusionMatrix confusion = Double.isNaN(cutoff)
                    ? cheapestCutoff(actual, predicted, options.costRatio())
                    : confusion(actual, predicted, options.costRatio(), cutoff);
            return new TaskMetrics(task.name(), TaskType.BINARY, task.weight(), actual.length,
                    auc, ks(actual, predicted), Double.NaN, Double.NaN, 2 * auc - 1,
                    brier(actual, predicted), logLoss(actual, predicted),
                    averagePrecision(actual, predicted), bootstrap.auc(actual, predicted),
                    calibration(actual, predicted), confusion, Double.NaN, Interval.NONE);
        }
        RegressionEvaluation evaluation = new RegressionEvaluation(1);
        evaluation.eval(column(actual), column(predicted));
        return new TaskMetrics(task.name(), TaskType.REGRESSION, task.weight(), actual.length,
                Double.NaN, Double.NaN, evaluation.meanAbsoluteError(0),
                evaluation.rootMeanSquaredError(0), Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Interval.NONE, List.of(), null, rSquared(actual, predicted),
                bootstrap.mae(actual, predicted));
    }

    /** The rows whose actual value is known: {actual, predicted}. */
    public static double[][] withoutMasked(double[] actual, double[] predicted) {
        int known = 0;
        for (double value : actual) {
            known += Double.isNaN(value) ? 0 : 1;
        }
        if (known == actual.length) {
            return new double[][] {actual, predicted};
        }
        double[] keptActual = new double[known];
        double[] keptPredicted = new double[known];
        for (int i = 0, k = 0; i < actual.length; i++) {
            if (!Double.isNaN(actual[i])) {
                keptActual[k] = actual[i];
                keptPredicted[k++] = predicted[i];
            }
        }
        return new double[][] {keptActual, keptPredicted};
    }

    /** Mean squared difference between the predicted probability and the 0/1 label. */
    public static double brier(double[] labels, double[] probabilities) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double gap = probabilities[i] - labels[i];
            sum += gap * gap;
        }
        return sum / labels.length;
    }

    /**
     * Mean binary cross-entropy in nats, the probabilities clamped to
     * {@code [1e-15, 1 - 1e-15]} so a confident mistake costs much but not infinitely.
     */
    public static double logLoss(double[] labels, double[] probabilities) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double p = Math.min(Math.max(probabilities[i], LOG_LOSS_CLAMP), 1 - LOG_LOSS_CLAMP);
            sum -= labels[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return sum / labels.length;
    }

    /**
     * Area under the precision-recall curve as average precision: over the distinct scores from
     * the highest down, tied rows taken together, the sum of each step's gain in recall times the
     * precision at that step. NaN without positives.
     */
    public static double averagePrecision(double[] labels, double[] scores) {
        Integer[] order = ascending(scores);
        double positives = Arrays.stream(labels).sum();
        if (positives == 0) {
            return Double.NaN;
        }
        double truePositives = 0;
        double flagged = 0;
        double precisionSum = 0;
        for (int to = order.length - 1; to >= 0; ) {
            int from = to;
            while (from - 1 >= 0 && scores[order[from - 1]] == scores[order[to]]) {
                from--;
            }
            double gained = 0;
            for (int k = from; k <= to; k++) {
                gained += labels[order[k]];
            }
            truePositives += gained;
            flagged += to - from + 1;
            precisionSum += gained / positives * (truePositives / flagged);
            to = from - 1;
        }
        return precisionSum;
    }

    /** Ten equal-width bins of predicted probability, the last one closed at 1. */
    public static List<CalibrationBin> calibration(double[] labels, double[] probabilities) {
        int[] counts = new int[CALIBRATION_BINS];
        double[] predictedSums = new double[CALIBRATION_BINS];
        double[] positives = new double[CALIBRATION_BINS];
        for (int i = 0; i < labels.length; i++) {
            int bin = Math.min((int) (probabilities[i] * CALIBRATION_BINS), CALIBRATION_BINS - 1);
            bin = Math.max(bin, 0);
            counts[bin]++;
            predictedSums[bin] += probabilities[i];
            positives[bin] += labels[i];
        }
        List<CalibrationBin> bins = new ArrayList<>();
        for (int b = 0; b < CALIBRATION_BINS; b++) {
            double from = (double) b / CALIBRATION_BINS;
            double to = (double) (b + 1) / CALIBRATION_BINS;
            bins.add(counts[b] == 0 ? new CalibrationBin(from, to, 0, Double.NaN, Double.NaN)
                    : new CalibrationBin(from, to, counts[b], predictedSums[b] / counts[b],
                            positives[b] / counts[b]));
        }
        return bins;
    }

    /**
     * The cut-off that costs least on these rows, trying every distinct predicted probability
     * and refusing nobody; of equally cheap cut-offs the highest (fewest refusals) wins.
     */
    public static ConfusionMatrix cheapestCutoff(double[] labels, double[] probabilities,
            double costRatio) {
        Integer[] order = ascending(probabilities);
        double positives = Arrays.stream(labels).sum();
        double bestCost = costRatio * positives;
        double bestCutoff = Double.POSITIVE_INFINITY;
        double refusedPositives = 0;
        double refusedNegatives = 0;
        for (int to = order.length - 1; to >= 0; ) {
            int from = to;
            while (from - 1 >= 0 && probabilities[order[from - 1]] == probabilities[order[to]]) {
                from--;
            }
            for (int k = from; k <= to; k++) {
                if (labels[order[k]] == 1) {
                    refusedPositives++;
                } else {
                    refusedNegatives++;
                }
            }
            double cost = costRatio * (positives - refusedPositives) + refusedNegatives;
            if (cost < bestCost) {
                bestCost = cost;
                bestCutoff = probabilities[order[to]];
            }
            to = from - 1;
        }
        return confusion(labels, probabilities, costRatio, bestCutoff);
    }

    /** Decisions at a given cut-off: refused from {@code cutoff} up. */
    public static ConfusionMatrix confusion(double[] labels, double[] probabilities,
            double costRatio, double cutoff) {
        int truePositives = 0;
        int falsePositives = 0;
        int trueNegatives = 0;
        int falseNegatives = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean refused = probabilities[i] >= cutoff;
            boolean bad = labels[i] == 1;
            if (refused) {
                truePositives += bad ? 1 : 0;
                falsePositives += bad ? 0 : 1;
            } else {
                falseNegatives += bad ? 1 : 0;
                trueNegatives += bad ? 0 : 1;
            }
        }
        double cost = (costRatio * falseNegatives + falsePositives) / labels.length;
        return new ConfusionMatrix(costRatio, cutoff, truePositives, falsePositives,
                trueNegatives, falseNegatives, cost);
    }

    /** 1 − (squared error) / (squared deviation from the mean of the actual values). */
    public static double rSquared(double[] actual, double[] predicted) {
        double mean = Arrays.stream(actual).average().orElse(Double.NaN);
        double residual = 0;
        double total = 0;
        for (int i = 0; i < actual.length; i++) {
            residual += (actual[i] - predicted[i]) * (actual[i] - predicted[i]);
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        return total == 0 ? Double.NaN : 1 - residual / total;
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

    static Integer[] ascending(double[] scores) {
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
