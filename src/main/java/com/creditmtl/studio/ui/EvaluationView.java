package com.creditmtl.studio.ui;

import static com.creditmtl.studio.ui.MainView.numberColumn;
import static com.creditmtl.studio.ui.MainView.textColumn;

import com.creditmtl.studio.eval.ConfusionMatrix;
import com.creditmtl.studio.eval.Interval;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.converter.DoubleStringConverter;

/**
 * The Evaluation tab: the trained model's metrics per task on test and validation, charts of
 * the test part (ROC curves, calibration, scores by outcome), a confusion matrix whose cut-off
 * follows a cost slider, the calibration table and confusion matrices, and the comparison with
 * baselines and the cross-validation, started here and shown in tables. Each chart and the HTML
 * report can be exported. Binds controls to {@link EvaluationViewModel} and holds no logic of
 * its own.
 */
final class EvaluationView {

    private static final String STYLES =
            EvaluationView.class.getResource("charts.css").toExternalForm();

    private final EvaluationViewModel model;
    private final MainViewModel main;
    private final LineChart<Number, Number> rocChart;
    private final LineChart<Number, Number> calibrationChart;
    private final AreaChart<Number, Number> scoreChart;

    EvaluationView(EvaluationViewModel model, MainViewModel main) {
        this.model = model;
        this.main = main;
        this.rocChart = rocChart();
        this.calibrationChart = calibrationChart();
        this.scoreChart = scoreChart();
    }

    Region build() {
        VBox box = new VBox(8, MainView.heading("Metrics per task"), metricsTable(),
                chartsHeader(), charts(), liveConfusion(),
                new HBox(12, titled("Calibration on the test part (ten bins of predicted "
                        + "probability)", calibrationTable()),
                        titled("Confusion matrix at the cheapest cut-off (chosen on validation, "
                                + "applied to test)", confusionTable())),
                MainView.heading("Does multi-task learning help?"), controls(),
                comparisonTable(), MainView.heading("Cross-validation"), crossValidationTable());
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private HBox chartsHeader() {
        MenuButton export = new MenuButton("Export");
        export.setId("evaluationExportButton");
        export.getItems().addAll(
                exportItem("ROC curve as PNG…", "roc.png", rocChart),
                exportItem("Calibration as PNG…", "calibration.png", calibrationChart),
                exportItem("Scores by outcome as PNG…", "scores.png", scoreChart));
        MenuItem report = new MenuItem("HTML report…");
        report.setOnAction(e -> chooseFile("Save the HTML report", "report.html", "HTML",
                "*.html").ifPresent(model::writeReport));
        export.getItems().add(report);
        export.disableProperty().bind(main.studyProperty().isNull());
        Label message = new Label();
        message.setId("evaluationExportMessage");
        message.textProperty().bind(model.exportMessageProperty());
        HBox row = new HBox(12, MainView.heading("Test part"), export, message);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private MenuItem exportItem(String text, String name, Node chart) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> chooseFile("Save the chart", name, "PNG image", "*.png")
                .ifPresent(file -> exportChart(chart, file)));
        return item;
    }

    private Optional<Path> chooseFile(String title, String name, String kind,
            String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        File file = chooser.showSaveDialog(rocChart.getScene().getWindow());
        return Optional.ofNullable(file).map(File::toPath);
    }

    /** Saves a chart as PNG and says so below the export button. */
    void exportChart(Node chart, Path file) {
        try {
            ChartExport.png(chart, file);
            model.exportMessageProperty().set("Saved " + file.getFileName());
        } catch (IOException | RuntimeException e) {
            model.exportMessageProperty().set("Could not save " + file.getFileName() + ": "
                    + e.getMessage());
        }
    }

    private HBox charts() {
        HBox row = new HBox(8, rocChart, calibrationChart, scoreChart);
        for (Node chart : row.getChildren()) {
            HBox.setHgrow(chart, Priority.ALWAYS);
            ((Region) chart).setPrefSize(400, 320);
            ((Region) chart).setMinWidth(260);
        }
        return row;
    }

    private LineChart<Number, Number> rocChart() {
        LineChart<Number, Number> chart = new LineChart<>(unitAxis("Goods refused (FPR)"),
                unitAxis("Bads refused (TPR)"));
        chart.setId("rocChart");
        chart.getStyleClass().add("diagonal-first");
        chart.getStylesheets().add(STYLES);
        chart.setTitle("ROC curve");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setData(model.rocSeries());
        return chart;
    }

