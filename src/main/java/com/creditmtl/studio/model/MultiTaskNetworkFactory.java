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

/**
 * Builds the multi-task network: the applicant's features feed one shared dense ReLU layer, and
 * the task heads sit on it as one output layer with a column per task.
 *
 * <p>A one-unit linear head per task on a shared layer is exactly one dense layer whose column t
 * is head t, so the heads are built that way: column t of the output layer's weights and bias
 * belong to task t alone. The layer's activation is the identity and its loss is a
 * {@link MultiTaskLoss}, which applies each task's own link (sigmoid for a binary task), loss,
 * weight and label mask per column. This gives the same per-task losses and gradients as separate
 * heads, at a third of the per-step cost in DL4J. A binary column therefore outputs a logit; the
 * {@link MultiTaskPredictor} turns it into a probability.
 */
public final class MultiTaskNetworkFactory {

    public static final String INPUT = "features";
    public static final String SHARED = "shared";
    public static final String HEADS = "heads";

    private MultiTaskNetworkFactory() {
    }

    public static ComputationGraph build(int inputs, TrainingSettings settings) {
        NativeRuntime.configure();
        List<TaskSpec> tasks = settings.tasks();

        ComputationGraphConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(settings.learningRate()))
                .graphBuilder()
                .addInputs(INPUT)
                .addLayer(SHARED, new DenseLayer.Builder()
                        .nIn(inputs)
                        .nOut(settings.hiddenUnits())
                        .activation(Activation.RELU)
                        .build(), INPUT)
                .addLayer(HEADS, new OutputLayer.Builder(lossOf(tasks))
                        .nIn(settings.hiddenUnits())
                        .nOut(tasks.size())
                        .activation(Activation.IDENTITY)
                        .build(), SHARED)
                .setOutputs(HEADS)
                .build();

        Nd4j.getRandom().setSeed(settings.seed());
        ComputationGraph network = new ComputationGraph(configuration);
        network.init();
        return network;
    }

    /** The multi-task loss of a network built here; changing its weights reweights the tasks. */
    public static MultiTaskLoss loss(ComputationGraph network) {
        OutputLayer heads = (OutputLayer) network.getLayer(HEADS).conf().getLayer();
        return (MultiTaskLoss) heads.getLossFn();
    }

    static MultiTaskLoss lossOf(List<TaskSpec> tasks) {
        boolean[] binary = new boolean[tasks.size()];
        double[] weights = new double[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            binary[t] = tasks.get(t).isBinary();
            weights[t] = tasks.get(t).weight();
        }
        return new MultiTaskLoss(binary, weights);
    }
}
