package com.creditmtl.studio.cli;

import com.creditmtl.studio.data.ColumnRole;
import com.creditmtl.studio.data.ComputedColumn;
import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportException;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.ImportResult;
import com.creditmtl.studio.data.TaskDefinition;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.eval.EvaluationOptions;
import com.creditmtl.studio.model.TrainingOptions;
import com.creditmtl.studio.model.TrainingSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every command that trains shares ({@code train}, {@code compare}, {@code cv}):
 * the file and how to read it, the tasks, the training settings and the evaluation's cost
 * ratio. A mistake in them is a {@link ParameterException} of the command that uses them.
 * Public so that the Spark training job takes exactly the same options.
 */
public final class RunOptions {

    @Spec(Spec.Target.MIXEE)
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

    @Option(names = "--epochs", paramLabel = "N",
            description = "Epochs (default: ${DEFAULT-VALUE}).")
    private int epochs = TrainingSettings.DEFAULT_EPOCHS;

    @Option(names = "--batch", paramLabel = "N",
            description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    private int batch = TrainingSettings.DEFAULT_BATCH_SIZE;

    @Option(names = "--rate", paramLabel = "X",
            description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    private double rate = TrainingSettings.DEFAULT_LEARNING_RATE;

    @Option(names = "--hidden", paramLabel = "N[,N...]", split = ",",
            description = "Units of each shared layer, one to three layers; 0 for none, which "
                    + "makes each task a linear model (default: 64).")
    private List<Integer> hidden = List.of(TrainingSettings.DEFAULT_HIDDEN_UNITS);

    @Option(names = "--dropout", paramLabel = "X",
            description = "Share of the shared layers' units dropped at each step "
                    + "(default: ${DEFAULT-VALUE}).")
    private double dropout;

    @Option(names = "--l2", paramLabel = "X|auto",
            description = "L2 penalty on the weights, or auto for 15 / training rows "
                    + "(default: ${DEFAULT-VALUE}).")
    private String l2 = "auto";

    @Option(names = "--rate-decay", paramLabel = "X",
            description = "Factor on the learning rate after every epoch "
                    + "(default: ${DEFAULT-VALUE}, a constant rate).")
    private double rateDecay = 1;

    @Option(names = "--patience", paramLabel = "N",
            description = "Stop after N epochs without a better validation loss and keep the "
                    + "best epoch's network; 0 trains every epoch (default: ${DEFAULT-VALUE}).")
    private int patience = TrainingOptions.DEFAULT.patience();

    @Option(names = "--averaging", paramLabel = "EPOCHS",
            description = "Span in epochs of the moving average of the parameters that is "
                    + "validated and kept (Polyak averaging); 0 for none (default: 0).")
    private double averaging = TrainingOptions.DEFAULT.averaging();

    @Option(names = "--class-weights",
            description = "Weight each binary task's positives by the training part's "
                    + "negatives per positive.")
    private boolean classWeights;

    @Option(names = "--log-targets",
            description = "Learn skewed non-negative regression targets as log(1 + y).")
    private boolean logTargets;

    @Option(names = "--log-copies", negatable = true,
            description = "Give each numeric feature with at least 20 distinct training values "
                    + "a second input, sign(x) * log(1 + |x|), beside its value (default: on).")
    private Boolean logCopies;

    @Option(names = "--balancing", paramLabel = "none|dwa",
            description = "Automatic task weighting: none, or dwa for dynamic weight averaging "
                    + "(default: ${DEFAULT-VALUE}).")
    private String balancing = "none";

    @Option(names = "--regression-loss", paramLabel = "squared|absolute",
            description = "Loss of the regression tasks: squared error (learns the mean) or "
                    + "absolute error (learns the median; lowest MAE) (default: "
                    + "${DEFAULT-VALUE}).", defaultValue = "absolute")
    private String regressionLoss;

    @Option(names = "--weights", paramLabel = "W", split = ",",
            description = "Loss weight per task, in task order (default: 0.5,0.25,0.25 for the "
                    + "three standard tasks, else equal weights).")
    private List<Double> weights;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed = TrainingSettings.DEFAULT_SEED;

    @Option(names = "--cost-ratio", paramLabel = "X",
            description = "Cost of a bad applicant accepted relative to a good one refused, for "
                    + "the confusion matrix's cut-off (default: ${DEFAULT-VALUE}).")
    private double costRatio = EvaluationOptions.DEFAULT_COST_RATIO;

    public Path data() {
        return data;
    }

    /** Reads the file as the options say. */
    public ImportResult read() throws ImportException, IOException {
        return new CsvImporter().read(data, importOptions());
    }

    public EvaluationOptions evaluation() {
        try {
            return EvaluationOptions.DEFAULT.withCostRatio(costRatio);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--cost-ratio: " + e.getMessage());
        }
    }

    ImportOptions importOptions() throws IOException {
        ImportOptions.Builder builder;
        if (specFile != null) {
            try {
                builder = ImportOptions.read(specFile).toBuilder();
            } catch (IOException e) {
                String reason = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                        ? (json instanceof com.fasterxml.jackson.core.JsonParseException
                                ? "not valid JSON" : "not the JSON that train writes")
                                + (json.getLocation() == null ? "" : " (line "
                                        + json.getLocation().getLineNr() + ", column "
                                        + json.getLocation().getColumnNr() + ")")
                        : e.getMessage();
                throw new ParameterException(spec.commandLine(), "--spec " + specFile
                        + ": cannot be read as an import spec: " + reason.lines().findFirst()
                                .orElse(reason));
            }
        } else {
            builder = ImportOptions.builder();
        }
        try {
            if (!taskTexts.isEmpty()) {
                builder.tasks(taskTexts.stream().map(TaskDefinition::parse).toList());
            }
            for (String text : computeTexts) {
                ComputedColumn column = ComputedColumn.parse(text);
                try {
                    column.checkSyntax();
                } catch (IllegalArgumentException e) {
                    // the reader's reason alone does not say which of the options it is about
                    throw new IllegalArgumentException("--compute '" + text + "': "
                            + e.getMessage(), e);
                }
                builder.compute(column);
            }
            for (String text : sentinelTexts) {
                int equals = text.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("--sentinel '" + text
                            + "' should read COL=V1|V2");
                }
                List<Double> codes = new ArrayList<>();
                for (String code : text.substring(equals + 1).split("\\|")) {
                    try {
                        codes.add(Double.parseDouble(code.strip()));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--sentinel '" + text + "': '"
                                + code.strip() + "' is not a number; codes are numbers, such "
                                + "as 999 or 365243");
                    }
                }
                builder.sentinels(text.substring(0, equals).strip(), codes);
            }
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

    public TrainingSettings settings(CreditTable table) {
        List<TaskSpec> tasks = new ArrayList<>(table.tasks());
        if (weights != null) {
            if (weights.size() != tasks.size()) {
                throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                        "--weights has %s but %s has %s (%s)",
                        TrainCommand.count(weights.size(), "value"), data.getFileName(),
                        TrainCommand.count(tasks.size(), "task"),
                        String.join(", ", tasks.stream().map(TaskSpec::name).toList())));
            }
            for (int t = 0; t < tasks.size(); t++) {
                try {
                    tasks.set(t, tasks.get(t).withWeight(weights.get(t)));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--weights: "
                            + e.getMessage(), e);
                }
            }
        }
        TrainingOptions.TaskBalancing taskBalancing = switch (balancing.toLowerCase(Locale.ROOT)) {
            case "none" -> TrainingOptions.TaskBalancing.NONE;
            case "dwa" -> TrainingOptions.TaskBalancing.DYNAMIC_WEIGHT_AVERAGE;
            default -> throw new ParameterException(spec.commandLine(),
                    "--balancing must be none or dwa, not '" + balancing + "'");
        };
        TrainingOptions.RegressionLoss loss = switch (regressionLoss.toLowerCase(Locale.ROOT)) {
            case "squared" -> TrainingOptions.RegressionLoss.SQUARED;
            case "absolute" -> TrainingOptions.RegressionLoss.ABSOLUTE;
            default -> throw new ParameterException(spec.commandLine(),
                    "--regression-loss must be squared or absolute, not '" + regressionLoss
                            + "'");
        };
        double l2Value;
        try {
            l2Value = l2.equalsIgnoreCase("auto") ? TrainingOptions.AUTO_L2
                    : Double.parseDouble(l2);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(),
                    "--l2 must be a number or auto, not '" + l2 + "'", e);
        }
        boolean auto = l2.equalsIgnoreCase("auto");
        if (!auto && !(l2Value >= 0 && Double.isFinite(l2Value))) {
            throw new ParameterException(spec.commandLine(),
                    "--l2 must be 0 or more, or auto, not '" + l2 + "'");
        }
        List<Integer> layers = hidden.equals(List.of(0)) ? List.of() : hidden;
        try {
            TrainingOptions options = new TrainingOptions(dropout, l2Value, rateDecay, patience,
                    classWeights, logTargets, taskBalancing, loss, averaging,
                    logCopies == null ? TrainingOptions.DEFAULT.logCopies() : logCopies);
            return new TrainingSettings(tasks, layers, epochs, batch, rate, seed,
                    TrainingSettings.DEFAULT_TEST_FRACTION,
                    TrainingSettings.DEFAULT_VALIDATION_FRACTION, options);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

}
