package com.creditmtl.studio.prep;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Feature and target transformations, fitted on the training part only and then applied
 * unchanged to validation, test and new applicants.
 *
 * <p>Features: a missing value is replaced by the training median, then standardised with the
 * training mean and standard deviation (a constant feature is only centred). Regression targets
 * are standardised for the loss, because days and currency amounts differ by orders of
 * magnitude; predictions are turned back into original units and, for a target that is never
 * negative in training, floored at zero. Binary targets are left as 0/1.
 *
 * <p>{@link #toJson} and {@link #fromJson} keep every fitted number; JSON numbers are written
 * as the shortest decimal that reads back to the same double, so nothing is lost.
 */
public final class Preprocessor {

    private final double[] medians;
    private final double[] means;
    private final double[] scales;
    private final List<TaskSpec> tasks;
    private final double[] targetMeans;
    private final double[] targetScales;
    private final boolean[] nonNegative;
    private final boolean[] logged;
    private final double[] loggedMax;

    /** Skewness above which a non-negative target is learnt on the log scale, when asked. */
    public static final double SKEWED = 1.0;

    private Preprocessor(double[] medians, double[] means, double[] scales, List<TaskSpec> tasks,
            double[] targetMeans, double[] targetScales, boolean[] nonNegative,
            boolean[] logged, double[] loggedMax) {
        this.medians = medians;
        this.means = means;
        this.scales = scales;
        this.tasks = List.copyOf(tasks);
        this.targetMeans = targetMeans;
        this.targetScales = targetScales;
        this.nonNegative = nonNegative;
        this.logged = logged;
        this.loggedMax = loggedMax;
    }

    /**
     * @param features training rows, NaN where missing
     * @param tasks the tasks, in the order of the columns of {@code targets}
     * @param targets training targets, one row per applicant and one column per task, NaN where
     *     a label is missing; the target scaling is fitted on the known labels
     */
    public static Preprocessor fit(double[][] features, List<TaskSpec> tasks, double[][] targets) {
        return fit(features, tasks, targets, false);
    }

    /**
     * @param logSkewedTargets learn a regression target as log(1 + y) when its known training
     *     values are all non-negative and their skewness is above {@value #SKEWED}: errors on
     *     the log scale keep a few large amounts from dominating the loss, and predictions come
     *     back through exp(x) - 1, near the typical value rather than the mean, and never
     *     above the largest training value
     */
    public static Preprocessor fit(double[][] features, List<TaskSpec> tasks, double[][] targets,
            boolean logSkewedTargets) {
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
        boolean[] logged = new boolean[tasks.size()];
        double[] loggedMax = new double[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            double[] column = Arrays.stream(column(targets, t))
                    .filter(v -> !Double.isNaN(v)).toArray();
            nonNegative[t] = Arrays.stream(column).allMatch(v -> v >= 0);
            if (tasks.get(t).isBinary()) {
                targetScales[t] = 1;
                continue;
            }
            logged[t] = logSkewedTargets && nonNegative[t] && skewness(column) > SKEWED;
            if (logged[t]) {
                column = Arrays.stream(column).map(Math::log1p).toArray();
                loggedMax[t] = Arrays.stream(column).max().orElse(0);
            }
            targetMeans[t] = mean(column);
            targetScales[t] = nonZero(standardDeviation(column, targetMeans[t]));
        }
        return new Preprocessor(medians, means, scales, tasks, targetMeans, targetScales,
                nonNegative, logged, loggedMax);
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
        double learnt = logged[task] ? Math.log1p(value) : value;
        return (learnt - targetMeans[task]) / targetScales[task];
    }

    /** A network output back in the task's original units. */
    public double unscaleTarget(int task, double value) {
        double learnt = value * targetScales[task] + targetMeans[task];
        // exp turns an output beyond anything seen in training into an absurd amount
        double original = logged[task] ? Math.expm1(Math.min(learnt, loggedMax[task])) : learnt;
        return nonNegative[task] ? Math.max(original, 0) : original;
    }

    /** Whether the task is learnt on the log scale. */
    public boolean isLogScaled(int task) {
        return logged[task];
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

    /** Sample skewness: the third standardised moment, 0 for a constant column. */
    static double skewness(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double mean = mean(values);
        double sd = standardDeviation(values, mean);
        if (sd < 1e-12) {
            return 0;
        }
        double sum = 0;
        for (double v : values) {
            double z = (v - mean) / sd;
            sum += z * z * z;
        }
        return sum / values.length;
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

    /** Every fitted number, as JSON; {@link #fromJson} reads it back. */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        putArray(root, "medians", medians);
        putArray(root, "means", means);
        putArray(root, "scales", scales);
        ArrayNode taskNodes = root.putArray("tasks");
        for (int t = 0; t < tasks.size(); t++) {
            TaskSpec task = tasks.get(t);
            taskNodes.addObject().put("name", task.name())
                    .put("type", task.type().name().toLowerCase(Locale.ROOT))
                    .put("weight", task.weight())
                    .put("target_mean", targetMeans[t])
                    .put("target_scale", targetScales[t])
                    .put("non_negative", nonNegative[t])
                    .put("logged", logged[t])
                    .put("logged_max", loggedMax[t]);
        }
        return root;
    }

    /**
     * The preprocessing {@link #toJson} wrote.
     *
     * @throws IllegalArgumentException naming what is missing or inconsistent
     */
    public static Preprocessor fromJson(JsonNode root) {
        double[] medians = doubles(root, "medians");
        double[] means = doubles(root, "means");
        double[] scales = doubles(root, "scales");
        if (means.length != medians.length || scales.length != medians.length) {
            throw new IllegalArgumentException("preprocessor: medians, means and scales differ "
                    + "in length");
        }
        JsonNode taskNodes = root.path("tasks");
        if (!taskNodes.isArray() || taskNodes.isEmpty()) {
            throw new IllegalArgumentException("preprocessor: 'tasks' must be a list of tasks");
        }
        int count = taskNodes.size();
        List<TaskSpec> tasks = new ArrayList<>();
        double[] targetMeans = new double[count];
        double[] targetScales = new double[count];
        boolean[] nonNegative = new boolean[count];
        boolean[] logged = new boolean[count];
        double[] loggedMax = new double[count];
        for (int t = 0; t < count; t++) {
            JsonNode node = taskNodes.get(t);
            String type = node.path("type").asText("");
            if (!node.path("name").isTextual() || !(type.equals("binary")
                    || type.equals("regression"))) {
                throw new IllegalArgumentException("preprocessor: task " + (t + 1)
                        + " needs a name and the type binary or regression");
            }
            tasks.add(new TaskSpec(node.get("name").asText(),
                    TaskType.valueOf(type.toUpperCase(Locale.ROOT)), number(node, "weight")));
            targetMeans[t] = number(node, "target_mean");
            targetScales[t] = number(node, "target_scale");
            nonNegative[t] = node.path("non_negative").asBoolean(false);
            logged[t] = node.path("logged").asBoolean(false);
            loggedMax[t] = number(node, "logged_max");
        }
        return new Preprocessor(medians, means, scales, tasks, targetMeans, targetScales,
                nonNegative, logged, loggedMax);
    }

    private static void putArray(ObjectNode root, String field, double[] values) {
        ArrayNode array = root.putArray(field);
        for (double value : values) {
            array.add(value);
        }
    }

    private static double[] doubles(JsonNode root, String field) {
        JsonNode array = root.path(field);
        if (!array.isArray()) {
            throw new IllegalArgumentException("preprocessor: '" + field + "' must be a list");
        }
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            if (!array.get(i).isNumber()) {
                throw new IllegalArgumentException("preprocessor: '" + field + "' holds "
                        + "something other than a number");
            }
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("preprocessor: '" + field + "' must be a number");
        }
        return value.asDouble();
    }
}
