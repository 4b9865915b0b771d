package com.creditmtl.studio.study;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.scoring.ReasonTexts;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class PredictionExportTest {

    private static final String[] RISKY_IDS = {"=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)",
            "\t=1", "\r=1"};

    @TempDir
    Path folder;

    private static Study study;
    private static CreditTable table;

    @BeforeAll
    static void train() {
        study = DriverStudy.study();
        CreditTable trained = DriverStudy.table();
        Table copy = trained.table().copy();
        for (int r = 0; r < RISKY_IDS.length; r++) {
            copy.stringColumn("ID").set(r, RISKY_IDS[r]);
        }
        table = new CreditTable(null, copy, "ID", trained.featureNames(),
                trained.categoricalNames(), trained.tasks(), trained.ignoredColumns());
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            return CSVFormat.DEFAULT.parse(reader).getRecords();
        }
    }

    @Test
    void selectedApplicantsAreWrittenWithPredictionsScoreGradeAndReasons() throws Exception {
        Path file = folder.resolve("selection.csv");
        int[] rows = {10, 20, 30};

        PredictionExport.write(study, table, rows, file);

        List<CSVRecord> records = read(file);
        assertEquals(List.of("ID", "default_probability_predicted", "overdue_days_predicted",
                "overdue_amount_predicted", "score", "grade", "reason_1", "reason_2",
                "reason_3", "reason_4"), records.get(0).toList());
        assertEquals(4, records.size());
        WhatIf whatIf = new WhatIf(study);
        for (int i = 0; i < rows.length; i++) {
            CSVRecord record = records.get(i + 1);
            WhatIf.Outcome outcome = whatIf.evaluate(whatIf.applicant(table, rows[i]));
            assertEquals(table.id(rows[i]), record.get(0));
            assertEquals(outcome.predictions()[0], Double.parseDouble(record.get(1)), 1e-6);
            assertEquals(outcome.predictions()[2], Double.parseDouble(record.get(3)), 0.01);
            assertEquals(outcome.score(), Double.parseDouble(record.get(4)), 0.1);
            assertEquals(outcome.grade(), record.get(5));
            List<String> reasons = outcome.reasonTexts();
            for (int k = 0; k < 4; k++) {
                assertEquals(k < reasons.size() ? reasons.get(k) : "", record.get(6 + k));
            }
        }
    }

    @Test
    void textCellsCannotRunAsFormulas() throws Exception {
        Path file = folder.resolve("risky.csv");
        Path templates = folder.resolve("reasons.properties");
        Files.writeString(templates, "*=@{feature} raises the risk\n", UTF_8);

        PredictionExport.write(study, table, new int[] {0, 1, 2, 3, 4, 5},
                ReasonTexts.load(templates), file);

        List<CSVRecord> records = read(file);
        for (int r = 0; r < RISKY_IDS.length; r++) {
            CSVRecord record = records.get(r + 1);
            assertEquals("'" + RISKY_IDS[r], record.get(0));
            for (int k = 6; k < 10; k++) {
                String reason = record.get(k);
                assertTrue(reason.isEmpty() || reason.startsWith("'@"), reason);
            }
        }
        assertTrue(records.stream().skip(1).anyMatch(r -> !r.get(6).isEmpty()));
    }

    @Test
    void exportReplacesAnEarlierFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = folder.resolve("again.csv");
        Files.writeString(file, "old content that is longer than one line\n".repeat(500));

        PredictionExport.write(study, table, new int[] {7}, file);

        assertEquals(2, read(file).size());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
