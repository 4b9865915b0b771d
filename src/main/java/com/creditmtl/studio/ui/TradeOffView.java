package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.TaskSpec;
import java.text.NumberFormat;
import java.text.ParseException;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Trade-offs tab, built in code over a {@link TradeOffViewModel}: the grid's controls with
 * Run and Cancel, a scatter chart of the default task's validation AUC against a chosen
 * regression task's validation MAE with the Pareto-optimal points in their own series and
 * colour, and a table of every point beside it with its validation figures, on which the points
 * are compared, and its test figures, kept for reporting the chosen point only. Before any point
 * is trained a sentence stands in for the chart, whose empty axes would mean nothing. Clicking a
 * point or selecting its row loads that point's model. Every text comes from {@link I18n} and
 * follows a change of language at once.
 */
public final class TradeOffView {

    static final String PARETO_MARK = "✓";
    /** The look of the point whose model is the window's study: a blue halo. */
    static final String LOADED_STYLE = "-fx-effect: dropshadow(gaussian, #1565c0, 10, 0.7, 0, 0);";

    private final TradeOffViewModel model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final NumberAxis maeAxis = new NumberAxis();
    private final NumberAxis aucAxis = new NumberAxis();
    private final ScatterChart<Number, Number> chart = new ScatterChart<>(maeAxis, aucAxis);
    private final TableView<TradeOffViewModel.Row> table = new TableView<>();

    public TradeOffView(TradeOffViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;

        root.setTop(new VBox(6, controls(), status()));
        SplitPane center = new SplitPane(chartPane(), tablePane());
        center.setDividerPositions(0.55);
        root.setCenter(center);
        root.setBottom(captions());
        root.setPadding(new Insets(8));
        root.getStylesheets().add(TradeOffView.class.getResource("tradeoff.css")
                .toExternalForm());

        model.rows().addListener((ListChangeListener<TradeOffViewModel.Row>) c -> rebuildChart());
        model.chosenRegressionProperty().addListener((obs, old, now) -> rebuildChart());
        model.loadedProperty().addListener((obs, old, now) -> rebuildChart());
        model.tasks().addListener((ListChangeListener<TaskSpec>) c -> rebuildColumns());
        i18n.localeProperty().addListener((obs, old, now) -> {
            rebuildChart();
            table.refresh();
        });
        model.selectedProperty().addListener((obs, old, row) -> {
            if (row != null && table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
            }
        });
    }

    public Region root() {
        return root;
    }

