package com.creditmtl.studio.study;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.RefusedException;
import com.creditmtl.studio.data.TaskDefinition;
import com.creditmtl.studio.prep.StratifiedFolds;
import com.creditmtl.studio.eval.EvaluationOptions;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossValidationTest {

    @TempDir
    Path folder;

    @Test
    void summaryIsMeanAndSampleSdOfTheDefinedValues() {
        CrossValidation.Summary summary = CrossValidation.Summary.of(
                List.of(1.0, 2.0, 3.0, Double.NaN));

        assertEquals(2, summary.mean(), 1e-12);
        assertEquals(1, summary.sd(), 1e-12);
        assertEquals(4, summary.values().size());
    }

    @Test
    void everyFoldIsTestedOnceAndSummarised() throws Exception {
        Path file = folder.resolve("synthetic.csv");
        Files.writeString(file, StudyTrainerTest.syntheticCsv(600, 4), UTF_8);
        CreditTable table = new CsvImporter().importFile(file);
        TrainingSettings settings = TrainingSettings.defaults(table.tasks()).withEpochs(2)
                .withBatchSize(64);

        CrossValidation.Result result = new CrossValidation(
                EvaluationOptions.DEFAULT.withResamples(100)).run(table, settings, Set.of(), 3,
                Progress.NONE, () -> false);

        assertEquals(3, result.perFold().size());
        int first = 0;
        for (List<TaskMetrics> fold : result.perFold()) {
            first += fold.get(0).rows();
        }
        assertTrue(first <= 600 && first > 500, "rows tested " + first);
        CrossValidation.Summary auc = result.tasks().get(0).metrics().get("auc");
        double mean = result.perFold().stream().mapToDouble(f -> f.get(0).auc()).average()
                .orElseThrow();
        assertEquals(mean, auc.mean(), 1e-12);
    }

    /** A file of 105 positives, 300 negatives and 7 masked labels, with a regression target. */
    private CreditTable labelled(String... tasks) throws Exception {
        StringBuilder csv = new StringBuilder("x,bad,days\n");
        for (int r = 0; r < 412; r++) {
            String label = r < 105 ? "1" : r < 405 ? "0" : "";
            csv.append(r % 17).append(".5,").append(label).append(',').append(r % 30)
                    .append('\n');
        }
        Path file = folder.resolve("labelled.csv");
        Files.writeString(file, csv, UTF_8);
        ImportOptions options = ImportOptions.builder()
                .tasks(List.of(tasks).stream().map(TaskDefinition::parse).toList()).build();
        return new CsvImporter().read(file, options).table();
    }

    @Test
    void foldLimitLeavesEveryTestFoldTenOfTheRarerClass() throws Exception {
        CreditTable table = labelled("days:regression", "bad:binary");

        CrossValidation.FoldLimit limit = CrossValidation.foldLimit(table, table.tasks());

        // 105 positives: ten folds hold 10 or 11 each, eleven would leave some with 9
        assertEquals(10, limit.maxFolds());
        assertEquals("the binary task bad has 105 positives and 300 negatives, and every test "
                + "fold needs at least 10 of each", limit.reason());
        double[] labels = table.target("bad", table.allRows());
        assertEquals(10, fewestPositives(labels, 10));
        assertEquals(9, fewestPositives(labels, 11));
    }

    @Test
    void runRefusesMoreFoldsThanTheLimitBeforeTrainingAnyFold() throws Exception {
        CreditTable table = labelled("days:regression", "bad:binary");
        TrainingSettings settings = TrainingSettings.defaults(table.tasks()).withEpochs(1);
        List<String> stages = new java.util.ArrayList<>();

        RefusedException refused = assertThrows(RefusedException.class,
                () -> new CrossValidation(EvaluationOptions.DEFAULT).run(table, settings,
                        Set.of(), 11, (stage, done) -> stages.add(stage), () -> false));

        assertEquals("11 folds are too many for this table: the binary task bad has 105 "
                + "positives and 300 negatives, and every test fold needs at least 10 of each; "
                + "so at most 10 folds", refused.getMessage());
        assertEquals(List.of(11, 10), refused.sentence().args());
        assertTrue(stages.isEmpty(), "no fold began: " + stages);
    }

    @Test
    void aTableWithTooFewPositivesForTwoFoldsIsRefusedAsTooSmall() throws Exception {
        StringBuilder csv = new StringBuilder("x,default_probability\n");
        for (int r = 0; r < 60; r++) {
            csv.append(r % 7).append(',').append(r < 15 ? 1 : 0).append('\n');
        }
        Path file = folder.resolve("few.csv");
        Files.writeString(file, csv, UTF_8);
        CreditTable table = new CsvImporter().importFile(file);
        TrainingSettings settings = TrainingSettings.defaults(table.tasks()).withEpochs(1);

        RefusedException refused = assertThrows(RefusedException.class,
                () -> new CrossValidation(EvaluationOptions.DEFAULT).run(table, settings,
                        Set.of(), 2, Progress.NONE, () -> false));

        assertEquals("this table is too small to cross-validate: the binary task "
                + "default_probability has 15 "
                + "positives and 45 negatives, and every test fold needs at least 10 of each, "
                + "and 2 folds are the fewest", refused.getMessage());
    }

    private static int fewestPositives(double[] labels, int k) {
        StratifiedFolds folds = new StratifiedFolds(labels.length, labels, k, 0.2, 7);
        int fewest = Integer.MAX_VALUE;
        for (int f = 0; f < k; f++) {
            int positives = 0;
            for (int row : folds.fold(f)) {
                positives += labels[row] == 1 ? 1 : 0;
            }
            fewest = Math.min(fewest, positives);
        }
        return fewest;
    }

    @Test
    void foldLimitWithoutABinaryTaskLeavesEveryTestFoldTwentyRows() throws Exception {
        CreditTable table = labelled("days:regression");

        CrossValidation.FoldLimit limit = CrossValidation.foldLimit(table, table.tasks());

        assertEquals(20, limit.maxFolds());
        assertEquals("with no binary task every test fold needs at least 20 of the 412 rows",
                limit.reason());
    }
}
