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

    private static final String LOANS = "funded,repaid,recoveries,fee,term,status\n"
            + "1000,1000,0,0,36,Fully Paid\n"
            + "2000,500,300,30,60,Charged Off\n"
            + "1500,,0,0,36,Current\n"
            + "4000,1000,0,0,60,Charged Off\n";

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
    void inputsOfAComputedTaskAreLeftOutOfTheFeatures() throws Exception {
        ImportResult result = read(ImportOptions.builder()
                .compute(ComputedColumn.parse("loss=funded - repaid - recoveries + fee"))
                .task(TaskDefinition.parse("loss:regression")).build());

        assertEquals(java.util.List.of("term"), result.table().featureNames());
        assertTrue(result.report().warnings().contains("column funded: a task is computed from "
                + "it, so it would give the answer away; ignored (keep it with --keep funded)"),
                result.report().warnings().toString());
    }

    @Test
    void keptInputOfAComputedTaskStaysAFeature() throws Exception {
        ImportResult result = read(ImportOptions.builder()
                .compute(ComputedColumn.parse("loss=funded - repaid - recoveries + fee"))
                .task(TaskDefinition.parse("loss:regression"))
                .keep(java.util.List.of("funded")).build());

        assertEquals(java.util.List.of("funded", "term"), result.table().featureNames());
    }

    @Test
    void computedFeatureWithNoValueIsIgnored() throws Exception {
        ImportResult result = read(ImportOptions.builder()
                .compute(ComputedColumn.parse("z=log(repaid - 5000)"))
                .task(TaskDefinition.parse("status:binary:Charged Off")).build());

        assertTrue(!result.table().featureNames().contains("z"));
        assertTrue(result.report().warnings().contains(
                "computed column z: every value is missing; ignored"),
                result.report().warnings().toString());
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

    @Test
    void syntaxCheckGivesTheReadersReasonForAMissingOperand() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComputedColumn.parse("x=duration +").checkSyntax());

        assertEquals("Invalid number of operands available for '+' operator", e.getMessage());
    }

    @Test
    void syntaxCheckPassesFunctionsNumbersAndADivisionByZeroOfTheOnes() {
        for (String text : new String[] {"r=log(1 + abs(debt)) * 1e3 / income",
            "q=funded / (repaid - repaid)", "s=sqrt(fee) ^ 2 % term"}) {
            ComputedColumn.parse(text).checkSyntax();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComputedColumn.parse("y=(funded - repaid").checkSyntax());
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("parenthes"),
                e.getMessage());
    }
}
