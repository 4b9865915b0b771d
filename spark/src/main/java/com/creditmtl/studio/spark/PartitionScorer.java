package com.creditmtl.studio.spark;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportException;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.ImportReport;
import com.creditmtl.studio.data.ImportResult;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.scoring.Explanation;
import com.creditmtl.studio.scoring.Reason;
import com.creditmtl.studio.scoring.ReasonFinder;
import com.creditmtl.studio.scoring.ReasonTexts;
import com.creditmtl.studio.study.ApplicantResult;
import com.creditmtl.studio.study.SavedStudy;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores one partition of applicants with its own copy of the study's network: the partition's
 * cells are read, a chunk at a time, by the core's {@link CsvImporter#readFeatures} with the
 * study's import spec (missing tokens, sentinels, decimal comma, computed features), so every
 * applicant is read and scored exactly as the desktop's {@code score} command reads and scores
 * it. Adds the top reasons of each applicant's default probability and counts the drift bins
 * of every feature for {@link DriftCounts}.
 *
 * <p>Limits: a chunk passes through a temporary file on the executor's disk (about 10 MB for
 * {@value #DEFAULT_CHUNK} applicants of 25 columns); a row the importer cannot read fails the
 * task, naming the chunk's row and column.
 */
final class PartitionScorer implements Serializable {

    static final int DEFAULT_CHUNK = 50_000;
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = LoggerFactory.getLogger(PartitionScorer.class);

    private final Broadcast<byte[]> study;
    private final List<String> header;
    private final String specJson;
    private final char delimiter;
    private final boolean reasons;
    private final int chunkRows;
    private final DriftCounts drift;

    /**
     * @param header the column names of the cells handed to {@link #score}
     * @param spec the import spec to read a chunk with: the study's, with this job's delimiter,
     *     UTF-8 and the ID column the job chose
     */
    PartitionScorer(Broadcast<byte[]> study, List<String> header, ImportOptions spec,
            boolean reasons, int chunkRows, DriftCounts drift) {
        this.study = study;
        this.header = List.copyOf(header);
        this.specJson = spec.toJson();
        this.delimiter = spec.delimiterChar();
        this.reasons = reasons;
        this.chunkRows = chunkRows;
        this.drift = drift;
    }

    /** The output columns for a study's tasks. */
    static StructType schema(List<TaskSpec> tasks, boolean expectedLoss, boolean reasons) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("ID", DataTypes.StringType, false));
        for (TaskSpec task : tasks) {
            fields.add(DataTypes.createStructField(task.name() + "_predicted",
                    DataTypes.DoubleType, false));
        }
        fields.add(DataTypes.createStructField("score", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("grade", DataTypes.StringType, true));
        if (expectedLoss) {
            fields.add(DataTypes.createStructField("expected_loss", DataTypes.DoubleType, true));
        }
        if (reasons) {
            for (int k = 1; k <= ReasonFinder.MAX_REASONS; k++) {
                fields.add(DataTypes.createStructField("reason_" + k, DataTypes.StringType,
                        true));
                fields.add(DataTypes.createStructField("reason_" + k + "_effect",
                        DataTypes.DoubleType, true));
            }
        }
        return DataTypes.createStructType(fields);
    }

    /** The scored applicants of one partition, in input order. */
    Iterator<Row> score(Iterator<String[]> cells) {
        SavedStudy saved = StudyBytes.open(study.value());
        ImportOptions spec = spec();
        List<TaskSpec> tasks = saved.tasks();
        int binary = scoringTask(tasks);
        ReasonFinder finder = reasons && binary >= 0 ? new ReasonFinder(saved.encoder(),
                saved.preprocessor(), saved.network(), binary, ReasonTexts.defaults()) : null;
        boolean expectedLoss = saved.scorecard().amountTask() != null;
        long[][] counts = DriftCounts.empty(saved.driftReference());
        int partition = TaskContext.get() == null ? 0 : TaskContext.getPartitionId();

        return new Iterator<>() {
            private Iterator<Row> chunk = List.<Row>of().iterator();
            private boolean reported;

            @Override
            public boolean hasNext() {
                while (!chunk.hasNext() && cells.hasNext()) {
                    chunk = scoreChunk(saved, spec, finder, expectedLoss, counts).iterator();
                }
                if (!chunk.hasNext() && !reported) {
                    reported = true;
                    drift.add(new DriftCounts.Partition(partition, counts));
                }
                return chunk.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return chunk.next();
            }

            private List<Row> scoreChunk(SavedStudy saved, ImportOptions spec,
                    ReasonFinder finder, boolean expectedLoss, long[][] counts) {
                StringBuilder text = new StringBuilder(chunkRows * 128);
                line(text, header.toArray(String[]::new));
                int rows = 0;
                while (rows < chunkRows && cells.hasNext()) {
                    line(text, cells.next());
                    rows++;
                }
                CreditTable table = read(text, spec, saved);
                DriftCounts.count(saved.driftReference(), table, counts);
                List<ApplicantResult> results = saved.score(table);
                List<Row> out = new ArrayList<>(results.size());
                for (int r = 0; r < results.size(); r++) {
                    out.add(row(results.get(r), finder, expectedLoss, saved, table, r));
                }
                LOGGER.debug("Scored {} applicants in partition {}", rows, partition);
                return out;
            }
        };
    }

    private ImportOptions spec() {
        try {
            return new ObjectMapper().readValue(specJson, ImportOptions.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CreditTable read(CharSequence text, ImportOptions spec, SavedStudy saved) {
        try {
            Path file = Files.createTempFile("credit-mtl-chunk-", ".csv");
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
                ImportResult imported = new CsvImporter().readFeatures(file, spec,
                        saved.encoder().numericFeatures(),
                        saved.encoder().categoricalFeatures());
                if (imported.report().rowsSkipped() > 0) {
                    ImportReport.SkippedRow first = imported.report().skipped().get(0);
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "row %d of a "
                            + "chunk: %s; every applicant must be scored", first.row(),
                            first.reason()));
                }
                return imported.table();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ImportException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private Row row(ApplicantResult result, ReasonFinder finder, boolean expectedLoss,
            SavedStudy saved, CreditTable table, int r) {
        List<Object> values = new ArrayList<>();
        values.add(result.id());
        for (double prediction : result.predicted()) {
            values.add(prediction);
        }
        values.add(Double.isNaN(result.score()) ? null : result.score());
        values.add(result.grade().isEmpty() ? null : result.grade());
        if (expectedLoss) {
            values.add(Double.isNaN(result.expectedLoss()) ? null : result.expectedLoss());
        }
        if (reasons) {
            List<Reason> found = finder == null ? List.of()
                    : finder.explain(saved.encoder().applicant(table, r)).reasons();
            for (int k = 0; k < ReasonFinder.MAX_REASONS; k++) {
                values.add(k < found.size() ? found.get(k).feature() : null);
                values.add(k < found.size() ? found.get(k).effect() : null);
            }
        }
        return RowFactory.create(values.toArray());
    }

    /** One CSV line, cells quoted where they hold the delimiter, a quote or a line break. */
    private void line(StringBuilder text, String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                text.append(delimiter);
            }
            String cell = cells[c] == null ? "" : cells[c];
            boolean quote = cell.indexOf(delimiter) >= 0 || cell.indexOf('"') >= 0
                    || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
            if (quote) {
                text.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                text.append(cell);
            }
        }
        text.append('\n');
    }

    /** The first binary task, whose probability is scored and explained; -1 when none. */
    static int scoringTask(List<TaskSpec> tasks) {
        for (int t = 0; t < tasks.size(); t++) {
            if (tasks.get(t).isBinary()) {
                return t;
            }
        }
        return -1;
    }
}
