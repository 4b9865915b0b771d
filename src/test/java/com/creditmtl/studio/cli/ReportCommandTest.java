package com.creditmtl.studio.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a saved study, with importance from the training file and a drift report. */
class ReportCommandTest {

    private static final Path BUNDLED = Path.of("assets/data/taiwan-credit-mtl.csv");

    @TempDir
    static Path folder;

    private static Path slice;
    private static Path run;
    private static Path drift;

    @BeforeAll
    static void trainAndScore() throws Exception {
        List<String> lines = Files.readAllLines(BUNDLED, UTF_8).subList(0, 1_501);
        slice = folder.resolve("slice.csv");
        Files.write(slice, lines, UTF_8);
        run = folder.resolve("run");
        String[] trained = cli("train", "--data", slice.toString(), "--out", run.toString(),
                "--epochs", "2", "--hidden", "8", "--quiet");
        assertEquals("0", trained[0], trained[2]);

        Path fresh = folder.resolve("fresh.csv");
        StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, 301)) {
            csv.append(line).append('\n');
        }
        Files.writeString(fresh, csv, UTF_8);
        drift = folder.resolve("fresh-scored-drift.json");
        String[] scored = cli("score", "--study", run.resolve("study.cmtl").toString(),
                "--data", fresh.toString(), "--out", folder.resolve("fresh-scored.csv")
                        .toString());
        assertEquals("0", scored[0], scored[2]);
    }

    private static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void reportOfASavedStudyShowsItsMetricsImportanceAndDrift() throws Exception {
        Path html = folder.resolve("report.html");

        String[] result = cli("report", "--study", run.resolve("study.cmtl").toString(),
                "--out", html.toString(), "--data", slice.toString(), "--drift",
                drift.toString());

        assertEquals("0", result[0], result[2]);
        String text = Files.readString(html, UTF_8);
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        double auc = metrics.get("tasks").get("default_probability").get("auc").asDouble();
        assertTrue(text.contains(String.format(Locale.ROOT, "%.4f", auc)), "AUC " + auc);
        assertTrue(text.contains("<h2>Global importance</h2>"));
        assertTrue(text.contains("<h2>Drift of the scored applicants</h2>"));
        JsonNode first = new ObjectMapper().readTree(drift.toFile()).get("features").get(0);
        assertTrue(text.contains("<td>" + first.get("feature").asText() + "</td><td>"
                + String.format(Locale.ROOT, "%.4f", first.get("psi").asDouble())), text);
    }

    @Test
    void anotherFileThanTheTrainingFileIsRefusedForImportance() throws Exception {
        Path other = folder.resolve("other.csv");
        List<String> lines = Files.readAllLines(slice, UTF_8);
        Files.write(other, lines.subList(0, lines.size() - 1), UTF_8);
        Path html = folder.resolve("refused.html");

        String[] result = cli("report", "--study", run.resolve("study.cmtl").toString(),
                "--out", html.toString(), "--data", other.toString());

        assertEquals("2", result[0]);
        assertTrue(result[2].contains("is not the file the study was trained on (slice.csv, "
                + "1,500 rows)"), result[2]);
        assertFalse(Files.exists(html));
    }

    @Test
    void existingReportIsKeptUnlessOverwriteIsGiven() throws Exception {
        Path html = folder.resolve("kept.html");
        Files.writeString(html, "earlier", UTF_8);

        String[] refused = cli("report", "--study", run.resolve("study.cmtl").toString(),
                "--out", html.toString());
        String[] replaced = cli("report", "--study", run.resolve("study.cmtl").toString(),
                "--out", html.toString(), "--overwrite");

        assertEquals("2", refused[0]);
        assertTrue(refused[2].contains("exists already"), refused[2]);
        assertEquals("0", replaced[0], replaced[2]);
        assertTrue(Files.readString(html, UTF_8).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void driftOfAnotherStudyIsRefused() throws Exception {
        Path other = folder.resolve("other-run");
        String[] trained = cli("train", "--data", slice.toString(), "--out", other.toString(),
                "--epochs", "1", "--hidden", "8", "--seed", "3", "--quiet");
        assertEquals("0", trained[0], trained[2]);

        String[] result = cli("report", "--study", other.resolve("study.cmtl").toString(),
                "--out", folder.resolve("other.html").toString(), "--drift", drift.toString());

        assertEquals("2", result[0]);
        assertTrue(result[2].contains("was not written by scoring with study.cmtl"), result[2]);
    }

    @Test
    void textThatIsNotADriftReportIsRefusedWithItsName() throws Exception {
        Path bad = folder.resolve("bad-drift.json");
        Files.writeString(bad, "{\"features\": 3}", UTF_8);

        String[] result = cli("report", "--study", run.resolve("study.cmtl").toString(),
                "--out", folder.resolve("x.html").toString(), "--drift", bad.toString());

        assertEquals("2", result[0]);
        assertTrue(result[2].contains("bad-drift.json is not a drift report written by score"),
                result[2]);
    }
}
