package com.creditmtl.studio.ui;

import com.creditmtl.studio.eval.ConfusionMatrix;
import com.creditmtl.studio.eval.Interval;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import javafx.util.converter.DoubleStringConverter;

/**
 * The Evaluation tab: the trained model's metrics per task on test and validation, charts of
 * the test part (ROC curves, calibration, scores by outcome), a confusion matrix whose cut-off
 * follows a cost slider, the calibration table and confusion matrices, and the comparison with
 * baselines and the cross-validation, started here and shown in tables. Each chart and the HTML
 * report can be exported. Binds controls to {@link EvaluationViewModel} and holds no logic of
 * its own.
 *
 * <p>Every text comes from the window's {@link I18n} and follows a change of language at once:
 * labels, chart titles and axes are bound, and the tables are drawn again, so their headers,
 * figures and words (parts, metric names, verdicts) change too. Task and column names from the
 * data stay as they are. The HTML report is English whatever the language (see
 * {@link EvaluationViewModel#writeReport}); its menu item says so in Chinese.
 */
final class EvaluationView {

    private static final String STYLES =
            EvaluationView.class.getResource("charts.css").toExternalForm();

    /** The keys of the metric names of the cross-validation, by the names the study gives. */
    private static final Map<String, String> METRIC_KEYS = Map.ofEntries(
            Map.entry("auc", "evaluation.column.auc"),
            Map.entry("gini", "evaluation.column.gini"),
            Map.entry("ks", "evaluation.column.ks"),
            Map.entry("brier", "evaluation.column.brier"),
            Map.entry("log_loss", "evaluation.column.logLoss"),
            Map.entry("pr_auc", "evaluation.column.prAuc"),
            Map.entry("cost_per_applicant", "evaluation.column.costPerApplicant"),
            Map.entry("mae", "evaluation.column.mae"),
            Map.entry("rmse", "evaluation.column.rmse"),
            Map.entry("r2", "evaluation.column.r2"));

    private final EvaluationViewModel model;
    private final MainViewModel main;
    private final I18n i18n;
    private final LineChart<Number, Number> rocChart;
    private final LineChart<Number, Number> calibrationChart;
    private final AreaChart<Number, Number> scoreChart;

    EvaluationView(EvaluationViewModel model, MainViewModel main) {
        this.model = model;
        this.main = main;
        this.i18n = main.i18n();
        this.rocChart = rocChart();
        this.calibrationChart = calibrationChart();
        this.scoreChart = scoreChart();
    }

