package com.creditmtl.studio.model;

import com.creditmtl.studio.prep.Preprocessor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Transformed features and scaled labels of one part of the table, as the network sees them:
 * features {@code [rows, inputs]}, labels {@code [rows, tasks]} with a column per task, and a
 * label mask of the labels' shape (1 where the label is known, 0 where it is missing), or null
 * when every label is known. A masked label is stored as 0 and contributes nothing to its head's
 * loss or gradient, while the row still trains the other heads. All arrays are float, 'c' order.
 */
public record TrainingData(INDArray features, INDArray labels, INDArray labelMask) {

    public TrainingData(INDArray features, INDArray labels) {
        this(features, labels, null);
    }

    public int rows() {
        return (int) features.rows();
    }

    public int tasks() {
        return (int) labels.columns();
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
        float[] labels = new float[rawTargets.length * tasks];
        float[] mask = new float[labels.length];
        boolean anyMissing = false;
        for (int r = 0; r < rawTargets.length; r++) {
            for (int t = 0; t < tasks; t++) {
                double value = rawTargets[r][t];
                if (Double.isNaN(value)) {
                    anyMissing = true;
                } else {
                    labels[r * tasks + t] = (float) preprocessor.scaleTarget(t, value);
                    mask[r * tasks + t] = 1;
                }
            }
        }
        long[] shape = {rawTargets.length, tasks};
        return new TrainingData(features, Nd4j.create(labels, shape, DataType.FLOAT),
                anyMissing ? Nd4j.create(mask, shape, DataType.FLOAT) : null);
    }

    /** Transformed features as a float matrix. */
    public static INDArray features(Preprocessor preprocessor, double[][] rawFeatures) {
        NativeRuntime.configure();
        int width = preprocessor.featureCount();
        float[] flat = new float[rawFeatures.length * width];
        preprocessor.transformFeaturesInto(rawFeatures, flat);
        return Nd4j.create(flat, new long[] {rawFeatures.length, width}, DataType.FLOAT);
    }
}
