package com.creditmtl.studio.data;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComputedColumnTest {

    private static final String LOANS = "funded,repaid,recoveries,fee,status\n"
            + "1000,1000,0,0,Fully Paid\n"
            + "2000,500,300,30,Charged Off\n"
            + "1500,,0,0,Current\n"
            + "4000,1000,0,0,Charged Off\n";

    @TempDir
    Path folder;

    private ImportResult read(ImportOptions options) throws Exception {
        Path file = folder.resolve("loans.csv");
        Files.writeString(file, LOANS, UTF_8);
        return new CsvImporter().read(file, options);
    }

    @Test
    void lossRegressionIsComputedAndMaskedOutsideItsCondition() throws Exception {
        ImportResult result = read(ImportOptions.builder()
                .compute(ComputedColumn.parse("loss=funded - repaid - recoveries + fee"))
                .task(TaskDefinition.parse("status:binary:Charged Off:Fully Paid"))
                .task(TaskDefinition.parse("loss:regression:status=Charged Off"))
                .build());

        double[] loss = result.table().target("loss", result.table().allRows());
        assertTrue(Double.isNaN(loss[0]) && Double.isNaN(loss[2]));
        assertEquals(1230, loss[1], 0);
        assertEquals(3000, loss[3], 0);
    }

    @Test
    void binaryTaskMasksValuesInNeitherList() throws Exception {
        ImportResult result = read(ImportOptions.builder()
                .task(TaskDefinition.parse("status:binary:Charged Off:Fully Paid")).build());

        double[] labels = result.table().target("status", result.table().allRows());
        assertArrayEquals(new double[] {0, 1, Double.NaN, 1}, labels, 0);
    }

    @Test
    void computedColumnNotUsedAsTaskIsANumericFeature() throws Exception {
        ImportResult result = read(ImportOptions.builder()
                .compute(ComputedColumn.parse("share=repaid / funded"))
                .task(TaskDefinition.parse("status:binary:Charged Off")).build());

        assertTrue(result.table().featureNames().contains("share"));
        assertEquals(0.25, result.table().table().doubleColumn("share").get(1), 1e-12);
    }

    @Test
    void unknownColumnInExpressionNamesTheComputedColumn() {
        ImportException error = assertThrows(ImportException.class, () -> read(
                ImportOptions.builder()
                        .compute(ComputedColumn.parse("loss=funded - nothing"))
                        .task(TaskDefinition.parse("status:binary:Charged Off")).build()));

        assertTrue(error.getMessage().startsWith("loans.csv: computed column loss: "),
                error.getMessage());
    }
}
