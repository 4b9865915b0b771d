package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.Sentence;
import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.scoring.Scorecard;
import com.creditmtl.studio.study.BatchScoring;
import com.creditmtl.studio.study.DataFingerprint;
import com.creditmtl.studio.study.SavedStudy;
import com.creditmtl.studio.study.Study;
import com.creditmtl.studio.study.StudyArchive;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the scoring panel of the Applicants tab: which study scores (the one trained in the
 * window or one opened from a study file), saving the trained study, and scoring a file of new
 * applicants in the background with progress and cancel, as the {@code score} command does
 * ({@link BatchScoring}). The scored applicants go to the {@link ApplicantsViewModel}; the drift
 * of each feature against the training part is listed here, largest first.
 *
 * <p>The background work runs on a copy of the network, since DL4J does not share a network
 * between threads and the what-if keeps using the study's own on the FX thread.
 */
public final class ScoringViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(ScoringViewModel.class);

    private final MainViewModel main;
    private final ApplicantsViewModel applicants;
    private final Executor executor;

    private static final I18n.Message NONE = I18n.Message.of("scoring.study.none");
    private static final I18n.Message TRAINED = I18n.Message.of("scoring.study.trained");

    private final ObjectProperty<I18n.Message> studyName = new SimpleObjectProperty<>(NONE);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final ObjectProperty<I18n.Message> status = new SimpleObjectProperty<>();
    private final ObjectProperty<I18n.Message> driftSummary = new SimpleObjectProperty<>();
    private final ObservableList<PopulationStability.Result> drift =
            FXCollections.observableArrayList();
    private final ObservableList<Sentence> checks = FXCollections.observableArrayList();

    /** The study file opened, null while the trained study is in use. */
    private SavedStudy opened;
    private Task<?> task;

    public ScoringViewModel(MainViewModel main, ApplicantsViewModel applicants,
            Executor executor) {
        this.main = main;
        this.applicants = applicants;
        this.executor = executor;
        // a new training makes the trained study the one in use again; a scorecard applied to
        // it (the same network) changes nothing here
        main.studyProperty().addListener((obs, old, study) -> {
            boolean trainedAgain = study != null
                    && (old == null || study.network() != old.network());
            if (trainedAgain) {
                opened = null;
                forgetScoredFile();
                studyName.set(TRAINED);
            } else if (study == null && opened == null) {
                studyName.set(NONE);
            }
        });
        if (main.studyProperty().get() != null) {
            studyName.set(TRAINED);
        }
    }

    /** Opens a study file in the background and scores with it from then on. */
    public void openStudy(Path file) {
        run(I18n.Message.of("scoring.run.opening", file.getFileName().toString()),
                reporter -> StudyArchive.open(file), saved -> {
            opened = saved;
            studyName.set(I18n.Message.of("scoring.study.file", file.getFileName().toString(),
                    saved.data().fileName()));
            forgetScoredFile();
            applicants.useStudy(saved.toStudy(), file.getFileName().toString());
        });
    }

    /** Forgets the last scored file's drift, summary and warnings. */
    private void forgetScoredFile() {
        drift.clear();
        checks.clear();
        driftSummary.set(null);
    }

    /** Scores with the study trained in the window again, its test applicants shown. */
    public void useTrainedStudy() {
        opened = null;
        forgetScoredFile();
        Study trained = main.studyProperty().get();
        studyName.set(trained == null ? NONE : TRAINED);
        applicants.showTrained(trained);
    }

    /** Saves the study trained in the window, with the scorecard in use, to a study file. */
    public void saveStudy(Path file) {
        Study trained = main.studyProperty().get();
        if (trained == null) {
            main.errorProperty().set(main.i18n().get("scoring.error.noTrainedStudy"));
            return;
        }
        SavedStudy saved = savedOfTrained(trained);
        run(I18n.Message.of("scoring.run.saving", file.getFileName().toString()), reporter -> {
            StudyArchive.save(saved, file);
            return file;
        }, written -> LOGGER.debug("Saved the study to {}", written));
    }

    private SavedStudy savedOfTrained(Study trained) {
        CreditTable table = main.tableProperty().get();
        ImportOptions spec = main.importOptionsProperty().get();
        long rows = table == null ? 0 : table.rowCount();
        String name = table == null || table.source() == null ? "table"
                : table.source().getFileName().toString();
        SavedStudy saved = SavedStudy.of(trained, spec == null ? ImportOptions.defaults() : spec,
                new DataFingerprint(name, "", rows));
        return copy(saved, saved.scorecard());
    }

    /**
     * Scores a file of new applicants in the background with the study in use (the scorecard
     * as set in the Applicants tab), shows them and lists the drift of their features.
     */
    public void scoreFile(Path data) {
        Study scoring = applicants.studyProperty().get();
        if (scoring == null) {
            main.errorProperty().set(main.i18n().get("scoring.error.noStudy"));
            return;
        }
        SavedStudy saved = opened != null ? copy(opened, scoring.scorecard())
                : savedOfTrained(scoring);
        String name = data.getFileName().toString();
        run(I18n.Message.of("scoring.run.scoring", name), reporter -> BatchScoring.score(saved,
                data, reporter, reporter::isCancelled), result -> {
                    applicants.showScored(scoring, result.table(), result.results(), name);
                    drift.setAll(result.drift().stream().sorted(Comparator.comparingDouble(
                            PopulationStability.Result::psi).reversed()).toList());
                    driftSummary.set(summary(result));
                    checks.setAll(result.checks());
                    result.warnings().forEach(w -> LOGGER.info("Scoring {}: {}", name, w));
                });
    }

    static I18n.Message summary(BatchScoring.Result result) {
        return I18n.Message.of("scoring.drift.summary", result.results().size(),
                result.seconds(), result.count(PopulationStability.Status.STABLE),
                result.count(PopulationStability.Status.WATCH), PopulationStability.WATCH_FROM,
                PopulationStability.ACT_ABOVE, result.count(PopulationStability.Status.ACT),
                PopulationStability.ACT_ABOVE);
    }

    /** The saved study with a copy of its network and the given scorecard. */
    private static SavedStudy copy(SavedStudy saved, Scorecard card) {
        return new SavedStudy(saved.encoder(), saved.preprocessor(), saved.network().clone(),
                card, saved.importSpec(), saved.driftReference(), saved.settings(),
                saved.metrics(), saved.data(), saved.created(), saved.split(),
                saved.testResults());
    }

    public void cancel() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** A background step: told its progress, it may poll whether it was cancelled. */
    private <T> void run(I18n.Message title, ProgressTask.Job<T> job, Consumer<T> show) {
        if (running.get()) {
            return;
        }
        // the title in the language of the moment; the stages reported are the engine's words
        ProgressTask<T> background = new ProgressTask<>(main.i18n().get(title), job);
        progress.bind(background.progressProperty());
        progressText.bind(background.messageProperty());
        status.set(null);
        running.set(true);
        // the results are shown before the run reads as ended, so that whoever waits for the
        // end sees them
        background.setOnSucceeded(e -> {
            show.accept(background.getValue());
            end(I18n.Message.of("scoring.run.done", title));
        });
        background.setOnCancelled(e -> end(I18n.Message.of("scoring.run.cancelled", title)));
        background.setOnFailed(e -> {
            Throwable failure = background.getException();
            if (failure instanceof CancellationException) {
                end(I18n.Message.of("scoring.run.cancelled", title));
                return;
            }
            // the message may quote a cell of the file, applicant data: shown, not logged
            LOGGER.info("{} failed", title.key());
            end(I18n.Message.of("scoring.run.failed", title));
            main.errorProperty().set(failure == null || failure.getMessage() == null
                    ? main.i18n().get("common.unknownError") : main.i18n().explain(failure));
        });
        task = background;
        executor.execute(background);
    }

    private void end(I18n.Message message) {
        progress.unbind();
        progressText.unbind();
        task = null;
        running.set(false);
        progressText.set("");
        status.set(message);
    }

    /** Which study scores: the one trained in this window, a file's, or none. */
    public ObjectProperty<I18n.Message> studyNameProperty() {
        return studyName;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    /** The running step's title and stage while it runs, empty otherwise. */
    public StringProperty progressTextProperty() {
        return progressText;
    }

    /** How the last step ended: done, cancelled or failed; null while one runs. */
    public ObjectProperty<I18n.Message> statusProperty() {
        return status;
    }

    /** Every feature's drift of the last file scored, largest index first. */
    public ObservableList<PopulationStability.Result> drift() {
        return drift;
    }

    public ObjectProperty<I18n.Message> driftSummaryProperty() {
        return driftSummary;
    }

    /**
     * What the analyst should know of the last file's applicants before reading their scores:
     * empty cells, values outside the training range, repeated IDs; empty when there is nothing.
     */
    public ObservableList<Sentence> checks() {
        return checks;
    }
}
