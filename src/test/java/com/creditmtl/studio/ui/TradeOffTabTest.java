package com.creditmtl.studio.ui;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.TaskDefinition;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.study.Study;
import com.creditmtl.studio.study.StudyTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Trade-offs tab inside the main window: a chosen point becomes the window's study. */
@ExtendWith(ApplicationExtension.class)
class TradeOffTabTest {

    @TempDir
    static Path folder;

    private ExecutorService executor;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        executor = StudioApp.backgroundExecutor();
        model = new MainViewModel(new CsvImporter(), new StudyTrainer(), executor);
        model.batchSizeProperty().set(64);
        stage.setScene(new Scene(new MainView(model).root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void choosingAPointMakesItsStudyTheWindowsStudy(FxRobot robot) throws Exception {
        CreditTable table = smallTable();
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        Tab tradeOffs = tabs.getTabs().get(tabs.getTabs().size() - 1);
        assertEquals("Trade-offs", tradeOffs.getText());
        robot.interact(() -> {
            model.setTable(table);
            tabs.getSelectionModel().select(tradeOffs);
        });
        ComboBox<Double> step = lookup(robot, "#tradeOffStepChoice");
        Spinner<Integer> epochs = lookup(robot, "#tradeOffEpochsSpinner");
        Button run = lookup(robot, "#tradeOffRunButton");
        TableView<TradeOffViewModel.Row> points = lookup(robot, "#tradeOffTable");
        // before any grid, the chooser and the axes already name the table's tasks
        ComboBox<String> task = lookup(robot, "#tradeOffTaskChoice");
        assertEquals(List.of("days"), task.getItems());
        assertEquals("days", task.getValue());

        robot.interact(() -> {
            step.setValue(0.5);
            epochs.getValueFactory().setValue(1);
            run.fire();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> points.getItems().size() == 2
                && !run.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        // two tasks at step 0.5: the weights 1/0 and 0.5/0.5
        assertEquals(List.of(0.5, 0.5), points.getItems().get(1).point().weights());
        // the status line says how the grid ended
        assertTrue(model.statusProperty().get().startsWith("Explored 2 points in "),
                model.statusProperty().get());

        robot.interact(() -> points.getSelectionModel().select(1));

        TradeOffViewModel.Row row = points.getItems().get(1);
        Study study = model.studyProperty().get();
        assertSame(row.point().study(), study);
        assertEquals(row.point().weights(), study.tasks().stream().map(TaskSpec::weight)
                .toList());
        assertEquals(study.metrics(), model.metrics());
        assertEquals(study.testResults().size(), model.applicants().size());
        String status = model.statusProperty().get();
        assertTrue(status.startsWith("Trade-off point 0.50 / 0.50 is the current model. Test:"),
                status);
        assertTrue(status.contains("bad AUC "), status);
    }

    @SuppressWarnings("unchecked")
    private static <T> T lookup(FxRobot robot, String id) {
        return (T) robot.lookup(id).query();
    }

    private static CreditTable smallTable() throws Exception {
        Random random = new Random(9);
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
        return new CsvImporter().read(file, ImportOptions.builder()
                .tasks(List.of(TaskDefinition.parse("bad:binary"),
                        TaskDefinition.parse("days:regression")))
                .build()).table();
    }
}
