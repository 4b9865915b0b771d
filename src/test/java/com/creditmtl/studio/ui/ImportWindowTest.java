package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.study.StudyTrainer;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * German credit imported through the dialog of a real window and trained there with the
 * default settings, as an analyst would; then a bad file, which must leave it in place.
 */
@ExtendWith(ApplicationExtension.class)
class ImportWindowTest {

    private static final Path GERMAN = Path.of("assets", "data", "credit-g.csv");

    private MainViewModel model;
    private MainView view;
    private ExecutorService executor;

    @Start
    void start(Stage stage) {
        executor = StudioApp.backgroundExecutor();
        model = new MainViewModel(new CsvImporter(), new StudyTrainer(), executor);
        view = new MainView(model);
        stage.setScene(new Scene(view.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @BeforeEach
    void importGermanThroughTheDialog(FxRobot robot) throws TimeoutException {
        Platform.runLater(() -> view.showImportDialog(GERMAN));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#tasksArea").write("class:binary:bad");
        robot.clickOn("#importButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.tableProperty().get() != null
                && !model.busyProperty().get());
    }

    @Test
    void germanImportsWithCategoricalFeaturesAndAReport(FxRobot robot) {
        CreditTable table = model.tableProperty().get();

        assertEquals(1000, table.rowCount());
        assertEquals(13, table.categoricalNames().size());
        assertEquals("class", table.tasks().get(0).name());
        assertTrue(robot.lookup("#reportArea").queryAs(TextArea.class).getText()
                .startsWith("credit-g.csv: 1,000 rows read, 0 skipped"));
    }

    @Test
    void germanTrainsFromTheWindowToATestAucOfAtLeast075(FxRobot robot)
            throws TimeoutException {
        TableView<?> metrics = robot.lookup("#metricsTable").queryAs(TableView.class);
        robot.clickOn("#trainButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !metrics.getItems().isEmpty());

        TaskMetrics result = (TaskMetrics) metrics.getItems().get(0);
        assertEquals("class", result.task());
        assertEquals(200, result.rows());
        assertTrue(result.auc() >= 0.75, "AUC " + result.auc());
    }

    @Test
    void failedImportKeepsThePreviousTable() throws Exception {
        CreditTable before = model.tableProperty().get();
        Path bad = Path.of(getClass().getResource("/import-corpus/inf-token.csv").toURI());

        Platform.runLater(() -> model.open(bad));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> model.statusProperty().get().startsWith("Import failed"));

        assertEquals(before, model.tableProperty().get());
        assertTrue(model.statusProperty().get().contains("inf-token.csv: row 2, column y"),
                model.statusProperty().get());
    }

    @Test
    void failedImportFromTheDialogReopensItWithTheSettingsAndTheReason(FxRobot robot)
            throws Exception {
        Path bad = Path.of(getClass().getResource("/import-corpus/inf-token.csv").toURI());
        Platform.runLater(() -> view.showImportDialog(bad));
        WaitForAsyncUtils.waitForFxEvents();
        TextField keep = robot.lookup("#keepField").queryAs(TextField.class);
        robot.interact(() -> keep.setText("x"));

        robot.clickOn("#importButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#problemLabel")
                .tryQueryAs(Label.class).map(l -> !l.getText().isEmpty()).orElse(false));

        String problem = robot.lookup("#problemLabel").queryAs(Label.class).getText();
        assertTrue(problem.contains("inf-token.csv: row 2, column y"), problem);
        assertEquals("x", robot.lookup("#keepField").queryAs(TextField.class).getText());
        robot.clickOn("Cancel");
    }
}
