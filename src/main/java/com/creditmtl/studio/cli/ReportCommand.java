package com.creditmtl.studio.cli;

import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportException;
import com.creditmtl.studio.data.ImportResult;
import com.creditmtl.studio.eval.PermutationImportance;
import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.study.DataFingerprint;
import com.creditmtl.studio.study.FeatureDrift;
import com.creditmtl.studio.study.FeatureImportance;
import com.creditmtl.studio.study.SavedStudy;
import com.creditmtl.studio.study.Study;
import com.creditmtl.studio.study.StudyArchive;
import com.creditmtl.studio.study.StudyFileException;
import com.creditmtl.studio.study.StudyReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code report}: writes the HTML report of a saved study. With the training file the report
 * gains each feature's permutation importance on the validation part; with a drift report
 * written by {@code score} it gains the drift of the scored applicants.
 *
 * <p>The figures are those saved with the study; only the importance is computed here.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the HTML report of a study: data, settings, loss curves, metrics, "
                + "calibration, scores, leakage findings, and, when asked, importance and drift.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--study", required = true, paramLabel = "FILE",
            description = "The study.cmtl file that train wrote.")
    private Path studyFile;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "HTML file to write.")
    private Path out;

    @Option(names = "--data", paramLabel = "FILE",
            description = "The file the study was trained on, to add each feature's "
                    + "permutation importance on the validation part.")
    private Path data;

    @Option(names = "--drift", paramLabel = "FILE",
            description = "A drift report written by score, to add the drift of those "
                    + "applicants.")
    private Path drift;

    @Option(names = "--overwrite", description = "Replace an existing report.")
    private boolean overwrite;

    @Override
    public Integer call() throws StudyFileException, ImportException, IOException {
        OutputFolder.checkFile(spec, "--out", out, overwrite);
        for (Path input : new Path[] {studyFile, data, drift}) {
            if (input != null && ScoreCommand.same(input, out)) {
                throw new ParameterException(spec.commandLine(), "the output " + input
                        + " is also an input; choose another name for --out");
            }
        }
        for (Path input : new Path[] {data, drift}) {
            if (input != null && !Files.isRegularFile(input)) {
                throw new ParameterException(spec.commandLine(), input + " is not a file");
            }
        }
        SavedStudy saved = StudyArchive.open(studyFile);
        Study study = restore(saved);

        List<PopulationStability.Result> driftResults = List.of();
        String driftNote = null;
        if (drift != null) {
            JsonNode driftJson;
            try {
                driftJson = OutputFolder.JSON.readTree(drift.toFile());
                driftResults = FeatureDrift.fromJson(driftJson);
            } catch (JsonProcessingException e) {
                throw new ParameterException(spec.commandLine(), "--drift " + drift
                        + " is not a drift report written by score: " + e.getOriginalMessage(),
                        e);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--drift " + drift
                        + " is not a drift report written by score: " + e.getMessage(), e);
            }
            String sha = DataFingerprint.of(studyFile, 0).sha256();
            if (!sha.equalsIgnoreCase(driftJson.path("study_sha256").asText(""))) {
                throw new ParameterException(spec.commandLine(), "--drift " + drift
                        + " was not written by scoring with " + studyFile.getFileName()
                        + " (its study_sha256 differs or is missing)");
            }
            driftNote = driftJson.path("data").asText("?") + ", "
                    + TrainCommand.count(driftJson.path("applicants").asInt(), "applicant");
        }
        List<PermutationImportance.Task> importance = List.of();
        if (data != null) {
            importance = importance(saved, study);
        }

        try {
            StudyReport.write(study, saved.data().fileName(), importance, null, driftResults,
                    driftNote, out);
        } catch (IOException e) {
            throw new OutputFolder.OutputException(out, e);
        }
        PrintWriter console = spec.commandLine().getOut();
        console.printf("Wrote %s%n", out);
        console.flush();
        return 0;
    }

    private Study restore(SavedStudy saved) throws StudyFileException {
        try {
            return saved.toStudy();
        } catch (IllegalArgumentException e) {
            throw new StudyFileException(studyFile + ": the saved settings or metrics are "
                    + "incomplete: " + e.getMessage(), e);
        }
    }

    /** Importance on the validation rows, from the very file the study was trained on. */
    private List<PermutationImportance.Task> importance(SavedStudy saved, Study study)
            throws ImportException, IOException {
        DataFingerprint fingerprint = DataFingerprint.of(data, 0);
        if (!fingerprint.sha256().equalsIgnoreCase(saved.data().sha256())) {
            throw new ParameterException(spec.commandLine(), "--data " + data + " is not the "
                    + "file the study was trained on (" + saved.data().fileName() + ", "
                    + TrainCommand.count(saved.data().rows(), "row") + "): its SHA-256 differs");
        }
        ImportResult imported = new CsvImporter().read(data, saved.importSpec());
        return FeatureImportance.onValidation(study, imported.table());
    }
}
