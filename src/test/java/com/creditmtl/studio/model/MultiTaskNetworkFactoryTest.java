package com.creditmtl.studio.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertEquals(List.of("heads"), network.getConfiguration().getNetworkOutputs());
        DenseLayer shared = (DenseLayer) network.getLayer("shared").conf().getLayer();
        assertEquals(SyntheticTasks.FEATURES, shared.getNIn());
        assertEquals(64, shared.getNOut());
        assertInstanceOf(ActivationReLU.class, shared.getActivationFn());
    }

    @Test
    void headsAreOneIdentityOutputLayerWithAColumnPerTaskAndTheMultiTaskLoss() {
        ComputationGraph network = build(1);

        OutputLayer heads = (OutputLayer) network.getLayer("heads").conf().getLayer();
        assertNotNull(heads);
        assertEquals(64, heads.getNIn());
        assertEquals(3, heads.getNOut());
        assertInstanceOf(ActivationIdentity.class, heads.getActivationFn());
        MultiTaskLoss loss = assertInstanceOf(MultiTaskLoss.class, heads.getLossFn());
        assertTrue(loss.isBinary(0));
        assertFalse(loss.isBinary(1));
        assertFalse(loss.isBinary(2));
        assertEquals(0.5, loss.weight(0));
        assertEquals(0.25, loss.weight(1));
        assertEquals(0.25, loss.weight(2));
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
    void untrainedNetworkGivesFiniteOutputsForEveryTask() {
        SyntheticTasks data = SyntheticTasks.create(TASKS, 200, 10);
        INDArray outputs = build(1).outputSingle(false, data.train.features());

        assertArrayEquals(new long[] {200, 3}, outputs.shape());
        for (double z : outputs.reshape(-1).toDoubleVector()) {
            assertTrue(Double.isFinite(z), "not finite: " + z);
        }
    }
}
