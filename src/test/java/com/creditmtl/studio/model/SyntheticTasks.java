package com.creditmtl.studio.model;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.prep.Preprocessor;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import java.util.Random;

/**
 * Small synthetic three-task data with learnable structure: default depends on x0 and x1, overdue
 * days on x1 and x2, overdue amount on x0 and x3.
 */
final class SyntheticTasks {

    static final int FEATURES = 5;

    final double[][] trainFeatures;
    final double[][] trainTargets;
    final double[][] validationFeatures;
    final double[][] validationTargets;
    final Preprocessor preprocessor;
    final TrainingData train;
    final TrainingData validation;

    private SyntheticTasks(List<TaskSpec> tasks, int trainRows, int validationRows, long seed) {
        Random random = new Random(seed);
        trainFeatures = features(trainRows, random);
        trainTargets = targets(trainFeatures, random);
        validationFeatures = features(validationRows, random);
        validationTargets = targets(validationFeatures, random);
        preprocessor = Preprocessor.fit(trainFeatures, tasks, trainTargets);
        train = TrainingData.of(preprocessor, trainFeatures, trainTargets);
        validation = TrainingData.of(preprocessor, validationFeatures, validationTargets);
    }

    static SyntheticTasks create(List<TaskSpec> tasks, int trainRows, int validationRows) {
        return new SyntheticTasks(tasks, trainRows, validationRows, 2024);
    }

    static List<TaskSpec> tasks(double defaultWeight, double daysWeight, double amountWeight) {
        return List.of(new TaskSpec("default_probability", TaskType.BINARY, defaultWeight),
                new TaskSpec("overdue_days", TaskType.REGRESSION, daysWeight),
                new TaskSpec("overdue_amount", TaskType.REGRESSION, amountWeight));
    }

    /** Small network, few epochs, a fast learning rate. */
    static TrainingSettings settings(List<TaskSpec> tasks, int epochs, int batch, long seed) {
        return new TrainingSettings(tasks, 64, epochs, batch, 0.01, seed, 0.2, 0.1);
    }

    /** Head t's own parameters, a copy: column t of the output layer's weights, then its bias. */
    static INDArray headParameters(ComputationGraph network, int task) {
        org.deeplearning4j.nn.api.Layer heads = network.getLayer(MultiTaskNetworkFactory.HEADS);
        INDArray weights = heads.getParam("W").getColumn(task).reshape(1, -1);
        double bias = heads.getParam("b").reshape(-1).getDouble(task);
        return Nd4j.hstack(weights.dup(), Nd4j.scalar(weights.dataType(), bias).reshape(1, 1));
    }

    private static double[][] features(int rows, Random random) {
        double[][] x = new double[rows][FEATURES];
        for (double[] row : x) {
            row[0] = 100 + 20 * random.nextGaussian();
            row[1] = random.nextGaussian();
            row[2] = 5 * random.nextGaussian();
            row[3] = random.nextDouble() * 1_000;
            row[4] = random.nextGaussian();
        }
        return x;
    }

    private static double[][] targets(double[][] x, Random random) {
        double[][] y = new double[x.length][3];
        for (int r = 0; r < x.length; r++) {
            double logit = -1.2 + 0.08 * (x[r][0] - 100) + 1.5 * x[r][1];
            y[r][0] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            y[r][1] = Math.max(0, 40 + 15 * x[r][1] + 3 * x[r][2] + 5 * random.nextGaussian());
            y[r][2] = Math.max(0, 30_000 + 300 * (x[r][0] - 100) + 10 * x[r][3]
                    + 2_000 * random.nextGaussian());
        }
        return y;
    }
}
