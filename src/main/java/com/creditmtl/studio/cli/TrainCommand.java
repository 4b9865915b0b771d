package com.creditmtl.studio.cli;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportException;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.EpochReport;
import com.creditmtl.studio.model.TaskLoss;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.study.Study;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code train}: imports a file, trains the multi-task network and writes its results. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the multi-task credit model on a CSV file and write metrics.json "
                + "and predictions.csv (the test applicants) to the output folder.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV of applicants with task columns default_probability, "
                    + "overdue_days and/or overdue_amount.")
    private Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for metrics.json and predictions.csv; created if missing.")
    private Path out;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Epochs (default: ${DEFAULT-VALUE}).")
    private int epochs = TrainingSettings.DEFAULT_EPOCHS;

    @Option(names = "--batch", paramLabel = "N",
            description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    private int batch = TrainingSettings.DEFAULT_BATCH_SIZE;

    @Option(names = "--rate", paramLabel = "X",
            description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    private double rate = TrainingSettings.DEFAULT_LEARNING_RATE;

    @Option(names = "--hidden", paramLabel = "N",
            description = "Units in the shared layer (default: ${DEFAULT-VALUE}).")
    private int hidden = TrainingSettings.DEFAULT_HIDDEN_UNITS;

    @Option(names = "--weights", paramLabel = "W1,W2,...", split = ",",
            description = "Loss weight per task, in the file's task order "
                    + "(default: 0.5,0.25,0.25 for the three standard tasks).")
    private List<Double> weights;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed = TrainingSettings.DEFAULT_SEED;

    @Option(names = "--quiet", description = "Print only the summary, not a line per epoch.")
    private boolean quiet;

    @Override
    public Integer call() throws ImportException, IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is a file, "
                    + "not a folder");
        }
        CreditTable table = new CsvImporter().importFile(data);
        TrainingSettings settings = settings(table);
        PrintWriter console = spec.commandLine().getOut();

        console.printf(Locale.ROOT, "Training on %s: %,d rows, %d features, %d tasks, "
                + "%d epochs, batch %d, seed %d%n", data.getFileName(), table.rowCount(),
                table.featureNames().size(), settings.tasks().size(), settings.epochs(),
                settings.batchSize(), settings.seed());
        Study study = new StudyTrainer().train(table, settings,
                report -> printEpoch(console, report), () -> false);

        Files.createDirectories(out);
        StudyFiles.writeMetrics(study, data.getFileName().toString(),
                out.resolve(StudyFiles.METRICS));
        StudyFiles.writePredictions(study, out.resolve(StudyFiles.PREDICTIONS));
        printSummary(console, study);
        return 0;
    }

    private TrainingSettings settings(CreditTable table) {
        List<TaskSpec> tasks = new ArrayList<>(table.tasks());
        if (weights != null) {
            if (weights.size() != tasks.size()) {
                throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                        "--weights has %d values but %s has %d tasks (%s)", weights.size(),
                        data.getFileName(), tasks.size(),
                        String.join(", ", tasks.stream().map(TaskSpec::name).toList())));
            }
            for (int t = 0; t < tasks.size(); t++) {
                tasks.set(t, tasks.get(t).withWeight(weights.get(t)));
            }
        }
        try {
            return new TrainingSettings(tasks, hidden, epochs, batch, rate, seed,
                    TrainingSettings.DEFAULT_TEST_FRACTION,
                    TrainingSettings.DEFAULT_VALIDATION_FRACTION);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
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
        console.printf(Locale.ROOT, "%nTrained %d epochs in %.1f s (train %,d, validation %,d, "
                + "test %,d rows)%n", study.history().size(), study.trainSeconds(),
                study.split().train().length, study.split().validation().length,
                study.split().test().length);
        console.printf(Locale.ROOT, "%-24s %-11s %6s  %s%n", "task", "type", "weight",
                "test metrics");
        for (TaskMetrics m : study.metrics()) {
            String figures = m.type() == TaskType.BINARY
                    ? String.format(Locale.ROOT, "AUC %.4f  KS %.4f", m.auc(), m.ks())
                    : String.format(Locale.ROOT, "MAE %,.2f  RMSE %,.2f", m.mae(), m.rmse());
            console.printf(Locale.ROOT, "%-24s %-11s %6.2f  %s%n", m.task(),
                    m.type().name().toLowerCase(Locale.ROOT), m.weight(), figures);
        }
        console.printf("Wrote %s and %s%n", out.resolve(StudyFiles.METRICS),
                out.resolve(StudyFiles.PREDICTIONS));
        console.flush();
    }
}
