package com.creditmtl.studio.cli;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.ImportException;
import com.creditmtl.studio.data.ImportReport;
import com.creditmtl.studio.data.ImportResult;
import com.creditmtl.studio.data.Sentence;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.eval.LeakageGuard;
import com.creditmtl.studio.eval.TaskMetrics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.creditmtl.studio.model.EpochReport;
import com.creditmtl.studio.model.TaskLoss;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.scoring.GradeScale;
import com.creditmtl.studio.scoring.ScoreScale;
import com.creditmtl.studio.scoring.Scorecard;
import com.creditmtl.studio.study.DataFingerprint;
import com.creditmtl.studio.study.SavedStudy;
import com.creditmtl.studio.study.Study;
import com.creditmtl.studio.study.StudyArchive;
import com.creditmtl.studio.study.StudyFiles;
import com.creditmtl.studio.study.StudyTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code train}: imports a file, trains the multi-task network and writes its results, the
 * import report, the import spec and the study file for {@code score}. The output folder is
 * created only once training has succeeded, so a bad file leaves no half-written folder behind.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the multi-task credit model on a CSV file and write metrics.json, "
                + "predictions.csv (the test applicants), import-report.json, import-report.txt, "
                + "import-spec.json and study.cmtl (the model, for the score command) to the "
                + "output folder.")
final class TrainCommand implements Callable<Integer> {

    static final String IMPORT_REPORT = "import-report.json";
    static final String IMPORT_SUMMARY = "import-report.txt";
    static final String IMPORT_SPEC = "import-spec.json";

    private static final ObjectMapper JSON = OutputFolder.JSON;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    @Mixin
    private OutputFolder output;

    @Option(names = "--quiet", description = "Print only the summary, not a line per epoch.")
    private boolean quiet;

    @Option(names = "--amount-task", paramLabel = "NAME|none",
            description = "Regression task whose prediction is the amount at risk, for the "
                    + "expected loss (default: the regression task whose name contains "
                    + "'amount', if any).")
    private String amountTask;

    @Override
    public Integer call() throws ImportException, IOException {
        output.check(spec, List.of(StudyFiles.METRICS, StudyFiles.PREDICTIONS, IMPORT_REPORT,
                IMPORT_SUMMARY, IMPORT_SPEC, StudyArchive.FILE_NAME));
        Path out = output.path();
        ImportResult imported = run.read();
        CreditTable table = imported.table();
        TrainingSettings settings = run.settings(table);
        Path data = run.data();
        PrintWriter console = spec.commandLine().getOut();

        for (String warning : imported.report().warnings()) {
            console.println("warning: " + warning);
        }
        console.printf(Locale.ROOT, "Training on %s: %,d rows, %d numeric and %d categorical "
                + "features, %s, %s, batch %d, seed %d%n", data.getFileName(),
                table.rowCount(), table.featureNames().size(), table.categoricalNames().size(),
                count(settings.tasks().size(), "task"), count(settings.epochs(), "epoch"),
                settings.batchSize(), settings.seed());
        Study study = trainer(settings).train(table, settings, imported.options().keep(),
                report -> printEpoch(console, report), () -> false);
        for (LeakageGuard.Flag flag : study.leakage()) {
            console.println("leakage: " + flag.describe());
        }
        List<String> tooGood = LeakageGuard.tooGood(study.metrics(), study.leakage()).stream()
                .map(Sentence::english).toList();
        tooGood.forEach(warning -> console.println("warning: " + warning));

        OutputFolder.write(out, () -> Files.createDirectories(out));
        List<String> findings = new ArrayList<>(study.leakage().stream()
                .map(LeakageGuard.Flag::describe).toList());
        findings.addAll(tooGood);
        ImportReport report = imported.report().withWarnings(findings);
        ObjectNode reportJson = report.toJson(JSON);
        ArrayNode leakage = reportJson.putArray("leakage");
        for (LeakageGuard.Flag flag : study.leakage()) {
            leakage.addObject().put("feature", flag.feature()).put("task", flag.task())
                    .put(flag.measure(), flag.value()).put("kept", flag.kept());
        }
        String reportText = JSON.writeValueAsString(reportJson) + "\n";
        Path reportFile = out.resolve(IMPORT_REPORT);
        OutputFolder.write(reportFile, () -> writeText(reportFile, reportText));
        Path summaryFile = out.resolve(IMPORT_SUMMARY);
        OutputFolder.write(summaryFile, () -> writeText(summaryFile, report.summary()));
        Path specFile = out.resolve(IMPORT_SPEC);
        String specText = imported.options().toJson() + "\n";
        OutputFolder.write(specFile, () -> writeText(specFile, specText));
        Path metricsFile = out.resolve(StudyFiles.METRICS);
        OutputFolder.write(metricsFile, () -> StudyFiles.writeMetrics(study,
                data.getFileName().toString(), metricsFile));
        Path predictionsFile = out.resolve(StudyFiles.PREDICTIONS);
        OutputFolder.write(predictionsFile,
                () -> StudyFiles.writePredictions(study, predictionsFile));
        SavedStudy saved = SavedStudy.of(study, imported.options(),
                DataFingerprint.of(data, table.rowCount()));
        Path studyFile = out.resolve(StudyArchive.FILE_NAME);
        OutputFolder.write(studyFile, () -> StudyArchive.save(saved, studyFile));
        printSummary(console, study);
        return 0;
    }

