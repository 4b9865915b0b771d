package com.creditmtl.studio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.model.TrainingOptions.TaskBalancing;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

/** Early stopping and dynamic weight averaging in the trainer. */
class TrainingOptionsTest {

    private static final List<TaskSpec> TASKS = SyntheticTasks.tasks(0.5, 0.25, 0.25);

    @Test
    void earlyStoppingStopsAfterPatienceAndRestoresTheBestEpoch() {
        SyntheticTasks data = SyntheticTasks.create(TASKS, 300, 300);
        TrainingSettings settings = SyntheticTasks.settings(TASKS, 60, 16, 5)
                .withHiddenLayers(List.of(128)).withLearningRate(0.05)
                .withOptions(TrainingOptions.NONE.withPatience(3));
        ComputationGraph network = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES,
                settings);
        MultiTaskTrainer trainer = new MultiTaskTrainer(settings);

        List<EpochReport> history = trainer.train(network, data.train, data.validation,
                r -> { }, () -> false);

        assertTrue(history.size() < 60, "stopped early: " + history.size() + " epochs");
        assertEquals(history.size() - 3, trainer.bestEpoch());
        double best = criterion(history.get(trainer.bestEpoch() - 1));
        for (EpochReport report : history) {
            assertTrue(criterion(report) >= best, "epoch " + report.epoch() + " was better");
        }
        double[] restored = MultiTaskNetworkFactory.loss(network).meanLossPerTask(
                data.validation.labels(), network.outputSingle(false, data.validation.features()),
                null);
        double restoredCriterion = 0;
        for (int t = 0; t < TASKS.size(); t++) {
            restoredCriterion += TASKS.get(t).weight() * restored[t];
        }
        assertEquals(best, restoredCriterion, 1e-6);
    }

    @Test
    void withoutPatienceEveryEpochRunsAndTheLastNetworkStays() {
        SyntheticTasks data = SyntheticTasks.create(TASKS, 200, 50);
        TrainingSettings settings = SyntheticTasks.settings(TASKS, 4, 32, 5);
        MultiTaskTrainer trainer = new MultiTaskTrainer(settings);

        List<EpochReport> history = trainer.train(MultiTaskNetworkFactory.build(
                SyntheticTasks.FEATURES, settings), data.train, data.validation, r -> { },
                () -> false);

        assertEquals(4, history.size());
        assertEquals(4, trainer.bestEpoch());
    }

    @Test
    void dynamicWeightAveragingKeepsTheAnalystsWeightsForTwoEpochsThenAveragesOne() {
        List<TaskSpec> tasks = SyntheticTasks.tasks(0.5, 0, 0.5);
        SyntheticTasks data = SyntheticTasks.create(tasks, 300, 60);
        TrainingSettings settings = SyntheticTasks.settings(tasks, 6, 32, 8)
                .withOptions(TrainingOptions.NONE
                        .withBalancing(TaskBalancing.DYNAMIC_WEIGHT_AVERAGE));

        List<EpochReport> history = new MultiTaskTrainer(settings).train(
                MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES, settings), data.train,
                data.validation, r -> { }, () -> false);

        for (int epoch = 0; epoch < 2; epoch++) {
            assertEquals(0.5, history.get(epoch).losses().get(0).weight(), 0);
            assertEquals(0.5, history.get(epoch).losses().get(2).weight(), 0);
        }
        for (int epoch = 2; epoch < 6; epoch++) {
            List<TaskLoss> losses = history.get(epoch).losses();
            assertEquals(0, losses.get(1).weight(), 0, "a zero weight stays zero");
            List<TaskLoss> before = history.get(epoch - 1).losses();
            List<TaskLoss> twoBefore = history.get(epoch - 2).losses();
            double[] factors = new double[3];
            double sum = 0;
            for (int t = 0; t < 3; t++) {
                double ratio = before.get(t).trainLoss() / twoBefore.get(t).trainLoss();
                factors[t] = Math.exp(ratio / MultiTaskTrainer.BALANCING_TEMPERATURE);
                sum += factors[t];
            }
            for (int t : new int[] {0, 2}) {
                assertEquals(0.5 * 3 * factors[t] / sum, losses.get(t).weight(), 1e-12,
                        "epoch " + (epoch + 1) + ", task " + t);
            }
        }
    }

    @Test
    void automaticL2IsThePriorStrengthPerTrainingRow() {
        TrainingOptions auto = TrainingOptions.DEFAULT;

        assertTrue(auto.isAutoL2());
        assertEquals(15.0 / 720, auto.resolveL2(720).l2(), 1e-15);
        assertEquals(15.0 / 21_600, auto.resolveL2(21_600).l2(), 1e-15);
        assertEquals(0.003, TrainingOptions.NONE.withL2(0.003).resolveL2(720).l2(), 0);
        assertThrows(IllegalArgumentException.class, () -> auto.resolveL2(0));
    }

    @Test
    void unresolvedAutomaticL2CannotBuildANetwork() {
        TrainingSettings settings = SyntheticTasks.settings(TASKS, 1, 16, 1)
                .withOptions(TrainingOptions.DEFAULT);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES, settings));
        assertTrue(e.getMessage().contains("training rows"), e.getMessage());
        ComputationGraph network = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES,
                settings.resolveL2(300));
        assertTrue(MultiTaskNetworkFactory.loss(network).isAbsolute(1));
    }

    @Test
    void productDefaultsHaveLogCopiesAndTheReferenceRecipeNot() {
        assertTrue(TrainingSettings.defaults(TASKS).options().logCopies());
        assertFalse(TrainingSettings.reference(TASKS).options().logCopies());
        assertFalse(TrainingOptions.NONE.logCopies());
        assertFalse(TrainingOptions.DEFAULT.withLogCopies(false).logCopies());
        assertEquals(TrainingOptions.DEFAULT, TrainingOptions.DEFAULT.withLogCopies(false)
                .withLogCopies(true));
    }

    @Test
    void optionsOutsideTheirRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.NONE.withDropout(1));
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.NONE.withL2(-1));
        assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.NONE.withL2(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.NONE.withRateDecay(0));
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.NONE.withPatience(-1));
        assertThrows(IllegalArgumentException.class,
                () -> TrainingSettings.defaults(TASKS).withHiddenLayers(List.of(8, 8, 8, 8)));
    }

    private static double criterion(EpochReport report) {
        double total = 0;
        for (int t = 0; t < TASKS.size(); t++) {
            total += TASKS.get(t).weight() * report.losses().get(t).validationLoss();
        }
        return total;
    }
}
