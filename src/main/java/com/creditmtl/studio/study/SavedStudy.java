package com.creditmtl.studio.study;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.model.MultiTaskPredictor;
import com.creditmtl.studio.model.TrainingOptions;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.prep.FeatureEncoder;
import com.creditmtl.studio.prep.Preprocessor;
import com.creditmtl.studio.prep.Split;
import com.creditmtl.studio.scoring.Scorecard;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * What a study keeps to score new applicants and to be reviewed: the feature encoding and
 * preprocessing fitted in training, the network, the scorecard, the import spec, the training
 * part's feature distributions, the training settings and metrics as JSON, and a fingerprint of
 * the training data, the split and the test applicants' results. {@link StudyArchive} writes
 * and reads it; {@link #toStudy} gives back the {@link Study} it was saved from.
 *
 * @param settings the training settings as JSON (tasks, layers, epochs, seed, options)
 * @param metrics the content of {@code metrics.json}
 * @param created when the study was trained or saved first
 */
public record SavedStudy(FeatureEncoder encoder, Preprocessor preprocessor,
        ComputationGraph network, Scorecard scorecard, ImportOptions importSpec,
        List<PopulationStability.Reference> driftReference, JsonNode settings, JsonNode metrics,
        DataFingerprint data, Instant created, Split split, List<ApplicantResult> testResults) {

    /** Rows the network scores at once, so a large file needs no more memory than this. */
    static final int CHUNK = 8_192;

    public SavedStudy {
        driftReference = List.copyOf(driftReference);
        testResults = List.copyOf(testResults);
        scorecard.amountIndex(preprocessor.tasks());
        if (preprocessor.featureCount() != encoder.outputNames().size()) {
            throw new IllegalArgumentException("the encoder gives " + encoder.outputNames().size()
                    + " inputs but the preprocessing expects " + preprocessor.featureCount());
        }
    }

    /** The saved form of a study trained on a file read with {@code importSpec}. */
    public static SavedStudy of(Study study, ImportOptions importSpec, DataFingerprint data) {
        return new SavedStudy(study.encoder(), study.preprocessor(), study.network(),
                study.scorecard(), importSpec, study.driftReference(),
                settingsJson(study.settings(), study.keptEpoch()),
                StudyFiles.metricsJson(study, data.fileName()), data, Instant.now(),
                study.split(), study.testResults());
    }

    /**
     * The study as it was trained: settings, split, history, metrics, leakage findings and test
     * applicants as saved, with this network and preprocessing.
     *
     * @throws IllegalArgumentException when the saved settings or metrics are incomplete
     */
    public Study toStudy() {
        return StudyRestorer.restore(this);
    }

    public List<TaskSpec> tasks() {
        return preprocessor.tasks();
    }

    public MultiTaskPredictor predictor() {
        return new MultiTaskPredictor(network, preprocessor);
    }

    /** {@code [task][row]} predictions in original units for the given rows of a table. */
    public double[][] predict(CreditTable table, int[] rows) {
        return predictor().predict(encoder.transform(table, rows));
    }

    /** Every row of the table scored: predictions, score, grade and expected loss. */
    public List<ApplicantResult> score(CreditTable table) {
        List<ApplicantResult> results = new ArrayList<>(table.rowCount());
        MultiTaskPredictor predictor = predictor();
        for (int from = 0; from < table.rowCount(); from += CHUNK) {
            int[] rows = new int[Math.min(CHUNK, table.rowCount() - from)];
            int first = from;
            Arrays.setAll(rows, i -> first + i);
            double[][] predicted = predictor.predict(encoder.transform(table, rows));
            List<String> ids = Arrays.stream(rows).mapToObj(table::id).toList();
            results.addAll(ApplicantScoring.results(ids, null, predicted, tasks(), scorecard));
        }
        return results;
    }

    static ObjectNode settingsJson(TrainingSettings settings, int keptEpoch) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode tasks = root.putArray("tasks");
        for (TaskSpec task : settings.tasks()) {
            tasks.addObject().put("name", task.name())
                    .put("type", task.type().name().toLowerCase(Locale.ROOT))
                    .put("weight", task.weight());
        }
        ArrayNode layers = root.putArray("hidden_layers");
        settings.hiddenLayers().forEach(layers::add);
        root.put("epochs", settings.epochs());
        root.put("kept_epoch", keptEpoch);
        root.put("batch_size", settings.batchSize());
        root.put("learning_rate", settings.learningRate());
        root.put("seed", settings.seed());
        root.put("test_fraction", settings.testFraction());
        root.put("validation_fraction", settings.validationFraction());
        TrainingOptions options = settings.options();
        root.putObject("options")
                .put("dropout", options.dropout())
                .put("l2", options.l2())
                .put("rate_decay", options.rateDecay())
                .put("patience", options.patience())
                .put("class_weights", options.classWeights())
                .put("log_targets", options.logTargets())
                .put("balancing", options.balancing().name().toLowerCase(Locale.ROOT))
                .put("regression_loss",
                        options.regressionLoss().name().toLowerCase(Locale.ROOT))
                .put("averaging", options.averaging())
                .put("log_copies", options.logCopies());
        return root;
    }
}
