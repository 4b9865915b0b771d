package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.ImportReport;
import com.creditmtl.studio.data.ImportResult;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.eval.EvaluationOptions;
import com.creditmtl.studio.eval.LeakageGuard;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.EpochReport;
import com.creditmtl.studio.model.TaskLoss;
import com.creditmtl.studio.model.TrainingCancelledException;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.study.ApplicantResult;
import com.creditmtl.studio.study.Study;
import com.creditmtl.studio.study.StudyTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.scene.chart.XYChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the main window and the actions on it: open a file, set the tasks' weights and the
 * training settings, train in the background, cancel, and read the results.
 *
 * <p>All properties are read and written on the FX thread. Import and training run on the
 * injected executor; their results come back through {@link Platform#runLater}. Loss points are
 * added once per epoch, so the chart receives at most a few updates a second.
 */
public final class MainViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(MainViewModel.class);

    private final CsvImporter importer;
    private final StudyTrainer trainer;
    private final Executor executor;

    private final ObjectProperty<CreditTable> table = new SimpleObjectProperty<>();
    private final ObservableList<TaskWeight> tasks = FXCollections.observableArrayList();
    private final IntegerProperty epochs =
            new SimpleIntegerProperty(TrainingSettings.DEFAULT_EPOCHS);
    private final IntegerProperty batchSize =
            new SimpleIntegerProperty(TrainingSettings.DEFAULT_BATCH_SIZE);
    private final DoubleProperty learningRate =
            new SimpleDoubleProperty(TrainingSettings.DEFAULT_LEARNING_RATE);
    private final IntegerProperty seed =
            new SimpleIntegerProperty((int) TrainingSettings.DEFAULT_SEED);
    private final DoubleProperty costRatio =
            new SimpleDoubleProperty(EvaluationOptions.DEFAULT_COST_RATIO);

    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty training = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Ready");
    private final StringProperty error = new SimpleStringProperty();

    private final ObservableList<XYChart.Series<Number, Number>> lossSeries =
            FXCollections.observableArrayList();
    private final ObservableList<TaskMetrics> metrics = FXCollections.observableArrayList();
    private final ObservableList<ApplicantResult> applicants = FXCollections.observableArrayList();
    private final ObjectProperty<Study> study = new SimpleObjectProperty<>();

    private final BooleanProperty importing = new SimpleBooleanProperty();
    private final ObjectProperty<ImportReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<ImportOptions> importOptions = new SimpleObjectProperty<>();
    private final StringProperty reportText = new SimpleStringProperty("");

    private Task<Study> running;
    private Task<ImportResult> runningImport;

    public MainViewModel(CsvImporter importer, StudyTrainer trainer, Executor executor) {
        this.importer = importer;
        this.trainer = trainer;
        this.executor = executor;
    }

    /** Imports a CSV with every setting detected and the canonical tasks. */
    public void open(Path file) {
        open(file, ImportOptions.defaults());
    }

    /**
     * Imports a CSV in the background with progress and cancel; on success it replaces the
     * current table, report and results. A failed or cancelled import leaves them as they were.
     */
    public void open(Path file, ImportOptions options) {
        open(file, options, message -> { });
    }

    /**
     * Imports as {@link #open(Path, ImportOptions)} does, telling {@code onFailure} the reason
     * on the FX thread when the import fails (not when it is cancelled).
     */
    public void open(Path file, ImportOptions options, Consumer<String> onFailure) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        importing.set(true);
        status.set("Importing " + file.getFileName() + " …");
        Task<ImportResult> task = new Task<>() {
            @Override
            protected ImportResult call() throws Exception {
                updateMessage("Importing " + file.getFileName());
                return importer.read(file, options, fraction -> updateProgress(fraction, 1),
                        this::isCancelled);
            }
        };
        progress.bind(task.progressProperty());
        progressText.bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            endImport();
            ImportResult result = task.getValue();
            importOptions.set(result.options());
            report.set(result.report());
            reportText.set(result.report().summary());
            setTable(result.table());
            error.set(null);
            progress.set(1);
            progressText.set("Imported " + file.getFileName());
        });
        task.setOnCancelled(e -> {
            endImport();
            progressText.set("Import cancelled");
            status.set("Import of " + file.getFileName() + " cancelled; the previous table is "
                    + "kept");
        });
        task.setOnFailed(e -> {
            endImport();
            String message = task.getException() instanceof CancellationException
                    ? "import cancelled" : task.getException().getMessage();
            // The message may quote a cell, which is applicant data: it is shown, not logged.
            LOGGER.info("Import of {} failed", file.getFileName());
            progressText.set("Import failed");
            status.set("Import failed: " + message + "; the previous table is kept");
            error.set(message);
            onFailure.accept(message);
        });
        runningImport = task;
        executor.execute(task);
    }

    private void endImport() {
        progress.unbind();
        progressText.unbind();
        runningImport = null;
        importing.set(false);
        busy.set(false);
    }

    void setTable(CreditTable newTable) {
        // Tasks first: the table's listeners fill the data tab, the last thing a reader waits for.
        tasks.setAll(newTable.tasks().stream().map(TaskWeight::new).toList());
        clearResults();
        table.set(newTable);
        status.set(String.format(Locale.ROOT, "%s: %,d applicants, %d features, %s",
                newTable.source() == null ? "table" : newTable.source().getFileName(),
                newTable.rowCount(),
                newTable.featureNames().size() + newTable.categoricalNames().size(),
                count(newTable.tasks().size(), "task")));
    }

    /** The settings the controls describe now; throws IllegalArgumentException when invalid. */
    public TrainingSettings currentSettings() {
        List<TaskSpec> specs = tasks.stream().map(TaskWeight::current).toList();
        return new TrainingSettings(specs, TrainingSettings.DEFAULT_HIDDEN_UNITS, epochs.get(),
                batchSize.get(), learningRate.get(), seed.get(),
                TrainingSettings.DEFAULT_TEST_FRACTION,
                TrainingSettings.DEFAULT_VALIDATION_FRACTION);
    }

    /** Starts training with the current settings; does nothing while busy or without a table. */
    public void train() {
        CreditTable current = table.get();
        if (current == null || busy.get()) {
            return;
        }
        TrainingSettings settings;
        StudyTrainer evaluating;
        try {
            settings = currentSettings();
            evaluating = trainer.withEvaluation(
                    EvaluationOptions.DEFAULT.withCostRatio(costRatio.get()));
        } catch (IllegalArgumentException e) {
            status.set("Cannot train: " + e.getMessage());
            error.set(e.getMessage());
            return;
        }

        ImportOptions imported = importOptions.get();
        List<String> keep = imported == null ? List.of() : imported.keep();
        clearResults();
        createSeries(settings);
        busy.set(true);
        training.set(true);
        progress.set(0);
        progressText.set("Starting …");
        status.set("Training " + count(settings.epochs(), "epoch") + " …");

        Task<Study> task = new Task<>() {
            @Override
            protected Study call() {
                return evaluating.train(current, settings, keep, report -> {
                    updateProgress(report.epoch(), report.epochs());
                    updateMessage(describe(report));
                    Platform.runLater(() -> addPoints(report));
                }, this::isCancelled);
            }
        };
        progress.bind(task.progressProperty());
        progressText.bind(task.messageProperty());
        task.setOnSucceeded(e -> finish(task, "Trained"));
        task.setOnCancelled(e -> finish(task, "Cancelled"));
        task.setOnFailed(e -> finish(task, "Failed"));
        running = task;
        executor.execute(task);
    }

    /** Cancels the running training or import. */
    public void cancel() {
        if (running != null) {
            running.cancel(false);
        }
        if (runningImport != null) {
            runningImport.cancel(false);
        }
    }

    private void finish(Task<Study> task, String outcome) {
        progress.unbind();
        progressText.unbind();
        running = null;
        busy.set(false);
        training.set(false);
        switch (outcome) {
            case "Trained" -> {
                Study result = task.getValue();
                study.set(result);
                metrics.setAll(result.metrics());
                ImportReport imported = report.get();
                if (imported != null) {
                    reportText.set(imported.withWarnings(result.leakage().stream()
                            .map(LeakageGuard.Flag::describe).toList()).summary());
                }
                applicants.setAll(result.testResults());
                error.set(null);
                progress.set(1);
                progressText.set(String.format(Locale.ROOT, "Done: %s in %.1f s",
                        count(result.history().size(), "epoch"), result.trainSeconds()));
                status.set(summary(result));
            }
            case "Cancelled" -> {
                progressText.set("Cancelled");
                status.set("Training cancelled; no model was kept");
            }
            default -> {
                Throwable failure = task.getException();
                if (failure instanceof TrainingCancelledException) {
                    progressText.set("Cancelled");
                    status.set("Training cancelled; no model was kept");
                } else {
                    LOGGER.warn("Training failed", failure);
                    String message = failure == null ? "unknown error" : failure.getMessage();
                    progressText.set("Failed");
                    status.set("Training failed: " + message);
                    error.set(message);
                }
            }
        }
    }

    private void createSeries(TrainingSettings settings) {
        lossSeries.clear();
        for (TaskSpec task : settings.tasks()) {
            XYChart.Series<Number, Number> train = new XYChart.Series<>();
            train.setName(task.name() + " · training");
            XYChart.Series<Number, Number> validation = new XYChart.Series<>();
            validation.setName(task.name() + " · validation");
            lossSeries.add(train);
            lossSeries.add(validation);
        }
    }

    private void addPoints(EpochReport report) {
        List<TaskLoss> losses = report.losses();
        for (int t = 0; t < losses.size() && 2 * t + 1 < lossSeries.size(); t++) {
            lossSeries.get(2 * t).getData()
                    .add(new XYChart.Data<>(report.epoch(), losses.get(t).trainLoss()));
            lossSeries.get(2 * t + 1).getData()
                    .add(new XYChart.Data<>(report.epoch(), losses.get(t).validationLoss()));
        }
    }

    private void clearResults() {
        study.set(null);
        metrics.clear();
        applicants.clear();
        lossSeries.clear();
        progress.set(0);
        progressText.set("");
    }

    static String describe(EpochReport report) {
        return String.format(Locale.ROOT, "Epoch %d of %d · %.0f s elapsed · about %.0f s left",
                report.epoch(), report.epochs(), report.elapsedSeconds(), report.secondsLeft());
    }

    /** A count with its noun, singular for one: "1 task", "3 tasks". */
    static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    private static String summary(Study study) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Trained %s in %.1f s. Test:", count(study.history().size(), "epoch"),
                study.trainSeconds()));
        for (TaskMetrics m : study.metrics()) {
            text.append(m.type() == TaskType.BINARY
                    ? String.format(Locale.ROOT, "  %s AUC %.3f", m.task(), m.auc())
                    : String.format(Locale.ROOT, "  %s MAE %,.1f", m.task(), m.mae()));
        }
        return text.toString();
    }

    /** The executor of background work, shared with the Evaluation tab. */
    Executor executor() {
        return executor;
    }

    public ObjectProperty<CreditTable> tableProperty() {
        return table;
    }

    public ObservableList<TaskWeight> tasks() {
        return tasks;
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

    /**
     * Cost of a bad applicant accepted relative to a good one refused: the confusion matrices
     * of the next training, comparison and cross-validation use it.
     */
    public DoubleProperty costRatioProperty() {
        return costRatio;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty trainingProperty() {
        return training;
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing;
    }

    /** The report of the last successful import. */
    public ObjectProperty<ImportReport> reportProperty() {
        return report;
    }

    /** The options the current table was read with, detected values filled in. */
    public ObjectProperty<ImportOptions> importOptionsProperty() {
        return importOptions;
    }

    /** The import report as text, with the leakage guard's findings once trained. */
    public StringProperty reportTextProperty() {
        return reportText;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /**
     * The last error message for the analyst, null when there is none: a later successful
     * import or training clears it, as does the analyst dismissing it.
     */
    public StringProperty errorProperty() {
        return error;
    }

    public ObservableList<XYChart.Series<Number, Number>> lossSeries() {
        return lossSeries;
    }

    public ObservableList<TaskMetrics> metrics() {
        return metrics;
    }

    public ObservableList<ApplicantResult> applicants() {
        return applicants;
    }

    public ObjectProperty<Study> studyProperty() {
        return study;
    }
}
