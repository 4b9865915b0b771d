package com.creditmtl.studio.study;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportException;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.ImportReport;
import com.creditmtl.studio.data.ImportResult;
import com.creditmtl.studio.data.Sentence;
import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.model.MultiTaskPredictor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Scores a file of new applicants with a saved study, as the {@code score} command and the
 * window's Scoring panel do: reads the file with the study's import spec (only its feature
 * columns are needed), refuses a file with rows of the wrong length, since every applicant must
 * be scored, predicts in chunks and compares every feature's distribution with the training
 * part (population stability index), and checks the applicants for empty cells, values
 * outside the training range and repeated IDs.
 *
 * <p>Limits: the whole file is held in memory; the drift covers features, not predictions. The
 * file is read in one step, so progress moves only while scoring.
 */
public final class BatchScoring {

    private BatchScoring() {
    }

    /**
     * A scored file.
     *
     * @param table the new applicants as read
     * @param results one per row of the table, in file order
     * @param drift one per feature of the study, in the order of its drift reference
     * @param warnings the import's warnings, for the analyst
     * @param checks what the analyst should know of the applicants before reading their scores:
     *     empty cells, values outside the training range, repeated IDs
     *     ({@link FeatureDrift#checks})
     * @param seconds the time to read and score, without the drift
     */
    public record Result(CreditTable table, List<ApplicantResult> results,
            List<PopulationStability.Result> drift, List<String> warnings,
            List<Sentence> checks, double seconds) {

        public Result {
            results = List.copyOf(results);
            drift = List.copyOf(drift);
            warnings = List.copyOf(warnings);
            checks = List.copyOf(checks);
        }

        /** How many features have each status: stable, watch, act. */
        public long count(PopulationStability.Status status) {
            return drift.stream().filter(r -> r.status() == status).count();
        }
    }

    /** Without progress or cancel. */
    public static Result score(SavedStudy study, Path data) throws ImportException {
        return score(study, data, Progress.NONE, () -> false);
    }

    /**
     * @param progress told the share done after the file is read and after each chunk
     * @param cancelled polled between chunks
     * @throws ImportException when the file lacks a feature column or has rows of the wrong
     *     length
     * @throws CancellationException when {@code cancelled} turned true
     */
    public static Result score(SavedStudy study, Path data, Progress progress,
            BooleanSupplier cancelled) throws ImportException {
        return score(study, data, List.of(), progress, cancelled);
    }

    /**
     * As {@link #score(SavedStudy, Path, Progress, BooleanSupplier)}, reading these cell texts
     * as missing too, besides the study's own tokens: a file of new applicants may mark a
     * missing value in a way the training file did not.
     */
    public static Result score(SavedStudy study, Path data, List<String> moreMissingTokens,
            Progress progress, BooleanSupplier cancelled) throws ImportException {
        long start = System.nanoTime();
        progress.update("reading " + data.getFileName(), 0);
        ImportOptions spec = study.importSpec();
        if (!moreMissingTokens.isEmpty()) {
            List<String> tokens = new ArrayList<>(spec.missingTokens());
            moreMissingTokens.stream().filter(token -> !tokens.contains(token))
                    .forEach(tokens::add);
            spec = spec.toBuilder().missingTokens(tokens).build();
        }
        ImportResult imported = new CsvImporter().readFeatures(data, spec,
                study.encoder().numericFeatures(), study.encoder().categoricalFeatures());
        ImportReport report = imported.report();
        if (report.rowsSkipped() > 0) {
            ImportReport.SkippedRow first = report.skipped().get(0);
            String name = data.getFileName().toString();
            throw new ImportException(Sentence.of("scoring.skippedRows", String.format(
                    Locale.ROOT, "%s: row %d: %s (%,d %s of the wrong length in all); every "
                    + "applicant must be scored, so nothing was written", name, first.row(),
                    first.reason(), report.rowsSkipped(), report.rowsSkipped() == 1 ? "row"
                    : "rows"), name, first.row(), first.why(),
                    report.rowsSkipped()));
        }
        CreditTable table = imported.table();

        List<ApplicantResult> results = new ArrayList<>(table.rowCount());
        MultiTaskPredictor predictor = study.predictor();
        progress.update("scoring", 0.2);
        for (int from = 0; from < table.rowCount(); from += SavedStudy.CHUNK) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("scoring cancelled");
            }
            int[] rows = new int[Math.min(SavedStudy.CHUNK, table.rowCount() - from)];
            int first = from;
            Arrays.setAll(rows, i -> first + i);
            double[][] predicted = predictor.predict(study.encoder().transform(table, rows));
            List<String> ids = Arrays.stream(rows).mapToObj(table::id).toList();
            results.addAll(ApplicantScoring.results(ids, null, predicted, study.tasks(),
                    study.scorecard()));
            progress.update("scoring", 0.2 + 0.7 * (from + rows.length) / table.rowCount());
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        progress.update("drift", 0.9);
        List<PopulationStability.Result> drift = FeatureDrift.compare(study.driftReference(),
                table);
        List<Sentence> checks = FeatureDrift.checks(study.driftReference(), table);
        progress.update("done", 1);
        return new Result(table, results, drift, report.warnings(), checks, seconds);
    }
}
