package com.creditmtl.studio.study;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.RefusedException;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.eval.EvaluationOptions;
import com.creditmtl.studio.eval.LeakageGuard;
import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.eval.TaskEvaluator;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.EpochReport;
import com.creditmtl.studio.model.MultiTaskNetworkFactory;
import com.creditmtl.studio.model.MultiTaskPredictor;
import com.creditmtl.studio.model.MultiTaskTrainer;
import com.creditmtl.studio.model.TrainingData;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.prep.FeatureEncoder;
import com.creditmtl.studio.prep.Preprocessor;
import com.creditmtl.studio.prep.Split;
import com.creditmtl.studio.prep.Splitter;
import com.creditmtl.studio.scoring.GradeScale;
import com.creditmtl.studio.scoring.ScoreScale;
import com.creditmtl.studio.scoring.Scorecard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole job on an imported table: split, screen the features for leakage on the
 * training part, fit the feature encoding and preprocessing on it, build and train the network,
 * evaluate every task on the test part and score the test applicants with the scorecard. Runs
 * on the calling thread; the window calls it from a background task.
 *
 * <p>Given only a score scale and grades, the scorecard's amount task is the default for the
 * tasks trained (see {@link Scorecard#forTasks}); given a whole scorecard, it is used as is.
 */
public final class StudyTrainer {

    private static final Logger LOGGER = LoggerFactory.getLogger(StudyTrainer.class);

    private final Scorecard scorecard;
    private final boolean defaultAmountTask;
    private final EvaluationOptions evaluation;

    public StudyTrainer() {
        this(ScoreScale.DEFAULT, GradeScale.DEFAULT);
    }

    public StudyTrainer(ScoreScale scoreScale, GradeScale gradeScale) {
        this(scoreScale, gradeScale, EvaluationOptions.DEFAULT);
    }

    public StudyTrainer(ScoreScale scoreScale, GradeScale gradeScale,
            EvaluationOptions evaluation) {
        this(new Scorecard(scoreScale, gradeScale, null), true, evaluation);
    }

    /** A trainer scoring with exactly this scorecard, its amount task included. */
    public StudyTrainer(Scorecard scorecard, EvaluationOptions evaluation) {
        this(scorecard, false, evaluation);
    }

    private StudyTrainer(Scorecard scorecard, boolean defaultAmountTask,
            EvaluationOptions evaluation) {
        this.scorecard = scorecard;
        this.defaultAmountTask = defaultAmountTask;
        this.evaluation = evaluation;
    }

    /** The same trainer evaluating with other options (cost ratio, bootstrap). */
    public StudyTrainer withEvaluation(EvaluationOptions options) {
        return new StudyTrainer(scorecard, defaultAmountTask, options);
    }

    /** The scorecard a study of these tasks is scored with. */
    public Scorecard scorecard(List<TaskSpec> tasks) {
        Scorecard chosen = defaultAmountTask
                ? Scorecard.forTasks(tasks, scorecard.scale(), scorecard.grades()) : scorecard;
        chosen.amountIndex(tasks);
        return chosen;
    }

    public Study train(CreditTable table, TrainingSettings settings,
            Consumer<EpochReport> listener, BooleanSupplier cancelled) {
        return train(table, settings, Set.of(), listener, cancelled);
    }

    /**
     * @param keep features to keep even when the leakage guard flags them
     */
    public Study train(CreditTable table, TrainingSettings settings, Collection<String> keep,
            Consumer<EpochReport> listener, BooleanSupplier cancelled) {
        List<TaskSpec> tasks = settings.tasks();
        for (TaskSpec task : tasks) {
            if (!table.table().containsColumn(task.name())) {
                throw new RefusedException("training.noTaskColumn",
                        "the table has no column " + task.name(), task.name());
            }
        }
        LOGGER.info("Training on {} rows, tasks {}, seed {}", table.rowCount(), tasks,
                settings.seed());

        scorecard(tasks); // refuses an unknown amount task before any work
        return train(prepare(table, settings, keep), settings, listener, cancelled);
    }

    /**
     * Trains and evaluates on a table prepared earlier, so that several runs can share one
     * split, leakage screening and preprocessing (the trade-off explorer trains a network per
     * weight vector this way). The settings must name the prepared tasks in the same order;
     * their weights, epochs and options may differ.
     */
    public Study train(Prepared prepared, TrainingSettings settings,
            Consumer<EpochReport> listener, BooleanSupplier cancelled) {
        List<String> names = settings.tasks().stream().map(TaskSpec::name).toList();
        List<String> preparedNames = prepared.preprocessor().tasks().stream()
                .map(TaskSpec::name).toList();
        if (!names.equals(preparedNames)) {
            throw new IllegalArgumentException("the settings name tasks " + names
                    + " but the table was prepared for " + preparedNames);
        }
        settings = settings.resolveL2(prepared.split().train().length);
        ComputationGraph network = prepared.network(settings);
        long start = System.nanoTime();
        MultiTaskTrainer trainer = new MultiTaskTrainer(settings);
        List<EpochReport> history = trainer.train(network, prepared.train(),
                prepared.validation(), listener, cancelled);
        double seconds = (System.nanoTime() - start) / 1e9;

        return finish(prepared, settings, network, history, trainer.bestEpoch(), seconds);
    }

    /**
     * The study of a network trained on prepared data by any means (here, or distributed by the
     * Spark jobs): every task evaluated on validation and test, the test applicants scored and
     * the training part's feature distributions kept for drift checks.
     *
     * @param settings the settings trained with, the L2 penalty resolved
     * @param keptEpoch the epoch whose network this is
     * @param seconds the training time
     */
    public Study finish(Prepared prepared, TrainingSettings settings, ComputationGraph network,
            List<EpochReport> history, int keptEpoch, double seconds) {
        CreditTable table = prepared.table();
        Split split = prepared.split();
        FeatureEncoder encoder = prepared.encoder();
        Preprocessor preprocessor = prepared.preprocessor();
        List<TaskSpec> tasks = settings.tasks();
        Scorecard card = scorecard(tasks);
        MultiTaskPredictor predictor = new MultiTaskPredictor(network, preprocessor);
        double[][] validationActual = targets(table, tasks, split.validation());
        double[][] validationPredicted = predictor.predict(
                encoder.transform(table, split.validation()));
        double[][] actual = targets(table, tasks, split.test());
        double[][] predicted = predictor.predict(encoder.transform(table, split.test()));
        List<TaskMetrics> validationMetrics = new ArrayList<>();
        List<TaskMetrics> metrics = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            TaskMetrics onValidation = TaskEvaluator.evaluate(tasks.get(t),
                    column(validationActual, t), validationPredicted[t], evaluation, Double.NaN);
            validationMetrics.add(onValidation);
            metrics.add(TaskEvaluator.evaluate(tasks.get(t), column(actual, t), predicted[t],
                    evaluation, validationCutoff(onValidation)));
        }
        List<String> ids = Arrays.stream(split.test()).mapToObj(table::id).toList();
        List<ApplicantResult> results = ApplicantScoring.results(ids, actual, predicted, tasks,
                card);
        List<PopulationStability.Reference> drift = FeatureDrift.references(table,
                split.train(), encoder);
        LOGGER.info("Trained {} epochs in {} s; test metrics {}", history.size(),
                String.format("%.1f", seconds), metrics);

        return new Study(encoder.outputNames(), settings, split, preprocessor, network, history,
                metrics, results, card, seconds, encoder, prepared.leakage(), validationMetrics,
                keptEpoch, drift);
    }

    /**
     * The test part's confusion matrix uses the cut-off chosen on validation, so the test rows
     * do not pick their own; NaN (choose on test) when validation had no known label.
     */
    static double validationCutoff(TaskMetrics onValidation) {
        return onValidation.confusion() == null ? Double.NaN
                : onValidation.confusion().cutoff();
    }

    /**
     * The table as the network will see it: the split, the leakage guard's verdicts, and the
     * encoding and preprocessing fitted on the training part.
     *
     * @param table the table after features flagged by the leakage guard are dropped
     */
    public record Prepared(CreditTable table, Split split, List<LeakageGuard.Flag> leakage,
            FeatureEncoder encoder, Preprocessor preprocessor, TrainingData train,
            TrainingData validation, double[] positiveWeights) {

        /** The network for these data and settings, untrained. */
        public ComputationGraph network(TrainingSettings settings) {
            return MultiTaskNetworkFactory.build(preprocessor.featureCount(),
                    settings.resolveL2(split.train().length), positiveWeights);
        }
    }

    /** Everything before training: split, leakage guard, encoding and preprocessing. */
    public static Prepared prepare(CreditTable table, TrainingSettings settings,
            Collection<String> keep) {
        List<TaskSpec> tasks = settings.tasks();
        int binary = scoringTask(tasks);
        double[] strata = binary < 0 ? null
                : table.target(tasks.get(binary).name(), table.allRows());
        Split split = new Splitter(settings.testFraction(), settings.validationFraction(),
                settings.seed()).split(table.rowCount(), strata);
        return prepare(table, settings, keep, split);
    }

    /** Preparation on a split made elsewhere, such as a fold of cross-validation. */
    public static Prepared prepare(CreditTable table, TrainingSettings settings,
            Collection<String> keep, Split split) {
        List<TaskSpec> tasks = settings.tasks();
        List<LeakageGuard.Flag> leakage = LeakageGuard.screen(table, tasks, split.train(), keep);
        CreditTable kept = withoutLeaks(table, leakage);
        FeatureEncoder encoder = FeatureEncoder.fit(kept, split.train(),
                settings.options().logCopies());

        double[][] trainFeatures = encoder.transform(kept, split.train());
        double[][] trainTargets = targets(kept, tasks, split.train());
        checkKnownLabels(tasks, trainTargets);
        Preprocessor preprocessor = Preprocessor.fit(trainFeatures, tasks, trainTargets,
                settings.options().logTargets());
        TrainingData train = TrainingData.of(preprocessor, trainFeatures, trainTargets);
        TrainingData validation = TrainingData.of(preprocessor,
                encoder.transform(kept, split.validation()),
                targets(kept, tasks, split.validation()));
        double[] positiveWeights = settings.options().classWeights()
                ? positiveWeights(tasks, trainTargets) : new double[tasks.size()];
        return new Prepared(kept, split, leakage, encoder, preprocessor, train, validation,
                positiveWeights);
    }

    /**
     * Per binary task, the training part's negatives per positive among known labels, so that
     * both classes weigh alike in the loss; 0 (no weighting) for other tasks.
     */
    static double[] positiveWeights(List<TaskSpec> tasks, double[][] targets) {
        double[] weights = new double[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            if (!tasks.get(t).isBinary()) {
                continue;
            }
            double positives = 0;
            double negatives = 0;
            for (double[] row : targets) {
                if (row[t] == 1) {
                    positives++;
                } else if (row[t] == 0) {
                    negatives++;
                }
            }
            weights[t] = positives > 0 && negatives > 0 ? negatives / positives : 0;
        }
        return weights;
    }

    private static CreditTable withoutLeaks(CreditTable table, List<LeakageGuard.Flag> flags) {
        Set<String> dropped = new LinkedHashSet<>();
        for (LeakageGuard.Flag flag : flags) {
            LOGGER.info("Leakage guard: {}", flag.describe());
            if (flag.excluded()) {
                dropped.add(flag.feature());
            }
        }
        if (dropped.isEmpty()) {
            return table;
        }
        List<String> numeric = table.featureNames().stream()
                .filter(f -> !dropped.contains(f)).toList();
        List<String> categorical = table.categoricalNames().stream()
                .filter(f -> !dropped.contains(f)).toList();
        if (numeric.isEmpty() && categorical.isEmpty()) {
            throw new RefusedException("training.allLeaking", "every feature predicts a task "
                    + "almost alone (leakage guard: " + dropped + "); keep some or choose other "
                    + "features", String.join(", ", dropped));
        }
        return table.withFeatures(numeric, categorical, List.copyOf(dropped));
    }

    /** A task whose every training label is masked, or of one class, cannot be learned. */
    private static void checkKnownLabels(List<TaskSpec> tasks, double[][] targets) {
        for (int t = 0; t < tasks.size(); t++) {
            int known = 0;
            int positives = 0;
            for (double[] row : targets) {
                if (!Double.isNaN(row[t])) {
                    known++;
                    positives += row[t] == 1 ? 1 : 0;
                }
            }
            TaskSpec task = tasks.get(t);
            if (known == 0) {
                throw new RefusedException("training.noKnownLabel", "task " + task.name()
                        + " has no known label in the training part", task.name());
            }
            if (task.isBinary() && (positives == 0 || positives == known)) {
                throw new RefusedException("training.oneClass", "task " + task.name()
                        + " has one class only in the training part", task.name());
            }
        }
    }

    public static int scoringTask(List<TaskSpec> tasks) {
        for (int t = 0; t < tasks.size(); t++) {
            if (tasks.get(t).isBinary()) {
                return t;
            }
        }
        return -1;
    }

    static double[][] targets(CreditTable table, List<TaskSpec> tasks, int[] rows) {
        double[][] values = new double[rows.length][tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            double[] column = table.target(tasks.get(t).name(), rows);
            for (int r = 0; r < rows.length; r++) {
                values[r][t] = column[r];
            }
        }
        return values;
    }

    static double[] column(double[][] rows, int index) {
        double[] column = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            column[r] = rows[r][index];
        }
        return column;
    }
}
