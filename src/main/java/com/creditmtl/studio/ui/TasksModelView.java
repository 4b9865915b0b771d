package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.model.TrainingOptions.RegressionLoss;
import com.creditmtl.studio.model.TrainingOptions.TaskBalancing;
import com.creditmtl.studio.model.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableValue;
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
    private final I18n i18n;
    private final SettingsModel settings;
    private final VBox weightBox = new VBox(8);
    private final List<Node> advanced = new ArrayList<>();

    TasksModelView(MainViewModel model) {
        this.model = model;
        this.i18n = model.i18n();
        this.settings = model.settings();
    }

    Region build() {
        weightBox.setId("weightBox");
        model.tasks().addListener((ListChangeListener<TaskWeight>) change -> rebuildWeights());
        rebuildWeights();
        Label weightsNote = new Label();
        weightsNote.textProperty().bind(i18n.bind("tasks.weightsNote"));
        weightsNote.setWrapText(true);
        VBox weights = new VBox(10, MainView.heading(i18n.bind("tasks.weights")), weightsNote,
                weightBox);
        weights.setPrefWidth(420);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        Spinner<Integer> layers = intSpinner("layersSpinner", settings.layersProperty(),
                I18n.Message.of("tasks.sharedLayers"), 1, TrainingSettings.MAX_HIDDEN_LAYERS);
        row = addRow(grid, row, true, i18n.bind("tasks.sharedLayers"), layers,
                "tasks.sharedLayers.help");
        for (int i = 0; i < TrainingSettings.MAX_HIDDEN_LAYERS; i++) {
            int layer = i + 1;
            Spinner<Integer> width = intSpinner("width" + layer + "Spinner",
                    settings.widthProperty(i), I18n.Message.of("tasks.width", layer), 1,
                    SettingsModel.MAX_WIDTH);
            width.disableProperty().bind(settings.layersProperty().lessThan(layer));
            row = addRow(grid, row, true, i18n.bind("tasks.width", layer), width,
                    "tasks.width.help");
        }
        row = addRow(grid, row, false, "tasks.epochs", intSpinner("epochsSpinner",
                settings.epochsProperty(), "tasks.epochs", 1, SettingsModel.MAX_EPOCHS));
        row = addRow(grid, row, true, "tasks.batchSize", intSpinner("batchSpinner",
                settings.batchSizeProperty(), "tasks.batchSize", 1, SettingsModel.MAX_BATCH));
        row = addRow(grid, row, true, "tasks.learningRate", doubleField("rateField",
                settings.learningRateProperty(), "tasks.learningRate", 0, true, 1, true));
        row = addRow(grid, row, false, "tasks.seed", intSpinner("seedSpinner",
                settings.seedProperty(), "tasks.seed", 0, Integer.MAX_VALUE));
        row = addRow(grid, row, true, "tasks.dropout", doubleField("dropoutField",
                settings.dropoutProperty(), "tasks.dropout", 0, false, 1, true));
        CheckBox autoL2 = new CheckBox();
        autoL2.textProperty().bind(i18n.bind("tasks.automatic"));
        autoL2.setId("autoL2Check");
        autoL2.selectedProperty().bindBidirectional(settings.autoL2Property());
        TextField l2 = doubleField("l2Field", settings.l2Property(), "tasks.l2.name", 0, false,
                Double.POSITIVE_INFINITY, true);
        l2.setPrefWidth(100);
        // automatic hides the manual value, which would not be used; the help says the rule
        l2.visibleProperty().bind(settings.autoL2Property().not());
        l2.managedProperty().bind(l2.visibleProperty());
        HBox l2Box = new HBox(8, autoL2, l2);
        l2Box.setAlignment(Pos.CENTER_LEFT);
        row = addRow(grid, row, true, "tasks.l2", l2Box);
        row = addRow(grid, row, true, "tasks.rateDecay", doubleField("rateDecayField",
                settings.rateDecayProperty(), "tasks.rateDecay", 0, true, 1, false));
        row = addRow(grid, row, true, "tasks.patience", intSpinner("patienceSpinner",
                settings.patienceProperty(), "tasks.patience", 0, SettingsModel.MAX_PATIENCE));
        CheckBox classWeights = new CheckBox();
        classWeights.textProperty().bind(i18n.bind("tasks.classWeights.check"));
        classWeights.setId("classWeightsCheck");
        classWeights.selectedProperty().bindBidirectional(settings.classWeightsProperty());
        row = addRow(grid, row, true, i18n.bind("tasks.classWeights"), classWeights, null);
        CheckBox logTargets = new CheckBox();
        logTargets.textProperty().bind(i18n.bind("tasks.logTargets.check"));
        logTargets.setId("logTargetsCheck");
        logTargets.selectedProperty().bindBidirectional(settings.logTargetsProperty());
        row = addRow(grid, row, true, i18n.bind("tasks.logTargets"), logTargets, null);
        CheckBox logCopies = new CheckBox();
        logCopies.textProperty().bind(i18n.bind("tasks.logCopies.check"));
        logCopies.setId("logCopiesCheck");
        logCopies.selectedProperty().bindBidirectional(settings.logCopiesProperty());
        row = addRow(grid, row, true, i18n.bind("tasks.logCopies"), logCopies, null);
        ComboBox<TaskBalancing> balancing = new ComboBox<>();
        balancing.setId("balancingChoice");
        balancing.getItems().setAll(TaskBalancing.values());
        translate(balancing, TaskBalancing.NONE, "tasks.balancing.none",
                TaskBalancing.DYNAMIC_WEIGHT_AVERAGE, "tasks.balancing.dwa");
        balancing.valueProperty().bindBidirectional(settings.balancingProperty());
        row = addRow(grid, row, true, i18n.bind("tasks.balancing"), balancing, null);
        ComboBox<RegressionLoss> loss = new ComboBox<>();
        loss.setId("regressionLossChoice");
        loss.getItems().setAll(RegressionLoss.values());
        translate(loss, RegressionLoss.ABSOLUTE, "tasks.loss.absolute",
                RegressionLoss.SQUARED, "tasks.loss.squared");
        loss.valueProperty().bindBidirectional(settings.regressionLossProperty());
        addRow(grid, row, true, i18n.bind("tasks.regressionLoss"), loss, null);
        grid.disableProperty().bind(model.busyProperty());

        Label problem = new Label();
        problem.setId("settingsProblem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.textProperty().bind(settings.problemProperty());
        problem.visibleProperty().bind(settings.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        Button defaults = new Button();
        defaults.textProperty().bind(i18n.bind("tasks.restoreDefaults"));
        defaults.setId("defaultsButton");
        defaults.disableProperty().bind(model.busyProperty());
        defaults.setOnAction(e -> settings.restoreDefaults());
        Label teaching = new Label();
        teaching.textProperty().bind(i18n.bind("tasks.teachingNote"));
        teaching.setId("teachingNote");
        teaching.visibleProperty().bind(model.teachingModeProperty());
        teaching.managedProperty().bind(teaching.visibleProperty());
        VBox options = new VBox(10, MainView.heading(i18n.bind("tasks.modelAndTraining")),
                teaching, grid,
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

    /** A row named by key, with the help text of key + ".help". */
    private int addRow(GridPane grid, int row, boolean isAdvanced, String key, Node control) {
        return addRow(grid, row, isAdvanced, i18n.bind(key), control, key + ".help");
    }

    private int addRow(GridPane grid, int row, boolean isAdvanced,
            ObservableValue<String> name, Node control, String helpKey) {
        Label label = new Label();
        label.textProperty().bind(name);
        label.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label();
        if (helpKey != null) {
            hint.textProperty().bind(i18n.bind(helpKey));
        }
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
            weightBox.getChildren().add(weightRow(weight, "weight-", i18n));
        }
    }

    /** A task's weight as slider and exact spinner, both bound to the same property. */
    static VBox weightRow(TaskWeight weight, String idPrefix, I18n i18n) {
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

        Label label = new Label();
        label.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("tasks.taskName",
                name, i18n.get(typeKey(weight.task().type()))), i18n.localeProperty()));
        HBox row = new HBox(8, slider, exact);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(slider, Priority.ALWAYS);
        return new VBox(2, label, row);
    }

    /**
     * An editable spinner over an integer setting. Arrows step within [min, max]; typed text is
     * checked by the model, which refuses it with a message rather than clamping it.
     */
    private Spinner<Integer> intSpinner(String id, IntegerProperty target, String nameKey,
            int min, int max) {
        return intSpinner(id, target, I18n.Message.of(nameKey), min, max);
    }

    private Spinner<Integer> intSpinner(String id, IntegerProperty target, I18n.Message name,
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
    private TextField doubleField(String id, DoubleProperty target, String nameKey,
            double min, boolean minOpen, double max, boolean maxOpen) {
        I18n.Message name = I18n.Message.of(nameKey);
        TextField field = new TextField(plain(target.get()));
        field.setId(id);
        field.setPrefWidth(130);
        field.setMaxWidth(130);
        Runnable commit = () -> {
            if (!settings.commitDouble(target, name, field.getText(), min, minOpen, max,
                    maxOpen)) {
                field.setText(plain(target.get()));
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        target.addListener((obs, old, value) -> field.setText(plain(value.doubleValue())));
        Tooltip enter = new Tooltip();
        enter.textProperty().bind(i18n.bind("tasks.pressEnter"));
        field.setTooltip(enter);
        return field;
    }

    /** A setting as typed: 0.0001, not 1.0E-4; the shortest text that reads back the same. */
    static String plain(double value) {
        String text = java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return text.contains(".") ? text : text + ".0";
    }

    /** The key of a task type's name: tasks.type.binary or tasks.type.regression. */
    static String typeKey(TaskType type) {
        return "tasks.type." + type.name().toLowerCase(Locale.ROOT);
    }

    /** Names a choice's two values by key, again when the language changes. */
    private <T> void translate(ComboBox<T> box, T first, String firstKey, T second,
            String secondKey) {
        TranslatedText.names(box, i18n, () -> names(first, firstKey, second, secondKey));
    }

    private <T> StringConverter<T> names(T first, String firstKey, T second, String secondKey) {
        String firstName = i18n.get(firstKey);
        String secondName = i18n.get(secondKey);
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
