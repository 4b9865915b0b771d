package com.creditmtl.studio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/** The fused step must compute what DL4J's own backpropagation and fit compute. */
class FusedTrainingStepTest {

    private static final List<TaskSpec> TASKS = SyntheticTasks.tasks(0.5, 0.3, 0.2);
    private static final SyntheticTasks DATA = SyntheticTasks.create(TASKS, 400, 10);

    @ParameterizedTest(name = "rows {0} to {1}, masked {2}")
    @CsvSource({"0, 32, false", "100, 132, true", "390, 400, true", "0, 256, false"})
    void gradientsEqualDl4jBackpropagationOnTheSameBatch(int from, int to, boolean masked) {
        ComputationGraph network = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES,
                SyntheticTasks.settings(TASKS, 1, 32, 9));
        trainAFewSteps(network);
        assertGradientsMatch(network, from, to, masked ? someMasked() : null);
    }

    @Test
    void gradientsEqualDl4jBackpropagationWithTwoHiddenLayers() {
        ComputationGraph network = twoHiddenLayers();
        assertNull(FusedTrainingStep.unsupportedReason(network));
        assertGradientsMatch(network, 40, 72, someMasked());
    }

    @Test
    void stepsGiveTheParametersThatFitGives() {
        ComputationGraph fused = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES,
                SyntheticTasks.settings(TASKS, 1, 32, 4));
        ComputationGraph reference = fused.clone();
        FusedTrainingStep step = FusedTrainingStep.forNetwork(fused);
        float[] labels = DATA.train.labels().data().asFloat();
        float[] mask = someMasked().data().asFloat();

        for (int k = 0; k < 30; k++) {
            int from = (k * 32) % 384;
            step.step(rows(from, from + 32), labels, mask, from);
            reference.fit(batch(from, from + 32, someMasked()));
        }

        assertEquals(reference.getIterationCount(), fused.getIterationCount());
        double largest = reference.params().sub(fused.params()).amaxNumber().doubleValue();
        assertTrue(largest < 1e-5, "largest parameter difference " + largest);
        assertTrue(fused.params().sub(MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES,
                SyntheticTasks.settings(TASKS, 1, 32, 4)).params()).amaxNumber()
                .doubleValue() > 1e-3, "the steps moved the parameters");
    }

    @Test
    void networkWithDropoutIsNotFused() {
        ComputationGraph dropout = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES,
                SyntheticTasks.settings(TASKS, 1, 32, 4)
                        .withOptions(TrainingOptions.NONE.withDropout(0.2)));

        assertEquals("layer shared uses dropout or weight noise",
                FusedTrainingStep.unsupportedReason(dropout));
        assertNull(FusedTrainingStep.forNetwork(dropout));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"L2, 0.01, 1, positive weight 1", "rate decay, 0, 0.5, positive weight 1",
        "positive weight, 0, 1, positive weight 3", "two layers and L2, 0.01, 0.9, two layers",
        "absolute error, 0, 1, absolute error"})
    void optionsTheFusedStepCoversGiveTheParametersThatFitGives(String name, double l2,
            double decay, String variant) {
        TrainingSettings settings = SyntheticTasks.settings(TASKS, 1, 32, 4)
                .withOptions(TrainingOptions.NONE.withL2(l2).withRateDecay(decay));
        if (variant.equals("two layers")) {
            settings = settings.withHiddenLayers(List.of(16, 8));
        }
        if (variant.equals("absolute error")) {
            settings = settings.withOptions(settings.options()
                    .withRegressionLoss(TrainingOptions.RegressionLoss.ABSOLUTE));
        }
        double[] positiveWeights = {variant.endsWith("3") ? 3 : 1, 0, 0};
        ComputationGraph fused = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES, settings,
                positiveWeights);
        assertNull(FusedTrainingStep.unsupportedReason(fused));
        ComputationGraph reference = fused.clone();
        FusedTrainingStep step = FusedTrainingStep.forNetwork(fused);
        float[] labels = DATA.train.labels().data().asFloat();

        for (int k = 0; k < 36; k++) {
            int from = (k * 32) % 384;
            if (k % 12 == 11) {
                fused.incrementEpochCount();
                reference.incrementEpochCount();
            }
            step.step(rows(from, from + 32), labels, null, from);
            reference.fit(batch(from, from + 32, null));
        }

        double largest = reference.params().sub(fused.params()).amaxNumber().doubleValue();
        assertTrue(largest < 1e-5, "largest parameter difference " + largest);
    }

    @Test
    void networkWithAnotherLossIsNotFused() {
        ComputationGraph network = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT).graphBuilder().addInputs("x")
                .addLayer("shared", new DenseLayer.Builder().nIn(5).nOut(8)
                        .activation(Activation.RELU).build(), "x")
                .addLayer("out", new OutputLayer.Builder(new LossMSE()).nIn(8).nOut(1)
                        .activation(Activation.IDENTITY).build(), "shared")
                .setOutputs("out").build());
        network.init();

        assertEquals("layer out: the loss is not the multi-task loss",
                FusedTrainingStep.unsupportedReason(network));
    }

    @Test
    void fallbackTrainerGivesTheSameNetworkAsTheFusedTrainer() {
        TrainingSettings settings = SyntheticTasks.settings(TASKS, 2, 50, 21);
        ComputationGraph fused = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES, settings);
        ComputationGraph fitted = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES,
                settings);

        new MultiTaskTrainer(settings, true).train(fused, DATA.train, DATA.validation, r -> { },
                () -> false);
        new MultiTaskTrainer(settings, false).train(fitted, DATA.train, DATA.validation,
                r -> { }, () -> false);

        double largest = fused.params().sub(fitted.params()).amaxNumber().doubleValue();
        assertTrue(largest < 1e-4, "largest parameter difference " + largest);
        assertEquals(2, fused.getEpochCount());
    }

    private static void assertGradientsMatch(ComputationGraph network, int from, int to,
            INDArray mask) {
        network.setInputs(rows(from, to));
        network.setLabels(DATA.train.labels().get(NDArrayIndex.interval(from, to),
                NDArrayIndex.all()));
        network.setLayerMaskArrays(null, mask == null ? null : new INDArray[] {
            mask.get(NDArrayIndex.interval(from, to), NDArrayIndex.all())});
        network.computeGradientAndScore();
        INDArray expected = network.gradient().gradient().dup();
        network.clearLayerMaskArrays();

        FusedTrainingStep step = FusedTrainingStep.forNetwork(network);
        assertNotNull(step);
        network.getFlattenedGradients().assign(Float.NaN);
        step.computeGradient(rows(from, to), DATA.train.labels().data().asFloat(),
                mask == null ? null : mask.data().asFloat(), from);
        INDArray actual = network.getFlattenedGradients();

        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        double largest = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(largest <= 1e-5 * scale, "largest gradient difference " + largest
                + " at gradient scale " + scale);
        assertTrue(expected.amaxNumber().doubleValue() > 1e-3, "gradient is not trivially zero");
    }

    private static void trainAFewSteps(ComputationGraph network) {
        for (int k = 0; k < 5; k++) {
            network.fit(batch(k * 32, k * 32 + 32, null));
        }
    }

    private static INDArray someMasked() {
        INDArray mask = Nd4j.ones(DataType.FLOAT, DATA.train.rows(), TASKS.size());
        for (int r = 0; r < DATA.train.rows(); r += 3) {
            mask.putScalar(r, 2, 0);
        }
        for (int r = 1; r < DATA.train.rows(); r += 7) {
            mask.putScalar(r, 0, 0);
        }
        return mask;
    }

    private static INDArray rows(int from, int to) {
        return DATA.train.features().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    private static MultiDataSet batch(int from, int to, INDArray mask) {
        INDArray labels = DATA.train.labels().get(NDArrayIndex.interval(from, to),
                NDArrayIndex.all());
        INDArray m = mask == null ? null
                : mask.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
        return new MultiDataSet(new INDArray[] {rows(from, to)}, new INDArray[] {labels}, null,
                m == null ? null : new INDArray[] {m});
    }

    private static ComputationGraph twoHiddenLayers() {
        ComputationGraph network = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .seed(3).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER)
                .updater(new Adam(0.01)).graphBuilder().addInputs("features")
                .addLayer("first", new DenseLayer.Builder().nIn(SyntheticTasks.FEATURES).nOut(16)
                        .activation(Activation.RELU).build(), "features")
                .addLayer("second", new DenseLayer.Builder().nIn(16).nOut(8)
                        .activation(Activation.RELU).build(), "first")
                .addLayer(MultiTaskNetworkFactory.HEADS,
                        new OutputLayer.Builder(MultiTaskNetworkFactory.lossOf(TASKS)).nIn(8)
                                .nOut(3).activation(Activation.IDENTITY).build(), "second")
                .setOutputs(MultiTaskNetworkFactory.HEADS).build());
        network.init();
        return network;
    }
}
