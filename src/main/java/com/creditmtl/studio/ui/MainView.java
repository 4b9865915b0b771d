package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.study.ApplicantResult;
import com.creditmtl.studio.study.StudyTrainer;
import com.creditmtl.studio.study.TradeOffExplorer;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import javafx.util.converter.DoubleStringConverter;
import org.controlsfx.control.StatusBar;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The main window's content, built in code: a tool bar to open a file, the task weights and
 * training settings on the left, and tabs for the data, the live training curves with the test
 * metrics, and the scored test applicants. It only binds controls to {@link MainViewModel}.
 */
public final class MainView {

    private static final int TRAINING_TAB = 2;

    private final MainViewModel model;
    private final BorderPane root = new BorderPane();
    private final VBox weightBox = new VBox(6);
    private final TableView<Integer> dataTable = new TableView<>();
    private final TableView<ApplicantResult> applicantTable = new TableView<>();
    private final TabPane tabs = new TabPane();

    public MainView(MainViewModel model) {
        this(model, new EvaluationViewModel(model, model.executor()));
    }

    public MainView(MainViewModel model, EvaluationViewModel evaluation) {
        this.model = model;

        tabs.getTabs().addAll(
                new Tab("Data", dataTab()),
                new Tab("Import report", reportTab()),
                new Tab("Training", trainingTab()),
                // ui-views: the Applicants tab (what-if, scorecard, scoring, drift) replaces the
                // plain table of applicantTab(); to be wired into the workflow tabs at merge
                new Tab("Applicants", ApplicantsView.forWindow(model)),
                new Tab("Evaluation", new EvaluationView(evaluation, model).build()));
        // ---- Trade-offs tab (branch ui-tradeoff), to be re-done when the window becomes
        // workflow tabs: a chosen point's study becomes the window's current study ----
        TradeOffViewModel tradeOffs = new TradeOffViewModel(
                new TradeOffExplorer(new StudyTrainer()), model.executor(),
                TradeOffViewModel.windowSource(model), study -> {
                    model.studyProperty().set(study);
                    model.metrics().setAll(study.metrics());
                    model.applicants().setAll(study.testResults());
                });
        tabs.getTabs().add(new Tab("Trade-offs",
                new TradeOffView(tradeOffs, new I18n(Locale.ENGLISH)).root()));
        // ---- end of the Trade-offs tab ----
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        VBox center = new VBox(errorBanner(), tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        root.setTop(toolBar());
        root.setLeft(settingsPanel());
        root.setCenter(center);
        root.setBottom(statusBar());

        model.tableProperty().addListener((obs, old, table) -> showTable(table));
        model.tasks().addListener((ListChangeListener<TaskWeight>) change -> rebuildWeights());
        model.applicants().addListener((ListChangeListener<ApplicantResult>) change -> {
            if (!model.applicants().isEmpty()) {
                rebuildApplicantColumns();
            }
        });
    }

    public Region root() {
        return root;
    }

    /**
     * The last error above the tabs, pushing them down rather than covering them: the message
     * wrapped in full, also as tooltip, a button showing it in a dialog to read or copy, and one
     * to dismiss it. A later successful import or training clears it.
     */
    private Region errorBanner() {
        Label message = new Label();
        message.setId("errorMessage");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.errorProperty());
        Tooltip tooltip = new Tooltip();
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(600);
        tooltip.textProperty().bind(model.errorProperty());
        message.setTooltip(tooltip);
        HBox.setHgrow(message, Priority.ALWAYS);

        Button details = new Button("Details…");
        details.setId("errorDetailsButton");
        details.setOnAction(e -> showErrorDetails(model.errorProperty().get()));
        Button dismiss = new Button("Dismiss");
        dismiss.setId("errorDismissButton");
        dismiss.setOnAction(e -> model.errorProperty().set(null));

        HBox banner = new HBox(8, message, details, dismiss);
        banner.setId("errorBanner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(6, 8, 6, 8));
        banner.setStyle("-fx-background-color: #fdecea; -fx-border-color: #b00020; "
                + "-fx-border-width: 0 0 1 0;");
        banner.visibleProperty().bind(model.errorProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private void showErrorDetails(String text) {
        if (text == null) {
            return;
        }
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefSize(560, 200);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Error");
        alert.setHeaderText("The last operation failed");
        alert.getDialogPane().setContent(area);
        alert.setResizable(true);
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        alert.showAndWait();
    }

    private ToolBar toolBar() {
        Button open = new Button("Open CSV…");
        open.setId("openButton");
        open.setTooltip(new Tooltip("Import a delimited text file of applicants"));
        open.disableProperty().bind(model.busyProperty());
        open.setOnAction(e -> chooseFile());

        Label source = new Label();
        source.setId("sourceLabel");
        source.textProperty().bind(Bindings.createStringBinding(() -> {
            CreditTable table = model.tableProperty().get();
            if (table == null) {
                return "No data loaded";
            }
            return String.format(Locale.ROOT, "%s · %,d applicants · %d features · tasks: %s",
                    table.source() == null ? "table" : table.source().getFileName(),
                    table.rowCount(),
                    table.featureNames().size() + table.categoricalNames().size(),
                    String.join(", ", table.tasks().stream().map(TaskSpec::name).toList()));
        }, model.tableProperty()));
        return new ToolBar(open, new Separator(), source);
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a CSV of applicants");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            showImportDialog(file.toPath());
        }
    }

    /** Shows the import dialog for a file and imports it as set there, unless cancelled. */
    void showImportDialog(Path file) {
        showImportDialog(new ImportDialogViewModel(file), null);
    }

    /**
     * Shows the import dialog over its state, with the reason of a failed import if any. When
     * the import fails the dialog opens again with the same file and settings to correct them.
     */
    private void showImportDialog(ImportDialogViewModel settings, String failure) {
        ImportDialog dialog = new ImportDialog(settings, root.getScene().getWindow());
        if (failure != null) {
            settings.reportProblem("Import failed: " + failure);
        }
        dialog.showAndWait().ifPresent(options -> model.open(settings.file(), options,
                message -> Platform.runLater(() -> showImportDialog(settings, message))));
    }

    private Region reportTab() {
        TextArea report = new TextArea();
        report.setId("reportArea");
        report.setEditable(false);
        report.setStyle("-fx-font-family: monospace;");
        report.textProperty().bind(model.reportTextProperty());
        return report;
    }

    private Region settingsPanel() {
        Label tasksTitle = heading("Task weights");
        weightBox.setId("weightBox");

        Slider epochs = new Slider(1, 200, model.epochsProperty().get());
        epochs.setId("epochsSlider");
        epochs.setMajorTickUnit(50);
        epochs.setShowTickMarks(true);
        epochs.setSnapToTicks(false);
        epochs.setBlockIncrement(1);
        epochs.valueProperty().addListener((obs, old, value) -> {
            long rounded = Math.round(value.doubleValue());
            if (rounded != value.doubleValue()) {
                epochs.setValue(rounded);
            }
            model.epochsProperty().set((int) rounded);
        });
        Label epochsValue = new Label();
        epochsValue.textProperty().bind(model.epochsProperty().asString());

        Spinner<Integer> batch = new Spinner<>(1, 4096, model.batchSizeProperty().get());
        batch.setId("batchSpinner");
        batch.setEditable(true);
        batch.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                model.batchSizeProperty().set(value);
            }
        });

