package com.creditmtl.studio.data;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CsvImporter#readFeatures}: new applicants read with a study's features and spec. */
class FeatureImportTest {

    private static final List<String> NUMERIC = List.of("income", "ratio");
    private static final List<String> CATEGORICAL = List.of("region");

    @TempDir
    Path folder;

    /** The spec a training run of "loans" resolved: semicolons, decimal commas, a sentinel. */
    private static ImportOptions spec() {
        return ImportOptions.builder().delimiter(';').encoding("UTF-8").decimalComma(true)
                .idColumn("loan").sentinels("income", List.of(999999.0))
                .compute(ComputedColumn.parse("ratio=debt / income"))
                .task(TaskDefinition.binary("status", List.of("bad"), List.of("good")))
                .exclude(List.of("notes"))
                .build();
    }

    private Path write(String content) throws Exception {
        Path file = folder.resolve("new.csv");
        Files.writeString(file, content, UTF_8);
        return file;
    }

    @Test
    void oneRowKeepsEveryFeatureWithItsTrainingRole() throws Exception {
        Path file = write("loan;income;debt;region\nL1;1000,5;250;07\n");

        CreditTable table = new CsvImporter().readFeatures(file, spec(), NUMERIC, CATEGORICAL)
                .table();

        // debt only feeds the computed ratio: not a feature of the study, so not one here
        assertEquals(List.of("income", "ratio"), table.featureNames());
        assertEquals(List.of("region"), table.categoricalNames());
        assertEquals(1000.5, table.table().doubleColumn("income").getDouble(0), 0);
        assertEquals(250 / 1000.5, table.table().doubleColumn("ratio").getDouble(0), 1e-12);
        assertEquals("07", table.category("region", 0));
        assertEquals("L1", table.id(0));
        assertEquals(List.of(), table.tasks());
    }

    @Test
    void taskAndExtraColumnsAreIgnoredWhateverTheyHold() throws Exception {
        Path file = write("loan;status;income;debt;region;comment\n"
                + "L1;unknown;1000;250;north;=cmd\nL2;;999999;10;south;x\n");

        CreditTable table = new CsvImporter().readFeatures(file, spec(), NUMERIC, CATEGORICAL)
                .table();

        assertEquals(List.of(), table.tasks());
        assertTrue(Double.isNaN(table.table().doubleColumn("income").getDouble(1)),
                "the sentinel of the spec marks a missing income");
        assertTrue(table.ignoredColumns().containsAll(List.of("status", "comment")));
    }

    @Test
    void missingFeatureColumnIsNamedWithTheFile() throws Exception {
        Path file = write("loan;income;debt\nL1;1000;250\n");

        ImportException e = assertThrows(ImportException.class,
                () -> new CsvImporter().readFeatures(file, spec(), NUMERIC, CATEGORICAL));

        assertTrue(e.getMessage().startsWith("new.csv: no column region, a feature of the "
                + "study"), e.getMessage());
    }

    @Test
    void fileWithAnotherDelimiterGetsAHint() throws Exception {
        Path file = write("loan,income,debt,region\nL1,1000,250,north\n");

        ImportException e = assertThrows(ImportException.class,
                () -> new CsvImporter().readFeatures(file, spec(), NUMERIC, CATEGORICAL));

        assertTrue(e.getMessage().contains("no column income")
                && e.getMessage().contains("split by ';'"), e.getMessage());
    }

    @Test
    void textInANumericFeatureNamesRowAndColumn() throws Exception {
        Path file = write("loan;income;debt;region\nL1;1000;250;north\nL2;lots;3;south\n");

        ImportException e = assertThrows(ImportException.class,
                () -> new CsvImporter().readFeatures(file, spec(), NUMERIC, CATEGORICAL));

        assertTrue(e.getMessage().contains("new.csv") && e.getMessage().contains("income")
                && e.getMessage().contains("row 2, column income: 'lots' is not a number"),
                e.getMessage());
    }

    @Test
    void textInAPlainNumericFeatureNamesRowAndColumn() throws Exception {
        ImportOptions plain = spec().toBuilder().computed(List.of()).build();
        Path file = write("loan;income;region\nL1;1000;north\nL2;lots;south\n");

        ImportException e = assertThrows(ImportException.class,
                () -> new CsvImporter().readFeatures(file, plain, List.of("income"),
                        CATEGORICAL));

        assertTrue(e.getMessage().contains("new.csv") && e.getMessage().contains("income")
                && e.getMessage().contains("row 2, column income: 'lots' is not a number"),
                e.getMessage());
    }
}
