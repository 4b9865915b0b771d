package com.creditmtl.studio.study;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.eval.LeakageGuard;
import com.creditmtl.studio.eval.CalibrationBin;
import com.creditmtl.studio.eval.ConfusionMatrix;
import com.creditmtl.studio.eval.Interval;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.EpochReport;
import com.creditmtl.studio.model.TaskLoss;
import com.creditmtl.studio.model.TrainingOptions;
import com.creditmtl.studio.scoring.ReasonFinder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a study's results: {@code metrics.json} (rows per part, settings, per-task test metrics,
 * per-epoch losses) and {@code predictions.csv} (one row per test applicant). Each file is
 * written to a temporary file beside it and moved into place, so a reader never sees half a file
 * and an interrupted write leaves any earlier file intact.
 */
public final class StudyFiles {

    public static final String METRICS = "metrics.json";
    public static final String PREDICTIONS = "predictions.csv";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private StudyFiles() {
    }

    public static ObjectNode metricsJson(Study study, String dataName) {
        ObjectNode root = JSON.createObjectNode();
        root.put("data", dataName);
        ObjectNode rows = root.putObject("rows");
        rows.put("train", study.split().train().length);
        rows.put("validation", study.split().validation().length);
        rows.put("test", study.split().test().length);
        root.put("epochs", study.history().size());
        root.put("train_seconds", round(study.trainSeconds(), 3));
        root.put("batch_size", study.settings().batchSize());
        root.put("learning_rate", study.settings().learningRate());
        root.put("kept_epoch", study.keptEpoch());
        root.put("hidden_units", study.settings().hiddenUnits());
        ArrayNode layers = root.putArray("hidden_layers");
        study.settings().hiddenLayers().forEach(layers::add);
        TrainingOptions options = study.settings().options();
        ObjectNode training = root.putObject("training_options");
        training.put("dropout", options.dropout());
        training.put("l2", options.l2());
        training.put("regression_loss", options.regressionLoss().name().toLowerCase(Locale.ROOT));
        training.put("averaging", options.averaging());
        training.put("rate_decay", options.rateDecay());
        training.put("patience", options.patience());
        training.put("class_weights", options.classWeights());
        training.put("log_targets", options.logTargets());
        training.put("log_copies", options.logCopies());
        training.put("balancing", options.balancing().name().toLowerCase(Locale.ROOT));
        root.put("seed", study.settings().seed());
        ArrayNode features = root.putArray("features");
        study.featureNames().forEach(features::add);
        ArrayNode leakage = root.putArray("leakage");
        for (LeakageGuard.Flag flag : study.leakage()) {
            leakage.addObject().put("feature", flag.feature()).put("task", flag.task())
                    .put(flag.measure(), round(flag.value(), 4)).put("kept", flag.kept());
        }

        ArrayNode warnings = root.putArray("warnings");
        LeakageGuard.tooGood(study.metrics(), study.leakage())
                .forEach(warning -> warnings.add(warning.english()));

        ObjectNode tasks = root.putObject("tasks");
        for (int t = 0; t < study.metrics().size(); t++) {
            TaskMetrics metrics = study.metrics().get(t);
            ObjectNode task = tasks.putObject(metrics.task());
            task.put("type", metrics.type().name().toLowerCase(Locale.ROOT));
            task.put("weight", metrics.weight());
            putMetrics(task, metrics);
            if (t < study.validationMetrics().size()) {
                putMetrics(task.putObject("validation"), study.validationMetrics().get(t));
            }
        }

        ArrayNode history = root.putArray("history");
        for (EpochReport report : study.history()) {
            ObjectNode epoch = history.addObject();
            epoch.put("epoch", report.epoch());
            epoch.put("seconds", round(report.elapsedSeconds(), 3));
            ObjectNode losses = epoch.putObject("losses");
            for (TaskLoss loss : report.losses()) {
                ObjectNode task = losses.putObject(loss.task());
                task.put("train", loss.trainLoss());
                task.put("validation", loss.validationLoss());
                task.put("weighted_train", loss.weightedTrainLoss());
                task.put("weighted_validation", loss.weightedValidationLoss());
            }
        }
        return root;
    }

    /**
     * A task's metrics as JSON fields: {@code rows}, then {@code auc}, {@code ks} and the further
     * binary figures, or {@code mae}, {@code rmse} and {@code r2}; intervals as
     * {@code [low, high]}; the cut-off {@code null} when refusing nobody was cheapest.
     */
    public static void putMetrics(ObjectNode node, TaskMetrics metrics) {
        node.put("rows", metrics.rows());
        if (metrics.type() == TaskType.BINARY) {
            node.put("auc", metrics.auc());
            node.put("ks", metrics.ks());
            putInterval(node, "auc_95", metrics.aucInterval());
            node.put("gini", metrics.gini());
            node.put("brier", metrics.brier());
            node.put("log_loss", metrics.logLoss());
            node.put("pr_auc", metrics.prAuc());
            ArrayNode bins = node.putArray("calibration");
            for (CalibrationBin bin : metrics.calibration()) {
                bins.addObject().put("from", bin.from()).put("to", bin.to())
                        .put("count", bin.count()).put("mean_predicted", bin.meanPredicted())
                        .put("observed_rate", bin.observedRate());
            }
            ConfusionMatrix matrix = metrics.confusion();
            if (matrix != null) {
                ObjectNode confusion = node.putObject("confusion");
                confusion.put("cost_ratio", matrix.costRatio());
                if (Double.isInfinite(matrix.cutoff())) {
                    confusion.putNull("cutoff");
                } else {
                    confusion.put("cutoff", matrix.cutoff());
                }
                confusion.put("true_positives", matrix.truePositives())
                        .put("false_positives", matrix.falsePositives())
                        .put("true_negatives", matrix.trueNegatives())
                        .put("false_negatives", matrix.falseNegatives())
                        .put("cost_per_applicant", matrix.costPerApplicant());
            }
        } else {
            node.put("mae", metrics.mae());
            node.put("rmse", metrics.rmse());
            putInterval(node, "mae_95", metrics.maeInterval());
            node.put("r2", metrics.r2());
        }
    }

