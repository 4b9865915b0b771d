package com.creditmtl.studio.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The prepared product and Adam step compute exactly what ND4J's own calls compute. */
class PreparedStepsTest {

    private static final List<TaskSpec> TASKS = SyntheticTasks.tasks(0.5, 0.25, 0.25);

    @ParameterizedTest(name = "transpose a {0}, transpose b {1}")
    @CsvSource({"false, false", "true, false", "false, true", "true, true"})
    void productEqualsGemmExactlyAndFollowsNewContents(boolean transposeA, boolean transposeB) {
        Nd4j.getRandom().setSeed(7);
        INDArray a = Nd4j.rand(DataType.FLOAT, transposeA ? 5 : 7, transposeA ? 7 : 5);
        INDArray b = Nd4j.rand(DataType.FLOAT, transposeB ? 3 : 5, transposeB ? 5 : 3);
        INDArray c = Nd4j.createUninitialized(DataType.FLOAT, 7, 3);
        PreparedProduct product = new PreparedProduct(a, b, c, transposeA, transposeB);

        product.run();
        assertArrayEquals(Nd4j.gemm(a, b, transposeA, transposeB).data().asFloat(),
                c.data().asFloat());

        // the same arrays with new contents, as the training's buffers get at every step
        a.assign(Nd4j.rand(DataType.FLOAT, a.shape()).subi(0.5));
        b.muli(3);
        product.run();
        assertArrayEquals(Nd4j.gemm(a, b, transposeA, transposeB).data().asFloat(),
                c.data().asFloat());
    }

    @Test
    void productRefusesAViewAsItsResult() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 4, 4);
        INDArray b = Nd4j.rand(DataType.FLOAT, 4, 1);
        INDArray column = Nd4j.create(DataType.FLOAT, 4, 2).getColumn(1).reshape(4, 1);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new PreparedProduct(a, b, column, false, false));
        assertEquals("the result of a product must not be a view", refused.getMessage());
    }

    @ParameterizedTest(name = "L2 {0}, rate decay {1}")
    @CsvSource({"0, 1", "0.01, 1", "0.01, 0.5"})
    void adamStepEqualsTheUpdaterBlocksOwnUpdateExactly(double l2, double decay) {
        TrainingSettings settings = SyntheticTasks.settings(TASKS, 1, 32, 4)
                .withOptions(TrainingOptions.NONE.withL2(l2).withRateDecay(decay))
                .withHiddenLayers(List.of(16, 8));
        ComputationGraph own = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES, settings);
        ComputationGraph prepared = own.clone();
        own.initGradientsView();
        prepared.initGradientsView();
        List<UpdaterBlock> ownBlocks = own.getUpdater().getUpdaterBlocks();
        List<UpdaterBlock> preparedBlocks = prepared.getUpdater().getUpdaterBlocks();
        List<PreparedAdamStep> steps = preparedBlocks.stream()
                .map(PreparedAdamStep::forBlock).toList();
        steps.forEach(step -> assertNotNull(step, "an Adam block with L2 at most is prepared"));

        Nd4j.getRandom().setSeed(11);
        for (int iteration = 0; iteration < 25; iteration++) {
            int epoch = iteration / 10;
            INDArray gradient = Nd4j.rand(DataType.FLOAT, own.getFlattenedGradients().shape())
                    .subi(0.5);
            own.getFlattenedGradients().assign(gradient);
            prepared.getFlattenedGradients().assign(gradient);
            for (int i = 0; i < ownBlocks.size(); i++) {
                ownBlocks.get(i).update(iteration, epoch);
                steps.get(i).update(iteration, epoch);
            }
            assertArrayEquals(own.getFlattenedGradients().data().asFloat(),
                    prepared.getFlattenedGradients().data().asFloat(),
                    "update of iteration " + iteration);
            own.params().subi(own.getFlattenedGradients().reshape(own.params().shape()));
            prepared.params().subi(prepared.getFlattenedGradients()
                    .reshape(prepared.params().shape()));
        }
        assertArrayEquals(own.getUpdater().getStateViewArray().data().asFloat(),
                prepared.getUpdater().getStateViewArray().data().asFloat(),
                "Adam's moment estimates");
        assertFalse(own.params().equals(MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES,
                settings).params()), "the updates moved the parameters");
    }

    @Test
    void adamStepDeclinesAnotherUpdater() {
        ComputationGraph network = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES,
                SyntheticTasks.settings(TASKS, 1, 32, 4));
        UpdaterBlock block = network.getUpdater().getUpdaterBlocks().get(0);
        block.setGradientUpdater(new org.nd4j.linalg.learning.config.Sgd(0.1)
                .instantiate((INDArray) null, false));

        assertNull(PreparedAdamStep.forBlock(block));
    }
}
