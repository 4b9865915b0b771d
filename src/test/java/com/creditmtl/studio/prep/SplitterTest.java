package com.creditmtl.studio.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SplitterTest {

    private static final int ROWS = 10_000;
    private static final double POSITIVE_SHARE = 0.22;

    /** 10,000 rows, 2,200 positives (22 %), spread through the file. */
    private static double[] labels(int rows, int positives) {
        double[] labels = new double[rows];
        // every k-th row is positive until the wanted count is reached; order is irrelevant
        for (int i = 0, placed = 0; placed < positives; i += rows / positives, placed++) {
            labels[i] = 1;
        }
        assertEquals(positives, (int) Arrays.stream(labels).sum());
        return labels;
    }

    private static double positiveShare(int[] rows, double[] labels) {
        return Arrays.stream(rows).mapToDouble(r -> labels[r]).sum() / rows.length;
    }

    @Test
    void splitOfTenThousandRowsGivesTwentyPercentTestAndTenPercentOfRestValidation() {
        Split split = new Splitter(0.2, 0.1, 42).split(ROWS, labels(ROWS, 2_200));

        // negatives 7,800: test round(1,560.0) = 1,560, validation round(6,240 * 0.1) = 624
        // positives 2,200: test round(440.0) = 440, validation round(1,760 * 0.1) = 176
        assertEquals(2_000, split.test().length);
        assertEquals(800, split.validation().length);
        assertEquals(7_200, split.train().length);
        assertEquals(ROWS, split.total());
    }

    @ParameterizedTest(name = "{0} rows, {1} positives -> test {2}, validation {3}")
    @CsvSource({
            // negatives 778: test round(155.6)=156, val round(62.2)=62;
            // positives 223: test round(44.6)=45, val round(17.8)=18
            "1001, 223, 201, 80",
            // negatives 90: test 18, val round(7.2)=7; positives 10: test 2, val round(0.8)=1
            "100, 10, 20, 8",
            // negatives 33: test round(6.6)=7, val round(2.6)=3; positives 17: test round(3.4)=3,
            // val round(1.4)=1
            "50, 17, 10, 4"
    })
    void partSizesFollowPerClassRounding(int rows, int positives, int test, int validation) {
        Split split = new Splitter(0.2, 0.1, 7).split(rows, labels(rows, positives));

        assertEquals(test, split.test().length);
        assertEquals(validation, split.validation().length);
        assertEquals(rows - test - validation, split.train().length);
    }

    @Test
    void splitKeepsPositiveShareInEveryPart() {
        double[] labels = labels(ROWS, 2_200);
        Split split = new Splitter(0.2, 0.1, 42).split(ROWS, labels);

        assertEquals(POSITIVE_SHARE, positiveShare(split.train(), labels), 0.005);
        assertEquals(POSITIVE_SHARE, positiveShare(split.validation(), labels), 0.005);
        assertEquals(POSITIVE_SHARE, positiveShare(split.test(), labels), 0.005);
    }

    @Test
    void partsAreDisjointAndCoverEveryRow() {
        Split split = new Splitter(0.2, 0.1, 42).split(ROWS, labels(ROWS, 2_200));

        BitSet seen = new BitSet(ROWS);
        int count = 0;
        for (int[] part : new int[][] {split.train(), split.validation(), split.test()}) {
            for (int row : part) {
                assertTrue(row >= 0 && row < ROWS, "row out of range: " + row);
                assertFalse(seen.get(row), "row " + row + " is in two parts");
                seen.set(row);
                count++;
            }
        }
        assertEquals(ROWS, count);
        assertEquals(ROWS, seen.cardinality());
    }

    @Test
    void eachPartIsInFileOrder() {
        Split split = new Splitter(0.2, 0.1, 42).split(ROWS, labels(ROWS, 2_200));

        for (int[] part : new int[][] {split.train(), split.validation(), split.test()}) {
            int[] sorted = part.clone();
            Arrays.sort(sorted);
            assertArrayEquals(sorted, part);
        }
    }

    @Test
    void sameSeedGivesSameSplit() {
        double[] labels = labels(ROWS, 2_200);

        Split first = new Splitter(0.2, 0.1, 42).split(ROWS, labels);
        Split second = new Splitter(0.2, 0.1, 42).split(ROWS, labels);

        assertArrayEquals(first.train(), second.train());
        assertArrayEquals(first.validation(), second.validation());
        assertArrayEquals(first.test(), second.test());
    }

    @Test
    void otherSeedGivesDifferentSplit() {
        double[] labels = labels(ROWS, 2_200);

        Split first = new Splitter(0.2, 0.1, 42).split(ROWS, labels);
        Split other = new Splitter(0.2, 0.1, 43).split(ROWS, labels);

        assertEquals(first.test().length, other.test().length);
        assertFalse(Arrays.equals(first.test(), other.test()));
        assertFalse(Arrays.equals(first.validation(), other.validation()));
    }

    @Test
    void unstratifiedSplitUsesSameFractions() {
        Split split = new Splitter(0.2, 0.1, 42).split(ROWS, null);

        assertEquals(2_000, split.test().length);
        assertEquals(800, split.validation().length);
        assertEquals(7_200, split.train().length);
    }

    @ParameterizedTest(name = "{0} rows")
    @CsvSource({"0", "1", "3", "4"})
    void tooFewRowsThrowIllegalArgumentException(int rows) {
        Splitter splitter = new Splitter(0.2, 0.1, 42);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> splitter.split(rows, null));
        assertTrue(error.getMessage().contains("too few rows"), error.getMessage());
    }

    @Test
    void tooFewRowsPerClassThrowIllegalArgumentException() {
        // 5 rows, 2 positives: negatives 3 -> test 1, validation round(0.2) = 0; positives 2 ->
        // test 0, validation 0; the validation part would be empty
        double[] labels = {0, 1, 0, 1, 0};

        assertThrows(IllegalArgumentException.class,
                () -> new Splitter(0.2, 0.1, 42).split(labels.length, labels));
    }

    @ParameterizedTest(name = "test {0}, validation {1}")
    @CsvSource({"0, 0.1", "1, 0.1", "-0.2, 0.1", "0.2, 0", "0.2, 1", "NaN, 0.1", "0.2, NaN"})
    void fractionsOutsideOpenUnitIntervalAreRejected(double test, double validation) {
        assertThrows(IllegalArgumentException.class, () -> new Splitter(test, validation, 1));
    }

    @Test
    void maskedLabelsFormTheirOwnStratum() {
        double[] labels = new double[1000];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = r < 500 ? Double.NaN : r % 5 == 0 ? 1 : 0;
        }

        Split split = new Splitter(0.2, 0.1, 42).split(labels.length, labels);

        long maskedInTest = Arrays.stream(split.test())
                .filter(r -> Double.isNaN(labels[r])).count();
        long positivesInTest = Arrays.stream(split.test())
                .filter(r -> labels[r] == 1).count();
        assertEquals(100, maskedInTest);
        assertEquals(20, positivesInTest);
    }
}
