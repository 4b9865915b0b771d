package com.creditmtl.studio.ui;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.study.Study;
import com.creditmtl.studio.study.StudyTrainer;
import com.creditmtl.studio.study.TradeOffExplorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Trade-offs tab on a small synthetic table of a binary and two regression tasks, headless:
 * a grid of step 0.25 (10 points) trained for 2 epochs each.
 */
@ExtendWith(ApplicationExtension.class)
class TradeOffViewTest {

    private static final int POINTS = 10;

    @TempDir
    static Path folder;

    private ExecutorService executor;
    private I18n i18n;
    private TradeOffViewModel model;
    private final AtomicReference<Study> loaded = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        CreditTable table = syntheticTable();
        TrainingSettings settings = TrainingSettings.defaults(table.tasks()).withBatchSize(64)
                .withLearningRate(0.01).withSeed(7);
        executor = StudioApp.backgroundExecutor();
        i18n = new I18n(Locale.ENGLISH);
        model = new TradeOffViewModel(new TradeOffExplorer(new StudyTrainer()), executor,
                () -> new TradeOffViewModel.Source(table, settings, List.of()), loaded::set);
        model.stepProperty().set(0.25);
        model.minimumWeightProperty().set(0.25);
        model.epochsProperty().set(2);
        stage.setScene(new Scene(new TradeOffView(model, i18n).root(), 1280, 800));
        stage.show();
    }

    private static CreditTable syntheticTable() throws Exception {
        Random random = new Random(4);
        StringBuilder csv = new StringBuilder("income,utilisation,late,default_probability,"
                + "overdue_days,overdue_amount\n");
        for (int r = 0; r < 400; r++) {
            double income = random.nextGaussian();
            double utilisation = random.nextDouble();
            int late = random.nextInt(5);
            boolean bad = 2 * utilisation + 0.5 * late - income + random.nextGaussian() > 2;
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%d,%d,%.0f,%.2f%n", income,
                    utilisation, late, bad ? 1 : 0, Math.max(0, 10 * late
                            + 5 * random.nextGaussian()), Math.max(0, 20_000 * utilisation
                            - 3_000 * income + 2_000 * random.nextGaussian())));
        }
        Path file = folder.resolve("tradeoff.csv");
        Files.writeString(file, csv, UTF_8);
        return new CsvImporter().importFile(file);
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    /** Presses Run and waits for every point; nodes are looked up before the run starts. */
    private void explore(FxRobot robot) throws TimeoutException {
        Button run = robot.lookup("#tradeOffRunButton").queryAs(Button.class);
        robot.interact(run::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !model.runningProperty().get() && !run.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(POINTS, model.rows().size());
    }

    @SuppressWarnings("unchecked")
    private static ScatterChart<Number, Number> chart(FxRobot robot) {
        return robot.lookup("#tradeOffChart").queryAs(ScatterChart.class);
    }

    @Test
    void runPlotsEveryPointWithTheParetoOnesInTheirOwnColouredSeries(FxRobot robot)
            throws TimeoutException {
        ScatterChart<Number, Number> chart = chart(robot);
        TableView<?> table = robot.lookup("#tradeOffTable").queryAs(TableView.class);
        Label status = robot.lookup("#tradeOffStatus").queryAs(Label.class);
        Label empty = robot.lookup("#tradeOffChartEmpty").queryAs(Label.class);
        // before any point a sentence stands in for the chart's bare axes and empty legend
        assertTrue(empty.isVisible());
        assertFalse(chart.isVisible());
        assertEquals("Run the grid to see each point's validation AUC against its validation "
                + "MAE", empty.getText());

        explore(robot);

        assertFalse(empty.isVisible());
        assertTrue(chart.isVisible());
        assertEquals("Validation AUC of default_probability", chart.getYAxis().getLabel());
        assertEquals(2, chart.getData().size());
        XYChart.Series<Number, Number> pareto = chart.getData().get(0);
        XYChart.Series<Number, Number> dominated = chart.getData().get(1);
        assertEquals("Pareto-optimal", pareto.getName());
        assertEquals("Dominated", dominated.getName());
        assertEquals(POINTS, pareto.getData().size() + dominated.getData().size());
        assertEquals(POINTS, table.getItems().size());

        // the marks are those of the points' own validation figures over all three tasks
        boolean[] expected = TradeOffExplorer.paretoOptimal(model.rows().stream()
                .map(r -> r.point().validationFigures()).toList(),
                new boolean[] {true, false, false});
        long optimal = 0;
        for (int i = 0; i < POINTS; i++) {
            assertEquals(expected[i], model.rows().get(i).isPareto(), "point " + i);
            optimal += expected[i] ? 1 : 0;
        }
        assertEquals(optimal, pareto.getData().size());
        assertTrue(optimal >= 1);
        for (XYChart.Data<Number, Number> data : pareto.getData()) {
            TradeOffViewModel.Row row = (TradeOffViewModel.Row) data.getExtraValue();
            assertTrue(row.isPareto());
            assertEquals(row.point().validationAuc(), data.getYValue().doubleValue(), 0);
            assertEquals(row.point().validationMae(1), data.getXValue().doubleValue(), 0);
            assertTrue(data.getNode().getStyleClass().contains("default-color0"));
        }
        for (XYChart.Data<Number, Number> data : dominated.getData()) {
            assertFalse(((TradeOffViewModel.Row) data.getExtraValue()).isPareto());
            assertTrue(data.getNode().getStyleClass().contains("default-color1"));
        }
        assertTrue(status.getText().startsWith("Explored 10 points in "), status.getText());
        assertTrue(status.getText().contains(optimal + " Pareto-optimal on validation"),
                status.getText());
    }

    @Test
    void choosingAnotherRegressionTaskMovesThePointsToItsMae(FxRobot robot)
            throws TimeoutException {
        ScatterChart<Number, Number> chart = chart(robot);
        ComboBox<?> task = robot.lookup("#tradeOffTaskChoice").queryAs(ComboBox.class);
        explore(robot);
        assertEquals("Validation MAE of overdue_days", chart.getXAxis().getLabel());

        robot.interact(() -> model.chosenRegressionProperty().set("overdue_amount"));

        assertEquals("overdue_amount", task.getValue());
        assertEquals("Validation MAE of overdue_amount", chart.getXAxis().getLabel());
        for (XYChart.Series<Number, Number> series : chart.getData()) {
            for (XYChart.Data<Number, Number> data : series.getData()) {
                TradeOffViewModel.Row row = (TradeOffViewModel.Row) data.getExtraValue();
                assertEquals(row.point().validationMae(2), data.getXValue().doubleValue(), 0);
            }
        }
    }

    @Test
    void clickingAPointLoadsItsStudyAndSelectsItsRow(FxRobot robot) throws TimeoutException {
        ScatterChart<Number, Number> chart = chart(robot);
        TableView<?> table = robot.lookup("#tradeOffTable").queryAs(TableView.class);
        Label loadedLabel = robot.lookup("#tradeOffLoaded").queryAs(Label.class);
        explore(robot);
        XYChart.Series<Number, Number> series = chart.getData().get(1).getData().isEmpty()
                ? chart.getData().get(0) : chart.getData().get(1);
        XYChart.Data<Number, Number> data = series.getData().get(0);
        TradeOffViewModel.Row row = (TradeOffViewModel.Row) data.getExtraValue();
        Node symbol = data.getNode();

        // the event goes to the point's own symbol: a robot's click at its centre could land on
        // a neighbour drawn over it
        robot.interact(() -> symbol.fireEvent(click()));

        Study study = loaded.get();
        assertSame(row.point().study(), study);
        assertEquals(row.point().weights(), study.tasks().stream().map(TaskSpec::weight)
                .toList());
        assertSame(row, table.getSelectionModel().getSelectedItem());
        // the chart is drawn again with the loaded point, and only it, haloed
        List<XYChart.Data<Number, Number>> haloed = chart.getData().stream()
                .flatMap(s -> s.getData().stream())
                .filter(d -> TradeOffView.LOADED_STYLE.equals(d.getNode().getStyle())).toList();
        assertEquals(1, haloed.size());
        assertSame(row, haloed.get(0).getExtraValue());
        assertEquals("Loaded the model with weights " + row.point().describeWeights()
                + " as the current study", loadedLabel.getText());
    }

    @Test
    void selectingARowLoadsItsStudy(FxRobot robot) throws TimeoutException {
        TableView<?> table = robot.lookup("#tradeOffTable").queryAs(TableView.class);
        explore(robot);

        robot.interact(() -> table.getSelectionModel().select(3));

        TradeOffViewModel.Row row = model.rows().get(3);
        Study study = loaded.get();
        assertSame(row.point().study(), study);
        assertEquals(row.point().weights(), study.tasks().stream().map(TaskSpec::weight)
                .toList());
        // the grid's order at step 0.25: 1/0/0, 0.75/0.25/0, 0.75/0/0.25, 0.5/0.5/0 ...
        assertEquals(List.of(0.5, 0.5, 0.0), row.point().weights());
        assertEquals(row.point().weights(), study.preprocessor().tasks().stream()
                .map(TaskSpec::weight).toList());
    }

    @Test
    void cancelKeepsThePointsTrainedSoFar(FxRobot robot) throws TimeoutException {
        Button run = robot.lookup("#tradeOffRunButton").queryAs(Button.class);
        Button cancel = robot.lookup("#tradeOffCancelButton").queryAs(Button.class);
        Label status = robot.lookup("#tradeOffStatus").queryAs(Label.class);
        robot.interact(() -> model.epochsProperty().set(100));
        // Cancel in the same FX turn as the first point arrives, while the second trains
        robot.interact(() -> model.rows().addListener(
                (javafx.collections.ListChangeListener<Object>) change -> {
                    if (model.rows().size() == 1) {
                        cancel.fire();
                    }
                }));

        robot.interact(run::fire);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !model.rows().isEmpty());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !run.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();

        int kept = model.rows().size();
        assertTrue(kept >= 1 && kept < POINTS, "kept " + kept);
        assertEquals("Cancelled after " + kept + " of 10 points; the points trained are kept",
                status.getText());
        assertEquals(kept, chart(robot).getData().stream().mapToInt(s -> s.getData().size())
                .sum());
    }

    @Test
    void switchingToChineseTranslatesTheTabAndFormatsForTheLocale(FxRobot robot)
            throws TimeoutException {
        Label step = robot.lookup("#tradeOffStepLabel").queryAs(Label.class);
        Button run = robot.lookup("#tradeOffRunButton").queryAs(Button.class);
        Label status = robot.lookup("#tradeOffStatus").queryAs(Label.class);
        TableView<?> table = robot.lookup("#tradeOffTable").queryAs(TableView.class);
        ScatterChart<Number, Number> chart = chart(robot);
        explore(robot);
        assertEquals("Grid step", step.getText());
        assertTrue(status.getText().matches(".*Finished [A-Z][a-z]{2} \\d{1,2}, \\d{4}, .*"),
                status.getText());

        robot.interact(() -> i18n.localeProperty().set(Locale.SIMPLIFIED_CHINESE));

        assertEquals(Locale.SIMPLIFIED_CHINESE, i18n.locale());
        assertEquals("网格步长", step.getText());
        assertEquals("运行", run.getText());
        assertEquals("帕累托最优", chart.getData().get(0).getName());
        assertEquals("overdue_days 的验证集 MAE", chart.getXAxis().getLabel());
        // the finishing time is written again, the Chinese way
        assertTrue(status.getText().startsWith("已探索 10 个点，用时 "), status.getText());
        assertTrue(status.getText().matches(".*完成于 \\d{4}年\\d{1,2}月\\d{1,2}日 .*"),
                status.getText());

        // figures in the table follow the locale: German writes 1.234,56
        robot.interact(() -> i18n.localeProperty().set(Locale.GERMANY));
        WaitForAsyncUtils.waitForFxEvents();
        double amountMae = model.rows().get(0).point().testMae(2);
        NumberFormat german = NumberFormat.getNumberInstance(Locale.GERMANY);
        german.setMinimumFractionDigits(2);
        german.setMaximumFractionDigits(2);
        String cell = cellText(table, "Test MAE (reported only)", "overdue_amount", 0);
        assertEquals(german.format(amountMae), cell);
        assertEquals(german.format(model.rows().get(0).point().validationMae(2)),
                cellText(table, "Validation MAE (compared)", "overdue_amount", 0));
        assertTrue(amountMae > 1000, "MAE " + amountMae);
        assertNotEquals(new I18n(Locale.ENGLISH).number(amountMae, 2), cell);
    }

    private static String cellText(TableView<?> table, String group, String header,
            int index) {
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.getIndex() == index
                    && cell.getTableColumn() != null
                    && header.equals(cell.getTableColumn().getText())
                    && cell.getTableColumn().getParentColumn() != null
                    && group.equals(cell.getTableColumn().getParentColumn().getText())) {
                return cell.getText();
            }
        }
        throw new AssertionError("no cell " + index + " in column " + group + " · " + header);
    }

    private static MouseEvent click() {
        return new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, 1,
                false, false, false, false, false, false, false, false, false, true, null);
    }

    @Test
    void runWithoutATableAsksForOne(FxRobot robot) {
        TradeOffViewModel empty = new TradeOffViewModel(new TradeOffExplorer(new StudyTrainer()),
                executor, () -> null, loaded::set);

        robot.interact(empty::run);

        assertEquals("Open a CSV file first", i18n.get(empty.statusProperty().get()));
        assertFalse(empty.runningProperty().get());
    }
}
