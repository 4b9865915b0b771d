package com.creditmtl.studio.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A missing label (NaN in the raw targets) is masked: it trains nothing, the row still does. */
class MaskedLabelTest {

    private static final List<TaskSpec> TASKS = SyntheticTasks.tasks(0.5, 0.25, 0.25);

    @Test
    void missingTargetBecomesMaskedZeroLabel() {
        SyntheticTasks data = SyntheticTasks.create(TASKS, 40, 10);
        double[][] targets = copy(data.trainTargets);
        targets[3][2] = Double.NaN;

        TrainingData train = TrainingData.of(data.preprocessor, data.trainFeatures, targets);

        INDArray mask = train.labelMask();
        assertEquals(0.0, mask.getDouble(3, 2));
        assertEquals(40.0, mask.getColumn(0).sumNumber().doubleValue());
        assertEquals(40.0, mask.getColumn(1).sumNumber().doubleValue());
        assertEquals(39.0, mask.getColumn(2).sumNumber().doubleValue());
        assertEquals(0.0, train.labels().getDouble(3, 2));
    }

    @Test
    void withoutMissingTargetsThereIsNoMask() {
        SyntheticTasks data = SyntheticTasks.create(TASKS, 40, 10);

        assertNull(data.train.labelMask());
    }

    @Test
    void valuesOfMaskedLabelsDoNotChangeTheTrainedNetwork() {
        SyntheticTasks data = SyntheticTasks.create(TASKS, 600, 100);
        double[][] masked = copy(data.trainTargets);
        for (int r = 0; r < masked.length; r += 2) {
            masked[r][2] = Double.NaN;
        }
        TrainingData withMask = TrainingData.of(data.preprocessor, data.trainFeatures, masked);
        TrainingData garbage = withGarbageUnderMask(withMask, 2, 1_000f);

        INDArray a = trainedParameters(withMask, data.validation);
        INDArray b = trainedParameters(garbage, data.validation);

        assertArrayEquals(a.toFloatVector(), b.toFloatVector());
    }

    @Test
    void maskedRowsStillTrainTheOtherHeads() {
        SyntheticTasks data = SyntheticTasks.create(TASKS, 600, 100);
        double[][] allAmountsMissing = copy(data.trainTargets);
        for (double[] row : allAmountsMissing) {
            row[2] = Double.NaN;
        }
        TrainingData train = TrainingData.of(data.preprocessor, data.trainFeatures,
                allAmountsMissing);
        TrainingSettings settings = SyntheticTasks.settings(TASKS, 1, 32, 7);
        ComputationGraph network = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES,
                settings);
        INDArray amountHeadBefore = SyntheticTasks.headParameters(network, 2);
        INDArray defaultHeadBefore = SyntheticTasks.headParameters(network, 0);

        List<EpochReport> history = new MultiTaskTrainer(settings)
                .train(network, train, data.validation, r -> { }, () -> false);

        assertEquals(amountHeadBefore, SyntheticTasks.headParameters(network, 2));
        assertNotEquals(defaultHeadBefore, SyntheticTasks.headParameters(network, 0));
        TaskLoss amount = history.get(0).losses().get(2);
        assertTrue(Double.isNaN(amount.trainLoss()), "no known label, no training loss");
        assertFalse(Double.isNaN(amount.validationLoss()));
    }

    private static INDArray trainedParameters(TrainingData train, TrainingData validation) {
        TrainingSettings settings = SyntheticTasks.settings(TASKS, 2, 32, 11);
        ComputationGraph network = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES,
                settings);
        new MultiTaskTrainer(settings).train(network, train, validation, r -> { }, () -> false);
        return network.params().dup();
    }

    private static TrainingData withGarbageUnderMask(TrainingData data, int task, float value) {
        INDArray labels = data.labels().dup();
        INDArray mask = data.labelMask();
        for (int r = 0; r < mask.rows(); r++) {
            if (mask.getDouble(r, task) == 0) {
                labels.putScalar(r, task, value);
            }
        }
        return new TrainingData(data.features(), labels, mask);
    }

    private static double[][] copy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = rows[r].clone();
        }
        return out;
    }
}
