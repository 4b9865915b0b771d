package com.creditmtl.studio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * One output layer with the multi-task loss must behave exactly like separate one-unit heads
 * (sigmoid with weighted cross-entropy, identity with weighted squared error) on the same shared
 * layer: the same per-task losses and the same gradients everywhere.
 */
class MultiTaskLossTest {

    private static final List<TaskSpec> TASKS = SyntheticTasks.tasks(0.5, 0.3, 0.2);
    private static final SyntheticTasks DATA = SyntheticTasks.create(TASKS, 64, 10);

    @ParameterizedTest(name = "masked labels: {0}")
    @ValueSource(booleans = {false, true})
    void perTaskLossesAndGradientsEqualThoseOfSeparateHeads(boolean masked) {
        ComputationGraph combined = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES,
                SyntheticTasks.settings(TASKS, 1, 64, 17));
        ComputationGraph separate = separateHeads();
        copyParameters(combined, separate);
        INDArray mask = masked ? mask() : null;

        combined.setInputs(DATA.train.features());
        combined.setLabels(DATA.train.labels());
        combined.setLayerMaskArrays(null, mask == null ? null : new INDArray[] {mask});
        combined.computeGradientAndScore();
        separate.setInputs(DATA.train.features());
        separate.setLabels(columns(DATA.train.labels()));
        separate.setLayerMaskArrays(null, mask == null ? null : columns(mask));
        separate.computeGradientAndScore();

