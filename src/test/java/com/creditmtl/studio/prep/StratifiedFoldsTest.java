package com.creditmtl.studio.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedFoldsTest {

    private static final int ROWS = 1_003;
    private static final double[] LABELS = new double[ROWS];

    static {
        Random random = new Random(3);
        for (int i = 0; i < ROWS; i++) {
            double u = random.nextDouble();
            LABELS[i] = u < 0.05 ? Double.NaN : u < 0.27 ? 1 : 0;
        }
    }

    @Test
    void everyFoldHoldsItsShareOfPositivesToWithinOneRow() {
        StratifiedFolds folds = new StratifiedFolds(ROWS, LABELS, 5, 0.1, 42);
        long positives = Arrays.stream(LABELS).filter(v -> v == 1).count();

        for (int k = 0; k < 5; k++) {
            long inFold = Arrays.stream(folds.fold(k)).filter(r -> LABELS[r] == 1).count();
            assertTrue(Math.abs(inFold - positives / 5.0) <= 1,
                    "fold " + k + ": " + inFold + " of " + positives);
        }
    }

    @Test
    void foldsCoverEveryRowOnce() {
        StratifiedFolds folds = new StratifiedFolds(ROWS, LABELS, 4, 0.1, 42);

        int[] all = IntStream.range(0, 4).flatMap(k -> Arrays.stream(folds.fold(k))).sorted()
                .toArray();

        assertArrayEquals(IntStream.range(0, ROWS).toArray(), all);
    }

    @Test
    void splitTestsOnTheFoldAndKeepsTheValidationShareOfTheRest() {
        StratifiedFolds folds = new StratifiedFolds(ROWS, LABELS, 5, 0.1, 42);

        Split split = folds.split(2);

        assertArrayEquals(folds.fold(2), split.test());
        assertEquals(ROWS, split.total());
        int rest = ROWS - split.test().length;
        assertEquals(0.1 * rest, split.validation().length, 2);
        boolean[] seen = new boolean[ROWS];
        IntStream.of(split.train()).forEach(r -> seen[r] = true);
        IntStream.of(split.validation()).forEach(r -> assertTrue(!seen[r]));
    }

    @Test
    void sameSeedGivesTheSameFolds() {
        assertArrayEquals(new StratifiedFolds(ROWS, LABELS, 5, 0.1, 9).fold(1),
                new StratifiedFolds(ROWS, LABELS, 5, 0.1, 9).fold(1));
    }

    @Test
    void oneFoldIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new StratifiedFolds(ROWS, LABELS, 1, 0.1, 42));
    }
}
