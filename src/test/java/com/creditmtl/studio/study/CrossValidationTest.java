package com.creditmtl.studio.study;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
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
}
