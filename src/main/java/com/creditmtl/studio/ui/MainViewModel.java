package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.ImportReport;
import com.creditmtl.studio.data.Sentence;
import com.creditmtl.studio.data.ImportResult;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.eval.EvaluationOptions;
import com.creditmtl.studio.eval.LeakageGuard;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.ComputeThreads;
import com.creditmtl.studio.model.EpochReport;
import com.creditmtl.studio.model.TrainingCancelledException;
import com.creditmtl.studio.model.TrainingControl;
import com.creditmtl.studio.model.TrainingDivergedException;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.study.ApplicantResult;
import com.creditmtl.studio.study.Experiment;
import com.creditmtl.studio.study.Study;
import com.creditmtl.studio.study.StudyTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
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
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the main window and the actions on it: open a file, set the tasks' weights and the
 * training settings, train in the background, pause, resume, cancel, move weights while it
 * runs, keep a history of the session's runs, save and open experiments, and read the results.
 *
 * <p>All properties are read and written on the FX thread. Import and training run on the
 * injected executor; their results come back through {@link Platform#runLater}. Epoch reports
 * are queued by the training thread and drawn at most every {@link #FLUSH_MILLIS} ms, however
 * fast epochs end, so the chart never floods the FX thread. While training runs an {@link
 * FxStallProbe} measures the longest wait of the FX thread; the figure is logged at the end.
 */
public final class MainViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(MainViewModel.class);

    /** Least time between two chart updates during training. */
    static final long FLUSH_MILLIS = 250;
    /** Schedules the chart updates of every window; one daemon thread. */
    private static final ScheduledExecutorService FLUSH_TIMER =
            Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "chart-flush-timer");
                thread.setDaemon(true);
                return thread;
            });
    /** The empty text, in every language. */
    private static final java.util.function.Function<I18n, String> NOTHING = words -> "";
    /** Files kept in the recent list. */
    static final int RECENT_FILES = 6;

    private final CsvImporter importer;
    private final StudyTrainer trainer;
    private final Executor executor;

    private final ObjectProperty<CreditTable> table = new SimpleObjectProperty<>();
    private final ObservableList<TaskWeight> tasks = FXCollections.observableArrayList();
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final SettingsModel settingsModel = new SettingsModel(i18n);
    private final DoubleProperty costRatio =
            new SimpleDoubleProperty(EvaluationOptions.DEFAULT_COST_RATIO);

    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty training = new SimpleBooleanProperty();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final ObjectProperty<StudioState> state = new SimpleObjectProperty<>(StudioState.IDLE);
    private final StringProperty timeLeft = new SimpleStringProperty("");
    private final ObjectProperty<LossView> lossView = new SimpleObjectProperty<>(LossView.RAW);
    private final BooleanProperty teachingMode = new SimpleBooleanProperty();
    private final DoubleProperty longestStall = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty longestFxWork = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty resultsStall = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty resultsFxWork = new SimpleDoubleProperty(Double.NaN);
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final StringProperty notice = new SimpleStringProperty();
    private final IntegerProperty epochDone = new SimpleIntegerProperty();
    private final StringProperty stateText = new SimpleStringProperty();
    private final List<EpochReport> reports = new ArrayList<>();
    private final Queue<EpochReport> pendingReports = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final FxStallProbe stallProbe = new FxStallProbe();
    /** Watches the FX thread from the end of a training while its results are shown. */
    private final FxStallProbe resultsProbe = new FxStallProbe();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty();
    private final StringProperty error = new SimpleStringProperty();
    private final TranslatedText statusText = new TranslatedText(i18n, status);
    private final TranslatedText errorText = new TranslatedText(i18n, error);
    private final TranslatedText progressWords = new TranslatedText(i18n, progressText);
    private final TranslatedText timeLeftText = new TranslatedText(i18n, timeLeft);
    /** Task names of the loss series, in the series' order (training and validation each). */
    private final List<String> seriesTasks = new ArrayList<>();

    private final ObservableList<XYChart.Series<Number, Number>> lossSeries =
            FXCollections.observableArrayList();
    private final ObservableList<TaskMetrics> metrics = FXCollections.observableArrayList();
    private final ObservableList<ApplicantResult> applicants = FXCollections.observableArrayList();
    private final ObjectProperty<Study> study = new SimpleObjectProperty<>();

    private final BooleanProperty importing = new SimpleBooleanProperty();
    private final ObjectProperty<ImportReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<ImportOptions> importOptions = new SimpleObjectProperty<>();
    private final StringProperty reportText = new SimpleStringProperty("");
    private final ObjectProperty<ImportReport> shownReport = new SimpleObjectProperty<>();

    private Task<Study> running;
    private Task<ImportResult> runningImport;
    private TrainingControl control;
    private TrainingSettings runSettings;
    private boolean weightsMoved;
    private TrainingSettings pendingExperiment;
    private Consumer<Runnable> startGate = Runnable::run;

    public MainViewModel(CsvImporter importer, StudyTrainer trainer, Executor executor) {
        this.importer = importer;
        this.trainer = trainer;
        this.executor = executor;
        lossView.addListener((obs, old, view) -> redrawLosses());
        state.addListener((obs, old, now) -> updateStateText());
        epochDone.addListener((obs, old, now) -> updateStateText());
        table.addListener((obs, old, now) -> updateStateText());
        i18n.localeProperty().addListener((obs, old, now) -> {
            updateStateText();
            nameSeries();
        });
        statusText.set(I18n.Message.of("status.ready"));
        updateStateText();
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
        state.set(StudioState.IMPORTING);
        String name = file.getFileName().toString();
        statusText.set(I18n.Message.of("status.importing", name));
        Task<ImportResult> task = new Task<>() {
            @Override
            protected ImportResult call() throws Exception {
                return importer.read(file, options, fraction -> updateProgress(fraction, 1),
                        this::isCancelled);
            }
        };
        progress.bind(task.progressProperty());
        progressWords.set(I18n.Message.of("progress.importing", name));
        task.setOnSucceeded(e -> {
            endImport();
            ImportResult result = task.getValue();
            importOptions.set(result.options());
            report.set(result.report());
            reportText.set(result.report().summary());
            shownReport.set(result.report());
            setTable(result.table());
            remember(file);
            error.set(null);
            progress.set(1);
            progressWords.set(I18n.Message.of("progress.imported", name));
            LOGGER.info("Imported {}: {} rows", name, result.table().rowCount());
        });
        task.setOnCancelled(e -> {
            endImport();
            progressWords.set(I18n.Message.of("progress.importCancelled"));
            state.set(StudioState.CANCELLED);
            statusText.set(I18n.Message.of("status.importCancelled", name));
        });
        task.setOnFailed(e -> {
            endImport();
            Throwable failure = task.getException();
            Object reason = failure instanceof CancellationException
                    ? I18n.Message.of("status.importCancelledReason") : I18n.sentenceOf(failure);
            // The message may quote a cell, which is applicant data: it is shown, not logged.
            LOGGER.info("Import of {} failed", file.getFileName());
            progressWords.set(I18n.Message.of("progress.importFailed"));
            state.set(StudioState.FAILED);
            pendingExperiment = null;
            statusText.set(I18n.Message.of("status.importFailed", reason));
            errorText.set(words -> words.words(reason));
            onFailure.accept(error.get());
        });
        runningImport = task;
        executor.execute(task);
    }

    private void endImport() {
        progress.unbind();
        runningImport = null;
        importing.set(false);
        busy.set(false);
    }

    void setTable(CreditTable newTable) {
        // Tasks first: the table's listeners fill the data tab, the last thing a reader waits for.
        List<TaskSpec> specs = newTable.tasks();
        if (pendingExperiment != null) {
            settingsModel.apply(pendingExperiment);
            specs = specs.stream().map(task -> pendingExperiment.tasks().stream()
                    .filter(saved -> saved.name().equals(task.name())).findFirst()
                    .map(saved -> task.withWeight(saved.weight())).orElse(task)).toList();
            pendingExperiment = null;
        }
        tasks.setAll(specs.stream().map(this::watched).toList());
        clearResults();
        state.set(StudioState.IDLE);
        table.set(newTable);
        statusText.set(I18n.Message.of("status.table", tableName(newTable),
                newTable.rowCount(),
                newTable.featureNames().size() + newTable.categoricalNames().size(),
                I18n.Message.of("common.tasks", newTable.tasks().size())));
    }

    /** A task weight whose moves during training reach the trainer from its next step. */
    private TaskWeight watched(TaskSpec spec) {
        TaskWeight weight = new TaskWeight(spec);
        weight.weightProperty().addListener((obs, old, value) -> {
            int index = tasks.indexOf(weight);
            if (control != null && index >= 0) {
                control.setWeight(index, weight.current().weight());
                weightsMoved = true;
                LOGGER.debug("Weight of {} moved to {} during training", spec.name(),
                        weight.current().weight());
            }
        });
        return weight;
    }

    /**
     * The settings the controls describe now, from the product's defaults as the command line
     * has them; throws IllegalArgumentException when invalid.
     */
    public TrainingSettings currentSettings() {
        return settingsModel.toSettings(tasks.stream().map(TaskWeight::current).toList());
    }

    /** Trains again with the current settings and the seed of the last run. */
    public void retrainSameSeed() {
        if (!runs.isEmpty()) {
            settingsModel.seedProperty().set((int) runs.get(runs.size() - 1).settings().seed());
        }
        train();
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
            statusText.set(I18n.Message.of("status.cannotTrain", I18n.sentenceOf(e)));
            errorText.set(words -> words.explain(e));
            return;
        }

        ImportOptions imported = importOptions.get();
        List<String> keep = imported == null ? List.of() : imported.keep();
        // the model trained before stays the current one until this run ends well
        clearCurves();
        createSeries(settings);
        busy.set(true);
        training.set(true);
        paused.set(false);
        state.set(StudioState.TRAINING);
        progress.set(0);
        progressWords.set(I18n.Message.of("progress.starting"));
        timeLeftText.set(NOTHING);
        statusText.set(I18n.Message.of("status.training",
                I18n.Message.of("common.epochs", settings.epochs())));
        runSettings = settings;
        weightsMoved = false;
        epochDone.set(0);
        LOGGER.info("Training started from the window, seed {}", settings.seed());

        TrainingControl runControl = new TrainingControl();
        Task<Study> task = new Task<>() {
            @Override
            protected Study call() {
                ComputeThreads.leaveOneCoreFree();
                return evaluating.train(current, settings, keep, report -> queue(report),
                        runControl);
            }
        };
        control = runControl;
        task.setOnSucceeded(e -> finish(task, "Trained"));
        task.setOnCancelled(e -> finish(task, "Cancelled"));
        task.setOnFailed(e -> finish(task, "Failed"));
        running = task;
        // the FX thread is watched from the run's first step: the frame that shows the
        // Training tab is drawn before it, as any switch of tab is
        startGate.accept(() -> {
            if (running == task) {
                stallProbe.start();
            }
            executor.execute(task);
        });
    }

    /** Cancels the running training or import. */
    public void cancel() {
        if (control != null) {
            control.cancel();
        }
        if (running != null) {
            running.cancel(false);
        }
        if (runningImport != null) {
            runningImport.cancel(false);
        }
    }

    /** Pauses the running training after its current step; the thread waits until resumed. */
    public void pause() {
        if (control != null && !paused.get()) {
            control.pause();
            paused.set(true);
            state.set(StudioState.PAUSED);
            LOGGER.info("Training paused");
        }
    }

    /** Resumes a paused training. */
    public void resume() {
        if (control != null && paused.get()) {
            control.resume();
            paused.set(false);
            state.set(StudioState.TRAINING);
            LOGGER.info("Training resumed");
        }
    }

    /** Pauses a running training or resumes a paused one. */
    public void togglePause() {
        if (paused.get()) {
            resume();
        } else {
            pause();
        }
    }

    private void finish(Task<Study> task, String outcome) {
        progress.unbind();
        running = null;
        control = null;
        busy.set(false);
        training.set(false);
        paused.set(false);
        flushReports();
        stallProbe.stop();
        longestStall.set(stallProbe.longestStallMillis());
        longestFxWork.set(stallProbe.longestBusyMillis());
        LOGGER.info("Longest FX-thread stall during training: {} ms wall clock, {} ms of FX "
                + "work, over {} probes", String.format(Locale.ROOT, "%.1f",
                stallProbe.longestStallMillis()), String.format(Locale.ROOT, "%.1f",
                stallProbe.longestBusyMillis()), stallProbe.probes());
        LOGGER.debug("FX-thread stalls of 20 ms or more: {}", stallProbe.stalls());
        watchResults();
        timeLeftText.set(NOTHING);
        Throwable failure = task.getException();
        boolean cancelled = "Cancelled".equals(outcome)
                || failure instanceof TrainingCancelledException;
        if ("Trained".equals(outcome)) {
            Study result = task.getValue();
            study.set(result);
            metrics.setAll(result.metrics());
            ImportReport imported = report.get();
            List<Sentence> tooGood = LeakageGuard.tooGood(result.metrics(), result.leakage());
            if (imported != null) {
                List<Sentence> findings = new ArrayList<>(result.leakage().stream()
                        .map(LeakageGuard.Flag::sentence).toList());
                findings.addAll(tooGood);
                ImportReport withLeakage = imported.withNotices(findings);
                reportText.set(withLeakage.summary());
                shownReport.set(withLeakage);
            }
            applicants.setAll(result.testResults());
            error.set(null);
            progress.set(1);
            progressWords.set(I18n.Message.of("progress.done",
                    I18n.Message.of("common.epochs", result.history().size()),
                    result.trainSeconds()));
            statusText.set(words -> summary(words, result));
            state.set(StudioState.DONE);
            record(StudioState.DONE, result.history().size(), result.trainSeconds(),
                    result.metrics());
            // a test AUC too good to be true is said as the run ends, not only in the report
            notice.set(tooGood.isEmpty() ? status.get() : status.get() + "\n"
                    + tooGood.stream().map(i18n::get).collect(Collectors.joining("\n")));
        } else if (cancelled) {
            progressWords.set(I18n.Message.of("progress.cancelled"));
            statusText.set(I18n.Message.of(study.get() == null ? "status.trainingCancelled"
                    : "status.trainingCancelledKept"));
            state.set(StudioState.CANCELLED);
            record(StudioState.CANCELLED, reports.size(), lastElapsed(), List.of());
        } else {
            Object reason = failure == null ? I18n.Message.of("common.unknownError")
                    : I18n.sentenceOf(failure);
            if (failure instanceof TrainingDivergedException) {
                LOGGER.warn("Training stopped: {}", failure.getMessage());
            } else {
                LOGGER.warn("Training failed", failure);
            }
            progressWords.set(I18n.Message.of("progress.failed"));
            statusText.set(I18n.Message.of("status.trainingFailed", reason));
            errorText.set(words -> words.words(reason));
            state.set(StudioState.FAILED);
            record(StudioState.FAILED, reports.size(), lastElapsed(), List.of());
            notice.set(status.get());
        }
    }

    /**
     * Measures the FX thread while a training's results are shown: the views' own work on the
     * new study, then the layout and drawing of the frames after it, all within
     * {@link #RESULTS_WATCH_MILLIS} ms. The figures are logged and kept in
     * {@link #resultsStallProperty()} and {@link #resultsFxWorkProperty()}.
     */
    private void watchResults() {
        resultsStall.set(Double.NaN);
        resultsFxWork.set(Double.NaN);
        resultsProbe.stop();
        resultsProbe.start();
        PauseTransition watch = new PauseTransition(Duration.millis(RESULTS_WATCH_MILLIS));
        // posted after every probe already waiting, so that a late one is counted
        watch.setOnFinished(e -> Platform.runLater(() -> {
            resultsProbe.stop();
            resultsStall.set(resultsProbe.longestStallMillis());
            resultsFxWork.set(resultsProbe.longestBusyMillis());
            LOGGER.info("Longest FX-thread stall while showing the results: {} ms wall clock, "
                    + "{} ms of FX work, over {} probes", String.format(Locale.ROOT, "%.1f",
                    resultsProbe.longestStallMillis()), String.format(Locale.ROOT, "%.1f",
                    resultsProbe.longestBusyMillis()), resultsProbe.probes());
            LOGGER.debug("FX-thread stalls of 20 ms or more while showing the results: {}",
                    resultsProbe.stalls());
        }));
        watch.play();
    }

    /** How long after a training the FX thread is watched while the results are shown. */
    static final long RESULTS_WATCH_MILLIS = 1_500;

    private double lastElapsed() {
        return reports.isEmpty() ? 0 : reports.get(reports.size() - 1).elapsedSeconds();
    }

    private void record(StudioState outcome, int epochsDone, double seconds,
            List<TaskMetrics> testMetrics) {
        if (runSettings != null) {
            runs.add(new RunRecord(runs.size() + 1, runSettings, weightsMoved, outcome,
                    epochsDone, seconds, testMetrics));
        }
    }

    /**
     * Called by the training thread after each epoch: the report waits in a queue, and a
     * flush on the FX thread is scheduled unless one already is. So however fast epochs end,
     * the chart changes at most every {@link #FLUSH_MILLIS} ms.
     */
    private void queue(EpochReport report) {
        pendingReports.add(report);
        if (flushScheduled.compareAndSet(false, true)) {
            // a timer thread, not an animation: a running animation would make the toolkit
            // redraw at every frame, and each of those frames would wait on the one before
            FLUSH_TIMER.schedule(() -> Platform.runLater(this::flushReports), FLUSH_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Draws every queued epoch report; on the FX thread. */
    void flushReports() {
        flushScheduled.set(false);
        EpochReport report;
        EpochReport last = null;
        while ((report = pendingReports.poll()) != null) {
            reports.add(report);
            addPoints(report);
            last = report;
        }
        if (last != null && training.get()) {
            // the progress moves with the chart, so that an epoch changes the window once
            progress.set((double) last.epoch() / last.epochs());
            timeLeftText.set(timeLeft(last));
            progressWords.set(describe(last));
            epochDone.set(last.epoch());
        }
    }

    /** Time left as the analyst reads it, from the mean time of the epochs done. */
    static I18n.Message timeLeft(EpochReport report) {
        double seconds = report.secondsLeft();
        if (report.epoch() >= report.epochs()) {
            return I18n.Message.of("time.finishing");
        }
        return seconds >= 90
                ? I18n.Message.of("time.minutesLeft", Math.ceil(seconds / 60))
                : I18n.Message.of("time.secondsLeft", Math.ceil(seconds));
    }

    /** The run's empty series, put into the chart in one change so it lays out once. */
    private void createSeries(TrainingSettings settings) {
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        seriesTasks.clear();
        for (TaskSpec task : settings.tasks()) {
            series.add(new XYChart.Series<>());
            series.add(new XYChart.Series<>());
            seriesTasks.add(task.name());
        }
        lossSeries.setAll(series);
        nameSeries();
    }

    /** Names each loss series in the current language: the task and the part. */
    private void nameSeries() {
        for (int t = 0; t < seriesTasks.size() && 2 * t + 1 < lossSeries.size(); t++) {
            lossSeries.get(2 * t).setName(i18n.get("series.training", seriesTasks.get(t)));
            lossSeries.get(2 * t + 1).setName(i18n.get("series.validation",
                    seriesTasks.get(t)));
        }
    }

    private void addPoints(EpochReport report) {
        LossView view = lossView.get();
        int tasks = report.losses().size();
        for (int t = 0; t < tasks && 2 * t + 1 < lossSeries.size(); t++) {
            lossSeries.get(2 * t).getData()
                    .add(new XYChart.Data<>(report.epoch(), view.value(report, t, false)));
            lossSeries.get(2 * t + 1).getData()
                    .add(new XYChart.Data<>(report.epoch(), view.value(report, t, true)));
        }
    }

    /** Redraws the points of the run shown in the current loss view. */
    private void redrawLosses() {
        for (XYChart.Series<Number, Number> series : lossSeries) {
            series.getData().clear();
        }
        for (EpochReport report : reports) {
            addPoints(report);
        }
    }

    private void clearResults() {
        study.set(null);
        metrics.clear();
        applicants.clear();
        clearCurves();
    }

    /** Forgets the last run's curves and progress, not its model. */
    private void clearCurves() {
        reports.clear();
        pendingReports.clear();
        // clearing the last run's curves costs the FX thread about 30 ms on the bundled table
        lossSeries.clear();
        progress.set(0);
        progressWords.set(NOTHING);
    }

    static I18n.Message describe(EpochReport report) {
        // the time left has a label of its own (timeLeft)
        return I18n.Message.of("progress.epoch", report.epoch(), report.epochs(),
                report.elapsedSeconds());
    }

    /** The table's file name, or the word for a table read from no file. */
    private Object tableName(CreditTable table) {
        return table.source() == null ? I18n.Message.of("status.unnamedTable")
                : table.source().getFileName().toString();
    }

    /** The status line after a training: epochs, time and each task's main test metric. */
    private static String summary(I18n i18n, Study study) {
        return i18n.get("status.trained", i18n.get("common.epochs", study.history().size()),
                study.trainSeconds()) + metricsSummary(i18n, study);
    }

    private void updateStateText() {
        CreditTable current = table.get();
        Object data = current == null ? I18n.Message.of("status.noData") : tableName(current);
        StudioState now = state.get();
        I18n.Message what = I18n.Message.of(now.key());
        if ((now == StudioState.TRAINING || now == StudioState.PAUSED) && runSettings != null) {
            what = I18n.Message.of("state.epoch", what, epochDone.get(), runSettings.epochs());
        }
        stateText.set(i18n.get(I18n.Message.of("state.line", data, what)));
    }

    /**
     * The status bar's short line: the data set and the state, with the epoch reached while
     * training ("taiwan.csv · training · epoch 3/50").
     */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText;
    }

    /** Puts a file at the top of the recent files. */
    void remember(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        recentFiles.remove(absolute);
        recentFiles.add(0, absolute);
        while (recentFiles.size() > RECENT_FILES) {
            recentFiles.remove(recentFiles.size() - 1);
        }
    }

    /**
     * The current work as an experiment: the table's file, the import options and the current
     * settings.
     *
     * @throws IllegalStateException without a table read from a file
     * @throws IllegalArgumentException when the settings are invalid
     */
    public Experiment experiment() {
        CreditTable current = table.get();
        if (current == null || current.source() == null) {
            throw new IllegalStateException(i18n.get("error.noDataFile"));
        }
        return new Experiment(current.source().toAbsolutePath().normalize().toString(),
                importOptions.get(), currentSettings());
    }

    /** Saves the current work as an experiment file; a problem goes to the error message. */
    public boolean saveExperiment(Path file) {
        try {
            experiment().write(file);
            statusText.set(I18n.Message.of("status.experimentSaved",
                    file.getFileName().toString()));
            LOGGER.info("Experiment saved to {}", file);
            return true;
        } catch (IOException | RuntimeException e) {
            errorText.set(I18n.Message.of("error.cannotSaveExperiment", I18n.sentenceOf(e)));
            return false;
        }
    }

    /**
     * Opens an experiment file: imports its data file as it says, then sets the weights and
     * every training setting. A problem with the file goes to the error message.
     */
    public boolean openExperiment(Path file) {
        if (busy.get()) {
            return false;
        }
        Experiment experiment;
        try {
            experiment = Experiment.read(file);
        } catch (IOException | RuntimeException e) {
            errorText.set(I18n.Message.of("error.cannotOpenExperiment",
                    file.getFileName().toString(), I18n.sentenceOf(e)));
            return false;
        }
        LOGGER.info("Experiment {} opened, seed {}", file, experiment.settings().seed());
        pendingExperiment = experiment.settings();
        ImportOptions options = experiment.importOptions() == null
                ? ImportOptions.defaults() : experiment.importOptions();
        open(experiment.dataPath(file), options);
        return true;
    }

    /**
     * Makes a trade-off point's study the current one and says so in the status line, with
     * the point's weights and its test figures.
     */
    public void useTradeOffPoint(Study point, String weights) {
        study.set(point);
        metrics.setAll(point.metrics());
        applicants.setAll(point.testResults());
        statusText.set(words -> words.get("status.tradeOffPoint", weights)
                + metricsSummary(words, point));
    }

    private static String metricsSummary(I18n i18n, Study study) {
        StringBuilder text = new StringBuilder();
        for (TaskMetrics m : study.metrics()) {
            text.append(m.type() == TaskType.BINARY
                    ? i18n.get("status.trained.auc", m.task(), m.auc())
                    : i18n.get("status.trained.mae", m.task(), m.mae()));
        }
        return text.toString();
    }

    /** Shows a message in the status line, in the current language and following it. */
    public void showStatus(I18n.Message message) {
        statusText.set(message);
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

    /** Every training setting besides the tasks' weights. */
    public SettingsModel settings() {
        return settingsModel;
    }

    public IntegerProperty epochsProperty() {
        return settingsModel.epochsProperty();
    }

    public IntegerProperty batchSizeProperty() {
        return settingsModel.batchSizeProperty();
    }

    public DoubleProperty learningRateProperty() {
        return settingsModel.learningRateProperty();
    }

    public IntegerProperty seedProperty() {
        return settingsModel.seedProperty();
    }

    /** True while a training is paused. */
    public ReadOnlyBooleanProperty pausedProperty() {
        return paused;
    }

    /** What the window is doing: idle, importing, training, paused, done, cancelled, failed. */
    public ReadOnlyObjectProperty<StudioState> stateProperty() {
        return state;
    }

    /** The estimated time left of the running training, empty otherwise. */
    public StringProperty timeLeftProperty() {
        return timeLeft;
    }

    /** Which loss the Training view draws; switching redraws the whole run. */
    public ObjectProperty<LossView> lossViewProperty() {
        return lossView;
    }

    /** Teaching mode shows only the weights, epochs and seed among the settings. */
    public BooleanProperty teachingModeProperty() {
        return teachingMode;
    }

    /**
     * The longest time, in ms, the FX thread kept an event waiting during the last training
     * (sampled every 10 ms by {@link FxStallProbe}); NaN before the first training.
     */
    public ReadOnlyDoubleProperty longestStallProperty() {
        return longestStall;
    }

    /**
     * The most processor time, in ms, the FX thread spent between two 10 ms probes during the
     * last training: the longest stretch of work on it, without the waits for a processor a
     * loaded machine adds to {@link #longestStallProperty}; NaN before the first training.
     */
    public ReadOnlyDoubleProperty longestFxWorkProperty() {
        return longestFxWork;
    }

    /**
     * The longest time, in ms, the FX thread kept an event waiting while the last training's
     * results were shown (the {@value #RESULTS_WATCH_MILLIS} ms from its end); NaN until
     * measured.
     */
    public ReadOnlyDoubleProperty resultsStallProperty() {
        return resultsStall;
    }

    /**
     * The most processor time, in ms, the FX thread spent between two 10 ms probes while the
     * last training's results were shown: the longest stretch of work the new results put on
     * it; NaN until measured.
     */
    public ReadOnlyDoubleProperty resultsFxWorkProperty() {
        return resultsFxWork;
    }

    /** The FX-thread lags of 20 ms or more during the last training. */
    public List<FxStallProbe.Stall> stalls() {
        return stallProbe.stalls();
    }

    /**
     * Sets what a training waits for before its background work begins; the window passes
     * "once the frame now changing has been drawn", so the first frame of a run is not slowed
     * by the training beside it. By default the work begins at once.
     */
    public void setStartGate(Consumer<Runnable> gate) {
        startGate = gate;
    }

    /**
     * The window's language, shared by every view; English until the application or the
     * analyst chooses another.
     */
    public I18n i18n() {
        return i18n;
    }

    /** The epoch reports of the current run drawn so far. */
    public List<EpochReport> epochReports() {
        return Collections.unmodifiableList(reports);
    }

    /** The session's runs, oldest first. */
    public ObservableList<RunRecord> runs() {
        return runs;
    }

    /** Files imported lately, newest first. */
    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    /**
     * A message for the analyst when a run ends (finished or failed): the view shows it and
     * sets it back to null.
     */
    public StringProperty noticeProperty() {
        return notice;
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

    /**
     * The import report the Data tab shows, with the leakage guard's warnings once trained;
     * the tab puts it in the window's language ({@link ImportReportText}).
     */
    public ReadOnlyObjectProperty<ImportReport> shownReportProperty() {
        return shownReport;
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