        TextField rate = new TextField();
        rate.setId("rateField");
        TextFormatter<Double> rateFormat = new TextFormatter<>(new DoubleStringConverter(),
                model.learningRateProperty().get(),
                change -> change.getControlNewText().matches("[0-9]*\\.?[0-9]*([eE]-?[0-9]*)?")
                        ? change : null);
        rate.setTextFormatter(rateFormat);
        rateFormat.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                model.learningRateProperty().set(value);
            }
        });

        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, model.seedProperty().get());
        seed.setId("seedSpinner");
        seed.setEditable(true);
        seed.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                model.seedProperty().set(value);
            }
        });

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Epochs"), epochs, epochsValue);
        grid.addRow(1, new Label("Batch size"), batch);
        grid.addRow(2, new Label("Learning rate"), rate);
        grid.addRow(3, new Label("Seed"), seed);
        GridPane.setHgrow(epochs, Priority.ALWAYS);
        grid.disableProperty().bind(model.busyProperty());
        batch.setMaxWidth(Double.MAX_VALUE);
        seed.setMaxWidth(Double.MAX_VALUE);

        Button train = new Button("Train");
        train.setId("trainButton");
        train.setDefaultButton(true);
        train.disableProperty().bind(model.busyProperty().or(model.tableProperty().isNull()));
        train.setOnAction(e -> {
            tabs.getSelectionModel().select(TRAINING_TAB);
            model.train();
        });
        Button cancel = new Button("Cancel");
        cancel.setId("cancelButton");
        cancel.disableProperty().bind(model.trainingProperty().not()
                .and(model.importingProperty().not()));
        cancel.setOnAction(e -> model.cancel());
        HBox buttons = new HBox(8, train, cancel);
        train.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(train, Priority.ALWAYS);

        ProgressBar progress = new ProgressBar();
        progress.setId("progressBar");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());
        Label progressText = new Label();
        progressText.setId("progressText");
        progressText.setWrapText(true);
        progressText.textProperty().bind(model.progressTextProperty());

        VBox panel = new VBox(10, tasksTitle, weightBox, new Separator(),
                heading("Training"), grid, buttons, progress, progressText);
        panel.setPadding(new Insets(12));
        panel.setPrefWidth(330);
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    private void rebuildWeights() {
        weightBox.getChildren().clear();
        for (TaskWeight weight : model.tasks()) {
            Slider slider = new Slider(0, 1, weight.weightProperty().get());
            slider.setId("weight-" + weight.task().name());
            slider.setMajorTickUnit(0.25);
            slider.setMinorTickCount(4);
            slider.setShowTickMarks(true);
            slider.setSnapToTicks(true);
            slider.setBlockIncrement(0.05);
            slider.valueProperty().bindBidirectional(weight.weightProperty());
            slider.disableProperty().bind(model.busyProperty());

            Label name = new Label(weight.task().name() + "  ("
                    + weight.task().type().name().toLowerCase(Locale.ROOT) + ")");
            Label value = new Label();
            value.setMinWidth(36);
            value.setAlignment(Pos.CENTER_RIGHT);
            value.textProperty().bind(Bindings.createStringBinding(() -> String.format(
                    Locale.ROOT, "%.2f", weight.current().weight()), weight.weightProperty()));
            HBox row = new HBox(8, slider, value);
            HBox.setHgrow(slider, Priority.ALWAYS);
            weightBox.getChildren().add(new VBox(2, name, row));
        }
    }

    private Region dataTab() {
        dataTable.setId("dataTable");
        dataTable.setPlaceholder(new Label("Open a CSV file to see its applicants"));
        return dataTable;
    }

    private void showTable(CreditTable creditTable) {
        dataTable.getColumns().clear();
        if (creditTable == null) {
            dataTable.setItems(FXCollections.observableArrayList());
            return;
        }
        Table table = creditTable.table();
        for (Column<?> column : table.columns()) {
            TableColumn<Integer, String> tableColumn = new TableColumn<>(column.name());
            tableColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                    column.isMissing(cell.getValue()) ? "" : column.getString(cell.getValue())));
            tableColumn.setSortable(false);
            tableColumn.setPrefWidth(Math.max(70, column.name().length() * 8 + 20));
            dataTable.getColumns().add(tableColumn);
        }
        Integer[] rows = new Integer[table.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        dataTable.setItems(FXCollections.observableArrayList(rows));
    }

    private Region trainingTab() {
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
        lossAxis.setLabel("Raw loss");
        lossAxis.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(epochAxis, lossAxis);
        chart.setId("lossChart");
        chart.setTitle("Loss per task after each epoch");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setData(model.lossSeries());

        TableView<TaskMetrics> metrics = new TableView<>(model.metrics());
        metrics.setId("metricsTable");
        metrics.setPlaceholder(new Label("Test metrics appear here after training"));
        metrics.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        metrics.getColumns().add(textColumn("Task", TaskMetrics::task));
        metrics.getColumns().add(textColumn("Type",
                m -> m.type().name().toLowerCase(Locale.ROOT)));
        metrics.getColumns().add(numberColumn("Weight", TaskMetrics::weight, "%.2f"));
        metrics.getColumns().add(numberColumn("AUC", TaskMetrics::auc, "%.4f"));
        metrics.getColumns().add(numberColumn("KS", TaskMetrics::ks, "%.4f"));
        metrics.getColumns().add(numberColumn("MAE", TaskMetrics::mae, "%,.2f"));
        metrics.getColumns().add(numberColumn("RMSE", TaskMetrics::rmse, "%,.2f"));
        metrics.setPrefHeight(140);

        Label caption = new Label("Raw loss: cross-entropy for a binary task, squared error of "
                + "the standardised target for a regression task. Metrics below are on the test "
                + "part, in original units.");
        caption.setWrapText(true);
        caption.setPadding(new Insets(0, 8, 4, 8));
        VBox chartBox = new VBox(chart, caption);
        VBox.setVgrow(chart, Priority.ALWAYS);
        SplitPane split = new SplitPane(chartBox, metrics);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.75);
        return split;
    }

    private Region applicantTab() {
        applicantTable.setId("applicantTable");
        applicantTable.setItems(model.applicants());
        applicantTable.setPlaceholder(
                new Label("The test applicants' predictions and scores appear after training"));
        return applicantTable;
    }

    private void rebuildApplicantColumns() {
        applicantTable.getColumns().clear();
        applicantTable.getColumns().add(textColumn("ID", ApplicantResult::id));
        // whole points, cut rather than rounded, so a score never reads as the next grade up
        applicantTable.getColumns().add(numberColumn("Score", r -> Math.floor(r.score()), "%.0f"));
        applicantTable.getColumns().add(textColumn("Grade", ApplicantResult::grade));
        List<TaskSpec> tasks = model.studyProperty().get() == null
                ? List.of() : model.studyProperty().get().tasks();
        for (int t = 0; t < tasks.size(); t++) {
            int task = t;
            boolean binary = tasks.get(t).isBinary();
            TableColumn<ApplicantResult, Double> predicted = numberColumn("predicted",
                    r -> r.predicted()[task], binary ? "%.4f" : "%,.1f");
            TableColumn<ApplicantResult, Double> actual = numberColumn("actual",
                    r -> r.actual()[task], binary ? "%.0f" : "%,.1f");
            TableColumn<ApplicantResult, Double> group = new TableColumn<>(tasks.get(t).name());
            group.getColumns().add(predicted);
            group.getColumns().add(actual);
            applicantTable.getColumns().add(group);
        }
    }

    private Region statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        bar.textProperty().bind(model.statusProperty());
        Tooltip full = new Tooltip();
        full.setWrapText(true);
        full.setMaxWidth(600);
        full.textProperty().bind(model.statusProperty());
        bar.setTooltip(full);
        return bar;
    }

    static Label heading(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold; -fx-font-size: 1.1em;");
        return label;
    }

    static <T> TableColumn<T, String> textColumn(String title, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    /** A numeric column that sorts by value and shows NaN as an empty cell. */
    static <T> TableColumn<T, Double> numberColumn(String title,
            ToDoubleFunction<T> value, String format) {
        TableColumn<T, Double> column = new TableColumn<>(title);
        column.setCellValueFactory(cell ->
                new ReadOnlyObjectWrapper<>(value.applyAsDouble(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null || item.isNaN() ? ""
                        : String.format(Locale.ROOT, format, item));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        return column;
    }

    /** The list of scored applicants, for tests. */
    ObservableList<ApplicantResult> applicantItems() {
        return applicantTable.getItems();
    }
}
