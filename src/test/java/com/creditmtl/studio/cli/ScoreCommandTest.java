package com.creditmtl.studio.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.study.StudyArchive;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains briefly on the first 3,000 rows of the bundled Taiwan table, then scores the test
 * applicants again from a file without the task columns.
 */
class ScoreCommandTest {

    private static final Path BUNDLED = Path.of("assets/data/taiwan-credit-mtl.csv");
    private static final int TASK_COLUMNS = 3;

    @TempDir
    static Path folder;

    private static Path run;
    private static Path study;
    private static Path testApplicants;
    private static List<String> header;
    private static Map<String, String[]> trainPredictions;

    @BeforeAll
    static void trainOnce() throws Exception {
        List<String> lines = Files.readAllLines(BUNDLED, UTF_8).subList(0, 3_001);
        Path slice = folder.resolve("taiwan-slice.csv");
        Files.write(slice, lines, UTF_8);
        run = folder.resolve("run");
        String[] result = cli("train", "--data", slice.toString(), "--out", run.toString(),
                "--epochs", "2", "--hidden", "16", "--quiet");
        assertEquals("0", result[0], result[2]);
        assertTrue(result[1].contains("study.cmtl"), result[1]);
        study = run.resolve("study.cmtl");

        List<String> predictions = Files.readAllLines(run.resolve("predictions.csv"), UTF_8);
        header = Arrays.asList(predictions.get(0).split(","));
        trainPredictions = new HashMap<>();
        for (String line : predictions.subList(1, predictions.size())) {
            String[] cells = line.split(",", -1);
            trainPredictions.put(cells[0], cells);
        }
        List<String> unlabelled = new ArrayList<>();
        unlabelled.add(withoutTasks(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            if (trainPredictions.containsKey(line.substring(0, line.indexOf(',')))) {
                unlabelled.add(withoutTasks(line));
            }
        }
        testApplicants = folder.resolve("test-applicants.csv");
        Files.write(testApplicants, unlabelled, UTF_8);
    }

    private static String withoutTasks(String line) {
        String[] cells = line.split(",", -1);
        return String.join(",", Arrays.copyOf(cells, cells.length - TASK_COLUMNS));
    }

    private static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void valuesOutsideTheTrainingRangeAndRepeatedIdsAreWarnedOf() throws Exception {
        List<String> lines = Files.readAllLines(testApplicants, UTF_8).subList(0, 31);
        List<String> names = Arrays.asList(lines.get(0).split(","));
        int age = names.indexOf("AGE");
        List<String> edited = new ArrayList<>(lines);
        String[] fifth = edited.get(5).split(",", -1);
        fifth[age] = "-40";
        edited.set(5, String.join(",", fifth));
        // the second applicant's row once more, under the same ID
        edited.add(edited.get(2));
        Path file = folder.resolve("odd-applicants.csv");
        Files.write(file, edited, UTF_8);
        Path out = folder.resolve("odd-scored.csv");

        String[] result = cli("score", "--study", study.toString(), "--data", file.toString(),
                "--out", out.toString());

        assertEquals("0", result[0], result[2]);
        // the training part's ages, kept in the study; the slice holds ages 21 to 75
        PopulationStability.Reference ages = StudyArchive.open(study).driftReference().stream()
                .filter(reference -> reference.feature().equals("AGE")).findFirst()
                .orElseThrow();
        assertTrue(ages.low() >= 21 && ages.low() < 25 && ages.high() > 65
                && ages.high() <= 75, ages.low() + " to " + ages.high());
        assertTrue(result[1].contains("warning: AGE: 1 of 31 applicants lies outside the "
                + "training range " + (long) ages.low() + " to " + (long) ages.high()
                + " (first: applicant " + fifth[0] + ", -40); the model extrapolates there"),
                result[1]);
        String repeated = edited.get(2).substring(0, edited.get(2).indexOf(','));
        assertTrue(result[1].contains("warning: 1 applicant ID appears more than once (first: "
                + repeated + ", 2 times)"), result[1]);
        // warned of, and still every row scored
        assertEquals(32, Files.readAllLines(out, UTF_8).size());
    }

    @Test
    void aMissingTokenOfTheNewFileCanBeNamedForScoring() throws Exception {
        List<String> lines = Files.readAllLines(testApplicants, UTF_8).subList(0, 21);
        int limit = Arrays.asList(lines.get(0).split(",")).indexOf("LIMIT_BAL");
        List<String> edited = new ArrayList<>(lines);
        for (int row : new int[] {4, 9}) {
            String[] cells = edited.get(row).split(",", -1);
            cells[limit] = "n/k";
            edited.set(row, String.join(",", cells));
        }
        Path file = folder.resolve("unknown-limits.csv");
        Files.write(file, edited, UTF_8);
        Path out = folder.resolve("unknown-limits-scored.csv");

        String[] refused = cli("score", "--study", study.toString(), "--data", file.toString(),
                "--out", out.toString());
        String[] scored = cli("score", "--study", study.toString(), "--data", file.toString(),
                "--out", out.toString(), "--missing", "n/k");

        assertEquals("1", refused[0], refused[1]);
        assertTrue(refused[2].contains("row 4, column LIMIT_BAL: 'n/k'"), refused[2]);
        assertEquals("0", scored[0], scored[2]);
        assertTrue(scored[1].contains("warning: LIMIT_BAL: 2 of 20 applicants have no value, "
                + "against 0.0 % in training (first: applicant "
                + edited.get(4).substring(0, edited.get(4).indexOf(',')) + ")"), scored[1]);
        assertEquals(21, Files.readAllLines(out, UTF_8).size());
    }

    @Test
    void outputThatIsAnInputIsRefusedAndTheStudyKept() throws Exception {
        byte[] before = Files.readAllBytes(study);

        String[] result = cli("score", "--study", study.toString(), "--data",
                testApplicants.toString(), "--out", study.toString(), "--overwrite");

        assertEquals("2", result[0]);
        assertTrue(result[2].contains("is also an input"), result[2]);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(study)));
    }

    @Test
    void emptyCellsAreNamedAndSmallFilesGetANoteOnTheirDrift() throws Exception {
        List<String> lines = Files.readAllLines(testApplicants, UTF_8).subList(0, 41);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int limit = header.indexOf("LIMIT_BAL");
        List<String> edited = new ArrayList<>(lines);
        String[] third = edited.get(3).split(",", -1);
        third[limit] = "";
        edited.set(3, String.join(",", third));
        Path file = folder.resolve("with-empty.csv");
        Files.write(file, edited, UTF_8);

        String[] result = cli("score", "--study", study.toString(), "--data", file.toString(),
                "--out", folder.resolve("with-empty-scored.csv").toString());

        assertEquals("0", result[0], result[2]);
        assertTrue(result[1].contains("warning: LIMIT_BAL: 1 of 40 applicants have no value, "
                + "against 0.0 % in training (first: applicant " + third[0] + ")"), result[1]);
        assertTrue(result[1].contains("note: 40 applicants are too few for a reliable "
                + "population stability index"), result[1]);
    }

    @Test
    void reasonsAreAddedAsSentencesAndTheirTextsCanBeReplaced() throws Exception {
        Path plain = folder.resolve("with-reasons.csv");
        Path texts = folder.resolve("texts.properties");
        StringBuilder sentences = new StringBuilder();
        for (String column : Files.readAllLines(testApplicants, UTF_8).get(0).split(",")) {
            sentences.append(column).append("=Because of {feature}\n");
        }
        Files.writeString(texts, sentences, UTF_8);
        Path custom = folder.resolve("with-texts.csv");

        String[] first = cli("score", "--study", study.toString(), "--data",
                testApplicants.toString(), "--out", plain.toString(), "--reasons");
        String[] second = cli("score", "--study", study.toString(), "--data",
                testApplicants.toString(), "--out", custom.toString(), "--reason-texts",
                texts.toString());

        assertEquals("0", first[0], first[2]);
        assertEquals("0", second[0], second[2]);
        List<String> header = Arrays.asList(Files.readAllLines(plain, UTF_8).get(0).split(","));
        assertEquals(List.of("reason_1", "reason_2", "reason_3", "reason_4"),
                header.subList(header.size() - 4, header.size()));
        org.apache.commons.csv.CSVParser parsed = org.apache.commons.csv.CSVFormat.DEFAULT
                .builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(custom, UTF_8));
        int withReason = 0;
        for (org.apache.commons.csv.CSVRecord record : parsed) {
            String reason = record.get("reason_1");
            if (!reason.isEmpty()) {
                withReason++;
                assertTrue(reason.startsWith("Because of "), reason);
            }
        }
        parsed.close();
        assertTrue(withReason > 100, withReason + " applicants with a first reason");
        assertTrue(Files.readString(plain, UTF_8).contains("raises the default risk"));
    }

    private static List<String[]> rows(Path csv) throws Exception {
        return Files.readAllLines(csv, UTF_8).stream().skip(1)
                .map(line -> line.split(",", -1)).toList();
    }

    @Test
    void scoringTheTestApplicantsReproducesThePredictionsOfTrain() throws Exception {
        Path scored = folder.resolve("test-scored.csv");

        String[] result = cli("score", "--study", study.toString(), "--data",
                testApplicants.toString(), "--out", scored.toString());

        assertEquals("0", result[0], result[2]);
        List<String> scoredHeader = Arrays.asList(Files.readAllLines(scored, UTF_8).get(0)
                .split(","));
        assertEquals(List.of("ID", "default_probability_predicted", "overdue_days_predicted",
                "overdue_amount_predicted", "score", "grade", "expected_loss"), scoredHeader);
        List<String[]> rows = rows(scored);
        assertEquals(trainPredictions.size(), rows.size());
        for (String[] row : rows) {
            String[] trained = trainPredictions.get(row[0]);
            for (String column : List.of("default_probability_predicted",
                    "overdue_days_predicted", "overdue_amount_predicted", "score",
                    "expected_loss")) {
                double want = Double.parseDouble(trained[header.indexOf(column)]);
                double got = Double.parseDouble(row[scoredHeader.indexOf(column)]);
                assertEquals(want, got, 1e-6, "applicant " + row[0] + ", " + column);
            }
            assertEquals(trained[header.indexOf("grade")], row[scoredHeader.indexOf("grade")]);
        }
    }

    @Test
    void expectedLossIsProbabilityTimesPredictedAmount() throws Exception {
        List<String> predictionsHeader = header;
        for (String[] row : trainPredictions.values()) {
            double p = Double.parseDouble(row[predictionsHeader.indexOf(
                    "default_probability_predicted")]);
            double amount = Double.parseDouble(row[predictionsHeader.indexOf(
                    "overdue_amount_predicted")]);
            double loss = Double.parseDouble(row[predictionsHeader.indexOf("expected_loss")]);
            // both factors are rounded in the file: 6 and 2 decimals
            assertEquals(p * amount, loss, 0.005 + amount * 5e-7 + p * 0.005 + 1e-9);
        }
    }

    @Test
    void oneApplicantAloneScoresAsInTheLargeFile() throws Exception {
        List<String> lines = Files.readAllLines(testApplicants, UTF_8);
        Path single = folder.resolve("single.csv");
        Files.write(single, List.of(lines.get(0), lines.get(17)), UTF_8);
        Path scoredAll = folder.resolve("all-scored.csv");
        Path scoredOne = folder.resolve("one-scored.csv");

        assertEquals("0", cli("score", "--study", study.toString(), "--data",
                testApplicants.toString(), "--out", scoredAll.toString())[0]);
        String[] result = cli("score", "--study", study.toString(), "--data", single.toString(),
                "--out", scoredOne.toString());

        assertEquals("0", result[0], result[2]);
        List<String> one = Files.readAllLines(scoredOne, UTF_8);
        assertEquals(2, one.size());
        assertEquals(Files.readAllLines(scoredAll, UTF_8).get(17), one.get(1));
    }

    @Test
    void driftReportIsWrittenBesideTheScoresAndSummarised() throws Exception {
        Path scored = folder.resolve("drift-scored.csv");

        String[] result = cli("score", "--study", study.toString(), "--data",
                testApplicants.toString(), "--out", scored.toString());

        assertEquals("0", result[0], result[2]);
        Path drift = folder.resolve("drift-scored-drift.json");
        JsonNode report = new ObjectMapper().readTree(drift.toFile());
        Set<String> features = new java.util.HashSet<>();
        report.path("features").forEach(f -> features.add(f.path("feature").asText()));
        assertTrue(features.containsAll(List.of("LIMIT_BAL", "AGE", "PAY_2")), features.toString());
        assertFalse(features.contains("default_probability"));
        for (JsonNode feature : report.path("features")) {
            // the test part is a random fifth of the same rows: nothing should have moved much
            assertTrue(feature.path("psi").asDouble() < 0.1, feature.toString());
            assertEquals("stable", feature.path("status").asText());
        }
        assertTrue(result[1].contains("Drift against the training part: "), result[1]);
    }

    @Test
    void shiftedFeatureIsReportedToActOn() throws Exception {
        List<String> lines = Files.readAllLines(testApplicants, UTF_8);
        int limit = Arrays.asList(lines.get(0).split(",")).indexOf("LIMIT_BAL");
        List<String> shifted = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            cells[limit] = Long.toString(Long.parseLong(cells[limit]) * 10);
            shifted.add(String.join(",", cells));
        }
        Path data = folder.resolve("shifted.csv");
        Files.write(data, shifted, UTF_8);
        Path drift = folder.resolve("shifted-report.json");

        String[] result = cli("score", "--study", study.toString(), "--data", data.toString(),
                "--out", folder.resolve("shifted-scored.csv").toString(), "--drift",
                drift.toString());

        assertEquals("0", result[0], result[2]);
        JsonNode first = new ObjectMapper().readTree(drift.toFile()).path("features").get(0);
        assertEquals("LIMIT_BAL", first.path("feature").asText());
        assertEquals("act", first.path("status").asText());
        assertTrue(result[1].contains("LIMIT_BAL PSI"), result[1]);
    }

    @Test
    void missingFeatureColumnIsAnErrorNamingFileAndColumn() throws Exception {
        List<String> lines = Files.readAllLines(testApplicants, UTF_8);
        List<String> withoutAge = lines.stream().map(line -> {
            List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            cells.remove(5);
            return String.join(",", cells);
        }).collect(Collectors.toList());
        Path data = folder.resolve("no-age.csv");
        Files.write(data, withoutAge, UTF_8);
        Path out = folder.resolve("no-age-scored.csv");

        String[] result = cli("score", "--study", study.toString(), "--data", data.toString(),
                "--out", out.toString());

        assertEquals("1", result[0]);
        assertTrue(result[2].contains("no-age.csv: no column AGE"), result[2]);
        assertFalse(Files.exists(out));
    }

    @Test
    void textInANumericFeatureNamesRowAndColumn() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(testApplicants, UTF_8)
                .subList(0, 6));
        lines.set(4, lines.get(4).replaceFirst(",(\\d+),", ",lots,"));
        Path data = folder.resolve("text.csv");
        Files.write(data, lines, UTF_8);

        String[] result = cli("score", "--study", study.toString(), "--data", data.toString(),
                "--out", folder.resolve("text-scored.csv").toString());

        assertEquals("1", result[0]);
        assertTrue(result[2].contains("text.csv") && result[2].contains("LIMIT_BAL")
                && result[2].contains("row"), result[2]);
    }

    @Test
    void rowOfTheWrongLengthIsAnErrorNotASkippedApplicant() throws Exception {
        // one short row in 200: few enough for training to skip it with a warning
        List<String> lines = new ArrayList<>(Files.readAllLines(testApplicants, UTF_8)
                .subList(0, 201));
        lines.set(3, lines.get(3).substring(0, lines.get(3).lastIndexOf(',')));
        Path data = folder.resolve("short.csv");
        Files.write(data, lines, UTF_8);
        Path out = folder.resolve("short-scored.csv");

        String[] result = cli("score", "--study", study.toString(), "--data", data.toString(),
                "--out", out.toString());

        assertEquals("1", result[0]);
        assertTrue(result[2].contains("short.csv: row 3: ") && result[2].contains("PAY_AMT6")
                && result[2].contains("nothing was written"), result[2]);
        assertFalse(Files.exists(out));
    }

    @Test
    void extraColumnsAreIgnoredAndIdsMadeSafe() throws Exception {
        List<String> lines = Files.readAllLines(testApplicants, UTF_8).subList(0, 3);
        List<String> extra = List.of(lines.get(0) + ",comment", "=1+1" + lines.get(1)
                .substring(lines.get(1).indexOf(',')) + ",hello", lines.get(2) + ",");
        Path data = folder.resolve("extra.csv");
        Files.write(data, extra, UTF_8);
        Path out = folder.resolve("extra-scored.csv");

        String[] result = cli("score", "--study", study.toString(), "--data", data.toString(),
                "--out", out.toString());

        assertEquals("0", result[0], result[2]);
        List<String[]> rows = rows(out);
        assertEquals(2, rows.size());
        assertEquals("'=1+1", rows.get(0)[0]);
    }

    @Test
    void existingOutputNeedsOverwrite() throws Exception {
        Path out = folder.resolve("exists.csv");
        Files.writeString(out, "earlier\n", UTF_8);

        String[] refused = cli("score", "--study", study.toString(), "--data",
                testApplicants.toString(), "--out", out.toString());
        assertEquals("2", refused[0]);
        assertTrue(refused[2].contains("exists already") && refused[2].contains("--overwrite"),
                refused[2]);
        assertEquals("earlier\n", Files.readString(out, UTF_8));

        String[] replaced = cli("score", "--study", study.toString(), "--data",
                testApplicants.toString(), "--out", out.toString(), "--overwrite");
        assertEquals("0", replaced[0], replaced[2]);
        assertTrue(Files.readString(out, UTF_8).startsWith("ID,"));
    }

    @Test
    void damagedStudyIsAnErrorNamingIt() throws Exception {
        Path damaged = folder.resolve("damaged.cmtl");
        byte[] bytes = Files.readAllBytes(study);
        Files.write(damaged, Arrays.copyOf(bytes, bytes.length - 100));

        String[] result = cli("score", "--study", damaged.toString(), "--data",
                testApplicants.toString(), "--out", folder.resolve("damaged.csv").toString());

        assertEquals("1", result[0]);
        assertTrue(result[2].startsWith("error: " + damaged), result[2]);
    }

    @Test
    void binaryAmountTaskIsRefusedBeforeTraining() {
        String[] result = cli("train", "--data", BUNDLED.toString(), "--out",
                folder.resolve("binary-amount").toString(), "--amount-task",
                "default_probability");

        assertEquals("2", result[0]);
        assertTrue(result[2].contains("--amount-task: the amount task default_probability is "
                + "binary"), result[2]);
        assertFalse(Files.exists(folder.resolve("binary-amount")));
    }

    @Test
    void withoutAmountTaskNeitherFileHasExpectedLoss() throws Exception {
        Path slice = folder.resolve("small.csv");
        Files.write(slice, Files.readAllLines(BUNDLED, UTF_8).subList(0, 801), UTF_8);
        Path out = folder.resolve("no-amount");
        String[] trained = cli("train", "--data", slice.toString(), "--out", out.toString(),
                "--epochs", "1", "--hidden", "4", "--quiet", "--amount-task", "none");
        assertEquals("0", trained[0], trained[2]);
        Path scored = folder.resolve("no-amount-scored.csv");

        String[] result = cli("score", "--study", out.resolve("study.cmtl").toString(),
                "--data", testApplicants.toString(), "--out", scored.toString());

        assertEquals("0", result[0], result[2]);
        assertFalse(Files.readAllLines(out.resolve("predictions.csv"), UTF_8).get(0)
                .contains("expected_loss"));
        assertEquals("ID,default_probability_predicted,overdue_days_predicted,"
                + "overdue_amount_predicted,score,grade", Files.readAllLines(scored, UTF_8)
                .get(0));
    }

    @Test
    void trainRefusesToReplaceAStudyWithoutOverwrite() {
        String[] result = cli("train", "--data", BUNDLED.toString(), "--out", run.toString(),
                "--epochs", "1", "--quiet");

        assertEquals("2", result[0]);
        assertTrue(result[2].contains("already holds"), result[2]);
    }
}
