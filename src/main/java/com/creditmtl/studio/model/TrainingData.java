package com.creditmtl.studio.model;

import com.creditmtl.studio.prep.Preprocessor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Transformed features and scaled labels of one part of the table, as the network sees them:
 * features {@code [rows, inputs]}, one label array {@code [rows, 1]} per task.
 */
public record TrainingData(INDArray features, INDArray[] labels) {

    public int rows() {
        return (int) features.rows();
    }

    /**
     * @param rawFeatures rows of untransformed features, NaN where missing
     * @param rawTargets rows of targets in original units, one column per task
     */
    public static TrainingData of(Preprocessor preprocessor, double[][] rawFeatures,
            double[][] rawTargets) {
        NativeRuntime.configure();
        INDArray features = features(preprocessor, rawFeatures);
        int tasks = preprocessor.tasks().size();
        INDArray[] labels = new INDArray[tasks];
        for (int t = 0; t < tasks; t++) {
            float[] column = new float[rawTargets.length];
            for (int r = 0; r < rawTargets.length; r++) {
                column[r] = (float) preprocessor.scaleTarget(t, rawTargets[r][t]);
            }
            labels[t] = Nd4j.create(column, new long[] {column.length, 1}, DataType.FLOAT);
        }
        return new TrainingData(features, labels);
    }

    /** Transformed features as a float matrix. */
    public static INDArray features(Preprocessor preprocessor, double[][] rawFeatures) {
        NativeRuntime.configure();
        double[][] transformed = preprocessor.transformFeatures(rawFeatures);
        int width = preprocessor.featureCount();
        float[] flat = new float[transformed.length * width];
        for (int r = 0; r < transformed.length; r++) {
            for (int f = 0; f < width; f++) {
                flat[r * width + f] = (float) transformed[r][f];
            }
        }
        return Nd4j.create(flat, new long[] {transformed.length, width}, DataType.FLOAT);
    }
}
