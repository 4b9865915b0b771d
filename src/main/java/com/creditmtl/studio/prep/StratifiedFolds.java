package com.creditmtl.studio.prep;

import com.creditmtl.studio.data.RefusedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Splits rows into K folds for cross-validation, stratified on a binary label: positives,
 * negatives and rows whose label is masked (NaN) are each shuffled and dealt to the folds in
 * turn, so every fold holds its share of each to within one row. Fold k's split tests on fold k
 * and trains on the others, keeping {@code validationFraction} of each group of those for
 * validation. The same seed gives the same folds.
 */
public final class StratifiedFolds {

    private final int[][] folds;
    private final double[] strata;
    private final double validationFraction;
    private final long seed;

    /**
     * @param strata a 0/1 label per row, NaN where masked, or null for plain random folds
     */
    public StratifiedFolds(int rowCount, double[] strata, int k, double validationFraction,
            long seed) {
        if (k < 2) {
            throw new RefusedException("folds.tooFew", "at least 2 folds are needed, not " + k,
                    k);
        }
        if (k > rowCount) {
            throw new RefusedException("folds.moreThanRows", "more folds (" + k
                    + ") than rows (" + rowCount + ")", k, rowCount);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new RefusedException("settings.validationFraction",
                    "validation fraction must lie in (0, 1): " + validationFraction,
                    String.valueOf(validationFraction));
        }
        this.strata = strata;
        this.validationFraction = validationFraction;
        this.seed = seed;

        List<List<Integer>> dealt = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            dealt.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        int next = 0;
        for (List<Integer> group : groups(rowCount, null)) {
            Collections.shuffle(group, random);
            for (int row : group) {
                dealt.get(next).add(row);
                next = (next + 1) % k;
            }
        }
        folds = new int[k][];
        for (int f = 0; f < k; f++) {
            folds[f] = sorted(dealt.get(f));
        }
    }

    public int count() {
        return folds.length;
    }

    /** Row numbers of fold {@code k}, ascending. */
    public int[] fold(int k) {
        return folds[k].clone();
    }

    /** Fold k as a test part; the other folds give the training and validation parts. */
    public Split split(int k) {
        boolean[] inFold = new boolean[strata == null ? total() : strata.length];
        for (int row : folds[k]) {
            inFold[row] = true;
        }
        Random random = new Random(seed + 1 + k);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (List<Integer> group : groups(inFold.length, inFold)) {
            Collections.shuffle(group, random);
            int validationCount = (int) Math.round(group.size() * validationFraction);
            validation.addAll(group.subList(0, validationCount));
            train.addAll(group.subList(validationCount, group.size()));
        }
        if (train.isEmpty() || validation.isEmpty()) {
            throw new RefusedException("folds.tooFewRows", "too few rows for a training and "
                    + "validation part outside fold " + (k + 1), k + 1);
        }
        return new Split(sorted(train), sorted(validation), folds[k].clone());
    }

    private int total() {
        int rows = 0;
        for (int[] fold : folds) {
            rows += fold.length;
        }
        return rows;
    }

    private List<List<Integer>> groups(int rowCount, boolean[] leftOut) {
        List<Integer> negatives = new ArrayList<>();
        List<Integer> positives = new ArrayList<>();
        List<Integer> masked = new ArrayList<>();
        for (int row = 0; row < rowCount; row++) {
            if (leftOut != null && leftOut[row]) {
                continue;
            }
            double label = strata == null ? 0 : strata[row];
            (Double.isNaN(label) ? masked : label == 1 ? positives : negatives).add(row);
        }
        return List.of(negatives, positives, masked);
    }

    private static int[] sorted(List<Integer> rows) {
        int[] array = rows.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(array);
        return array;
    }
}
