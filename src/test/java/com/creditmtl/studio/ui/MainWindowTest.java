package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on the bundled table, driven as an analyst would, headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new StudioApp().start(stage);
    }

    @BeforeEach
    void waitForBundledTable(FxRobot robot) throws TimeoutException {
        TableView<?> data = robot.lookup("#dataTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> data.getItems().size() == 30_000);
        // the table is shown a moment before the same FX event builds the weight sliders
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void windowOpensOnBundledTableWithAWeightSliderPerTask(FxRobot robot) {
        assertEquals("Credit MTL Studio", stage.getTitle());
        assertEquals(0.5, robot.lookup("#weight-default_probability").queryAs(Slider.class)
                .getValue(), 1e-12);
        assertEquals(0.25, robot.lookup("#weight-overdue_days").queryAs(Slider.class)
                .getValue(), 1e-12);
        assertEquals(0.25, robot.lookup("#weight-overdue_amount").queryAs(Slider.class)
                .getValue(), 1e-12);
        assertTrue(robot.lookup("#sourceLabel").queryAs(Label.class).getText()
                .contains("30,000 applicants"));
    }

    @Test
    void trainingTwoEpochsDrawsAPointPerTaskAndEpochThenFillsApplicantTable(FxRobot robot)
            throws TimeoutException {
        Slider epochs = robot.lookup("#epochsSlider").queryAs(Slider.class);
        robot.clickOn(epochs).type(KeyCode.HOME).type(KeyCode.RIGHT);
        assertEquals(2, epochs.getValue(), 1e-12);

        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        TableView<?> applicants = robot.lookup("#applicantTable").queryAs(TableView.class);
        Button train = robot.lookup("#trainButton").queryAs(Button.class);

        robot.clickOn(train);
        assertEquals("Training", tabs.getSelectionModel().getSelectedItem().getText());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !applicants.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        LineChart<?, ?> chart = robot.lookup("#lossChart").queryAs(LineChart.class);
        List<String> names = chart.getData().stream().map(XYChart.Series::getName).toList();
        assertEquals(List.of("default_probability · training", "default_probability · validation",
                "overdue_days · training", "overdue_days · validation",
                "overdue_amount · training", "overdue_amount · validation"), names);
        for (XYChart.Series<?, ?> series : chart.getData()) {
            assertEquals(List.of(1, 2), series.getData().stream()
                    .map(point -> ((Number) point.getXValue()).intValue()).toList(),
                    series.getName());
            for (XYChart.Data<?, ?> point : series.getData()) {
                double loss = ((Number) point.getYValue()).doubleValue();
                assertTrue(loss > 0 && loss < 5, series.getName() + " loss " + loss);
            }
        }
        assertEquals(6_000, applicants.getItems().size());
        assertEquals(3, robot.lookup("#metricsTable").queryAs(TableView.class).getItems().size());
        assertTrue(robot.lookup("#statusBar").queryAs(StatusBar.class).getText()
                .startsWith("Trained 2 epochs"));
        assertFalse(robot.lookup("#trainButton").queryAs(Button.class).isDisabled());
    }

    @Test
    void cancelStopsTrainingWithinASecondAndKeepsNoModel(FxRobot robot) throws TimeoutException {
        // looked up before training: the chart grows on the FX thread while it runs, and a
        // lookup from the test thread would walk a scene graph that is changing
        Button train = robot.lookup("#trainButton").queryAs(Button.class);
        Button cancel = robot.lookup("#cancelButton").queryAs(Button.class);
        LineChart<?, ?> chart = robot.lookup("#lossChart").queryAs(LineChart.class);
        StatusBar status = robot.lookup("#statusBar").queryAs(StatusBar.class);
        TableView<?> applicants = robot.lookup("#applicantTable").queryAs(TableView.class);

        robot.clickOn(train);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !chart.getData().isEmpty()
                && !chart.getData().get(0).getData().isEmpty());
        robot.interact(cancel::fire);
        WaitForAsyncUtils.waitFor(1, TimeUnit.SECONDS, () -> !train.isDisabled());

        assertTrue(status.getText().contains("cancelled"), status.getText());
        assertTrue(applicants.getItems().isEmpty());
    }
}
