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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Builds the multi-task network: the applicant's features feed one shared dense ReLU layer, and
 * each task has its own one-unit head on it (sigmoid with binary cross-entropy for a binary task,
 * identity with squared error for a regression task).
 *
 * <p>A {@code ComputationGraph} adds its output layers' losses with equal weight, so each task's
 * weight is carried by its loss function's per-output weight array: with one output unit that is
 * exactly a factor on both the head's loss and its gradient, and a weight of zero leaves the head
 * untrained. The heads are named {@code head_0 … head_n} in task order.
 */
public final class MultiTaskNetworkFactory {

    public static final String INPUT = "features";
    public static final String SHARED = "shared";

    private MultiTaskNetworkFactory() {
    }

    public static String headName(int task) {
        return "head_" + task;
    }

    public static ComputationGraph build(int inputs, TrainingSettings settings) {
        NativeRuntime.configure();
        List<TaskSpec> tasks = settings.tasks();

        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
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
                        .build(), INPUT);

        String[] heads = new String[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            TaskSpec task = tasks.get(t);
            heads[t] = headName(t);
            graph.addLayer(heads[t], new OutputLayer.Builder(weightedLoss(task))
                    .nIn(settings.hiddenUnits())
                    .nOut(1)
                    .activation(task.isBinary() ? Activation.SIGMOID : Activation.IDENTITY)
                    .build(), SHARED);
        }
        graph.setOutputs(heads);

        Nd4j.getRandom().setSeed(settings.seed());
        ComputationGraph network = new ComputationGraph(graph.build());
        network.init();
        return network;
    }

    /** The task's loss scaled by its weight. */
    static ILossFunction weightedLoss(TaskSpec task) {
        INDArray weight = Nd4j.create(new float[] {(float) task.weight()}, new long[] {1, 1},
                DataType.FLOAT);
        return task.isBinary() ? new LossBinaryXENT(weight) : new LossMSE(weight);
    }

    /** The task's loss without its weight, for reporting raw losses. */
    static ILossFunction rawLoss(TaskSpec task) {
        return task.isBinary() ? new LossBinaryXENT() : new LossMSE();
    }
}
