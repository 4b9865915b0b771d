package com.creditmtl.studio.prep;

import com.creditmtl.studio.data.RefusedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Splits rows into training, validation and test parts, stratified on a binary label so that
 * each part keeps the table's share of positives, and of rows whose label is masked (NaN), which
 * form a third group. The same seed gives the same split.
 *
 * <p>The test part takes {@code testFraction} of each class; validation takes
 * {@code validationFraction} of what remains; both are rounded to the nearest row per class.
 */
public final class Splitter {

    private final double testFraction;
    private final double validationFraction;
    private final long seed;

    public Splitter(double testFraction, double validationFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new RefusedException("settings.testFraction",
                    "test fraction must lie in (0, 1): " + testFraction,
                    String.valueOf(testFraction));
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new RefusedException("settings.validationFraction",
                    "validation fraction must lie in (0, 1): " + validationFraction,
                    String.valueOf(validationFraction));
        }
        this.testFraction = testFraction;
        this.validationFraction = validationFraction;
        this.seed = seed;
    }

    /**
     * @param rowCount rows in the table
     * @param strata a 0/1 label per row to stratify on, NaN where masked, or null for a plain
     *     random split
     */
    public Split split(int rowCount, double[] strata) {
        List<List<Integer>> groups = new ArrayList<>();
        if (strata == null) {
            groups.add(range(0, rowCount));
        } else {
            List<Integer> negatives = new ArrayList<>();
            List<Integer> positives = new ArrayList<>();
            List<Integer> masked = new ArrayList<>();
            for (int row = 0; row < rowCount; row++) {
                double label = strata[row];
                (Double.isNaN(label) ? masked : label == 1 ? positives : negatives).add(row);
            }
            groups.add(negatives);
            groups.add(positives);
            groups.add(masked);
        }

        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> group : groups) {
            Collections.shuffle(group, random);
            int testCount = (int) Math.round(group.size() * testFraction);
            int validationCount = (int) Math.round((group.size() - testCount) * validationFraction);
            test.addAll(group.subList(0, testCount));
            validation.addAll(group.subList(testCount, testCount + validationCount));
            train.addAll(group.subList(testCount + validationCount, group.size()));
        }

        if (train.isEmpty() || validation.isEmpty() || test.isEmpty()) {
            throw new RefusedException("settings.tooFewRows", "too few rows (" + rowCount
                    + ") for a training, validation and test part", rowCount);
        }
        return new Split(sorted(train), sorted(validation), sorted(test));
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> rows = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            rows.add(i);
        }
        return rows;
    }

    private static int[] sorted(List<Integer> rows) {
        int[] array = rows.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(array);
        return array;
    }
}