    /** The trainer with the scorecard the options ask for, checked before training starts. */
    private StudyTrainer trainer(TrainingSettings settings) {
        StudyTrainer defaults = new StudyTrainer(ScoreScale.DEFAULT, GradeScale.DEFAULT,
                run.evaluation());
        if (amountTask == null) {
            return defaults;
        }
        Scorecard card = defaults.scorecard(settings.tasks())
                .withAmountTask(amountTask.equalsIgnoreCase("none") ? null : amountTask);
        try {
            card.amountIndex(settings.tasks());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--amount-task: " + e.getMessage());
        }
        return new StudyTrainer(card, run.evaluation());
    }

    /** "1 task", "3 tasks", "1,000 rows": the singular for one, as a reader expects. */
    static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    static void writeText(Path file, String text) throws IOException {
        StudyFiles.writeAtomically(file, writer -> writer.write(text));
    }

    private void printEpoch(PrintWriter console, EpochReport report) {
        if (quiet) {
            return;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %3d/%d %6.1f s",
                report.epoch(), report.epochs(), report.elapsedSeconds()));
        for (TaskLoss loss : report.losses()) {
            line.append(String.format(Locale.ROOT, "  %s %.4f/%.4f", loss.task(),
                    loss.trainLoss(), loss.validationLoss()));
        }
        console.println(line);
        console.flush();
    }

    private void printSummary(PrintWriter console, Study study) {
        int ran = study.history().size();
        console.printf(Locale.ROOT, "%nTrained %d %s in %.1f s (train %,d, validation %,d, "
                + "test %,d rows)%n", ran, ran == 1 ? "epoch" : "epochs", study.trainSeconds(),
                study.split().train().length, study.split().validation().length,
                study.split().test().length);
        if (study.keptEpoch() < ran && ran < study.settings().epochs()) {
            console.printf(Locale.ROOT, "Stopped early: no better validation loss after epoch %d,"
                    + " whose network is kept%n", study.keptEpoch());
        } else if (study.keptEpoch() < ran) {
            console.printf(Locale.ROOT, "Kept the network of epoch %d, the best validation loss "
                    + "of the %d epochs%n", study.keptEpoch(), ran);
        }
        int width = Math.max(24, study.metrics().stream()
                .mapToInt(m -> m.task().length()).max().orElse(0));
        String row = "%-" + width + "s %-11s %6s  %s%n";
        console.printf(Locale.ROOT, row, "task", "type", "weight",
                "test metrics");
        for (TaskMetrics m : study.metrics()) {
            String figures = m.type() == TaskType.BINARY
                    ? String.format(Locale.ROOT, "AUC %.4f [%.4f, %.4f]  KS %.4f  Brier %.4f  "
                            + "PR-AUC %.4f", m.auc(), m.aucInterval().low(),
                            m.aucInterval().high(), m.ks(), m.brier(), m.prAuc())
                    : String.format(Locale.ROOT, "MAE %,.2f [%,.2f, %,.2f]  RMSE %,.2f  R² %.4f",
                            m.mae(), m.maeInterval().low(), m.maeInterval().high(), m.rmse(),
                            m.r2());
            if (m.weight() == 0) {
                figures += "  (weight 0: this head was not trained)";
            }
            console.printf(Locale.ROOT, row, m.task(),
                    m.type().name().toLowerCase(Locale.ROOT),
                    String.format(Locale.ROOT, "%.2f", m.weight()), figures);
        }
        Path out = output.path();
        console.printf("Wrote %s, %s, %s, %s, %s and %s%n", out.resolve(StudyFiles.METRICS),
                out.resolve(StudyFiles.PREDICTIONS), out.resolve(IMPORT_REPORT),
                out.resolve(IMPORT_SUMMARY), out.resolve(IMPORT_SPEC),
                out.resolve(StudyArchive.FILE_NAME));
        console.flush();
    }
}
