package com.creditmtl.studio.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.model.TrainingSettings;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log-copy option kept in study and experiment files, and read from older ones. */
class LogCopySettingsTest {

    private static final List<TaskSpec> TASKS = List.of(
            new TaskSpec("default_probability", TaskType.BINARY, 1));

    @Test
    void studyFileKeepsTheOptionBothWays() {
        TrainingSettings on = TrainingSettings.defaults(TASKS);
        TrainingSettings off = on.withOptions(on.options().withLogCopies(false));

        ObjectNode onJson = SavedStudy.settingsJson(on, 3);
        ObjectNode offJson = SavedStudy.settingsJson(off, 3);

        assertTrue(onJson.path("options").path("log_copies").asBoolean());
        assertEquals(on, StudyRestorer.settings(onJson));
        assertEquals(off, StudyRestorer.settings(offJson));
    }

    @Test
    void studyFileWrittenBeforeTheOptionReadsAsWithoutCopies() {
        ObjectNode json = SavedStudy.settingsJson(TrainingSettings.defaults(TASKS), 3);
        ((ObjectNode) json.get("options")).remove("log_copies");

        assertFalse(StudyRestorer.settings(json).options().logCopies());
    }

    @Test
    void experimentKeepsTheOptionAndTakesTheDefaultWhenItIsMissing() throws Exception {
        TrainingSettings off = TrainingSettings.defaults(TASKS);
        off = off.withOptions(off.options().withLogCopies(false));
        String written = new Experiment("credit.csv", null, off).toJson();

        assertTrue(written.contains("\"log_copies\" : false")
                || written.contains("\"log_copies\":false"), written);
        assertFalse(Experiment.fromJson(written).settings().options().logCopies());
        assertTrue(Experiment.fromJson(written.replaceAll("\"log_copies\"\\s*:\\s*false,?", ""))
                .settings().options().logCopies());
    }
}
