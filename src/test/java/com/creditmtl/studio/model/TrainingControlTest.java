package com.creditmtl.studio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

/** Pause, resume, cancel and live weights of a run, through {@link TrainingControl}. */
class TrainingControlTest {

    private static final List<TaskSpec> TASKS = SyntheticTasks.tasks(0.5, 0.25, 0.25);
    private static final SyntheticTasks DATA = SyntheticTasks.create(TASKS, 600, 150);

    private static List<EpochReport> train(int epochs, TrainingControl control,
            Consumer<EpochReport> listener) {
        TrainingSettings settings = SyntheticTasks.settings(TASKS, epochs, 50, 3);
        ComputationGraph network = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES, settings);
        return new MultiTaskTrainer(settings).train(network, DATA.train, DATA.validation,
                listener, control);
    }

    @Test
    void weightSetDuringTrainingIsUsedFromTheNextEpochReport() {
        TrainingControl control = new TrainingControl();
        List<EpochReport> history = train(3, control, report -> {
            if (report.epoch() == 1) {
                control.setWeight(1, 0.9);
            }
        });

        assertEquals(0.25, history.get(0).losses().get(1).weight(), 1e-12);
        assertEquals(0.9, history.get(1).losses().get(1).weight(), 1e-12);
        assertEquals(0.9 * history.get(2).losses().get(1).trainLoss(),
                history.get(2).losses().get(1).weightedTrainLoss(), 1e-12);
        assertEquals(0.5, history.get(2).losses().get(0).weight(), 1e-12);
    }

    @Test
    void pausedRunWaitsUntilResumedAndThenFinishes() throws Exception {
        TrainingControl control = new TrainingControl();
        CountDownLatch firstEpoch = new CountDownLatch(1);
        List<EpochReport> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<List<EpochReport>> run = CompletableFuture.supplyAsync(
                () -> train(3, control, report -> {
                    seen.add(report);
                    if (report.epoch() == 1) {
                        control.pause();
                        firstEpoch.countDown();
                    }
                }));

        assertTrue(firstEpoch.await(60, TimeUnit.SECONDS));
        Thread.sleep(400);
        assertEquals(1, seen.size(), "no epoch may finish while paused");
        assertTrue(control.isPaused());

        control.resume();
        List<EpochReport> history = run.get(60, TimeUnit.SECONDS);
        assertEquals(3, history.size());
        // the 400 ms paused are not counted as training time
        double secondEpoch = history.get(1).elapsedSeconds() - history.get(0).elapsedSeconds();
        assertTrue(secondEpoch < history.get(0).elapsedSeconds() + 0.3,
                "second epoch took " + secondEpoch + " s");
    }

    @Test
    void cancelWhilePausedEndsTheRun() throws Exception {
        TrainingControl control = new TrainingControl();
        CountDownLatch firstEpoch = new CountDownLatch(1);
        CompletableFuture<List<EpochReport>> run = CompletableFuture.supplyAsync(
                () -> train(5, control, report -> {
                    control.pause();
                    firstEpoch.countDown();
                }));
        assertTrue(firstEpoch.await(60, TimeUnit.SECONDS));

        control.cancel();
        Exception failure = assertThrows(Exception.class, () -> run.get(5, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof TrainingCancelledException, failure.toString());
    }

    @Test
    void negativeWeightIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingControl().setWeight(0, -1));
    }
}
