package com.creditmtl.studio.ui;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.TaskDefinition;
import com.creditmtl.studio.model.TrainingOptions;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.study.StudyTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's shell on a small file, headless: teaching mode, experiments, refused values,
 * remembered settings and the place other views go.
 */
@ExtendWith(ApplicationExtension.class)
class ShellTest {

    @TempDir
    static Path folder;

    private ExecutorService executor;
    private MainViewModel model;
    private MainView view;
    private Path data;

    @Start
    void start(Stage stage) {
        executor = StudioApp.backgroundExecutor();
        model = new MainViewModel(new CsvImporter(), new StudyTrainer(), executor);
        view = new MainView(model);
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();
    }

    @BeforeEach
    void importSmallFile() throws Exception {
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("income,debt,bad,days\n");
        for (int r = 0; r < 200; r++) {
            double income = random.nextGaussian();
            double debt = random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%d,%.1f%n", income, debt,
                    debt - income > 0.5 ? 1 : 0, Math.max(0, 10 * debt)));
        }
        data = folder.resolve("small.csv");
        Files.writeString(data, csv, UTF_8);
        ImportOptions options = ImportOptions.builder()
                .tasks(List.of(TaskDefinition.parse("bad:binary"),
                        TaskDefinition.parse("days:regression")))
                .build();
        WaitForAsyncUtils.asyncFx(() -> model.open(data, options)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.tableProperty().get() != null
                && !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void teachingModeHidesTheAdvancedControlsAndKeepsWeightsEpochsAndSeed(FxRobot robot) {
        robot.interact(() -> view.selectTab(MainView.TASKS));
        Node batch = robot.lookup("#batchSpinner").query();
        Node rate = robot.lookup("#rateField").query();
        Node balancing = robot.lookup("#balancingChoice").query();
        Node epochs = robot.lookup("#epochsSpinner").query();
        Node seed = robot.lookup("#seedSpinner").query();
        Node weight = robot.lookup("#weight-bad").query();
        assertTrue(batch.isVisible() && rate.isVisible() && balancing.isVisible());

        robot.interact(() -> model.teachingModeProperty().set(true));

        assertFalse(batch.isVisible());
        assertFalse(rate.isVisible());
        assertFalse(balancing.isVisible());
        assertFalse(batch.isManaged());
        assertTrue(epochs.isVisible() && seed.isVisible() && weight.isVisible());
    }

    @Test
    void automaticL2HidesTheManualValueWhichAManualL2Shows(FxRobot robot) {
        robot.interact(() -> view.selectTab(MainView.TASKS));
        Node field = robot.lookup("#l2Field").query();

        robot.interact(() -> model.settings().autoL2Property().set(true));
        assertFalse(field.isVisible());
        assertFalse(field.isManaged());
        assertTrue(model.currentSettings().options().isAutoL2());

        robot.interact(() -> {
            model.settings().autoL2Property().set(false);
            model.settings().l2Property().set(0.002);
        });
        assertTrue(field.isVisible());
        assertEquals(0.002, model.currentSettings().options().l2(), 1e-12);
        assertEquals("0.002", ((TextField) field).getText());
        robot.interact(() -> model.settings().l2Property().set(1e-4));
        assertEquals("0.0001", ((TextField) field).getText());
        assertEquals("1.0", TasksModelView.plain(1));
        assertEquals("0.0", TasksModelView.plain(0));
        assertEquals("0.25", TasksModelView.plain(0.25));
    }

    @Test
    void savedAndReopenedExperimentGivesTheSameSettings(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.tasks().get(0).weightProperty().set(0.8);
            SettingsModel settings = model.settings();
            settings.epochsProperty().set(7);
            settings.seedProperty().set(1234);
            settings.layersProperty().set(2);
            settings.widthProperty(1).set(16);
            settings.dropoutProperty().set(0.1);
            settings.autoL2Property().set(false);
            settings.l2Property().set(0.002);
            settings.balancingProperty().set(TrainingOptions.TaskBalancing.DYNAMIC_WEIGHT_AVERAGE);
        });
        TrainingSettings saved = model.currentSettings();
        Path file = folder.resolve("experiment.json");
        assertTrue(WaitForAsyncUtils.asyncFx(() -> model.saveExperiment(file)).get());

        robot.interact(() -> {
            model.settings().restoreDefaults();
            model.tasks().get(0).weightProperty().set(0.3);
        });
        assertNotEquals(saved, model.currentSettings());
        robot.interact(() -> model.openExperiment(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.busyProperty().get()
                && model.stateProperty().get() == StudioState.IDLE);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(saved, model.currentSettings());
        assertEquals(0.8, robot.lookup("#weight-spinner-bad").queryAs(Spinner.class)
                .getValue());
    }

    @Test
    void typedEpochsOfZeroAreRefusedWithAMessageNotCorrected(FxRobot robot) {
        robot.interact(() -> view.selectTab(MainView.TASKS));
        Spinner<?> epochs = robot.lookup("#epochsSpinner").queryAs(Spinner.class);
        Label problem = robot.lookup("#settingsProblem").queryAs(Label.class);

        robot.doubleClickOn(epochs.getEditor()).write("0").type(KeyCode.ENTER);

        assertEquals(TrainingSettings.DEFAULT_EPOCHS, model.epochsProperty().get());
        assertEquals("Epochs must lie between 1 and 10000, not 0", problem.getText());
        assertTrue(problem.isVisible());

        robot.doubleClickOn(epochs.getEditor()).write("3").type(KeyCode.ENTER);
        assertEquals(3, model.epochsProperty().get());
        assertFalse(problem.isVisible());
    }

    @Test
    void learningRateOfOneIsRefusedWithAMessage(FxRobot robot) {
        robot.interact(() -> view.selectTab(MainView.TASKS));
        TextField rate = robot.lookup("#rateField").queryAs(TextField.class);

        robot.doubleClickOn(rate).eraseText(12).write("1").type(KeyCode.ENTER);

        assertEquals(TrainingSettings.DEFAULT_LEARNING_RATE, model.learningRateProperty().get());
        assertEquals("Learning rate must lie in (0, 1), not 1",
                model.settings().problemProperty().get());
        assertEquals("0.001", rate.getText());
    }

    @Test
    void addViewReplacesAPlaceholderOrAddsATab(FxRobot robot) {
        Label tradeOffs = new Label("trade-offs");
        Label extra = new Label("extra");
        robot.interact(() -> {
            view.addView(MainView.TRADE_OFFS, tradeOffs);
            view.addView("Extra", extra);
        });

        assertEquals(List.of("Data", "Tasks and model", "Training", "Evaluation", "Applicants",
                "Trade-offs", "Extra"), view.tabTitles());
        Tab tab = robot.lookup("#tabs").queryAs(TabPane.class).getTabs()
                .get(5);
        assertSame(tradeOffs, tab.getContent());
    }

    @Test
    void settingsAndTeachingModeAreRememberedUnderTheirNode(FxRobot robot) throws Exception {
        Preferences node = Preferences.userRoot().node("com/creditmtl/studio-tests/shell");
        StudioPreferences preferences = new StudioPreferences(node);
        robot.interact(() -> {
            model.settings().epochsProperty().set(9);
            model.settings().regressionLossProperty().set(TrainingOptions.RegressionLoss.SQUARED);
            model.teachingModeProperty().set(true);
            model.remember(data);
            preferences.save(model, null);
        });

        MainViewModel fresh = new MainViewModel(new CsvImporter(), new StudyTrainer(), r -> { });
        robot.interact(() -> preferences.restore(fresh));
        preferences.clear();

        assertEquals(9, fresh.epochsProperty().get());
        assertEquals(TrainingOptions.RegressionLoss.SQUARED,
                fresh.settings().regressionLossProperty().get());
        assertTrue(fresh.teachingModeProperty().get());
        assertEquals(List.of(data.toAbsolutePath().normalize()), fresh.recentFiles());
    }

    @Test
    void ctrlTTrainsAndEscapeCancels(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.epochsProperty().set(5_000);
            model.settings().patienceProperty().set(0);
        });
        robot.clickOn("#tabs");

        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.epochReports().isEmpty());
        assertEquals(StudioState.TRAINING, model.stateProperty().get());

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> model.stateProperty().get() == StudioState.CANCELLED);
        assertEquals(StudioState.CANCELLED, model.runs().get(0).outcome());
    }
}
