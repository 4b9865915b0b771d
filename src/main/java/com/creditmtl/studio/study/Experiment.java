package com.creditmtl.studio.study;

import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.RefusedException;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.model.TrainingOptions;
import com.creditmtl.studio.model.TrainingSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run spec to share: which file to read, how to import it and how to train on it (settings
 * with their seed), as a small JSON file. Opening one and training repeats the run, provided the
 * data file is the same; the file is referred to, not copied, and no check that it is unchanged
 * is made. A relative data path is resolved against the experiment file's folder.
 *
 * @param dataFile the data file as written in the experiment
 * @param importOptions how the file is read, null for every setting detected
 * @param settings tasks, weights and every training option, with the seed
 */
public record Experiment(String dataFile, ImportOptions importOptions,
        TrainingSettings settings) {

    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    public Experiment {
        if (dataFile == null || dataFile.isBlank()) {
            throw new IllegalArgumentException("an experiment needs a data file");
        }
        if (settings == null) {
            throw new IllegalArgumentException("an experiment needs training settings");
        }
    }

    /** The data file, a relative one taken from the folder of {@code experimentFile}. */
    public Path dataPath(Path experimentFile) {
        Path data = Path.of(dataFile);
        Path folder = experimentFile == null ? null : experimentFile.toAbsolutePath().getParent();
        return data.isAbsolute() || folder == null ? data : folder.resolve(data).normalize();
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("data_file", dataFile);
        if (importOptions != null) {
            try {
                root.set("import", JSON.readTree(importOptions.toJson()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("import options cannot be written", e);
            }
        }
        ObjectNode training = root.putObject("training");
        ArrayNode tasks = training.putArray("tasks");
        for (TaskSpec task : settings.tasks()) {
            tasks.addObject().put("name", task.name())
                    .put("type", task.type().name().toLowerCase(Locale.ROOT))
                    .put("weight", task.weight());
        }
        ArrayNode layers = training.putArray("shared_layers");
        settings.hiddenLayers().forEach(layers::add);
        training.put("epochs", settings.epochs());
        training.put("batch_size", settings.batchSize());
        training.put("learning_rate", settings.learningRate());
        training.put("seed", settings.seed());
        training.put("test_fraction", settings.testFraction());
        training.put("validation_fraction", settings.validationFraction());
        TrainingOptions options = settings.options();
        training.put("dropout", options.dropout());
        if (options.isAutoL2()) {
            training.put("l2", "auto");
        } else {
            training.put("l2", options.l2());
        }
        training.put("rate_decay", options.rateDecay());
        training.put("patience", options.patience());
        training.put("class_weights", options.classWeights());
        training.put("log_targets", options.logTargets());
        training.put("log_copies", options.logCopies());
        training.put("balancing", options.balancing().name().toLowerCase(Locale.ROOT));
        training.put("regression_loss", options.regressionLoss().name().toLowerCase(Locale.ROOT));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("experiment cannot be written", e);
        }
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    public static Experiment read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Reads an experiment; a missing option takes the product's default, and a wrong value is
     * refused with an {@link IllegalArgumentException} naming it.
     */
    public static Experiment fromJson(String text) throws IOException {
        JsonNode root = JSON.readTree(text);
        if (root == null || !root.isObject()) {
            throw new RefusedException("experiment.notObject",
                    "an experiment file holds one JSON object");
        }
        int version = root.path("format_version").asInt(FORMAT_VERSION);
        if (version > FORMAT_VERSION) {
            throw new RefusedException("experiment.newer", "experiment format " + version
                    + " is newer than this program reads (" + FORMAT_VERSION + ")", version,
                    FORMAT_VERSION);
        }
        ImportOptions imported = root.has("import")
                ? JSON.treeToValue(root.get("import"), ImportOptions.class) : null;
        JsonNode training = root.path("training");
        List<TaskSpec> tasks = new ArrayList<>();
        for (JsonNode task : training.path("tasks")) {
            tasks.add(new TaskSpec(task.path("name").asText(),
                    TaskType.valueOf(task.path("type").asText().toUpperCase(Locale.ROOT)),
                    task.path("weight").asDouble()));
        }
        TrainingSettings defaults = TrainingSettings.defaults(tasks);
        List<Integer> layers = new ArrayList<>();
        if (training.has("shared_layers")) {
            training.get("shared_layers").forEach(width -> layers.add(width.asInt()));
        } else {
            layers.addAll(defaults.hiddenLayers());
        }
        TrainingOptions base = defaults.options();
        JsonNode l2 = training.path("l2");
        TrainingOptions options = new TrainingOptions(
                training.path("dropout").asDouble(base.dropout()),
                l2.isNumber() ? l2.asDouble() : TrainingOptions.AUTO_L2,
                training.path("rate_decay").asDouble(base.rateDecay()),
                training.path("patience").asInt(base.patience()),
                training.path("class_weights").asBoolean(base.classWeights()),
                training.path("log_targets").asBoolean(base.logTargets()),
                TrainingOptions.TaskBalancing.valueOf(training.path("balancing")
                        .asText(base.balancing().name()).toUpperCase(Locale.ROOT)),
                TrainingOptions.RegressionLoss.valueOf(training.path("regression_loss")
                        .asText(base.regressionLoss().name()).toUpperCase(Locale.ROOT)),
                base.averaging(),
                training.path("log_copies").asBoolean(base.logCopies()));
        TrainingSettings settings = new TrainingSettings(tasks, layers,
                training.path("epochs").asInt(defaults.epochs()),
                training.path("batch_size").asInt(defaults.batchSize()),
                training.path("learning_rate").asDouble(defaults.learningRate()),
                training.path("seed").asLong(defaults.seed()),
                training.path("test_fraction").asDouble(defaults.testFraction()),
                training.path("validation_fraction").asDouble(defaults.validationFraction()),
                options);
        return new Experiment(root.path("data_file").asText(null), imported, settings);
    }
}
