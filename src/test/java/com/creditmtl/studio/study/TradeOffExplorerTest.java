package com.creditmtl.studio.study;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.TrainingCancelledException;
import com.creditmtl.studio.model.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeOffExplorerTest {

    private static final TaskSpec DEFAULT = new TaskSpec("default_probability", TaskType.BINARY,
            0.5);
    private static final TaskSpec DAYS = new TaskSpec("overdue_days", TaskType.REGRESSION, 0.25);
    private static final TaskSpec AMOUNT = new TaskSpec("overdue_amount", TaskType.REGRESSION,
            0.25);
    private static final boolean[] AUC_MAE_MAE = {true, false, false};

    @TempDir
    Path folder;

    @Test
    void gridOfThreeTasksAtStepFifthLeavesOutTheSixWithoutDefaultWeight() {
        List<double[]> grid = TradeOffExplorer.grid(List.of(DEFAULT, DAYS, AMOUNT),
                TradeOffExplorer.Options.DEFAULT);

        assertEquals(15, grid.size());
        Set<List<Double>> distinct = new HashSet<>();
        for (double[] weights : grid) {
            assertEquals(1, Arrays.stream(weights).sum(), 1e-12);
            assertTrue(weights[0] >= 0.2 - 1e-12, Arrays.toString(weights));
            for (double weight : weights) {
                assertEquals(0, Math.abs(weight * 5 - Math.rint(weight * 5)), 1e-12);
            }
            distinct.add(Arrays.stream(weights).boxed().toList());
        }
        assertEquals(15, distinct.size());
        assertArrayEquals(new double[] {1, 0, 0}, grid.get(0), 1e-12);
        assertArrayEquals(new double[] {0.2, 0, 0.8}, grid.get(14), 1e-12);
    }

    @Test
    void gridRespectsALargerMinimumOfTheDefaultTask() {
        List<double[]> grid = TradeOffExplorer.grid(List.of(DEFAULT, DAYS, AMOUNT),
                new TradeOffExplorer.Options(0.1, 0.5, 10));

        // default weight 0.5 .. 1.0 leaves 5 .. 0 steps to share between two tasks: 6+5+...+1
        assertEquals(21, grid.size());
        assertTrue(grid.stream().allMatch(w -> w[0] >= 0.5 - 1e-12));
        assertTrue(grid.stream().anyMatch(w -> Math.abs(w[0] - 0.5) < 1e-12));
    }

    @Test
    void gridOfTwoTasksIsALineAndFindsTheBinaryTaskWhereverItIs() {
        List<double[]> grid = TradeOffExplorer.grid(List.of(DAYS, DEFAULT),
                TradeOffExplorer.Options.DEFAULT);

        assertEquals(5, grid.size());
        double[] binaryWeights = grid.stream().mapToDouble(w -> w[1]).toArray();
        assertArrayEquals(new double[] {0.2, 0.4, 0.6, 0.8, 1.0}, binaryWeights, 1e-12);
        for (double[] weights : grid) {
            assertEquals(1, weights[0] + weights[1], 1e-12);
        }
    }

    @Test
    void gridRefusesAStepThatDoesNotDivideOneATaskListWithoutBinaryAndAHugeGrid() {
        assertThrows(IllegalArgumentException.class,
                () -> new TradeOffExplorer.Options(0.3, 0.3, 10));
        assertThrows(IllegalArgumentException.class,
                () -> new TradeOffExplorer.Options(0.2, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> TradeOffExplorer.grid(
                List.of(DAYS, AMOUNT), TradeOffExplorer.Options.DEFAULT));
        List<TaskSpec> five = List.of(DEFAULT, DAYS, AMOUNT, DAYS.withWeight(0.1),
                AMOUNT.withWeight(0.1));
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> TradeOffExplorer.grid(five, new TradeOffExplorer.Options(0.05, 0.05, 1)));
        assertTrue(huge.getMessage().contains("larger step"), huge.getMessage());
    }

    @Test
    void paretoKeepsPointsThatNoOtherBeatsOnEveryTask() {
        List<double[]> points = List.of(
                new double[] {0.80, 10, 100},   // best AUC
                new double[] {0.78, 9, 100},    // worse AUC, better days
                new double[] {0.78, 10, 100},   // dominated by the first: equal MAE, worse AUC
                new double[] {0.80, 10, 100},   // equal to the first: neither dominates
                new double[] {0.70, 12, 120},   // dominated by all the above
                new double[] {Double.NaN, 5, 50}, // no AUC but the lowest MAEs
                new double[] {0.79, 9, 101});   // dominated by the second only on amount

        boolean[] pareto = TradeOffExplorer.paretoOptimal(points, AUC_MAE_MAE);

        assertArrayEquals(new boolean[] {true, true, false, true, false, true, true}, pareto);
    }

    @Test
    void dominanceNeedsOneStrictImprovementAndCountsNaNAsWorst() {
        double[] a = {0.8, 10, 100};
        assertFalse(TradeOffExplorer.dominates(a, a.clone(), AUC_MAE_MAE));
        assertTrue(TradeOffExplorer.dominates(a, new double[] {0.8, 10, 100.5}, AUC_MAE_MAE));
        assertFalse(TradeOffExplorer.dominates(new double[] {0.8, 10, 100.5}, a, AUC_MAE_MAE));
        assertTrue(TradeOffExplorer.dominates(a, new double[] {Double.NaN, 10, 100},
                AUC_MAE_MAE));
        assertFalse(TradeOffExplorer.dominates(new double[] {0.9, 11, 90}, a, AUC_MAE_MAE));
    }

    @Test
    void everyPointSharesTheSplitAndMatchesATrainingWithItsWeights() throws Exception {
        CreditTable table = syntheticTable(600);
        TrainingSettings settings = TrainingSettings.defaults(table.tasks()).withSeed(3)
                .withLearningRate(0.01).withBatchSize(64);
        TradeOffExplorer.Options options = new TradeOffExplorer.Options(0.5, 0.5, 2);
        List<Double> shares = new ArrayList<>();
        List<TradeOffExplorer.Point> told = new ArrayList<>();

        TradeOffExplorer.Result result = new TradeOffExplorer(new StudyTrainer()).run(table,
                settings, List.of(), options, (stage, done) -> shares.add(done), told::add,
                () -> false);

        // step 0.5 over three tasks: 1/0/0, 0.5/0.5/0, 0.5/0/0.5
        assertEquals(3, result.points().size());
        assertEquals(result.points(), told);
        assertEquals(List.of(1.0, 0.0, 0.0), result.points().get(0).weights());
        assertEquals(List.of(0.5, 0.0, 0.5), result.points().get(2).weights());
        for (TradeOffExplorer.Point point : result.points()) {
            Study study = point.study();
            assertEquals(point.weights(), study.tasks().stream().map(TaskSpec::weight).toList());
            assertEquals(point.weights(), study.preprocessor().tasks().stream()
                    .map(TaskSpec::weight).toList());
            assertEquals(2, study.history().size());
            assertArrayEquals(result.points().get(0).study().split().test(),
                    study.split().test());
        }
        assertEquals(1.0, shares.get(shares.size() - 1), 0);
        for (int i = 1; i < shares.size(); i++) {
            assertTrue(shares.get(i) >= shares.get(i - 1), "progress went back at " + i);
        }

        TradeOffExplorer.Point middle = result.points().get(1);
        Study alone = new StudyTrainer().train(table, settings.withEpochs(2).withTasks(
                middle.study().tasks()), report -> { }, () -> false);
        assertEquals(alone.metrics().get(0).auc(), middle.testAuc(), 1e-9);
        assertEquals(alone.metrics().get(1).mae(), middle.testMae(1), 1e-6);
        assertEquals(alone.validationMetrics().get(0).auc(), middle.validationAuc(), 1e-9);
    }

    @Test
    void paretoMarksOfARunAgreeWithTheFiguresOfItsPoints() throws Exception {
        CreditTable table = syntheticTable(600);
        TrainingSettings settings = TrainingSettings.defaults(table.tasks()).withSeed(3)
                .withBatchSize(64);

        TradeOffExplorer.Result result = new TradeOffExplorer(new StudyTrainer()).run(table,
                settings, List.of(), new TradeOffExplorer.Options(0.5, 0.5, 1), Progress.NONE,
                point -> { }, () -> false);

        // the marks follow from the trained points' validation figures alone
        for (int i = 0; i < result.points().size(); i++) {
            TradeOffExplorer.Point point = result.points().get(i);
            assertEquals(point.validationAuc(), point.validationFigures()[0], 0);
            assertEquals(point.validationMae(1), point.validationFigures()[1], 0);
            assertEquals(point.validationMae(2), point.validationFigures()[2], 0);
            boolean dominated = false;
            for (TradeOffExplorer.Point other : result.points()) {
                dominated |= TradeOffExplorer.dominates(other.validationFigures(),
                        point.validationFigures(), AUC_MAE_MAE);
            }
            assertEquals(!dominated, result.isPareto(i), "point " + i);
        }
        assertFalse(result.paretoPoints().isEmpty());
    }

    @Test
    void marksFollowTheValidationFiguresWhereTheTestFiguresDisagree() {
        List<TaskSpec> tasks = List.of(DEFAULT, DAYS);
        // validation: the first and third trade off, the second is beaten by the first; on the
        // test part the second beats both others, so marks chosen on test would differ entirely
        List<TradeOffExplorer.Point> points = List.of(
                point(0, tasks, new double[] {0.80, 10}, new double[] {0.70, 12}),
                point(1, tasks, new double[] {0.75, 11}, new double[] {0.78, 9}),
                point(2, tasks, new double[] {0.78, 9}, new double[] {0.70, 12.5}));

        TradeOffExplorer.Result result = TradeOffExplorer.Result.of(tasks, points);

        assertEquals(List.of(true, false, true), result.pareto());
        assertEquals(List.of(points.get(0), points.get(2)), result.paretoPoints());
        // the test figures stay on each point for reporting, and would have chosen otherwise
        assertArrayEquals(new double[] {0.78, 9}, points.get(1).testFigures(), 0);
        assertArrayEquals(new boolean[] {false, true, false}, TradeOffExplorer.paretoOptimal(
                points.stream().map(TradeOffExplorer.Point::testFigures).toList(),
                new boolean[] {true, false}));
    }

    /** A point whose study carries only the given figures, AUC then MAE, on each part. */
    private static TradeOffExplorer.Point point(int index, List<TaskSpec> tasks,
            double[] validation, double[] test) {
        Study study = new Study(List.of(), TrainingSettings.defaults(tasks), null, null, null,
                List.of(), metrics(tasks, test), List.of(), null, 0, null, List.of(),
                metrics(tasks, validation), 0, List.of());
        return new TradeOffExplorer.Point(index, tasks.stream().map(TaskSpec::weight).toList(),
                study);
    }

    private static List<TaskMetrics> metrics(List<TaskSpec> tasks, double[] figures) {
        List<TaskMetrics> metrics = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            TaskSpec task = tasks.get(t);
            metrics.add(task.isBinary()
                    ? TaskMetrics.binary(task.name(), task.weight(), 100, figures[t], 0.3)
                    : TaskMetrics.regression(task.name(), task.weight(), 100, figures[t],
                            figures[t] * 1.5));
        }
        return metrics;
    }

    @Test
    void cancelBetweenPointsStopsTheRunAfterTheTrainedOnes() throws Exception {
        CreditTable table = syntheticTable(600);
        TrainingSettings settings = TrainingSettings.defaults(table.tasks()).withSeed(3)
                .withBatchSize(64);
        AtomicInteger trained = new AtomicInteger();

        assertThrows(TrainingCancelledException.class, () -> new TradeOffExplorer(
                new StudyTrainer()).run(table, settings, List.of(),
                        new TradeOffExplorer.Options(0.5, 0.5, 1), Progress.NONE,
                        point -> trained.incrementAndGet(), () -> trained.get() >= 1));

        assertEquals(1, trained.get());
    }

    @Test
    void resultOfNoPointsIsEmptyAndKeepsItsTasks() {
        TradeOffExplorer.Result result = TradeOffExplorer.Result.of(List.of(DEFAULT, DAYS),
                List.of());
        assertTrue(result.points().isEmpty());
        assertEquals(0, result.defaultTask());
        assertSame(DEFAULT, result.tasks().get(0));
    }

    private CreditTable syntheticTable(int rows) throws Exception {
        Path file = folder.resolve("synthetic.csv");
        Files.writeString(file, StudyTrainerTest.syntheticCsv(rows, 17), UTF_8);
        return new CsvImporter().importFile(file);
    }
}