    private LineChart<Number, Number> calibrationChart() {
        LineChart<Number, Number> chart = new LineChart<>(unitAxis("Mean predicted"),
                unitAxis("Observed rate"));
        chart.setId("calibrationChart");
        chart.getStyleClass().add("diagonal-first");
        chart.getStylesheets().add(STYLES);
        chart.setTitle("Calibration (ten bins)");
        chart.setAnimated(false);
        chart.setData(model.calibrationSeries());
        return chart;
    }

    private AreaChart<Number, Number> scoreChart() {
        NumberAxis score = new NumberAxis();
        score.setLabel("Score (higher is safer)");
        score.setForceZeroInRange(false);
        NumberAxis count = new NumberAxis();
        count.setLabel("Applicants");
        AreaChart<Number, Number> chart = new AreaChart<>(score, count);
        chart.setId("scoreChart");
        chart.getStyleClass().add("outcome-chart");
        chart.getStylesheets().add(STYLES);
        chart.setTitle("Scores by outcome");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setData(model.scoreSeries());
        return chart;
    }

    private static NumberAxis unitAxis(String label) {
        NumberAxis axis = new NumberAxis(0, 1, 0.2);
        axis.setLabel(label);
        axis.setAutoRanging(false);
        return axis;
    }

    private HBox liveConfusion() {
        ComboBox<String> task = new ComboBox<>(model.binaryTasks());
        task.setId("liveConfusionTask");
        task.valueProperty().bindBidirectional(model.confusionTaskProperty());

        Slider cost = new Slider(0.5, 20, model.liveCostRatioProperty().get());
        cost.setId("costSlider");
        cost.setPrefWidth(240);
        cost.setMinWidth(160);
        cost.setShowTickMarks(true);
        cost.setMajorTickUnit(1);
        cost.setMinorTickCount(0);
        cost.setBlockIncrement(0.5);
        cost.valueProperty().bindBidirectional(model.liveCostRatioProperty());
        Label costValue = new Label();
        costValue.setId("costValue");
        costValue.setMinWidth(50);
        costValue.textProperty().bind(Bindings.createStringBinding(() -> String.format(
                Locale.ROOT, "%.1f : 1", model.liveCostRatioProperty().get()),
                model.liveCostRatioProperty()));

        GridPane matrix = new GridPane();
        matrix.setId("liveConfusionGrid");
        matrix.setHgap(16);
        matrix.setVgap(4);
        matrix.addRow(0, new Label(), bold("refused"), bold("accepted"));
        matrix.addRow(1, bold("bad"), cell("liveBadRefused", ConfusionMatrix::truePositives),
                cell("liveBadAccepted", ConfusionMatrix::falseNegatives));
        matrix.addRow(2, bold("good"), cell("liveGoodRefused", ConfusionMatrix::falsePositives),
                cell("liveGoodAccepted", ConfusionMatrix::trueNegatives));
        Label cutoff = new Label();
        cutoff.setId("liveCutoff");
        cutoff.setWrapText(true);
        cutoff.textProperty().bind(text(m -> String.format(Locale.ROOT, "Refuse from a "
                + "predicted probability of %s; cost per applicant %.4f (a bad accepted costs "
                + "%.1f, a good refused 1). Cut-off chosen on the test part itself.",
                Double.isInfinite(m.cutoff()) ? "— (nobody)" : String.format(Locale.ROOT,
                        "%.4f", m.cutoff()), m.costPerApplicant(), m.costRatio())));

        VBox controls = new VBox(6, MainView.heading("Cost of errors and the cut-off"),
                row(new Label("Task"), task),
                row(new Label("Bad accepted : good refused"), cost, costValue));
        HBox row = new HBox(24, controls, matrix, cutoff);
        controls.setMinWidth(Region.USE_PREF_SIZE);
        matrix.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(cutoff, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        for (Node node : nodes) {
            if (node instanceof Label label) {
                label.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return row;
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }

    private Label cell(String id, Function<ConfusionMatrix, Integer> value) {
        Label label = new Label();
        label.setId(id);
        label.setMinWidth(60);
        label.setAlignment(Pos.CENTER_RIGHT);
        label.textProperty().bind(text(m -> String.format(Locale.ROOT, "%,d", value.apply(m))));
        return label;
    }

    private StringBinding text(Function<ConfusionMatrix, String> format) {
        return Bindings.createStringBinding(() -> {
            ConfusionMatrix matrix = model.liveConfusionProperty().get();
            return matrix == null ? "" : format.apply(matrix);
        }, model.liveConfusionProperty());
    }

    /** The charts, for tests and the export. */
    LineChart<Number, Number> roc() {
        return rocChart;
    }

    LineChart<Number, Number> calibration() {
        return calibrationChart;
    }

    AreaChart<Number, Number> scores() {
        return scoreChart;
    }

    private static VBox titled(String title, Region content) {
        Label label = new Label(title);
        label.setWrapText(true);
        VBox box = new VBox(4, label, content);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private TableView<EvaluationViewModel.MetricsRow> metricsTable() {
        TableView<EvaluationViewModel.MetricsRow> table = new TableView<>(model.metrics());
        table.setId("evaluationMetricsTable");
        table.setPlaceholder(new Label("Metrics appear here after training"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(textColumn("Task", EvaluationViewModel.MetricsRow::task));
        table.getColumns().add(textColumn("Part", EvaluationViewModel.MetricsRow::part));
        table.getColumns().add(numberColumn("Rows", r -> r.metrics().rows(), "%,.0f"));
        table.getColumns().add(numberColumn("AUC", r -> r.metrics().auc(), "%.4f"));
        table.getColumns().add(textColumn("AUC 95 %", r -> interval(r.metrics().aucInterval(),
                "%.3f")));
        table.getColumns().add(numberColumn("Gini", r -> r.metrics().gini(), "%.4f"));
        table.getColumns().add(numberColumn("KS", r -> r.metrics().ks(), "%.4f"));
        table.getColumns().add(numberColumn("Brier", r -> r.metrics().brier(), "%.4f"));
        table.getColumns().add(numberColumn("Log loss", r -> r.metrics().logLoss(), "%.4f"));
        table.getColumns().add(numberColumn("PR-AUC", r -> r.metrics().prAuc(), "%.4f"));
        table.getColumns().add(numberColumn("MAE", r -> r.metrics().mae(), "%,.2f"));
        table.getColumns().add(textColumn("MAE 95 %", r -> interval(r.metrics().maeInterval(),
                "%,.2f")));
        table.getColumns().add(numberColumn("RMSE", r -> r.metrics().rmse(), "%,.2f"));
        table.getColumns().add(numberColumn("R²", r -> r.metrics().r2(), "%.4f"));
        table.setPrefHeight(190);
        return table;
    }

    private TableView<EvaluationViewModel.CalibrationRow> calibrationTable() {
        TableView<EvaluationViewModel.CalibrationRow> table =
                new TableView<>(model.calibration());
        table.setId("calibrationTable");
        table.setPlaceholder(new Label("Binary tasks only"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(textColumn("Task", EvaluationViewModel.CalibrationRow::task));
        table.getColumns().add(textColumn("Predicted", r -> String.format(Locale.ROOT,
                "%.1f–%.1f", r.bin().from(), r.bin().to())));
        table.getColumns().add(numberColumn("Rows", r -> r.bin().count(), "%,.0f"));
        table.getColumns().add(numberColumn("Mean predicted", r -> r.bin().meanPredicted(),
                "%.3f"));
        table.getColumns().add(numberColumn("Observed rate", r -> r.bin().observedRate(),
                "%.3f"));
        table.setPrefHeight(260);
        return table;
    }

    private TableView<EvaluationViewModel.ConfusionRow> confusionTable() {
        TableView<EvaluationViewModel.ConfusionRow> table = new TableView<>(model.confusion());
        table.setId("confusionTable");
        table.setPlaceholder(new Label("Binary tasks only"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(textColumn("Task", EvaluationViewModel.ConfusionRow::task));
        table.getColumns().add(textColumn("Part", EvaluationViewModel.ConfusionRow::part));
        table.getColumns().add(numberColumn("Cost ratio", r -> r.matrix().costRatio(),
                "%.1f"));
        table.getColumns().add(textColumn("Refuse from", r -> Double.isInfinite(
                r.matrix().cutoff()) ? "nobody" : String.format(Locale.ROOT, "%.4f",
                        r.matrix().cutoff())));
        table.getColumns().add(numberColumn("Bad refused", r -> r.matrix().truePositives(),
                "%,.0f"));
        table.getColumns().add(numberColumn("Good refused", r -> r.matrix().falsePositives(),
                "%,.0f"));
        table.getColumns().add(numberColumn("Good accepted", r -> r.matrix().trueNegatives(),
                "%,.0f"));
        table.getColumns().add(numberColumn("Bad accepted", r -> r.matrix().falseNegatives(),
                "%,.0f"));
        table.getColumns().add(numberColumn("Cost per applicant",
                r -> r.matrix().costPerApplicant(), "%.4f"));
        table.setPrefHeight(260);
        return table;
    }

    private HBox controls() {
        TextField costRatio = new TextField();
        costRatio.setId("costRatioField");
        costRatio.setPrefColumnCount(4);
        TextFormatter<Double> formatter = new TextFormatter<>(new DoubleStringConverter(),
                model.costRatioProperty().get());
        costRatio.setTextFormatter(formatter);
        formatter.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                model.costRatioProperty().set(value);
            }
        });

        Spinner<Integer> folds = new Spinner<>(2, 20, model.foldsProperty().get());
        folds.setId("foldsSpinner");
        folds.setPrefWidth(80);
        folds.valueProperty().addListener((obs, old, value) -> model.foldsProperty().set(value));

        var idle = Bindings.or(model.runningProperty(),
                Bindings.or(main.busyProperty(), main.tableProperty().isNull()));
        Button compare = new Button("Compare with baselines");
        compare.setId("compareButton");
        compare.disableProperty().bind(idle);
        compare.setOnAction(e -> model.compare());
        Button crossValidate = new Button("Cross-validate");
        crossValidate.setId("crossValidateButton");
        crossValidate.disableProperty().bind(idle);
        crossValidate.setOnAction(e -> model.crossValidate());
        Button cancel = new Button("Cancel");
        cancel.setId("evaluationCancelButton");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());

        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progressProperty());
        Label text = new Label();
        text.setId("evaluationProgressLabel");
        text.textProperty().bind(model.progressTextProperty());
        HBox row = new HBox(8, new Label("Cost ratio (bad accepted : good refused)"), costRatio,
                new Label("Folds"), folds, compare, crossValidate, cancel, bar, text);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private TableView<EvaluationViewModel.ComparisonRow> comparisonTable() {
        TableView<EvaluationViewModel.ComparisonRow> table = new TableView<>(model.comparison());
        table.setId("comparisonTable");
        table.setPlaceholder(new Label("Multi-task, single-task and linear models per task, on "
                + "the same split, appear here"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(textColumn("Task", EvaluationViewModel.ComparisonRow::task));
        table.getColumns().add(textColumn("Measure",
                EvaluationViewModel.ComparisonRow::measure));
        table.getColumns().add(numberColumn("Multi-task",
                EvaluationViewModel.ComparisonRow::multiTask, "%,.4f"));
        table.getColumns().add(numberColumn("Single-task",
                EvaluationViewModel.ComparisonRow::singleTask, "%,.4f"));
        table.getColumns().add(numberColumn("Linear", EvaluationViewModel.ComparisonRow::linear,
                "%,.4f"));
        table.getColumns().add(textColumn("Multi − single [95 %]",
                EvaluationViewModel.ComparisonRow::versusSingle));
        table.getColumns().add(textColumn("Multi − linear [95 %]",
                EvaluationViewModel.ComparisonRow::versusLinear));
        table.getColumns().add(textColumn("Verdict", EvaluationViewModel.ComparisonRow::verdict));
        table.setPrefHeight(150);
        return table;
    }

    private TableView<EvaluationViewModel.CrossValidationRow> crossValidationTable() {
        TableView<EvaluationViewModel.CrossValidationRow> table =
                new TableView<>(model.crossValidation());
        table.setId("crossValidationTable");
        table.setPlaceholder(new Label("Mean and standard deviation of every metric over the "
                + "folds appear here"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(textColumn("Task",
                EvaluationViewModel.CrossValidationRow::task));
        table.getColumns().add(textColumn("Metric",
                EvaluationViewModel.CrossValidationRow::metric));
        table.getColumns().add(numberColumn("Mean",
                EvaluationViewModel.CrossValidationRow::mean, "%,.4f"));
        table.getColumns().add(numberColumn("SD", EvaluationViewModel.CrossValidationRow::sd,
                "%,.4f"));
        table.setPrefHeight(220);
        return table;
    }

    private static String interval(Interval interval, String format) {
        if (Double.isNaN(interval.low())) {
            return "";
        }
        return String.format(Locale.ROOT, format + " – " + format, interval.low(),
                interval.high());
    }

}
