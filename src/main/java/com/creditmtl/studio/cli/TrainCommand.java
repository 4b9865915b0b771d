package com.creditmtl.studio.cli;

import com.creditmtl.studio.data.ColumnRole;
import com.creditmtl.studio.data.ComputedColumn;
import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportException;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.ImportReport;
import com.creditmtl.studio.data.ImportResult;
import com.creditmtl.studio.data.TaskDefinition;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.eval.LeakageGuard;
import com.creditmtl.studio.eval.TaskMetrics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.creditmtl.studio.model.EpochReport;
import com.creditmtl.studio.model.TaskLoss;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.study.Study;
import com.creditmtl.studio.study.StudyFiles;
import com.creditmtl.studio.study.StudyTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code train}: imports a file, trains the multi-task network and writes its results, the
 * import report and the import spec. The output folder is created only once training has
 * succeeded, so a bad file leaves no half-written folder behind.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the multi-task credit model on a CSV file and write metrics.json, "
                + "predictions.csv (the test applicants), import-report.json, import-report.txt "
                + "and import-spec.json to the output folder.")
final class TrainCommand implements Callable<Integer> {

    static final String IMPORT_REPORT = "import-report.json";
    static final String IMPORT_SUMMARY = "import-report.txt";
    static final String IMPORT_SPEC = "import-spec.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV of applicants. Without --task, the columns default_probability, "
                    + "overdue_days and overdue_amount are the tasks.")
    private Path data;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "Read the file as an earlier import-spec.json says; options given "
                    + "here override it.")
    private Path specFile;

    @Option(names = "--task", paramLabel = "NAME:TYPE[...]",
            description = "A task, repeatable, in head order: NAME:binary[:POS1|POS2[:NEG1|NEG2]]"
                    + " or NAME:regression[:COLUMN=V1|V2]. Other or missing values are masked.")
    private List<String> taskTexts = new ArrayList<>();

    @Option(names = "--compute", paramLabel = "NAME=EXPRESSION",
            description = "A computed column, repeatable, e.g. "
                    + "'loss=funded_amnt - total_rec_prncp - recoveries'.")
    private List<String> computeTexts = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "COL", split = ",",
            description = "Columns left out of the model.")
    private List<String> exclude = new ArrayList<>();

    @Option(names = "--categorical", paramLabel = "COL", split = ",",
            description = "Columns read as categories even when they hold numbers.")
    private List<String> categorical = new ArrayList<>();

    @Option(names = "--keep", paramLabel = "COL", split = ",",
            description = "Features kept even when the leakage guard flags them.")
    private List<String> keep = new ArrayList<>();

    @Option(names = "--id", paramLabel = "COL",
            description = "Column naming the applicants (default: a column named ID).")
    private String id;

    @Option(names = "--delimiter", paramLabel = "D",
            description = "Cell delimiter: , ; TAB or | (default: detected).")
    private String delimiter;

    @Option(names = "--encoding", paramLabel = "NAME",
            description = "Text encoding, e.g. UTF-8, UTF-16, GB18030, windows-1252 "
                    + "(default: detected).")
    private String encoding;

    @Option(names = "--decimal-comma", negatable = true,
            description = "Numbers use a decimal comma (default: detected).")
    private Boolean decimalComma;

    @Option(names = "--missing", paramLabel = "TOKEN", split = ",",
            description = "Cell texts read as missing, replacing the default list "
                    + "NA,N/A,n/a,na,NULL,null,NaN,nan,?,#N/A; an empty cell is always missing.")
    private List<String> missing;

    @Option(names = "--sentinel", paramLabel = "COL=V1|V2",
            description = "Codes of a numeric column that mean missing, repeatable.")
    private List<String> sentinelTexts = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for the results; created once training has succeeded.")
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

    @Option(names = "--weights", paramLabel = "W", split = ",",
            description = "Loss weight per task, in task order (default: 0.5,0.25,0.25 for the "
                    + "three standard tasks, else equal weights).")
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
        ImportOptions options = importOptions();
        ImportResult imported = new CsvImporter().read(data, options);
        CreditTable table = imported.table();
        TrainingSettings settings = settings(table);
        PrintWriter console = spec.commandLine().getOut();

        for (String warning : imported.report().warnings()) {
            console.println("warning: " + warning);
        }
        console.printf(Locale.ROOT, "Training on %s: %,d rows, %d numeric and %d categorical "
                + "features, %d tasks, %d epochs, batch %d, seed %d%n", data.getFileName(),
                table.rowCount(), table.featureNames().size(), table.categoricalNames().size(),
                settings.tasks().size(), settings.epochs(), settings.batchSize(),
                settings.seed());
        Study study = new StudyTrainer().train(table, settings, imported.options().keep(),
                report -> printEpoch(console, report), () -> false);
        for (LeakageGuard.Flag flag : study.leakage()) {
            console.println("leakage: " + flag.describe());
        }

        Files.createDirectories(out);
        ImportReport report = imported.report().withWarnings(
                study.leakage().stream().map(LeakageGuard.Flag::describe).toList());
        ObjectNode reportJson = report.toJson(JSON);
        ArrayNode leakage = reportJson.putArray("leakage");
        for (LeakageGuard.Flag flag : study.leakage()) {
            leakage.addObject().put("feature", flag.feature()).put("task", flag.task())
                    .put(flag.measure(), flag.value()).put("kept", flag.kept());
        }
        writeText(out.resolve(IMPORT_REPORT), JSON.writeValueAsString(reportJson) + "\n");
        writeText(out.resolve(IMPORT_SUMMARY), report.summary());
        writeText(out.resolve(IMPORT_SPEC), imported.options().toJson() + "\n");
        StudyFiles.writeMetrics(study, data.getFileName().toString(),
                out.resolve(StudyFiles.METRICS));
        StudyFiles.writePredictions(study, out.resolve(StudyFiles.PREDICTIONS));
        printSummary(console, study);
        return 0;
    }

    private ImportOptions importOptions() throws IOException {
        ImportOptions.Builder builder;
        if (specFile != null) {
            try {
                builder = ImportOptions.read(specFile).toBuilder();
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "--spec " + specFile
                        + ": cannot be read as an import spec: " + e.getMessage());
            }
        } else {
            builder = ImportOptions.builder();
        }
        try {
            if (!taskTexts.isEmpty()) {
                builder.tasks(taskTexts.stream().map(TaskDefinition::parse).toList());
            }
            computeTexts.stream().map(ComputedColumn::parse).forEach(builder::compute);
            for (String text : sentinelTexts) {
                int equals = text.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("--sentinel '" + text
                            + "' should read COL=V1|V2");
                }
                List<Double> codes = new ArrayList<>();
                for (String code : text.substring(equals + 1).split("\\|")) {
                    codes.add(Double.parseDouble(code.strip()));
                }
                builder.sentinels(text.substring(0, equals).strip(), codes);
            }
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--sentinel: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        builder.exclude(exclude).keep(keep);
        categorical.forEach(column -> builder.role(column, ColumnRole.CATEGORICAL));
        if (id != null) {
            builder.idColumn(id);
        }
        if (delimiter != null) {
            builder.delimiter(delimiterChar(delimiter));
        }
        if (encoding != null) {
            builder.encoding(encoding);
        }
        if (decimalComma != null) {
            builder.decimalComma(decimalComma);
        }
        if (missing != null) {
            builder.missingTokens(missing);
        }
        return builder.build();
    }

    private char delimiterChar(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case ",", "comma" -> {
                return ',';
            }
            case ";", "semicolon" -> {
                return ';';
            }
            case "tab", "\\t", "\t" -> {
                return '\t';
            }
            case "|", "pipe" -> {
                return '|';
            }
            default -> throw new ParameterException(spec.commandLine(), "--delimiter must be "
                    + ", ; TAB or |, not '" + text + "'");
        }
    }

    private static void writeText(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(),
                "." + file.getFileName(), ".part");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
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
        console.printf("Wrote %s, %s, %s and %s%n", out.resolve(StudyFiles.METRICS),
                out.resolve(StudyFiles.PREDICTIONS), out.resolve(IMPORT_REPORT),
                out.resolve(IMPORT_SPEC));
        console.flush();
    }
}
