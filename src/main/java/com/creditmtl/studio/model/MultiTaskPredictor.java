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
        return toOriginalUnits(network.outputSingle(false, features));
    }

    /**
     * Turns the heads' raw outputs {@code [rows, tasks]} (a logit for a binary task, a
     * standardised value for a regression task) into {@code [task][row]} predictions.
     */
    public double[][] toOriginalUnits(INDArray outputs) {
        int rows = (int) outputs.rows();
        int tasks = preprocessor.tasks().size();
        float[] raw = outputs.dup('c').data().asFloat();
        double[][] predictions = new double[tasks][rows];
        for (int t = 0; t < tasks; t++) {
            boolean binary = preprocessor.tasks().get(t).isBinary();
            for (int r = 0; r < rows; r++) {
                double value = raw[r * tasks + t];
                predictions[t][r] = binary ? MultiTaskLoss.sigmoid(value)
                        : preprocessor.unscaleTarget(t, value);
            }
        }
        return predictions;
    }
}
