package com.creditmtl.studio.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.TaskDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    static Path folder;

    private static Path loans;
    private static Path out;
    private static int exitCode;
    private static String console;

    /** 300 loans; "Late" is masked; a semicolon file with decimal commas. */
    @BeforeAll
    static void trainOnce() throws Exception {
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("loan_id;rate;purpose;status\n");
        String[] statuses = {"Paid", "Defaulted", "Late"};
        for (int r = 0; r < 300; r++) {
            String status = statuses[random.nextInt(3)];
            double rate = 5 + random.nextDouble() * 10 + (status.equals("Defaulted") ? 3 : 0);
            csv.append(String.format(Locale.ROOT, "L%d;%s;%s;%s%n", r,
                    String.format(Locale.ROOT, "%.2f", rate).replace('.', ','),
                    r % 3 == 0 ? "car" : "home", status));
        }
        loans = folder.resolve("loans.csv");
        Files.writeString(loans, csv, UTF_8);
        out = folder.resolve("run");
        StringWriter text = new StringWriter();
        exitCode = Cli.run(new String[] {"train", "--data", loans.toString(), "--out",
            out.toString(), "--task", "status:binary:Defaulted:Paid", "--id", "loan_id",
            "--epochs", "2", "--quiet"}, new PrintWriter(text),
            new PrintWriter(new StringWriter()));
        console = text.toString();
    }

    private static String[] fail(String... args) {
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void oneEpochIsCountedInTheSingular() {
        StringWriter text = new StringWriter();
        int code = Cli.run(new String[] {"train", "--data", loans.toString(), "--out",
            folder.resolve("one-epoch").toString(), "--task", "status:binary:Defaulted:Paid",
            "--id", "loan_id", "--epochs", "1", "--quiet"}, new PrintWriter(text),
            new PrintWriter(new StringWriter()));

        assertEquals(0, code, text.toString());
        assertTrue(text.toString().contains("Trained 1 epoch in "), text.toString());
        assertTrue(console.contains("Trained 2 epochs in "), console);
    }

    @Test
    void trainingOnTextTaskSucceeds() {
        assertEquals(0, exitCode, console);
        assertTrue(console.contains("status"), console);
    }

    @Test
    void importSpecRecordsDetectedFormatAndTasks() throws Exception {
        ImportOptions spec = ImportOptions.read(out.resolve("import-spec.json"));

        assertEquals(";", spec.delimiter());
        assertEquals(Boolean.TRUE, spec.decimalComma());
        assertEquals("loan_id", spec.idColumn());
        assertEquals(List.of(TaskDefinition.parse("status:binary:Defaulted:Paid")),
                spec.tasks());
    }

    @Test
    void importReportCountsRowsAndRoles() throws Exception {
        JsonNode report = new ObjectMapper().readTree(out.resolve("import-report.json").toFile());

        assertEquals(300, report.get("rows_read").asInt());
        assertEquals(";", report.get("format").get("delimiter").asText());
        assertEquals("categorical", report.get("columns").get(2).get("role").asText());
        assertTrue(Files.readString(out.resolve("import-report.txt")).contains("purpose"));
    }

    @Test
    void maskedTestRowsHaveAnEmptyActualInPredictions() throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("predictions.csv"));

        assertEquals("ID,status,status_predicted,score,grade", lines.get(0));
        assertTrue(lines.stream().skip(1).anyMatch(l -> l.split(",", -1)[1].isEmpty()));
        assertTrue(lines.stream().skip(1).anyMatch(l -> l.split(",", -1)[1].equals("1")));
    }

    @Test
    void badCellGivesOneLineNamingFileRowAndColumnAndNoOutputFolder() throws Exception {
        Path bad = folder.resolve("bad.csv");
        Files.writeString(bad, "x,default_probability\n1,0\n2,7\n", UTF_8);
        Path target = folder.resolve("never");

        String[] result = fail("train", "--data", bad.toString(), "--out", target.toString());

        assertEquals("1", result[0]);
        assertEquals("error: bad.csv: row 2, column default_probability: a binary task needs 0 "
                + "or 1, found 7; name the values that count as 1 to read other codes\n",
                result[1].replace(System.lineSeparator(), "\n"));
        assertFalse(Files.exists(target));
    }

    @Test
    void malformedTaskIsAnArgumentError() {
        String[] result = fail("train", "--data", loans.toString(), "--out",
                folder.resolve("x").toString(), "--task", "status:ordinal");

        assertEquals("2", result[0]);
        assertTrue(result[1].startsWith("error: task 'status:ordinal': the type must be"),
                result[1]);
    }

    @Test
    void trainingOptionsReachTheRunAndItsMetricsFile() throws Exception {
        Path options = folder.resolve("options");
        StringWriter text = new StringWriter();
        int code = Cli.run(new String[] {"train", "--data", loans.toString(), "--out",
            options.toString(), "--task", "status:binary:Defaulted:Paid", "--id", "loan_id",
            "--epochs", "3", "--quiet", "--hidden", "8,4", "--dropout", "0.1", "--l2", "0.001",
            "--rate-decay", "0.9", "--patience", "2", "--class-weights", "--balancing", "dwa",
            "--no-log-copies"},
                new PrintWriter(text), new PrintWriter(new StringWriter()));

        assertEquals(0, code, text.toString());
        JsonNode metrics = new ObjectMapper().readTree(options.resolve("metrics.json").toFile());
        assertEquals("[8,4]", metrics.get("hidden_layers").toString());
        JsonNode training = metrics.get("training_options");
        assertEquals(0.1, training.get("dropout").asDouble(), 0);
        assertEquals(0.001, training.get("l2").asDouble(), 0);
        assertEquals(0.9, training.get("rate_decay").asDouble(), 0);
        assertEquals(2, training.get("patience").asInt());
        assertTrue(training.get("class_weights").asBoolean());
        assertEquals("dynamic_weight_average", training.get("balancing").asText());
        assertFalse(training.get("log_copies").asBoolean());
        assertEquals("[\"rate\",\"purpose=home\",\"purpose=car\"]",
                metrics.get("features").toString());
        assertTrue(metrics.get("kept_epoch").asInt() >= 1);
    }

    @Test
    void defaultRunUsesAbsoluteErrorEarlyStoppingAndTheAutomaticL2() throws Exception {
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        JsonNode training = metrics.get("training_options");
        int trainRows = metrics.get("rows").get("train").asInt();

        assertEquals("absolute", training.get("regression_loss").asText());
        assertEquals(5, training.get("patience").asInt());
        assertEquals(15.0 / trainRows, training.get("l2").asDouble(), 1e-12);
        // the interest rate has far more than 20 distinct values among the training loans
        assertTrue(training.get("log_copies").asBoolean());
        assertEquals("[\"rate\",\"rate_log\",\"purpose=home\",\"purpose=car\"]",
                metrics.get("features").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.1", "NaN", "much"})
    void l2ThatIsNotANonNegativeNumberOrAutoIsAnArgumentError(String value) {
        String[] result = fail("train", "--data", loans.toString(), "--out",
                folder.resolve("z").toString(), "--task", "status:binary:Defaulted:Paid",
                "--l2", value);

        assertEquals("2", result[0]);
        assertTrue(result[1].startsWith("error: --l2 must be"), result[1]);
    }

    @Test
    void unknownRegressionLossIsAnArgumentError() {
        String[] result = fail("train", "--data", loans.toString(), "--out",
                folder.resolve("z").toString(), "--task", "status:binary:Defaulted:Paid",
                "--regression-loss", "huber");

        assertEquals("2", result[0]);
        assertTrue(result[1].startsWith("error: --regression-loss must be squared or absolute"),
                result[1]);
    }

    @Test
    void unknownBalancingIsAnArgumentError() {
        String[] result = fail("train", "--data", loans.toString(), "--out",
                folder.resolve("z").toString(), "--task", "status:binary:Defaulted:Paid",
                "--balancing", "equal");

        assertEquals("2", result[0]);
        assertTrue(result[1].startsWith("error: --balancing must be none or dwa"), result[1]);
    }

    @Test
    void outFolderHoldingAnEarlierRunIsRefusedUnlessOverwriteIsGiven() throws Exception {
        Path earlier = folder.resolve("earlier");
        Files.createDirectories(earlier);
        Files.writeString(earlier.resolve("metrics.json"), "{\"mine\": true}");

        String[] result = fail("train", "--data", loans.toString(), "--out", earlier.toString(),
                "--task", "status:binary:Defaulted:Paid", "--epochs", "1");

        assertEquals("2", result[0]);
        assertTrue(result[1].startsWith("error: --out " + earlier + " already holds "
                + "metrics.json of an earlier run"), result[1]);
        assertEquals("{\"mine\": true}", Files.readString(earlier.resolve("metrics.json")));
        int code = Cli.run(new String[] {"train", "--data", loans.toString(), "--out",
            earlier.toString(), "--task", "status:binary:Defaulted:Paid", "--epochs", "1",
            "--quiet", "--overwrite"}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        assertTrue(Files.readString(earlier.resolve("metrics.json")).contains("\"rows\""));
    }

    @Test
    void resultThatIsAFolderIsRefusedBeforeTrainingEvenWithOverwrite() throws Exception {
        Path earlier = folder.resolve("blocked");
        Files.createDirectories(earlier.resolve("study.cmtl"));
        Files.writeString(earlier.resolve("metrics.json"), "{\"mine\": true}");
        StringWriter console = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Cli.run(new String[] {"train", "--data", loans.toString(), "--out",
            earlier.toString(), "--task", "status:binary:Defaulted:Paid", "--epochs", "1",
            "--overwrite"}, new PrintWriter(console), new PrintWriter(err));

        assertEquals(2, code);
        assertEquals("error: --out " + earlier + " holds study.cmtl, which is a folder; results "
                + "cannot replace it, so move it away or choose another folder",
                err.toString().lines().findFirst().orElseThrow());
        assertEquals("", console.toString());
        assertEquals("{\"mine\": true}", Files.readString(earlier.resolve("metrics.json")));
        assertFalse(Files.exists(earlier.resolve("predictions.csv")));
    }

    @Test
    void outFolderThatCannotBeWrittenIsRefusedBeforeTraining() {
        String[] result = fail("train", "--data", loans.toString(), "--out", "/proc/results",
                "--task", "status:binary:Defaulted:Paid");

        assertEquals("2", result[0]);
        assertTrue(result[1].startsWith("error: --out /proc/results cannot be written"),
                result[1]);
    }

    @Test
    void computeExpressionThatCannotBeReadNamesTheOptionAndTheExpression() {
        String[] result = fail("train", "--data", loans.toString(), "--out",
                folder.resolve("computed").toString(), "--task", "status:binary:Defaulted:Paid",
                "--compute", "x=duration +");

        assertEquals("2", result[0]);
        assertEquals("error: --compute 'x=duration +': Invalid number of operands available "
                + "for '+' operator", result[1].lines().findFirst().orElseThrow());
        assertFalse(Files.exists(folder.resolve("computed")));
    }

    @Test
    void weightsOfTheWrongCountAreCountedInTheSingularForOne() {
        String[] two = fail("train", "--data", loans.toString(), "--out",
                folder.resolve("w").toString(), "--task", "status:binary:Defaulted:Paid",
                "--weights", "0.5,0.5");
        String[] one = fail("train", "--data", loans.toString(), "--out",
                folder.resolve("w").toString(), "--task", "status:binary:Defaulted:Paid",
                "--task", "rate:regression", "--weights", "1");

        assertEquals("2", two[0]);
        assertEquals("error: --weights has 2 values but loans.csv has 1 task (status)",
                two[1].lines().findFirst().orElseThrow());
        assertEquals("2", one[0]);
        assertEquals("error: --weights has 1 value but loans.csv has 2 tasks (status, rate)",
                one[1].lines().findFirst().orElseThrow());
    }

    @Test
    void countsTakeTheSingularForOneOnly() {
        assertEquals("1 row", TrainCommand.count(1, "row"));
        assertEquals("0 rows", TrainCommand.count(0, "row"));
        assertEquals("1,000 rows", TrainCommand.count(1000, "row"));
    }

    @Test
    void sentinelThatIsNotANumberIsNamed() {
        String[] result = fail("train", "--data", loans.toString(), "--out",
                folder.resolve("s").toString(), "--task", "status:binary:Defaulted:Paid",
                "--sentinel", "rate=abc");

        assertEquals("2", result[0]);
        assertTrue(result[1].startsWith("error: --sentinel 'rate=abc': 'abc' is not a number"),
                result[1]);
    }

    @Test
    void specThatIsNotAnImportSpecSaysWhereInOneLine() throws Exception {
        Path bad = folder.resolve("bad-spec.json");
        Files.writeString(bad, "{\"tasks\": [1, 2]}");

        String[] result = fail("train", "--data", loans.toString(), "--out",
                folder.resolve("t").toString(), "--spec", bad.toString());

        assertEquals("2", result[0]);
        assertTrue(result[1].startsWith("error: --spec " + bad + ": cannot be read as an import "
                + "spec: not the JSON that train writes (line 1, column "), result[1]);
    }

    @Test
    void negativeWeightIsAnArgumentError() {
        String[] result = fail("train", "--data", loans.toString(), "--out",
                folder.resolve("w").toString(), "--task", "status:binary:Defaulted:Paid",
                "--weights", "-1");

        assertEquals("2", result[0]);
        assertTrue(result[1].startsWith("error: --weights: weight of task status must be a "
                + "finite number >= 0, was -1.0"), result[1]);
    }

    @Test
    void unknownDelimiterIsAnArgumentError() {
        String[] result = fail("train", "--data", loans.toString(), "--out",
                folder.resolve("y").toString(), "--delimiter", "#");

        assertEquals("2", result[0]);
    }

    @Test
    void savedSpecReadsTheFileTheSameWayOnALaterRun() throws Exception {
        Path again = folder.resolve("again");
        StringWriter text = new StringWriter();

        int code = Cli.run(new String[] {"train", "--data", loans.toString(), "--out",
            again.toString(), "--spec", out.resolve("import-spec.json").toString(),
            "--epochs", "1", "--quiet"}, new PrintWriter(text),
            new PrintWriter(new StringWriter()));

        assertEquals(0, code, text.toString());
        assertEquals(ImportOptions.read(out.resolve("import-spec.json")),
                ImportOptions.read(again.resolve("import-spec.json")));
    }
}
