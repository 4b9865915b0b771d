package com.creditmtl.studio.cli;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.scoring.Reason;
import com.creditmtl.studio.scoring.ReasonFinder;
import com.creditmtl.studio.scoring.ReasonTexts;
import com.creditmtl.studio.study.StudyTrainer;
import java.util.ArrayList;
import com.creditmtl.studio.data.ImportException;
import com.creditmtl.studio.data.Sentence;
import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.study.ApplicantResult;
import com.creditmtl.studio.study.BatchScoring;
import com.creditmtl.studio.study.DataFingerprint;
import com.creditmtl.studio.study.FeatureDrift;
import com.creditmtl.studio.study.Progress;
import com.creditmtl.studio.study.SavedStudy;
import com.creditmtl.studio.study.StudyArchive;
import com.creditmtl.studio.study.StudyFileException;
import com.creditmtl.studio.study.StudyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code score}: scores new applicants with a saved study. The file is read with the study's
 * import spec; only the study's feature columns are needed (a missing one is an error naming
 * it), other columns, task columns among them, are ignored; a row of the wrong length, which
 * training would skip, is an error here. Writes per applicant the ID, every
 * task's prediction, score, grade and expected loss, and a drift report (population stability
 * index per feature against the training part). Both files are written whole or not at all,
 * and an existing file is replaced only with {@code --overwrite}.
 *
 * <p>Limits: the whole file is held in memory while it is scored (about 100,000 applicants of
 * twenty features take a few hundred MB); the drift report covers features, not predictions.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score new applicants with a study written by train: predictions, "
                + "score, grade and expected loss per applicant, and a drift report.")
final class ScoreCommand implements Callable<Integer> {

