package com.creditmtl.studio.model;

import com.creditmtl.studio.prep.Preprocessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Predictions of a trained network in each task's original units: a probability for a binary
 * task, days or currency for a regression task (floored at zero where the target never is
 * negative). Each applicant is computed on its own, in double precision ({@link DenseForward}),
 * so its prediction does not depend on the other rows it comes with. The network's weights are
 * copied when this is made.
 */
public final class MultiTaskPredictor {

    private final DenseForward forward;
    private final Preprocessor preprocessor;

    public MultiTaskPredictor(ComputationGraph network, Preprocessor preprocessor) {
        this.forward = new DenseForward(network);
        this.preprocessor = preprocessor;
    }

    /** @return {@code [task][row]} predictions for the given untransformed feature rows */
    public double[][] predict(double[][] rawFeatures) {
        double[][] features = preprocessor.transformFeatures(rawFeatures);
        int tasks = preprocessor.tasks().size();
        double[][] predictions = new double[tasks][features.length];
        for (int r = 0; r < features.length; r++) {
            double[] outputs = forward.outputs(features[r]);
            for (int t = 0; t < tasks; t++) {
                predictions[t][r] = toOriginalUnits(t, outputs[t]);
            }
        }
        return predictions;
    }

    private double toOriginalUnits(int task, double output) {
        return preprocessor.tasks().get(task).isBinary() ? MultiTaskLoss.sigmoid(output)
                : preprocessor.unscaleTarget(task, output);
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
            for (int r = 0; r < rows; r++) {
                predictions[t][r] = toOriginalUnits(t, raw[r * tasks + t]);
            }
        }
        return predictions;
    }
}
