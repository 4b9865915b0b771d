package com.creditmtl.studio.study;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.eval.Bootstrap;
import com.creditmtl.studio.eval.EvaluationOptions;
import com.creditmtl.studio.eval.Interval;
import com.creditmtl.studio.eval.TaskEvaluator;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.TrainingSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers "does multi-task learning help here?": on one split and one preprocessing it trains
 * the multi-task network, then for every task a single-task network of the same architecture
 * (that task alone, weight 1) and a linear model (no shared layer: logistic regression for a
 * binary task, linear regression for a regression task, fitted by the same Adam training), and
 * compares them on the same test rows. The difference of each baseline to the multi-task model
 * (AUC for binary tasks, MAE for regression tasks) gets a 95 % interval from a paired bootstrap
 * over the test rows. The interval covers the test rows' sampling only, not the training's own
 * randomness (another seed gives other networks).
 *
 * <p>With one task the multi-task network is already that task's single-task network, so no
 * second one is trained: its figures are the multi-task network's, and only the comparison with
 * the linear model says anything ({@link Result#singleTaskIsMultiTask()}).
 */
public final class ModelComparison {

    private static final Logger LOGGER = LoggerFactory.getLogger(ModelComparison.class);

    public static final String MULTI_TASK = "multi-task";
    public static final String SINGLE_TASK = "single-task";
    public static final String LINEAR = "linear";

    /** What a comparison of one task says in place of a difference to the single-task network. */
    public static final String ONE_TASK_NOTE = "With one task the multi-task and single-task "
            + "networks are the same model, so only the comparison with the linear model is "
            + "meaningful.";

    private final EvaluationOptions options;

    public ModelComparison(EvaluationOptions options) {
        this.options = options;
    }

    /**
     * One task's three models and the differences of the multi-task model to each baseline.
     *
     * @param measure {@code auc} (higher is better) or {@code mae} (lower is better)
     * @param versusSingle multi-task minus single-task on the measure
     * @param versusLinear multi-task minus linear on the measure
     */
    public record TaskComparison(String task, TaskType type, TaskMetrics multiTask,
            TaskMetrics singleTask, TaskMetrics linear, String measure, double versusSingle,
            Interval versusSingleInterval, double versusLinear, Interval versusLinearInterval) {

        /** Plain words for the difference to the single-task network. */
        public String verdict() {
            return verdict(versusSingle, versusSingleInterval, "single-task network");
        }

        public String verdictVersusLinear() {
            return verdict(versusLinear, versusLinearInterval, "linear model");
        }

        private String verdict(double difference, Interval interval, String baseline) {
            if (Double.isNaN(difference)) {
                return "no known labels to compare";
            }
            if (!interval.excludesZero()) {
                return "no clear difference from the " + baseline;
            }
            boolean auc = "auc".equals(measure);
            boolean better = auc ? difference > 0 : difference < 0;
            // the decimals of the comparison table: four for an AUC, two for an error
            return String.format(Locale.ROOT, auc ? "multi-task %s than the %s (%s %+.4f)"
                    : "multi-task %s than the %s (%s %+.2f)", better ? "better" : "worse",
                    baseline, measure.toUpperCase(Locale.ROOT), difference);
        }
    }

    /** The comparison of every task, with the rows it used. */
    public record Result(List<TaskComparison> tasks, int trainRows, int validationRows,
            int testRows, String intervalMethod) {

        public Result {
            tasks = List.copyOf(tasks);
        }

        /**
         * True with one task: the single-task figures are then the multi-task network's own,
         * and their difference of zero is no finding.
         */
        public boolean singleTaskIsMultiTask() {
            return tasks.size() == 1;
        }
    }

    public Result compare(CreditTable table, TrainingSettings settings, Collection<String> keep,
            Progress progress, BooleanSupplier cancelled) {
        List<TaskSpec> tasks = settings.tasks();
        boolean oneTask = tasks.size() == 1;
        int models = oneTask ? 2 : 1 + 2 * tasks.size();
        LOGGER.info("Comparing multi-task, single-task and linear models on {} tasks, seed {}",
                tasks.size(), settings.seed());
        StudyTrainer.Prepared prepared = StudyTrainer.prepare(table, settings, keep);

        progress.update(MULTI_TASK, 0);
        ModelFitter.Fitted multi = ModelFitter.fit(prepared, settings, options, cancelled);
        List<ModelFitter.Fitted> single = new ArrayList<>();
        List<ModelFitter.Fitted> linear = new ArrayList<>();
        int done = 1;
        for (TaskSpec task : tasks) {
            TrainingSettings alone = settings.withTasks(List.of(task.withWeight(1)));
            if (oneTask) {
                // the same architecture on the same task: training it again gives the same model
                single.add(multi);
            } else {
                progress.update(SINGLE_TASK + " " + task.name(), (double) done++ / models);
                single.add(ModelFitter.fit(prepared, alone, options, cancelled));
            }
            progress.update(LINEAR + " " + task.name(), (double) done++ / models);
            linear.add(ModelFitter.fit(prepared, alone.withHiddenLayers(List.of()), options,
                    cancelled));
        }
        progress.update("done", 1);

        List<TaskComparison> comparisons = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            comparisons.add(compareTask(tasks.get(t), multi, t, single.get(t), linear.get(t)));
        }
        LOGGER.info("Comparison done: {}", comparisons.stream()
                .map(c -> c.task() + ": " + c.verdict()).toList());
        return new Result(comparisons, prepared.split().train().length,
                prepared.split().validation().length, prepared.split().test().length,
                new Bootstrap(options).method());
    }

    private TaskComparison compareTask(TaskSpec task, ModelFitter.Fitted multi, int t,
            ModelFitter.Fitted single, ModelFitter.Fitted linear) {
        double[][] known = TaskEvaluator.withoutMasked(multi.testActual()[t],
                multi.testPredicted()[t]);
        double[] actual = known[0];
        double[] multiPredicted = known[1];
        double[] singlePredicted = TaskEvaluator.withoutMasked(multi.testActual()[t],
                single.testPredicted()[0])[1];
        double[] linearPredicted = TaskEvaluator.withoutMasked(multi.testActual()[t],
                linear.testPredicted()[0])[1];

        TaskMetrics multiMetrics = multi.test().get(t);
        TaskMetrics singleMetrics = single.test().get(0);
        TaskMetrics linearMetrics = linear.test().get(0);
        Bootstrap bootstrap = new Bootstrap(options);
        if (task.isBinary()) {
            return new TaskComparison(task.name(), task.type(), multiMetrics, singleMetrics,
                    linearMetrics, "auc", multiMetrics.auc() - singleMetrics.auc(),
                    bootstrap.aucDifference(actual, singlePredicted, multiPredicted),
                    multiMetrics.auc() - linearMetrics.auc(),
                    bootstrap.aucDifference(actual, linearPredicted, multiPredicted));
        }
        return new TaskComparison(task.name(), task.type(), multiMetrics, singleMetrics,
                linearMetrics, "mae", multiMetrics.mae() - singleMetrics.mae(),
                bootstrap.maeDifference(actual, singlePredicted, multiPredicted),
                multiMetrics.mae() - linearMetrics.mae(),
                bootstrap.maeDifference(actual, linearPredicted, multiPredicted));
    }
}
