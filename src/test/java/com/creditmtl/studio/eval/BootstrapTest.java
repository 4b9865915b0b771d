package com.creditmtl.studio.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static final double[] LABELS = new double[400];
    private static final double[] SCORES = new double[400];
    private static final double[] OTHER_SCORES = new double[400];

    static {
        Random random = new Random(7);
        for (int i = 0; i < LABELS.length; i++) {
            LABELS[i] = random.nextDouble() < 0.3 ? 1 : 0;
            // rounded so that many scores tie
            SCORES[i] = Math.round((LABELS[i] * 0.8 + random.nextDouble()) * 10) / 10.0;
            OTHER_SCORES[i] = Math.round((LABELS[i] * 0.3 + random.nextDouble()) * 10) / 10.0;
        }
    }

    @Test
    void weightedAucWithEveryRowOnceIsTheAuc() {
        int[] once = new int[LABELS.length];
        Arrays.fill(once, 1);

        double weighted = Bootstrap.weightedAuc(LABELS, SCORES, TaskEvaluator.ascending(SCORES),
                once);

        assertEquals(TaskEvaluator.auc(LABELS, SCORES), weighted, 1e-12);
    }

    @Test
    void aucIntervalContainsTheAuc() {
        Interval interval = new Bootstrap(1_000, 42).auc(LABELS, SCORES);

        double auc = TaskEvaluator.auc(LABELS, SCORES);
        assertTrue(interval.contains(auc), interval + " around " + auc);
        assertTrue(interval.high() - interval.low() < 0.2, interval.toString());
    }

    @Test
    void sameSeedGivesTheSameInterval() {
        assertEquals(new Bootstrap(200, 42).auc(LABELS, SCORES),
                new Bootstrap(200, 42).auc(LABELS, SCORES));
    }

    @Test
    void otherSeedGivesAnotherInterval() {
        assertNotEquals(new Bootstrap(200, 42).auc(LABELS, SCORES),
                new Bootstrap(200, 43).auc(LABELS, SCORES));
    }

    @Test
    void maeIntervalContainsTheMae() {
        double[] predicted = new double[SCORES.length];
        double mae = 0;
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = SCORES[i] + 0.5 * OTHER_SCORES[i];
            mae += Math.abs(SCORES[i] - predicted[i]) / predicted.length;
        }

        Interval interval = new Bootstrap(500, 1).mae(SCORES, predicted);

        assertTrue(interval.contains(mae), interval + " around " + mae);
    }

    @Test
    void pairedDifferenceOfAModelWithItselfIsZero() {
        Interval interval = new Bootstrap(200, 42).aucDifference(LABELS, SCORES, SCORES);

        assertEquals(0, interval.low(), 0);
        assertEquals(0, interval.high(), 0);
    }

    @Test
    void pairedDifferenceOfAWeakerModelLiesBelowZero() {
        double difference = TaskEvaluator.auc(LABELS, OTHER_SCORES)
                - TaskEvaluator.auc(LABELS, SCORES);

        Interval interval = new Bootstrap(500, 42).aucDifference(LABELS, SCORES, OTHER_SCORES);

        assertTrue(interval.contains(difference), interval + " around " + difference);
        assertTrue(interval.high() < 0, interval.toString());
    }

    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        assertEquals(2.5, Bootstrap.quantile(new double[] {1, 2, 3, 4}, 0.5), 1e-12);
    }
}