        assertEquals(separate.score(), combined.score(), 1e-5);
        double[] rawLosses = MultiTaskNetworkFactory.loss(combined).meanLossPerTask(
                DATA.train.labels(), combined.outputSingle(false, DATA.train.features()), mask);
        for (int t = 0; t < TASKS.size(); t++) {
            double known = mask == null ? 64 : mask.getColumn(t).sumNumber().doubleValue();
            double headScore = separate.getOutputLayer(t).score() * 64 / known;
            assertEquals(headScore, TASKS.get(t).weight() * rawLosses[t], 1e-5, "task " + t);
        }
        assertClose(gradient(separate, "shared", "W"), gradient(combined, "shared", "W"));
        assertClose(gradient(separate, "shared", "b"), gradient(combined, "shared", "b"));
        for (int t = 0; t < TASKS.size(); t++) {
            assertClose(gradient(separate, "head_" + t, "W").reshape(-1),
                    gradient(combined, MultiTaskNetworkFactory.HEADS, "W").getColumn(t)
                            .reshape(-1));
            assertEquals(gradient(separate, "head_" + t, "b").getDouble(0),
                    gradient(combined, MultiTaskNetworkFactory.HEADS, "b").reshape(-1)
                            .getDouble(t), 1e-5);
        }
    }

    @ParameterizedTest(name = "label {0}, logit {1}, positive weight {2}")
    @org.junit.jupiter.params.provider.CsvSource({"1, 0.3, 1", "1, -2, 4", "0, 1.5, 4",
        "0, -0.7, 1"})
    void crossEntropyGradientIsTheDerivativeOfItsLoss(double label, double logit,
            double positiveWeight) {
        double h = 1e-6;
        double numeric = (MultiTaskLoss.rowLoss(true, label, logit + h, positiveWeight)
                - MultiTaskLoss.rowLoss(true, label, logit - h, positiveWeight)) / (2 * h);

        assertEquals(numeric, MultiTaskLoss.rowGradient(true, label, logit, positiveWeight),
                1e-6);
    }

    @Test
    void positiveWeightMultipliesThePositivesLossOnly() {
        assertEquals(4 * MultiTaskLoss.rowLoss(true, 1, 0.3),
                MultiTaskLoss.rowLoss(true, 1, 0.3, 4), 1e-12);
        assertEquals(MultiTaskLoss.rowLoss(true, 0, 0.3),
                MultiTaskLoss.rowLoss(true, 0, 0.3, 4), 1e-12);
    }

    @Test
    void crossEntropyFromALogitIsFiniteAtExtremeLogits() {
        assertEquals(100, MultiTaskLoss.rowLoss(true, 0, 100), 1e-9);
        assertEquals(0, MultiTaskLoss.rowLoss(true, 1, 100), 1e-9);
        assertEquals(Math.log(2), MultiTaskLoss.rowLoss(true, 1, 0), 1e-12);
        assertEquals(9, MultiTaskLoss.rowLoss(false, 1, 4), 0);
    }

    @Test
    void absoluteErrorTaskHasTheAbsoluteLossAndTheSignAsGradient() {
        MultiTaskLoss loss = new MultiTaskLoss(new boolean[] {true, false, false},
                new double[] {0.5, 0.25, 0.25}, null, new boolean[] {true, true, false});
        INDArray labels = Nd4j.createFromArray(new float[][] {{1, 0.5f, -1}, {0, 2, 1}});
        INDArray outputs = Nd4j.createFromArray(new float[][] {{0.2f, 1.5f, 0.5f},
            {-0.4f, 1, 1}});

        INDArray gradient = loss.computeGradient(labels, outputs,
                new org.nd4j.linalg.activations.impl.ActivationIdentity(), null);
        double[] perTask = loss.meanLossPerTask(labels, outputs, null);

        assertTrue(loss.isAbsolute(1));
        assertTrue(!loss.isAbsolute(0), "a binary task keeps the cross-entropy");
        assertEquals(0.25, gradient.getDouble(0, 1), 1e-7);
        assertEquals(-0.25, gradient.getDouble(1, 1), 1e-7);
        assertEquals(0.25 * 2 * 1.5, gradient.getDouble(0, 2), 1e-6);
        assertEquals((1.0 + 1.0) / 2, perTask[1], 1e-6);
        assertEquals((1.5 * 1.5 + 0) / 2, perTask[2], 1e-6);
        assertEquals((MultiTaskLoss.rowLoss(true, 1, 0.2) + MultiTaskLoss.rowLoss(true, 0, -0.4))
                / 2, perTask[0], 1e-6);
    }

    @Test
    void lossReadBackFromItsJsonKeepsTheAbsoluteErrorTasks() throws Exception {
        MultiTaskLoss loss = new MultiTaskLoss(new boolean[] {true, false},
                new double[] {0.5, 0.5}, new double[] {2, 1}, new boolean[] {false, true});
        org.nd4j.shade.jackson.databind.ObjectMapper json =
                new org.nd4j.shade.jackson.databind.ObjectMapper();

        MultiTaskLoss back = json.readValue(json.writeValueAsString(loss), MultiTaskLoss.class);

        assertEquals(loss, back);
        assertTrue(back.isAbsolute(1));
    }

    @Test
    void otherActivationThanIdentityIsRefused() {
        MultiTaskLoss loss = MultiTaskNetworkFactory.lossOf(TASKS);
        INDArray x = Nd4j.zeros(DataType.FLOAT, 2, 3);

        assertThrows(IllegalArgumentException.class,
                () -> loss.computeGradient(x, x, new ActivationSigmoid(), null));
    }

    @Test
    void weightChangedBetweenStepsScalesThatTasksGradientOnly() {
        MultiTaskLoss loss = MultiTaskNetworkFactory.lossOf(TASKS);
        INDArray labels = Nd4j.createFromArray(new float[][] {{1, 0.5f, -1}});
        INDArray outputs = Nd4j.createFromArray(new float[][] {{0.2f, 0.1f, 0.3f}});
        INDArray before = loss.computeGradient(labels, outputs,
                new org.nd4j.linalg.activations.impl.ActivationIdentity(), null);

        loss.setWeight(1, 0.9);
        INDArray after = loss.computeGradient(labels, outputs,
                new org.nd4j.linalg.activations.impl.ActivationIdentity(), null);

        assertEquals(before.getDouble(0, 0), after.getDouble(0, 0), 0);
        assertEquals(before.getDouble(0, 1) * 3, after.getDouble(0, 1), 1e-6);
        assertEquals(before.getDouble(0, 2), after.getDouble(0, 2), 0);
    }

    private static ComputationGraph separateHeads() {
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT).graphBuilder().addInputs("features")
                .addLayer("shared", new DenseLayer.Builder().nIn(SyntheticTasks.FEATURES).nOut(64)
                        .activation(Activation.RELU).build(), "features");
        String[] heads = new String[TASKS.size()];
        for (int t = 0; t < TASKS.size(); t++) {
            TaskSpec task = TASKS.get(t);
            INDArray weight = Nd4j.createFromArray(new float[][] {{(float) task.weight()}});
            heads[t] = "head_" + t;
            graph.addLayer(heads[t], new OutputLayer.Builder(task.isBinary()
                    ? new LossBinaryXENT(weight) : new LossMSE(weight)).nIn(64).nOut(1)
                    .activation(task.isBinary() ? Activation.SIGMOID : Activation.IDENTITY)
                    .build(), "shared");
        }
        ComputationGraph network = new ComputationGraph(graph.setOutputs(heads).build());
        network.init();
        return network;
    }

    private static void copyParameters(ComputationGraph from, ComputationGraph to) {
        Layer shared = from.getLayer("shared");
        to.getLayer("shared").setParam("W", shared.getParam("W"));
        to.getLayer("shared").setParam("b", shared.getParam("b"));
        Layer heads = from.getLayer(MultiTaskNetworkFactory.HEADS);
        for (int t = 0; t < TASKS.size(); t++) {
            Layer head = to.getLayer("head_" + t);
            head.getParam("W").assign(heads.getParam("W").getColumn(t).reshape(64, 1));
            head.getParam("b").assign(heads.getParam("b").reshape(-1).getDouble(t));
        }
    }

    private static INDArray gradient(ComputationGraph network, String layer, String param) {
        return network.gradient().getGradientFor(layer + "_" + param);
    }

    private static INDArray[] columns(INDArray matrix) {
        INDArray[] columns = new INDArray[(int) matrix.columns()];
        for (int t = 0; t < columns.length; t++) {
            columns[t] = matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(t, t + 1)).dup();
        }
        return columns;
    }

    private static INDArray mask() {
        INDArray mask = Nd4j.ones(DataType.FLOAT, 64, TASKS.size());
        for (int r = 0; r < 64; r += 4) {
            mask.putScalar(r, 1, 0);
        }
        for (int r = 2; r < 64; r += 5) {
            mask.putScalar(r, 0, 0);
        }
        return mask;
    }

    private static void assertClose(INDArray expected, INDArray actual) {
        double largest = expected.sub(actual).amaxNumber().doubleValue();
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        assertTrue(largest <= 1e-5 * scale, "largest difference " + largest);
        assertTrue(expected.amaxNumber().doubleValue() > 0, "gradient is not zero");
    }
}
