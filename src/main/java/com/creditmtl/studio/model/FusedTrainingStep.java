package com.creditmtl.studio.model;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.nn.updater.graph.ComputationGraphUpdater;
import org.deeplearning4j.optimize.solvers.BaseOptimizer;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One optimiser step of the multi-task network, computed directly with a few ND4J matrix
 * products into arrays allocated once, instead of through DL4J's layer-by-layer machinery.
 *
 * <p>DL4J spends milliseconds per step on op dispatch, array creation and workspace bookkeeping
 * for a network this small, while the arithmetic takes microseconds. This step writes the
 * gradients straight into the network's own gradient view, then turns them into the update
 * with the network's own updater blocks (Adam with its state and schedules), each through a
 * {@link PreparedAdamStep} where it is Adam with L2 at most, and subtracts it from the network's
 * own parameters, as {@code fit} does. The network stays the model of record: saving,
 * evaluation and inference use it unchanged.
 *
 * <p>Its matrix products and Adam updates are ND4J ops built once ({@link PreparedProduct},
 * {@link PreparedAdamStep}): ops built anew at every step leave native references that only a
 * garbage collection clears, and those collections paused the window.
 *
 * <p>It covers the networks {@link MultiTaskNetworkFactory} builds: dense ReLU layers with
 * biases, then one identity output layer with a {@link MultiTaskLoss}, in float precision,
 * without dropout, weight noise, gradient normalisation or constraints. L2 and weight decay are
 * covered: the updater blocks apply them, as in {@code fit}.
 * {@link #unsupportedReason} says why any other network is not covered; the trainer then falls
 * back to {@code fit}. Element-wise work (bias, ReLU, the loss gradient) runs as plain loops on
 * the arrays' native memory, which is cheaper than an op call at these sizes. Not thread-safe.
 */
final class FusedTrainingStep {

    private final ComputationGraph network;
    private final MultiTaskLoss loss;
    private final ComputationGraphUpdater updater;
    private final int tasks;

    /** Per dense layer, then the output layer last. */
    private final List<INDArray> weights = new ArrayList<>();
    private final List<INDArray> biases = new ArrayList<>();
    private final List<INDArray> weightGradients = new ArrayList<>();
    private final List<INDArray> biasGradients = new ArrayList<>();
    private final FloatBuffer parameterData;
    private final int parameterOffset;
    private final FloatBuffer updateData;
    private final int updateOffset;
    private final int parameterCount;
    private final int[] widths;

    private final Map<Integer, Buffers> buffersByRows = new HashMap<>();
    /** Per updater block, its prepared step, or null where the block updates itself; made at
     * the first step, once the updater has its state. */
    private List<PreparedAdamStep> preparedBlocks;

    private FusedTrainingStep(ComputationGraph network, List<String> layerNames) {
        this.network = network;
        this.loss = MultiTaskNetworkFactory.loss(network);
        this.tasks = loss.tasks();
        if (network.getFlattenedGradients() == null) {
            network.initGradientsView();
        }
        INDArray parameters = network.params();
        INDArray update = network.getFlattenedGradients().reshape(parameters.shape());
        this.parameterData = parameters.data().asNioFloat();
        this.parameterOffset = (int) parameters.offset();
        this.updateData = update.data().asNioFloat();
        this.updateOffset = (int) update.offset();
        this.parameterCount = (int) parameters.length();
        this.widths = new int[layerNames.size()];

        for (int i = 0; i < layerNames.size(); i++) {
            Layer layer = network.getLayer(layerNames.get(i));
            Map<String, INDArray> gradients = DefaultParamInitializer.getInstance()
                    .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
            weights.add(layer.getParam(DefaultParamInitializer.WEIGHT_KEY));
            biases.add(layer.getParam(DefaultParamInitializer.BIAS_KEY));
            weightGradients.add(gradients.get(DefaultParamInitializer.WEIGHT_KEY));
            biasGradients.add(gradients.get(DefaultParamInitializer.BIAS_KEY));
            widths[i] = (int) weights.get(i).columns();
        }
        this.updater = network.getUpdater();
    }

    /** A fused step for the network, or null when it has a part the fused step does not cover. */
    static FusedTrainingStep forNetwork(ComputationGraph network) {
        return unsupportedReason(network) == null
                ? new FusedTrainingStep(network, layerOrder(network)) : null;
    }

    /** Why the fused step cannot train this network, or null when it can. */
    static String unsupportedReason(ComputationGraph network) {
        if (network.getConfiguration().getDataType() != DataType.FLOAT) {
            return "the network is not in float precision";
        }
        if (network.getNumInputArrays() != 1 || network.getNumOutputArrays() != 1) {
            return "the network has more than one input or output";
        }
        List<String> order = layerOrder(network);
        if (order == null) {
            return "the layers are not a single chain from input to output";
        }
        for (int i = 0; i < order.size(); i++) {
            boolean last = i == order.size() - 1;
            org.deeplearning4j.nn.conf.layers.Layer conf =
                    network.getLayer(order.get(i)).conf().getLayer();
            String problem = last ? outputProblem(conf) : hiddenProblem(conf);
            if (problem != null) {
                return "layer " + order.get(i) + ": " + problem;
            }
            BaseLayer base = (BaseLayer) conf;
            if (base.getIDropout() != null || base.getWeightNoise() != null) {
                return "layer " + order.get(i) + " uses dropout or weight noise";
            }
            if (base.getGradientNormalization() != null
                    && base.getGradientNormalization() != GradientNormalization.None) {
                return "layer " + order.get(i) + " uses gradient normalisation";
            }
            if (base.getConstraints() != null && !base.getConstraints().isEmpty()) {
                return "layer " + order.get(i) + " has constraints";
            }
        }
        return null;
    }

    private static String hiddenProblem(org.deeplearning4j.nn.conf.layers.Layer conf) {
        if (!(conf instanceof DenseLayer dense)) {
            return "not a dense layer";
        }
        if (!dense.hasBias()) {
            return "has no bias";
        }
        return dense.getActivationFn() instanceof ActivationReLU ? null : "activation is not ReLU";
    }

    private static String outputProblem(org.deeplearning4j.nn.conf.layers.Layer conf) {
        if (!(conf instanceof OutputLayer output)) {
            return "the output is not a dense output layer";
        }
        if (!output.hasBias()) {
            return "has no bias";
        }
        if (!(output.getActivationFn() instanceof ActivationIdentity)) {
            return "the output activation is not the identity";
        }
        return output.getLossFn() instanceof MultiTaskLoss ? null
                : "the loss is not the multi-task loss";
    }

    /** Layer names from input to output when the graph is one chain of layers, else null. */
    private static List<String> layerOrder(ComputationGraph network) {
        Map<String, GraphVertex> vertices = network.getConfiguration().getVertices();
        Map<String, List<String>> inputs = network.getConfiguration().getVertexInputs();
        String output = network.getConfiguration().getNetworkOutputs().get(0);
        String input = network.getConfiguration().getNetworkInputs().get(0);
        List<String> reversed = new ArrayList<>();
        String current = output;
        while (!current.equals(input)) {
            if (!(vertices.get(current) instanceof LayerVertex)
                    || inputs.get(current).size() != 1 || reversed.size() > vertices.size()) {
                return null;
            }
            reversed.add(current);
            current = inputs.get(current).get(0);
        }
        if (reversed.size() != vertices.size() || reversed.isEmpty()) {
            return null;
        }
        List<String> order = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            order.add(reversed.get(i));
        }
        return order;
    }

    /**
     * Computes the gradient of the weighted multi-task loss on one minibatch into the network's
     * gradient view, without updating anything.
     *
     * @param features {@code [rows, inputs]} float, 'c' order, contiguous (a row range of a
     *     larger matrix is fine)
     * @param labels labels of the whole epoch, row after row, {@code tasks} values a row
     * @param mask the labels' mask laid out the same way, or null when every label is known
     * @param firstRow the minibatch's first row within {@code labels} and {@code mask}
     */
    void computeGradient(INDArray features, float[] labels, float[] mask, int firstRow) {
        int rows = (int) features.rows();
        Buffers b = buffersByRows.computeIfAbsent(rows, r -> new Buffers(r, features.columns()));
        int layers = weights.size();
        // copied, because giving a prepared product a new input array keeps native memory
        // until the product is dropped
        b.inputData.put(0, features.data().asNioFloat(), (int) features.offset(),
                rows * (int) features.columns());

        for (int i = 0; i < layers; i++) {
            b.forward[i].run();
            addBias(b.activationData[i], rows, widths[i], biases.get(i), i < layers - 1);
        }

        lossGradient(b.activationData[layers - 1], labels, mask, firstRow, rows);

        for (int i = layers - 1; i >= 0; i--) {
            b.weightGradient[i].run();
            columnSums(b.deltaData[i], rows, widths[i], biasGradients.get(i));
            if (i > 0) {
                b.backward[i].run();
                reluGradient(b.deltaData[i - 1], b.activationData[i - 1], rows * widths[i - 1]);
            }
        }
    }

    /**
     * One optimiser step on the minibatch, as {@code fit} takes it: the gradient, divided by the
     * minibatch size, goes through each of the network's updater blocks (Adam, its state and any
     * learning-rate schedule), and the resulting update is subtracted from the parameters. The
     * updater's per-layer bookkeeping before the blocks (gradient normalisation) is skipped
     * because networks that need it are not fused.
     */
    void step(INDArray features, float[] labels, float[] mask, int firstRow) {
        computeGradient(features, labels, mask, firstRow);

        int iteration = network.getIterationCount();
        int epoch = network.getEpochCount();
        divide(updateData, updateOffset, parameterCount, features.rows());
        List<UpdaterBlock> blocks = updater.getUpdaterBlocks();
        if (preparedBlocks == null) {
            preparedBlocks = new ArrayList<>(blocks.size());
            for (UpdaterBlock block : blocks) {
                preparedBlocks.add(PreparedAdamStep.forBlock(block));
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            PreparedAdamStep prepared = preparedBlocks.get(i);
            if (prepared != null) {
                prepared.update(iteration, epoch);
            } else {
                blocks.get(i).update(iteration, epoch);
            }
        }
        subtract(parameterData, parameterOffset, updateData, updateOffset, parameterCount);
        BaseOptimizer.incrementIterationCount(network, 1);
    }

    /** The loss's gradient with respect to the output layer's pre-activation, into its delta. */
    private void lossGradient(FloatBuffer outputs, float[] labels, float[] mask, int firstRow,
            int rows) {
        FloatBuffer delta = buffersByRows.get(rows).deltaData[weights.size() - 1];
        int base = firstRow * tasks;
        for (int t = 0; t < tasks; t++) {
            double weight = loss.weight(t);
            for (int r = 0; r < rows; r++) {
                int i = r * tasks + t;
                double w = mask == null ? weight : weight * mask[base + i];
                double error = loss.rowGradient(t, labels[base + i], outputs.get(i));
                delta.put(i, (float) (w * error));
            }
        }
    }

    /** Adds the bias to every row, then applies ReLU when asked. */
    private static void addBias(FloatBuffer values, int rows, int width, INDArray bias,
            boolean relu) {
        FloatBuffer b = bias.data().asNioFloat();
        int offset = (int) bias.offset();
        for (int j = 0; j < width; j++) {
            float add = b.get(offset + j);
            for (int r = 0; r < rows; r++) {
                int i = r * width + j;
                float v = values.get(i) + add;
                values.put(i, relu && v < 0 ? 0 : v);
            }
        }
    }

    private static void columnSums(FloatBuffer values, int rows, int width, INDArray into) {
        FloatBuffer out = into.data().asNioFloat();
        int offset = (int) into.offset();
        for (int j = 0; j < width; j++) {
            float sum = 0;
            for (int r = 0; r < rows; r++) {
                sum += values.get(r * width + j);
            }
            out.put(offset + j, sum);
        }
    }

    /** Zeroes the gradient where the ReLU was inactive. */
    private static void reluGradient(FloatBuffer delta, FloatBuffer activation, int length) {
        for (int i = 0; i < length; i++) {
            if (activation.get(i) <= 0) {
                delta.put(i, 0);
            }
        }
    }

    /** Divides each value by the minibatch size, as {@code divi} does, without an op call. */
    private static void divide(FloatBuffer values, int offset, int length, long rows) {
        float divisor = rows;
        for (int i = offset; i < offset + length; i++) {
            values.put(i, values.get(i) / divisor);
        }
    }

    /** Subtracts the update from the parameters, as {@code subi} does, without an op call. */
    private static void subtract(FloatBuffer parameters, int parameterOffset, FloatBuffer update,
            int updateOffset, int length) {
        for (int i = 0; i < length; i++) {
            parameters.put(parameterOffset + i,
                    parameters.get(parameterOffset + i) - update.get(updateOffset + i));
        }
    }

    /**
     * Activations and deltas of each layer for one minibatch size, allocated once, with the
     * products between them prepared once.
     */
    private final class Buffers {
        /** The minibatch's features, copied in at each step. */
        final INDArray input;
        final FloatBuffer inputData;
        final INDArray[] activations;
        final INDArray[] deltas;
        final FloatBuffer[] activationData;
        final FloatBuffer[] deltaData;
        /** Per layer: its input times its weights, into its activations. */
        final PreparedProduct[] forward;
        /** Per layer: its input transposed times its delta, into its weight gradient. */
        final PreparedProduct[] weightGradient;
        /** Per layer after the first: its delta times its weights transposed, into the delta
         * of the layer before. */
        final PreparedProduct[] backward;

        Buffers(int rows, long inputs) {
            int layers = widths.length;
            input = Nd4j.createUninitialized(DataType.FLOAT, rows, inputs);
            inputData = input.data().asNioFloat();
            activations = new INDArray[layers];
            deltas = new INDArray[layers];
            activationData = new FloatBuffer[layers];
            deltaData = new FloatBuffer[layers];
            forward = new PreparedProduct[layers];
            weightGradient = new PreparedProduct[layers];
            backward = new PreparedProduct[layers];
            for (int i = 0; i < layers; i++) {
                activations[i] = Nd4j.createUninitialized(DataType.FLOAT, rows, widths[i]);
                deltas[i] = Nd4j.createUninitialized(DataType.FLOAT, rows, widths[i]);
                activationData[i] = activations[i].data().asNioFloat();
                deltaData[i] = deltas[i].data().asNioFloat();
            }
            for (int i = 0; i < layers; i++) {
                INDArray in = i == 0 ? input : activations[i - 1];
                forward[i] = new PreparedProduct(in, weights.get(i), activations[i], false, false);
                weightGradient[i] = new PreparedProduct(in, deltas[i], weightGradients.get(i),
                        true, false);
                if (i > 0) {
                    backward[i] = new PreparedProduct(deltas[i], weights.get(i), deltas[i - 1],
                            false, true);
                }
            }
        }
    }
}
