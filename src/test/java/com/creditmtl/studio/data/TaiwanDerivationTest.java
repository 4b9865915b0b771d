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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

class TaiwanDerivationTest {

    private static final Path SHIPPED_RAW = Path.of("assets/data/UCI_Credit_Card.csv");
    private static final Path SHIPPED_TABLE = Path.of("assets/data/taiwan-credit-mtl.csv");

    private static final String RAW_HEADER = "\"ID\",\"LIMIT_BAL\",\"SEX\",\"EDUCATION\","
            + "\"MARRIAGE\",\"AGE\",\"PAY_0\",\"PAY_2\",\"PAY_3\",\"PAY_4\",\"PAY_5\",\"PAY_6\","
            + "\"BILL_AMT1\",\"BILL_AMT2\",\"BILL_AMT3\",\"BILL_AMT4\",\"BILL_AMT5\",\"BILL_AMT6\","
            + "\"PAY_AMT1\",\"PAY_AMT2\",\"PAY_AMT3\",\"PAY_AMT4\",\"PAY_AMT5\",\"PAY_AMT6\","
            + "\"default.payment.next.month\"\n";

    private static final String OUTPUT_HEADER = "ID,LIMIT_BAL,SEX,EDUCATION,MARRIAGE,AGE,"
            + "PAY_2,PAY_3,PAY_4,PAY_5,PAY_6,BILL_AMT2,BILL_AMT3,BILL_AMT4,BILL_AMT5,BILL_AMT6,"
            + "PAY_AMT2,PAY_AMT3,PAY_AMT4,PAY_AMT5,PAY_AMT6,"
            + "default_probability,overdue_days,overdue_amount\n";

    @TempDir
    Path folder;

    @Test
    void deriveShippedRawFileReproducesShippedTable() throws IOException {
        Path out = folder.resolve("derived.csv");

        TaiwanDerivation.derive(SHIPPED_RAW, out);

        assertArrayEquals(Files.readAllBytes(SHIPPED_TABLE), Files.readAllBytes(out),
                "the derivation no longer reproduces " + SHIPPED_TABLE);
    }

    @Test
    void shippedTableHasAllClientsAndTheExpectedColumnsInOrder() throws IOException {
        Table table = readShippedTable();

        assertEquals(30_000, table.rowCount());
        List<String> expected = Stream.of(
                        Stream.of("ID"), TaiwanDerivation.FEATURES.stream(),
                        TaiwanDerivation.TARGETS.stream())
                .flatMap(s -> s)
                .toList();
        assertEquals(24, expected.size());
        assertEquals(expected, table.columnNames());
        assertEquals(OUTPUT_HEADER, Files.readAllLines(SHIPPED_TABLE, UTF_8).get(0) + "\n");
    }

    @Test
    void shippedTableHasDefaultRateOf22Point12Percent() throws IOException {
        Table table = readShippedTable();

        int defaults = table.doubleColumn("default_probability").isEqualTo(1).size();

        assertEquals(6_636, defaults);
        assertEquals(0.2212, defaults / (double) table.rowCount(), 1e-12);
    }

    @Test
    void handMadeRowsGiveHandComputedTargets() throws IOException {
        Path raw = write("hand.csv", RAW_HEADER
                // late 2 months in September; August bill 10000, September payment 2500
                + "1,50000,1,2,1,30,2,2,0,0,0,0,"
                + "12000,10000,9000,8000,7000,6000,2500,1000,1000,1000,1000,1000,1\n"
                // paid on time in September, so nothing counts as overdue
                + "2,80000,2,1,2,41,0,0,0,0,0,0,"
                + "6000,5000,4000,3000,2000,1000,100,200,300,400,500,600,0\n"
                // paid in full (-1) in September; limit written in scientific notation
                + "3,1e+05,2,3,2,25,-1,-1,-1,-2,-2,-2,"
                + "300,300,0,0,0,0,0,300,0,0,0,0,1\n");
        Path out = folder.resolve("hand-mtl.csv");

        TaiwanDerivation.derive(raw, out);

        assertEquals(OUTPUT_HEADER
                        + "1,50000,1,2,1,30,2,0,0,0,0,10000,9000,8000,7000,6000,"
                        + "1000,1000,1000,1000,1000,1,60,7500\n"
                        + "2,80000,2,1,2,41,0,0,0,0,0,5000,4000,3000,2000,1000,"
                        + "200,300,400,500,600,0,0,0\n"
                        + "3,100000,2,3,2,25,-1,-1,-2,-2,-2,300,0,0,0,0,"
                        + "300,0,0,0,0,1,0,0\n",
                Files.readString(out, UTF_8));
    }

