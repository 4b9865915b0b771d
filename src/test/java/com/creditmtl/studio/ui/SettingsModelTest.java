package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.model.TrainingSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsModelTest {

    private static final List<TaskSpec> TASKS = List.of(
            new TaskSpec("bad", TaskType.BINARY, 0.5),
            new TaskSpec("days", TaskType.REGRESSION, 0.5));

    @Test
    void newModelDescribesTheProductDefaults() {
        assertEquals(TrainingSettings.defaults(TASKS), new SettingsModel().toSettings(TASKS));
    }

    @Test
    void logCopiesAreOnByDefaultCanBeTurnedOffAndAreRemembered() throws Exception {
        SettingsModel model = new SettingsModel();
        assertTrue(model.toSettings(TASKS).options().logCopies());

        model.logCopiesProperty().set(false);
        assertFalse(model.toSettings(TASKS).options().logCopies());

        java.util.prefs.Preferences node = java.util.prefs.Preferences.userRoot()
                .node("com/creditmtl/studio-tests/settings-log-copies");
        try {
            model.store(node);
            SettingsModel next = new SettingsModel();
            next.load(node);
            assertFalse(next.logCopiesProperty().get());
            assertFalse(next.toSettings(TASKS).options().logCopies());
        } finally {
            node.removeNode();
        }

        SettingsModel reopened = new SettingsModel();
        reopened.apply(model.toSettings(TASKS));
        assertFalse(reopened.logCopiesProperty().get());
    }

    @Test
    void epochsOfZeroAreRefusedAndTheOldValueKept() {
        SettingsModel model = new SettingsModel();

        assertFalse(model.commitInt(model.epochsProperty(), "Epochs", "0", 1, 10_000));

        assertEquals(TrainingSettings.DEFAULT_EPOCHS, model.epochsProperty().get());
        assertEquals("Epochs must lie between 1 and 10000, not 0",
                model.problemProperty().get());
    }

    @Test
    void textThatIsNoNumberIsRefusedNamingIt() {
        SettingsModel model = new SettingsModel();

        assertFalse(model.commitDouble(model.dropoutProperty(), "Dropout", "half", 0, false, 1,
                true));

        assertEquals("Dropout must be a number, not \"half\"", model.problemProperty().get());
    }

    @Test
    void openBoundIsRefusedAndAValueInsideTakenClearingTheProblem() {
        SettingsModel model = new SettingsModel();

        assertFalse(model.commitDouble(model.rateDecayProperty(), "Rate decay", "0", 0, true, 1,
                false));
        assertTrue(model.commitDouble(model.rateDecayProperty(), "Rate decay", "1", 0, true, 1,
                false));

        assertEquals(1.0, model.rateDecayProperty().get());
        assertNull(model.problemProperty().get());
    }

    @Test
    void allWeightsZeroAreRefusedWhenTheSettingsAreMade() {
        List<TaskSpec> zero = TASKS.stream().map(t -> t.withWeight(0)).toList();
        assertThrows(IllegalArgumentException.class, () -> new SettingsModel().toSettings(zero));
    }

    @Test
    void twoSharedLayersUseTheFirstTwoWidths() {
        SettingsModel model = new SettingsModel();
        model.layersProperty().set(2);
        model.widthProperty(1).set(16);
        model.widthProperty(2).set(8);

        assertEquals(List.of(64, 16), model.toSettings(TASKS).hiddenLayers());
    }
}
