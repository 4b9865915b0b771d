package com.creditmtl.studio.ui;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.TaskDefinition;
import com.creditmtl.studio.study.StudyTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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

/** The Evaluation tab on a small file with a binary and a regression task, headless. */
@ExtendWith(ApplicationExtension.class)
class EvaluationTabTest {

    @TempDir
    static Path folder;

    private ExecutorService executor;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        executor = StudioApp.backgroundExecutor();
        model = new MainViewModel(new CsvImporter(), new StudyTrainer(), executor);
        model.epochsProperty().set(2);
        model.batchSizeProperty().set(64);
        stage.setScene(new Scene(new MainView(model).root(), 1280, 800));
        stage.show();
    }

    @BeforeEach
    void trainOnSmallFile(FxRobot robot) throws Exception {
        Random random = new Random(2);
        StringBuilder csv = new StringBuilder("income,debt,bad,days\n");
        for (int r = 0; r < 300; r++) {
            double income = random.nextGaussian();
            double debt = random.nextGaussian();
            boolean bad = debt - income + random.nextGaussian() > 0.8;
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%d,%.1f%n", income, debt,
                    bad ? 1 : 0, Math.max(0, 10 * debt + 3 * random.nextGaussian())));
        }
        Path file = folder.resolve("small.csv");
        Files.writeString(file, csv, UTF_8);
        CreditTable table = new CsvImporter().read(file, ImportOptions.builder()
                .tasks(List.of(TaskDefinition.parse("bad:binary"),
                        TaskDefinition.parse("days:regression")))
                .build()).table();
        robot.interact(() -> {
            model.setTable(table);
            model.train();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.studyProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel()
                .select(3));
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void trainedModelShowsMetricsCalibrationAndConfusion(FxRobot robot) {
        // test and validation for each of the two tasks
        assertEquals(4, robot.lookup("#evaluationMetricsTable").queryAs(TableView.class)
                .getItems().size());
        assertEquals(10, robot.lookup("#calibrationTable").queryAs(TableView.class).getItems()
                .size());
        assertEquals(2, robot.lookup("#confusionTable").queryAs(TableView.class).getItems()
                .size());
    }

    @Test
    void costRatioTypedInTheTabAppliesToTheNextTraining(FxRobot robot) throws TimeoutException {
        // set and committed as Enter does: the field sits below the charts, out of sight
        TextField costRatio = robot.lookup("#costRatioField").queryAs(TextField.class);
        robot.interact(() -> {
            costRatio.setText("2");
            costRatio.commitValue();
        });
        robot.interact(() -> model.train());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.studyProperty().get() != null
                && !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> confusion = robot.lookup("#confusionTable").queryAs(TableView.class);
        for (Object row : confusion.getItems()) {
            assertEquals(2.0, ((EvaluationViewModel.ConfusionRow) row).matrix().costRatio(), 0);
        }
        assertEquals(2, confusion.getItems().size());
    }

    @Test
    void compareButtonFillsTheComparisonTable(FxRobot robot) throws TimeoutException {
        TableView<?> comparison = robot.lookup("#comparisonTable").queryAs(TableView.class);

        // fired rather than clicked: the button sits below the charts, out of sight
        Button compare = robot.lookup("#compareButton").queryAs(Button.class);
        robot.interact(compare::fire);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> comparison.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#evaluationProgressLabel").queryAs(Label.class).getText()
                .endsWith("done"));
    }

    @Test
    void crossValidateButtonFillsTheCrossValidationTable(FxRobot robot)
            throws TimeoutException {
        TableView<?> table = robot.lookup("#crossValidationTable").queryAs(TableView.class);
        robot.interact(() -> model.epochsProperty().set(1));

        Button crossValidate = robot.lookup("#crossValidateButton").queryAs(Button.class);
        robot.interact(crossValidate::fire);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        // binary: auc, gini, ks, brier, log_loss, pr_auc, cost_per_applicant; mae, rmse, r2
        assertEquals(10, table.getItems().size());
    }

    @Test
    void cancelStopsTheComparisonAndShowsNoResult(FxRobot robot) throws TimeoutException {
        // looked up before the run: a lookup from the test thread while the FX thread changes
        // the scene graph can fail
        Button cancel = robot.lookup("#evaluationCancelButton").queryAs(Button.class);
        Label progress = robot.lookup("#evaluationProgressLabel").queryAs(Label.class);
        TableView<?> comparison = robot.lookup("#comparisonTable").queryAs(TableView.class);
        robot.interact(() -> model.epochsProperty().set(200));

        Button compare = robot.lookup("#compareButton").queryAs(Button.class);
        robot.interact(compare::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !cancel.isDisabled());
        robot.interact(cancel::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> progress.getText().endsWith("cancelled"));

        assertTrue(comparison.getItems().isEmpty());
    }
}
