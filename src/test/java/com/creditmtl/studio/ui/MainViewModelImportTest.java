package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.TaskDefinition;
import com.creditmtl.studio.study.StudyTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's import state, with an executor the test runs by hand. */
@ExtendWith(ApplicationExtension.class)
class MainViewModelImportTest {

    private final List<Runnable> queued = new ArrayList<>();
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = new MainViewModel(new CsvImporter(), new StudyTrainer(), queued::add);
    }

    @Test
    void importCancelledBeforeItRunsKeepsNoTableAndFreesTheWindow(FxRobot robot) {
        Path german = Path.of("assets", "data", "credit-g.csv");

        robot.interact(() -> {
            model.open(german, ImportOptions.defaults());
            model.cancel();
        });
        robot.interact(() -> queued.forEach(Runnable::run));

        assertNull(model.tableProperty().get());
        assertFalse(model.busyProperty().get());
        assertFalse(model.importingProperty().get());
        assertEquals("Import of credit-g.csv cancelled; the previous table is kept",
                model.statusProperty().get());
    }

    @Test
    void secondImportWhileOneRunsIsIgnored(FxRobot robot) {
        Path german = Path.of("assets", "data", "credit-g.csv");

        robot.interact(() -> {
            model.open(german, ImportOptions.defaults());
            model.open(german, ImportOptions.defaults());
        });

        assertEquals(1, queued.size());
    }

    @Test
    void successfulImportClearsTheErrorOfAFailedOne(FxRobot robot) throws Exception {
        Path bad = Path.of(getClass().getResource("/import-corpus/inf-token.csv").toURI());
        Path german = Path.of("assets", "data", "credit-g.csv");

        robot.interact(() -> model.open(bad, ImportOptions.defaults()));
        robot.interact(() -> queued.remove(0).run());
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(model.errorProperty().get());

        robot.interact(() -> model.open(german, ImportOptions.builder()
                .task(TaskDefinition.parse("class:binary:bad")).build()));
        robot.interact(() -> queued.remove(0).run());
        WaitForAsyncUtils.waitForFxEvents();

        assertNotNull(model.tableProperty().get());
        assertNull(model.errorProperty().get());
    }

    @Test
    void oneTaskAndOneEpochReadInTheSingular(FxRobot robot) {
        Path german = Path.of("assets", "data", "credit-g.csv");
        robot.interact(() -> model.open(german, ImportOptions.builder()
                .task(TaskDefinition.parse("class:binary:bad")).build()));
        robot.interact(() -> queued.remove(0).run());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.statusProperty().get().endsWith(", 1 task"),
                model.statusProperty().get());

        robot.interact(() -> {
            model.epochsProperty().set(1);
            model.train();
        });
        assertEquals("Training 1 epoch …", model.statusProperty().get());
        queued.remove(0).run();
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(model.statusProperty().get().startsWith("Trained 1 epoch in"),
                model.statusProperty().get());
        assertTrue(model.progressTextProperty().get().startsWith("Done: 1 epoch in"),
                model.progressTextProperty().get());
    }
}