    private HBox controls() {
        Label stepLabel = label("tradeoff.step");
        stepLabel.setId("tradeOffStepLabel");
        ComboBox<Double> step = new ComboBox<>();
        step.getItems().setAll(TradeOffViewModel.STEPS);
        step.setId("tradeOffStepChoice");
        step.setConverter(numberConverter(2));
        step.valueProperty().bindBidirectional(model.stepProperty());
        // a new converter makes the box write its choices again in the new locale
        i18n.localeProperty().addListener((obs, old, now) -> step.setConverter(
                numberConverter(2)));

        Spinner<Double> minimum = new Spinner<>(0.05, 1.0, model.minimumWeightProperty().get(),
                0.05);
        minimum.setId("tradeOffMinimumSpinner");
        minimum.setPrefWidth(90);
        minimum.getValueFactory().setConverter(numberConverter(2));
        minimum.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                model.minimumWeightProperty().set(Math.round(value * 100) / 100.0);
            }
        });

        Spinner<Integer> epochs = new Spinner<>(new SpinnerValueFactory
                .IntegerSpinnerValueFactory(1, 500, model.epochsProperty().get()));
        epochs.setId("tradeOffEpochsSpinner");
        epochs.setEditable(true);
        epochs.setPrefWidth(90);
        epochs.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                model.epochsProperty().set(value);
            }
        });

        Button run = new Button();
        run.setId("tradeOffRunButton");
        run.textProperty().bind(i18n.bind("tradeoff.run"));
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.run());
        Button cancel = new Button();
        cancel.setId("tradeOffCancelButton");
        cancel.textProperty().bind(i18n.bind("tradeoff.cancel"));
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("tradeOffProgress");
        progress.progressProperty().bind(model.progressProperty());


        HBox grid = new HBox(8, stepLabel, step, label("tradeoff.minimum"), minimum,
                label("tradeoff.epochs"), epochs, run, cancel, progress);
        step.disableProperty().bind(model.runningProperty());
        minimum.disableProperty().bind(model.runningProperty());
        epochs.disableProperty().bind(model.runningProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // the language is the window's, chosen in View > Language
        HBox row = new HBox(8, grid, gap);
        row.setAlignment(Pos.CENTER_LEFT);
        grid.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Label status() {
        Label status = new Label();
        status.setId("tradeOffStatus");
        status.setWrapText(true);
        status.textProperty().bind(i18n.bind(model.statusProperty()));
        return status;
    }

    private VBox chartPane() {
        ComboBox<String> task = new ComboBox<>(model.regressionTasks());
        task.setId("tradeOffTaskChoice");
        task.valueProperty().bindBidirectional(model.chosenRegressionProperty());
        HBox choice = new HBox(8, label("tradeoff.regressionTask"), task);
        choice.setAlignment(Pos.CENTER_LEFT);

        chart.setId("tradeOffChart");
        ChartExport.offerPng(chart, "trade-offs.png", i18n);
        chart.setAnimated(false);
        chart.titleProperty().bind(i18n.bind("tradeoff.chart.title"));
        maeAxis.setForceZeroInRange(false);
        aucAxis.setForceZeroInRange(false);
        maeAxis.labelProperty().bind(i18n.bind(Bindings.createObjectBinding(
                () -> I18n.Message.of("tradeoff.axis.mae", model.chosenRegressionProperty()
                        .get() == null ? "" : model.chosenRegressionProperty().get()),
                model.chosenRegressionProperty())));
        aucAxis.labelProperty().bind(i18n.bind(Bindings.createObjectBinding(
                () -> I18n.Message.of("tradeoff.axis.auc", model.defaultTaskName()),
                model.tasks())));
        // until a point is trained the chart would show bare default axes and an empty legend
        Label empty = label("tradeoff.chart.empty");
        empty.setId("tradeOffChartEmpty");
        empty.setWrapText(true);
        empty.visibleProperty().bind(Bindings.isEmpty(model.rows()));
        chart.visibleProperty().bind(empty.visibleProperty().not());
        StackPane plot = new StackPane(chart, empty);
        VBox box = new VBox(6, choice, plot);
        VBox.setVgrow(plot, Priority.ALWAYS);
        return box;
    }

    private TableView<TradeOffViewModel.Row> tablePane() {
        table.setId("tradeOffTable");
        // sorting the table sorts a view of the points, not the view model's list
        SortedList<TradeOffViewModel.Row> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        Label placeholder = label("tradeoff.placeholder");
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.selectedProperty().set(row);
            }
        });
        return table;
    }

    private VBox captions() {
        Label caption = label("tradeoff.caption");
        caption.setWrapText(true);
        Label loaded = new Label();
        loaded.setId("tradeOffLoaded");
        loaded.setWrapText(true);
        loaded.textProperty().bind(i18n.bind(model.loadedTextProperty()));
        VBox box = new VBox(4, caption, loaded);
        box.setPadding(new Insets(6, 0, 0, 0));
        return box;
    }

    /**
     * Both series again from the points' validation figures, on which they are marked: the
     * Pareto-optimal first, so they take colour 0.
     */
    private void rebuildChart() {
        XYChart.Series<Number, Number> pareto = new XYChart.Series<>();
        pareto.setName(i18n.get("tradeoff.series.pareto"));
        XYChart.Series<Number, Number> dominated = new XYChart.Series<>();
        dominated.setName(i18n.get("tradeoff.series.dominated"));
        int defaultIndex = model.tasks().indexOf(model.tasks().stream()
                .filter(TaskSpec::isBinary).findFirst().orElse(null));
        for (TradeOffViewModel.Row row : model.rows()) {
            double mae = model.chosenValidationMae(row);
            // without a regression task the default task's weight stands on the x axis
            double x = Double.isNaN(mae) && defaultIndex >= 0
                    ? row.point().weights().get(defaultIndex) : mae;
            double auc = row.point().validationAuc();
            if (Double.isNaN(x) || Double.isNaN(auc)) {
                continue;
            }
            XYChart.Data<Number, Number> data = new XYChart.Data<>(x, auc);
            data.setExtraValue(row);
            StackPane symbol = new StackPane();
            Tooltip.install(symbol, new Tooltip(tooltip(row)));
            symbol.setOnMouseClicked(e -> model.selectedProperty().set(row));
            if (row == model.loadedProperty().get()) {
                // inline, since the chart sets the symbol's style classes itself
                symbol.setStyle(LOADED_STYLE);
            }
            data.setNode(symbol);
            (row.isPareto() ? pareto : dominated).getData().add(data);
        }
        chart.getData().setAll(List.of(pareto, dominated));
    }

    /** A point's weights, validation figures and mark, then its test figures for reporting. */
    String tooltip(TradeOffViewModel.Row row) {
        String task = model.chosenRegressionProperty().get();
        return i18n.get("tradeoff.tooltip", row.point().describeWeights(),
                i18n.number(row.point().validationAuc(), 4), task == null ? "" : task,
                i18n.number(model.chosenValidationMae(row), 2),
                i18n.get(row.isPareto() ? "tradeoff.series.pareto"
                        : "tradeoff.series.dominated"),
                i18n.number(row.point().testAuc(), 4),
                i18n.number(model.chosenTestMae(row), 2));
    }

    private void rebuildColumns() {
        table.getColumns().clear();
        TableColumn<TradeOffViewModel.Row, String> index = new TableColumn<>("#");
        index.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                Integer.toString(c.getValue().point().index() + 1)));
        index.setPrefWidth(40);
        table.getColumns().add(index);
        // weights and MAEs grouped under one heading, a column per task named by the task; the
        // validation figures, on which points are compared, come before the test figures, which
        // are only reported
        List<TaskSpec> tasks = List.copyOf(model.tasks());
        TableColumn<TradeOffViewModel.Row, Double> weights = group("tradeoff.column.weights");
        TableColumn<TradeOffViewModel.Row, Double> testMae = group("tradeoff.column.testMae");
        TableColumn<TradeOffViewModel.Row, Double> validationMae =
                group("tradeoff.column.validationMae");
        for (int t = 0; t < tasks.size(); t++) {
            int task = t;
            String name = tasks.get(t).name();
            weights.getColumns().add(numberColumn(new ReadOnlyStringWrapper(name),
                    r -> r.point().weights().get(task), 2));
            if (!tasks.get(t).isBinary()) {
                testMae.getColumns().add(numberColumn(new ReadOnlyStringWrapper(name),
                        r -> r.point().testMae(task), 2));
                validationMae.getColumns().add(numberColumn(new ReadOnlyStringWrapper(name),
                        r -> r.point().validationMae(task), 2));
            }
        }
        table.getColumns().add(weights);
        table.getColumns().add(numberColumn(i18n.bind("tradeoff.column.validationAuc"),
                r -> r.point().validationAuc(), 4));
        if (!validationMae.getColumns().isEmpty()) {
            table.getColumns().add(validationMae);
        }
        table.getColumns().add(numberColumn(i18n.bind("tradeoff.column.testAuc"),
                r -> r.point().testAuc(), 4));
        if (!testMae.getColumns().isEmpty()) {
            table.getColumns().add(testMae);
        }
        TableColumn<TradeOffViewModel.Row, String> pareto = new TableColumn<>();
        pareto.textProperty().bind(i18n.bind("tradeoff.column.pareto"));
        pareto.setCellValueFactory(c -> Bindings.when(c.getValue().paretoProperty())
                .then(PARETO_MARK).otherwise(""));
        table.getColumns().add(pareto);
    }

    private TableColumn<TradeOffViewModel.Row, Double> group(String key) {
        TableColumn<TradeOffViewModel.Row, Double> column = new TableColumn<>();
        column.textProperty().bind(i18n.bind(key));
        return column;
    }

    private TableColumn<TradeOffViewModel.Row, Double> numberColumn(
            ObservableValue<String> header, ToDoubleFunction<TradeOffViewModel.Row> value,
            int decimals) {
        TableColumn<TradeOffViewModel.Row, Double> column = TableColumns.number(header, value,
                v -> i18n.number(v, decimals));
        // wide enough for a task's name, so overdue_days and overdue_amount stay apart
        column.setPrefWidth(Math.max(75, header.getValue().length() * 8 + 24));
        return column;
    }

    private Label label(String key) {
        Label label = new Label();
        label.textProperty().bind(i18n.bind(key));
        return label;
    }

    private StringConverter<Double> numberConverter(int decimals) {
        return new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : i18n.number(value, decimals);
            }

            @Override
            public Double fromString(String text) {
                try {
                    return NumberFormat.getNumberInstance(i18n.locale()).parse(text.strip())
                            .doubleValue();
                } catch (ParseException e) {
                    return null;
                }
            }
        };
    }
}
