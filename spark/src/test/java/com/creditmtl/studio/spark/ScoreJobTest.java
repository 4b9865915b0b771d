package com.creditmtl.studio.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.cli.Cli;
import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.scoring.Reason;
import com.creditmtl.studio.scoring.ReasonFinder;
import com.creditmtl.studio.scoring.ReasonTexts;
import com.creditmtl.studio.study.ApplicantResult;
import com.creditmtl.studio.study.SavedStudy;
import com.creditmtl.studio.study.StudyArchive;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark scoring job against the desktop's {@code score} command on 20,000 generated
 * applicants, in local mode with several partitions.
 */
class ScoreJobTest {

    private static final int ROWS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path studyFile;
    private static Path applicants;
    private static SavedStudy study;
    private static Map<String, ApplicantResult> expected;
    private static CreditTable table;

    @BeforeAll
    static void trainAndScoreOnDesktop() throws Exception {
        Path trained = dir.resolve("trained");
        run("train", "--data", LocalSpark.bundledTable().toString(), "--epochs", "3",
                "--batch", "128", "--quiet", "--out", trained.toString());
        studyFile = trained.resolve(StudyArchive.FILE_NAME);
        applicants = dir.resolve("applicants.csv");
        ApplicantGenerator.write(LocalSpark.bundledTable(), ROWS, 7, applicants);
        run("score", "--study", studyFile.toString(), "--data", applicants.toString(),
                "--out", dir.resolve("desktop.csv").toString());

        study = StudyArchive.open(studyFile);
        table = new CsvImporter().readFeatures(applicants, study.importSpec(),
                study.encoder().numericFeatures(), study.encoder().categoricalFeatures()).table();
        expected = new HashMap<>();
        for (ApplicantResult result : study.score(table)) {
            expected.put(result.id(), result);
        }
    }

    private static void run(String... args) {
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
    }

    @Test
    void scoreJobCsvMatchesTheDesktopScoreCommand() throws Exception {
        Path out = dir.resolve("spark-csv");
        ScoreJob.Summary summary = job(applicants, out, null).run(LocalSpark.session());

        assertEquals(ROWS, summary.rows());
        assertTrue(summary.partitions() >= 2, "partitions: " + summary.partitions());
        Dataset<Row> scores = LocalSpark.session().read().parquet(out.resolve("scores")
                .toString());
        assertEquals(ROWS, scores.count());
        List<Row> rows = scores.collectAsList();
        // float32 products over other batches of rows differ in the last bits: compared as
        // ScoreComparison.difference does, in the network's outputs
        double worst = 0;
        double worstRegression = 0;
        double worstScore = 0;
        int amount = study.scorecard().amountIndex(study.tasks());
        for (Row row : rows) {
            ApplicantResult want = expected.get(row.getString(row.fieldIndex("ID")));
            for (int t = 0; t < study.tasks().size(); t++) {
                double got = row.getDouble(row.fieldIndex(study.tasks().get(t).name()
                        + "_predicted"));
                double difference = ScoreComparison.difference(study, t, got,
                        want.predicted()[t]);
                if (study.tasks().get(t).isBinary()) {
                    worst = Math.max(worst, difference);
                } else {
                    worstRegression = Math.max(worstRegression, difference);
                }
            }
            double loss = row.getDouble(row.fieldIndex("expected_loss"));
            worstRegression = Math.max(worstRegression, Math.abs(loss - want.expectedLoss()));
            worstScore = Math.max(worstScore,
                    Math.abs(row.getDouble(row.fieldIndex("score")) - want.score()));
            assertEquals(want.grade(), row.getString(row.fieldIndex("grade")));
        }
        assertTrue(worst <= ScoreComparison.BINARY_TOLERANCE, "probabilities: " + worst);
        assertTrue(worstRegression <= ScoreComparison.REGRESSION_TOLERANCE,
                "regression outputs: " + worstRegression);
        assertTrue(worstScore <= 1e-6, "largest score difference " + worstScore);

        assertMatchesDesktopFile(rows);
        assertDriftMatchesDesktop(out.resolve("drift.json"));
        assertReasonsMatchTheCore(rows);
    }

