package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.model.TrainingCancelledException;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.study.Study;
import com.creditmtl.studio.study.TradeOffExplorer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the Trade-offs tab: the grid's step, the default task's least weight and the epochs
 * per point; the exploration run in the background with progress and cancel; the trained
 * points with their Pareto marks (decided on the validation figures), growing as each point
 * finishes; the regression task whose MAE the chart shows; and the point chosen, whose study is
 * handed to the window.
 *
 * <p>The table, base settings and kept features come from a {@link Source} asked when Run is
 * pressed, so the tab explores what the window shows at that moment. Choosing a point hands its
 * study to the consumer given at construction; the window makes it its current study. All
 * properties are read and written on the FX thread.
 */
public final class TradeOffViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(TradeOffViewModel.class);

    /** The grid steps offered. */
    public static final List<Double> STEPS = List.of(0.5, 0.25, 0.2, 0.1);

    /** What an exploration runs on: the table, the base settings and the features kept. */
    public record Source(CreditTable table, TrainingSettings settings, List<String> keep) {

        public Source {
            keep = List.copyOf(keep);
        }
    }

    /** One trained point with its Pareto mark, which may change as later points arrive. */
    public static final class Row {

        private final TradeOffExplorer.Point point;
        private final BooleanProperty pareto = new SimpleBooleanProperty();

        Row(TradeOffExplorer.Point point, boolean pareto) {
            this.point = point;
            this.pareto.set(pareto);
        }

        public TradeOffExplorer.Point point() {
            return point;
        }

        public ReadOnlyBooleanProperty paretoProperty() {
            return pareto;
        }

        public boolean isPareto() {
            return pareto.get();
        }
    }

    private final TradeOffExplorer explorer;
    private final Executor executor;
    private final Supplier<Source> source;
    private final Consumer<Study> onLoad;

    private final ObjectProperty<Double> step =
            new SimpleObjectProperty<>(TradeOffExplorer.DEFAULT_STEP);
    private final DoubleProperty minimumWeight =
            new SimpleDoubleProperty(TradeOffExplorer.DEFAULT_STEP);
    private final IntegerProperty epochs =
            new SimpleIntegerProperty(TradeOffExplorer.DEFAULT_EPOCHS);

    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ObjectProperty<I18n.Message> status =
            new SimpleObjectProperty<>(I18n.Message.of("tradeoff.status.idle"));
    private final ObjectProperty<I18n.Message> loadedText = new SimpleObjectProperty<>();

    private final ObservableList<TaskSpec> tasks = FXCollections.observableArrayList();
    private final ObservableList<String> regressionTasks = FXCollections.observableArrayList();
    private final ObjectProperty<String> chosenRegression = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Row> loaded = new SimpleObjectProperty<>();

    private Task<TradeOffExplorer.Result> task;

    /**
     * @param source asked on Run for what to explore; may throw IllegalArgumentException with a
     *     reason for the analyst when the window's settings are invalid
     * @param onLoad told, on the FX thread, the study of each point the analyst chooses
     */
    public TradeOffViewModel(TradeOffExplorer explorer, Executor executor,
            Supplier<Source> source, Consumer<Study> onLoad) {
        this.explorer = explorer;
        this.executor = executor;
        this.source = source;
        this.onLoad = onLoad;
        selected.addListener((obs, old, row) -> {
            if (row != null) {
                load(row);
            }
        });
    }

    /** The main window's table, current settings and kept features. */
    public static Supplier<Source> windowSource(MainViewModel main) {
        return () -> {
            CreditTable table = main.tableProperty().get();
            if (table == null) {
                return null;
            }
            ImportOptions imported = main.importOptionsProperty().get();
            return new Source(table, main.currentSettings(),
                    imported == null ? List.of() : imported.keep());
        };
    }

    /** Starts an exploration; does nothing while one runs. */
    public void run() {
        if (running.get()) {
            return;
        }
        Source input;
        TradeOffExplorer.Options options;
        int total;
        try {
            input = source.get();
            if (input == null || input.table() == null) {
                status.set(I18n.Message.of("tradeoff.status.noTable"));
                return;
            }
            options = new TradeOffExplorer.Options(step.get(), minimumWeight.get(),
                    epochs.get());
            total = TradeOffExplorer.grid(input.settings().tasks(), options).size();
        } catch (IllegalArgumentException e) {
            status.set(I18n.Message.of("tradeoff.status.invalid", I18n.sentenceOf(e)));
            return;
        }

        showTasks(input.settings().tasks());
        rows.clear();
        selected.set(null);
        loaded.set(null);
        loadedText.set(null);
        running.set(true);
        progress.set(0);
        status.set(I18n.Message.of("tradeoff.status.preparing", total));
        long start = System.nanoTime();

        Task<TradeOffExplorer.Result> background = new Task<>() {
            @Override
            protected TradeOffExplorer.Result call() {
                return explorer.run(input.table(), input.settings(), input.keep(), options,
                        (stage, done) -> updateProgress(done, 1),
                        // a point that arrives after Cancel is left out, so the status
                        // counts exactly the points shown
                        point -> Platform.runLater(() -> {
                            if (!isCancelled()) {
                                addPoint(point, total);
                            }
                        }),
                        this::isCancelled);
            }
        };
        progress.bind(background.progressProperty());
        background.setOnSucceeded(e -> {
            end();
            long pareto = rows.stream().filter(Row::isPareto).count();
            double seconds = (System.nanoTime() - start) / 1e9;
            status.set(I18n.Message.of("tradeoff.status.done", rows.size(), seconds, pareto,
                    LocalDateTime.now()));
            LOGGER.info("Trade-off grid finished: {} points in {} s, {} Pareto-optimal",
                    rows.size(), String.format(java.util.Locale.ROOT, "%.1f", seconds), pareto);
        });
        background.setOnCancelled(e -> {
            end();
            status.set(I18n.Message.of("tradeoff.status.cancelled", rows.size(), total));
        });
        background.setOnFailed(e -> {
            end();
            Throwable failure = background.getException();
            if (failure instanceof TrainingCancelledException) {
                status.set(I18n.Message.of("tradeoff.status.cancelled", rows.size(), total));
            } else {
                LOGGER.warn("Trade-off exploration failed", failure);
                status.set(I18n.Message.of("tradeoff.status.failed",
                        failure == null ? "?" : I18n.sentenceOf(failure)));
            }
        });
        task = background;
        executor.execute(background);
    }

    public void cancel() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void end() {
        progress.unbind();
        task = null;
        running.set(false);
    }

    /**
     * Names the tasks of the window's table before any grid has run, so the task chooser and
     * the axes read right from the start; a grid's own tasks replace them.
     */
    public void previewTasks(List<TaskSpec> windowTasks) {
        if (!running.get() && rows.isEmpty()) {
            showTasks(windowTasks);
        }
    }

    private void showTasks(List<TaskSpec> runTasks) {
        tasks.setAll(runTasks);
        List<String> regression = runTasks.stream().filter(t -> !t.isBinary())
                .map(TaskSpec::name).toList();
        String chosen = chosenRegression.get();
        regressionTasks.setAll(regression);
        chosenRegression.set(regression.contains(chosen) ? chosen
                : regression.isEmpty() ? null : regression.get(0));
    }

    /**
     * Adds a trained point, marking every point again among all trained so far on their
     * validation figures.
     */
    private void addPoint(TradeOffExplorer.Point point, int total) {
        List<TradeOffExplorer.Point> points = new ArrayList<>(
                rows.stream().map(Row::point).toList());
        points.add(point);
        List<Boolean> marks = TradeOffExplorer.Result.of(tasks, points).pareto();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).pareto.set(marks.get(i));
        }
        rows.add(new Row(point, marks.get(marks.size() - 1)));
        if (running.get()) {
            status.set(I18n.Message.of("tradeoff.status.progress", rows.size(), total));
        }
    }

    private void load(Row row) {
        onLoad.accept(row.point().study());
        loaded.set(row);
        loadedText.set(I18n.Message.of("tradeoff.loaded", row.point().describeWeights()));
        LOGGER.info("Loaded the trade-off point with weights {}", row.point().describeWeights());
    }

    /**
     * The chosen regression task's validation MAE of a point, the figure the chart compares;
     * NaN when none is chosen.
     */
    public double chosenValidationMae(Row row) {
        int index = chosenIndex();
        return index < 0 ? Double.NaN : row.point().validationMae(index);
    }

    /** The chosen regression task's test MAE of a point, for reporting; NaN when none. */
    public double chosenTestMae(Row row) {
        int index = chosenIndex();
        return index < 0 ? Double.NaN : row.point().testMae(index);
    }

    /** Index of the chosen regression task among the tasks, -1 when none. */
    public int chosenIndex() {
        String name = chosenRegression.get();
        for (int t = 0; t < tasks.size(); t++) {
            if (tasks.get(t).name().equals(name)) {
                return t;
            }
        }
        return -1;
    }

    /** The name of the default task of the last run, empty before any. */
    public String defaultTaskName() {
        return tasks.stream().filter(TaskSpec::isBinary).map(TaskSpec::name).findFirst()
                .orElse("");
    }

    public ObjectProperty<Double> stepProperty() {
        return step;
    }

    /** The default task's least weight on the grid. */
    public DoubleProperty minimumWeightProperty() {
        return minimumWeight;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** What the exploration is doing or did, to be put in words by {@link I18n}. */
    public ReadOnlyObjectProperty<I18n.Message> statusProperty() {
        return status;
    }

    /** Which point's model was loaded last, null before any. */
    public ReadOnlyObjectProperty<I18n.Message> loadedTextProperty() {
        return loadedText;
    }

    /** The tasks of the last run, in order. */
    public ObservableList<TaskSpec> tasks() {
        return tasks;
    }

    public ObservableList<String> regressionTasks() {
        return regressionTasks;
    }

    /** The regression task whose MAE the chart shows. */
    public ObjectProperty<String> chosenRegressionProperty() {
        return chosenRegression;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The point chosen in the chart or the table; choosing one loads its study. */
    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    /** The point whose study was handed to the window last. */
    public ReadOnlyObjectProperty<Row> loadedProperty() {
        return loaded;
    }
}
