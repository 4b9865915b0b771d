package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.scoring.GradeScale;
import com.creditmtl.studio.scoring.ReasonTexts;
import com.creditmtl.studio.scoring.ScoreScale;
import com.creditmtl.studio.scoring.Scorecard;
import com.creditmtl.studio.study.ApplicantResult;
import com.creditmtl.studio.study.PredictionExport;
import com.creditmtl.studio.study.Rescoring;
import com.creditmtl.studio.study.Study;
import com.creditmtl.studio.study.WhatIf;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the Applicants tab: the applicants of the study in use (the test applicants of the
 * model just trained, or new applicants once a file is scored) with every task's actual value
 * and prediction, score, grade and expected loss; a quick search of IDs and the column filter
 * ({@link ApplicantFilter}), both of which a row must pass; the what-if editor of the selected
 * applicant; the scorecard settings; and the export of applicants' predictions with reasons.
 *
 * <p>A what-if change is evaluated at once on the FX thread: {@link WhatIf} takes about a
 * quarter of a millisecond (median) on the bundled table, so no executor or coalescing is
 * needed; the time of each evaluation is kept to show it. A scorecard change recomputes scores,
 * grades and expected losses from the predictions kept, without running the network, and is
 * passed on to the window's trained study when that is the study in use, so that the
 * Evaluation tab and a saved study follow it. Exports run on the window's executor
 * ({@code docs/decisions/0009-applicants-tab-threads.md}). Properties are read and written on
 * the FX thread.
 */
