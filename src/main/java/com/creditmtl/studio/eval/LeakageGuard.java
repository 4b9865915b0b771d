package com.creditmtl.studio.eval;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.Sentence;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Looks for features that give a task's answer away: a numeric feature whose values alone rank a
 * binary task's rows almost perfectly (AUC at least {@link #THRESHOLD}, either way round) or
 * follow a regression target almost linearly (absolute correlation at least the same). Such a
 * column is usually an outcome recorded after the fact (payments, recoveries), and a model
 * trained on it is useless on new applicants, so it is left out unless the analyst keeps it. A
 * feature from {@link #SUSPECT} up is flagged as a suspect but still used: payment and recovery
 * columns of a loan book often score 0.8 to 0.9 alone, which no application-time fact does.
 * Measured on the training rows only, on at most {@link #MAX_ROWS} of them taken at an even
 * stride, and only where at least {@link #MIN_ROWS} rows (and, for a binary task,
 * {@link #MIN_CLASS} of each class) have both the feature and the label.
 *
 * <p>A categorical feature is screened for binary tasks by the AUC of its values' shares of
 * positives, each row scored from the other of two random halves of the rows.
 *
 * <p>Limits: categorical features are not screened against regression tasks, and pairs of
 * features that leak together (principal repaid over amount funded, say) are not screened.
 */
public final class LeakageGuard {

    public static final double THRESHOLD = 0.95;
    public static final double SUSPECT = 0.80;
    static final int MAX_ROWS = 200_000;
    static final int MIN_ROWS = 30;
    static final int MIN_CLASS = 10;
    private static final double SMOOTHING = 10;
    private static final long HALVES_SEED = 20_251_204L;

    private LeakageGuard() {
    }

    /**
     * A feature flagged for a task.
     *
     * @param measure {@code auc} or {@code correlation}
     * @param value the AUC (at least 0.5, taking the better direction) or absolute correlation
     * @param kept whether the analyst keeps the feature anyway
     */
    public record Flag(String feature, String task, String measure, double value, boolean kept) {

        /** Whether the feature is left out of training. */
        public boolean excluded() {
            return value >= THRESHOLD && !kept;
        }

        public String describe() {
            return sentence().english();
        }

        /** What the flag says, as a sentence the window writes in its own language. */
        public Sentence sentence() {
            Sentence name = measure.equals("auc") ? Sentence.of("leakage.auc", "AUC")
                    : Sentence.of("leakage.correlation", "|correlation|");
            String figure = String.format(Locale.ROOT, "%s %.3f", name.english(), value);
            if (value < THRESHOLD) {
                return Sentence.of("leakage.suspect", feature + " alone predicts task " + task
                        + " suspiciously well (" + figure + "); used, but check that it is "
                        + "known when applying", feature, task, name, value);
            }
            String start = feature + " predicts task " + task + " almost alone (" + figure + ")";
            return kept
                    ? Sentence.of("leakage.kept", start + "; kept as chosen", feature, task,
                            name, value)
                    : Sentence.of("leakage.excluded", start + "; left out (keep it to use it)",
                            feature, task, name, value);
        }
    }

    /**
     * A test AUC from this figure up is more than credit data allows without a leak: the
     * figures reported on the usual public sets stop near 0.80.
     */
    public static final double TOO_GOOD_AUC = 0.95;

    /** The guard's suspects named in a {@link #tooGood} warning, at most. */
    static final int SUSPECTS_NAMED = 5;

    /**
     * The guard screens features one by one, so a leak spread over several features (payments
     * made and the amount lent, say) passes it; the model's test AUC then gives it away. One
     * warning per binary task whose test AUC reaches {@value #TOO_GOOD_AUC}, naming the
     * features the guard suspected for it and that were used, strongest first.
     */
    public static List<Sentence> tooGood(List<TaskMetrics> test, List<Flag> flags) {
        List<Sentence> warnings = new ArrayList<>();
        for (TaskMetrics metrics : test) {
            if (metrics.type() != TaskType.BINARY || !(metrics.auc() >= TOO_GOOD_AUC)) {
                continue;
            }
            List<String> suspects = flags.stream()
                    .filter(flag -> flag.task().equals(metrics.task()) && !flag.excluded())
                    .sorted(Comparator.comparingDouble(Flag::value).reversed())
                    .limit(SUSPECTS_NAMED).map(Flag::feature).toList();
            String start = String.format(Locale.ROOT, "task %s reaches a test AUC of %.3f, more "
                    + "than credit data allows without a leak: features known only after the "
                    + "outcome (payments, recoveries, later scores) probably give it away; ",
                    metrics.task(), metrics.auc());
            warnings.add(suspects.isEmpty()
                    ? Sentence.of("leakage.tooGood", start + "check that every feature is "
                            + "known when applying and leave out those that are not",
                            metrics.task(), metrics.auc())
                    : Sentence.of("leakage.tooGoodSuspects", start + "the guard suspected "
                            + String.join(", ", suspects) + "; leave out every feature not "
                            + "known when applying", metrics.task(), metrics.auc(),
                            String.join(", ", suspects)));
        }
        return warnings;
    }

    public static List<Flag> screen(CreditTable table, List<TaskSpec> tasks, int[] rows,
            Collection<String> keep) {
        int[] sample = stride(rows);
        double[][] features = table.features(sample);
        List<Flag> flags = new ArrayList<>();
        for (TaskSpec task : tasks) {
            double[] labels = table.target(task.name(), sample);
            for (int f = 0; f < table.featureNames().size(); f++) {
                String feature = table.featureNames().get(f);
                double value = task.isBinary() ? auc(features, f, labels)
                        : correlation(features, f, labels);
                if (value >= SUSPECT) {
                    flags.add(new Flag(feature, task.name(),
                            task.isBinary() ? "auc" : "correlation", value,
                            keep.contains(feature)));
                }
            }
            if (!task.isBinary()) {
                continue;
            }
            for (String feature : table.categoricalNames()) {
                double value = categoricalAuc(table, feature, sample, labels);
                if (value >= SUSPECT) {
                    flags.add(new Flag(feature, task.name(), "auc", value,
                            keep.contains(feature)));
                }
            }
        }
        return flags;
    }

    /**
     * AUC of a categorical feature's values for a binary task: each row is scored by the share
     * of positives its value has in the other of two random halves of the rows (shares smoothed
     * towards that half's overall share), so that a value seen once cannot predict itself.
     */
    private static double categoricalAuc(CreditTable table, String feature, int[] rows,
            double[] labels) {
        int n = 0;
        int positives = 0;
        for (double label : labels) {
            if (!Double.isNaN(label)) {
                n++;
                positives += label == 1 ? 1 : 0;
            }
        }
        if (n < MIN_ROWS || positives < MIN_CLASS || n - positives < MIN_CLASS) {
            return 0;
        }
        String[] values = new String[rows.length];
        for (int r = 0; r < rows.length; r++) {
            String value = table.category(feature, rows[r]);
            values[r] = value == null ? "" : value;
        }
        // Halves drawn at random (fixed seed): alternate rows could line up with the labels.
        Random random = new Random(HALVES_SEED);
        int[] halves = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            halves[r] = random.nextInt(2);
        }
        List<Map<String, double[]>> counts = List.of(new HashMap<>(), new HashMap<>());
        double[][] totals = new double[2][2];
        for (int r = 0; r < rows.length; r++) {
            if (Double.isNaN(labels[r])) {
                continue;
            }
            int half = halves[r];
            double[] count = counts.get(half).computeIfAbsent(values[r], v -> new double[2]);
            count[0] += labels[r];
            count[1]++;
            totals[half][0] += labels[r];
            totals[half][1]++;
        }
        double[] known = new double[n];
        double[] scores = new double[n];
        for (int r = 0, k = 0; r < rows.length; r++) {
            if (Double.isNaN(labels[r])) {
                continue;
            }
            int other = 1 - halves[r];
            if (totals[other][1] == 0) {
                return 0;
            }
            double prior = totals[other][0] / totals[other][1];
            double[] count = counts.get(other).getOrDefault(values[r], new double[2]);
            scores[k] = (count[0] + SMOOTHING * prior) / (count[1] + SMOOTHING);
            known[k++] = labels[r];
        }
        double auc = TaskEvaluator.auc(known, scores);
        return Double.isNaN(auc) ? 0 : Math.max(auc, 1 - auc);
    }

    private static int[] stride(int[] rows) {
        if (rows.length <= MAX_ROWS) {
            return rows;
        }
        int[] sample = new int[MAX_ROWS];
        double step = rows.length / (double) MAX_ROWS;
        for (int i = 0; i < MAX_ROWS; i++) {
            sample[i] = rows[(int) (i * step)];
        }
        return sample;
    }

    private static double auc(double[][] features, int f, double[] labels) {
        int n = 0;
        int positives = 0;
        for (int r = 0; r < labels.length; r++) {
            if (known(features[r][f], labels[r])) {
                n++;
                positives += labels[r] == 1 ? 1 : 0;
            }
        }
        if (n < MIN_ROWS || positives < MIN_CLASS || n - positives < MIN_CLASS) {
            return 0;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int r = 0, k = 0; r < labels.length; r++) {
            if (known(features[r][f], labels[r])) {
                x[k] = features[r][f];
                y[k++] = labels[r];
            }
        }
        double auc = TaskEvaluator.auc(y, x);
        return Double.isNaN(auc) ? 0 : Math.max(auc, 1 - auc);
    }

    private static double correlation(double[][] features, int f, double[] labels) {
        double n = 0;
        double sx = 0;
        double sy = 0;
        for (int r = 0; r < labels.length; r++) {
            if (known(features[r][f], labels[r])) {
                n++;
                sx += features[r][f];
                sy += labels[r];
            }
        }
        if (n < MIN_ROWS) {
            return 0;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int r = 0; r < labels.length; r++) {
            if (known(features[r][f], labels[r])) {
                double dx = features[r][f] - mx;
                double dy = labels[r] - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }
        if (sxx == 0 || syy == 0) {
            return 0;
        }
        return Math.abs(sxy / Math.sqrt(sxx * syy));
    }

    private static boolean known(double feature, double label) {
        return !Double.isNaN(feature) && !Double.isNaN(label);
    }
}
