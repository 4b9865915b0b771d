package com.creditmtl.studio.prep;

import com.creditmtl.studio.data.TaskSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Feature and target transformations, fitted on the training part only and then applied
 * unchanged to validation, test and new applicants.
 *
 * <p>Features: a missing value is replaced by the training median, then standardised with the
 * training mean and standard deviation (a constant feature is only centred). Regression targets
 * are standardised for the loss, because days and currency amounts differ by orders of
 * magnitude; predictions are turned back into original units and, for a target that is never
 * negative in training, floored at zero. Binary targets are left as 0/1.
 */
public final class Preprocessor {

    private final double[] medians;
    private final double[] means;
    private final double[] scales;
    private final List<TaskSpec> tasks;
    private final double[] targetMeans;
    private final double[] targetScales;
    private final boolean[] nonNegative;

    private Preprocessor(double[] medians, double[] means, double[] scales, List<TaskSpec> tasks,
            double[] targetMeans, double[] targetScales, boolean[] nonNegative) {
        this.medians = medians;
        this.means = means;
        this.scales = scales;
        this.tasks = List.copyOf(tasks);
        this.targetMeans = targetMeans;
        this.targetScales = targetScales;
        this.nonNegative = nonNegative;
    }

    /**
     * @param features training rows, NaN where missing
     * @param tasks the tasks, in the order of the columns of {@code targets}
     * @param targets training targets, one row per applicant and one column per task, NaN where
     *     a label is missing; the target scaling is fitted on the known labels
     */
    public static Preprocessor fit(double[][] features, List<TaskSpec> tasks, double[][] targets) {
        if (features.length == 0) {
            throw new IllegalArgumentException("cannot fit preprocessing on no rows");
        }
        int width = features[0].length;
        double[] medians = new double[width];
        double[] means = new double[width];
        double[] scales = new double[width];
        for (int f = 0; f < width; f++) {
            double[] column = column(features, f);
            medians[f] = median(column);
            fillMissing(column, medians[f]);
            means[f] = mean(column);
            scales[f] = nonZero(standardDeviation(column, means[f]));
        }

        double[] targetMeans = new double[tasks.size()];
        double[] targetScales = new double[tasks.size()];
        boolean[] nonNegative = new boolean[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            double[] column = Arrays.stream(column(targets, t))
                    .filter(v -> !Double.isNaN(v)).toArray();
            if (tasks.get(t).isBinary()) {
                targetScales[t] = 1;
            } else {
                targetMeans[t] = mean(column);
                targetScales[t] = nonZero(standardDeviation(column, targetMeans[t]));
            }
            nonNegative[t] = Arrays.stream(column).allMatch(v -> v >= 0);
        }
        return new Preprocessor(medians, means, scales, tasks, targetMeans, targetScales,
                nonNegative);
    }

    public int featureCount() {
        return medians.length;
    }

    public List<TaskSpec> tasks() {
        return tasks;
    }

    /** Imputed and standardised copy of the given rows. */
    public double[][] transformFeatures(double[][] raw) {
        double[][] out = new double[raw.length][];
        for (int r = 0; r < raw.length; r++) {
            checkWidth(raw[r], r);
            out[r] = new double[medians.length];
            for (int f = 0; f < medians.length; f++) {
                out[r][f] = transform(f, raw[r][f]);
            }
        }
        return out;
    }

    /**
     * Imputed and standardised rows written straight into {@code out}, row after row
     * ({@code out[r * featureCount() + f]}): the network's input without an intermediate copy.
     */
    public void transformFeaturesInto(double[][] raw, float[] out) {
        int width = medians.length;
        if (out.length < raw.length * width) {
            throw new IllegalArgumentException("room for " + out.length + " values, need "
                    + raw.length * width);
        }
        for (int r = 0; r < raw.length; r++) {
            checkWidth(raw[r], r);
            int base = r * width;
            for (int f = 0; f < width; f++) {
                out[base + f] = (float) transform(f, raw[r][f]);
            }
        }
    }

    private double transform(int feature, double raw) {
        double value = Double.isNaN(raw) ? medians[feature] : raw;
        return (value - means[feature]) / scales[feature];
    }

    private void checkWidth(double[] row, int index) {
        if (row.length != medians.length) {
            throw new IllegalArgumentException("row " + index + " has " + row.length
                    + " features, expected " + medians.length);
        }
    }

    /** A target value as the loss sees it. */
    public double scaleTarget(int task, double value) {
        return (value - targetMeans[task]) / targetScales[task];
    }

    /** A network output back in the task's original units. */
    public double unscaleTarget(int task, double value) {
        double original = value * targetScales[task] + targetMeans[task];
        return nonNegative[task] ? Math.max(original, 0) : original;
    }

    public double featureMedian(int feature) {
        return medians[feature];
    }

    public double featureMean(int feature) {
        return means[feature];
    }

    public double featureScale(int feature) {
        return scales[feature];
    }

    public double targetMean(int task) {
        return targetMeans[task];
    }

    public double targetScale(int task) {
        return targetScales[task];
    }

    public boolean isNonNegative(int task) {
        return nonNegative[task];
    }

    private static double[] column(double[][] rows, int index) {
        double[] column = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            column[r] = rows[r][index];
        }
        return column;
    }

    private static double median(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (present.length == 0) {
            return 0;
        }
        int mid = present.length / 2;
        return present.length % 2 == 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
    }

    private static void fillMissing(double[] values, double fill) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                values[i] = fill;
            }
        }
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double standardDeviation(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }

    private static double nonZero(double scale) {
        return scale > 1e-12 ? scale : 1;
    }
}
