package com.creditmtl.studio.spark;

import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.model.NativeRuntime;
import com.creditmtl.studio.study.FeatureDrift;
import com.creditmtl.studio.study.SavedStudy;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Scores applicants on Spark with a study file written by the desktop's {@code train} (or by
 * {@link TrainJob}): the file's bytes are broadcast once, and each task restores its own copy
 * of the network and scores its partition with the core's reading, encoding, preprocessing and
 * scorecard, adding each applicant's top reasons. Writes {@code OUT/scores} (Parquet or CSV, one
 * file per partition), {@code OUT/drift.json} (population stability per feature over all
 * applicants, counted per partition and added up in the driver) and {@code OUT/summary.json}.
 *
 * <p>The input is a CSV file or folder of CSV files in the study's delimiter and encoding, or
 * Parquet. Limits: a quoted CSV cell may not span lines; without an ID column the applicants
 * are numbered in the input's order, which for a folder of several files is Spark's file
 * order; rows are written in input order within each partition file.
 */
@Command(name = "score-job", mixinStandardHelpOptions = true,
        description = "Score applicants on Spark with a study file.")
public final class ScoreJob implements Callable<Integer> {

    static final String ROW_COLUMN = "__row";
    private static final Logger LOGGER = LoggerFactory.getLogger(ScoreJob.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--study", required = true, paramLabel = "FILE",
            description = "The study.cmtl file (any Hadoop file system path).")
    String study;

    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "Applicants: a CSV file or folder, or Parquet (see --input).")
    String data;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for scores/, drift.json and summary.json; replaced.")
    String out;

    @Option(names = "--input", paramLabel = "csv|parquet",
            description = "Format of --data (default: parquet when the path ends in .parquet, "
                    + "else csv).")
    String input;

    @Option(names = "--format", paramLabel = "parquet|csv", defaultValue = "parquet",
            description = "Format of OUT/scores (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Repartition the applicants into N partitions before scoring.")
    Integer partitions;

    @Option(names = "--no-reasons", negatable = true, defaultValue = "true",
            description = "Leave out the reasons (faster).")
    boolean reasons;

    @Option(names = "--chunk", paramLabel = "ROWS", defaultValue = "50000",
            description = "Applicants read and scored at once in a task (default: "
                    + "${DEFAULT-VALUE}).")
    int chunk;

    /** What a run did, also written to {@code summary.json}. */
    record Summary(long rows, int partitions, double seconds, String master) {
        double rowsPerSecond() {
            return rows / Math.max(seconds, 1e-9);
        }
    }

    private Summary summary;

    public static void main(String[] args) {
        NativeRuntime.prepareProperties();
        System.exit(new CommandLine(new ScoreJob()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        SparkSession spark = SparkSessions.start("credit-mtl score", master);
        try {
            summary = run(spark);
        } finally {
            spark.stop();
        }
        System.out.printf(Locale.ROOT, "Scored %,d applicants in %.1f s (%,.0f rows/s) on %s, "
                + "%d partitions; wrote %s%n", summary.rows(), summary.seconds(),
                summary.rowsPerSecond(), summary.master(), summary.partitions(), out);
        return 0;
    }

    /** Runs the job in a session that the caller owns. */
    Summary run(SparkSession spark) throws Exception {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        long start = System.nanoTime();
        byte[] bytes = StudyBytes.read(study, context.hadoopConfiguration());
        SavedStudy saved = StudyBytes.open(bytes);
        Broadcast<byte[]> shared = context.broadcast(bytes);

        boolean parquet = input != null ? input.equalsIgnoreCase("parquet")
                : data.toLowerCase(Locale.ROOT).endsWith(".parquet");
        ImportOptions spec = saved.importSpec();
        char delimiter = parquet || spec.delimiterChar() == null ? ',' : spec.delimiterChar();
        Dataset<Row> applicants = read(spark, parquet, spec, delimiter);
        List<String> header = new ArrayList<>(Arrays.asList(applicants.columns()));

        String id = idColumn(header, spec);
        JavaRDD<String[]> cells = applicants.javaRDD().map(ScoreJob::texts);
        if (id == null) {
            id = ROW_COLUMN;
            header.add(ROW_COLUMN);
            cells = cells.zipWithIndex().map(pair -> append(pair._1(), pair._2() + 1));
        }
        if (partitions != null) {
            cells = cells.repartition(partitions);
        }
        ImportOptions.Builder chunkSpec = spec.toBuilder().delimiter(delimiter)
                .encoding("UTF-8").idColumn(id);
        if (parquet) {
            chunkSpec.decimalComma(false);
        }

        DriftCounts drift = new DriftCounts();
        context.sc().register(drift, "drift counts");
        PartitionScorer scorer = new PartitionScorer(shared, header, chunkSpec.build(),
                reasons, chunk, drift);
        JavaRDD<Row> scored = cells.mapPartitions(scorer::score);
        boolean expectedLoss = saved.scorecard().amountTask() != null;
        Dataset<Row> frame = spark.createDataFrame(scored,
                PartitionScorer.schema(saved.tasks(), expectedLoss, reasons));
        frame.write().mode(SaveMode.Overwrite).format(format.toLowerCase(Locale.ROOT))
                .option("header", "true").save(out + "/scores");

        List<PopulationStability.Result> psi = DriftCounts.indices(saved.driftReference(),
                drift.value());
        double seconds = (System.nanoTime() - start) / 1e9;
        long rows = countRows(drift);
        Summary done = new Summary(rows, cells.getNumPartitions(), seconds,
                spark.sparkContext().master());
        String name = data.replaceAll("/+$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        String studyName = study.substring(study.lastIndexOf('/') + 1);
        ObjectNode report = FeatureDrift.toJson(psi, name, studyName);
        report.put("applicants", rows);
        StudyBytes.write(out + "/drift.json", utf8(report), context.hadoopConfiguration());
        ObjectNode facts = JSON.createObjectNode();
        facts.put("applicants", rows).put("partitions", done.partitions())
                .put("seconds", Math.round(seconds * 1000) / 1000.0)
                .put("rows_per_second", Math.round(done.rowsPerSecond()))
                .put("master", done.master()).put("reasons", reasons)
                .put("study", studyName).put("data", name);
        StudyBytes.write(out + "/summary.json", utf8(facts), context.hadoopConfiguration());
        LOGGER.info("Scored {} applicants in {} s on {}", rows,
                String.format(Locale.ROOT, "%.1f", seconds), done.master());
        return done;
    }

    private Dataset<Row> read(SparkSession spark, boolean parquet, ImportOptions spec,
            char delimiter) {
        if (parquet) {
            return spark.read().parquet(data);
        }
        DataFrameReader reader = spark.read().option("header", "true")
                .option("sep", String.valueOf(delimiter)).option("quote", "\"")
                .option("escape", "\"").option("inferSchema", "false")
                .option("mode", "FAILFAST");
        if (spec.encoding() != null) {
            reader = reader.option("encoding", spec.encoding());
        }
        return reader.csv(data);
    }

    /** The ID column as the desktop's reading picks it, or null when there is none. */
    static String idColumn(List<String> header, ImportOptions spec) {
        if (spec.idColumn() != null && header.contains(spec.idColumn())) {
            return spec.idColumn();
        }
        return header.stream().filter(c -> c.equalsIgnoreCase("ID")).findFirst().orElse(null);
    }

    private static long countRows(DriftCounts drift) {
        long rows = 0;
        for (long[][] counts : drift.value().values()) {
            if (counts.length > 0) {
                for (long count : counts[0]) {
                    rows += count;
                }
            }
        }
        return rows;
    }

    /** A row's cells as text, as a CSV file would hold them; null and NaN are empty. */
    static String[] texts(Row row) {
        String[] cells = new String[row.size()];
        for (int c = 0; c < cells.length; c++) {
            Object value = row.get(c);
            if (value == null || value instanceof Double d && d.isNaN()
                    || value instanceof Float f && f.isNaN()) {
                cells[c] = "";
            } else {
                cells[c] = value.toString();
            }
        }
        return cells;
    }

    private static String[] append(String[] cells, long rowNumber) {
        String[] longer = Arrays.copyOf(cells, cells.length + 1);
        longer[cells.length] = Long.toString(rowNumber);
        return longer;
    }

    private static byte[] utf8(ObjectNode node) throws Exception {
        return (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
