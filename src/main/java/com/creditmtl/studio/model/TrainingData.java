package com.creditmtl.studio.model;

import com.creditmtl.studio.prep.Preprocessor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Transformed features and scaled labels of one part of the table, as the network sees them:
 * features {@code [rows, inputs]}, one label array {@code [rows, 1]} per task, and per task a
 * label mask of the same shape (1 where the label is known, 0 where it is missing) or null when
 * every label of that task is known. A masked label is stored as 0 and contributes nothing to its
 * head's loss or gradient, while the row still trains the other heads.
 */
public record TrainingData(INDArray features, INDArray[] labels, INDArray[] labelMasks) {

    public TrainingData(INDArray features, INDArray[] labels) {
        this(features, labels, new INDArray[labels.length]);
    }

    public int rows() {
        return (int) features.rows();
    }

    /** Whether any task has a masked label. */
    public boolean hasMasks() {
        for (INDArray mask : labelMasks) {
            if (mask != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param rawFeatures rows of untransformed features, NaN where missing
     * @param rawTargets rows of targets in original units, one column per task, NaN where the
     *     label is missing (masked)
     */
    public static TrainingData of(Preprocessor preprocessor, double[][] rawFeatures,
            double[][] rawTargets) {
        NativeRuntime.configure();
        INDArray features = features(preprocessor, rawFeatures);
        int tasks = preprocessor.tasks().size();
        INDArray[] labels = new INDArray[tasks];
        INDArray[] masks = new INDArray[tasks];
        for (int t = 0; t < tasks; t++) {
            float[] column = new float[rawTargets.length];
            float[] mask = new float[rawTargets.length];
            boolean anyMissing = false;
            for (int r = 0; r < rawTargets.length; r++) {
                double value = rawTargets[r][t];
                if (Double.isNaN(value)) {
                    anyMissing = true;
                } else {
                    column[r] = (float) preprocessor.scaleTarget(t, value);
                    mask[r] = 1;
                }
            }
            long[] shape = {column.length, 1};
            labels[t] = Nd4j.create(column, shape, DataType.FLOAT);
            masks[t] = anyMissing ? Nd4j.create(mask, shape, DataType.FLOAT) : null;
        }
        return new TrainingData(features, labels, masks);
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
