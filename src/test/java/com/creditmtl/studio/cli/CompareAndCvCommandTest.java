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
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** compare, cv and train's new metrics on a small file with a binary and a regression task. */
class CompareAndCvCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    private static Path data;

    @BeforeAll
    static void writeData() throws Exception {
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("income,debt,bad,days\n");
        for (int r = 0; r < 400; r++) {
            double income = random.nextGaussian();
            double debt = random.nextGaussian();
            boolean bad = debt - income + random.nextGaussian() > 0.8;
            double days = Math.max(0, 10 * debt + 5 * random.nextGaussian());
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%d,%s%n", income, debt,
                    bad ? 1 : 0, r % 10 == 0 ? "" : String.format(Locale.ROOT, "%.1f", days)));
        }
        data = folder.resolve("loans.csv");
        Files.writeString(data, csv, UTF_8);
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private static String[] withData(String command, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(command, "--data",
                data.toString(), "--task", "bad:binary", "--task", "days:regression",
                "--epochs", "3", "--batch", "64", "--out", out.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void compareWritesThreeModelsPerTaskWithIntervals() throws Exception {
        Path out = folder.resolve("compare");

        String[] result = withData("compare", out);

        assertEquals("0", result[0], result[2]);
        JsonNode comparison = JSON.readTree(out.resolve("comparison.json").toFile());
        JsonNode tasks = comparison.get("tasks");
        for (String task : List.of("bad", "days")) {
            JsonNode models = tasks.get(task).get("models");
            for (String model : List.of("multi-task", "single-task", "linear")) {
                assertTrue(models.has(model), task + " " + model);
            }
            JsonNode difference = tasks.get(task).get("differences")
                    .get("multi_task_minus_single_task");
            double low = difference.get("ci_95").get(0).asDouble();
            double high = difference.get("ci_95").get(1).asDouble();
            assertTrue(low <= difference.get("value").asDouble() + 1e-9
                    && difference.get("value").asDouble() <= high + 1e-9, difference.toString());
        }
        assertTrue(tasks.get("bad").get("models").get("linear").has("auc"));
        assertTrue(tasks.get("days").get("models").get("linear").has("mae"));
        // a tenth of the days are masked and left out of that task's figures
        int testRows = comparison.get("rows").get("test").asInt();
        int dayRows = tasks.get("days").get("models").get("multi-task").get("rows").asInt();
        assertTrue(dayRows < testRows && dayRows > 0.8 * testRows, dayRows + " of " + testRows);
        assertTrue(result[1].contains("multi - single"), result[1]);
        assertFalse(comparison.has("note"), comparison.toString());
    }

    @Test
    void compareWithOneTaskSaysOnlyTheLinearModelIsADistinctBaseline() throws Exception {
        Path out = folder.resolve("compare-one");

        String[] result = run("compare", "--data", data.toString(), "--task", "bad:binary",
                "--epochs", "3", "--batch", "64", "--out", out.toString());

        assertEquals("0", result[0], result[2]);
        JsonNode comparison = JSON.readTree(out.resolve("comparison.json").toFile());
        String note = "With one task the multi-task and single-task networks are the same "
                + "model, so only the comparison with the linear model is meaningful.";
        assertEquals(note, comparison.get("note").asText());
        JsonNode bad = comparison.get("tasks").get("bad");
        assertEquals(Set.of("multi-task", "linear"), fieldNames(bad.get("models")));
        assertEquals(Set.of("multi_task_minus_linear"), fieldNames(bad.get("differences")));
        double linear = bad.get("models").get("multi-task").get("auc").asDouble()
                - bad.get("models").get("linear").get("auc").asDouble();
        assertEquals(linear, bad.get("differences").get("multi_task_minus_linear").get("value")
                .asDouble(), 1e-12);
        assertTrue(result[1].contains("note: " + note), result[1]);
        // the note alone speaks of the single-task network: no column, verdict or training
        assertFalse(result[1].replace(note, "").contains("single"), result[1]);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void cvWritesMeanAndSdPerTaskAndMetric() throws Exception {
        Path out = folder.resolve("cv");

        String[] result = withData("cv", out, "--folds", "3");

        assertEquals("0", result[0], result[2]);
        JsonNode cv = JSON.readTree(out.resolve("cv.json").toFile());
        assertEquals(3, cv.get("folds").asInt());
        JsonNode auc = cv.get("tasks").get("bad").get("metrics").get("auc");
        assertEquals(3, auc.get("folds").size());
        double mean = (auc.get("folds").get(0).asDouble() + auc.get("folds").get(1).asDouble()
                + auc.get("folds").get(2).asDouble()) / 3;
        assertEquals(mean, auc.get("mean").asDouble(), 1e-12);
        assertTrue(auc.get("sd").asDouble() >= 0);
        JsonNode days = cv.get("tasks").get("days").get("metrics");
        for (String metric : List.of("mae", "rmse", "r2")) {
            assertTrue(days.has(metric), metric);
        }
    }

    @Test
    void cvRefusesMoreFoldsThanLeaveTenOfEachClassPerFold() throws Exception {
        int positives = 0;
        int negatives = 0;
        for (String line : Files.readAllLines(data, UTF_8).subList(1, 401)) {
            if (line.split(",")[2].equals("1")) {
                positives++;
            } else {
                negatives++;
            }
        }
        int allowed = Math.min(positives, negatives) / 10;
        assertTrue(allowed >= 2 && allowed < 20, positives + " positives");
        Path out = folder.resolve("cv-too-many");

        String[] result = withData("cv", out, "--folds", Integer.toString(allowed + 1));

        assertEquals("2", result[0]);
        assertEquals(String.format(Locale.ROOT, "error: --folds %d is too many for loans.csv: "
                + "the binary task bad has %d positives and %d negatives, and every test fold "
                + "needs at least 10 of each; so at most %d folds", allowed + 1, positives,
                negatives, allowed), result[2].lines().findFirst().orElseThrow());
        assertFalse(result[1].contains("fold 1 of"), result[1]);
        assertFalse(Files.exists(out));
    }

    @Test
    void cvRefusesAThousandFoldsAndFewerThanTwo() {
        Path out = folder.resolve("cv-refused");

        String[] thousand = withData("cv", out, "--folds", "1000");
        String[] one = withData("cv", out, "--folds", "1");

        assertEquals("2", thousand[0]);
        assertTrue(thousand[2].startsWith("error: --folds 1000 is too many for loans.csv"),
                thousand[2]);
        assertEquals("2", one[0]);
        assertTrue(one[2].startsWith("error: --folds must be at least 2, not 1"), one[2]);
        assertFalse(Files.exists(out));
    }

    @Test
    void cvWithoutABinaryTaskNeedsTwentyRowsPerFold() {
        Path out = folder.resolve("cv-regression");

        String[] result = run("cv", "--data", data.toString(), "--task", "days:regression",
                "--folds", "21", "--out", out.toString());

        assertEquals("2", result[0]);
        assertTrue(result[2].startsWith("error: --folds 21 is too many for loans.csv: with no "
                + "binary task every test fold needs at least 20 of the 400 rows; so at most "
                + "20 folds"), result[2]);
        assertFalse(Files.exists(out));
    }

    @Test
    void resultThatIsAFolderIsRefusedBeforeComparingOrCrossValidating() throws Exception {
        for (String[] command : List.of(new String[] {"compare", "comparison.json"},
                new String[] {"cv", "cv.json"})) {
            Path out = folder.resolve(command[0] + "-blocked");
            Files.createDirectories(out.resolve(command[1]));

            String[] result = withData(command[0], out, "--overwrite");

            assertEquals("2", result[0], command[0]);
            assertEquals("error: --out " + out + " holds " + command[1] + ", which is a folder; "
                    + "results cannot replace it, so move it away or choose another folder",
                    result[2].lines().findFirst().orElseThrow());
            assertEquals("", result[1]);
        }
    }

    @Test
    void trainWritesTheNewMetricsForTestAndValidation() throws Exception {
        Path out = folder.resolve("train");

        String[] result = withData("train", out, "--quiet", "--cost-ratio", "3");

        assertEquals("0", result[0], result[2]);
        JsonNode bad = JSON.readTree(out.resolve("metrics.json").toFile()).get("tasks")
                .get("bad");
        for (String key : List.of("auc", "ks", "gini", "brier", "log_loss", "pr_auc",
                "auc_95", "calibration", "confusion")) {
            assertTrue(bad.has(key), key);
            assertTrue(bad.get("validation").has(key), "validation " + key);
        }
        assertEquals(10, bad.get("calibration").size());
        assertEquals(3.0, bad.get("confusion").get("cost_ratio").asDouble(), 0);
        assertEquals(bad.get("validation").get("confusion").get("cutoff"),
                bad.get("confusion").get("cutoff"));
        JsonNode days = JSON.readTree(out.resolve("metrics.json").toFile()).get("tasks")
                .get("days");
        for (String key : List.of("mae", "rmse", "r2", "mae_95")) {
            assertTrue(days.has(key), key);
        }
    }

    private static final List<String> TRAIN_OPTIONS = List.of("--data", "--spec", "--task",
            "--compute", "--exclude", "--categorical", "--keep", "--id", "--delimiter",
            "--encoding", "--decimal-comma", "--missing", "--sentinel", "--out", "--epochs",
            "--batch", "--rate", "--hidden", "--weights", "--seed", "--quiet");

    private static Set<String> options(String command) {
        return new CommandLine(new Cli()).getSubcommands().get(command).getCommandSpec()
                .optionsMap().keySet();
    }

    @Test
    void trainKeepsEveryOptionItHad() {
        assertTrue(options("train").containsAll(TRAIN_OPTIONS), options("train").toString());
    }

    @Test
    void compareAndCvTakeTrainsOptionsButQuiet() {
        List<String> shared = TRAIN_OPTIONS.stream().filter(o -> !o.equals("--quiet")).toList();

        assertTrue(options("compare").containsAll(shared), options("compare").toString());
        assertTrue(options("cv").containsAll(shared), options("cv").toString());
        assertTrue(options("cv").contains("--folds"));
    }

    @Test
    void oneFoldIsAnArgumentError() {
        Path out = folder.resolve("cv-bad");

        String[] result = withData("cv", out, "--folds", "1");

        assertEquals("2", result[0]);
        assertTrue(result[2].startsWith("error: --folds must be at least 2"), result[2]);
        assertFalse(result[2].contains("Exception"), result[2]);
        assertFalse(Files.exists(out));
    }

    @Test
    void zeroCostRatioIsAnArgumentError() {
        String[] result = withData("compare", folder.resolve("compare-bad"), "--cost-ratio",
                "0");

        assertEquals("2", result[0]);
        assertTrue(result[2].startsWith("error: --cost-ratio"), result[2]);
    }
}
