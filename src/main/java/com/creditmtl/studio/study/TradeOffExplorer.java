package com.creditmtl.studio.study;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.RefusedException;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.TrainingCancelledException;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.prep.Preprocessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one network per point of a grid over the task weights and marks the points that trade
 * the tasks off best, so an analyst sees what the default task's AUC costs in each regression
 * task's MAE and can take the model of the point that suits the portfolio.
 *
 * <p><b>The grid.</b> With step s (1/s a whole number n), the points are every weight vector
 * whose weights are multiples of s and sum to 1, keeping those where the default task (the first
 * binary task, whose probability drives the score) weighs at least the minimum, so that every
 * point learns it. There are C(n + K − 1, K − 1) such vectors for K tasks before the minimum is
 * applied: for three tasks and s = 0.2 that is 21; the default minimum of one step drops the six
 * that give the default task no weight, leaving 15. Two tasks give a line: s = 0.2 and a minimum
 * of 0.2 give 0.2/0.8, 0.4/0.6, 0.6/0.4, 0.8/0.2 and 1/0. Weights stay round numbers so the
 * analyst can set them again on the weight sliders. Points are ordered by the default task's
 * weight, highest first, then by the next tasks' weights, highest first.
 *
 * <p><b>Training.</b> The table is prepared once ({@link StudyTrainer#prepare}): every point
 * shares the split, the leakage guard's verdicts, the encoding and the feature scaling, and
 * trains from the same seed for the same epochs; only the weights differ. The target scaling is
 * fitted again per point on the same rows (it does not depend on the weights, but the fitted
 * preprocessing records the tasks with their weights, and a saved study reads them from there).
 * Points train one after another on the calling thread; each keeps its whole {@link Study}.
 *
 * <p><b>Pareto-optimal points.</b> A point is dominated when another point is at least as good
 * on every task's validation figure (AUC of a binary task, higher is better; MAE of a
 * regression task, lower is better) and better on one; the points no other dominates are
 * Pareto-optimal. An undefined figure (NaN) counts as worse than any number. Points with equal
 * figures do not dominate each other, so both can be Pareto-optimal.
 *
 * <p><b>Why validation.</b> Marking the points, and the analyst's pick among the marked ones,
 * is model selection; done on the test part it would make the chosen point's test figures
 * optimistic, since among many points some do well on the test rows by chance. The marks are
 * therefore decided on the validation part only, and each point's test figures are kept beside
 * them for reporting the chosen point, never for choosing it.
 *
 * <p>Limits: the points are compared after a short budget (10 epochs by default), not trained
 * to convergence, and from one seed, so neighbouring points can differ by less than the noise of
 * a different seed. With a patience set, the validation part also decides each training's early
 * stop, so its figures are themselves a little optimistic: fit for comparing points, not for
 * reporting them. Every point's study stays in memory (network and the test applicants' results),
 * which limits the grid to {@value #MAX_POINTS} points.
 */
public final class TradeOffExplorer {

    private static final Logger LOGGER = LoggerFactory.getLogger(TradeOffExplorer.class);

    public static final double DEFAULT_STEP = 0.2;
    public static final int DEFAULT_EPOCHS = 10;
    /** Largest grid explored; a smaller step over many tasks is refused before training. */
    public static final int MAX_POINTS = 200;

    private static final double TOLERANCE = 1e-9;

    private final StudyTrainer trainer;

    public TradeOffExplorer(StudyTrainer trainer) {
        this.trainer = trainer;
    }

    /**
     * How the grid is drawn and each point trained.
     *
     * @param step distance between neighbouring weights; 1/step must be a whole number up to 100
     * @param minimumDefaultWeight the default task's least weight, above 0 and at most 1
     * @param epochs epochs per point
     */
    public record Options(double step, double minimumDefaultWeight, int epochs) {

        public static final Options DEFAULT = new Options(DEFAULT_STEP, DEFAULT_STEP,
                DEFAULT_EPOCHS);

        public Options {
            divisions(step);
            if (!(minimumDefaultWeight > 0 && minimumDefaultWeight <= 1)) {
                throw new RefusedException("tradeoff.leastWeight", "the default task's least "
                        + "weight must lie in (0, 1], was " + minimumDefaultWeight,
                        String.valueOf(minimumDefaultWeight));
            }
            if (epochs < 1) {
                throw new RefusedException("settings.epochs",
                        "epochs must be at least 1, was " + epochs, epochs);
            }
        }
    }

    /**
     * One trained point of the grid.
     *
     * @param index position in the grid, from 0
     * @param weights each task's weight, in task order
     * @param study the model trained with these weights
     */
    public record Point(int index, List<Double> weights, Study study) {

        public Point {
            weights = List.copyOf(weights);
        }

        /** The default task's AUC on the test part. */
        public double testAuc() {
            return study.metrics().get(study.scoringTask()).auc();
        }

        /** The default task's AUC on the validation part. */
        public double validationAuc() {
            return study.validationMetrics().get(study.scoringTask()).auc();
        }

        /** A task's MAE on the test part, in its original units; NaN for a binary task. */
        public double testMae(int task) {
            return study.metrics().get(task).mae();
        }

        /** A task's MAE on the validation part; NaN for a binary task. */
        public double validationMae(int task) {
            return study.validationMetrics().get(task).mae();
        }

        /**
         * On the validation part, the figure each task is judged by: AUC for a binary task, MAE
         * for regression. The Pareto marks are decided on these.
         */
        public double[] validationFigures() {
            return figures(study.validationMetrics());
        }

        /**
         * On the test part, the figure each task is judged by: AUC for a binary task, MAE for
         * regression. For reporting a chosen point only; choosing on them would bias them.
         */
        public double[] testFigures() {
            return figures(study.metrics());
        }

        private static double[] figures(List<TaskMetrics> metrics) {
            double[] figures = new double[metrics.size()];
            for (int t = 0; t < figures.length; t++) {
                figures[t] = metrics.get(t).isBinary() ? metrics.get(t).auc()
                        : metrics.get(t).mae();
            }
            return figures;
        }

        /** The weights as "0.60 / 0.20 / 0.20", in task order. */
        public String describeWeights() {
            return TradeOffExplorer.describe(weights);
        }
    }

    /**
     * The explored grid.
     *
     * @param defaultTask index of the default task
     * @param pareto per point, whether it is Pareto-optimal among these points on the
     *     validation figures
     */
    public record Result(List<TaskSpec> tasks, int defaultTask, List<Point> points,
            List<Boolean> pareto) {

        public Result {
            tasks = List.copyOf(tasks);
            points = List.copyOf(points);
            pareto = List.copyOf(pareto);
            if (pareto.size() != points.size()) {
                throw new IllegalArgumentException("one Pareto mark per point is needed");
            }
        }

        /** The given trained points, marked among themselves on their validation figures. */
        public static Result of(List<TaskSpec> tasks, List<Point> points) {
            boolean[] maximise = maximise(tasks);
            List<double[]> figures = points.stream().map(Point::validationFigures).toList();
            boolean[] optimal = paretoOptimal(figures, maximise);
            List<Boolean> marks = new ArrayList<>();
            for (boolean mark : optimal) {
                marks.add(mark);
            }
            return new Result(tasks, StudyTrainer.scoringTask(tasks), points, marks);
        }

        public boolean isPareto(int point) {
            return pareto.get(point);
        }

        public List<Point> paretoPoints() {
            List<Point> optimal = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                if (pareto.get(i)) {
                    optimal.add(points.get(i));
                }
            }
            return optimal;
        }
    }

    /**
     * Trains every point of the grid.
     *
     * @param settings the base settings: tasks in order, seed, split, network and options; their
     *     weights and epochs are replaced per point
     * @param keep features to keep even when the leakage guard flags them
     * @param progress told the share done after every epoch of every point
     * @param onPoint told each point as soon as it is trained, on the calling thread
     * @throws TrainingCancelledException when {@code cancelled} turns true; the points trained
     *     before have been handed to {@code onPoint}
     * @throws IllegalArgumentException when the tasks have no binary task, or the grid is empty
     *     or larger than {@value #MAX_POINTS} points
     */
    public Result run(CreditTable table, TrainingSettings settings, Collection<String> keep,
            Options options, Progress progress, Consumer<Point> onPoint,
            BooleanSupplier cancelled) {
        List<TaskSpec> tasks = settings.tasks();
        List<double[]> grid = grid(tasks, options);
        TrainingSettings base = settings.withEpochs(options.epochs());
        LOGGER.info("Exploring {} weight vectors over tasks {}, {} epochs each, seed {}",
                grid.size(), tasks.stream().map(TaskSpec::name).toList(), options.epochs(),
                settings.seed());

        progress.update("preparing the table", 0);
        StudyTrainer.Prepared prepared = StudyTrainer.prepare(table, base, keep);
        int[] trainRows = prepared.split().train();
        double[][] trainFeatures = prepared.encoder().transform(prepared.table(), trainRows);
        double[][] trainTargets = StudyTrainer.targets(prepared.table(), tasks, trainRows);

        List<Point> points = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < grid.size(); i++) {
            if (cancelled.getAsBoolean()) {
                throw new TrainingCancelledException(0);
            }
            List<Double> weights = toList(grid.get(i));
            List<TaskSpec> weighted = new ArrayList<>();
            for (int t = 0; t < tasks.size(); t++) {
                weighted.add(tasks.get(t).withWeight(weights.get(t)));
            }
            TrainingSettings pointSettings = base.withTasks(weighted);
            Preprocessor preprocessor = Preprocessor.fit(trainFeatures, weighted, trainTargets,
                    base.options().logTargets());
            StudyTrainer.Prepared point = new StudyTrainer.Prepared(prepared.table(),
                    prepared.split(), prepared.leakage(), prepared.encoder(), preprocessor,
                    prepared.train(), prepared.validation(), prepared.positiveWeights());

            int index = i;
            String stage = String.format(Locale.ROOT, "point %d of %d, weights %s", i + 1,
                    grid.size(), describe(weights));
            progress.update(stage, (double) i / grid.size());
            Study study = trainer.train(point, pointSettings, report -> progress.update(stage,
                    (index + (double) report.epoch() / report.epochs()) / grid.size()),
                    cancelled);
            Point trained = new Point(i, weights, study);
            LOGGER.debug("Point {} ({}): default task validation AUC {}, test AUC {}", i + 1,
                    stage, trained.validationAuc(), trained.testAuc());
            points.add(trained);
            onPoint.accept(trained);
        }
        progress.update("done", 1);

        Result result = Result.of(tasks, points);
        LOGGER.info("Explored {} weight vectors in {} s; {} Pareto-optimal on validation",
                points.size(),
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9),
                result.paretoPoints().size());
        return result;
    }

    /** The grid for these tasks, as documented on the class; each vector in task order. */
    public static List<double[]> grid(List<TaskSpec> tasks, Options options) {
        int defaultTask = StudyTrainer.scoringTask(tasks);
        if (defaultTask < 0) {
            throw new RefusedException("tradeoff.needsBinary", "exploring the weights needs a "
                    + "binary task, whose AUC is traded off against the other tasks");
        }
        if (tasks.size() < 2) {
            throw new RefusedException("tradeoff.needsTwoTasks",
                    "exploring the weights needs at least two tasks");
        }
        int n = divisions(options.step());
        List<double[]> grid = new ArrayList<>();
        compositions(n, tasks.size(), 0, new int[tasks.size()], n, defaultTask,
                options.minimumDefaultWeight(), grid);
        if (grid.isEmpty()) {
            throw new RefusedException("tradeoff.unreachable", "no weight on the grid of step "
                    + options.step() + " reaches the least weight "
                    + options.minimumDefaultWeight(), String.valueOf(options.step()),
                    String.valueOf(options.minimumDefaultWeight()));
        }
        if (grid.size() > MAX_POINTS) {
            throw new RefusedException("tradeoff.tooManyPoints", String.format(Locale.ROOT,
                    "a step of %s over %d tasks gives %d points, more than %d; choose a larger "
                    + "step", options.step(), tasks.size(), grid.size(), MAX_POINTS),
                    String.valueOf(options.step()), tasks.size(), grid.size(), MAX_POINTS);
        }
        return grid;
    }

    /** Every way of giving {@code left} steps to the tasks from {@code task} on, most first. */
    private static void compositions(int left, int taskCount, int task, int[] steps, int n,
            int defaultTask, double minimum, List<double[]> grid) {
        if (task == taskCount - 1) {
            steps[task] = left;
            if ((double) steps[defaultTask] / n >= minimum - TOLERANCE) {
                double[] weights = new double[taskCount];
                for (int t = 0; t < taskCount; t++) {
                    weights[t] = (double) steps[t] / n;
                }
                grid.add(weights);
            }
            return;
        }
        for (int k = left; k >= 0; k--) {
            steps[task] = k;
            compositions(left - k, taskCount, task + 1, steps, n, defaultTask, minimum, grid);
        }
    }

    /** The number of steps in a weight of 1; the step must divide 1. */
    private static int divisions(double step) {
        if (!(step > 0 && step <= 1)) {
            throw new RefusedException("tradeoff.step", "the step must lie in (0, 1], was "
                    + step, String.valueOf(step));
        }
        long n = Math.round(1 / step);
        if (n > 100 || Math.abs(n * step - 1) > TOLERANCE) {
            throw new RefusedException("tradeoff.stepParts", "the step must divide 1 into at "
                    + "most 100 equal parts (0.5, 0.25, 0.2, 0.1, 0.05 ...), was " + step,
                    String.valueOf(step));
        }
        return (int) n;
    }

    /** Per task, whether its figure is better higher (binary: AUC) or lower (regression: MAE). */
    static boolean[] maximise(List<TaskSpec> tasks) {
        boolean[] maximise = new boolean[tasks.size()];
        for (int t = 0; t < maximise.length; t++) {
            maximise[t] = tasks.get(t).isBinary();
        }
        return maximise;
    }

    /**
     * Per point, whether no other point dominates it.
     *
     * @param figures per point, one figure per objective
     * @param maximise per objective, true when higher is better
     */
    public static boolean[] paretoOptimal(List<double[]> figures, boolean[] maximise) {
        boolean[] optimal = new boolean[figures.size()];
        for (int i = 0; i < optimal.length; i++) {
            optimal[i] = true;
            for (int j = 0; j < optimal.length && optimal[i]; j++) {
                if (j != i && dominates(figures.get(j), figures.get(i), maximise)) {
                    optimal[i] = false;
                }
            }
        }
        return optimal;
    }

    /** Whether a is at least as good as b on every objective and better on one. */
    public static boolean dominates(double[] a, double[] b, boolean[] maximise) {
        if (a.length != maximise.length || b.length != maximise.length) {
            throw new IllegalArgumentException("one figure per objective is needed");
        }
        boolean better = false;
        for (int k = 0; k < maximise.length; k++) {
            double goodA = goodness(a[k], maximise[k]);
            double goodB = goodness(b[k], maximise[k]);
            if (goodA < goodB) {
                return false;
            }
            better |= goodA > goodB;
        }
        return better;
    }

    /** Higher is better; NaN is worst. */
    private static double goodness(double figure, boolean maximise) {
        if (Double.isNaN(figure)) {
            return Double.NEGATIVE_INFINITY;
        }
        return maximise ? figure : -figure;
    }

    static String describe(List<Double> weights) {
        return weights.stream().map(w -> String.format(Locale.ROOT, "%.2f", w))
                .collect(Collectors.joining(" / "));
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double value : values) {
            list.add(value);
        }
        return list;
    }
}
