package com.creditmtl.studio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains once with weights (0.5, 0, 0.5): the untrained head must keep its initial parameters
 * bit for bit, while everything else learns.
 */
class ZeroWeightTest {

    private static final int EPOCHS = 4;

    private static INDArray sharedBefore;
    private static INDArray sharedAfter;
    private static final List<INDArray> HEADS_BEFORE = new ArrayList<>();
    private static final List<INDArray> HEADS_AFTER = new ArrayList<>();
    private static List<EpochReport> history;
    private static List<TaskLoss> initialLosses;
    private static List<TaskLoss> finalLosses;

    @BeforeAll
    static void trainWithMiddleTaskWeightedZero() {
        List<TaskSpec> tasks = SyntheticTasks.tasks(0.5, 0, 0.5);
        SyntheticTasks data = SyntheticTasks.create(tasks, 1_000, 200);
        TrainingSettings settings = SyntheticTasks.settings(tasks, EPOCHS, 32, 42);
        ComputationGraph network = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES, settings);

        sharedBefore = network.getLayer(MultiTaskNetworkFactory.SHARED).params().dup();
        for (int t = 0; t < tasks.size(); t++) {
            HEADS_BEFORE.add(SyntheticTasks.headParameters(network, t));
        }
        initialLosses = rawLosses(network, data.train, tasks);

        history = new MultiTaskTrainer(settings).train(network, data.train, data.validation,
                report -> { }, () -> false);

        sharedAfter = network.getLayer(MultiTaskNetworkFactory.SHARED).params().dup();
        for (int t = 0; t < tasks.size(); t++) {
            HEADS_AFTER.add(SyntheticTasks.headParameters(network, t));
        }
        finalLosses = rawLosses(network, data.train, tasks);
    }

    /** The heads' raw mean losses on the data, computed independently of the trainer. */
    private static List<TaskLoss> rawLosses(ComputationGraph network, TrainingData data,
            List<TaskSpec> tasks) {
        INDArray outputs = network.outputSingle(false, data.features());
        List<TaskLoss> losses = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            double[] y = data.labels().getColumn(t).toDoubleVector();
            double[] p = outputs.getColumn(t).toDoubleVector();
            double sum = 0;
            for (int r = 0; r < y.length; r++) {
                if (tasks.get(t).isBinary()) {
                    double q = 1 / (1 + Math.exp(-p[r]));
                    sum += -(y[r] * Math.log(q) + (1 - y[r]) * Math.log(1 - q));
                } else {
                    sum += (y[r] - p[r]) * (y[r] - p[r]);
                }
            }
            losses.add(new TaskLoss(tasks.get(t).name(), tasks.get(t).weight(), sum / y.length,
                    Double.NaN));
        }
        return losses;
    }

    @Test
    void zeroWeightHeadParametersAreExactlyUnchanged() {
        INDArray before = HEADS_BEFORE.get(1);
        INDArray after = HEADS_AFTER.get(1);

        // 64 weights and one bias
        assertEquals(65, before.length());
        assertEquals(before, after, "head_1 (weight 0) must not move at all");
        assertEquals(0, before.sub(after).amaxNumber().doubleValue(), 0);
    }

    @Test
    void sharedLayerChanges() {
        assertFalse(sharedBefore.equals(sharedAfter), "the shared layer did not learn");
        assertTrue(sharedBefore.sub(sharedAfter).amaxNumber().doubleValue() > 1e-3);
    }

    @Test
    void weightedHeadsChange() {
        for (int t : new int[] {0, 2}) {
            assertTrue(HEADS_BEFORE.get(t).sub(HEADS_AFTER.get(t)).amaxNumber().doubleValue() > 1e-3,
                    "head_" + t + " did not learn");
        }
    }

    @Test
    void trainedTasksTrainingLossesFall() {
        List<TaskLoss> last = history.get(EPOCHS - 1).losses();
        for (int t : new int[] {0, 2}) {
            double initial = initialLosses.get(t).trainLoss();
            double afterLast = last.get(t).trainLoss();
            assertTrue(afterLast < 0.9 * initial,
                    "task " + t + ": loss " + initial + " -> " + afterLast);
        }
    }

    @Test
    void zeroWeightTaskContributesNothingToWeightedLoss() {
        EpochReport report = history.get(EPOCHS - 1);

        assertEquals(0, report.losses().get(1).weightedTrainLoss(), 0);
        assertEquals(0, report.share(1), 0);
        assertTrue(report.losses().get(1).trainLoss() > 0, "raw loss is still reported");
        assertEquals(1, report.share(0) + report.share(2), 1e-12);
    }

    @Test
    void reportedTrainingLossesMatchAnIndependentComputation() {
        List<TaskLoss> reported = history.get(EPOCHS - 1).losses();
        for (int t = 0; t < 3; t++) {
            double expected = finalLosses.get(t).trainLoss();
            assertEquals(expected, reported.get(t).trainLoss(), 1e-4 * Math.max(1, expected),
                    "task " + t);
        }
    }
}