    /** The command's file rounds to 6 (binary) or 2 decimals: equal up to that rounding. */
    private static void assertMatchesDesktopFile(List<Row> rows) throws Exception {
        Map<String, Row> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.getString(0), row));
        String text = Files.readString(dir.resolve("desktop.csv"), StandardCharsets.UTF_8);
        int compared = 0;
        for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(text))) {
            Row row = byId.get(record.get("ID"));
            assertEquals(Double.parseDouble(record.get("default_probability_predicted")),
                    row.getDouble(row.fieldIndex("default_probability_predicted")),
                    0.5e-6 + 1e-6);
            assertEquals(Double.parseDouble(record.get("overdue_amount_predicted")),
                    row.getDouble(row.fieldIndex("overdue_amount_predicted")),
                    0.005 + 1e-6);
            assertEquals(record.get("grade"), row.getString(row.fieldIndex("grade")));
            compared++;
        }
        assertEquals(ROWS, compared);
    }

    private static void assertDriftMatchesDesktop(Path sparkDrift) throws Exception {
        JsonNode desktop = JSON.readTree(dir.resolve("desktop-drift.json").toFile());
        JsonNode spark = JSON.readTree(sparkDrift.toFile());
        Map<String, Double> want = new HashMap<>();
        desktop.path("features").forEach(f -> want.put(f.path("feature").asText(),
                f.path("psi").asDouble()));
        assertEquals(want.size(), spark.path("features").size());
        assertEquals(ROWS, spark.path("applicants").asLong());
        for (JsonNode feature : spark.path("features")) {
            assertEquals(want.get(feature.path("feature").asText()),
                    feature.path("psi").asDouble(), 1e-6, feature.toString());
        }
    }

    private static void assertReasonsMatchTheCore(List<Row> rows) {
        ReasonFinder finder = new ReasonFinder(study.encoder(), study.preprocessor(),
                study.network(), 0, ReasonTexts.defaults());
        Map<String, Row> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.getString(0), row));
        int withReasons = 0;
        for (int r = 0; r < ROWS; r += 997) {
            List<Reason> want = finder.explain(study.encoder().applicant(table, r)).reasons();
            Row row = byId.get(table.id(r));
            for (int k = 0; k < ReasonFinder.MAX_REASONS; k++) {
                int at = row.fieldIndex("reason_" + (k + 1));
                if (k < want.size()) {
                    assertEquals(want.get(k).feature(), row.getString(at));
                    assertEquals(want.get(k).effect(), row.getDouble(at + 1), 1e-9);
                } else {
                    assertTrue(row.isNullAt(at));
                }
            }
            withReasons += want.isEmpty() ? 0 : 1;
        }
        assertTrue(withReasons > 5, "applicants with reasons: " + withReasons);
    }

    @Test
    void scoreJobReadsPartitionedParquetWithoutAnIdColumn() throws Exception {
        SparkSession spark = LocalSpark.session();
        Path parquet = dir.resolve("applicants.parquet");
        spark.read().option("header", "true").option("inferSchema", "true")
                .csv(applicants.toString()).drop("ID").write().partitionBy("SEX")
                .parquet(parquet.toString());
        Path out = dir.resolve("spark-parquet");
        ScoreJob job = job(parquet, out, "parquet");
        job.reasons = false;
        job.format = "csv";
        ScoreJob.Summary summary = job.run(spark);

        assertEquals(ROWS, summary.rows());
        List<Row> rows = spark.read().option("header", "true").option("inferSchema", "true")
                .csv(out.resolve("scores").toString()).collectAsList();
        assertEquals(ROWS, rows.size());
        // without IDs the applicants are numbered in the order read: compare as a multiset
        double[] want = expected.values().stream()
                .mapToDouble(r -> r.predicted()[0]).sorted().toArray();
        double[] got = rows.stream().mapToDouble(r -> r.getDouble(1)).sorted().toArray();
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-6);
        }
        assertEquals(ROWS, rows.stream().map(r -> r.get(0).toString()).distinct().count());
    }

    private static ScoreJob job(Path data, Path out, String input) {
        ScoreJob job = new ScoreJob();
        job.study = studyFile.toString();
        job.data = data.toString();
        job.out = out.toString();
        job.input = input;
        job.format = "parquet";
        job.reasons = true;
        job.chunk = 3_000;
        return job;
    }
}