    private static final Logger LOGGER = LoggerFactory.getLogger(ScoreCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--study", required = true, paramLabel = "FILE",
            description = "The study.cmtl file that train wrote.")
    private Path studyFile;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV of new applicants, with the study's feature columns; task "
                    + "columns may be absent.")
    private Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "CSV to write the scored applicants to.")
    private Path out;

    @Option(names = "--drift", paramLabel = "FILE",
            description = "JSON for the drift report (default: the --out name ending in "
                    + "-drift.json).")
    private Path drift;

    @Option(names = "--missing", paramLabel = "TOKEN", split = ",",
            description = "More cell texts read as missing in this file, besides the study's "
                    + "own tokens (for example n/k).")
    private List<String> missing = new ArrayList<>();

    @Option(names = "--overwrite", description = "Replace existing output files.")
    private boolean overwrite;

    @Option(names = "--reasons", description = "Add each applicant's up to four reasons "
            + "(features raising the default risk most against the training medians) as "
            + "reason_1 to reason_4.")
    private boolean reasons;

    @Option(names = "--reason-texts", paramLabel = "FILE",
            description = "A properties file of reason sentences per feature, over the "
                    + "bundled ones (implies --reasons).")
    private Path reasonTexts;

    @Override
    public Integer call() throws StudyFileException, ImportException, IOException {
        Path driftFile = drift != null ? drift : driftFileFor(out);
        checkOutput("--out", out);
        checkOutput(drift != null ? "--drift" : "--out (drift report)", driftFile);
        if (out.toAbsolutePath().normalize().equals(driftFile.toAbsolutePath().normalize())) {
            throw new ParameterException(spec.commandLine(), "--drift must differ from --out");
        }
        if (!Files.isRegularFile(data)) {
            throw new ParameterException(spec.commandLine(), "--data " + data
                    + " is not a file");
        }
        for (Path input : new Path[] {studyFile, data, reasonTexts}) {
            if (input != null && (same(input, out) || same(input, driftFile))) {
                throw new ParameterException(spec.commandLine(), "the output " + input
                        + " is also an input; choose another name for --out or --drift");
            }
        }
        if (reasonTexts != null && !Files.isRegularFile(reasonTexts)) {
            throw new ParameterException(spec.commandLine(), "--reason-texts " + reasonTexts
                    + " is not a file");
        }
        PrintWriter console = spec.commandLine().getOut();

        SavedStudy study = StudyArchive.open(studyFile);
        BatchScoring.Result scored = BatchScoring.score(study, data, missing, Progress.NONE,
                () -> false);
        for (String warning : scored.warnings()) {
            console.println("warning: " + warning);
        }
        CreditTable table = scored.table();
        for (Sentence check : scored.checks()) {
            console.println("warning: " + check.english());
        }
        List<ApplicantResult> results = scored.results();
        long start = System.nanoTime();
        List<List<String>> sentences = reasons || reasonTexts != null
                ? reasons(study, table) : null;
        StudyFiles.writeScored(results, study.tasks(), study.scorecard().amountTask() != null,
                sentences, out);
        double seconds = scored.seconds() + (System.nanoTime() - start) / 1e9;

        List<PopulationStability.Result> psi = scored.drift();
        String driftJson = OutputFolder.JSON.writeValueAsString(FeatureDrift.toJson(psi,
                data.getFileName().toString(), studyFile.getFileName().toString(),
                DataFingerprint.of(studyFile, 0).sha256(), table.rowCount())) + "\n";
        TrainCommand.writeText(driftFile, driftJson);

        console.printf(Locale.ROOT, "Scored %,d applicants of %s in %.1f s (%,.0f rows/s), "
                + "trained on %s%n", results.size(), data.getFileName(), seconds,
                results.size() / Math.max(seconds, 1e-9), study.data().fileName());
        printDrift(console, psi);
        if (table.rowCount() < FeatureDrift.FEW_APPLICANTS) {
            console.printf(Locale.ROOT, "note: %,d applicants are too few for a reliable "
                    + "population stability index (%,d or more are needed); read the drift "
                    + "with care%n", table.rowCount(), FeatureDrift.FEW_APPLICANTS);
        }
        console.printf("Wrote %s and %s%n", out, driftFile);
        console.flush();
        LOGGER.info("Scored {} applicants of {} in {} s", results.size(), data.getFileName(),
                String.format(Locale.ROOT, "%.1f", seconds));
        return 0;
    }

    /** Each applicant's reasons as sentences, explaining the first binary task. */
    private List<List<String>> reasons(SavedStudy study, CreditTable table) throws IOException {
        int task = StudyTrainer.scoringTask(study.tasks());
        if (task < 0) {
            throw new ParameterException(spec.commandLine(), "--reasons needs a binary task, "
                    + "and the study has none");
        }
        ReasonTexts texts = reasonTexts == null ? ReasonTexts.defaults()
                : ReasonTexts.load(reasonTexts);
        ReasonFinder finder = new ReasonFinder(study.encoder(), study.preprocessor(),
                study.network(), task, texts);
        List<List<String>> sentences = new ArrayList<>(table.rowCount());
        for (int row = 0; row < table.rowCount(); row++) {
            sentences.add(finder.explain(study.encoder().applicant(table, row)).reasons()
                    .stream().map(Reason::text).toList());
        }
        return sentences;
    }

    static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** {@code scored.csv} → {@code scored-drift.json}, beside it. */
    static Path driftFileFor(Path out) {
        String name = out.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv")
                ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(stem + "-drift.json");
    }

    private void printDrift(PrintWriter console, List<PopulationStability.Result> psi) {
        long watch = psi.stream().filter(r -> r.status() == PopulationStability.Status.WATCH)
                .count();
        long act = psi.stream().filter(r -> r.status() == PopulationStability.Status.ACT)
                .count();
        console.printf(Locale.ROOT, "Drift against the training part: %d features stable, %d "
                + "to watch (PSI %.2f-%.2f), %d to act on (PSI above %.2f)%n",
                psi.size() - watch - act, watch, PopulationStability.WATCH_FROM,
                PopulationStability.ACT_ABOVE, act, PopulationStability.ACT_ABOVE);
        psi.stream()
                .filter(r -> r.status() != PopulationStability.Status.STABLE)
                .sorted((a, b) -> Double.compare(b.psi(), a.psi()))
                .forEach(r -> console.println("  " + r.describe()));
    }

    /** Refuses, before any work, an output that is a folder, cannot be written or exists. */
    private void checkOutput(String option, Path file) {
        OutputFolder.checkFile(spec, option, file, overwrite);
    }
}
