package com.creditmtl.studio.eval;

import java.util.Arrays;
import java.util.Random;

/**
 * Percentile bootstrap intervals (95 %) of AUC and MAE, and of the difference between two
 * models' figures on the same rows (a paired bootstrap: each resample draws the rows once and
 * scores both models on them). A resample is a count per row of how often it was drawn, so the
 * figures are weighted sums over rows sorted once, not re-sorted copies. The same seed gives the
 * same intervals. Resamples in which a figure is undefined (one class only) are left out.
 */
public final class Bootstrap {

    private final int resamples;
    private final long seed;

    public Bootstrap(int resamples, long seed) {
        this.resamples = resamples;
        this.seed = seed;
    }

    public Bootstrap(EvaluationOptions options) {
        this(options.resamples(), options.seed());
    }

    public String method() {
        return "percentile bootstrap, " + resamples + " resamples, seed " + seed;
    }

    /** 95 % interval of the AUC of {@code scores} against 0/1 {@code labels}. */
    public Interval auc(double[] labels, double[] scores) {
        Integer[] order = TaskEvaluator.ascending(scores);
        return interval(labels.length, counts -> weightedAuc(labels, scores, order, counts));
    }

    /** 95 % interval of the mean absolute error. */
    public Interval mae(double[] actual, double[] predicted) {
        return interval(actual.length, counts -> weightedMae(actual, predicted, counts));
    }

    /** 95 % interval of AUC(b) − AUC(a) on the same rows. */
    public Interval aucDifference(double[] labels, double[] a, double[] b) {
        Integer[] orderA = TaskEvaluator.ascending(a);
        Integer[] orderB = TaskEvaluator.ascending(b);
        return interval(labels.length, counts -> weightedAuc(labels, b, orderB, counts)
                - weightedAuc(labels, a, orderA, counts));
    }

    /** 95 % interval of MAE(b) − MAE(a) on the same rows. */
    public Interval maeDifference(double[] actual, double[] a, double[] b) {
        return interval(actual.length, counts -> weightedMae(actual, b, counts)
                - weightedMae(actual, a, counts));
    }

    private interface Statistic {
        double of(int[] counts);
    }

    private Interval interval(int rows, Statistic statistic) {
        if (rows == 0) {
            return Interval.NONE;
        }
        Random random = new Random(seed);
        double[] values = new double[resamples];
        int kept = 0;
        int[] counts = new int[rows];
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < rows; i++) {
                counts[random.nextInt(rows)]++;
            }
            double value = statistic.of(counts);
            if (!Double.isNaN(value)) {
                values[kept++] = value;
            }
        }
        if (kept == 0) {
            return Interval.NONE;
        }
        double[] sorted = Arrays.copyOf(values, kept);
        Arrays.sort(sorted);
        return new Interval(quantile(sorted, 0.025), quantile(sorted, 0.975), method());
    }

    /** Linear interpolation between the order statistics around {@code p * (n - 1)}. */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /**
     * AUC with each row counted {@code counts[row]} times: for every positive, the weight of
     * negatives scored lower plus half the weight of negatives tied with it.
     */
    static double weightedAuc(double[] labels, double[] scores, Integer[] order, int[] counts) {
        double negativesBelow = 0;
        double pairs = 0;
        double positives = 0;
        for (int from = 0; from < order.length; ) {
            int to = from;
            while (to + 1 < order.length && scores[order[to + 1]] == scores[order[from]]) {
                to++;
            }
            double tiedPositives = 0;
            double tiedNegatives = 0;
            for (int k = from; k <= to; k++) {
                int row = order[k];
                if (labels[row] == 1) {
                    tiedPositives += counts[row];
                } else {
                    tiedNegatives += counts[row];
                }
            }
            pairs += tiedPositives * (negativesBelow + tiedNegatives / 2);
            negativesBelow += tiedNegatives;
            positives += tiedPositives;
            from = to + 1;
        }
        return positives == 0 || negativesBelow == 0 ? Double.NaN
                : pairs / (positives * negativesBelow);
    }

    static double weightedMae(double[] actual, double[] predicted, int[] counts) {
        double sum = 0;
        double rows = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += counts[i] * Math.abs(actual[i] - predicted[i]);
            rows += counts[i];
        }
        return sum / rows;
    }
}
