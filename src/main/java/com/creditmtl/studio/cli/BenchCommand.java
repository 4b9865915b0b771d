package com.creditmtl.studio.cli;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportException;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.eval.TaskEvaluator;
import com.creditmtl.studio.model.MultiTaskPredictor;
import com.creditmtl.studio.model.MultiTaskTrainer;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.scoring.ScoreScale;
import com.creditmtl.studio.study.Study;
import com.creditmtl.studio.study.StudyTrainer;
import com.creditmtl.studio.study.StudyTrainer.Prepared;
import com.creditmtl.studio.study.WhatIf;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench}: times the product's own training, import, scoring and what-if paths on this
 * machine and prints one JSON object per measurement, each with the median of the runs.
 * {@code bench/run} puts these beside the peers' figures in {@code docs/benchmarks.md}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time training, import, scoring and what-if on this machine; one JSON "
                + "line each.")
final class BenchCommand implements Callable<Integer> {

    private static final int SCORING_CHUNK = 65_536;
    private static final List<String> MEASURES =
            List.of("reference", "batch256", "to-auc", "import", "scoring", "what-if");
    private static final int WHAT_IF_EPOCHS = 5;
    private static final int WHAT_IF_WARM_UP = 500;
    private static final int WHAT_IF_UPDATES = 2_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Table to train on (the bundled three-task table).")
    private Path data;

    @Option(names = "--large", paramLabel = "FILE",
            description = "A large CSV with the same columns, to time import and scoring.")
    private Path large;

    @Option(names = "--runs", paramLabel = "N", description = "Runs per figure (default: 3).")
    private int runs = 3;

    @Option(names = "--target-auc", paramLabel = "X",
            description = "Validation AUC of the default task to time training to.")
    private Double targetAuc;

    @Option(names = "--only", paramLabel = "NAME,...", split = ",",
            description = "Subset of: reference, batch256, to-auc, import, scoring, what-if "
                    + "(default: "
                    + "all; import and scoring run with --large, to-auc with --target-auc).")
    private List<String> only = MEASURES;

