package com.creditmtl.studio.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.model.MultiTaskNetworkFactory;
import com.creditmtl.studio.model.TrainingSettings;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Untrained networks of the factory: random weights give many switching units on a path. */
class IntegratedGradientsTest {

    private static final int INPUTS = 7;
    private static final List<TaskSpec> TASKS = List.of(
            new TaskSpec("default_probability", TaskType.BINARY, 1),
            new TaskSpec("overdue_days", TaskType.REGRESSION, 1));

    private static ComputationGraph network(int layers) {
        List<Integer> widths = List.of(32, 16, 8).subList(0, layers);
        TrainingSettings settings = TrainingSettings.reference(TASKS).withHiddenLayers(widths)
                .withSeed(layers + 1);
        return MultiTaskNetworkFactory.build(INPUTS, settings);
    }

    private static double[] row(Random random) {
        double[] row = new double[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            row[i] = 2 * random.nextGaussian();
        }
        return row;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }

    @ParameterizedTest(name = "{0} shared layers")
    @ValueSource(ints = {0, 1, 2, 3})
    void exactAttributionsAddUpToTheChangeOfTheLogit(int layers) {
        IntegratedGradients gradients = new IntegratedGradients(network(layers), 0);
        Random random = new Random(layers);
        for (int k = 0; k < 20; k++) {
            double[] x = row(random);
            double[] r = row(random);

            double[] attributions = gradients.exactAttributions(x, r);

            double change = gradients.logit(x) - gradients.logit(r);
            assertEquals(change, sum(attributions), 1e-9 * (1 + Math.abs(change)));
        }
    }

    @ParameterizedTest(name = "{0} shared layers")
    @ValueSource(ints = {1, 2})
    void midpointSumApproachesTheExactIntegral(int layers) {
        IntegratedGradients gradients = new IntegratedGradients(network(layers), 0);
        Random random = new Random(10 + layers);
        double[] x = row(random);
        double[] r = row(random);

        double[] exact = gradients.exactAttributions(x, r);
        double[] coarse = gradients.attributions(x, r, 5);
        double[] fine = gradients.attributions(x, r, 5_000);

        double coarseError = 0;
        for (int i = 0; i < INPUTS; i++) {
            assertEquals(exact[i], fine[i], 2e-3 * (1 + Math.abs(exact[i])), "input " + i);
            coarseError += Math.abs(exact[i] - coarse[i]);
        }
        assertTrue(coarseError > 1e-4, "5 steps should miss the kinks: " + coarseError);
    }

    @ParameterizedTest(name = "task {0}")
    @ValueSource(ints = {0, 1})
    void logitFromTheWeightsMatchesTheNetwork(int task) {
        ComputationGraph network = network(2);
        IntegratedGradients gradients = new IntegratedGradients(network, task);
        double[] x = row(new Random(5));

        double output = network.outputSingle(false,
                Nd4j.create(x, new long[] {1, INPUTS}, DataType.FLOAT)).getDouble(0, task);

        assertEquals(output, gradients.logit(x), 1e-4);
    }

    @ParameterizedTest(name = "input {0}")
    @ValueSource(ints = {0, 3, 6})
    void gradientMatchesFiniteDifferences(int input) {
        IntegratedGradients gradients = new IntegratedGradients(network(2), 0);
        double[] x = row(new Random(6));
        double h = 1e-6;
        double[] up = x.clone();
        double[] down = x.clone();
        up[input] += h;
        down[input] -= h;

        double slope = (gradients.logit(up) - gradients.logit(down)) / (2 * h);

        assertEquals(slope, gradients.gradient(x)[input], 1e-5);
    }
}
