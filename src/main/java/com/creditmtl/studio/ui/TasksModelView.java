package com.creditmtl.studio.ui;

import com.creditmtl.studio.model.TrainingOptions.RegressionLoss;
import com.creditmtl.studio.model.TrainingOptions.TaskBalancing;
import com.creditmtl.studio.model.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Tasks and model view: each task's weight as a slider and an exact spinner, and every
 * training setting as a plain control bound to {@link SettingsModel}. Typed values go through
 * the model's checks; a refused value shows the model's message and the control shows the
 * value kept. Teaching mode hides the rows marked advanced.
 */
final class TasksModelView {

    private final MainViewModel model;
    private final SettingsModel settings;
    private final VBox weightBox = new VBox(8);
    private final List<Node> advanced = new ArrayList<>();

    TasksModelView(MainViewModel model) {
        this.model = model;
        this.settings = model.settings();
    }

    Region build() {
        weightBox.setId("weightBox");
        model.tasks().addListener((ListChangeListener<TaskWeight>) change -> rebuildWeights());
        rebuildWeights();
        Label weightsNote = new Label("Weights stay movable while training runs: the trainer "
                + "takes a new weight from its next step.");
        weightsNote.setWrapText(true);
        VBox weights = new VBox(10, MainView.heading("Task weights"), weightsNote, weightBox);
        weights.setPrefWidth(420);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        Spinner<Integer> layers = intSpinner("layersSpinner", settings.layersProperty(),
                "Shared layers", 1, TrainingSettings.MAX_HIDDEN_LAYERS);
        row = addRow(grid, row, true, "Shared layers", layers,
                "Dense ReLU layers all tasks share, 1 to 3");
        for (int i = 0; i < TrainingSettings.MAX_HIDDEN_LAYERS; i++) {
            int layer = i + 1;
            Spinner<Integer> width = intSpinner("width" + layer + "Spinner",
                    settings.widthProperty(i), "Width of layer " + layer, 1,
                    SettingsModel.MAX_WIDTH);
            width.disableProperty().bind(settings.layersProperty().lessThan(layer));
            row = addRow(grid, row, true, "Width of layer " + layer, width, "Units of the layer");
        }
        row = addRow(grid, row, false, "Epochs", intSpinner("epochsSpinner",
                settings.epochsProperty(), "Epochs", 1, SettingsModel.MAX_EPOCHS),
                "Passes over the training rows (at most; early stopping may end sooner)");
        row = addRow(grid, row, true, "Batch size", intSpinner("batchSpinner",
                settings.batchSizeProperty(), "Batch size", 1, SettingsModel.MAX_BATCH),
                "Rows per optimiser step");
        row = addRow(grid, row, true, "Learning rate", doubleField("rateField",
                settings.learningRateProperty(), "Learning rate", 0, true, 1, true),
                "Adam's step size, in (0, 1)");
        row = addRow(grid, row, false, "Seed", intSpinner("seedSpinner",
                settings.seedProperty(), "Seed", 0, Integer.MAX_VALUE),
                "Split, initial weights and row order; the same seed repeats a run");
        row = addRow(grid, row, true, "Dropout", doubleField("dropoutField",
                settings.dropoutProperty(), "Dropout", 0, false, 1, true),
                "Share of shared units dropped per step, in [0, 1)");
        CheckBox autoL2 = new CheckBox("automatic");
        autoL2.setId("autoL2Check");
        autoL2.selectedProperty().bindBidirectional(settings.autoL2Property());
        TextField l2 = doubleField("l2Field", settings.l2Property(), "L2", 0, false,
                Double.POSITIVE_INFINITY, true);
        l2.disableProperty().bind(settings.autoL2Property());
        l2.setPrefWidth(100);
        HBox l2Box = new HBox(8, autoL2, l2);
        l2Box.setAlignment(Pos.CENTER_LEFT);
        row = addRow(grid, row, true, "L2 penalty", l2Box,
                "Automatic: 15 divided by the training rows");
        row = addRow(grid, row, true, "Rate decay", doubleField("rateDecayField",
                settings.rateDecayProperty(), "Rate decay", 0, true, 1, false),
                "Factor on the learning rate after each epoch, in (0, 1]; 1 keeps it");
        row = addRow(grid, row, true, "Patience", intSpinner("patienceSpinner",
                settings.patienceProperty(), "Patience", 0, SettingsModel.MAX_PATIENCE),
                "Epochs without a better validation loss before stopping; 0 trains all");
        CheckBox classWeights = new CheckBox("weight positives by the class ratio");
        classWeights.setId("classWeightsCheck");
        classWeights.selectedProperty().bindBidirectional(settings.classWeightsProperty());
        row = addRow(grid, row, true, "Class weights", classWeights, null);
        CheckBox logTargets = new CheckBox("learn log(1 + y) of skewed targets");
        logTargets.setId("logTargetsCheck");
        logTargets.selectedProperty().bindBidirectional(settings.logTargetsProperty());
        row = addRow(grid, row, true, "Log targets", logTargets, null);
        ComboBox<TaskBalancing> balancing = new ComboBox<>();
        balancing.setId("balancingChoice");
        balancing.getItems().setAll(TaskBalancing.values());
        balancing.setConverter(names(TaskBalancing.NONE, "none",
                TaskBalancing.DYNAMIC_WEIGHT_AVERAGE, "dynamic weight averaging (DWA)"));
        balancing.valueProperty().bindBidirectional(settings.balancingProperty());
        row = addRow(grid, row, true, "Balancing", balancing, null);
        ComboBox<RegressionLoss> loss = new ComboBox<>();
        loss.setId("regressionLossChoice");
        loss.getItems().setAll(RegressionLoss.values());
        loss.setConverter(names(RegressionLoss.ABSOLUTE, "absolute error",
                RegressionLoss.SQUARED, "squared error"));
        loss.valueProperty().bindBidirectional(settings.regressionLossProperty());
        addRow(grid, row, true, "Regression loss", loss, null);
        grid.disableProperty().bind(model.busyProperty());

        Label problem = new Label();
        problem.setId("settingsProblem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.textProperty().bind(settings.problemProperty());
        problem.visibleProperty().bind(settings.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        Button defaults = new Button("Restore defaults");
        defaults.setId("defaultsButton");
        defaults.disableProperty().bind(model.busyProperty());
        defaults.setOnAction(e -> settings.restoreDefaults());
        Label teaching = new Label("Teaching mode: only weights, epochs and seed are shown.");
        teaching.setId("teachingNote");
        teaching.visibleProperty().bind(model.teachingModeProperty());
        teaching.managedProperty().bind(teaching.visibleProperty());
        VBox options = new VBox(10, MainView.heading("Model and training"), teaching, grid,
                problem, defaults);
        for (Node node : advanced) {
            node.visibleProperty().bind(model.teachingModeProperty().not());
            node.managedProperty().bind(node.visibleProperty());
        }
        defaults.visibleProperty().bind(model.teachingModeProperty().not());
        defaults.managedProperty().bind(defaults.visibleProperty());

        HBox content = new HBox(24, weights, new Separator(Orientation.VERTICAL),
                options);
        content.setPadding(new Insets(16));
        HBox.setHgrow(options, Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("tasksModelView");
        return scroll;
    }

    private int addRow(GridPane grid, int row, boolean isAdvanced, String name, Node control,
            String help) {
        Label label = new Label(name);
        label.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label(help == null ? "" : help);
        hint.setStyle("-fx-text-fill: #555;");
        hint.setWrapText(true);
        if (control instanceof Region region) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
        grid.addRow(row, label, control, hint);
        GridPane.setHgrow(hint, Priority.ALWAYS);
        if (isAdvanced) {
            advanced.addAll(List.of(label, control, hint));
        }
        return row + 1;
    }

    private void rebuildWeights() {
        weightBox.getChildren().clear();
        for (TaskWeight weight : model.tasks()) {
            weightBox.getChildren().add(weightRow(weight, "weight-"));
        }
    }

    /** A task's weight as slider and exact spinner, both bound to the same property. */
    static VBox weightRow(TaskWeight weight, String idPrefix) {
        String name = weight.task().name();
        Slider slider = new Slider(0, 1, weight.weightProperty().get());
        slider.setId(idPrefix + name);
        slider.setMajorTickUnit(0.25);
        slider.setMinorTickCount(4);
        slider.setShowTickMarks(true);
        slider.setSnapToTicks(true);
        slider.setBlockIncrement(0.05);
        slider.valueProperty().bindBidirectional(weight.weightProperty());

        SpinnerValueFactory.DoubleSpinnerValueFactory factory =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 1,
                        weight.current().weight(), 0.01);
        Spinner<Double> exact = new Spinner<>(factory);
        exact.setId(idPrefix + "spinner-" + name);
        exact.setEditable(true);
        exact.setPrefWidth(90);
        factory.valueProperty().addListener((obs, old, value) -> {
            if (value != null && Math.abs(value - weight.weightProperty().get()) > 1e-9) {
                weight.weightProperty().set(value);
            }
        });
        weight.weightProperty().addListener((obs, old, value) -> {
            double rounded = weight.current().weight();
            if (factory.getValue() == null || Math.abs(factory.getValue() - rounded) > 1e-9) {
                factory.setValue(rounded);
            }
        });

        Label label = new Label(name + "  ("
                + weight.task().type().name().toLowerCase(Locale.ROOT) + ")");
        HBox row = new HBox(8, slider, exact);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(slider, Priority.ALWAYS);
        return new VBox(2, label, row);
    }

    /**
     * An editable spinner over an integer setting. Arrows step within [min, max]; typed text is
     * checked by the model, which refuses it with a message rather than clamping it.
     */
    private Spinner<Integer> intSpinner(String id, IntegerProperty target, String name,
            int min, int max) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, target.get());
        Spinner<Integer> spinner = new Spinner<>(factory);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(130);
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                if (!settings.commitInt(target, name, text, min, max)) {
                    spinner.getEditor().setText(Integer.toString(target.get()));
                }
                return target.get();
            }
        });
        factory.valueProperty().addListener((obs, old, value) -> {
            if (value != null && value != target.get()) {
                target.set(value);
            }
        });
        target.addListener((obs, old, value) -> factory.setValue(value.intValue()));
        return spinner;
    }

    /** A text field over a decimal setting, checked by the model when Enter is pressed or
     * the field loses focus. */
    private TextField doubleField(String id, DoubleProperty target, String name, double min,
            boolean minOpen, double max, boolean maxOpen) {
        TextField field = new TextField(Double.toString(target.get()));
        field.setId(id);
        field.setPrefWidth(130);
        field.setMaxWidth(130);
        Runnable commit = () -> {
            if (!settings.commitDouble(target, name, field.getText(), min, minOpen, max,
                    maxOpen)) {
                field.setText(Double.toString(target.get()));
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        target.addListener((obs, old, value) -> field.setText(value.toString()));
        field.setTooltip(new Tooltip("Press Enter to apply"));
        return field;
    }

    private static <T> StringConverter<T> names(T first, String firstName, T second,
            String secondName) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == first ? firstName : value == second ? secondName : "";
            }

            @Override
            public T fromString(String text) {
                return firstName.equals(text) ? first : second;
            }
        };
    }
}
