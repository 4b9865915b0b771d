package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.eval.CalibrationBin;
import com.creditmtl.studio.eval.ConfusionMatrix;
import com.creditmtl.studio.eval.EvaluationOptions;
import com.creditmtl.studio.eval.Interval;
import com.creditmtl.studio.eval.RocCurve;
import com.creditmtl.studio.eval.ScoreDistribution;
import com.creditmtl.studio.eval.TaskEvaluator;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.TrainingCancelledException;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.study.ApplicantResult;
import com.creditmtl.studio.study.CrossValidation;
import com.creditmtl.studio.study.ModelComparison;
import com.creditmtl.studio.study.Progress;
import com.creditmtl.studio.study.Study;
import com.creditmtl.studio.study.StudyReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * State of the Evaluation tab: the trained model's metrics per task on test and validation, its
 * calibration table and confusion matrix, and the comparison with baselines and the
 * cross-validation, each run in the background on the window's executor with progress and
 * cancel. The comparison and cross-validation use the training settings the window shows; the
 * cost ratio set here applies to them and to the next training (a model already trained keeps
 * the matrices it was evaluated with). Properties are read and written on the FX thread.
 *
 * <p>It also holds the data of the charts drawn from the test applicants' predictions: the ROC
 * curve and the calibration of each binary task, the scores of goods and bads, and a confusion
 * matrix whose cut-off follows a cost ratio the analyst moves (the cheapest cut-off on the test
 * part itself, so it shows the trade-off rather than an unbiased cost). The charts are computed
 * once per trained study; the matrix again at each move of the cost, a sort of the test rows.
 *
 * <p>Texts the tab shows are held as {@link I18n.Message}s or bound to the window's
 * {@link I18n}, so they follow a change of language at once: the status of a run, the last
 * export, the verdicts of the comparison and the names of the chart series. Parts of the table
 * ({@code "test"}, {@code "validation"}) and metric names ({@code "auc"}, {@code "log_loss"} ...)
 * are kept as identifiers for the view to put in words. The HTML report comes from the study
 * layer, shared with the command line, and stays in English.
 */
