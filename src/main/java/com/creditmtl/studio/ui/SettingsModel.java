package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.model.TrainingOptions;
import com.creditmtl.studio.model.TrainingOptions.RegressionLoss;
import com.creditmtl.studio.model.TrainingOptions.TaskBalancing;
import com.creditmtl.studio.model.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Every training setting the Tasks and model view edits, as properties, starting at the
 * product's defaults ({@link TrainingSettings#defaults}), the ones the command line uses.
 *
 * <p>Typed values are checked by {@link #commitInt} and {@link #commitDouble}: a value out of
 * range or unreadable is refused, the property keeps its value and {@link #problemProperty}
 * says why; nothing is silently corrected. Settings that are only wrong together (all weights
 * 0) are refused by {@link #toSettings}.
 */
public final class SettingsModel {

    /** Bounds of the integer settings the view offers. */
    public static final int MAX_EPOCHS = 10_000;
    public static final int MAX_BATCH = 65_536;
    public static final int MAX_WIDTH = 4_096;
    public static final int MAX_PATIENCE = 1_000;

    /** A stand-in task list: the settings' checks need one task with a weight. */
    private static final List<TaskSpec> PROBE = List.of(new TaskSpec("task", TaskType.BINARY, 1));

    private final IntegerProperty layers = new SimpleIntegerProperty();
    private final List<IntegerProperty> widths = List.of(new SimpleIntegerProperty(),
            new SimpleIntegerProperty(), new SimpleIntegerProperty());
    private final IntegerProperty epochs = new SimpleIntegerProperty();
    private final IntegerProperty batchSize = new SimpleIntegerProperty();
    private final DoubleProperty learningRate = new SimpleDoubleProperty();
    private final IntegerProperty seed = new SimpleIntegerProperty();
    private final DoubleProperty dropout = new SimpleDoubleProperty();
    private final BooleanProperty autoL2 = new SimpleBooleanProperty();
    private final DoubleProperty l2 = new SimpleDoubleProperty();
    private final DoubleProperty rateDecay = new SimpleDoubleProperty();
    private final IntegerProperty patience = new SimpleIntegerProperty();
    private final BooleanProperty classWeights = new SimpleBooleanProperty();
    private final BooleanProperty logTargets = new SimpleBooleanProperty();
    private final BooleanProperty logCopies = new SimpleBooleanProperty();
    private final ObjectProperty<TaskBalancing> balancing = new SimpleObjectProperty<>();
    private final ObjectProperty<RegressionLoss> regressionLoss = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty();
    private final TranslatedText problemText;

    /** Settings whose refusals are written in English. */
    public SettingsModel() {
        this(new I18n(Locale.ENGLISH));
    }

    /** Settings whose refusals are written in the window's language and follow it. */
    public SettingsModel(I18n i18n) {
        problemText = new TranslatedText(i18n, problem);
        restoreDefaults();
    }

    /** Sets every control to the product's defaults. */
    public void restoreDefaults() {
        TrainingSettings defaults = TrainingSettings.defaults(PROBE);
        apply(defaults);
        widths.forEach(w -> w.set(TrainingSettings.DEFAULT_HIDDEN_UNITS));
        l2.set(1e-4);
        problem.set(null);
    }

    /** Shows the given settings in the controls (the tasks are not part of this model). */
    public void apply(TrainingSettings settings) {
        List<Integer> hidden = settings.hiddenLayers();
        layers.set(Math.max(1, hidden.size()));
        for (int i = 0; i < hidden.size(); i++) {
            widths.get(i).set(hidden.get(i));
        }
        epochs.set(settings.epochs());
        batchSize.set(settings.batchSize());
        learningRate.set(settings.learningRate());
        seed.set((int) settings.seed());
        TrainingOptions options = settings.options();
        dropout.set(options.dropout());
        autoL2.set(options.isAutoL2());
        if (!options.isAutoL2()) {
            l2.set(options.l2());
        }
        rateDecay.set(options.rateDecay());
        patience.set(options.patience());
        classWeights.set(options.classWeights());
        logTargets.set(options.logTargets());
        logCopies.set(options.logCopies());
        balancing.set(options.balancing());
        regressionLoss.set(options.regressionLoss());
    }

    /**
     * The settings for the given tasks.
     *
     * @throws IllegalArgumentException when they are invalid, with the reason
     */
    public TrainingSettings toSettings(List<TaskSpec> tasks) {
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < layers.get(); i++) {
            hidden.add(widths.get(i).get());
        }
        TrainingOptions options = new TrainingOptions(dropout.get(),
                autoL2.get() ? TrainingOptions.AUTO_L2 : l2.get(), rateDecay.get(),
                patience.get(), classWeights.get(), logTargets.get(), balancing.get(),
                regressionLoss.get(), 0, logCopies.get());
        return new TrainingSettings(tasks, hidden, epochs.get(), batchSize.get(),
                learningRate.get(), seed.get(), TrainingSettings.DEFAULT_TEST_FRACTION,
                TrainingSettings.DEFAULT_VALIDATION_FRACTION, options);
    }

    /**
     * Sets an integer setting from typed text when it is a whole number within [min, max];
     * otherwise leaves it and says why in {@link #problemProperty}.
     *
     * @return whether the value was taken
     */
    public boolean commitInt(IntegerProperty target, String name, String text, int min,
            int max) {
        return commitInt(target, (Object) name, text, min, max);
    }

    /**
     * As {@link #commitInt(IntegerProperty, String, String, int, int)}, the setting named by a
     * message, so a refusal follows a change of language.
     */
    public boolean commitInt(IntegerProperty target, I18n.Message name, String text, int min,
            int max) {
        return commitInt(target, (Object) name, text, min, max);
    }

    private boolean commitInt(IntegerProperty target, Object name, String text, int min,
            int max) {
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return refuse(I18n.Message.of("settings.notWhole", name, text.trim()));
        }
        if (value < min || value > max) {
            // plain digits, as typed: a setting's bounds are no amounts
            return refuse(I18n.Message.of("settings.intRange", name, Integer.toString(min),
                    Integer.toString(max), Integer.toString(value)));
        }
        target.set(value);
        problem.set(null);
        return true;
    }

    /**
     * Sets a decimal setting from typed text when it lies in its range: from {@code min}
     * (excluded when {@code minOpen}) to {@code max} (excluded when {@code maxOpen}).
     *
     * @return whether the value was taken
     */
    public boolean commitDouble(DoubleProperty target, String name, String text, double min,
            boolean minOpen, double max, boolean maxOpen) {
        return commitDouble(target, (Object) name, text, min, minOpen, max, maxOpen);
    }

    /**
     * As {@link #commitDouble(DoubleProperty, String, String, double, boolean, double,
     * boolean)}, the setting named by a message, so a refusal follows a change of language.
     */
    public boolean commitDouble(DoubleProperty target, I18n.Message name, String text,
            double min, boolean minOpen, double max, boolean maxOpen) {
        return commitDouble(target, (Object) name, text, min, minOpen, max, maxOpen);
    }

    private boolean commitDouble(DoubleProperty target, Object name, String text, double min,
            boolean minOpen, double max, boolean maxOpen) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return refuse(I18n.Message.of("settings.notNumber", name, text.trim()));
        }
        boolean low = minOpen ? value <= min : value < min;
        boolean high = maxOpen ? value >= max : value > max;
        if (!Double.isFinite(value) || low || high) {
            return refuse(I18n.Message.of("settings.doubleRange", name, minOpen ? "(" : "[",
                    format(min), format(max), maxOpen ? ")" : "]", text.trim()));
        }
        target.set(value);
        problem.set(null);
        return true;
    }

    private boolean refuse(I18n.Message message) {
        problemText.set(message);
        return false;
    }

    static String format(double value) {
        return Double.isInfinite(value) ? "∞" : String.format(Locale.ROOT, "%s",
                value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value));
    }

    /** Writes the settings under the given node. */
    public void store(Preferences node) {
        node.putInt("layers", layers.get());
        for (int i = 0; i < widths.size(); i++) {
            node.putInt("width" + (i + 1), widths.get(i).get());
        }
        node.putInt("epochs", epochs.get());
        node.putInt("batch", batchSize.get());
        node.putDouble("learningRate", learningRate.get());
        node.putInt("seed", seed.get());
        node.putDouble("dropout", dropout.get());
        node.putBoolean("autoL2", autoL2.get());
        node.putDouble("l2", l2.get());
        node.putDouble("rateDecay", rateDecay.get());
        node.putInt("patience", patience.get());
        node.putBoolean("classWeights", classWeights.get());
        node.putBoolean("logTargets", logTargets.get());
        node.putBoolean("logCopies", logCopies.get());
        node.put("balancing", balancing.get().name());
        node.put("regressionLoss", regressionLoss.get().name());
    }

    /**
     * Reads settings stored by {@link #store}; a missing key keeps the current value, and a
     * stored set that is no longer valid leaves the defaults.
     */
    public void load(Preferences node) {
        try {
            layers.set(clamp(node.getInt("layers", layers.get()), 1, 3));
            for (int i = 0; i < widths.size(); i++) {
                widths.get(i).set(clamp(node.getInt("width" + (i + 1), widths.get(i).get()), 1,
                        MAX_WIDTH));
            }
            epochs.set(clamp(node.getInt("epochs", epochs.get()), 1, MAX_EPOCHS));
            batchSize.set(clamp(node.getInt("batch", batchSize.get()), 1, MAX_BATCH));
            learningRate.set(node.getDouble("learningRate", learningRate.get()));
            seed.set(Math.max(0, node.getInt("seed", seed.get())));
            dropout.set(node.getDouble("dropout", dropout.get()));
            autoL2.set(node.getBoolean("autoL2", autoL2.get()));
            l2.set(node.getDouble("l2", l2.get()));
            rateDecay.set(node.getDouble("rateDecay", rateDecay.get()));
            patience.set(clamp(node.getInt("patience", patience.get()), 0, MAX_PATIENCE));
            classWeights.set(node.getBoolean("classWeights", classWeights.get()));
            logTargets.set(node.getBoolean("logTargets", logTargets.get()));
            logCopies.set(node.getBoolean("logCopies", logCopies.get()));
            balancing.set(TaskBalancing.valueOf(node.get("balancing", balancing.get().name())));
            regressionLoss.set(RegressionLoss.valueOf(
                    node.get("regressionLoss", regressionLoss.get().name())));
            toSettings(PROBE);
        } catch (IllegalArgumentException e) {
            restoreDefaults();
        }
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    public IntegerProperty layersProperty() {
        return layers;
    }

    /** Width of shared layer {@code index}, from 0; used when {@link #layersProperty} covers it. */
    public IntegerProperty widthProperty(int index) {
        return widths.get(index);
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public DoubleProperty dropoutProperty() {
        return dropout;
    }

    public BooleanProperty autoL2Property() {
        return autoL2;
    }

    /** The L2 penalty used when {@link #autoL2Property} is off. */
    public DoubleProperty l2Property() {
        return l2;
    }

    public DoubleProperty rateDecayProperty() {
        return rateDecay;
    }

    public IntegerProperty patienceProperty() {
        return patience;
    }

    public BooleanProperty classWeightsProperty() {
        return classWeights;
    }

    public BooleanProperty logTargetsProperty() {
        return logTargets;
    }

    /** Whether heavy-tailed numeric features get a signed log copy beside them. */
    public BooleanProperty logCopiesProperty() {
        return logCopies;
    }

    public ObjectProperty<TaskBalancing> balancingProperty() {
        return balancing;
    }

    public ObjectProperty<RegressionLoss> regressionLossProperty() {
        return regressionLoss;
    }

    /** Why the last typed value was refused, null when it was taken. */
    public StringProperty problemProperty() {
        return problem;
    }
}