public final class ApplicantsViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(ApplicantsViewModel.class);
    private static final int MAX_TIMES_KEPT = 1_000;

    /** One applicant of the table shown: a row of {@code table} and its result. */
    public record ApplicantRow(CreditTable table, int row, ApplicantResult result) {

        public String id() {
            return result.id();
        }
    }

    /** One feature of the what-if editor: its value as text, null for missing. */
    public static final class FeatureValue {

        private final String feature;
        private final List<String> levels;
        private final String original;
        private final StringProperty value;

        FeatureValue(String feature, List<String> levels, String original) {
            this.feature = feature;
            this.levels = levels;
            this.original = original;
            this.value = new SimpleStringProperty(original);
        }

        public String feature() {
            return feature;
        }

        /** The levels of a categorical feature; null for a numeric one. */
        public List<String> levels() {
            return levels;
        }

        public boolean categorical() {
            return levels != null;
        }

        public String original() {
            return original;
        }

        public StringProperty valueProperty() {
            return value;
        }
    }

    /** One task's outcome of the applicant in the editor. */
    public record TaskOutcome(String task, boolean binary, double actual, double before,
            double now) {
    }

    private final MainViewModel main;
    private final Executor executor;

    private final ReadOnlyObjectWrapper<Study> study = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<I18n.Message> source =
            new SimpleObjectProperty<>(I18n.Message.of("applicants.source.none"));
    private final ObservableList<ApplicantRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ApplicantRow> filtered = new FilteredList<>(rows);
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ApplicantFilter filter;

    private final ObjectProperty<ApplicantRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<FeatureValue> features = FXCollections.observableArrayList();
    private final ObservableList<TaskOutcome> outcomes = FXCollections.observableArrayList();
    private final DoubleProperty score = new SimpleDoubleProperty(Double.NaN);
    private final StringProperty grade = new SimpleStringProperty("");
    private final ObservableList<String> reasons = FXCollections.observableArrayList();
    private final ObjectProperty<I18n.Message> whatIfMessage = new SimpleObjectProperty<>();
    private final List<Double> whatIfMillis = new ArrayList<>();

    private final StringProperty baseScore = new SimpleStringProperty();
    private final StringProperty baseOdds = new SimpleStringProperty();
    private final StringProperty pointsToDouble = new SimpleStringProperty();
    private final StringProperty lowestScore = new SimpleStringProperty();
    private final StringProperty highestScore = new SimpleStringProperty();
    private final StringProperty grades = new SimpleStringProperty();
    private final StringProperty amountTask = new SimpleStringProperty();
    private final ObservableList<String> amountChoices = FXCollections.observableArrayList();
    private final ObjectProperty<I18n.Message> scorecardMessage = new SimpleObjectProperty<>();
    private final ObjectProperty<I18n.Message> exportMessage = new SimpleObjectProperty<>();
    private final BooleanProperty exporting = new SimpleBooleanProperty();

    private WhatIf whatIf;
    private Study whatIfStudy;
    private final I18n i18n;
    private Map<String, Object> originalValues = Map.of();
    private boolean passingOn;

    public ApplicantsViewModel(MainViewModel main, Executor executor) {
        this.main = main;
        this.executor = executor;
        this.filter = new ApplicantFilter(() -> main.i18n().locale());
        this.i18n = main.i18n();
        // reasons are sentences in the window's language: a new language writes them again
        i18n.localeProperty().addListener((obs, old, now) -> {
            if (whatIf != null) {
                whatIf = whatIf(whatIfStudy);
                evaluate();
            }
        });
        main.studyProperty().addListener((obs, old, trained) -> {
            if (!passingOn) {
                showTrained(trained);
            }
        });
        filterText.addListener((obs, old, text) -> refilter());
        filter.conditions().addListener((ListChangeListener<ApplicantFilter.Condition>) c ->
                refilter());
        selected.addListener((obs, old, row) -> edit(row));
        showScorecard(Scorecard.DEFAULT, List.of());
        showTrained(main.studyProperty().get());
    }

    /** Shows the test applicants of the study trained in the window. */
    public void showTrained(Study trained) {
        if (trained == null) {
            use(null, I18n.Message.of("applicants.source.none"), List.of());
            return;
        }
        CreditTable table = main.tableProperty().get();
        int[] test = trained.split().test();
        List<ApplicantRow> shown = new ArrayList<>();
        for (int i = 0; i < trained.testResults().size() && table != null; i++) {
            shown.add(new ApplicantRow(table, test[i], trained.testResults().get(i)));
        }
        use(trained, table == null || table.source() == null
                ? I18n.Message.of("applicants.source.testOfTable", shown.size())
                : I18n.Message.of("applicants.source.test", shown.size(),
                        table.source().getFileName().toString()), shown);
    }

    /** Shows new applicants scored with a study, the trained one or one opened from a file. */
    public void showScored(Study scoring, CreditTable table, List<ApplicantResult> results,
            String name) {
        List<ApplicantRow> shown = new ArrayList<>(results.size());
        for (int r = 0; r < results.size(); r++) {
            shown.add(new ApplicantRow(table, r, results.get(r)));
        }
        use(scoring, I18n.Message.of("applicants.source.scored", shown.size(), name), shown);
    }

    /** Makes a study the one in use without applicants, as after opening a study file. */
    public void useStudy(Study chosen, String name) {
        use(chosen, I18n.Message.of("applicants.source.study", name), List.of());
    }

    private void use(Study chosen, I18n.Message description, List<ApplicantRow> shown) {
        selected.set(null);
        study.set(chosen);
        whatIf = chosen == null ? null : whatIf(chosen);
        source.set(description);
        rows.setAll(shown);
        if (chosen != null) {
            showScorecard(chosen.scorecard(), chosen.tasks());
        }
        updateColumns();
    }

    private void refilter() {
        String text = filterText.get() == null ? ""
                : filterText.get().trim().toLowerCase(Locale.ROOT);
        var conditions = filter.predicate();
        filtered.setPredicate(row -> (text.isEmpty()
                || row.id().toLowerCase(Locale.ROOT).contains(text))
                && conditions.test(row));
    }

    /** The filter's columns for the study in use; conditions on columns kept stay. */
    private void updateColumns() {
        Study current = study.get();
        if (current == null) {
            filter.setColumns(ApplicantFilter.columns(List.of(), List.of()));
        } else {
            Map<String, List<String>> categorical = new LinkedHashMap<>();
            for (String feature : current.encoder().categoricalFeatures()) {
                categorical.put(feature, current.encoder().levels(feature));
            }
            filter.setColumns(ApplicantFilter.columns(current.tasks(),
                    current.gradeScale().grades(), current.encoder().numericFeatures(),
                    categorical));
        }
        refilter();
    }

    private void edit(ApplicantRow row) {
        features.clear();
        outcomes.clear();
        reasons.clear();
        score.set(Double.NaN);
        grade.set("");
        whatIfMessage.set(null);
        if (row == null || whatIf == null) {
            originalValues = Map.of();
            return;
        }
        Study current = study.get();
        originalValues = whatIf.applicant(row.table(), row.row());
        List<FeatureValue> values = new ArrayList<>();
        for (Map.Entry<String, Object> entry : originalValues.entrySet()) {
            String feature = entry.getKey();
            boolean categorical = current.encoder().categoricalFeatures().contains(feature);
            FeatureValue value = new FeatureValue(feature,
                    categorical ? current.encoder().levels(feature) : null,
                    shown(entry.getValue()));
            value.valueProperty().addListener((obs, old, text) -> evaluate());
            values.add(value);
        }
        features.setAll(values);
        evaluate();
    }

    /** Sets every feature of the editor back to the applicant's own value. */
    public void reset() {
        for (FeatureValue value : features) {
            value.valueProperty().set(value.original());
        }
        evaluate();
    }

    /** Evaluates the applicant as the editor shows it now. */
    void evaluate() {
        ApplicantRow row = selected.get();
        if (row == null || whatIf == null) {
            return;
        }
        Map<String, Object> applicant = new LinkedHashMap<>();
        for (FeatureValue value : features) {
            String text = value.valueProperty().get();
            if (text == null || text.isBlank()) {
                applicant.put(value.feature(), null);
            } else if (value.categorical()) {
                applicant.put(value.feature(), text);
            } else {
                try {
                    applicant.put(value.feature(), Double.parseDouble(text.trim()));
                } catch (NumberFormatException e) {
                    whatIfMessage.set(I18n.Message.of("applicants.whatIf.notANumber",
                            value.feature(), text));
                    return;
                }
            }
        }

        long start = System.nanoTime();
        WhatIf.Outcome outcome = whatIf.evaluate(applicant);
        double millis = (System.nanoTime() - start) / 1e6;
        if (whatIfMillis.size() == MAX_TIMES_KEPT) {
            whatIfMillis.remove(0);
        }
        whatIfMillis.add(millis);

        List<TaskSpec> tasks = study.get().tasks();
        List<TaskOutcome> shown = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            shown.add(new TaskOutcome(tasks.get(t).name(), tasks.get(t).isBinary(),
                    row.result().actual()[t], row.result().predicted()[t],
                    outcome.predictions()[t]));
        }
        outcomes.setAll(shown);
        score.set(outcome.score());
        grade.set(outcome.grade());
        reasons.setAll(outcome.reasonTexts());
        whatIfMessage.set(outsideRange(applicant, millis));
    }

    /**
     * "Updated in ... ms", or, when a number typed lies outside the training range of its
     * feature, that first, since the network extrapolates there.
     */
    private I18n.Message outsideRange(Map<String, Object> applicant, double millis) {
        for (PopulationStability.Reference reference : study.get().driftReference()) {
            if (applicant.get(reference.feature()) instanceof Double value
                    && reference.outside(value)) {
                return I18n.Message.of("applicants.whatIf.outsideRange", reference.feature(),
                        value, reference.low(), reference.high(), millis);
            }
        }
        return I18n.Message.of("applicants.whatIf.updated", millis);
    }

    /** A what-if editor of a study, its reasons in the window's language. */
    private WhatIf whatIf(Study of) {
        whatIfStudy = of;
        return new WhatIf(of, ReasonTexts.defaults(i18n.locale()));
    }

    /** The last thousand what-if times, in milliseconds, in the order measured. */
    public List<Double> whatIfMillis() {
        return List.copyOf(whatIfMillis);
    }

    private static String shown(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            if (number.isNaN()) {
                return "";
            }
            return number == Math.rint(number) && Math.abs(number) < 1e15
                    ? Long.toString(number.longValue()) : Double.toString(number);
        }
        return value.toString();
    }

    private void showScorecard(Scorecard card, List<TaskSpec> tasks) {
        ScoreScale scale = card.scale();
        baseScore.set(number(scale.baseScore()));
        baseOdds.set(number(scale.baseOdds()));
        pointsToDouble.set(number(scale.pointsToDoubleOdds()));
        lowestScore.set(number(scale.lowestScore()));
        highestScore.set(number(scale.highestScore()));
        grades.set(gradesText(card.grades()));
        List<String> choices = new ArrayList<>();
        choices.add("");
        tasks.stream().filter(t -> !t.isBinary()).map(TaskSpec::name).forEach(choices::add);
        amountChoices.setAll(choices);
        amountTask.set(card.amountTask() == null ? "" : card.amountTask());
        scorecardMessage.set(null);
    }

    /** Grades as text: "A 600, B 580, …, G", each grade's name and its lowest score. */
    static String gradesText(GradeScale scale) {
        List<String> parts = new ArrayList<>();
        for (int g = 0; g < scale.grades().size(); g++) {
            parts.add(g < scale.lowerBounds().length
                    ? scale.grades().get(g) + " " + number(scale.lowerBounds()[g])
                    : scale.grades().get(g));
        }
        return String.join(", ", parts);
    }

    /**
     * Reads grades written as {@link #gradesText}: the last band has no lower bound.
     *
     * @throws IllegalArgumentException naming the band that cannot be read
     */
    static GradeScale parseGrades(String text) {
        String[] bands = text == null ? new String[0] : text.split(",");
        List<String> names = new ArrayList<>();
        double[] bounds = new double[Math.max(0, bands.length - 1)];
        for (int b = 0; b < bands.length; b++) {
            String[] parts = bands[b].trim().split("\\s+");
            boolean last = b == bands.length - 1;
            if (parts[0].isEmpty() || parts.length != (last ? 1 : 2)) {
                throw new SettingException("grade band " + (b + 1) + " ('"
                        + bands[b].trim() + "') must be " + (last ? "a name alone, the grade "
                        + "below all bounds" : "a name and its lowest score, as 'A 600'"),
                        I18n.Message.of(last ? "applicants.scorecard.lastBand"
                                : "applicants.scorecard.band", b + 1, bands[b].trim()));
            }
            names.add(parts[0]);
            if (!last) {
                bounds[b] = parse("the lowest score of grade " + parts[0],
                        I18n.Message.of("applicants.scorecard.field.gradeBound", parts[0]),
                        parts[1]);
            }
        }
        if (names.size() < 2) {
            throw new SettingException("give at least two grades, as 'A 600, B'",
                    I18n.Message.of("applicants.scorecard.twoGrades"));
        }
        return new GradeScale(names, bounds);
    }

    /**
     * Applies the scorecard settings to the study in use: scores, grades and expected losses
     * are recomputed, and the what-if of the selected applicant follows. Invalid settings are
     * refused with the reason in {@link #scorecardMessageProperty()} and change nothing.
     *
     * @return whether the settings were applied
     */
    public boolean applyScorecard() {
        Study current = study.get();
        if (current == null) {
            scorecardMessage.set(I18n.Message.of("applicants.scorecard.noStudy"));
            return false;
        }
        Scorecard card;
        Study rescored;
        try {
            ScoreScale scale = new ScoreScale(
                    parse("applicants.scorecard.field.baseScore", baseScore.get()),
                    parse("applicants.scorecard.field.baseOdds", baseOdds.get()),
                    parse("applicants.scorecard.field.pointsToDouble", pointsToDouble.get()),
                    parse("applicants.scorecard.field.lowestScore", lowestScore.get()),
                    parse("applicants.scorecard.field.highestScore", highestScore.get()));
            card = new Scorecard(scale, parseGrades(grades.get()), amountTask.get());
            rescored = Rescoring.withScorecard(current, card);
        } catch (SettingException e) {
            scorecardMessage.set(I18n.Message.of("applicants.scorecard.notApplied",
                    e.reason()));
            return false;
        } catch (IllegalArgumentException e) {
            // the scorecard's own checks, worded by the engine for the command line as well
            scorecardMessage.set(I18n.Message.of("applicants.scorecard.notApplied",
                    I18n.sentenceOf(e)));
            return false;
        }

        ApplicantRow chosen = selected.get();
        List<ApplicantRow> updated = new ArrayList<>(rows.size());
        List<ApplicantResult> results = Rescoring.rescore(
                rows.stream().map(ApplicantRow::result).toList(), rescored, card);
        for (int r = 0; r < rows.size(); r++) {
            updated.add(new ApplicantRow(rows.get(r).table(), rows.get(r).row(),
                    results.get(r)));
        }
        int index = chosen == null ? -1 : rows.indexOf(chosen);
        selected.set(null);
        study.set(rescored);
        whatIf = whatIf(rescored);
        rows.setAll(updated);
        if (current == main.studyProperty().get()) {
            passingOn = true;
            try {
                main.studyProperty().set(rescored);
            } finally {
                passingOn = false;
            }
        }
        updateColumns();
        if (index >= 0) {
            selected.set(updated.get(index));
        }
        scorecardMessage.set(I18n.Message.of("applicants.scorecard.applied",
                card.scale().baseScore(), card.scale().baseOdds(),
                card.scale().pointsToDoubleOdds()));
        LOGGER.info("Scorecard changed: {} points at odds of {}:1, {} points to double the odds",
                number(card.scale().baseScore()), number(card.scale().baseOdds()),
                number(card.scale().pointsToDoubleOdds()));
        return true;
    }

    /** Puts the scorecard settings of the study in use back in the editor. */
    public void revertScorecard() {
        if (study.get() != null) {
            showScorecard(study.get().scorecard(), study.get().tasks());
        }
    }

    /** A setting of the scorecard editor that cannot be read, its reason as a message. */
    static final class SettingException extends IllegalArgumentException {

        private final transient I18n.Message reason;

        SettingException(String english, I18n.Message reason) {
            super(english);
            this.reason = reason;
        }

        I18n.Message reason() {
            return reason;
        }
    }

    /** A number of the scorecard editor, its field named by a message key. */
    private static double parse(String fieldKey, String text) {
        return parse(fieldKey, I18n.Message.of(fieldKey), text);
    }

    private static double parse(String what, I18n.Message field, String text) {
        String plain = text == null ? "" : text.trim();
        try {
            return Double.parseDouble(plain);
        } catch (NumberFormatException e) {
            throw new SettingException(what + " must be a number, was '" + plain + "'",
                    I18n.Message.of("applicants.scorecard.notANumber", field, plain));
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * Writes the given applicants' predictions, scores, grades and reasons as CSV with
     * {@link PredictionExport}, in the background: the reasons take about a quarter of a
     * millisecond an applicant, seconds for a whole test part. Cells of text are kept from
     * being run as formulas. {@link #exportMessageProperty()} tells the outcome, and
     * {@link #exportingProperty()} turns false once the file is written or has failed.
     */
    public void export(List<ApplicantRow> chosen, Path file) {
        Study current = study.get();
        if (current == null || chosen.isEmpty()) {
            exportMessage.set(I18n.Message.of("applicants.export.none"));
            return;
        }
        if (exporting.get()) {
            return;
        }
        CreditTable table = chosen.get(0).table();
        int[] tableRows = chosen.stream().filter(r -> r.table() == table)
                .mapToInt(ApplicantRow::row).toArray();
        // a copy of the network: DL4J does not share one between threads, and the what-if
        // keeps using the study's own on the FX thread
        Study detached = Rescoring.withScorecard(current, current.scorecard(),
                current.network().clone());
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws IOException {
                PredictionExport.write(detached, table, tableRows, file);
                return null;
            }
        };
        exporting.set(true);
        exportMessage.set(I18n.Message.of("applicants.export.running", tableRows.length));
        task.setOnSucceeded(e -> {
            exportMessage.set(I18n.Message.of("applicants.export.done", tableRows.length,
                    file.getFileName().toString()));
            exporting.set(false);
        });
        task.setOnFailed(e -> {
            Throwable failure = task.getException();
            LOGGER.warn("Could not export predictions to {}", file, failure);
            exportMessage.set(failure == null || failure.getMessage() == null
                    ? I18n.Message.of("applicants.export.failedUnknown",
                            file.getFileName().toString())
                    : I18n.Message.of("applicants.export.failed", file.getFileName().toString(),
                            I18n.sentenceOf(failure)));
            exporting.set(false);
        });
        executor.execute(task);
    }

    /** Whether an export is being written. */
    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting;
    }

    /** The applicants the ID search and the column filter let through, in table order. */
    public List<ApplicantRow> filteredRows() {
        return List.copyOf(filtered);
    }

    public ReadOnlyObjectProperty<Study> studyProperty() {
        return study.getReadOnlyProperty();
    }

    /** What the table shows: none yet, a study's test applicants, or a file scored. */
    public ObjectProperty<I18n.Message> sourceProperty() {
        return source;
    }

    public ObservableList<ApplicantRow> rows() {
        return rows;
    }

    public FilteredList<ApplicantRow> filtered() {
        return filtered;
    }

    /** Part of the ID to look for, ignoring case; empty for every applicant. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** The conditions on the table's columns, and the draft of the next. */
    public ApplicantFilter filter() {
        return filter;
    }

    public ObjectProperty<ApplicantRow> selectedProperty() {
        return selected;
    }

    public ObservableList<FeatureValue> features() {
        return features;
    }

    public ObservableList<TaskOutcome> outcomes() {
        return outcomes;
    }

    public DoubleProperty scoreProperty() {
        return score;
    }

    public StringProperty gradeProperty() {
        return grade;
    }

    public ObservableList<String> reasons() {
        return reasons;
    }

    /** How long the last what-if took, or why it could not be evaluated. */
    public ObjectProperty<I18n.Message> whatIfMessageProperty() {
        return whatIfMessage;
    }

    public StringProperty baseScoreProperty() {
        return baseScore;
    }

    public StringProperty baseOddsProperty() {
        return baseOdds;
    }

    public StringProperty pointsToDoubleProperty() {
        return pointsToDouble;
    }

    public StringProperty lowestScoreProperty() {
        return lowestScore;
    }

    public StringProperty highestScoreProperty() {
        return highestScore;
    }

    /** Grades and their lowest scores as text, as "A 600, B 580, C". */
    public StringProperty gradesProperty() {
        return grades;
    }

    /** The amount task's name, empty for none. */
    public StringProperty amountTaskProperty() {
        return amountTask;
    }

    public ObservableList<String> amountChoices() {
        return amountChoices;
    }

    /** The outcome of Apply: applied, or not applied with the reason. */
    public ObjectProperty<I18n.Message> scorecardMessageProperty() {
        return scorecardMessage;
    }

    public ObjectProperty<I18n.Message> exportMessageProperty() {
        return exportMessage;
    }
}
