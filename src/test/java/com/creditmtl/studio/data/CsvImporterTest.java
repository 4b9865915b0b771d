package com.creditmtl.studio.data;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.DoubleColumn;

class CsvImporterTest {

    private static final String HEADER =
            "ID,LIMIT_BAL,AGE,city,default_probability,overdue_days,overdue_amount\n";
    private static final String ROWS = ""
            + "101,20000,24,Taipei,1,60,3102\n"
            + "102,1e+05,26,Tainan,0,0,0\n"
            + "103,90000,34,Taipei,0,0,0\n"
            + "104,50000,37,Kaohsiung,1,30,2500.5\n";

    @TempDir
    Path folder;

    private Path write(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content, UTF_8);
        return file;
    }

    private CreditTable importGood() throws Exception {
        return new CsvImporter().importFile(write("applicants.csv", HEADER + ROWS));
    }

    private ImportException importFails(String name, String content) throws IOException {
        Path file = write(name, content);
        return assertThrows(ImportException.class, () -> new CsvImporter().importFile(file));
    }

    @Test
    void canonicalTasksAreFoundInOrderWithDefaultWeights() throws Exception {
        CreditTable table = importGood();

        assertEquals(List.of(
                        new TaskSpec("default_probability", TaskType.BINARY, 0.5),
                        new TaskSpec("overdue_days", TaskType.REGRESSION, 0.25),
                        new TaskSpec("overdue_amount", TaskType.REGRESSION, 0.25)),
                table.tasks());
    }

    @Test
    void aStrayTextInAColumnOfNumbersIsRefusedNamingRowAndColumn() throws Exception {
        StringBuilder csv = new StringBuilder("limit,age,default_probability\n");
        for (int i = 0; i < 60; i++) {
            // rows count the applicants, the header not counted: row 41 has a letter O for 0
            csv.append(i == 40 ? "5O000" : String.valueOf(10_000 + 500 * i)).append(',')
                    .append(20 + i % 40).append(',').append(i % 3 == 0 ? 1 : 0).append('\n');
        }
        Path file = write("typo.csv", csv.toString());

        ImportException refused = assertThrows(ImportException.class,
                () -> new CsvImporter().importFile(file));

        assertEquals("typo.csv: row 41, column limit: '5O000' is not a number in a column of "
                + "numbers (1 such cell among 60); correct it, add it to the missing tokens, "
                + "or make the column categorical", refused.getMessage());
    }

    @Test
    void aFileWithoutABinaryTaskIsWarnedThatItGetsNoScores() throws Exception {
        Path file = write("no-default.csv", "x,overdue_days\n1,0\n2,30\n3,0\n4,60\n");

        ImportResult result = new CsvImporter().read(file, ImportOptions.defaults());

        assertEquals(List.of("overdue_days"),
                result.table().tasks().stream().map(TaskSpec::name).toList());
        assertTrue(result.report().warnings().contains("no binary task such as "
                + "default_probability: the model predicts no default, so it gives no score, "
                + "grade, expected loss or reasons"), result.report().warnings().toString());
    }

    @Test
    void anUnlistedMissingTokenInUnderOneCellInAHundredIsRefusedAboveItReadAsText()
            throws Exception {
        // 500 amounts with "n/k" in 4 of them (0.8 %), then in 6 of them (1.2 %)
        for (int unknown : new int[] {4, 6}) {
            StringBuilder csv = new StringBuilder("amount,age,default_probability\n");
            for (int i = 0; i < 500; i++) {
                csv.append(i % 80 == 79 && i / 80 < unknown ? "n/k" : String.valueOf(1_000 + i))
                        .append(',').append(20 + i % 50).append(',').append(i % 3 == 0 ? 1 : 0)
                        .append('\n');
            }
            Path file = write("amounts-" + unknown + ".csv", csv.toString());

            if (unknown == 4) {
                ImportException refused = assertThrows(ImportException.class,
                        () -> new CsvImporter().importFile(file));
                assertEquals("amounts-4.csv: row 80, column amount: 'n/k' is not a number in a "
                        + "column of numbers (4 such cells among 500); correct it, add it to "
                        + "the missing tokens, or make the column categorical",
                        refused.getMessage());
            } else {
                ImportResult result = new CsvImporter().read(file, ImportOptions.defaults());
                assertFalse(result.table().featureNames().contains("amount"),
                        "no longer numeric: " + result.table().featureNames());
                assertTrue(result.report().warnings().contains("column amount: numbers until "
                        + "row 80, then 'n/k'; read as text"), result.report().warnings()
                        .toString());
            }
        }
    }

    @Test
    void aColumnWithMoreThanStrayTextsIsStillReadAsText() throws Exception {
        StringBuilder csv = new StringBuilder("code,age,default_probability\n");
        for (int i = 0; i < 60; i++) {
            // numbers first, then codes with letters in two rows: categories, with a warning
            csv.append(i == 40 || i == 50 ? "A" + i : String.valueOf(i % 4)).append(',')
                    .append(20 + i % 40).append(',').append(i % 3 == 0 ? 1 : 0).append('\n');
        }
        Path file = write("codes.csv", csv.toString());

        ImportResult result = new CsvImporter().read(file, ImportOptions.defaults());

        assertTrue(result.table().categoricalNames().contains("code"),
                result.table().featureNames().toString());
        assertTrue(result.report().warnings().stream().anyMatch(w -> w.equals(
                "column code: numbers until row 41, then 'A40'; read as text")),
                result.report().warnings().toString());
    }

    @Test
    void tasksFollowCanonicalOrderWhateverTheColumnOrder() throws Exception {
        Path file = write("reordered.csv", "overdue_amount,x,default_probability\n"
                + "10,1,0\n20,2,1\n");

        CreditTable table = new CsvImporter().importFile(file);

        assertEquals(List.of("default_probability", "overdue_amount"),
                table.tasks().stream().map(TaskSpec::name).toList());
        assertEquals(List.of("x"), table.featureNames());
    }

    @Test
    void idColumnIsNotAFeatureButIsCarried() throws Exception {
        CreditTable table = importGood();

        assertEquals("ID", table.idColumn().orElseThrow());
        assertFalse(table.featureNames().contains("ID"));
        assertEquals("101", table.id(0));
        assertEquals("104", table.id(3));
    }

    @Test
    void idColumnIsRecognisedInAnyCase() throws Exception {
        Path file = write("lower.csv", "id,x,default_probability\n7,1,0\n8,2,1\n");

        CreditTable table = new CsvImporter().importFile(file);

        assertEquals("id", table.idColumn().orElseThrow());
        assertEquals(List.of("x"), table.featureNames());
    }

    @Test
    void withoutIdColumnTheIdIsTheOneBasedRowNumber() throws Exception {
        CreditTable table = new CsvImporter().importFile(
                write("noid.csv", "x,default_probability\n1,0\n2,1\n"));

        assertTrue(table.idColumn().isEmpty());
        assertEquals("1", table.id(0));
        assertEquals("2", table.id(1));
    }

    @Test
    void numericColumnsOtherThanTasksAndIdAreFeaturesInFileOrder() throws Exception {
        assertEquals(List.of("LIMIT_BAL", "AGE"), importGood().featureNames());
    }

    @Test
    void textColumnWithFewValuesIsCategorical() throws Exception {
        CreditTable table = importGood();

        assertFalse(table.featureNames().contains("city"));
        assertEquals(List.of("city"), table.categoricalNames());
        assertEquals("Tainan", table.category("city", 1));
    }

    @Test
    void scientificNotationReadsAsNumber() throws Exception {
        CreditTable table = importGood();

        double[][] features = table.features(new int[] {1});

        assertEquals(100_000.0, features[0][0], 0);
    }

    @Test
    void featureAndTaskValuesAreReadAsDoubles() throws Exception {
        CreditTable table = importGood();

        assertArrayEquals(new double[][] {{20_000, 24}, {50_000, 37}},
                table.features(new int[] {0, 3}));
        assertArrayEquals(new double[] {3102, 0, 0, 2500.5},
                table.target("overdue_amount", table.allRows()), 0);
        assertTrue(table.table().column("overdue_days") instanceof DoubleColumn);
        assertEquals(4, table.rowCount());
    }

    @Test
    void missingFeatureValueReadsAsNaN() throws Exception {
        CreditTable table = new CsvImporter().importFile(
                write("gap.csv", "x,y,default_probability\n1,,0\n2,3.5,1\n"));

        double[][] features = table.features(table.allRows());

        assertEquals(1, features[0][0], 0);
        assertTrue(Double.isNaN(features[0][1]));
        assertEquals(3.5, features[1][1], 0);
    }

    @ParameterizedTest(name = "value {0}")
    @CsvSource({"2", "-1", "0.5"})
    void binaryTaskValueOtherThanZeroOrOneNamesFileRowAndColumn(String value) throws IOException {
        ImportException error = importFails("bad-binary.csv", HEADER
                + "101,20000,24,Taipei,1,60,3102\n"
                + "102,30000,26,Tainan,0,0,0\n"
                + "103,90000,34,Taipei," + value + ",0,0\n");

        String message = error.getMessage();
        assertTrue(message.contains("bad-binary.csv"), message);
        assertTrue(message.contains("row 3"), message);
        assertTrue(message.contains("column default_probability"), message);
    }

    @Test
    void binaryTaskValueOfTwoGivesTheFullMessage() throws IOException {
        ImportException error = importFails("two.csv", HEADER
                + "101,20000,24,Taipei,1,60,3102\n"
                + "102,30000,26,Tainan,2,0,0\n");

        assertEquals("two.csv: row 2, column default_probability: a binary task needs 0 or 1, "
                + "found 2; name the values that count as 1 to read other codes",
                error.getMessage());
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({
            "default_probability, '101,20000,24,Taipei,,60,3102'",
            "overdue_days, '101,20000,24,Taipei,1,,3102'",
            "overdue_amount, '101,20000,24,Taipei,1,60,'"})
    void missingTaskValueIsMaskedAsNaN(String column, String gapRow) throws Exception {
        Path file = write("gap.csv", HEADER
                + "100,20000,24,Taipei,1,60,3102\n"
                + "102,30000,26,Tainan,0,0,0\n"
                + gapRow + "\n");

        CreditTable table = new CsvImporter().importFile(file);

        double[] labels = table.target(column, table.allRows());
        assertTrue(Double.isNaN(labels[2]));
        assertFalse(Double.isNaN(labels[0]));
    }

    @Test
    void textInTaskColumnNamesFileRowAndColumn() throws IOException {
        ImportException error = importFails("text-task.csv",
                "x,overdue_days\n1,3\n2,unknown\n");

        assertEquals("text-task.csv: row 2, column overdue_days: 'unknown' is not a number; "
                + "a regression task needs numbers", error.getMessage());
    }

    @Test
    void emptyFileGivesClearError() throws IOException {
        ImportException error = importFails("empty.csv", "");

        assertEquals("empty.csv: the file is empty", error.getMessage());
    }

    @Test
    void headerOnlyFileGivesClearError() throws IOException {
        ImportException error = importFails("header.csv", HEADER);

        assertEquals("header.csv: the file has a header but no rows", error.getMessage());
    }

    @Test
    void missingFileGivesClearError() {
        Path missing = folder.resolve("nowhere.csv");

        ImportException error = assertThrows(ImportException.class,
                () -> new CsvImporter().importFile(missing));

        assertTrue(error.getMessage().contains("nowhere.csv"), error.getMessage());
        assertTrue(error.getMessage().contains("no such file"), error.getMessage());
    }

    @Test
    void valueAMillionTimesTheNextLargestIsReported() throws Exception {
        StringBuilder csv = new StringBuilder("x,default_probability\n");
        for (int r = 0; r < 30; r++) {
            csv.append(r == 7 ? "1e300" : Integer.toString(r)).append(',').append(r % 2)
                    .append('\n');
        }
        Path file = folder.resolve("outlier.csv");
        Files.writeString(file, csv.toString());

        ImportResult result = new CsvImporter().read(file, ImportOptions.defaults());

        assertTrue(result.report().warnings().contains("column x: 1.0E300 in 1 rows is over a "
                + "million times the next largest value (29); check it, or declare it a missing "
                + "code"), result.report().warnings().toString());
    }

    @Test
    void keepingAColumnThatDoesNotExistIsAnError() throws Exception {
        Path file = folder.resolve("keep.csv");
        Files.writeString(file, "x,default_probability\n1,0\n2,1\n3,0\n");

        ImportException error = assertThrows(ImportException.class, () -> new CsvImporter()
                .read(file, ImportOptions.builder().keep(List.of("nothing")).build()));

        assertTrue(error.getMessage().startsWith("keep.csv: no column nothing to keep"),
                error.getMessage());
    }

    @Test
    void excludingATaskColumnIsAnError() throws Exception {
        Path file = folder.resolve("exclude.csv");
        Files.writeString(file, "x,default_probability\n1,0\n2,1\n3,0\n");

        ImportException error = assertThrows(ImportException.class, () -> new CsvImporter()
                .read(file, ImportOptions.builder().exclude(List.of("default_probability"))
                        .build()));

        assertEquals("exclude.csv: column default_probability is a task; it cannot also be "
                + "excluded", error.getMessage());
    }

    @Test
    void folderInsteadOfFileGivesClearError() {
        ImportException error = assertThrows(ImportException.class,
                () -> new CsvImporter().importFile(folder));

        assertEquals(folder + ": is a folder, not a file", error.getMessage());
    }

    @Test
    void fileWithoutTaskColumnIsRejected() throws IOException {
        ImportException error = importFails("notask.csv", "x,y\n1,2\n3,4\n");

        assertTrue(error.getMessage().startsWith("notask.csv: no task column found"),
                error.getMessage());
    }

    @Test
    void fileWithoutFeatureIsRejected() throws IOException {
        ImportException error = importFails("nofeature.csv",
                "ID,default_probability\n1,0\n2,1\n");

        assertEquals("nofeature.csv: no feature column found (every column is a task, the ID "
                + "or ignored)", error.getMessage());
    }
}
