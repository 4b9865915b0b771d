package com.creditmtl.studio.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DivergenceCheckTest {

    private static final List<TaskSpec> TASKS = SyntheticTasks.tasks(0.5, 0.25, 0.25);
    private static final TrainingSettings SETTINGS = SyntheticTasks.settings(TASKS, 5, 32, 1);

    private static EpochReport report(int epoch, double... losses) {
        List<TaskLoss> list = new ArrayList<>();
        for (int t = 0; t < losses.length; t++) {
            list.add(new TaskLoss(TASKS.get(t).name(), TASKS.get(t).weight(), losses[t],
                    losses[t]));
        }
        return new EpochReport(epoch, 5, list, epoch);
    }

    @Test
    void nanLossStopsTheRunNamingTheTaskAndTheLearningRate() {
        DivergenceCheck check = new DivergenceCheck();
        check.check(report(1, 0.6, 1.0, 1.0), SETTINGS);

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> check.check(report(2, Double.NaN, 1.0, 1.0), SETTINGS));
        assertEquals(TASKS.get(0).name(), e.task());
        assertEquals(2, e.epoch());
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
    }

    @Test
    void regressionLossGrowingAThousandfoldNamesTheTargetScaleToo() {
        DivergenceCheck check = new DivergenceCheck();
        check.check(report(1, 0.6, 1.0, 1.0), SETTINGS);

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> check.check(report(2, 0.6, 1.0, 1500.0), SETTINGS));
        assertEquals(TASKS.get(2).name(), e.task());
        assertTrue(e.getMessage().contains("range"), e.getMessage());
    }

    @Test
    void lossRisingBelowTheLimitIsNotDivergence() {
        DivergenceCheck check = new DivergenceCheck();
        check.check(report(1, 0.6, 1.0, 1.0), SETTINGS);
        assertDoesNotThrow(() -> check.check(report(2, 0.9, 50.0, 999.0), SETTINGS));
    }

    @Test
    void taskWithoutKnownTrainingLabelsIsNotDivergence() {
        DivergenceCheck check = new DivergenceCheck();
        EpochReport first = new EpochReport(1, 5, List.of(
                new TaskLoss(TASKS.get(0).name(), 0.5, 0.6, 0.6),
                new TaskLoss(TASKS.get(1).name(), 0.25, Double.NaN, 1.0)), 1);

        assertDoesNotThrow(() -> check.check(first, SETTINGS));
        assertDoesNotThrow(() -> check.check(first, SETTINGS));
    }

    @Test
    void everyLossNaNInTheFirstEpochIsDivergence() {
        DivergenceCheck check = new DivergenceCheck();
        assertThrows(TrainingDivergedException.class, () -> check.check(
                report(1, Double.NaN, Double.NaN, Double.NaN), SETTINGS));
    }
}
