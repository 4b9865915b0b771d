package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.eval.CalibrationBin;
import com.creditmtl.studio.eval.ConfusionMatrix;
import com.creditmtl.studio.eval.EvaluationOptions;
import com.creditmtl.studio.eval.Interval;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.TrainingCancelledException;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.study.CrossValidation;
import com.creditmtl.studio.study.ModelComparison;
import com.creditmtl.studio.study.Study;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the Evaluation tab: the trained model's metrics per task on test and validation, its
 * calibration table and confusion matrix, and the comparison with baselines and the
 * cross-validation, each run in the background on the window's executor with progress and
 * cancel. The comparison and cross-validation use the training settings the window shows; the
 * cost ratio set here applies to them and to the next training (a model already trained keeps
 * the matrices it was evaluated with). Properties are read and written on the FX thread.
 */
public final class EvaluationViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(EvaluationViewModel.class);

    /** A task's metrics on one part of the table. */
    public record MetricsRow(String task, String part, TaskMetrics metrics) {
    }

    /** One calibration bin of a binary task on the test part. */
    public record CalibrationRow(String task, CalibrationBin bin) {
    }

    /** A binary task's confusion matrix on one part. */
    public record ConfusionRow(String task, String part, ConfusionMatrix matrix) {
    }

    /** One task's comparison, as figures and words. */
    public record ComparisonRow(String task, String measure, double multiTask, double singleTask,
            double linear, String versusSingle, String versusLinear, String verdict) {
    }

    /** One metric of one task over the folds. */
    public record CrossValidationRow(String task, String metric, double mean, double sd) {
    }

    private final MainViewModel main;
    private final Executor executor;

    private final IntegerProperty folds = new SimpleIntegerProperty(5);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");

    private final ObservableList<MetricsRow> metrics = FXCollections.observableArrayList();
    private final ObservableList<CalibrationRow> calibration =
            FXCollections.observableArrayList();
    private final ObservableList<ConfusionRow> confusion = FXCollections.observableArrayList();
    private final ObservableList<ComparisonRow> comparison = FXCollections.observableArrayList();
    private final ObservableList<CrossValidationRow> crossValidation =
            FXCollections.observableArrayList();

    private Task<?> task;

    public EvaluationViewModel(MainViewModel main, Executor executor) {
        this.main = main;
        this.executor = executor;
        main.studyProperty().addListener((obs, old, study) -> showStudy(study));
        main.tableProperty().addListener((obs, old, table) -> {
            comparison.clear();
            crossValidation.clear();
        });
    }

    private void showStudy(Study study) {
        metrics.clear();
        calibration.clear();
        confusion.clear();
        if (study == null) {
            return;
        }
        for (int t = 0; t < study.metrics().size(); t++) {
            TaskMetrics test = study.metrics().get(t);
            metrics.add(new MetricsRow(test.task(), "test", test));
            if (t < study.validationMetrics().size()) {
                TaskMetrics validation = study.validationMetrics().get(t);
                metrics.add(new MetricsRow(test.task(), "validation", validation));
                if (validation.confusion() != null) {
                    confusion.add(new ConfusionRow(test.task(), "validation",
                            validation.confusion()));
                }
            }
            if (test.confusion() != null) {
                confusion.add(new ConfusionRow(test.task(), "test", test.confusion()));
            }
            test.calibration().forEach(bin -> calibration.add(new CalibrationRow(test.task(),
                    bin)));
        }
    }

    /** Compares the multi-task network with single-task and linear baselines. */
    public void compare() {
        EvaluationOptions options = options();
        run("Comparing with baselines", (table, settings, keep, reporter) ->
                new ModelComparison(options).compare(table, settings, keep, reporter,
                        reporter::isCancelled),
                result -> comparison.setAll(comparisonRows(result)));
    }

    /** Cross-validates the multi-task network over the chosen number of folds. */
    public void crossValidate() {
        EvaluationOptions options = options();
        int k = folds.get();
        run("Cross-validating over " + k + " folds", (table, settings, keep, reporter) ->
                new CrossValidation(options).run(table, settings, keep, k, reporter,
                        reporter::isCancelled),
                result -> crossValidation.setAll(crossValidationRows(result)));
    }

    public void cancel() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** A run's background side: the task's progress reports and its cancel flag. */
    interface Reporter extends com.creditmtl.studio.study.Progress {
        boolean isCancelled();
    }

    private interface Job<T> {
        T run(CreditTable table, TrainingSettings settings, List<String> keep,
                Reporter reporter);
    }

    private EvaluationOptions options() {
        return EvaluationOptions.DEFAULT.withCostRatio(main.costRatioProperty().get());
    }

    private <T> void run(String title, Job<T> job, Consumer<T> show) {
        CreditTable table = main.tableProperty().get();
        if (table == null || running.get()) {
            return;
        }
        TrainingSettings settings;
        EvaluationOptions checked;
        try {
            settings = main.currentSettings();
            checked = options();
        } catch (IllegalArgumentException e) {
            main.errorProperty().set(e.getMessage());
            return;
        }
        LOGGER.debug("{} with cost ratio {}", title, checked.costRatio());
        ImportOptions imported = main.importOptionsProperty().get();
        List<String> keep = imported == null ? List.of() : imported.keep();

        Task<T> background = new Task<>() {
            @Override
            protected T call() {
                updateMessage(title + " …");
                Task<T> self = this;
                return job.run(table, settings, keep, new Reporter() {
                    @Override
                    public void update(String stage, double done) {
                        updateProgress(done, 1);
                        updateMessage(title + ": " + stage);
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                });
            }
        };
        progress.bind(background.progressProperty());
        progressText.bind(background.messageProperty());
        running.set(true);
        background.setOnSucceeded(e -> {
            end(title + ": done");
            show.accept(background.getValue());
        });
        background.setOnCancelled(e -> end(title + ": cancelled"));
        background.setOnFailed(e -> {
            Throwable failure = background.getException();
            if (failure instanceof TrainingCancelledException) {
                end(title + ": cancelled");
            } else {
                LOGGER.warn("{} failed", title, failure);
                end(title + ": failed");
                main.errorProperty().set(failure == null ? "unknown error"
                        : failure.getMessage());
            }
        });
        task = background;
        executor.execute(background);
    }

    private void end(String message) {
        progress.unbind();
        progressText.unbind();
        task = null;
        running.set(false);
        progressText.set(message);
    }

    static List<ComparisonRow> comparisonRows(ModelComparison.Result result) {
        List<ComparisonRow> rows = new ArrayList<>();
        for (ModelComparison.TaskComparison task : result.tasks()) {
            boolean auc = "auc".equals(task.measure());
            rows.add(new ComparisonRow(task.task(), auc ? "AUC" : "MAE",
                    auc ? task.multiTask().auc() : task.multiTask().mae(),
                    auc ? task.singleTask().auc() : task.singleTask().mae(),
                    auc ? task.linear().auc() : task.linear().mae(),
                    difference(task.versusSingle(), task.versusSingleInterval()),
                    difference(task.versusLinear(), task.versusLinearInterval()),
                    task.verdict() + "; " + task.verdictVersusLinear()));
        }
        return rows;
    }

    static List<CrossValidationRow> crossValidationRows(CrossValidation.Result result) {
        List<CrossValidationRow> rows = new ArrayList<>();
        for (CrossValidation.TaskSummary task : result.tasks()) {
            task.metrics().forEach((name, summary) -> rows.add(new CrossValidationRow(
                    task.task(), name, summary.mean(), summary.sd())));
        }
        return rows;
    }

    private static String difference(double value, Interval interval) {
        return String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", value, interval.low(),
                interval.high());
    }

    /** The window's cost ratio, shared with training. */
    public DoubleProperty costRatioProperty() {
        return main.costRatioProperty();
    }

    public IntegerProperty foldsProperty() {
        return folds;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public ObservableList<MetricsRow> metrics() {
        return metrics;
    }

    public ObservableList<CalibrationRow> calibration() {
        return calibration;
    }

    public ObservableList<ConfusionRow> confusion() {
        return confusion;
    }

    public ObservableList<ComparisonRow> comparison() {
        return comparison;
    }

    public ObservableList<CrossValidationRow> crossValidation() {
        return crossValidation;
    }
}
