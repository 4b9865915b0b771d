package com.creditmtl.studio.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class FeatureEncoderTest {

    /**
     * Rows 0-19 train: purpose "car" 10 times, "tv" 6, "boat" 2, "yacht" 2; income missing in
     * row 3. Rows 20-21 are new: an unseen purpose and a missing one.
     */
    private static CreditTable table() {
        List<String> purposes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            purposes.add("car");
        }
        for (int i = 0; i < 6; i++) {
            purposes.add("tv");
        }
        purposes.addAll(List.of("boat", "boat", "yacht", "yacht", "plane", ""));
        double[] income = new double[22];
        for (int i = 0; i < income.length; i++) {
            income[i] = 1000 + i;
        }
        income[3] = Double.NaN;
        double[] debt = new double[22];
        Table table = Table.create("t",
                DoubleColumn.create("income", income),
                DoubleColumn.create("debt", debt),
                StringColumn.create("purpose", purposes),
                DoubleColumn.create("default", new double[22]));
        return new CreditTable(null, table, null, List.of("income", "debt"), List.of("purpose"),
                List.of(new TaskSpec("default", TaskType.BINARY, 1)), List.of());
    }

    private static int[] rows(int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return rows;
    }

    @Test
    void frequentTrainingValuesGetColumnsAndRareOnesArePooled() {
        FeatureEncoder encoder = FeatureEncoder.fit(table(), rows(0, 20));

        assertEquals(List.of("income", "income_missing", "debt", "purpose=car", "purpose=tv",
                "purpose=(other)"), encoder.outputNames());
    }

    @Test
    void missingIndicatorMarksTheMissingRowOnly() {
        FeatureEncoder encoder = FeatureEncoder.fit(table(), rows(0, 20));

        double[][] encoded = encoder.transform(table(), new int[] {2, 3});

        assertEquals(0, encoded[0][1], 0);
        assertTrue(Double.isNaN(encoded[1][0]));
        assertEquals(1, encoded[1][1], 0);
    }

    @Test
    void noIndicatorWhenTrainingRowsMissNothing() {
        FeatureEncoder encoder = FeatureEncoder.fit(table(), rows(4, 20));

        assertFalse(encoder.outputNames().contains("income_missing"));
    }

    @Test
    void unseenAndRareValuesGoToTheOtherColumn() {
        FeatureEncoder encoder = FeatureEncoder.fit(table(), rows(0, 20));

        double[][] encoded = encoder.transform(table(), new int[] {0, 16, 20, 21});

        assertArrayEquals(new double[] {1, 0, 0}, slice(encoded[0]), 0);
        assertArrayEquals(new double[] {0, 0, 1}, slice(encoded[1]), 0);
        assertArrayEquals(new double[] {0, 0, 1}, slice(encoded[2]), 0);
        assertArrayEquals(new double[] {0, 0, 1}, slice(encoded[3]), 0);
    }

    @Test
    void levelsComeFromTrainingRowsOnly() {
        // in rows 4-19 "car" is seen 6 times, "tv" 6, "boat" and "yacht" 2 each
        FeatureEncoder encoder = FeatureEncoder.fit(table(), rows(4, 20));

        assertEquals(List.of("car", "tv"), encoder.levels("purpose"));
    }

    @Test
    void encoderReadBackFromJsonEncodesAlike() {
        FeatureEncoder encoder = FeatureEncoder.fit(table(), rows(0, 20));

        FeatureEncoder back = FeatureEncoder.fromJson(encoder.toJson());

        assertEquals(encoder.outputNames(), back.outputNames());
        assertEquals(List.of("car", "tv"), back.levels("purpose"));
        double[][] expected = encoder.transform(table(), rows(0, 22));
        double[][] actual = back.transform(table(), rows(0, 22));
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], actual[r], 0, "row " + r);
        }
    }

    @Test
    void jsonWhoseColumnsDoNotFollowIsRefused() {
        var json = FeatureEncoder.fit(table(), rows(0, 20)).toJson();
        ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("columns")).remove(1);

        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> FeatureEncoder.fromJson(json));
        assertTrue(e.getMessage().contains("do not follow"), e.getMessage());
    }

    private static double[] slice(double[] row) {
        return new double[] {row[3], row[4], row[5]};
    }

    @Test
    void applicantValuesEncodeLikeTheirTableRow() {
        CreditTable table = table();
        FeatureEncoder encoder = FeatureEncoder.fit(table, rows(0, 20));

        for (int row : new int[] {0, 3, 16, 20, 21}) {
            double[] expected = encoder.transform(table, new int[] {row})[0];
            assertArrayEquals(expected, encoder.encode(encoder.applicant(table, row)),
                    "row " + row);
        }
        assertArrayEquals(encoder.transform(table, new int[] {3})[0],
                encoder.encode(Map.of("income", " ", "debt", "0", "purpose", "car")));
    }

    @Test
    void everyEncodedColumnKnowsItsSourceColumn() {
        FeatureEncoder encoder = FeatureEncoder.fit(table(), rows(0, 20));

        assertEquals(List.of("income", "debt", "purpose"), encoder.sourceColumns());
        assertEquals(List.of("income", "income_missing", "debt", "purpose=car", "purpose=tv",
                "purpose=(other)"), encoder.outputNames());
        assertArrayEquals(new int[] {0, 0, 1, 2, 2, 2}, encoder.sourceIndex());
        assertEquals(2, encoder.encodedIndex("debt"));
        assertEquals("car", encoder.mostFrequent("purpose"));
    }

    @Test
    void twentyDistinctTrainingValuesAreTheThresholdOfALogCopy() {
        // rows 0-19 hold 19 distinct incomes (row 3 is missing), rows 0-20 hold 20
        assertEquals(20, FeatureEncoder.LOG_COPY_MIN_DISTINCT);
        FeatureEncoder nineteen = FeatureEncoder.fit(table(), rows(0, 20));
        FeatureEncoder twenty = FeatureEncoder.fit(table(), rows(0, 21));

        assertFalse(nineteen.hasLogCopy("income"));
        assertTrue(twenty.hasLogCopy("income"));
        assertEquals(List.of("income", "income_log", "income_missing", "debt"),
                twenty.outputNames().subList(0, 4));
        assertFalse(twenty.hasLogCopy("debt"));
    }

    /**
     * Rows 0-24 train: balance -600, -500, ..., 1800 (25 distinct values, one negative in six);
     * rows 25-26 are new: a missing balance and 1,000,000. Grade takes 5 values.
     */
    private static CreditTable amounts() {
        double[] balance = new double[27];
        double[] grade = new double[27];
        for (int i = 0; i < 25; i++) {
            balance[i] = 100 * i - 600;
            grade[i] = i % 5;
        }
        balance[25] = Double.NaN;
        balance[26] = 1_000_000;
        grade[3] = Double.NaN;
        Table table = Table.create("t",
                DoubleColumn.create("balance", balance),
                DoubleColumn.create("grade", grade),
                StringColumn.create("purpose", java.util.Collections.nCopies(27, "car")),
                DoubleColumn.create("default", new double[27]));
        return new CreditTable(null, table, null, List.of("balance", "grade"),
                List.of("purpose"), List.of(new TaskSpec("default", TaskType.BINARY, 1)),
                List.of());
    }

    @Test
    void manyValuedColumnGetsItsSignedLogBesideTheValue() {
        CreditTable table = amounts();
        FeatureEncoder encoder = FeatureEncoder.fit(table, rows(0, 25));

        assertEquals(List.of("balance", "balance_log", "grade", "grade_missing",
                "purpose=car"), encoder.outputNames());
        double[][] encoded = encoder.transform(table, new int[] {0, 6, 7, 24, 25, 26});
        assertArrayEquals(new double[] {-600, -Math.log(601), 0, 0, 1}, encoded[0], 1e-12);
        // zero and its log are both zero; a positive amount's log is log(1 + x)
        assertEquals(0, encoded[1][1], 0);
        assertEquals(Math.log(101), encoded[2][1], 1e-12);
        assertEquals(Math.log(1801), encoded[3][1], 1e-12);
        assertTrue(Double.isNaN(encoded[4][0]));
        assertTrue(Double.isNaN(encoded[4][1]), "a missing value has a missing copy");
        assertEquals(Math.log1p(1_000_000), encoded[5][1], 1e-12);
        assertEquals(-Math.log(601), FeatureEncoder.signedLog(-600), 1e-12);
        assertTrue(Double.isNaN(FeatureEncoder.signedLog(Double.NaN)));
    }

    @Test
    void copiesCanBeTurnedOff() {
        FeatureEncoder encoder = FeatureEncoder.fit(amounts(), rows(0, 25), false);

        assertFalse(encoder.hasLogCopy("balance"));
        assertEquals(List.of("balance", "grade", "grade_missing", "purpose=car"),
                encoder.outputNames());
    }

    @Test
    void theCopyBelongsToItsFeatureAndTheValueKeepsItsIndex() {
        FeatureEncoder encoder = FeatureEncoder.fit(amounts(), rows(0, 25));

        assertArrayEquals(new int[] {0, 0, 1, 1, 2}, encoder.sourceIndex());
        assertEquals(0, encoder.encodedIndex("balance"));
        assertEquals(2, encoder.encodedIndex("grade"));
    }

    @Test
    void applicantValuesGetTheirCopyAsInTheTable() {
        CreditTable table = amounts();
        FeatureEncoder encoder = FeatureEncoder.fit(table, rows(0, 25));

        for (int row : new int[] {0, 3, 12, 25, 26}) {
            assertArrayEquals(encoder.transform(table, new int[] {row})[0],
                    encoder.encode(encoder.applicant(table, row)), "row " + row);
        }
        assertArrayEquals(new double[] {-250.5, -Math.log(251.5), 2, 0, 1},
                encoder.encode(Map.of("balance", "-250.5", "grade", 2, "purpose", "car")),
                1e-12);
    }

    @Test
    void logCopiesAreSavedAndReadBack() {
        CreditTable table = amounts();
        FeatureEncoder encoder = FeatureEncoder.fit(table, rows(0, 25));

        ObjectNode json = encoder.toJson();
        FeatureEncoder back = FeatureEncoder.fromJson(json);

        assertTrue(json.get("numeric").get(0).get("log_copy").asBoolean());
        assertFalse(json.get("numeric").get(1).get("log_copy").asBoolean());
        assertEquals(encoder.outputNames(), back.outputNames());
        assertArrayEquals(encoder.sourceIndex(), back.sourceIndex());
        double[][] expected = encoder.transform(table, rows(0, 27));
        double[][] actual = back.transform(table, rows(0, 27));
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], actual[r], 0, "row " + r);
        }
    }

    @Test
    void encoderSavedBeforeLogCopiesLoadsWithoutThem() throws Exception {
        // as a study file written before log copies holds it
        JsonNode old = new ObjectMapper().readTree("""
                {"numeric":[{"name":"balance","missing_indicator":false},
                            {"name":"grade","missing_indicator":true}],
                 "categorical":[{"name":"purpose","levels":["car"],"other":false}],
                 "columns":["balance","grade","grade_missing","purpose=car"]}
                """);
        CreditTable table = amounts();

        FeatureEncoder encoder = FeatureEncoder.fromJson(old);

        assertFalse(encoder.hasLogCopy("balance"));
        assertEquals(List.of("balance", "grade", "grade_missing", "purpose=car"),
                encoder.outputNames());
        double[][] encoded = encoder.transform(table, rows(0, 27));
        double[][] withoutCopies = FeatureEncoder.fit(table, rows(0, 25), false)
                .transform(table, rows(0, 27));
        for (int r = 0; r < encoded.length; r++) {
            assertArrayEquals(withoutCopies[r], encoded[r], 0, "row " + r);
        }
        assertEquals(-600, encoded[0][0], 0);
    }
}
