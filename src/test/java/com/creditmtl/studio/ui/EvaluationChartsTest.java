package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.eval.CalibrationBin;
import com.creditmtl.studio.eval.ConfusionMatrix;
import com.creditmtl.studio.eval.TaskEvaluator;
import com.creditmtl.studio.study.Study;
import com.creditmtl.studio.study.StudyTrainer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Evaluation tab's charts, live confusion matrix and exports after a short training. */
@ExtendWith(ApplicationExtension.class)
class EvaluationChartsTest {

    @TempDir
    static Path folder;

    private ExecutorService executor;
    private MainViewModel model;
    private EvaluationViewModel evaluation;

    @Start
    void start(Stage stage) {
        executor = StudioApp.backgroundExecutor();
        model = new MainViewModel(new CsvImporter(), new StudyTrainer(), executor);
        model.epochsProperty().set(3);
        model.batchSizeProperty().set(64);
        evaluation = new EvaluationViewModel(model, executor);
        stage.setScene(new Scene(new MainView(model, evaluation).root(), 1280, 800));
        stage.show();
    }

    @BeforeEach
    void train(FxRobot robot) throws Exception {
        var table = SmallTable.read(SmallTable.write(folder, "small.csv", 400, 5));
        robot.interact(() -> {
            model.setTable(table);
            model.train();
        });
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.studyProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel()
                .select(4));
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void rocCurveRunsFromOriginToTheTopRight(FxRobot robot) {
        LineChart<Number, Number> chart = robot.lookup("#rocChart").queryAs(LineChart.class);

        // the diagonal, then the binary task's curve
        assertEquals(2, chart.getData().size());
        assertEquals("chance", chart.getData().get(0).getName());
        List<XYChart.Data<Number, Number>> points = chart.getData().get(1).getData();
        assertTrue(points.size() > 10, "points: " + points.size());
        assertEquals(0.0, points.get(0).getXValue().doubleValue(), 0);
        assertEquals(0.0, points.get(0).getYValue().doubleValue(), 0);
        assertEquals(1.0, points.get(points.size() - 1).getXValue().doubleValue(), 1e-12);
        assertEquals(1.0, points.get(points.size() - 1).getYValue().doubleValue(), 1e-12);
        assertTrue(chart.getData().get(1).getName().startsWith("bad (AUC "));
    }

    @Test
    void calibrationChartHasOnePointPerNonEmptyBin(FxRobot robot) {
        LineChart<Number, Number> chart =
                robot.lookup("#calibrationChart").queryAs(LineChart.class);
        Study study = model.studyProperty().get();
        double[] labels = study.testResults().stream().mapToDouble(r -> r.actual()[0])
                .toArray();
        double[] predicted = study.testResults().stream().mapToDouble(r -> r.predicted()[0])
                .toArray();
        List<CalibrationBin> bins = TaskEvaluator.calibration(labels, predicted);

        long filled = bins.stream().filter(bin -> bin.count() > 0).count();
        assertEquals(filled, chart.getData().get(1).getData().size());
        CalibrationBin first = bins.stream().filter(bin -> bin.count() > 0).findFirst()
                .orElseThrow();
        assertEquals(first.observedRate(),
                chart.getData().get(1).getData().get(0).getYValue().doubleValue(), 1e-12);
        assertEquals("perfect calibration", chart.getData().get(0).getName());
    }

    @Test
    void scoreHistogramsCountEveryTestApplicantOnce(FxRobot robot) {
        AreaChart<Number, Number> chart = robot.lookup("#scoreChart").queryAs(AreaChart.class);
        Study study = model.studyProperty().get();

        assertEquals(2, chart.getData().size());
        int total = 0;
        int bads = 0;
        for (int s = 0; s < 2; s++) {
            for (XYChart.Data<Number, Number> point : chart.getData().get(s).getData()) {
                total += point.getYValue().intValue();
                bads += s == 1 ? point.getYValue().intValue() : 0;
            }
        }
        assertEquals(study.split().test().length, total);
        long actualBads = study.testResults().stream().filter(r -> r.actual()[0] == 1).count();
        assertEquals(actualBads, bads);
    }

