package com.creditmtl.studio.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskEvaluatorTest {

    private static final TaskSpec DEFAULT =
            new TaskSpec("default_probability", TaskType.BINARY, 0.5);
    private static final TaskSpec DAYS = new TaskSpec("overdue_days", TaskType.REGRESSION, 0.25);

    /*
     * Hand example with ties:
     *   row    0    1    2    3    4    5
     *   label  0    0    1    1    0    1
     *   score 0.1  0.4  0.4  0.8  0.8  0.9
     *
     * AUC = P(score of a positive > score of a negative), ties counting 1/2.
     *   positive 0.4 vs negatives 0.1, 0.4, 0.8: 1 + 1/2 + 0   = 1.5
     *   positive 0.8 vs negatives 0.1, 0.4, 0.8: 1 + 1   + 1/2 = 2.5
     *   positive 0.9 vs negatives 0.1, 0.4, 0.8: 1 + 1   + 1   = 3
     *   AUC = 7 / 9.
     *
     * KS: step over the distinct scores in ascending order, tied rows together.
     *   score <= 0.1: positives 0/3, negatives 1/3 -> gap 1/3
     *   score <= 0.4: positives 1/3, negatives 2/3 -> gap 1/3
     *   score <= 0.8: positives 2/3, negatives 3/3 -> gap 1/3
     *   score <= 0.9: positives 3/3, negatives 3/3 -> gap 0
     *   KS = 1/3. (Stepping into the 0.4 tie one row at a time would give 2/3 after row 1.)
     */
    private static final double[] TIED_LABELS = {0, 0, 1, 1, 0, 1};
    private static final double[] TIED_SCORES = {0.1, 0.4, 0.4, 0.8, 0.8, 0.9};

    @Test
    void aucOfHandExampleWithTiesIsSevenNinths() {
        assertEquals(7.0 / 9, TaskEvaluator.auc(TIED_LABELS, TIED_SCORES), 1e-12);
    }

    @Test
    void ksOfHandExampleWithTiesIsOneThird() {
        assertEquals(1.0 / 3, TaskEvaluator.ks(TIED_LABELS, TIED_SCORES), 1e-12);
    }

    @Test
    void ksDoesNotDependOnRowOrderWithinTies() {
        // the same rows with the tied negative and positive at 0.4 swapped in file order
        double[] labels = {0, 1, 0, 1, 0, 1};
        double[] scores = {0.1, 0.4, 0.4, 0.8, 0.8, 0.9};

        assertEquals(1.0 / 3, TaskEvaluator.ks(labels, scores), 1e-12);
        assertEquals(7.0 / 9, TaskEvaluator.auc(labels, scores), 1e-12);
    }

    @Test
    void handExampleWithoutTies() {
        // labels 0 1 0 1 with scores 0.2 0.3 0.6 0.7: pairs (pos, neg) won 1+0+1+1 of 4 -> 3/4;
        // KS: after 0.2 gap |0 - 1/2| = 1/2, after 0.3 |1/2 - 1/2| = 0, after 0.6 |1/2 - 1| = 1/2
        double[] labels = {0, 1, 0, 1};
        double[] scores = {0.2, 0.3, 0.6, 0.7};

        assertEquals(0.75, TaskEvaluator.auc(labels, scores), 1e-12);
        assertEquals(0.5, TaskEvaluator.ks(labels, scores), 1e-12);
    }

    @Test
    void perfectSeparationGivesAucOneAndKsOne() {
        double[] labels = {0, 0, 0, 1, 1};
        double[] scores = {0.05, 0.2, 0.3, 0.31, 0.99};

        assertEquals(1, TaskEvaluator.auc(labels, scores), 1e-12);
        assertEquals(1, TaskEvaluator.ks(labels, scores), 1e-12);
    }

    @Test
    void allScoresTiedGiveAucOneHalfAndKsZero() {
        double[] labels = {0, 1, 0, 1};
        double[] scores = {0.5, 0.5, 0.5, 0.5};

        assertEquals(0.5, TaskEvaluator.auc(labels, scores), 1e-12);
        assertEquals(0, TaskEvaluator.ks(labels, scores), 1e-12);
    }

    @ParameterizedTest(name = "all labels {0}")
    @ValueSource(doubles = {0, 1})
    void singleClassGivesNaN(double label) {
        double[] labels = {label, label, label};
        double[] scores = {0.1, 0.5, 0.9};

        assertTrue(Double.isNaN(TaskEvaluator.auc(labels, scores)));
        assertTrue(Double.isNaN(TaskEvaluator.ks(labels, scores)));
    }

    @Test
    void binaryEvaluationCarriesAucKsAndNaNForRegressionFigures() {
        TaskMetrics metrics = TaskEvaluator.evaluate(DEFAULT, TIED_LABELS, TIED_SCORES);

        assertEquals("default_probability", metrics.task());
        assertEquals(TaskType.BINARY, metrics.type());
        assertEquals(0.5, metrics.weight(), 0);
        assertEquals(6, metrics.rows());
        assertEquals(7.0 / 9, metrics.auc(), 1e-12);
        assertEquals(1.0 / 3, metrics.ks(), 1e-12);
        assertTrue(Double.isNaN(metrics.mae()));
        assertTrue(Double.isNaN(metrics.rmse()));
    }

    @Test
    void maeAndRmseOfHandExample() {
        // errors 1, 0, 2, 4: MAE = 7/4 = 1.75; RMSE = sqrt((1 + 0 + 4 + 16) / 4) = sqrt(5.25)
        double[] actual = {10, 20, 30, 40};
        double[] predicted = {11, 20, 28, 44};

        TaskMetrics metrics = TaskEvaluator.evaluate(DAYS, actual, predicted);

        assertEquals(TaskType.REGRESSION, metrics.type());
        assertEquals(4, metrics.rows());
        assertEquals(1.75, metrics.mae(), 1e-12);
        assertEquals(Math.sqrt(5.25), metrics.rmse(), 1e-12);
        assertTrue(Double.isNaN(metrics.auc()));
        assertTrue(Double.isNaN(metrics.ks()));
    }

    @Test
    void maeAndRmseAreInTheTargetsUnitsForLargeAmounts() {
        // errors 1,000 and 3,000: MAE 2,000; RMSE sqrt((1e6 + 9e6) / 2) = sqrt(5e6)
        TaskMetrics metrics = TaskEvaluator.evaluate(DAYS, new double[] {25_000, 40_000},
                new double[] {26_000, 37_000});

        assertEquals(2_000, metrics.mae(), 1e-6);
        assertEquals(Math.sqrt(5e6), metrics.rmse(), 1e-6);
    }

    @Test
    void mismatchedOrEmptyInputsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> TaskEvaluator.evaluate(DAYS, new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> TaskEvaluator.evaluate(DAYS, new double[0], new double[0]));
    }

    @Test
    void maskedActualsAreLeftOutOfTheMetrics() {
        double[] actual = {0, Double.NaN, 1, 1, Double.NaN, 0};
        double[] predicted = {0.1, 0.99, 0.8, 0.3, 0.01, 0.4};

        TaskMetrics withMask = TaskEvaluator.evaluate(DEFAULT, actual, predicted);
        TaskMetrics known = TaskEvaluator.evaluate(DEFAULT, new double[] {0, 1, 1, 0},
                new double[] {0.1, 0.8, 0.3, 0.4});

        assertEquals(known.auc(), withMask.auc(), 0);
        assertEquals(4, withMask.rows());
    }

    @Test
    void regressionWithEveryActualMaskedHasNoFigures() {
        TaskMetrics metrics = TaskEvaluator.evaluate(DAYS, new double[] {Double.NaN},
                new double[] {3});

        assertTrue(Double.isNaN(metrics.mae()));
        assertEquals(0, metrics.rows());
    }
}
