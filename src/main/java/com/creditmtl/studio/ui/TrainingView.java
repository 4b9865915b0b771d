package com.creditmtl.studio.ui;

import com.creditmtl.studio.eval.TaskMetrics;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.util.StringConverter;

/**
 * The Training view: a button to retrain from the same seed (train, pause and cancel are on
 * the window's tool bar);
 * the live weights; the loss chart in the chosen {@link LossView}; progress with the time left;
 * the test metrics of the last run; and the session's run history, any two runs side by side.
 */
final class TrainingView {

    private final MainViewModel model;
    private final I18n i18n;
    private final VBox liveWeights = new VBox(8);
    private final ObservableList<RunRecord.Comparison> comparison =
            FXCollections.observableArrayList();

    TrainingView(MainViewModel model) {
        this.model = model;
        this.i18n = model.i18n();
    }

    Region build() {
        BorderPane pane = new BorderPane();
        pane.setTop(toolBar());
        pane.setLeft(weightsPanel());
        SplitPane split = new SplitPane(chartBox(), resultsBox());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        pane.setCenter(split);
        return pane;
    }

    private ToolBar toolBar() {
        Button retrain = new Button();
        retrain.textProperty().bind(i18n.bind("training.retrain"));
        retrain.setId("retrainButton");
        retrain.disableProperty().bind(model.busyProperty()
                .or(model.tableProperty().isNull()).or(Bindings.isEmpty(model.runs())));
        retrain.setOnAction(e -> model.retrainSameSeed());

        ComboBox<LossView> view = new ComboBox<>();
        view.setId("lossViewChoice");
        view.getItems().setAll(LossView.values());
        TranslatedText.names(view, i18n, this::lossViewNames);
        view.valueProperty().bindBidirectional(model.lossViewProperty());

        ProgressBar progress = new ProgressBar();
        progress.setId("progressBar");
        progress.setPrefWidth(180);
        progress.progressProperty().bind(model.progressProperty());
        Label left = new Label();
        left.setId("timeLeftLabel");
        // after the epoch line: "Epoch 11 of 50 · 1 s elapsed · about 4 s left"
        left.textProperty().bind(Bindings.createStringBinding(() -> {
            String text = model.timeLeftProperty().get();
            return text == null || text.isEmpty() ? "" : "· " + text;
        }, model.timeLeftProperty()));
        Label progressText = new Label();
        progressText.setId("progressText");
        progressText.textProperty().bind(model.progressTextProperty());

        Label show = new Label();
        show.textProperty().bind(i18n.bind("training.show"));
        return new ToolBar(retrain, show, view, progress, progressText, left);
    }

    /** Each loss view by its name in the current language. */
    private StringConverter<LossView> lossViewNames() {
        return new StringConverter<>() {
            @Override
            public String toString(LossView view) {
                return view == null ? "" : i18n.get(view.key());
            }

            @Override
            public LossView fromString(String text) {
                for (LossView view : LossView.values()) {
                    if (i18n.get(view.key()).equals(text)) {
                        return view;
                    }
                }
                return null;
            }
        };
    }

    private Region weightsPanel() {
        liveWeights.setId("liveWeightBox");
        model.tasks().addListener((ListChangeListener<TaskWeight>) change -> {
            liveWeights.getChildren().clear();
            for (TaskWeight weight : model.tasks()) {
                liveWeights.getChildren().add(TasksModelView.weightRow(weight, "live-weight-",
                        i18n));
            }
        });
        Label note = new Label();
        note.textProperty().bind(i18n.bind("training.weightsNote"));
        note.setWrapText(true);
        VBox box = new VBox(10, MainView.heading(i18n.bind("training.weights")), note,
                liveWeights);
        box.setPadding(new Insets(10));
        box.setPrefWidth(235);
        return box;
    }

