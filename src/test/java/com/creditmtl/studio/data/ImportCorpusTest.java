package com.creditmtl.studio.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@code src/test/resources/import-corpus} either imports with the values asserted
 * here or fails with a message naming the file and, where the fault sits in a cell, its row and
 * column. The files were written once, byte for byte, to hold one oddity each.
 */
class ImportCorpusTest {

    private static final double[] X20 = range(1, 20);
    private static final double[] Y20 = times(range(1, 20), 1.5);

    private static Path corpus(String name) throws URISyntaxException {
        return Path.of(ImportCorpusTest.class.getResource("/import-corpus/" + name).toURI());
    }

    private static double[] range(int from, int to) {
        double[] values = new double[to - from + 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i;
        }
        return values;
    }

    private static double[] times(double[] values, double factor) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }

    private static double[] column(ImportResult result, String name) {
        CreditTable table = result.table();
        return table.table().doubleColumn(name).asDoubleArray();
    }

    private static Consumer<ImportResult> twentyRowsOfXAndY() {
        return result -> {
            assertEquals(20, result.report().rowsRead());
            assertArrayEquals(X20, column(result, "x"), 0);
            assertArrayEquals(Y20, column(result, "y"), 0);
            assertEquals(List.of("x", "y"), result.table().featureNames());
        };
    }

    static Stream<Arguments> readableFiles() {
        return Stream.of(
                Arguments.of("all-missing-column.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> {
                            assertEquals(List.of("empty"), r.table().ignoredColumns());
                            assertEquals(3, r.report().column("empty").missing());
                        }),
                Arguments.of("blank-lines.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> assertArrayEquals(
                                new double[] {1.5, 3, 4.5}, column(r, "y"), 0)),
                Arguments.of("counting-id.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> assertEquals(List.of("row"),
                                r.table().ignoredColumns())),
                Arguments.of("crlf.csv", ImportOptions.defaults(), twentyRowsOfXAndY()),
                Arguments.of("duplicate-columns.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> {
                            assertEquals(List.of("x", "x_2"), r.table().featureNames());
                            assertArrayEquals(new double[] {10, 20, 30}, column(r, "x_2"), 0);
                        }),
                Arguments.of("empty-header-cell.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> assertArrayEquals(new double[] {5, 6, 7},
                                column(r, "column_2"), 0)),
                Arguments.of("gb18030-chinese.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> {
                            assertEquals("GB18030", r.report().format().charset().name());
                            assertArrayEquals(new double[] {5000, 7200, 3100},
                                    column(r, "收入"), 0);
                        }),
                Arguments.of("integers-then-decimal.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> assertEquals(2.5,
                                column(r, "y")[29], 0)),
                Arguments.of("na-region-code.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> {
                            assertEquals(null, r.table().category("region", 0));
                            assertEquals(2, r.report().column("region").missing());
                        }),
                Arguments.of("na-region-code.csv",
                        ImportOptions.builder().tokenColumn("region").build(),
                        (Consumer<ImportResult>) r -> {
                            assertEquals("NA", r.table().category("region", 0));
                            assertEquals(0, r.report().column("region").missing());
                        }),
                Arguments.of("nan-token.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> {
                            double[] y = column(r, "y");
                            assertTrue(Double.isNaN(y[0]) && Double.isNaN(y[2]));
                            assertEquals(2.5, y[1], 0);
                        }),
                Arguments.of("negative-amounts.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> {
                            assertArrayEquals(new double[] {-1500.5, 300, -20},
                                    column(r, "balance"), 0);
                            assertEquals(-1500.5, r.report().column("balance").min(), 0);
                        }),
                Arguments.of("pipe-delimited.csv", ImportOptions.defaults(), twentyRowsOfXAndY()),
                Arguments.of("quoted-newlines.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> {
                            assertEquals("first, with comma", r.table().category("note", 0));
                            assertEquals("two\nlines", r.table().category("note", 1));
                            assertEquals("says \"hi\"", r.table().category("note", 2));
                        }),
                Arguments.of("quoted-thousands.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> {
                            assertEquals(List.of("amount"), r.table().categoricalNames());
                            assertEquals("1,234", r.table().category("amount", 0));
                        }),
                Arguments.of("ragged-rows.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> {
                            assertEquals(19, r.report().rowsRead());
                            assertEquals(List.of(new ImportReport.SkippedRow(5, "2 cells but the "
                                    + "header has 3; the row ends before column "
                                    + "default_probability")), r.report().skipped());
                        }),
                Arguments.of("scientific-notation.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> assertArrayEquals(
                                new double[] {100_000, 0.165, 3, 0.002}, column(r, "limit"), 0)),
                Arguments.of("sentinel-codes.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> assertTrue(r.report().warnings().contains(
                                "column months: 999 in 8 rows looks like a code for missing (the "
                                        + "next largest value is 11); declare it a sentinel if "
                                        + "so"))),
                Arguments.of("sentinel-codes.csv",
                        ImportOptions.builder().sentinels("months", List.of(999.0)).build(),
                        (Consumer<ImportResult>) r -> {
                            assertTrue(Double.isNaN(column(r, "months")[4]));
                            assertEquals(8, r.report().column("months").missing());
                            assertEquals(11, r.report().column("months").max(), 0);
                        }),
                Arguments.of("single-quoted-header.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> assertEquals(List.of("colour"),
                                r.table().categoricalNames())),
                Arguments.of("tab-delimited.csv", ImportOptions.defaults(), twentyRowsOfXAndY()),
                Arguments.of("text-binary-task.csv", ImportOptions.builder()
                                .task(TaskDefinition.parse("class:binary:bad")).build(),
                        (Consumer<ImportResult>) r -> assertArrayEquals(
                                new double[] {0, 1, 0}, column(r, "class"), 0)),
                Arguments.of("thousands-of-columns.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> {
                            assertEquals(1999, r.table().featureNames().size());
                            assertEquals(30, r.table().rowCount());
                        }),
                Arguments.of("trailing-delimiter-header.csv", ImportOptions.defaults(),
                        twentyRowsOfXAndY()),
                Arguments.of("trailing-delimiters.csv", ImportOptions.defaults(),
                        twentyRowsOfXAndY()),
                Arguments.of("utf16-bom.csv", ImportOptions.defaults(), twentyRowsOfXAndY()),
                Arguments.of("utf16-no-bom.csv", ImportOptions.defaults(), twentyRowsOfXAndY()),
                Arguments.of("utf8-bom.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> assertEquals("ID",
                                r.table().idColumn().orElseThrow())),
                Arguments.of("windows-1252-accents.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> {
                            assertEquals("windows-1252",
                                    r.report().format().charset().name());
                            assertEquals("Zürich", r.table().category("city", 0));
                            assertEquals("Málaga", r.table().category("city", 1));
                            assertEquals("Köln", r.table().category("city", 2));
                            assertEquals("São Paulo", r.table().category("city", 4));
                        }),
                Arguments.of("windows-1252.csv", ImportOptions.defaults(),
                        (Consumer<ImportResult>) r -> {
                            assertEquals("Café", r.table().category("city", 0));
                            assertEquals("Zürich", r.table().category("city", 1));
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readableFiles")
    void oddFileImportsWithTheRightValues(String file, ImportOptions options,
            Consumer<ImportResult> check) throws Exception {
        check.accept(new CsvImporter().read(corpus(file), options));
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("bad-byte-after-sample.csv", "bad-byte-after-sample.csv: row 6001, "
                        + "column y: bytes that are not UTF-8 text; choose the encoding (for "
                        + "example windows-1252 or GB18030)"),
                Arguments.of("binary-renamed.csv", "binary-renamed.csv: is not a text file (347 "
                        + "control bytes in its first 3000 bytes)"),
                Arguments.of("binary-task-value-two.csv", "binary-task-value-two.csv: row 3, "
                        + "column default_probability: a binary task needs 0 or 1, found 2; "
                        + "name the values that count as 1 to read other codes"),
                Arguments.of("empty.csv", "empty.csv: the file is empty"),
                Arguments.of("header-only.csv", "header-only.csv: the file has a header but no "
                        + "rows"),
                Arguments.of("inf-token.csv", "inf-token.csv: row 2, column y: 'Inf' is an "
                        + "infinite number; declare it missing (add it to the missing tokens) "
                        + "or correct the file"),
                Arguments.of("number-too-large.csv", "number-too-large.csv: row 2, column y: "
                        + "'1e400' is too large for a number"),
                Arguments.of("one-class-task.csv", "one-class-task.csv: column "
                        + "default_probability: the task has one class only (3 labels, all 0); "
                        + "a binary task needs both"),
                Arguments.of("ragged-many.csv", "ragged-many.csv: row 1, column "
                        + "default_probability: 2 cells but the header has 3; the row ends "
                        + "before column default_probability (10 of 20 rows have the wrong "
                        + "number of cells; is the delimiter , right?)"),
                Arguments.of("single-column.csv", "single-column.csv: no task column found; "
                        + "expected at least one of default_probability, overdue_days, "
                        + "overdue_amount, or name the tasks (--task NAME:binary:VALUE or "
                        + "NAME:regression)"),
                Arguments.of("text-after-quote.csv", "text-after-quote.csv: row 2, column note: "
                        + "text follows the closing quote of a quoted cell"),
                Arguments.of("text-regression-target.csv", "text-regression-target.csv: row 3, "
                        + "column overdue_days: 'unknown' is not a number; a regression task "
                        + "needs numbers"),
                Arguments.of("unclosed-quote.csv", "unclosed-quote.csv: row 2, column note: a "
                        + "quoted cell is never closed (a \" without its closing \")"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFileFailsWithMessageNamingFileRowAndColumn(String file, String message) {
        ImportException error = assertThrows(ImportException.class,
                () -> new CsvImporter().read(corpus(file), ImportOptions.defaults()));

        assertEquals(message, error.getMessage());
    }

    @Test
    void textBinaryTaskWithoutValuesAsksWhichValueIsPositive() {
        ImportOptions options = ImportOptions.builder()
                .task(TaskDefinition.parse("class:binary")).build();

        ImportException error = assertThrows(ImportException.class,
                () -> new CsvImporter().read(corpus("text-binary-task.csv"), options));

        assertEquals("text-binary-task.csv: row 1, column class: a binary task needs 0 or 1, "
                + "found text (good, bad); name the values that count as 1, the outcome to "
                + "predict (a default, say): --task class:binary:VALUE", error.getMessage());
    }

    @Test
    void decimalCommaTwinReadsTheSameNumbersAsItsDotTwin() throws Exception {
        ImportResult dots = new CsvImporter().read(corpus("decimal-dot-comma.csv"),
                ImportOptions.defaults());
        ImportResult commas = new CsvImporter().read(corpus("decimal-comma-semicolon.csv"),
                ImportOptions.defaults());

        assertTrue(commas.report().format().decimalComma());
        assertEquals(';', commas.report().format().delimiter());
        for (String name : List.of("amount", "rate")) {
            assertArrayEquals(column(dots, name), column(commas, name), 0, name);
        }
        assertArrayEquals(new double[] {1234.5, -3.75, 0.5, 1000000.125},
                column(commas, "amount"), 0);
    }

    @Test
    void corpusHoldsAtLeastThirtyFiles() throws Exception {
        try (Stream<Path> files = Files.list(corpus("empty.csv").getParent())) {
            assertTrue(files.count() >= 30);
        }
    }

    @Test
    void windows1252FileIsNotValidUtf8() throws Exception {
        // guards the premise of the windows-1252 case: detection had something to detect
        byte[] bytes = Files.readAllBytes(corpus("windows-1252.csv"));
        String asUtf8 = new String(bytes, StandardCharsets.UTF_8);

        assertTrue(asUtf8.contains("\uFFFD"));
    }

    @Test
    void sampleOfFirstRowsGivesTheRolesTheImportWould() throws Exception {
        List<ImportReport.ColumnSummary> sample = CsvImporter.sampleColumns(
                corpus("counting-id.csv"), ImportOptions.defaults(), 25);

        assertEquals(List.of(ColumnRole.IGNORE, ColumnRole.NUMERIC, ColumnRole.NUMERIC),
                sample.stream().map(ImportReport.ColumnSummary::role).toList());
    }

    @Test
    void fileWithoutTaskColumnsReadsWhenTasksAreOptional() throws Exception {
        ImportResult result = new CsvImporter().readWithoutTasks(corpus("single-column.csv"),
                ImportOptions.builder().task(TaskDefinition.parse("class:binary:bad")).build());

        assertEquals(List.of(), result.table().tasks());
        assertArrayEquals(new double[] {1, 2, 3}, column(result, "x"), 0);
    }

    @Test
    void lastQuotedCellEndingWithALineBreakIsNotTakenForAnUnclosedQuote(@TempDir Path folder)
            throws Exception {
        Path file = folder.resolve("break.csv");
        Files.writeString(file, "x,default_probability,note\n1,0,a\n2,1,b\n3,0,\"ends\n\"\n",
                StandardCharsets.UTF_8);

        ImportResult result = new CsvImporter().read(file, ImportOptions.defaults());

        assertEquals("ends\n", result.table().category("note", 2));
    }
}