    @Test
    void scoreAxisSpansTheBandsAndSaysItsEndBandsAreOpen(FxRobot robot) {
        AreaChart<Number, Number> chart = robot.lookup("#scoreChart").queryAs(AreaChart.class);
        javafx.scene.chart.NumberAxis axis = (javafx.scene.chart.NumberAxis) chart.getXAxis();
        Study study = model.studyProperty().get();
        double[] labels = study.testResults().stream().mapToDouble(r -> r.actual()[0])
                .toArray();
        double[] scores = study.testResults().stream()
                .mapToDouble(com.creditmtl.studio.study.ApplicantResult::score).toArray();
        com.creditmtl.studio.eval.ScoreDistribution bands =
                com.creditmtl.studio.eval.ScoreDistribution.of(labels, scores,
                        EvaluationViewModel.SCORE_BANDS);
        // the axis' ends are round scores just outside the bands' edges, and say they are open
        double unit = axis.getTickUnit();
        assertTrue(axis.getLowerBound() <= bands.low()
                && axis.getLowerBound() > bands.low() - unit, axis.getLowerBound() + " for "
                + bands.low());
        assertTrue(axis.getUpperBound() >= bands.high()
                && axis.getUpperBound() < bands.high() + unit, axis.getUpperBound() + " for "
                + bands.high());
        java.util.Map<Double, String> shown = new java.util.TreeMap<>();
        // the labels as drawn: the tick marks' texts, in the order of their values
        List<String> drawn = axis.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.text.Text && n.isVisible())
                .sorted(java.util.Comparator.comparingDouble(javafx.scene.Node::getLayoutX))
                .map(n -> ((javafx.scene.text.Text) n).getText()).toList();
        List<javafx.scene.chart.Axis.TickMark<Number>> ticks = axis.getTickMarks().stream()
                .sorted(java.util.Comparator.comparingDouble(t -> t.getValue().doubleValue()))
                .toList();
        assertEquals(ticks.size(), drawn.size(), drawn.toString());
        for (int i = 0; i < ticks.size(); i++) {
            shown.put(ticks.get(i).getValue().doubleValue(), drawn.get(i));
        }
        I18n i18n = model.i18n();
        assertEquals("≤ " + i18n.number(axis.getLowerBound(), 0),
                shown.get(axis.getLowerBound()), shown.toString());
        assertEquals("≥ " + i18n.number(axis.getUpperBound(), 0),
                shown.get(axis.getUpperBound()), shown.toString());
        assertTrue(shown.size() >= 4, "scores between the ends: " + shown);
        shown.forEach((value, label) -> {
            if (value != axis.getLowerBound() && value != axis.getUpperBound()) {
                assertEquals(i18n.number(value, 0), label);
                assertEquals(0, Math.IEEEremainder(value, unit), 1e-6, "round " + value);
            }
        });
    }

    @Test
    void scoreAxisEndsAreRoundScoresJustOutsideTheBands() {
        double[] range = EvaluationView.bandAxisRange(465.3, 583.2);
        assertEquals(460, range[0], 1e-9);
        assertEquals(600, range[1], 1e-9);
        assertEquals(20, range[2], 1e-9);
        range = EvaluationView.bandAxisRange(512.5, 987.5);
        assertEquals(500, range[0], 1e-9);
        assertEquals(1000, range[1], 1e-9);
        assertEquals(100, range[2], 1e-9);
        assertEquals(50, Ticks.roundStep(21), 1e-9);
        assertEquals(0.5, Ticks.roundStep(0.31), 1e-9);
    }

    @Test
    void costSliderMovesTheCutOffAndTheCounts(FxRobot robot) {
        Slider slider = robot.lookup("#costSlider").queryAs(Slider.class);
        Label badAccepted = robot.lookup("#liveBadAccepted").queryAs(Label.class);
        Study study = model.studyProperty().get();
        double[] labels = study.testResults().stream().mapToDouble(r -> r.actual()[0])
                .toArray();
        double[] predicted = study.testResults().stream().mapToDouble(r -> r.predicted()[0])
                .toArray();

        robot.interact(() -> slider.setValue(1));
        ConfusionMatrix cheap = evaluation.liveConfusionProperty().get();
        String cheapText = badAccepted.getText();
        robot.interact(() -> slider.setValue(20));
        ConfusionMatrix dear = evaluation.liveConfusionProperty().get();

        assertEquals(TaskEvaluator.cheapestCutoff(labels, predicted, 1), cheap);
        assertEquals(TaskEvaluator.cheapestCutoff(labels, predicted, 20), dear);
        assertTrue(dear.falseNegatives() < cheap.falseNegatives(),
                cheap + " then " + dear);
        assertEquals(String.valueOf(dear.falseNegatives()), badAccepted.getText());
        assertNotEquals(cheapText, badAccepted.getText());
        // one cost ratio: the field below and the next training, compare and cv follow
        assertEquals(20, model.costRatioProperty().get(), 1e-12);
        assertEquals("20.0", robot.lookup("#costRatioField")
                .queryAs(javafx.scene.control.TextField.class).getText());
    }

    @Test
    void chartExportWritesAReadablePng(FxRobot robot) throws Exception {
        LineChart<?, ?> chart = robot.lookup("#rocChart").queryAs(LineChart.class);
        Path file = folder.resolve("roc.png");

        robot.interact(() -> {
            try {
                ChartExport.png(chart, file);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });

        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image);
        assertEquals((int) Math.round(chart.getWidth()), image.getWidth(), 1);
        assertTrue(image.getHeight() > 100, "height " + image.getHeight());
    }

    @Test
    void reportExportWritesTheHtmlReport(FxRobot robot) throws Exception {
        Path file = folder.resolve("report.html");
        boolean[] written = new boolean[1];

        robot.interact(() -> written[0] = evaluation.writeReport(file));

        assertTrue(written[0]);
        String html = Files.readString(file);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("Test scores by outcome"));
        assertEquals("Wrote report.html",
                model.i18n().get(evaluation.exportMessageProperty().get()));
    }
}
