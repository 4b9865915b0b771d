package com.creditmtl.studio.spark;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.model.NativeRuntime;
import com.creditmtl.studio.study.ApplicantResult;
import com.creditmtl.studio.study.SavedStudy;
import com.creditmtl.studio.study.StudyArchive;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares the scoring job's output with the desktop's for {@code spark/bench.sh}: with the
 * core's own scoring of the same file at full precision (what the {@code score} command
 * computes before it rounds), and with the command's written file and drift report. Prints the
 * largest differences; exits with 1 when a probability or a regression output (in its own
 * units) differs by more than 1e-6, or a PSI by more than 1e-6.
 *
 * <p>{@code ScoreComparison STUDY DATA.csv SPARK_OUT DESKTOP.csv DESKTOP-drift.json}
 */
public final class ScoreComparison {

    /** Probabilities: their absolute difference. */
    static final double BINARY_TOLERANCE = 1e-6;
    /**
     * Regression outputs, in their own units: each applicant is computed on its own in double
     * precision, so the job and the desktop agree whatever the partitions.
     */
    static final double REGRESSION_TOLERANCE = 1e-6;

    private ScoreComparison() {
    }

    public static void main(String[] args) throws Exception {
        NativeRuntime.prepareProperties();
        SavedStudy study = StudyArchive.open(Path.of(args[0]));
        CreditTable table = new CsvImporter().readFeatures(Path.of(args[1]), study.importSpec(),
                study.encoder().numericFeatures(), study.encoder().categoricalFeatures()).table();
        Map<String, ApplicantResult> core = new HashMap<>();
        for (ApplicantResult result : study.score(table)) {
            core.put(result.id(), result);
        }
        int tasks = study.tasks().size();
        double[] largest = new double[tasks];

        double[] worst = new double[tasks];
        double[] worstFile = new double[tasks];
        long rows = 0;
        long gradesDiffer = 0;
        SparkSession spark = SparkSessions.start("credit-mtl comparison", "local[2]");
        Map<String, double[]> sparkValues = new HashMap<>();
        try {
            Iterator<Row> it = spark.read().parquet(args[2] + "/scores").toLocalIterator();
            while (it.hasNext()) {
                Row row = it.next();
                ApplicantResult want = core.get(row.getString(0));
                double[] got = new double[tasks];
                for (int t = 0; t < tasks; t++) {
                    got[t] = row.getDouble(1 + t);
                    worst[t] = Math.max(worst[t], difference(study, t, got[t],
                            want.predicted()[t]));
                    largest[t] = Math.max(largest[t], Math.abs(got[t] - want.predicted()[t]));
                }
                if (!want.grade().equals(row.getString(row.fieldIndex("grade")))) {
                    gradesDiffer++;
                }
                sparkValues.put(row.getString(0), got);
                rows++;
            }
        } finally {
            spark.stop();
        }

        try (Reader reader = Files.newBufferedReader(Path.of(args[3]),
                StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader()
                    .setSkipHeaderRecord(true).get().parse(reader)) {
                double[] got = sparkValues.get(record.get(0));
                for (int t = 0; t < tasks; t++) {
                    double written = Double.parseDouble(record.get(1 + t));
                    worstFile[t] = Math.max(worstFile[t], Math.abs(got[t] - written));
                }
            }
        }
        double worstPsi = psiDifference(Path.of(args[2], "drift.json"), Path.of(args[4]));

        boolean equal = rows == core.size() && worstPsi <= 1e-6;
        List<String> names = study.tasks().stream().map(t -> t.name()).toList();
        System.out.printf(Locale.ROOT, "applicants: %,d on Spark, %,d in the core%n", rows,
                core.size());
        for (int t = 0; t < tasks; t++) {
            equal &= worst[t] <= (study.tasks().get(t).isBinary() ? BINARY_TOLERANCE
                    : REGRESSION_TOLERANCE);
            System.out.printf(Locale.ROOT, "%-24s largest difference %.3g (relative %.3g); "
                    + "against the written file %.3g%n", names.get(t), largest[t], worst[t],
                    worstFile[t]);
        }
        System.out.printf(Locale.ROOT, "grades that differ: %d; largest PSI difference %.3g%n",
                gradesDiffer, worstPsi);
        System.out.println(equal ? "EQUAL within the tolerances" : "DIFFERENT");
        System.exit(equal ? 0 : 1);
    }

    /** How far two predictions of a task differ, in the task's own units. */
    static double difference(SavedStudy study, int task, double got, double want) {
        return Math.abs(got - want);
    }

    private static double psiDifference(Path spark, Path desktop) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Double> want = new HashMap<>();
        json.readTree(desktop.toFile()).path("features").forEach(f ->
                want.put(f.path("feature").asText(), f.path("psi").asDouble()));
        double worst = 0;
        for (JsonNode feature : json.readTree(spark.toFile()).path("features")) {
            worst = Math.max(worst, Math.abs(feature.path("psi").asDouble()
                    - want.get(feature.path("feature").asText())));
        }
        return worst;
    }
}
