package com.creditmtl.studio.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.ndarray.INDArray;

class MultiTaskNetworkFactoryTest {

    private static final List<TaskSpec> TASKS = SyntheticTasks.tasks(0.5, 0.25, 0.25);

    private static ComputationGraph build(long seed) {
        return MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES,
                SyntheticTasks.settings(TASKS, 1, 32, seed));
    }

    @Test
    void graphHasFeaturesInputSharedReluLayerAndOneHeadPerTaskInOrder() {
        ComputationGraph network = build(1);

        assertEquals(List.of("features"), network.getConfiguration().getNetworkInputs());
        assertEquals(List.of("head_0", "head_1", "head_2"),
                network.getConfiguration().getNetworkOutputs());
        DenseLayer shared = (DenseLayer) network.getLayer("shared").conf().getLayer();
        assertEquals(SyntheticTasks.FEATURES, shared.getNIn());
        assertEquals(64, shared.getNOut());
        assertInstanceOf(ActivationReLU.class, shared.getActivationFn());
    }

    @Test
    void binaryHeadIsSigmoidAndRegressionHeadsAreIdentityWithOneUnit() {
        ComputationGraph network = build(1);

        for (int t = 0; t < TASKS.size(); t++) {
            OutputLayer head = (OutputLayer) network.getLayer("head_" + t).conf().getLayer();
            assertNotNull(head);
            assertEquals(64, head.getNIn());
            assertEquals(1, head.getNOut());
            Class<?> expected = t == 0 ? ActivationSigmoid.class : ActivationIdentity.class;
            assertEquals(expected, head.getActivationFn().getClass(), "head_" + t);
        }
    }

    @Test
    void sameSeedGivesSameInitialParameters() {
        INDArray first = build(5).params().dup();
        INDArray second = build(5).params().dup();
        INDArray other = build(6).params().dup();

        assertArrayEquals(first.toFloatVector(), second.toFloatVector(), 0);
        assertTrue(first.sub(other).amaxNumber().doubleValue() > 0);
    }

    @Test
    void untrainedBinaryHeadGivesProbabilities() {
        SyntheticTasks data = SyntheticTasks.create(TASKS, 200, 10);
        INDArray[] outputs = build(1).output(false, data.train.features());

        for (double p : outputs[0].toDoubleVector()) {
            assertTrue(p > 0 && p < 1, "not a probability: " + p);
        }
    }
}
