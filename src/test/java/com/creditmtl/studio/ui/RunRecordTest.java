package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.model.TrainingSettings;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RunRecordTest {

    private static final List<TaskSpec> TASKS = List.of(
            new TaskSpec("bad", TaskType.BINARY, 0.5),
            new TaskSpec("days", TaskType.REGRESSION, 0.5));

    @Test
    void comparisonMarksOnlyTheSettingsThatDiffer() {
        TrainingSettings settings = TrainingSettings.defaults(TASKS);
        RunRecord first = new RunRecord(1, settings, false, StudioState.DONE, 10, 2.0, List.of());
        RunRecord second = new RunRecord(2, settings.withTasks(List.of(TASKS.get(0),
                TASKS.get(1).withWeight(0.9))), false, StudioState.DONE, 10, 2.0, List.of());

        Map<String, RunRecord.Comparison> rows = RunRecord.compare(first, second).stream()
                .collect(Collectors.toMap(RunRecord.Comparison::name, row -> row));

        assertTrue(rows.get("Weight days").differs());
        assertEquals("0.50", rows.get("Weight days").first());
        assertEquals("0.90", rows.get("Weight days").second());
        assertFalse(rows.get("Seed").differs());
        assertEquals("automatic", rows.get("L2").first());
    }
}
