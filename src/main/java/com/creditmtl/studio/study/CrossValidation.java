package com.creditmtl.studio.study;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.RefusedException;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.eval.EvaluationOptions;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.prep.StratifiedFolds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * K-fold cross-validation of the multi-task network, stratified on the first binary task: each
 * fold in turn is the test part, the other folds give the training part and, keeping the
 * settings' validation share, the validation part. Leakage guard, encoding and preprocessing are
 * fitted on each fold's training part. Reports every metric's mean and sample standard
 * deviation over the folds per task; a fold where a metric is undefined is left out of that
 * metric's figures.
 */
public final class CrossValidation {

    private static final Logger LOGGER = LoggerFactory.getLogger(CrossValidation.class);

    /**
     * The fewest positives, and the fewest negatives, of the stratifying binary task that every
     * test fold must hold: with fewer a fold's AUC and KS are noise or undefined.
     */
    public static final int MIN_CLASS_PER_FOLD = 10;

    /** The fewest rows every test fold must hold when no task is binary. */
    public static final int MIN_ROWS_PER_FOLD = 20;

    private final EvaluationOptions options;

    public CrossValidation(EvaluationOptions options) {
        this.options = options;
    }

    /** Mean and standard deviation of one metric over the folds, with each fold's value. */
    public record Summary(double mean, double sd, List<Double> values) {

        public Summary {
            values = List.copyOf(values);
        }

        static Summary of(List<Double> values) {
            List<Double> defined = values.stream().filter(v -> !Double.isNaN(v)).toList();
            if (defined.isEmpty()) {
                return new Summary(Double.NaN, Double.NaN, values);
            }
            double mean = defined.stream().mapToDouble(Double::doubleValue).average()
                    .orElseThrow();
            double squares = defined.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            double sd = defined.size() < 2 ? Double.NaN : Math.sqrt(squares
                    / (defined.size() - 1));
            return new Summary(mean, sd, values);
        }
    }

    /** One task's metrics over the folds, by metric name in a fixed order. */
    public record TaskSummary(String task, TaskType type, Map<String, Summary> metrics) {

        public TaskSummary {
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }
    }

    public record Result(int folds, List<TaskSummary> tasks, List<List<TaskMetrics>> perFold) {

        public Result {
            tasks = List.copyOf(tasks);
            perFold = List.copyOf(perFold);
        }
    }

    /**
     * The most folds the data allows, with the reason in plain words.
     *
     * @param reason for example "the binary task bad has 300 positives and 700 negatives, and
     *     every test fold needs at least 10 of each"
     */
    public record FoldLimit(int maxFolds, String reason) {
    }

    /**
     * How many folds leave every test fold at least {@link #MIN_CLASS_PER_FOLD} positives and
     * negatives of the first binary task, or, without one, {@link #MIN_ROWS_PER_FOLD} rows.
     * The folds deal each group of rows in turn, so the smallest fold of a group of n rows holds
     * n / k rows rounded down; rows whose label is masked count for neither class.
     */
    public static FoldLimit foldLimit(CreditTable table, List<TaskSpec> tasks) {
        int binary = StudyTrainer.scoringTask(tasks);
        if (binary < 0) {
            int rows = table.rowCount();
            return new FoldLimit(rows / MIN_ROWS_PER_FOLD, String.format(Locale.ROOT,
                    "with no binary task every test fold needs at least %d of the %,d rows",
                    MIN_ROWS_PER_FOLD, rows));
        }
        String task = tasks.get(binary).name();
        int positives = 0;
        int negatives = 0;
        for (double label : table.target(task, table.allRows())) {
            if (label == 1) {
                positives++;
            } else if (label == 0) {
                negatives++;
            }
        }
        return new FoldLimit(Math.min(positives, negatives) / MIN_CLASS_PER_FOLD,
                String.format(Locale.ROOT, "the binary task %s has %,d %s and %,d %s, and every "
                        + "test fold needs at least %d of each", task, positives,
                        positives == 1 ? "positive" : "positives", negatives,
                        negatives == 1 ? "negative" : "negatives", MIN_CLASS_PER_FOLD));
    }

    public Result run(CreditTable table, TrainingSettings settings, Collection<String> keep,
            int folds, Progress progress, BooleanSupplier cancelled) {
        List<TaskSpec> tasks = settings.tasks();
        // the command line refuses this before reading its options; the window asks here
        FoldLimit limit = foldLimit(table, tasks);
        if (limit.maxFolds() < 2) {
            throw new RefusedException("cv.tooSmall", String.format(Locale.ROOT,
                    "this table is too small to cross-validate: %s, and 2 folds are the "
                    + "fewest", limit.reason()));
        }
        if (folds > limit.maxFolds()) {
            throw new RefusedException("cv.tooManyFolds", String.format(Locale.ROOT,
                    "%d folds are too many for this table: %s; so at most %d folds", folds,
                    limit.reason(), limit.maxFolds()), folds, limit.maxFolds());
        }
        int binary = StudyTrainer.scoringTask(tasks);
        double[] strata = binary < 0 ? null
                : table.target(tasks.get(binary).name(), table.allRows());
        StratifiedFolds split = new StratifiedFolds(table.rowCount(), strata, folds,
                settings.validationFraction(), settings.seed());
        LOGGER.info("Cross-validating over {} folds, {} tasks, seed {}", folds, tasks.size(),
                settings.seed());

        List<List<TaskMetrics>> perFold = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            progress.update("fold " + (k + 1) + " of " + folds, (double) k / folds);
            StudyTrainer.Prepared prepared = StudyTrainer.prepare(table, settings, keep,
                    split.split(k));
            perFold.add(ModelFitter.fit(prepared, settings, options, cancelled).test());
        }
        progress.update("done", 1);

        List<TaskSummary> summaries = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            Map<String, List<Double>> values = new LinkedHashMap<>();
            for (List<TaskMetrics> fold : perFold) {
                fold.get(t).figures().forEach((name, value) ->
                        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
            }
            Map<String, Summary> metrics = new LinkedHashMap<>();
            values.forEach((name, list) -> metrics.put(name, Summary.of(list)));
            summaries.add(new TaskSummary(tasks.get(t).name(), tasks.get(t).type(), metrics));
        }
        LOGGER.info("Cross-validation done over {} folds", folds);
        return new Result(folds, summaries, perFold);
    }
}
