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
 * regression column is the standardised target (squared error, or absolute error where asked:
 * the absolute error is least at the conditional median, the squared error at the mean, so the
 * absolute error gives the lower mean absolute error on targets that are mostly zero, such as days
 * or amounts overdue). Each column's loss and
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
    @JsonProperty("positiveWeights")
    private final double[] positiveWeights;
    @JsonProperty("absolute")
    private final boolean[] absolute;

    public MultiTaskLoss(boolean[] binary, double[] weights) {
        this(binary, weights, null);
    }

    public MultiTaskLoss(boolean[] binary, double[] weights, double[] positiveWeights) {
        this(binary, weights, positiveWeights, null);
    }

    /**
     * @param positiveWeights per task, the weight of a positive label of a binary task relative
     *     to a negative one (1 for none; ignored for a regression task); null for none at all
     * @param absolute per task, true for a regression task learnt with the absolute error
     *     instead of the squared error (ignored for a binary task); null for none
     */
    @JsonCreator
    public MultiTaskLoss(@JsonProperty("binary") boolean[] binary,
            @JsonProperty("weights") double[] weights,
            @JsonProperty("positiveWeights") double[] positiveWeights,
            @JsonProperty("absolute") boolean[] absolute) {
        if (binary.length != weights.length || binary.length == 0) {
            throw new IllegalArgumentException("need one weight per task");
        }
        this.binary = binary.clone();
        this.weights = weights.clone();
        this.positiveWeights = new double[binary.length];
        for (int t = 0; t < binary.length; t++) {
            double weight = positiveWeights == null ? 1 : positiveWeights[t];
            if (!(weight > 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("positive weight of task " + t
                        + " must be above 0, was " + weight);
            }
            this.positiveWeights[t] = binary[t] ? weight : 1;
        }
        if (absolute != null && absolute.length != binary.length) {
            throw new IllegalArgumentException("need one loss choice per task");
        }
        this.absolute = new boolean[binary.length];
        for (int t = 0; t < binary.length; t++) {
            this.absolute[t] = absolute != null && absolute[t] && !binary[t];
        }
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

    public double positiveWeight(int task) {
        return positiveWeights[task];
    }

    /** True when a regression task is learnt with the absolute error. */
    public boolean isAbsolute(int task) {
        return absolute[task];
    }

    public synchronized void setWeight(int task, double weight) {
        weights[task] = weight;
    }

    /** One task's loss for one row, unweighted: cross-entropy from a logit, or squared error. */
    public static double rowLoss(boolean binary, double label, double output) {
        return rowLoss(binary, label, output, 1);
    }

    /**
     * One task's loss for one row before the task weight: cross-entropy from a logit with the
     * positive label weighted, or squared error.
     */
    static double rowLoss(boolean binary, double label, double output, double positiveWeight) {
        if (binary) {
            return positiveWeight * label * softplus(-output) + (1 - label) * softplus(output);
        }
        double error = output - label;
        return error * error;
    }

    /** Task t's loss for one row before the task weight, with the task's own loss. */
    double rowLoss(int t, double label, double output) {
        return absolute[t] ? Math.abs(output - label)
                : rowLoss(binary[t], label, output, positiveWeights[t]);
    }

    /** Derivative of {@link #rowLoss(int, double, double)} by the output. */
    double rowGradient(int t, double label, double output) {
        return absolute[t] ? Math.signum(output - label)
                : rowGradient(binary[t], label, output, positiveWeights[t]);
    }

    /** Derivative of {@link #rowLoss(boolean, double, double, double)} by the output. */
    static double rowGradient(boolean binary, double label, double output,
            double positiveWeight) {
        if (binary) {
            double p = sigmoid(output);
            return positiveWeight * label * (p - 1) + (1 - label) * p;
        }
        return 2 * (output - label);
    }

    /** log(1 + e^x), without overflow for large positive or negative x. */
    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /**
     * Mean loss per task over the unmasked rows of each column, without the task weight and
     * without the positive-label weight: the figure an analyst compares across runs.
     */
    public double[] meanLossPerTask(INDArray labels, INDArray output, INDArray mask) {
        double[] sums = new double[binary.length];
        double[] counts = new double[binary.length];
        forEachKnown(labels, output, mask, (t, i, y, z, m) -> {
            sums[t] += m * (absolute[t] ? Math.abs(z - y) : rowLoss(binary[t], y, z));
            counts[t] += m;
        });
        for (int t = 0; t < sums.length; t++) {
            sums[t] = counts[t] > 0 ? sums[t] / counts[t] : Double.NaN;
        }
        return sums;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn,
            INDArray mask) {
        requireIdentity(activationFn);
        int columns = binary.length;
        float[] scores = new float[(int) preOutput.rows()];
        forEachKnown(labels, preOutput, mask, (t, i, y, z, m) -> scores[i / columns] +=
                (float) (weights[t] * m * rowLoss(t, y, z)));
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
        float[] gradient = new float[(int) preOutput.length()];
        forEachKnown(labels, preOutput, mask, (t, i, y, z, m) -> gradient[i] =
                (float) (weights[t] * m * rowGradient(t, y, z)));
        return Nd4j.create(gradient, preOutput.shape(), 'c').castTo(preOutput.dataType());
    }

    /** Visits every cell whose mask is not 0, in row-major order. */
    private void forEachKnown(INDArray labels, INDArray output, INDArray mask, Cell cell) {
        float[] y = labels.dup('c').data().asFloat();
        float[] z = output.dup('c').data().asFloat();
        float[] m = mask == null ? null : mask.dup('c').data().asFloat();
        int columns = binary.length;
        for (int i = 0; i < z.length; i++) {
            double w = m == null ? 1 : m[i];
            if (w != 0) {
                cell.accept(i % columns, i, y[i], z[i], w);
            }
        }
    }

    @FunctionalInterface
    private interface Cell {
        void accept(int task, int index, double label, double output, double mask);
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
                + Arrays.toString(weights) + ", positiveWeights="
                + Arrays.toString(positiveWeights) + ", absolute=" + Arrays.toString(absolute)
                + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MultiTaskLoss loss && Arrays.equals(binary, loss.binary)
                && Arrays.equals(weights, loss.weights)
                && Arrays.equals(positiveWeights, loss.positiveWeights)
                && Arrays.equals(absolute, loss.absolute);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(binary) + Arrays.hashCode(weights))
                + Arrays.hashCode(positiveWeights)) + Arrays.hashCode(absolute);
    }
}