    public static void putInterval(ObjectNode node, String name, Interval interval) {
        node.putArray(name).add(interval.low()).add(interval.high());
        if (!interval.method().isEmpty()) {
            node.put("interval_method", interval.method());
        }
    }

    public static void writeMetrics(Study study, String dataName, Path file) throws IOException {
        String text = JSON.writeValueAsString(metricsJson(study, dataName)) + "\n";
        writeAtomically(file, writer -> writer.write(text));
    }

    public static void writePredictions(Study study, Path file) throws IOException {
        List<String> header = new ArrayList<>();
        header.add("ID");
        for (TaskSpec task : study.tasks()) {
            header.add(task.name());
            header.add(task.name() + "_predicted");
        }
        header.add("score");
        header.add("grade");
        boolean expectedLoss = study.scorecard().amountTask() != null;
        if (expectedLoss) {
            header.add("expected_loss");
        }

        writeAtomically(file, writer -> {
            CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
            try (CSVPrinter printer = new CSVPrinter(writer, format)) {
                printer.printRecord(header);
                for (ApplicantResult result : study.testResults()) {
                    printer.printRecord(row(study, result));
                }
            }
        });
    }

    private static List<String> row(Study study, ApplicantResult result) {
        List<String> cells = new ArrayList<>();
        cells.add(CsvCells.text(result.id()));
        for (int t = 0; t < study.tasks().size(); t++) {
            boolean binary = study.tasks().get(t).isBinary();
            cells.add(number(result.actual()[t], binary ? 0 : 2));
            cells.add(number(result.predicted()[t], binary ? 6 : 2));
        }
        cells.add(number(shownScore(result.score()), 1));
        cells.add(CsvCells.text(result.grade()));
        if (study.scorecard().amountTask() != null) {
            cells.add(number(result.expectedLoss(), 2));
        }
        return cells;
    }

    /**
     * Writes new applicants' results: ID, each task's prediction in original units (named
     * {@code TASK_predicted}), score, grade and, with an amount task, expected loss. Numbers are
     * written as in {@code predictions.csv}; IDs are made safe for spreadsheets.
     */
    public static void writeScored(List<ApplicantResult> results, List<TaskSpec> tasks,
            boolean expectedLoss, Path file) throws IOException {
        writeScored(results, tasks, expectedLoss, null, file);
    }

    /**
     * As {@link #writeScored(List, List, boolean, Path)}, with columns {@code reason_1} to
     * {@code reason_4} holding each applicant's reasons when {@code reasons} is not null (one
     * list of sentences per applicant, fewer than four leaving cells empty).
     */
    public static void writeScored(List<ApplicantResult> results, List<TaskSpec> tasks,
            boolean expectedLoss, List<List<String>> reasons, Path file) throws IOException {
        List<String> header = new ArrayList<>();
        header.add("ID");
        for (TaskSpec task : tasks) {
            header.add(task.name() + "_predicted");
        }
        header.add("score");
        header.add("grade");
        if (expectedLoss) {
            header.add("expected_loss");
        }
        if (reasons != null) {
            for (int k = 1; k <= ReasonFinder.MAX_REASONS; k++) {
                header.add("reason_" + k);
            }
        }
        writeAtomically(file, writer -> {
            CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
            try (CSVPrinter printer = new CSVPrinter(writer, format)) {
                printer.printRecord(header.stream().map(CsvCells::text).toList());
                List<String> cells = new ArrayList<>();
                for (int r = 0; r < results.size(); r++) {
                    ApplicantResult result = results.get(r);
                    cells.clear();
                    cells.add(CsvCells.text(result.id()));
                    for (int t = 0; t < tasks.size(); t++) {
                        cells.add(number(result.predicted()[t], tasks.get(t).isBinary() ? 6 : 2));
                    }
                    cells.add(number(shownScore(result.score()), 1));
                    cells.add(CsvCells.text(result.grade()));
                    if (expectedLoss) {
                        cells.add(number(result.expectedLoss(), 2));
                    }
                    if (reasons != null) {
                        List<String> sentences = reasons.get(r);
                        for (int k = 0; k < ReasonFinder.MAX_REASONS; k++) {
                            cells.add(k < sentences.size() ? CsvCells.text(sentences.get(k))
                                    : "");
                        }
                    }
                    printer.printRecord(cells);
                }
            }
        });
    }

    /**
     * The score as written, cut (not rounded) to a tenth of a point: grade bands start at whole
     * points, so a score of 499.96 must read 499.9 beside its grade G, not 500.0.
     */
    static double shownScore(double score) {
        return Math.floor(score * 10) / 10;
    }

    private static String number(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** Something that writes text. */
    @FunctionalInterface
    public interface TextWriter {
        void write(Writer writer) throws IOException;
    }

    /**
     * Writes the file through a temporary file beside it, renamed over it at the end, so a write
     * that is stopped leaves the previous file whole. The file is readable by everyone, as files
     * an analyst writes usually are (a temporary file starts private).
     */
    public static void writeAtomically(Path file, TextWriter content) throws IOException {
        AtomicFile.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            content.write(writer);
            writer.close(); // flushes; closing twice, after the content did, is harmless
        });
    }
}
