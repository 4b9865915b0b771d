package com.creditmtl.studio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class MultiTaskPredictorTest {

    private static final List<TaskSpec> TASKS = SyntheticTasks.tasks(0.5, 0.25, 0.25);
    private static SyntheticTasks data;
    private static ComputationGraph network;
    private static double[][] predictions;

    @BeforeAll
    static void train() {
        data = SyntheticTasks.create(TASKS, 1_000, 300);
        TrainingSettings settings = SyntheticTasks.settings(TASKS, 4, 32, 3);
        network = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES, settings);
        new MultiTaskTrainer(settings).train(network, data.train, data.validation, r -> { },
                () -> false);
        predictions = new MultiTaskPredictor(network, data.preprocessor)
                .predict(data.validationFeatures);
    }

    private static double actualMean(int task) {
        return Arrays.stream(data.validationTargets).mapToDouble(row -> row[task]).average()
                .orElseThrow();
    }

    @Test
    void onePredictionPerTaskAndRow() {
        assertEquals(3, predictions.length);
        for (double[] task : predictions) {
            assertEquals(300, task.length);
        }
    }

    @Test
    void binaryPredictionsAreProbabilities() {
        for (double p : predictions[0]) {
            assertTrue(p >= 0 && p <= 1, "not a probability: " + p);
        }
    }

    @Test
    void regressionPredictionsComeBackInOriginalUnits() {
        // overdue days average about 40, overdue amounts about 30,000
        for (int t : new int[] {1, 2}) {
            double predicted = Arrays.stream(predictions[t]).average().orElseThrow();
            double actual = actualMean(t);
            assertEquals(actual, predicted, 0.25 * actual, "task " + t);
        }
    }

    @Test
    void regressionPredictionsAreUnscaledNetworkOutputsFlooredAtZero() {
        INDArray raw = network.outputSingle(false,
                TrainingData.features(data.preprocessor, data.validationFeatures));
        for (int t : new int[] {1, 2}) {
            double[] outputs = raw.getColumn(t).toDoubleVector();
            for (int r = 0; r < outputs.length; r++) {
                double expected = Math.max(0, outputs[r] * data.preprocessor.targetScale(t)
                        + data.preprocessor.targetMean(t));
                // the network computes in float, the predictor in double
                assertEquals(expected, predictions[t][r], 1e-6 * (Math.abs(expected)
                        + data.preprocessor.targetScale(t)));
            }
        }
    }

    @Test
    void binaryPredictionsAreTheSigmoidOfTheHeadsLogit() {
        INDArray raw = network.outputSingle(false,
                TrainingData.features(data.preprocessor, data.validationFeatures));
        double[] logits = raw.getColumn(0).toDoubleVector();
        for (int r = 0; r < logits.length; r++) {
            assertEquals(1 / (1 + Math.exp(-logits[r])), predictions[0][r], 1e-7);
        }
    }

    @Test
    void anApplicantAlonePredictsExactlyAsInsideAnyBatch() {
        MultiTaskPredictor predictor = new MultiTaskPredictor(network, data.preprocessor);
        double[][] all = data.validationFeatures;
        for (int r = 0; r < all.length; r += 7) {
            double[][] alone = predictor.predict(new double[][] {all[r]});
            for (int t = 0; t < 3; t++) {
                assertEquals(predictions[t][r], alone[t][0], 0, "row " + r + ", task " + t);
            }
        }
    }
}