    @Test
    void rawFileWithoutPay0IsRejectedNamingFileAndColumn() throws IOException {
        String header = RAW_HEADER.replace("\"PAY_0\",", "");
        Path raw = write("no-pay0.csv", header
                + "1,50000,1,2,1,30,2,0,0,0,0,"
                + "12000,10000,9000,8000,7000,6000,2500,1000,1000,1000,1000,1000,1\n");
        Path out = folder.resolve("never.csv");

        IOException error = assertThrows(IOException.class,
                () -> TaiwanDerivation.derive(raw, out));

        assertTrue(error.getMessage().contains("no-pay0.csv"), error.getMessage());
        assertTrue(error.getMessage().contains("PAY_0"), error.getMessage());
        assertFalse(Files.exists(out), "a failed derivation must not leave an output file");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(raw), files.toList(), "no temporary file may be left behind");
        }
    }

    @Test
    void unparsableCellIsRejectedNamingFileRowAndColumn() throws IOException {
        Path raw = write("bad-cell.csv", RAW_HEADER
                + "1,50000,1,2,1,30,2,2,0,0,0,0,"
                + "12000,10000,9000,8000,7000,6000,2500,1000,1000,1000,1000,1000,1\n"
                + "2,80000,2,1,2,41,0,0,0,0,0,0,"
                + "6000,5000,4000,3000,2000,1000,100,200,300,n/a,500,600,0\n");

        IOException error = assertThrows(IOException.class,
                () -> TaiwanDerivation.derive(raw, folder.resolve("never.csv")));

        assertEquals("bad-cell.csv, data row 2, column PAY_AMT4: 'n/a' is not a number",
                error.getMessage());
    }

    @Test
    void numbersAreWrittenLikePythonReprWithoutTrailingPointZero() {
        // Expected strings come from Python 3: repr(x).removesuffix(".0").
        assertEquals("100000", TaiwanDerivation.pythonRepr(1e5));
        assertEquals("10000000", TaiwanDerivation.pythonRepr(1e7));
        assertEquals("1234567890123456", TaiwanDerivation.pythonRepr(1234567890123456.0));
        assertEquals("1e+16", TaiwanDerivation.pythonRepr(1e16));
        assertEquals("0.0001", TaiwanDerivation.pythonRepr(0.0001));
        assertEquals("1e-05", TaiwanDerivation.pythonRepr(0.00001));
        assertEquals("0.30000000000000004", TaiwanDerivation.pythonRepr(0.1 + 0.2));
        assertEquals("-2.5", TaiwanDerivation.pythonRepr(-2.5));
        assertEquals("-0", TaiwanDerivation.pythonRepr(-0.0));
        assertEquals("5e-324", TaiwanDerivation.pythonRepr(Double.MIN_VALUE));
        // Java 17 prints 2^60 as 1.15292150460684698E18, one digit longer than needed.
        assertEquals("1.152921504606847e+18", TaiwanDerivation.pythonRepr(0x1p60));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, UTF_8);
    }

    private static Table readShippedTable() throws IOException {
        CsvReadOptions options = CsvReadOptions.builder(SHIPPED_TABLE.toFile())
                .columnTypes(column -> column.equals("ID") ? ColumnType.STRING : ColumnType.DOUBLE)
                .build();
        return Table.read().usingOptions(options);
    }
}
