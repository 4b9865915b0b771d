package com.creditmtl.studio.study;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.eval.EvaluationOptions;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.TrainingOptions;
import com.creditmtl.studio.model.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison's and cross-validation's multi-task model is the one train would give. */
class ModelFitterTest {

    @TempDir
    Path folder;

    @Test
    void fittingAPreparedTableMatchesTheStudyTrainerWithTrainingOptions() throws Exception {
        Path file = folder.resolve("synthetic.csv");
        Files.writeString(file, StudyTrainerTest.syntheticCsv(600, 8), UTF_8);
        CreditTable table = new CsvImporter().importFile(file);
        TrainingSettings settings = TrainingSettings.defaults(table.tasks()).withEpochs(2)
                .withBatchSize(64).withOptions(TrainingOptions.NONE.withLogTargets(true)
                        .withClassWeights(true));

        Study study = new StudyTrainer().train(table, settings, report -> { }, () -> false);
        List<TaskMetrics> fitted = ModelFitter.fit(StudyTrainer.prepare(table, settings,
                Set.of()), settings, EvaluationOptions.DEFAULT, () -> false).test();

        for (int t = 0; t < fitted.size(); t++) {
            TaskMetrics expected = study.metrics().get(t);
            assertEquals(expected.auc(), fitted.get(t).auc(), 0, expected.task());
            assertEquals(expected.mae(), fitted.get(t).mae(), 0, expected.task());
        }
    }
}
