package com.creditmtl.studio.eval;

import com.creditmtl.studio.data.TaskSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Global importance of each original feature column for each task, by permutation: shuffle the
 * column's values across the rows (all its encoded inputs together, so a one-hot row stays one
 * row and a missing indicator stays with its value) and measure how much worse the model gets:
 * the drop in AUC for a binary task, the rise in MAE (original units) for a regression task.
 * Each column is shuffled {@code repeats} times with a seeded generator; the mean and sample
 * standard deviation of the change are reported.
 *
 * <p>Limits: a column that is correlated with another can look unimportant because the other
 * still carries its information; the figures describe the model on these rows, not the world.
 * Rows whose label is masked are left out of that task's measure; a binary task whose known
 * labels are of one class has no AUC, and its figures are NaN.
 */
public final class PermutationImportance {

    private PermutationImportance() {
    }

    /** A model's predictions of encoded rows, {@code [task][row]} in original units. */
    @FunctionalInterface
    public interface Model {
        double[][] predict(double[][] rows);
    }

    /**
     * One column's importance for one task.
     *
     * @param mean mean loss of quality when the column is shuffled: AUC points or MAE units
     * @param sd sample standard deviation over the repeats, 0 for one repeat
     */
    public record Feature(String feature, double mean, double sd) {
    }

    /**
     * Every column's importance for one task, most important first.
     *
     * @param measure {@code auc} or {@code mae}
     * @param baseline the measure on the rows as they are
     */
    public record Task(String task, String measure, double baseline, List<Feature> features) {

        public Task {
            features = List.copyOf(features);
        }

        /** A column's importance, or null when there is no such column. */
        public Feature feature(String name) {
            return features.stream().filter(f -> f.feature().equals(name)).findFirst()
                    .orElse(null);
        }
    }

    /**
     * @param rows encoded rows as the model reads them
     * @param targets actual values, {@code [row][task]}, NaN where masked
     * @param columns the original columns
     * @param source for each encoded input, its column's index in {@code columns}
     */
    public static List<Task> compute(Model model, double[][] rows, double[][] targets,
            List<TaskSpec> tasks, List<String> columns, int[] source, int repeats, long seed) {
        if (repeats < 1) {
            throw new IllegalArgumentException("need at least 1 repeat, not " + repeats);
        }
        if (rows.length < 2) {
            throw new IllegalArgumentException("need at least 2 rows to shuffle");
        }
        double[] baseline = measures(model.predict(rows), targets, tasks);

        double[][] work = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            work[r] = rows[r].clone();
        }
        Random random = new Random(seed);
        double[][][] changes = new double[tasks.size()][columns.size()][repeats];
        for (int c = 0; c < columns.size(); c++) {
            int[] inputs = inputsOf(source, c);
            for (int k = 0; k < repeats; k++) {
                int[] order = shuffled(rows.length, random);
                for (int r = 0; r < rows.length; r++) {
                    for (int i : inputs) {
                        work[r][i] = rows[order[r]][i];
                    }
                }
                double[] measured = measures(model.predict(work), targets, tasks);
                for (int t = 0; t < tasks.size(); t++) {
                    changes[t][c][k] = tasks.get(t).isBinary() ? baseline[t] - measured[t]
                            : measured[t] - baseline[t];
                }
            }
            for (int r = 0; r < rows.length; r++) {
                for (int i : inputs) {
                    work[r][i] = rows[r][i];
                }
            }
        }

        List<Task> result = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            List<Feature> features = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                features.add(new Feature(columns.get(c), mean(changes[t][c]),
                        sd(changes[t][c])));
            }
            features.sort(Comparator.comparingDouble(Feature::mean).reversed());
            TaskSpec task = tasks.get(t);
            result.add(new Task(task.name(), task.isBinary() ? "auc" : "mae", baseline[t],
                    features));
        }
        return result;
    }

    private static double[] measures(double[][] predicted, double[][] targets,
            List<TaskSpec> tasks) {
        double[] measures = new double[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            double[] actual = new double[targets.length];
            for (int r = 0; r < targets.length; r++) {
                actual[r] = targets[r][t];
            }
            double[][] known = TaskEvaluator.withoutMasked(actual, predicted[t]);
            measures[t] = tasks.get(t).isBinary() ? TaskEvaluator.auc(known[0], known[1])
                    : mae(known[0], known[1]);
        }
        return measures;
    }

    private static double mae(double[] actual, double[] predicted) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(actual[i] - predicted[i]);
        }
        return actual.length == 0 ? Double.NaN : sum / actual.length;
    }

    private static int[] inputsOf(int[] source, int column) {
        return IntStream.range(0, source.length)
                .filter(i -> source[i] == column).toArray();
    }

    /** A Fisher–Yates shuffle of 0 … n−1. */
    private static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double sd(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }
}
