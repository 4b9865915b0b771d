package com.creditmtl.studio.study;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.eval.EvaluationOptions;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.TrainingCancelledException;
import com.creditmtl.studio.model.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelComparisonTest {

    private static final EvaluationOptions FAST = EvaluationOptions.DEFAULT.withResamples(200);

    @TempDir
    static Path folder;

    private static CreditTable table;
    private static TrainingSettings settings;
    private static ModelComparison.Result result;

    @BeforeAll
    static void compareOnce() throws Exception {
        Path file = folder.resolve("synthetic.csv");
        Files.writeString(file, StudyTrainerTest.syntheticCsv(800, 3), UTF_8);
        table = new CsvImporter().importFile(file);
        settings = TrainingSettings.defaults(table.tasks()).withEpochs(3).withBatchSize(64)
                .withLearningRate(0.01);
        result = new ModelComparison(FAST).compare(table, settings, Set.of(), Progress.NONE,
                () -> false);
    }

    @Test
    void everyTaskHasThreeModelsOnTheSameTestRows() {
        assertEquals(table.tasks().size(), result.tasks().size());
        for (ModelComparison.TaskComparison task : result.tasks()) {
            int rows = task.multiTask().rows();
            assertEquals(rows, task.singleTask().rows(), task.task());
            assertEquals(rows, task.linear().rows(), task.task());
        }
    }

    @Test
    void differenceIsMultiTaskMinusBaselineOnTheMeasure() {
        for (ModelComparison.TaskComparison task : result.tasks()) {
            TaskMetrics multi = task.multiTask();
            TaskMetrics single = task.singleTask();
            double expected = task.type().name().equals("BINARY") ? multi.auc() - single.auc()
                    : multi.mae() - single.mae();
            assertEquals(expected, task.versusSingle(), 1e-12, task.task());
            assertTrue(task.versusSingleInterval().contains(task.versusSingle()),
                    task.task() + " " + task.versusSingleInterval());
        }
    }

    @Test
    void oneTaskAloneGivesNoDifferenceToItsSingleTaskNetwork() {
        TrainingSettings alone = settings.withTasks(
                List.of(settings.tasks().get(0).withWeight(1)));

        ModelComparison.TaskComparison task = new ModelComparison(FAST).compare(table, alone,
                Set.of(), Progress.NONE, () -> false).tasks().get(0);

        assertEquals(0, task.versusSingle(), 0);
        assertEquals(0, task.versusSingleInterval().low(), 0);
        assertEquals(0, task.versusSingleInterval().high(), 0);
        assertTrue(task.verdict().startsWith("no clear difference"), task.verdict());
    }

    @Test
    void cancellingStopsTheComparison() {
        assertThrows(TrainingCancelledException.class, () -> new ModelComparison(FAST)
                .compare(table, settings, Set.of(), Progress.NONE, () -> true));
    }

    @Test
    void oneTaskTrainsNoSecondNetworkAndSaysTheSingleTaskOneIsTheSame() {
        TrainingSettings one = settings.withTasks(List.of(settings.tasks().get(0)));
        List<String> stages = new java.util.ArrayList<>();

        ModelComparison.Result alone = new ModelComparison(FAST).compare(table, one, Set.of(),
                (stage, done) -> stages.add(stage), () -> false);

        String task = one.tasks().get(0).name();
        assertEquals(List.of(ModelComparison.MULTI_TASK, ModelComparison.LINEAR + " " + task,
                "done"), stages);
        assertTrue(alone.singleTaskIsMultiTask());
        assertTrue(!result.singleTaskIsMultiTask());
        ModelComparison.TaskComparison comparison = alone.tasks().get(0);
        assertEquals(comparison.multiTask(), comparison.singleTask());
        assertEquals(0, comparison.versusSingle(), 0);
    }
}
