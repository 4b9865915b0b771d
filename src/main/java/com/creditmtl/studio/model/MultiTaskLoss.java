package com.creditmtl.studio.model;

import java.util.Arrays;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The loss of all task heads at once, for an output layer with one column per task and an
 * identity activation. Column t is task t: a binary column is a logit, whose sigmoid is the
 * probability (binary cross-entropy from the logit, as numerically stable as it gets); a
 * regression column is the standardised target (squared error). Each column's loss and
 * gradient are multiplied by the task's weight and by the label mask, where one is given, so
 * a masked label contributes nothing to its head while the other heads still learn from the row.
 *
 * <p>Three one-unit heads on a shared layer are exactly one dense layer with three columns; with
 * this loss the per-task losses and gradients equal those of separate heads with weighted
 * losses, and the network runs one output layer instead of three.
 *
 * <p>The weights may be changed between steps with {@link #setWeight}; the change takes effect
 * at the next step. The activation argument of the interface must be the identity.
 */
public final class MultiTaskLoss implements ILossFunction {

    @JsonProperty("binary")
    private final boolean[] binary;
    @JsonProperty("weights")
    private final double[] weights;

    @JsonCreator
    public MultiTaskLoss(@JsonProperty("binary") boolean[] binary,
            @JsonProperty("weights") double[] weights) {
        if (binary.length != weights.length || binary.length == 0) {
            throw new IllegalArgumentException("need one weight per task");
        }
        this.binary = binary.clone();
        this.weights = weights.clone();
    }

    public int tasks() {
        return binary.length;
    }

    public boolean isBinary(int task) {
        return binary[task];
    }

    public double weight(int task) {
        return weights[task];
    }

    public synchronized void setWeight(int task, double weight) {
        weights[task] = weight;
    }

    /** The factor on column t's gradient of the error: weight, times 2 for squared error. */
    double gradientFactor(int task) {
        return binary[task] ? weights[task] : 2 * weights[task];
    }

    /** One task's loss for one row, unweighted: cross-entropy from a logit, or squared error. */
    public static double rowLoss(boolean binary, double label, double output) {
        if (binary) {
            // log(1 + e^z) - y z, written so that neither large positive nor negative z overflows
            return Math.max(output, 0) - output * label + Math.log1p(Math.exp(-Math.abs(output)));
        }
        double error = output - label;
        return error * error;
    }

    /** Mean unweighted loss per task over the unmasked rows of each column. */
    public double[] meanLossPerTask(INDArray labels, INDArray output, INDArray mask) {
        float[] y = labels.dup('c').data().asFloat();
        float[] z = output.dup('c').data().asFloat();
        float[] m = mask == null ? null : mask.dup('c').data().asFloat();
        int columns = binary.length;
        double[] sums = new double[columns];
        double[] counts = new double[columns];
        for (int i = 0; i < z.length; i++) {
            int t = i % columns;
            double w = m == null ? 1 : m[i];
            if (w != 0) {
                sums[t] += w * rowLoss(binary[t], y[i], z[i]);
                counts[t] += w;
            }
        }
        for (int t = 0; t < columns; t++) {
            sums[t] = counts[t] > 0 ? sums[t] / counts[t] : Double.NaN;
        }
        return sums;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn,
            INDArray mask) {
        requireIdentity(activationFn);
        float[] y = labels.dup('c').data().asFloat();
        float[] z = preOutput.dup('c').data().asFloat();
        float[] m = mask == null ? null : mask.dup('c').data().asFloat();
        int columns = binary.length;
        float[] scores = new float[z.length / columns];
        for (int i = 0; i < z.length; i++) {
            int t = i % columns;
            double w = weights[t] * (m == null ? 1 : m[i]);
            if (w != 0) {
                scores[i / columns] += (float) (w * rowLoss(binary[t], y[i], z[i]));
            }
        }
        return Nd4j.create(scores, new long[] {scores.length, 1}, DataType.FLOAT)
                .castTo(preOutput.dataType());
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn,
            INDArray mask, boolean average) {
        INDArray scores = computeScoreArray(labels, preOutput, activationFn, mask);
        double sum = scores.sumNumber().doubleValue();
        return average ? sum / scores.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn,
            INDArray mask) {
        requireIdentity(activationFn);
        float[] y = labels.dup('c').data().asFloat();
        float[] z = preOutput.dup('c').data().asFloat();
        float[] m = mask == null ? null : mask.dup('c').data().asFloat();
        int columns = binary.length;
        float[] gradient = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            int t = i % columns;
            double w = weights[t] * (m == null ? 1 : m[i]);
            double error = binary[t] ? sigmoid(z[i]) - y[i] : 2 * (z[i] - y[i]);
            gradient[i] = (float) (w * error);
        }
        return Nd4j.create(gradient, preOutput.shape(), 'c').castTo(preOutput.dataType());
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
            IActivation activationFn, INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static void requireIdentity(IActivation activation) {
        if (!(activation instanceof ActivationIdentity)) {
            throw new IllegalArgumentException("MultiTaskLoss applies each task's activation "
                    + "itself; the output layer must use the identity, not " + activation);
        }
    }

    @Override
    public String name() {
        return toString();
    }

    @Override
    public String toString() {
        return "MultiTaskLoss(binary=" + Arrays.toString(binary) + ", weights="
                + Arrays.toString(weights) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MultiTaskLoss loss && Arrays.equals(binary, loss.binary)
                && Arrays.equals(weights, loss.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(binary) + Arrays.hashCode(weights);
    }
}
