package com.creditmtl.studio.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.creditmtl.studio.data.TaskSpec;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ParameterAverageTest {

    private static final List<TaskSpec> TASKS = SyntheticTasks.tasks(0.5, 0.25, 0.25);

    @Test
    void averageFollowsTheParametersWithALowDecayAtFirst() {
        INDArray parameters = Nd4j.createFromArray(new float[] {0, 4});
        ParameterAverage average = new ParameterAverage(parameters, 0.9);

        parameters.assign(Nd4j.createFromArray(new float[] {1, 2}));
        average.update();
        double first = 2.0 / 11;
        average.swap();

        assertEquals((1 - first) * 1, parameters.getDouble(0), 1e-6);
        assertEquals(first * 4 + (1 - first) * 2, parameters.getDouble(1), 1e-6);
        average.swap();
        assertArrayEquals(new float[] {1, 2}, parameters.toFloatVector(), 0);
    }

    @Test
    void decayReachesTheChosenValueOnceTheStepsAreMany() {
        INDArray parameters = Nd4j.createFromArray(new float[] {0});
        ParameterAverage average = new ParameterAverage(parameters, 0.5);
        for (int k = 0; k < 20; k++) {
            average.update();
        }
        parameters.assign(8);

        average.update();
        average.swap();

        assertEquals(4, parameters.getDouble(0), 1e-6);
    }

    @Test
    void spanInEpochsSetsTheDecayFromTheStepsPerEpoch() {
        TrainingSettings settings = SyntheticTasks.settings(TASKS, 1, 32, 3)
                .withOptions(TrainingOptions.NONE.withAveraging(1.5));

        assertEquals(1 - 1 / (1.5 * 675), new MultiTaskTrainer(settings).averagingDecay(21_600),
                1e-12);
        assertEquals(1 - 1 / (1.5 * 23), new MultiTaskTrainer(settings).averagingDecay(720),
                1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.NONE.withAveraging(-1));
    }

    @Test
    void trainerLeavesTheAveragedNetworkWhoseLossItReports() {
        SyntheticTasks data = SyntheticTasks.create(TASKS, 300, 100);
        TrainingSettings plain = SyntheticTasks.settings(TASKS, 4, 16, 9);
        TrainingSettings averaged = plain.withOptions(TrainingOptions.NONE.withAveraging(2));
        ComputationGraph withAverage = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES,
                averaged);
        ComputationGraph without = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES, plain);

        List<EpochReport> history = new MultiTaskTrainer(averaged).train(withAverage,
                data.train, data.validation, r -> { }, () -> false);
        new MultiTaskTrainer(plain).train(without, data.train, data.validation, r -> { },
                () -> false);

        double[] left = MultiTaskNetworkFactory.loss(withAverage).meanLossPerTask(
                data.validation.labels(), withAverage.outputSingle(false,
                        data.validation.features()), null);
        for (int t = 0; t < TASKS.size(); t++) {
            assertEquals(history.get(3).losses().get(t).validationLoss(), left[t], 1e-6);
        }
        assertFalse(withAverage.params().equalsWithEps(without.params(), 1e-4));
    }
}