public final class EvaluationViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(EvaluationViewModel.class);

    /** The parts of the table a row can be on: identifiers, put in words by the view. */
    public static final String TEST = "test";
    public static final String VALIDATION = "validation";

    /** A task's metrics on one part of the table ({@link #TEST} or {@link #VALIDATION}). */
    public record MetricsRow(String task, String part, TaskMetrics metrics) {
    }

    /** One calibration bin of a binary task on the test part. */
    public record CalibrationRow(String task, CalibrationBin bin) {
    }

    /** A binary task's confusion matrix on one part ({@link #TEST} or {@link #VALIDATION}). */
    public record ConfusionRow(String task, String part, ConfusionMatrix matrix) {
    }

    /**
     * One task's comparison: the measure (AUC or MAE) of each model, the differences of the
     * multi-task model to each baseline with their 95 % intervals, and a verdict on each.
     */
    public record ComparisonRow(String task, String measure, double multiTask, double singleTask,
            double linear, double versusSingle, Interval versusSingleInterval,
            double versusLinear, Interval versusLinearInterval, I18n.Message verdictVersusSingle,
            I18n.Message verdictVersusLinear) {
    }

    /** One metric of one task over the folds; the metric by its identifier, e.g. log_loss. */
    public record CrossValidationRow(String task, String metric, double mean, double sd) {
    }

    private final MainViewModel main;
    private final I18n i18n;
    private final Executor executor;

    private final IntegerProperty folds = new SimpleIntegerProperty(5);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ObjectProperty<I18n.Message> progressText = new SimpleObjectProperty<>();

    private final ObservableList<MetricsRow> metrics = FXCollections.observableArrayList();
    private final ObservableList<CalibrationRow> calibration =
            FXCollections.observableArrayList();
    private final ObservableList<ConfusionRow> confusion = FXCollections.observableArrayList();
    private final ObservableList<ComparisonRow> comparison = FXCollections.observableArrayList();
    private final ObservableList<CrossValidationRow> crossValidation =
            FXCollections.observableArrayList();

    /** Points of a ROC curve kept at most, so that a large test part draws quickly. */
    static final int MAX_CURVE_POINTS = 400;
    /** Bands of the score distribution chart. */
    static final int SCORE_BANDS = 20;

    /** The stages the comparison and the cross-validation report, as they word them. */
    private static final String DONE = "done";
    private static final Pattern FOLD = Pattern.compile("fold (\\d+) of (\\d+)");

    private final ObservableList<XYChart.Series<Number, Number>> rocSeries =
            FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> calibrationSeries =
            FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> scoreSeries =
            FXCollections.observableArrayList();
    private final ObservableList<String> binaryTasks = FXCollections.observableArrayList();
    private final StringProperty confusionTask = new SimpleStringProperty();
    private final ObjectProperty<ConfusionMatrix> liveConfusion = new SimpleObjectProperty<>();
    private final ObjectProperty<I18n.Message> exportMessage = new SimpleObjectProperty<>();

    private Task<?> task;
    private ModelComparison.Result lastComparison;

    public EvaluationViewModel(MainViewModel main, Executor executor) {
        this.main = main;
        this.i18n = main.i18n();
        this.executor = executor;
        main.studyProperty().addListener((obs, old, study) -> showStudy(study));
        main.tableProperty().addListener((obs, old, table) -> {
            comparison.clear();
            crossValidation.clear();
            lastComparison = null;
        });
        // one cost ratio: the slider's cut-off, compare, cross-validation and the next training
        main.costRatioProperty().addListener((obs, old, value) -> updateLiveConfusion());
        confusionTask.addListener((obs, old, value) -> updateLiveConfusion());
    }

    private void showStudy(Study study) {
        metrics.clear();
        calibration.clear();
        confusion.clear();
        showCharts(study);
        if (study == null) {
            return;
        }
        for (int t = 0; t < study.metrics().size(); t++) {
            TaskMetrics test = study.metrics().get(t);
            metrics.add(new MetricsRow(test.task(), TEST, test));
            if (t < study.validationMetrics().size()) {
                TaskMetrics validation = study.validationMetrics().get(t);
                metrics.add(new MetricsRow(test.task(), VALIDATION, validation));
                if (validation.confusion() != null) {
                    confusion.add(new ConfusionRow(test.task(), VALIDATION,
                            validation.confusion()));
                }
            }
            if (test.confusion() != null) {
                confusion.add(new ConfusionRow(test.task(), TEST, test.confusion()));
            }
            test.calibration().forEach(bin -> calibration.add(new CalibrationRow(test.task(),
                    bin)));
        }
    }

    /** Compares the multi-task network with single-task and linear baselines. */
    public void compare() {
        EvaluationOptions options = options();
        run(new Texts("evaluation.comparing"), EvaluationViewModel::comparisonStage,
                (table, settings, keep, progress, cancelled) ->
                new ModelComparison(options).compare(table, settings, keep, progress,
                        cancelled),
                result -> {
                    lastComparison = result;
                    comparison.setAll(comparisonRows(result));
                });
    }

    /** Cross-validates the multi-task network over the chosen number of folds. */
    public void crossValidate() {
        EvaluationOptions options = options();
        int k = folds.get();
        run(new Texts("evaluation.crossValidating", k), stage -> foldStage(stage, k),
                (table, settings, keep, progress, cancelled) ->
                new CrossValidation(options).run(table, settings, keep, k, progress,
                        cancelled),
                result -> crossValidation.setAll(crossValidationRows(result)));
    }

    /**
     * The words for a stage the comparison reports: the models it trains, named by
     * {@link ModelComparison}'s constants and the task, and the end. Another stage is shown as
     * reported.
     */
    static I18n.Message comparisonStage(String stage) {
        if (DONE.equals(stage)) {
            return I18n.Message.of("evaluation.comparing.done");
        }
        if (ModelComparison.MULTI_TASK.equals(stage)) {
            return I18n.Message.of("evaluation.comparing.multiTask");
        }
        if (stage.startsWith(ModelComparison.SINGLE_TASK + " ")) {
            return I18n.Message.of("evaluation.comparing.singleTask",
                    stage.substring(ModelComparison.SINGLE_TASK.length() + 1));
        }
        if (stage.startsWith(ModelComparison.LINEAR + " ")) {
            return I18n.Message.of("evaluation.comparing.linear",
                    stage.substring(ModelComparison.LINEAR.length() + 1));
        }
        return I18n.Message.of("evaluation.comparing.stage", stage);
    }

    /** The words for a stage of the cross-validation: "fold 2 of 5", the end or as reported. */
    static I18n.Message foldStage(String stage, int folds) {
        if (DONE.equals(stage)) {
            return I18n.Message.of("evaluation.crossValidating.done", folds);
        }
        Matcher fold = FOLD.matcher(stage);
        if (fold.matches()) {
            return I18n.Message.of("evaluation.crossValidating.fold", folds,
                    Integer.parseInt(fold.group(1)));
        }
        return I18n.Message.of("evaluation.crossValidating.stage", folds, stage);
    }

    private void showCharts(Study study) {
        rocSeries.clear();
        calibrationSeries.clear();
        scoreSeries.clear();
        List<String> binary = new ArrayList<>();
        if (study != null && !study.testResults().isEmpty()) {
            if (study.scoringTask() >= 0) {
                rocSeries.add(line(named(I18n.Message.of("evaluation.series.chance")), 0, 0,
                        1, 1));
                calibrationSeries.add(line(named(I18n.Message.of(
                        "evaluation.series.perfectCalibration")), 0, 0, 1, 1));
            }
            for (int t = 0; t < study.tasks().size(); t++) {
                if (study.tasks().get(t).isBinary()) {
                    binary.add(study.tasks().get(t).name());
                    addTaskCurves(study, t);
                }
            }
            addScoreSeries(study);
        }
        binaryTasks.setAll(binary);
        String chosen = confusionTask.get();
        if (chosen == null || !binary.contains(chosen)) {
            confusionTask.set(binary.isEmpty() ? null : binary.get(0));
        }
        updateLiveConfusion();
    }

    private void addTaskCurves(Study study, int t) {
        String name = study.tasks().get(t).name();
        double[][] known = testPredictions(study, t);
        List<RocCurve.Point> points = RocCurve.points(known[0], known[1]);
        XYChart.Series<Number, Number> roc = named(I18n.Message.of("evaluation.series.roc", name,
                RocCurve.area(points)));
        int step = Math.max(1, (points.size() + MAX_CURVE_POINTS - 1) / MAX_CURVE_POINTS);
        for (int i = 0; i < points.size(); i++) {
            if (i % step == 0 || i == points.size() - 1) {
                RocCurve.Point point = points.get(i);
                roc.getData().add(new XYChart.Data<>(point.falsePositiveRate(),
                        point.truePositiveRate()));
            }
        }
        rocSeries.add(roc);

        XYChart.Series<Number, Number> bins = new XYChart.Series<>();
        bins.setName(name);
        for (CalibrationBin bin : TaskEvaluator.calibration(known[0], known[1])) {
            if (bin.count() > 0) {
                bins.getData().add(new XYChart.Data<>(bin.meanPredicted(),
                        bin.observedRate()));
            }
        }
        calibrationSeries.add(bins);
    }

    private void addScoreSeries(Study study) {
        int t = study.scoringTask();
        if (t < 0) {
            return;
        }
        List<ApplicantResult> results = study.testResults();
        double[] labels = results.stream().mapToDouble(r -> r.actual()[t]).toArray();
        double[] scores = results.stream().mapToDouble(ApplicantResult::score).toArray();
        ScoreDistribution distribution = ScoreDistribution.of(labels, scores, SCORE_BANDS);
        String task = study.tasks().get(t).name();
        XYChart.Series<Number, Number> goods = named(I18n.Message.of("evaluation.series.goods",
                task));
        XYChart.Series<Number, Number> bads = named(I18n.Message.of("evaluation.series.bads",
                task));
        int[] goodCounts = distribution.goods();
        int[] badCounts = distribution.bads();
        for (int b = 0; b < distribution.bands(); b++) {
            goods.getData().add(new XYChart.Data<>(distribution.centre(b), goodCounts[b]));
            bads.getData().add(new XYChart.Data<>(distribution.centre(b), badCounts[b]));
        }
        scoreSeries.add(goods);
        scoreSeries.add(bads);
    }

    /** {labels, predicted} of a task's test applicants whose outcome is known. */
    private static double[][] testPredictions(Study study, int t) {
        List<ApplicantResult> results = study.testResults();
        double[] actual = results.stream().mapToDouble(r -> r.actual()[t]).toArray();
        double[] predicted = results.stream().mapToDouble(r -> r.predicted()[t]).toArray();
        return TaskEvaluator.withoutMasked(actual, predicted);
    }

    /**
     * A series whose name is a text in the window's language, following a change of it (the
     * legend follows the name). The binding is held by the series alone, so it goes with it.
     */
    private XYChart.Series<Number, Number> named(I18n.Message name) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.nameProperty().bind(i18n.bind(name.key(), name.args().toArray()));
        return series;
    }

    private static XYChart.Series<Number, Number> line(XYChart.Series<Number, Number> series,
            double x0, double y0, double x1, double y1) {
        series.getData().add(new XYChart.Data<>(x0, y0));
        series.getData().add(new XYChart.Data<>(x1, y1));
        return series;
    }

    private void updateLiveConfusion() {
        Study study = main.studyProperty().get();
        String name = confusionTask.get();
        double ratio = main.costRatioProperty().get();
        if (study == null || name == null || !(ratio > 0)) {
            liveConfusion.set(null);
            return;
        }
        for (int t = 0; t < study.tasks().size(); t++) {
            if (study.tasks().get(t).name().equals(name)) {
                double[][] known = testPredictions(study, t);
                liveConfusion.set(known[0].length == 0 ? null
                        : TaskEvaluator.cheapestCutoff(known[0], known[1], ratio));
                return;
            }
        }
        liveConfusion.set(null);
    }

    /**
     * Writes the study's HTML report, with the last comparison when there is one, and says so
     * in {@link #exportMessageProperty()}. Quick (milliseconds), so it runs on the FX thread.
     * The report itself is in English whatever the window's language: it is written by the
     * study layer, which the command line shares.
     *
     * @return whether the report was written
     */
    public boolean writeReport(Path file) {
        Study study = main.studyProperty().get();
        if (study == null) {
            exportMessage.set(I18n.Message.of("evaluation.export.noModel"));
            return false;
        }
        CreditTable table = main.tableProperty().get();
        String dataName = table == null || table.source() == null ? "table"
                : table.source().getFileName().toString();
        try {
            StudyReport.write(study, dataName, List.of(), lastComparison, file);
            exportMessage.set(I18n.Message.of("evaluation.export.wrote",
                    file.getFileName().toString()));
            return true;
        } catch (IOException | RuntimeException e) {
            LOGGER.warn("Could not write the report to {}", file, e);
            exportMessage.set(I18n.Message.of("evaluation.export.writeFailed",
                    file.getFileName().toString(), I18n.sentenceOf(e)));
            return false;
        }
    }

    public void cancel() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private interface Job<T> {
        T run(CreditTable table, TrainingSettings settings, List<String> keep,
                Progress progress, BooleanSupplier cancelled);
    }

    /**
     * The status texts of one kind of run: keys PREFIX.running, .done, .cancelled, .failed and
     * .error (the last above the tabs, with the failure's message after the arguments), each
     * taking the same arguments first.
     */
    private record Texts(String prefix, Object... args) {

        I18n.Message of(String suffix, Object... more) {
            Object[] all = Arrays.copyOf(args, args.length + more.length);
            System.arraycopy(more, 0, all, args.length, more.length);
            return I18n.Message.of(prefix + "." + suffix, all);
        }
    }

    private EvaluationOptions options() {
        return EvaluationOptions.DEFAULT.withCostRatio(main.costRatioProperty().get());
    }

    private <T> void run(Texts texts, Function<String, I18n.Message> stages, Job<T> job,
            Consumer<T> show) {
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
            main.errorProperty().set(i18n.get("evaluation.cannotStart", I18n.sentenceOf(e)));
            return;
        }
        LOGGER.debug("{} with cost ratio {}", texts.prefix(), checked.costRatio());
        ImportOptions imported = main.importOptionsProperty().get();
        List<String> keep = imported == null ? List.of() : imported.keep();

        // the task's own message is English; the label shows the stage in the window's words
        ProgressTask<T> background = new ProgressTask<>(texts.prefix(),
                reporter -> job.run(table, settings, keep, (stage, done) -> {
                    reporter.update(stage, done);
                    I18n.Message words = stages.apply(stage);
                    Platform.runLater(() -> {
                        if (task == reporter) {
                            progressText.set(words);
                        }
                    });
                }, reporter::isCancelled));
        progress.bind(background.progressProperty());
        progressText.set(texts.of("running"));
        running.set(true);
        background.setOnSucceeded(e -> {
            end(texts.of("done"));
            show.accept(background.getValue());
        });
        background.setOnCancelled(e -> end(texts.of("cancelled")));
        background.setOnFailed(e -> {
            Throwable failure = background.getException();
            if (failure instanceof TrainingCancelledException) {
                end(texts.of("cancelled"));
            } else {
                LOGGER.warn("{} failed", texts.prefix(), failure);
                end(texts.of("failed"));
                main.errorProperty().set(i18n.get(texts.of("error",
                        failure == null || failure.getMessage() == null
                                ? i18n.get("evaluation.unknownError") : i18n.explain(failure))));
            }
        });
        task = background;
        executor.execute(background);
    }

    private void end(I18n.Message message) {
        progress.unbind();
        task = null;
        running.set(false);
        progressText.set(message);
    }

    static List<ComparisonRow> comparisonRows(ModelComparison.Result result) {
        List<ComparisonRow> rows = new ArrayList<>();
        // with one task the single-task network is the multi-task one: no figure, no finding
        boolean same = result.singleTaskIsMultiTask();
        for (ModelComparison.TaskComparison task : result.tasks()) {
            boolean auc = "auc".equals(task.measure());
            String measure = auc ? "AUC" : "MAE";
            rows.add(new ComparisonRow(task.task(), measure,
                    auc ? task.multiTask().auc() : task.multiTask().mae(),
                    same ? Double.NaN : auc ? task.singleTask().auc() : task.singleTask().mae(),
                    auc ? task.linear().auc() : task.linear().mae(),
                    same ? Double.NaN : task.versusSingle(),
                    same ? Interval.NONE : task.versusSingleInterval(),
                    task.versusLinear(), task.versusLinearInterval(),
                    same ? I18n.Message.of("evaluation.verdict.sameModel")
                            : verdict(auc, measure, task.versusSingle(),
                                    task.versusSingleInterval(), "Single"),
                    verdict(auc, measure, task.versusLinear(), task.versusLinearInterval(),
                            "Linear")));
        }
        return rows;
    }

    /**
     * The verdict on a difference to a baseline, as {@link ModelComparison.TaskComparison}
     * words it for the report: unclear while the interval holds zero, else better or worse.
     */
    private static I18n.Message verdict(boolean auc, String measure, double difference,
            Interval interval, String baseline) {
        if (Double.isNaN(difference)) {
            return I18n.Message.of("evaluation.verdict.noLabels");
        }
        if (!interval.excludesZero()) {
            return I18n.Message.of("evaluation.verdict.unclear" + baseline);
        }
        boolean better = auc ? difference > 0 : difference < 0;
        return I18n.Message.of("evaluation.verdict." + (better ? "better" : "worse") + baseline,
                measure, difference);
    }

    static List<CrossValidationRow> crossValidationRows(CrossValidation.Result result) {
        List<CrossValidationRow> rows = new ArrayList<>();
        for (CrossValidation.TaskSummary task : result.tasks()) {
            task.metrics().forEach((name, summary) -> rows.add(new CrossValidationRow(
                    task.task(), name, summary.mean(), summary.sd())));
        }
        return rows;
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

    /** What the last or current comparison or cross-validation is doing or did. */
    public ObjectProperty<I18n.Message> progressTextProperty() {
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

    /** The diagonal of chance, then one ROC curve per binary task on the test part. */
    public ObservableList<XYChart.Series<Number, Number>> rocSeries() {
        return rocSeries;
    }

    /**
     * The diagonal of perfect calibration, then per binary task the non-empty calibration bins
     * on the test part (mean predicted, observed rate).
     */
    public ObservableList<XYChart.Series<Number, Number>> calibrationSeries() {
        return calibrationSeries;
    }

    /** Goods and bads of the test part counted per score band (band centre, count). */
    public ObservableList<XYChart.Series<Number, Number>> scoreSeries() {
        return scoreSeries;
    }

    public ObservableList<String> binaryTasks() {
        return binaryTasks;
    }

    /** The binary task of the live confusion matrix. */
    public StringProperty confusionTaskProperty() {
        return confusionTask;
    }

    /** The cheapest cut-off on the test part at the live cost ratio; null without a model. */
    public ObjectProperty<ConfusionMatrix> liveConfusionProperty() {
        return liveConfusion;
    }

    /** What the last export did. */
    public ObjectProperty<I18n.Message> exportMessageProperty() {
        return exportMessage;
    }
}