    @Option(names = "--log-copies",
            description = "Give numeric features with many distinct values a log copy, as the "
                    + "product's defaults do; the reference recipe, compared with the peers, has "
                    + "none.")
    private boolean logCopies;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws ImportException {
        for (String name : only) {
            if (!MEASURES.contains(name)) {
                throw new ParameterException(spec.commandLine(), "--only: no measure '" + name
                        + "'; choose from " + String.join(", ", MEASURES));
            }
        }
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1, not "
                    + runs);
        }
        if (large == null && (only.contains("import") || only.contains("scoring"))
                && !only.equals(MEASURES)) {
            throw new ParameterException(spec.commandLine(), "import and scoring need --large "
                    + "FILE, a large CSV with the same columns as --data");
        }
        if (targetAuc == null && only.contains("to-auc") && !only.equals(MEASURES)) {
            throw new ParameterException(spec.commandLine(), "to-auc needs --target-auc X");
        }
        PrintWriter out = spec.commandLine().getOut();
        CreditTable table = new CsvImporter().importFile(data);
        TrainingSettings reference = TrainingSettings.reference(table.tasks());
        reference = reference.withOptions(reference.options().withLogCopies(logCopies));

        if (only.contains("reference")) {
            out.println(training("reference", table, reference));
        }
        if (only.contains("batch256")) {
            out.println(training("batch256", table, reference.withBatchSize(256)));
        }
        if (only.contains("to-auc") && targetAuc != null) {
            out.println(timeToAuc(table, reference));
        }
        if (large != null && only.contains("import")) {
            out.println(importing());
        }
        if (large != null && only.contains("scoring")) {
            out.println(scoring(table, reference));
        }
        if (only.contains("what-if")) {
            out.println(whatIf(table, reference));
        }
        out.flush();
        return 0;
    }

    private String training(String name, CreditTable table, TrainingSettings settings) {
        double[] seconds = new double[runs];
        Prepared prepared = StudyTrainer.prepare(table, settings, Set.of());
        for (int run = 0; run < runs; run++) {
            ComputationGraph network = prepared.network(settings);
            long start = System.nanoTime();
            new MultiTaskTrainer(settings).train(network, prepared.train(), prepared.validation(),
                    report -> { }, () -> false);
            seconds[run] = (System.nanoTime() - start) / 1e9;
        }
        long steps = (long) settings.epochs()
                * ((prepared.train().rows() + settings.batchSize() - 1) / settings.batchSize());
        ObjectNode node = node(name, seconds);
        node.put("epochs", settings.epochs());
        node.put("batch", settings.batchSize());
        node.put("train_rows", prepared.train().rows());
        node.put("steps", steps);
        node.put("steps_per_second", Math.round(steps / median(seconds)));
        return node.toString();
    }

    /** Seconds from the start of training to the end of the epoch that first reaches the AUC. */
    private String timeToAuc(CreditTable table, TrainingSettings settings) {
        Prepared prepared = StudyTrainer.prepare(table, settings, Set.of());
        int binary = binaryTask(settings.tasks());
        double[] labels = table.target(settings.tasks().get(binary).name(),
                prepared.split().validation());
        double[] seconds = new double[runs];
        int[] epochs = new int[runs];
        double[] reached = new double[runs];
        for (int run = 0; run < runs; run++) {
            ComputationGraph network = prepared.network(settings);
            MultiTaskPredictor predictor = new MultiTaskPredictor(network, prepared.preprocessor());
            long start = System.nanoTime();
            double[] result = {Double.NaN, 0, 0};
            try {
                new MultiTaskTrainer(settings).train(network, prepared.train(),
                        prepared.validation(), report -> {
                            double auc = TaskEvaluator.auc(labels, predictor.toOriginalUnits(
                                    network.outputSingle(false,
                                            prepared.validation().features()))[binary]);
                            if (auc >= targetAuc) {
                                result[0] = (System.nanoTime() - start) / 1e9;
                                result[1] = report.epoch();
                                result[2] = auc;
                                throw new ReachedTarget();
                            }
                        }, () -> false);
            } catch (ReachedTarget reachedTarget) {
                // the run stops as soon as the target is reached
            }
            seconds[run] = result[0];
            epochs[run] = (int) result[1];
            reached[run] = result[2];
        }
        ObjectNode node = node("to-auc", seconds);
        node.put("target_auc", targetAuc);
        node.put("batch", settings.batchSize());
        node.put("learning_rate", settings.learningRate());
        node.put("epochs_needed", json.valueToTree(epochs));
        node.put("auc_reached", json.valueToTree(reached));
        return node.toString();
    }

    private String importing() throws ImportException {
        double[] seconds = new double[runs];
        int rows = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            CreditTable table = new CsvImporter().importFile(large);
            seconds[run] = (System.nanoTime() - start) / 1e9;
            rows = table.rowCount();
        }
        ObjectNode node = node("import", seconds);
        node.put("rows", rows);
        node.put("rows_per_second", Math.round(rows / median(seconds)));
        return node.toString();
    }

    /**
     * Encoding, preprocessing, network and score for every row of the large file, already in
     * memory as an imported table.
     */
    private String scoring(CreditTable table, TrainingSettings settings) throws ImportException {
        TrainingSettings oneEpoch = settings.withEpochs(1);
        Prepared prepared = StudyTrainer.prepare(table, oneEpoch, Set.of());
        ComputationGraph network = prepared.network(oneEpoch);
        new MultiTaskTrainer(oneEpoch).train(network, prepared.train(), prepared.validation(),
                report -> { }, () -> false);
        MultiTaskPredictor predictor = new MultiTaskPredictor(network, prepared.preprocessor());
        CreditTable applicants = new CsvImporter().importFile(large);
        int rows = applicants.rowCount();
        int binary = binaryTask(settings.tasks());

        double[] seconds = new double[runs];
        double checksum = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            checksum = 0;
            for (int from = 0; from < rows; from += SCORING_CHUNK) {
                int[] chunk = IntStream.range(from, Math.min(from + SCORING_CHUNK, rows))
                        .toArray();
                double[][] features = prepared.encoder().transform(applicants, chunk);
                for (double p : predictor.predict(features)[binary]) {
                    checksum += ScoreScale.DEFAULT.score(p);
                }
            }
            seconds[run] = (System.nanoTime() - start) / 1e9;
        }
        ObjectNode node = node("scoring", seconds);
        node.put("rows", rows);
        node.put("rows_per_second", Math.round(rows / median(seconds)));
        node.put("mean_score", checksum / rows);
        return node.toString();
    }

    /**
     * One what-if update of a test applicant (its first feature times 1.5): every task, score,
     * grade and reasons, on a study trained for a few epochs. Per run the median, 95th
     * percentile and slowest of the updates after a warm-up, in milliseconds.
     */
    private String whatIf(CreditTable table, TrainingSettings settings) {
        Study study = new StudyTrainer().train(table, settings.withEpochs(WHAT_IF_EPOCHS),
                report -> { }, () -> false);
        WhatIf whatIf = new WhatIf(study);
        int[] rows = study.split().test();
        String feature = study.encoder().numericFeatures().get(0);
        double[] medians = new double[runs];
        double[] p95 = new double[runs];
        double[] slowest = new double[runs];
        for (int run = 0; run < runs; run++) {
            double[] millis = new double[WHAT_IF_UPDATES];
            for (int i = 0; i < WHAT_IF_WARM_UP + WHAT_IF_UPDATES; i++) {
                Map<String, Object> applicant = whatIf.applicant(table, rows[i % rows.length]);
                double value = (Double) applicant.get(feature);
                long start = System.nanoTime();
                whatIf.change(applicant, Map.of(feature, value * 1.5));
                if (i >= WHAT_IF_WARM_UP) {
                    millis[i - WHAT_IF_WARM_UP] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(millis);
            medians[run] = millis[WHAT_IF_UPDATES / 2];
            p95[run] = millis[WHAT_IF_UPDATES * 95 / 100];
            slowest[run] = millis[WHAT_IF_UPDATES - 1];
        }
        ObjectNode node = json.createObjectNode();
        node.put("measure", "what-if");
        node.put("updates", WHAT_IF_UPDATES);
        node.put("epochs", WHAT_IF_EPOCHS);
        node.put("feature", feature);
        node.put("median_ms", median(medians));
        node.put("p95_ms", median(p95));
        node.put("max_ms", Arrays.stream(slowest).max().orElse(Double.NaN));
        node.set("runs_median_ms", json.valueToTree(medians));
        node.set("runs_p95_ms", json.valueToTree(p95));
        node.set("runs_max_ms", json.valueToTree(slowest));
        return node.toString();
    }

    private ObjectNode node(String name, double[] seconds) {
        ObjectNode node = json.createObjectNode();
        node.put("measure", name);
        node.put("seconds", median(seconds));
        node.set("runs", json.valueToTree(seconds));
        return node;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static int binaryTask(List<TaskSpec> tasks) {
        for (int t = 0; t < tasks.size(); t++) {
            if (tasks.get(t).isBinary()) {
                return t;
            }
        }
        throw new IllegalArgumentException("the table has no binary task");
    }

    /** Ends a timed run once the target is reached. */
    private static final class ReachedTarget extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReachedTarget() {
            super(null, null, false, false);
        }
    }
}
