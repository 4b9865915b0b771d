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

        assertNull(train.labelMasks()[0]);
        assertNull(train.labelMasks()[1]);
        INDArray mask = train.labelMasks()[2];
        assertEquals(0.0, mask.getDouble(3, 0));
        assertEquals(39.0, mask.sumNumber().doubleValue());
        assertEquals(0.0, train.labels()[2].getDouble(3, 0));
        assertTrue(train.hasMasks());
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
        INDArray amountHeadBefore = network.getLayer(MultiTaskNetworkFactory.headName(2))
                .params().dup();
        INDArray defaultHeadBefore = network.getLayer(MultiTaskNetworkFactory.headName(0))
                .params().dup();

        List<EpochReport> history = new MultiTaskTrainer(settings)
                .train(network, train, data.validation, r -> { }, () -> false);

        assertEquals(amountHeadBefore, network.getLayer(MultiTaskNetworkFactory.headName(2))
                .params());
        assertNotEquals(defaultHeadBefore, network.getLayer(MultiTaskNetworkFactory.headName(0))
                .params());
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
        INDArray[] labels = data.labels().clone();
        INDArray mask = data.labelMasks()[task];
        labels[task] = labels[task].dup();
        for (int r = 0; r < mask.rows(); r++) {
            if (mask.getDouble(r, 0) == 0) {
                labels[task].putScalar(r, 0, value);
            }
        }
        return new TrainingData(data.features(), labels, data.labelMasks());
    }

    private static double[][] copy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = rows[r].clone();
        }
        return out;
    }
}
