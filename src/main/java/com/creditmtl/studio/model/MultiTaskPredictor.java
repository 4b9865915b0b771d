package com.creditmtl.studio.model;

import com.creditmtl.studio.prep.Preprocessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Predictions of a trained network in each task's original units: a probability for a binary
 * task, days or currency for a regression task (floored at zero where the target never is
 * negative). Not thread-safe, like the network it wraps.
 */
public final class MultiTaskPredictor {

    private final ComputationGraph network;
    private final Preprocessor preprocessor;

    public MultiTaskPredictor(ComputationGraph network, Preprocessor preprocessor) {
        this.network = network;
        this.preprocessor = preprocessor;
    }

    /** @return {@code [task][row]} predictions for the given untransformed feature rows */
    public double[][] predict(double[][] rawFeatures) {
        INDArray features = TrainingData.features(preprocessor, rawFeatures);
        INDArray[] outputs = network.output(false, features);
        double[][] predictions = new double[outputs.length][];
        for (int t = 0; t < outputs.length; t++) {
            double[] values = outputs[t].reshape(outputs[t].length()).toDoubleVector();
            if (!preprocessor.tasks().get(t).isBinary()) {
                for (int r = 0; r < values.length; r++) {
                    values[r] = preprocessor.unscaleTarget(t, values[r]);
                }
            }
            predictions[t] = values;
        }
        return predictions;
    }
}
