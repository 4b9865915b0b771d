package com.creditmtl.studio.ui;

import com.creditmtl.studio.eval.TaskMetrics;
import java.util.List;
import java.util.Locale;
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
import javafx.util.StringConverter;

/**
 * The Training view: a button to retrain from the same seed (train, pause and cancel are on
 * the window's tool bar);
 * the live weights; the loss chart in the chosen {@link LossView}; progress with the time left;
 * the test metrics of the last run; and the session's run history, any two runs side by side.
 */
final class TrainingView {

    private final MainViewModel model;
    private final VBox liveWeights = new VBox(8);
    private final ObservableList<RunRecord.Comparison> comparison =
            FXCollections.observableArrayList();

    TrainingView(MainViewModel model) {
        this.model = model;
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
        Button retrain = new Button("Retrain from the same seed");
        retrain.setId("retrainButton");
        retrain.disableProperty().bind(model.busyProperty()
                .or(model.tableProperty().isNull()).or(Bindings.isEmpty(model.runs())));
        retrain.setOnAction(e -> model.retrainSameSeed());

        ComboBox<LossView> view = new ComboBox<>();
        view.setId("lossViewChoice");
        view.getItems().setAll(LossView.values());
        view.valueProperty().bindBidirectional(model.lossViewProperty());

        ProgressBar progress = new ProgressBar();
        progress.setId("progressBar");
        progress.setPrefWidth(180);
        progress.progressProperty().bind(model.progressProperty());
        Label left = new Label();
        left.setId("timeLeftLabel");
        left.textProperty().bind(model.timeLeftProperty());
        Label progressText = new Label();
        progressText.setId("progressText");
        progressText.textProperty().bind(model.progressTextProperty());

        return new ToolBar(retrain, new Label("Show"), view, progress, left, progressText);
    }

    private Region weightsPanel() {
        liveWeights.setId("liveWeightBox");
        model.tasks().addListener((ListChangeListener<TaskWeight>) change -> {
            liveWeights.getChildren().clear();
            for (TaskWeight weight : model.tasks()) {
                liveWeights.getChildren().add(TasksModelView.weightRow(weight, "live-weight-"));
            }
        });
        Label note = new Label("Move a weight while training runs: it counts from the next "
                + "step.");
        note.setWrapText(true);
        VBox box = new VBox(10, MainView.heading("Weights"), note, liveWeights);
        box.setPadding(new Insets(10));
        box.setPrefWidth(235);
        return box;
    }

    private Region chartBox() {
        NumberAxis epochAxis = new NumberAxis(1, model.epochsProperty().get(), 1);
        epochAxis.setLabel("Epoch");
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
                () -> model.lossViewProperty().get().label(), model.lossViewProperty()));
        lossAxis.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(epochAxis, lossAxis);
        chart.setId("lossChart");
        chart.setTitle("Loss per task after each epoch");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setData(model.lossSeries());
        ChartExport.offerPng(chart, "loss-per-epoch.png");

        Label caption = new Label("Raw: cross-entropy for a binary task, the regression loss "
                + "of the standardised target for a regression task. Weighted: raw × weight. "
                + "Share: each task's part of the weighted total (the tasks sum to 1).");
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
        metrics.setPlaceholder(new Label("Test metrics appear here after training"));
        metrics.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TaskMetrics, String> task = MainView.textColumn("Task", TaskMetrics::task);
        task.setMinWidth(130);
        metrics.getColumns().add(task);
        metrics.getColumns().add(MainView.textColumn("Type",
                m -> m.type().name().toLowerCase(Locale.ROOT)));
        metrics.getColumns().add(MainView.numberColumn("Weight", TaskMetrics::weight, "%.2f"));
        metrics.getColumns().add(MainView.numberColumn("AUC", TaskMetrics::auc, "%.4f"));
        metrics.getColumns().add(MainView.numberColumn("KS", TaskMetrics::ks, "%.4f"));
        metrics.getColumns().add(MainView.numberColumn("MAE", TaskMetrics::mae, "%,.1f"));
        metrics.getColumns().add(MainView.numberColumn("RMSE", TaskMetrics::rmse, "%,.1f"));
        metrics.getColumns().forEach(column -> column.setMinWidth(Math.max(column.getMinWidth(),
                56)));

        TableView<RunRecord> runs = new TableView<>(model.runs());
        runs.setId("runTable");
        runs.setPlaceholder(new Label("Each run of this session is listed here"));
        runs.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runs.getColumns().add(MainView.textColumn("Run", RunRecord::label));
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
        side.setPlaceholder(new Label("Select two runs to see them side by side"));
        side.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RunRecord.Comparison, String> name = MainView.textColumn(
                "Setting or metric", RunRecord.Comparison::name);
        name.setPrefWidth(170);
        side.getColumns().add(name);
        TableColumn<RunRecord.Comparison, String> first = new TableColumn<>("First run");
        first.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().first()));
        TableColumn<RunRecord.Comparison, String> second = new TableColumn<>("Second run");
        second.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().second()));
        side.getColumns().add(first);
        side.getColumns().add(second);
        side.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RunRecord.Comparison item, boolean empty) {
                super.updateItem(item, empty);
                setStyle(!empty && item != null && item.differs()
                        ? "-fx-font-weight: bold;" : "");
            }
        });

        VBox history = new VBox(4, MainView.heading("Run history"), runs);
        VBox.setVgrow(runs, Priority.ALWAYS);
        VBox metricsBox = new VBox(4, MainView.heading("Test metrics of the last run"), metrics);
        VBox.setVgrow(metrics, Priority.ALWAYS);
        VBox sideBox = new VBox(4, MainView.heading("Two runs side by side"), side);
        VBox.setVgrow(side, Priority.ALWAYS);
        for (VBox part : List.of(metricsBox, history, sideBox)) {
            part.setPadding(new Insets(6, 6, 6, 6));
        }
        SplitPane box = new SplitPane(metricsBox, history, sideBox);
        box.setDividerPositions(0.5, 0.66);
        return box;
    }

    private void compareSelected(TableView<RunRecord> runs) {
        List<RunRecord> selected = List.copyOf(runs.getSelectionModel().getSelectedItems());
        if (selected.size() >= 2) {
            comparison.setAll(RunRecord.compare(selected.get(0),
                    selected.get(selected.size() - 1)));
        } else {
            comparison.clear();
        }
    }
}
