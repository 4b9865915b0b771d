package com.creditmtl.studio.study;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.eval.CalibrationBin;
import com.creditmtl.studio.eval.ConfusionMatrix;
import com.creditmtl.studio.eval.Interval;
import com.creditmtl.studio.eval.LeakageGuard;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.EpochReport;
import com.creditmtl.studio.model.TaskLoss;
import com.creditmtl.studio.model.TrainingOptions;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.prep.Split;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the saved form of a study back into the {@link Study} it was saved from: the settings,
 * the split, the per-epoch history, the test and validation metrics, the leakage findings and
 * the test applicants' results, read from the study file's JSON. The window and the report
 * then show a reopened study as they show a freshly trained one.
 *
 * <p>Figures are read as they were written; nothing is recomputed, so a report of a reopened
 * study shows the metrics of the training run, not of the current code.
 */
final class StudyRestorer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StudyRestorer() {
    }

    static Study restore(SavedStudy saved) {
        JsonNode settingsJson = saved.settings();
        JsonNode metricsJson = saved.metrics();
        TrainingSettings settings = settings(settingsJson);
        List<TaskMetrics> test = new ArrayList<>();
        List<TaskMetrics> validation = new ArrayList<>();
        for (TaskSpec task : settings.tasks()) {
            JsonNode node = required(metricsJson.path("tasks"), task.name(), "metrics");
            test.add(metrics(task, node));
            if (node.has("validation")) {
                validation.add(metrics(task, node.get("validation")));
            }
        }
        return new Study(saved.encoder().outputNames(), settings, saved.split(),
                saved.preprocessor(), saved.network(), history(metricsJson.path("history")),
                test, saved.testResults(), saved.scorecard(),
                metricsJson.path("train_seconds").asDouble(Double.NaN), saved.encoder(),
                leakage(metricsJson.path("leakage")), validation,
                settingsJson.path("kept_epoch").asInt(settings.epochs()),
                saved.driftReference());
    }

    static TrainingSettings settings(JsonNode node) {
        List<TaskSpec> tasks = new ArrayList<>();
        for (JsonNode task : node.path("tasks")) {
            tasks.add(new TaskSpec(task.path("name").asText(),
                    TaskType.valueOf(task.path("type").asText().toUpperCase(Locale.ROOT)),
                    task.path("weight").asDouble()));
        }
        List<Integer> layers = new ArrayList<>();
        node.path("hidden_layers").forEach(width -> layers.add(width.asInt()));
        JsonNode options = node.path("options");
        TrainingOptions trainingOptions = new TrainingOptions(options.path("dropout").asDouble(),
                options.path("l2").asDouble(), options.path("rate_decay").asDouble(1),
                options.path("patience").asInt(), options.path("class_weights").asBoolean(),
                options.path("log_targets").asBoolean(),
                TrainingOptions.TaskBalancing.valueOf(options.path("balancing").asText("none")
                        .toUpperCase(Locale.ROOT)),
                TrainingOptions.RegressionLoss.valueOf(options.path("regression_loss")
                        .asText("squared").toUpperCase(Locale.ROOT)),
                options.path("averaging").asDouble(0),
                options.path("log_copies").asBoolean(false));
        return new TrainingSettings(tasks, layers, node.path("epochs").asInt(),
                node.path("batch_size").asInt(), node.path("learning_rate").asDouble(),
                node.path("seed").asLong(), node.path("test_fraction").asDouble(),
                node.path("validation_fraction").asDouble(), trainingOptions);
    }

    static TaskMetrics metrics(TaskSpec task, JsonNode node) {
        int rows = node.path("rows").asInt();
        if (task.isBinary()) {
            List<CalibrationBin> bins = new ArrayList<>();
            for (JsonNode bin : node.path("calibration")) {
                bins.add(new CalibrationBin(bin.path("from").asDouble(), bin.path("to").asDouble(),
                        bin.path("count").asInt(), number(bin.path("mean_predicted")),
                        number(bin.path("observed_rate"))));
            }
            return new TaskMetrics(task.name(), task.type(), task.weight(), rows,
                    number(node.path("auc")), number(node.path("ks")), Double.NaN, Double.NaN,
                    number(node.path("gini")), number(node.path("brier")),
                    number(node.path("log_loss")), number(node.path("pr_auc")),
                    interval(node, "auc_95"), bins, confusion(node.path("confusion")),
                    Double.NaN, Interval.NONE);
        }
        return new TaskMetrics(task.name(), task.type(), task.weight(), rows, Double.NaN,
                Double.NaN, number(node.path("mae")), number(node.path("rmse")), Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Interval.NONE, List.of(), null,
                number(node.path("r2")), interval(node, "mae_95"));
    }

    private static ConfusionMatrix confusion(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        double cutoff = node.path("cutoff").isNull() ? Double.POSITIVE_INFINITY
                : number(node.path("cutoff"));
        return new ConfusionMatrix(number(node.path("cost_ratio")), cutoff,
                node.path("true_positives").asInt(), node.path("false_positives").asInt(),
                node.path("true_negatives").asInt(), node.path("false_negatives").asInt(),
                number(node.path("cost_per_applicant")));
    }

    private static Interval interval(JsonNode node, String name) {
        JsonNode bounds = node.path(name);
        if (!bounds.isArray() || bounds.size() != 2) {
            return Interval.NONE;
        }
        return new Interval(number(bounds.get(0)), number(bounds.get(1)),
                node.path("interval_method").asText(""));
    }

    private static List<EpochReport> history(JsonNode node) {
        List<EpochReport> history = new ArrayList<>();
        int epochs = node.size();
        for (JsonNode epoch : node) {
            List<TaskLoss> losses = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> tasks = epoch.path("losses").fields();
            while (tasks.hasNext()) {
                Map.Entry<String, JsonNode> task = tasks.next();
                JsonNode loss = task.getValue();
                double train = number(loss.path("train"));
                double weighted = number(loss.path("weighted_train"));
                double weight = train != 0 && Double.isFinite(train) ? weighted / train : 0;
                losses.add(new TaskLoss(task.getKey(), weight, train,
                        number(loss.path("validation"))));
            }
            history.add(new EpochReport(epoch.path("epoch").asInt(), epochs, losses,
                    number(epoch.path("seconds"))));
        }
        return history;
    }

    private static List<LeakageGuard.Flag> leakage(JsonNode node) {
        List<LeakageGuard.Flag> flags = new ArrayList<>();
        for (JsonNode flag : node) {
            String measure = flag.has("auc") ? "auc" : "correlation";
            flags.add(new LeakageGuard.Flag(flag.path("feature").asText(),
                    flag.path("task").asText(), measure, number(flag.path(measure)),
                    flag.path("kept").asBoolean()));
        }
        return flags;
    }

    /** The split as JSON: the row numbers of each part. */
    static ObjectNode splitJson(Split split) {
        ObjectNode root = NODES.objectNode();
        rows(root.putArray("train"), split.train());
        rows(root.putArray("validation"), split.validation());
        rows(root.putArray("test"), split.test());
        return root;
    }

    static Split split(JsonNode node) {
        return new Split(rows(node, "train"), rows(node, "validation"), rows(node, "test"));
    }

    /** The test applicants' results as JSON; an unknown actual value is null. */
    static ArrayNode resultsJson(List<ApplicantResult> results) {
        ArrayNode root = NODES.arrayNode();
        for (ApplicantResult result : results) {
            ObjectNode row = root.addObject();
            row.put("id", result.id());
            numbers(row.putArray("actual"), result.actual());
            numbers(row.putArray("predicted"), result.predicted());
            row.put("score", result.score());
            row.put("grade", result.grade());
            if (Double.isNaN(result.expectedLoss())) {
                row.putNull("expected_loss");
            } else {
                row.put("expected_loss", result.expectedLoss());
            }
        }
        return root;
    }

    static List<ApplicantResult> results(JsonNode node, int tasks) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("a list of applicants is expected");
        }
        List<ApplicantResult> results = new ArrayList<>(node.size());
        for (JsonNode row : node) {
            double[] actual = numbers(row.path("actual"), tasks);
            double[] predicted = numbers(row.path("predicted"), tasks);
            if (!row.path("id").isTextual() || !row.path("grade").isTextual()) {
                throw new IllegalArgumentException("each applicant needs an id and a grade");
            }
            results.add(new ApplicantResult(row.get("id").asText(), actual, predicted,
                    number(row.path("score")), row.get("grade").asText(),
                    number(row.path("expected_loss"))));
        }
        return results;
    }

    private static void rows(ArrayNode into, int[] rows) {
        for (int row : rows) {
            into.add(row);
        }
    }

    private static int[] rows(JsonNode node, String part) {
        JsonNode rows = node.path(part);
        if (!rows.isArray()) {
            throw new IllegalArgumentException("the split has no list of " + part + " rows");
        }
        int[] values = new int[rows.size()];
        for (int i = 0; i < values.length; i++) {
            if (!rows.get(i).canConvertToInt() || rows.get(i).asInt() < 0) {
                throw new IllegalArgumentException("the split's " + part + " rows must be "
                        + "whole numbers from 0");
            }
            values[i] = rows.get(i).asInt();
        }
        return values;
    }

    private static void numbers(ArrayNode into, double[] values) {
        for (double value : values) {
            if (Double.isNaN(value)) {
                into.addNull();
            } else {
                into.add(value);
            }
        }
    }

    private static double[] numbers(JsonNode node, int count) {
        if (!node.isArray() || node.size() != count) {
            throw new IllegalArgumentException("each applicant needs " + count
                    + " values per list");
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = number(node.get(i));
        }
        return values;
    }

    /** A number, or NaN for null, a missing field or the text "NaN". */
    private static double number(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? Double.NaN
                : node.asDouble(Double.NaN);
    }

    private static JsonNode required(JsonNode parent, String field, String what) {
        JsonNode node = parent.path(field);
        if (!node.isObject()) {
            throw new IllegalArgumentException("the " + what + " have no entry for task "
                    + field);
        }
        return node;
    }
}
