package com.creditmtl.studio.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.TaskDefinition;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.model.TrainingOptions;
import com.creditmtl.studio.model.TrainingSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentTest {

    private static final List<TaskSpec> TASKS = List.of(
            new TaskSpec("bad", TaskType.BINARY, 0.7),
            new TaskSpec("days", TaskType.REGRESSION, 0.3));

    @TempDir
    Path folder;

    @Test
    void writtenAndReadExperimentHasEqualSettingsAndImport() throws Exception {
        TrainingSettings settings = TrainingSettings.defaults(TASKS)
                .withHiddenLayers(List.of(32, 16)).withEpochs(7).withSeed(99)
                .withOptions(TrainingOptions.DEFAULT.withDropout(0.2).withL2(0.001)
                        .withBalancing(TrainingOptions.TaskBalancing.DYNAMIC_WEIGHT_AVERAGE)
                        .withRegressionLoss(TrainingOptions.RegressionLoss.SQUARED));
        ImportOptions imported = ImportOptions.builder().delimiter(';')
                .tasks(List.of(TaskDefinition.parse("bad:binary"))).build();
        Path file = folder.resolve("run.json");

        new Experiment("data/small.csv", imported, settings).write(file);
        Experiment read = Experiment.read(file);

        assertEquals(settings, read.settings());
        assertEquals(imported, read.importOptions());
        assertEquals(folder.resolve("data/small.csv"), read.dataPath(file));
    }

    @Test
    void automaticL2IsWrittenAsAutoAndReadBack() throws Exception {
        Experiment experiment = new Experiment("/tmp/a.csv", null,
                TrainingSettings.defaults(TASKS));

        assertTrue(experiment.toJson().contains("\"l2\" : \"auto\""), experiment.toJson());
        Experiment read = Experiment.fromJson(experiment.toJson());
        assertTrue(read.settings().options().isAutoL2());
        assertNull(read.importOptions());
    }

    @Test
    void missingOptionsTakeTheProductDefaults() throws Exception {
        Experiment read = Experiment.fromJson("{\"data_file\": \"x.csv\", \"training\": "
                + "{\"tasks\": [{\"name\": \"bad\", \"type\": \"binary\", \"weight\": 1}]}}");

        assertEquals(TrainingSettings.defaults(List.of(TASKS.get(0).withWeight(1))),
                read.settings());
    }

    @Test
    void invalidValueIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Experiment.fromJson("{\"data_file\": \"x.csv\", \"training\": {\"tasks\": "
                        + "[{\"name\": \"bad\", \"type\": \"binary\", \"weight\": 1}], "
                        + "\"epochs\": 0}}"));
        assertTrue(e.getMessage().contains("epochs"), e.getMessage());
    }
}