    Region build() {
        List<TableView<?>> tables = List.of(metricsTable(), calibrationTable(),
                confusionTable(), comparisonTable(), crossValidationTable());
        // cells are written when drawn: draw them again in the new language
        i18n.localeProperty().addListener((obs, old, now) -> tables.forEach(TableView::refresh));
        VBox box = new VBox(8, heading("evaluation.metricsPerTask"), tables.get(0),
                chartsHeader(), charts(), liveConfusion(),
                new HBox(12, titled("evaluation.calibration", tables.get(1)),
                        titled("evaluation.confusion", tables.get(2))),
                heading("evaluation.doesMtlHelp"), controls(), tables.get(3),
                heading("evaluation.crossValidation"), tables.get(4));
        box.setId("evaluationContent");
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private HBox chartsHeader() {
        MenuButton export = new MenuButton();
        export.setId("evaluationExportButton");
        export.textProperty().bind(i18n.bind("evaluation.export"));
        export.getItems().addAll(
                exportItem("evaluation.export.roc", "roc.png", rocChart),
                exportItem("evaluation.export.calibration", "calibration.png",
                        calibrationChart),
                exportItem("evaluation.export.scores", "scores.png", scoreChart));
        MenuItem report = new MenuItem();
        report.setId("evaluationReportItem");
        report.textProperty().bind(i18n.bind("evaluation.export.report"));
        report.setOnAction(e -> chooseFile("evaluation.export.reportTitle", "report.html",
                "evaluation.export.htmlFilter", "*.html").ifPresent(model::writeReport));
        export.getItems().add(report);
        export.disableProperty().bind(main.studyProperty().isNull());
        Label message = new Label();
        message.setId("evaluationExportMessage");
        message.textProperty().bind(i18n.bind(model.exportMessageProperty()));
        Label heading = heading("evaluation.testPart");
        heading.setId("evaluationTestPartHeading");
        HBox row = new HBox(12, heading, export, message);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private MenuItem exportItem(String key, String name, Node chart) {
        MenuItem item = new MenuItem();
        item.textProperty().bind(i18n.bind(key));
        item.setOnAction(e -> chooseFile("chartExport.chooserTitle", name,
                "chartExport.pngFilter", "*.png").ifPresent(file -> exportChart(chart, file)));
        return item;
    }

    private Optional<Path> chooseFile(String titleKey, String name, String kindKey,
            String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get(titleKey));
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get(kindKey),
                pattern));
        File file = chooser.showSaveDialog(rocChart.getScene().getWindow());
        return Optional.ofNullable(file).map(File::toPath);
    }

    /** Saves a chart as PNG and says so below the export button. */
    void exportChart(Node chart, Path file) {
        String name = file.getFileName().toString();
        try {
            ChartExport.png(chart, file);
            model.exportMessageProperty().set(I18n.Message.of("evaluation.export.saved", name));
        } catch (IOException | RuntimeException e) {
            model.exportMessageProperty().set(I18n.Message.of("chartExport.failed", name,
                    I18n.sentenceOf(e)));
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
        LineChart<Number, Number> chart = new LineChart<>(unitAxis("evaluation.chart.roc.x"),
                unitAxis("evaluation.chart.roc.y"));
        chart.setId("rocChart");
        chart.getStyleClass().add("diagonal-first");
        chart.getStylesheets().add(STYLES);
        chart.titleProperty().bind(i18n.bind("evaluation.chart.roc.title"));
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setData(model.rocSeries());
        return chart;
    }

    private LineChart<Number, Number> calibrationChart() {
        LineChart<Number, Number> chart = new LineChart<>(
                unitAxis("evaluation.chart.calibration.x"),
                unitAxis("evaluation.chart.calibration.y"));
        chart.setId("calibrationChart");
        chart.getStyleClass().add("diagonal-first");
        chart.getStylesheets().add(STYLES);
        chart.titleProperty().bind(i18n.bind("evaluation.chart.calibration.title"));
        chart.setAnimated(false);
        chart.setData(model.calibrationSeries());
        return chart;
    }

    /**
     * The scores of the test applicants by outcome. The bands lie between the 1st and 99th
     * percentile of the scores and the scores beyond are counted in the end bands, so the
     * axis' end labels say so: "≤ 460" at the low end, "≥ 590" at the high end.
     */
    private AreaChart<Number, Number> scoreChart() {
        NumberAxis score = new NumberAxis();
        score.labelProperty().bind(i18n.bind("evaluation.chart.scores.x"));
        score.setForceZeroInRange(false);
        score.setMinorTickVisible(false);
        StringConverter<Number> labels = new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return scoreTickLabel(score, value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text);
            }
        };
        score.setTickLabelFormatter(labels);
        NumberAxis count = new NumberAxis();
        count.labelProperty().bind(i18n.bind("evaluation.chart.scores.y"));
        AreaChart<Number, Number> chart = new AreaChart<>(score, count);
        chart.setId("scoreChart");
        chart.getStyleClass().add("outcome-chart");
        chart.getStylesheets().add(STYLES);
        chart.titleProperty().bind(i18n.bind("evaluation.chart.scores.title"));
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setData(model.scoreSeries());
        model.scoreSeries().addListener(
                (ListChangeListener<XYChart.Series<Number, Number>>) c ->
                        fitBands(score, model.scoreSeries()));
        fitBands(score, model.scoreSeries());
        return chart;
    }

    /**
     * Spans the score axis over the bands' edges, found from the bands' middles (the bands
     * are of equal width), widened to round scores; with fewer than two bands the axis
     * ranges itself.
     */
    private static void fitBands(NumberAxis axis,
            List<XYChart.Series<Number, Number>> series) {
        List<XYChart.Data<Number, Number>> points = series.isEmpty()
                ? List.of() : series.get(0).getData();
        if (points.size() < 2) {
            axis.setAutoRanging(true);
            return;
        }
        double first = points.get(0).getXValue().doubleValue();
        double last = points.get(points.size() - 1).getXValue().doubleValue();
        double half = (last - first) / (points.size() - 1) / 2;
        double[] range = bandAxisRange(first - half, last + half);
        axis.setAutoRanging(false);
        axis.setLowerBound(range[0]);
        axis.setUpperBound(range[1]);
        axis.setTickUnit(range[2]);
    }

    /**
     * The score axis over bands from {@code low} to {@code high}: {lower, upper, unit}, the
     * ends the multiples of a round unit just outside the bands' edges, so every tick is a
     * round score and the ends' labels ("≤ lower", "≥ upper") hold for the end bands.
     */
    static double[] bandAxisRange(double low, double high) {
        double unit = Ticks.roundStep((high - low) / 8);
        return new double[] {Math.floor(low / unit) * unit, Math.ceil(high / unit) * unit, unit};
    }

    /** A score tick's label: the axis' ends are open, "≤ low" and "≥ high". */
    private String scoreTickLabel(NumberAxis axis, double value) {
        String number = i18n.number(value, 0);
        if (axis.isAutoRanging()) {
            return number;
        }
        if (value == axis.getLowerBound()) {
            return i18n.get("evaluation.chart.scores.atMost", number);
        }
        if (value == axis.getUpperBound()) {
            return i18n.get("evaluation.chart.scores.atLeast", number);
        }
        return number;
    }

    private NumberAxis unitAxis(String key) {
        NumberAxis axis = new NumberAxis(0, 1, 0.2);
        axis.labelProperty().bind(i18n.bind(key));
        axis.setAutoRanging(false);
        return axis;
    }

    private HBox liveConfusion() {
        ComboBox<String> task = new ComboBox<>(model.binaryTasks());
        task.setId("liveConfusionTask");
        task.valueProperty().bindBidirectional(model.confusionTaskProperty());

        Slider cost = new Slider(0.5, 20, model.costRatioProperty().get());
        cost.setId("costSlider");
        cost.setPrefWidth(240);
        cost.setMinWidth(160);
        cost.setShowTickMarks(true);
        cost.setMajorTickUnit(1);
        cost.setMinorTickCount(0);
        cost.setBlockIncrement(0.5);
        cost.valueProperty().bindBidirectional(model.costRatioProperty());
        Label costValue = new Label();
        costValue.setId("costValue");
        costValue.setMinWidth(50);
        costValue.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(
                "evaluation.live.costValue", model.costRatioProperty().get()),
                model.costRatioProperty(), i18n.localeProperty()));

        GridPane matrix = new GridPane();
        matrix.setId("liveConfusionGrid");
        matrix.setHgap(16);
        matrix.setVgap(4);
        matrix.addRow(0, new Label(), bold("evaluation.live.refused"),
                bold("evaluation.live.accepted"));
        matrix.addRow(1, bold("evaluation.live.bad"),
                cell("liveBadRefused", ConfusionMatrix::truePositives),
                cell("liveBadAccepted", ConfusionMatrix::falseNegatives));
        matrix.addRow(2, bold("evaluation.live.good"),
                cell("liveGoodRefused", ConfusionMatrix::falsePositives),
                cell("liveGoodAccepted", ConfusionMatrix::trueNegatives));
        Label cutoff = new Label();
        cutoff.setId("liveCutoff");
        cutoff.setWrapText(true);
        cutoff.textProperty().bind(text(m -> i18n.get("evaluation.live.cutoff",
                Double.isInfinite(m.cutoff()) ? i18n.get("evaluation.live.nobody")
                        : i18n.number(m.cutoff(), 4), m.costPerApplicant(), m.costRatio())));

        Label costLabel = label("evaluation.live.costRatio");
        costLabel.setId("liveCostLabel");
        VBox controls = new VBox(6, heading("evaluation.live.heading"),
                row(label("evaluation.live.task"), task), row(costLabel, cost, costValue));
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

    private Label label(String key) {
        Label label = new Label();
        label.textProperty().bind(i18n.bind(key));
        return label;
    }

    /** A heading over a part of the tab, in the style of the window's headings. */
    private Label heading(String key) {
        Label label = label(key);
        label.setStyle("-fx-font-weight: bold; -fx-font-size: 1.1em;");
        return label;
    }

    private Label bold(String key) {
        Label label = label(key);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }

    private Label cell(String id, Function<ConfusionMatrix, Integer> value) {
        Label label = new Label();
        label.setId(id);
        label.setMinWidth(60);
        label.setAlignment(Pos.CENTER_RIGHT);
        label.textProperty().bind(text(m -> i18n.number(value.apply(m), 0)));
        return label;
    }

    /** A text of the live confusion matrix, following the matrix and the language. */
    private StringBinding text(Function<ConfusionMatrix, String> format) {
        return Bindings.createStringBinding(() -> {
            ConfusionMatrix matrix = model.liveConfusionProperty().get();
            return matrix == null ? "" : format.apply(matrix);
        }, model.liveConfusionProperty(), i18n.localeProperty());
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

    private VBox titled(String key, Region content) {
        Label label = label(key);
        label.setWrapText(true);
        VBox box = new VBox(4, label, content);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private <T> TableView<T> table(String id, ObservableList<T> items,
            String placeholderKey, double height) {
        TableView<T> table = new TableView<>(items);
        table.setId(id);
        Label placeholder = label(placeholderKey);
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(height);
        return table;
    }

    private TableView<EvaluationViewModel.MetricsRow> metricsTable() {
        TableView<EvaluationViewModel.MetricsRow> table = table("evaluationMetricsTable",
                model.metrics(), "evaluation.metricsPlaceholder", 190);
        table.getColumns().add(textColumn("evaluation.column.task",
                EvaluationViewModel.MetricsRow::task));
        table.getColumns().add(textColumn("evaluation.column.part", r -> part(r.part())));
        table.getColumns().add(numberColumn("evaluation.column.rows", r -> r.metrics().rows(),
                0));
        table.getColumns().add(numberColumn("evaluation.column.auc", r -> r.metrics().auc(),
                4));
        table.getColumns().add(textColumn("evaluation.column.aucInterval",
                r -> interval(r.metrics().aucInterval(), 3)));
        table.getColumns().add(numberColumn("evaluation.column.gini", r -> r.metrics().gini(),
                4));
        table.getColumns().add(numberColumn("evaluation.column.ks", r -> r.metrics().ks(), 4));
        table.getColumns().add(numberColumn("evaluation.column.brier",
                r -> r.metrics().brier(), 4));
        table.getColumns().add(numberColumn("evaluation.column.logLoss",
                r -> r.metrics().logLoss(), 4));
        table.getColumns().add(numberColumn("evaluation.column.prAuc",
                r -> r.metrics().prAuc(), 4));
        table.getColumns().add(numberColumn("evaluation.column.mae", r -> r.metrics().mae(),
                2));
        table.getColumns().add(textColumn("evaluation.column.maeInterval",
                r -> interval(r.metrics().maeInterval(), 2)));
        table.getColumns().add(numberColumn("evaluation.column.rmse", r -> r.metrics().rmse(),
                2));
        table.getColumns().add(numberColumn("evaluation.column.r2", r -> r.metrics().r2(), 4));
        // room for a whole task name and a whole interval; the figures take what is left
        table.getColumns().get(0).setMinWidth(150);
        table.getColumns().get(4).setMinWidth(110);
        table.getColumns().get(11).setMinWidth(150);
        return table;
    }

    private TableView<EvaluationViewModel.CalibrationRow> calibrationTable() {
        TableView<EvaluationViewModel.CalibrationRow> table = table("calibrationTable",
                model.calibration(), "evaluation.binaryOnly", 260);
        table.getColumns().add(textColumn("evaluation.column.task",
                EvaluationViewModel.CalibrationRow::task));
        table.getColumns().add(textColumn("evaluation.column.predicted",
                r -> i18n.number(r.bin().from(), 1) + "–" + i18n.number(r.bin().to(), 1)));
        table.getColumns().add(numberColumn("evaluation.column.rows", r -> r.bin().count(), 0));
        table.getColumns().add(numberColumn("evaluation.column.meanPredicted",
                r -> r.bin().meanPredicted(), 3));
        table.getColumns().add(numberColumn("evaluation.column.observedRate",
                r -> r.bin().observedRate(), 3));
        return table;
    }

    private TableView<EvaluationViewModel.ConfusionRow> confusionTable() {
        TableView<EvaluationViewModel.ConfusionRow> table = table("confusionTable",
                model.confusion(), "evaluation.binaryOnly", 260);
        table.getColumns().add(textColumn("evaluation.column.task",
                EvaluationViewModel.ConfusionRow::task));
        table.getColumns().add(textColumn("evaluation.column.part", r -> part(r.part())));
        table.getColumns().add(numberColumn("evaluation.column.costRatio",
                r -> r.matrix().costRatio(), 1));
        table.getColumns().add(textColumn("evaluation.column.refuseFrom",
                r -> Double.isInfinite(r.matrix().cutoff()) ? i18n.get("evaluation.nobody")
                        : i18n.number(r.matrix().cutoff(), 4)));
        table.getColumns().add(numberColumn("evaluation.column.badRefused",
                r -> r.matrix().truePositives(), 0));
        table.getColumns().add(numberColumn("evaluation.column.goodRefused",
                r -> r.matrix().falsePositives(), 0));
        table.getColumns().add(numberColumn("evaluation.column.goodAccepted",
                r -> r.matrix().trueNegatives(), 0));
        table.getColumns().add(numberColumn("evaluation.column.badAccepted",
                r -> r.matrix().falseNegatives(), 0));
        table.getColumns().add(numberColumn("evaluation.column.costPerApplicant",
                r -> r.matrix().costPerApplicant(), 4));
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
        // the cost slider above moves the same ratio
        model.costRatioProperty().addListener((obs, old, value) -> {
            if (!value.equals(formatter.getValue())) {
                formatter.setValue(value.doubleValue());
            }
        });

        Spinner<Integer> folds = new Spinner<>(2, 20, model.foldsProperty().get());
        folds.setId("foldsSpinner");
        folds.setPrefWidth(80);
        folds.valueProperty().addListener((obs, old, value) -> model.foldsProperty().set(value));

        var idle = Bindings.or(model.runningProperty(),
                Bindings.or(main.busyProperty(), main.tableProperty().isNull()));
        Button compare = button("compareButton", "evaluation.compare");
        compare.disableProperty().bind(idle);
        compare.setOnAction(e -> model.compare());
        Button crossValidate = button("crossValidateButton", "evaluation.crossValidate");
        crossValidate.disableProperty().bind(idle);
        crossValidate.setOnAction(e -> model.crossValidate());
        Button cancel = button("evaluationCancelButton", "evaluation.cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());

        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progressProperty());
        Label text = new Label();
        text.setId("evaluationProgressLabel");
        text.textProperty().bind(i18n.bind(model.progressTextProperty()));
        Label costLabel = label("evaluation.costRatio");
        costLabel.setId("costRatioLabel");
        HBox row = new HBox(8, costLabel, costRatio, label("evaluation.folds"), folds, compare,
                crossValidate, cancel, bar, text);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Button button(String id, String key) {
        Button button = new Button();
        button.setId(id);
        button.textProperty().bind(i18n.bind(key));
        return button;
    }

    private TableView<EvaluationViewModel.ComparisonRow> comparisonTable() {
        TableView<EvaluationViewModel.ComparisonRow> table = table("comparisonTable",
                model.comparison(), "evaluation.comparisonPlaceholder", 150);
        table.getColumns().add(textColumn("evaluation.column.task",
                EvaluationViewModel.ComparisonRow::task));
        table.getColumns().add(textColumn("evaluation.column.measure",
                EvaluationViewModel.ComparisonRow::measure));
        table.getColumns().add(numberColumn("evaluation.column.multiTask",
                EvaluationViewModel.ComparisonRow::multiTask, 4));
        table.getColumns().add(numberColumn("evaluation.column.singleTask",
                EvaluationViewModel.ComparisonRow::singleTask, 4));
        table.getColumns().add(numberColumn("evaluation.column.linear",
                EvaluationViewModel.ComparisonRow::linear, 4));
        table.getColumns().add(textColumn("evaluation.column.versusSingle",
                r -> difference(r.versusSingle(), r.versusSingleInterval())));
        table.getColumns().add(textColumn("evaluation.column.versusLinear",
                r -> difference(r.versusLinear(), r.versusLinearInterval())));
        table.getColumns().add(textColumn("evaluation.column.verdict",
                r -> i18n.get("evaluation.verdict.both", i18n.get(r.verdictVersusSingle()),
                        i18n.get(r.verdictVersusLinear()))));
        return table;
    }

    private TableView<EvaluationViewModel.CrossValidationRow> crossValidationTable() {
        TableView<EvaluationViewModel.CrossValidationRow> table = table("crossValidationTable",
                model.crossValidation(), "evaluation.crossValidationPlaceholder", 220);
        table.getColumns().add(textColumn("evaluation.column.task",
                EvaluationViewModel.CrossValidationRow::task));
        table.getColumns().add(textColumn("evaluation.column.metric", r -> metric(r.metric())));
        table.getColumns().add(numberColumn("evaluation.column.mean",
                EvaluationViewModel.CrossValidationRow::mean, 4));
        table.getColumns().add(numberColumn("evaluation.column.sd",
                EvaluationViewModel.CrossValidationRow::sd, 4));
        return table;
    }

    /** A column of text, headed in the window's language. */
    private <T> TableColumn<T, String> textColumn(String key, Function<T, String> value) {
        return TableColumns.text(i18n.bind(key), value);
    }

    /** A column of figures in the current locale with the given decimals. */
    private <T> TableColumn<T, Double> numberColumn(String key, ToDoubleFunction<T> value,
            int decimals) {
        return TableColumns.number(i18n.bind(key), value, v -> i18n.number(v, decimals));
    }

    /** The part of the table in words: test or validation. */
    private String part(String part) {
        return i18n.get("evaluation.part." + part);
    }

    /** A metric of the cross-validation by its name in the tables; an unknown one as given. */
    private String metric(String name) {
        String key = METRIC_KEYS.get(name);
        return key == null ? name : i18n.get(key);
    }

    private String interval(Interval interval, int decimals) {
        if (Double.isNaN(interval.low())) {
            return "";
        }
        return i18n.number(interval.low(), decimals) + " – "
                + i18n.number(interval.high(), decimals);
    }

    /** A difference with its sign and its 95 % interval, e.g. +0.0123 [-0.0040, +0.0290]. */
    private String difference(double value, Interval interval) {
        if (Double.isNaN(value)) {
            return "";
        }
        return signed(value) + " [" + signed(interval.low()) + ", " + signed(interval.high())
                + "]";
    }

    private String signed(double value) {
        // adding zero turns -0.0 into 0.0, which is written +0.0000
        double plain = value + 0.0;
        return (plain >= 0 ? "+" : "") + i18n.number(plain, 4);
    }
}
