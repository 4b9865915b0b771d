package com.creditmtl.studio.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

class MultiTaskTrainerTest {

    private static final List<TaskSpec> TASKS = SyntheticTasks.tasks(0.5, 0.25, 0.25);
    private static final SyntheticTasks DATA = SyntheticTasks.create(TASKS, 600, 150);

    /** Result of one run: the epoch losses and the predictions on the validation rows. */
    private record Run(List<EpochReport> history, double[][] predictions) {

        double[] losses() {
            List<Double> values = new ArrayList<>();
            for (EpochReport report : history) {
                for (TaskLoss loss : report.losses()) {
                    values.add(loss.trainLoss());
                    values.add(loss.validationLoss());
                }
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    private static Run run(long seed, int epochs) {
        TrainingSettings settings = SyntheticTasks.settings(TASKS, epochs, 50, seed);
        ComputationGraph network = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES, settings);
        List<EpochReport> history = new MultiTaskTrainer(settings).train(network, DATA.train,
                DATA.validation, report -> { }, () -> false);
        double[][] predictions = new MultiTaskPredictor(network, DATA.preprocessor)
                .predict(DATA.validationFeatures);
        return new Run(history, predictions);
    }

    private static BooleanSupplier trueFromCall(int call, AtomicInteger calls) {
        return () -> calls.incrementAndGet() >= call;
    }

    @Test
    void sameSeedGivesIdenticalEpochLossesAndPredictions() {
        Run first = run(7, 3);
        Run second = run(7, 3);

        assertArrayEquals(first.losses(), second.losses(), 0);
        for (int t = 0; t < TASKS.size(); t++) {
            assertArrayEquals(first.predictions()[t], second.predictions()[t], 0, "task " + t);
        }
    }

    @Test
    void otherSeedGivesDifferentEpochLosses() {
        Run first = run(7, 2);
        Run other = run(8, 2);

        assertFalse(java.util.Arrays.equals(first.losses(), other.losses()));
    }

    @Test
    void listenerGetsOneReportPerEpochInOrder() {
        TrainingSettings settings = SyntheticTasks.settings(TASKS, 3, 50, 1);
        ComputationGraph network = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES, settings);
        List<EpochReport> seen = new ArrayList<>();

        List<EpochReport> history = new MultiTaskTrainer(settings).train(network, DATA.train,
                DATA.validation, seen::add, () -> false);

        assertEquals(history, seen);
        assertEquals(3, seen.size());
        for (int e = 0; e < 3; e++) {
            EpochReport report = seen.get(e);
            assertEquals(e + 1, report.epoch());
            assertEquals(3, report.epochs());
            assertEquals(List.of("default_probability", "overdue_days", "overdue_amount"),
                    report.losses().stream().map(TaskLoss::task).toList());
        }
        assertTrue(seen.get(2).elapsedSeconds() >= seen.get(0).elapsedSeconds());
    }

    @Test
    void cancelBeforeFirstBatchThrowsWithNoEpochCompleted() {
        TrainingSettings settings = SyntheticTasks.settings(TASKS, 1_000, 50, 1);
        ComputationGraph network = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES, settings);
        AtomicInteger calls = new AtomicInteger();
        List<EpochReport> seen = new ArrayList<>();

        TrainingCancelledException error = assertThrows(TrainingCancelledException.class,
                () -> new MultiTaskTrainer(settings).train(network, DATA.train, DATA.validation,
                        seen::add, trueFromCall(1, calls)));

        assertEquals(0, error.epochsCompleted());
        assertEquals(1, calls.get());
        assertTrue(seen.isEmpty());
    }

    @Test
    void cancelAfterNChecksStopsWithinOneBatchAndQuickly() {
        // 600 rows in batches of 50: 12 checks per epoch; true on the 15th check is in epoch 2
        TrainingSettings settings = SyntheticTasks.settings(TASKS, 1_000, 50, 1);
        ComputationGraph network = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES, settings);
        AtomicInteger calls = new AtomicInteger();
        List<EpochReport> seen = new ArrayList<>();

        TrainingCancelledException error = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(TrainingCancelledException.class,
                        () -> new MultiTaskTrainer(settings).train(network, DATA.train,
                                DATA.validation, seen::add, trueFromCall(15, calls))));

        assertEquals(1, error.epochsCompleted());
        assertEquals(15, calls.get(), "training went on after the cancel check turned true");
        assertEquals(1, seen.size());
    }
}