    private Region chartBox() {
        NumberAxis epochAxis = new NumberAxis(1, model.epochsProperty().get(), 1);
        epochAxis.labelProperty().bind(i18n.bind("training.axis.epoch"));
        epochAxis.setAutoRanging(false);
        epochAxis.setMinorTickVisible(false);
        epochAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                double epoch = value.doubleValue();
                return epoch == Math.rint(epoch) ? Long.toString((long) epoch) : "";
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text);
            }
        });
        // The axis spans the epochs of the run being drawn, fixed when it starts.
        model.trainingProperty().addListener((obs, was, now) -> {
            if (now) {
                int planned = model.epochsProperty().get();
                epochAxis.setUpperBound(Math.max(2, planned));
                epochAxis.setTickUnit(Math.max(1, Math.ceil(planned / 20.0)));
            }
        });
        NumberAxis lossAxis = new NumberAxis();
        lossAxis.labelProperty().bind(Bindings.createStringBinding(
                () -> i18n.get(model.lossViewProperty().get().key()), model.lossViewProperty(),
                i18n.localeProperty()));
        lossAxis.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(epochAxis, lossAxis);
        chart.setId("lossChart");
        chart.titleProperty().bind(i18n.bind("training.chart.title"));
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setData(model.lossSeries());
        ChartExport.offerPng(chart, "loss-per-epoch.png", i18n);

        Label caption = new Label();
        caption.setId("lossCaption");
        caption.textProperty().bind(i18n.bind("training.caption"));
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.setPadding(new Insets(0, 8, 4, 8));
        VBox box = new VBox(chart, caption);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return box;
    }

    private Region resultsBox() {
        TableView<TaskMetrics> metrics = new TableView<>(model.metrics());
        metrics.setId("metricsTable");
        metrics.setPlaceholder(placeholder("training.metricsPlaceholder"));
        metrics.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // a head with weight 0 was not trained: its figures say nothing about the task
        TableColumn<TaskMetrics, String> task = TableColumns.text(
                i18n.bind("training.column.task"), m -> m.weight() == 0
                        ? i18n.get("training.untrainedTask", m.task()) : m.task());
        task.setMinWidth(130);
        metrics.getColumns().add(task);
        TableColumn<TaskMetrics, String> type = TableColumns.text(
                i18n.bind("training.column.type"),
                m -> i18n.get(TasksModelView.typeKey(m.type())));
        // wide enough for "regression" and for an amount's RMSE in the tens of thousands
        type.setMinWidth(88);
        metrics.getColumns().add(type);
        metrics.getColumns().add(numberColumn("training.column.weight", TaskMetrics::weight, 2));
        metrics.getColumns().add(numberColumn("training.column.auc", TaskMetrics::auc, 4));
        metrics.getColumns().add(numberColumn("training.column.ks", TaskMetrics::ks, 4));
        metrics.getColumns().add(numberColumn("training.column.mae", TaskMetrics::mae, 1));
        TableColumn<TaskMetrics, Double> rmse = numberColumn("training.column.rmse",
                TaskMetrics::rmse, 1);
        rmse.setMinWidth(80);
        metrics.getColumns().add(rmse);
        metrics.getColumns().forEach(column -> column.setMinWidth(Math.max(column.getMinWidth(),
                60)));
        metrics.getColumns().forEach(TableColumns::wholeHeading);

        TableView<RunRecord> runs = new TableView<>(model.runs());
        runs.setId("runTable");
        runs.setPlaceholder(placeholder("training.runsPlaceholder"));
        runs.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runs.getColumns().add(TableColumns.wrapped(TableColumns.text(
                i18n.bind("training.column.run"), run -> run.label(i18n))));
        runs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        runs.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<RunRecord>) change -> compareSelected(runs));
        model.runs().addListener((ListChangeListener<RunRecord>) change -> {
            // a new run is compared with the one before it until the analyst picks others
            int size = model.runs().size();
            if (size >= 2) {
                runs.getSelectionModel().clearSelection();
                runs.getSelectionModel().selectIndices(size - 2, size - 1);
            }
        });

        TableView<RunRecord.Comparison> side = new TableView<>(comparison);
        side.setId("comparisonTable");
        side.setPlaceholder(placeholder("training.comparisonPlaceholder"));
        side.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RunRecord.Comparison, String> name = TableColumns.text(
                i18n.bind("training.column.setting"), RunRecord.Comparison::name);
        name.setPrefWidth(150);
        side.getColumns().add(TableColumns.withTooltips(name));
        TableColumn<RunRecord.Comparison, String> first = new TableColumn<>();
        first.textProperty().bind(i18n.bind("training.column.first"));
        first.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().first()));
        TableColumn<RunRecord.Comparison, String> second = new TableColumn<>();
        second.textProperty().bind(i18n.bind("training.column.second"));
        second.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().second()));
        side.getColumns().add(TableColumns.withTooltips(first));
        side.getColumns().add(TableColumns.withTooltips(second));
        side.getColumns().forEach(TableColumns::wholeHeading);
        runs.getColumns().forEach(TableColumns::wholeHeading);
        side.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RunRecord.Comparison item, boolean empty) {
                super.updateItem(item, empty);
                setStyle(!empty && item != null && item.differs()
                        ? "-fx-font-weight: bold;" : "");
            }
        });

        // cells written in words follow the language: the type, the run labels, the comparison
        i18n.localeProperty().addListener((obs, old, now) -> {
            metrics.refresh();
            runs.refresh();
            compareSelected(runs);
        });

        VBox history = new VBox(4, MainView.heading(i18n.bind("training.history")), runs);
        VBox.setVgrow(runs, Priority.ALWAYS);
        VBox metricsBox = new VBox(4, MainView.heading(i18n.bind("training.lastMetrics")),
                metrics);
        VBox.setVgrow(metrics, Priority.ALWAYS);
        VBox sideBox = new VBox(4, MainView.heading(i18n.bind("training.sideBySide")), side);
        VBox.setVgrow(side, Priority.ALWAYS);
        for (VBox part : List.of(metricsBox, history, sideBox)) {
            part.setPadding(new Insets(6, 6, 6, 6));
        }
        SplitPane box = new SplitPane(metricsBox, history, sideBox);
        // the metrics and the runs side by side wide enough for their headings; a run's
        // label wraps in the history between them
        box.setDividerPositions(0.545, 0.675);
        return box;
    }

    private void compareSelected(TableView<RunRecord> runs) {
        List<RunRecord> selected = List.copyOf(runs.getSelectionModel().getSelectedItems());
        if (selected.size() >= 2) {
            comparison.setAll(RunRecord.compare(selected.get(0),
                    selected.get(selected.size() - 1), i18n));
        } else {
            comparison.clear();
        }
    }

    /** A table's text while it is empty, wrapped onto more lines in a narrow table. */
    private Label placeholder(String key) {
        Label label = new Label();
        label.textProperty().bind(i18n.bind(key));
        label.setWrapText(true);
        label.setTextAlignment(TextAlignment.CENTER);
        label.setPadding(new Insets(4, 8, 4, 8));
        return label;
    }

    /** A column of figures headed by a key, in the window's language. */
    private <T> TableColumn<T, Double> numberColumn(String key, ToDoubleFunction<T> value,
            int decimals) {
        return TableColumns.number(i18n.bind(key), value, v -> i18n.number(v, decimals));
    }
}
