package com.creditmtl.studio.model;

import com.creditmtl.studio.data.TaskSpec;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Builds the multi-task network: the applicant's features feed the shared dense ReLU layers
 * (one by default, up to three, or none for a linear model), and the task heads sit on the last
 * of them as one output layer with a column per task.
 *
 * <p>A one-unit linear head per task on a shared layer is exactly one dense layer whose column t
 * is head t, so the heads are built that way: column t of the output layer's weights and bias
 * belong to task t alone. The layer's activation is the identity and its loss is a
 * {@link MultiTaskLoss}, which applies each task's own link (sigmoid for a binary task), loss,
 * weight and label mask per column. This gives the same per-task losses and gradients as separate
 * heads, at a third of the per-step cost in DL4J. A binary column therefore outputs a logit; the
 * {@link MultiTaskPredictor} turns it into a probability.
 *
 * <p>Dropout applies to the shared layers, L2 to every layer's weights; a rate decay below 1
 * multiplies Adam's learning rate by that factor after every epoch.
 */
public final class MultiTaskNetworkFactory {

    public static final String INPUT = "features";
    public static final String SHARED = "shared";
    public static final String HEADS = "heads";

    private MultiTaskNetworkFactory() {
    }

    /** Name of shared layer i: {@code shared}, then {@code shared_2}, {@code shared_3}. */
    public static String sharedName(int layer) {
        return layer == 0 ? SHARED : SHARED + "_" + (layer + 1);
    }

    public static ComputationGraph build(int inputs, TrainingSettings settings) {
        return build(inputs, settings, new double[settings.tasks().size()]);
    }

    /**
     * @param positiveWeights per task, the weight of a positive label of a binary task relative
     *     to a negative one; 0 or 1 for none
     */
    public static ComputationGraph build(int inputs, TrainingSettings settings,
            double[] positiveWeights) {
        NativeRuntime.configure();
        TrainingOptions options = settings.options();

        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(options.rateDecay() < 1
                        ? new Adam(new ExponentialSchedule(ScheduleType.EPOCH,
                                settings.learningRate(), options.rateDecay()))
                        : new Adam(settings.learningRate()));
        if (options.isAutoL2()) {
            throw new IllegalArgumentException("the automatic L2 penalty must be resolved from "
                    + "the training rows before the network is built");
        }
        if (options.l2() > 0) {
            base.l2(options.l2());
        }
        ComputationGraphConfiguration.GraphBuilder graph = base.graphBuilder().addInputs(INPUT);

        String previous = INPUT;
        int width = inputs;
        List<Integer> layers = settings.hiddenLayers();
        for (int i = 0; i < layers.size(); i++) {
            DenseLayer.Builder dense = new DenseLayer.Builder()
                    .nIn(width)
                    .nOut(layers.get(i))
                    .activation(Activation.RELU);
            if (options.dropout() > 0) {
                dense.dropOut(1 - options.dropout());
            }
            graph.addLayer(sharedName(i), dense.build(), previous);
            previous = sharedName(i);
            width = layers.get(i);
        }
        graph.addLayer(HEADS, new OutputLayer.Builder(lossOf(settings, positiveWeights))
                        .nIn(width)
                        .nOut(settings.tasks().size())
                        .activation(Activation.IDENTITY)
                        .build(), previous)
                .setOutputs(HEADS);

        Nd4j.getRandom().setSeed(settings.seed());
        ComputationGraph network = new ComputationGraph(graph.build());
        network.init();
        return network;
    }

    /** The multi-task loss of a network built here; changing its weights reweights the tasks. */
    public static MultiTaskLoss loss(ComputationGraph network) {
        OutputLayer heads = (OutputLayer) network.getLayer(HEADS).conf().getLayer();
        return (MultiTaskLoss) heads.getLossFn();
    }

    static MultiTaskLoss lossOf(List<TaskSpec> tasks) {
        return lossOf(tasks, new double[tasks.size()]);
    }

    static MultiTaskLoss lossOf(TrainingSettings settings, double[] positiveWeights) {
        MultiTaskLoss plain = lossOf(settings.tasks(), positiveWeights);
        boolean absolute = settings.options().regressionLoss()
                == TrainingOptions.RegressionLoss.ABSOLUTE;
        int tasks = plain.tasks();
        boolean[] binary = new boolean[tasks];
        double[] weights = new double[tasks];
        double[] positives = new double[tasks];
        boolean[] absolutes = new boolean[tasks];
        for (int t = 0; t < tasks; t++) {
            binary[t] = plain.isBinary(t);
            weights[t] = plain.weight(t);
            positives[t] = plain.positiveWeight(t);
            absolutes[t] = absolute && !binary[t];
        }
        return new MultiTaskLoss(binary, weights, positives, absolutes);
    }

    static MultiTaskLoss lossOf(List<TaskSpec> tasks, double[] positiveWeights) {
        boolean[] binary = new boolean[tasks.size()];
        double[] weights = new double[tasks.size()];
        double[] positives = new double[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            binary[t] = tasks.get(t).isBinary();
            weights[t] = tasks.get(t).weight();
            positives[t] = binary[t] && positiveWeights[t] > 0 ? positiveWeights[t] : 1;
        }
        return new MultiTaskLoss(binary, weights, positives);
    }
}
