package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.study.StudyTrainer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Habits of a desktop program, headless: the window's place, size and language come back in
 * the next session, and a finished training says so in the notification strip.
 */
class DesktopHabitsTest extends WindowTestBase {

    @TempDir
    static Path folder;

    @Start
    void start(Stage stage) {
        showWindow(stage);
    }

    @Override
    protected double sceneWidth() {
        return 1100;
    }

    @Override
    protected double sceneHeight() {
        return 700;
    }

    @Test
    void placeSizeAndLanguageComeBackInTheNextSession(FxRobot robot) {
        Preferences node = Preferences.userRoot().node("com/creditmtl/studio-tests/habits");
        StudioPreferences preferences = new StudioPreferences(node);
        try {
            robot.interact(() -> {
                stage.setX(40);
                stage.setY(30);
                stage.setWidth(1010);
                stage.setHeight(690);
                model.i18n().localeProperty().set(Locale.SIMPLIFIED_CHINESE);
                preferences.save(model, stage);
            });

            MainViewModel next = new MainViewModel(new CsvImporter(), new StudyTrainer(),
                    r -> { });
            Stage[] nextStage = new Stage[1];
            robot.interact(() -> {
                preferences.restore(next);
                nextStage[0] = new Stage();
                nextStage[0].setScene(new Scene(new Label("next"), 300, 200));
                preferences.restore(nextStage[0]);
            });

            assertEquals(Locale.SIMPLIFIED_CHINESE, next.i18n().locale());
            assertEquals(1010, nextStage[0].getWidth(), 0.5);
            assertEquals(690, nextStage[0].getHeight(), 0.5);
            assertEquals(40, nextStage[0].getX(), 0.5);
            assertEquals(30, nextStage[0].getY(), 0.5);
        } finally {
            preferences.clear();
        }
    }

    @Test
    void aLanguageChosenIsKeptWithoutClosingTheWindow(FxRobot robot) throws Exception {
        Preferences node = Preferences.userRoot().node("com/creditmtl/studio-tests/at-once");
        StudioPreferences preferences = new StudioPreferences(node);
        try {
            robot.interact(() -> {
                model.i18n().localeProperty().set(Locale.ENGLISH);
                preferences.saveOnChange(model, stage);
                model.i18n().localeProperty().set(Locale.SIMPLIFIED_CHINESE);
            });

            // read back from the store, as a new session would after the program was killed
            node.sync();
            assertEquals("zh-CN", node.get("language", ""));
            robot.interact(() -> model.teachingModeProperty().set(true));
            assertTrue(node.getBoolean("teachingMode", false));
        } finally {
            robot.interact(() -> {
                model.i18n().localeProperty().set(Locale.ENGLISH);
                model.teachingModeProperty().set(false);
            });
            preferences.clear();
        }
    }

    @Test
    void windowSizeOfAnotherScreenIsNotRestoredOffScreen(FxRobot robot) {
        Preferences node = Preferences.userRoot().node("com/creditmtl/studio-tests/habits-off");
        StudioPreferences preferences = new StudioPreferences(node);
        try {
            node.putDouble("x", 50_000);
            node.putDouble("y", 50_000);
            node.putDouble("width", 900);
            node.putDouble("height", 650);
            Stage[] next = new Stage[1];
            robot.interact(() -> {
                next[0] = new Stage();
                next[0].setScene(new Scene(new Label("next"), 300, 200));
                next[0].setX(10);
                next[0].setY(20);
                preferences.restore(next[0]);
            });
            assertEquals(900, next[0].getWidth(), 0.5);
            assertEquals(10, next[0].getX(), 0.5);
            assertEquals(20, next[0].getY(), 0.5);
        } finally {
            preferences.clear();
        }
    }

    @Test
    void ctrlAndADigitShowTheTabsInTheWorkflowsOrder(FxRobot robot) {
        TabPane tabs = robot.lookup("#tabs").query();
        robot.clickOn("#tabs");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        assertEquals("tab-applicants", tabs.getSelectionModel().getSelectedItem().getId());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        assertEquals("tab-tasks-and-model", tabs.getSelectionModel().getSelectedItem().getId());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT6).release(KeyCode.CONTROL);
        assertEquals("tab-trade-offs", tabs.getSelectionModel().getSelectedItem().getId());
    }

    @Test
    void cancelledRetrainKeepsTheModelTrainedBefore(FxRobot robot) throws Exception {
        SmallTable.importInto(model, folder, "keep.csv", 200, 4);
        robot.interact(() -> {
            model.settings().epochsProperty().set(2);
            view.train();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.studyProperty().get() != null
                && !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        var first = model.studyProperty().get();
        int applicants = model.applicants().size();
        assertTrue(applicants > 0);

        robot.interact(() -> {
            model.settings().epochsProperty().set(5_000);
            model.settings().patienceProperty().set(0);
            view.train();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.epochReports().isEmpty());
        robot.interact(model::cancel);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> model.stateProperty().get() == StudioState.CANCELLED);

        assertTrue(first == model.studyProperty().get(), "the first run's study is kept");
        assertEquals(applicants, model.applicants().size());
        assertEquals("Training cancelled; the model trained before stays the current one",
                model.statusProperty().get());
    }

    @Test
    void finishedTrainingShowsANotification(FxRobot robot) throws Exception {
        SmallTable.importInto(model, folder, "habits.csv", 200, 3);
        NotificationPane notifications = robot.lookup("#notificationPane").query();
        robot.interact(() -> {
            notifications.hide();
            model.settings().epochsProperty().set(2);
            view.train();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.studyProperty().get() != null
                && !model.busyProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, notifications::isShowing);

        assertTrue(notifications.getText().contains("2"), notifications.getText());
        assertTrue(notifications.getText().contains("bad"), notifications.getText());
    }
}
