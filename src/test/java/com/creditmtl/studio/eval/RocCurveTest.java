package com.creditmtl.studio.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RocCurveTest {

    @Test
    void pointsRunFromOriginToTopRightAndTheirAreaIsTheAuc() {
        Random random = new Random(3);
        double[] labels = new double[500];
        double[] scores = new double[500];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextDouble() < 0.2 ? 1 : 0;
            // rounded to two decimals, so that there are ties
            scores[i] = Math.round((0.3 * labels[i] + random.nextDouble()) * 100) / 100.0;
        }

        List<RocCurve.Point> points = RocCurve.points(labels, scores);

        assertEquals(new RocCurve.Point(0, 0, Double.POSITIVE_INFINITY), points.get(0));
        assertEquals(1, points.get(points.size() - 1).falsePositiveRate(), 1e-12);
        assertEquals(1, points.get(points.size() - 1).truePositiveRate(), 1e-12);
        assertEquals(TaskEvaluator.auc(labels, scores), RocCurve.area(points), 1e-12);
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).falsePositiveRate() >= points.get(i - 1).falsePositiveRate());
            assertTrue(points.get(i).truePositiveRate() >= points.get(i - 1).truePositiveRate());
        }
    }

    @Test
    void tiedPredictionsMakeOneDiagonalStep() {
        List<RocCurve.Point> points = RocCurve.points(new double[] {1, 0, 1, 0},
                new double[] {0.5, 0.5, 0.5, 0.5});

        assertEquals(List.of(new RocCurve.Point(0, 0, Double.POSITIVE_INFINITY),
                new RocCurve.Point(1, 1, 0.5)), points);
        assertEquals(0.5, RocCurve.area(points), 0);
    }

    @Test
    void unknownLabelsAreLeftOutAndOneClassGivesNoCurve() {
        assertTrue(RocCurve.points(new double[] {0, 0, Double.NaN},
                new double[] {0.1, 0.2, 0.9}).isEmpty());
        List<RocCurve.Point> points = RocCurve.points(new double[] {1, 0, Double.NaN},
                new double[] {0.9, 0.1, 0.5});
        assertEquals(List.of(new RocCurve.Point(0, 0, Double.POSITIVE_INFINITY),
                new RocCurve.Point(0, 1, 0.9), new RocCurve.Point(1, 1, 0.1)), points);
    }

    @Test
    void scoreDistributionCountsEveryKnownApplicantOnce() {
        double[] labels = {0, 0, 1, 1, Double.NaN, 0};
        double[] scores = {700, 650, 520, 480, 600, Double.NaN};

        ScoreDistribution distribution = ScoreDistribution.of(labels, scores, 4);

        // bands of 55 points from 480 to 700
        assertEquals(4, distribution.total());
        assertEquals(480, distribution.low(), 0);
        assertEquals(700, distribution.high(), 0);
        assertEquals(List.of(2, 0, 0, 0), Arrays.stream(distribution.bads()).boxed().toList());
        assertEquals(List.of(0, 0, 0, 2), Arrays.stream(distribution.goods()).boxed().toList());
    }
}
