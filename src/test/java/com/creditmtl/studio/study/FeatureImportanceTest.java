package com.creditmtl.studio.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.eval.PermutationImportance;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On the trained synthetic study: default risk driven by driver, noise read by nothing. */
class FeatureImportanceTest {

    private static List<PermutationImportance.Task> importance;

    @BeforeAll
    static void compute() {
        importance = FeatureImportance.onValidation(DriverStudy.study(), DriverStudy.table());
    }

    @Test
    void everyTaskGetsEveryOriginalColumn() {
        assertEquals(List.of("default_probability", "overdue_days", "overdue_amount"),
                importance.stream().map(PermutationImportance.Task::task).toList());
        for (PermutationImportance.Task task : importance) {
            assertEquals(5, task.features().size());
        }
    }

    @Test
    void driverRanksFirstForDefault() {
        PermutationImportance.Task risk = importance.get(0);

        assertEquals("driver", risk.features().get(0).feature());
        assertTrue(risk.feature("driver").mean() > 0.1,
                "AUC drop " + risk.feature("driver").mean());
    }

    @Test
    void noiseMattersNearlyNothing() {
        PermutationImportance.Task risk = importance.get(0);
        PermutationImportance.Feature noise = risk.feature("noise");

        assertEquals(0, noise.mean(), 0.01, "AUC drop of noise");
        assertTrue(noise.mean() < risk.feature("driver").mean() / 20);
        PermutationImportance.Task days = importance.get(1);
        assertEquals("driver", days.features().get(0).feature());
        assertTrue(Math.abs(days.feature("noise").mean()) < days.feature("driver").mean() / 20);
    }
}
