package com.creditmtl.studio.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed values of the metrics beyond AUC and KS. */
class EvaluationMetricsTest {

    /*
     *   row    0    1    2    3    4    5
     *   label  0    0    1    1    0    1
     *   score 0.1  0.4  0.4  0.8  0.8  0.9
     */
    private static final double[] LABELS = {0, 0, 1, 1, 0, 1};
    private static final double[] SCORES = {0.1, 0.4, 0.4, 0.8, 0.8, 0.9};

    @Test
    void brierIsMeanSquaredGap() {
        // 0.01 + 0.16 + 0.36 + 0.04 + 0.64 + 0.01 = 1.22
        assertEquals(1.22 / 6, TaskEvaluator.brier(LABELS, SCORES), 1e-12);
    }

    @Test
    void logLossIsMeanCrossEntropy() {
        double expected = -(Math.log(0.9) + Math.log(0.6) + Math.log(0.4) + Math.log(0.8)
                + Math.log(0.2) + Math.log(0.9)) / 6;

        assertEquals(expected, TaskEvaluator.logLoss(LABELS, SCORES), 1e-12);
    }

    @Test
    void logLossOfAConfidentMistakeIsLargeButFinite() {
        double loss = TaskEvaluator.logLoss(new double[] {1}, new double[] {0});

        assertEquals(-Math.log(1e-15), loss, 1e-9);
    }

    @Test
    void averagePrecisionTakesTiedRowsTogether() {
        // from the top: 0.9 -> precision 1/1, 0.8 tie -> 2/3, 0.4 tie -> 3/5, each a third of
        // the recall: 1/3 + 2/9 + 1/5 = 34/45
        assertEquals(34.0 / 45, TaskEvaluator.averagePrecision(LABELS, SCORES), 1e-12);
    }

    @Test
    void averagePrecisionDoesNotDependOnRowOrderWithinTies() {
        double[] labels = {0, 1, 0, 1, 0, 1};
        double[] scores = {0.1, 0.4, 0.4, 0.8, 0.8, 0.9};

        assertEquals(34.0 / 45, TaskEvaluator.averagePrecision(labels, scores), 1e-12);
    }

    @Test
    void calibrationPutsRowsInTenEqualBins() {
        List<CalibrationBin> bins = TaskEvaluator.calibration(LABELS, SCORES);

        assertEquals(10, bins.size());
        assertEquals(new CalibrationBin(0.1, 0.2, 1, 0.1, 0), bins.get(1));
        assertEquals(2, bins.get(4).count());
        assertEquals(0.4, bins.get(4).meanPredicted(), 1e-12);
        assertEquals(0.5, bins.get(4).observedRate(), 1e-12);
        assertEquals(2, bins.get(8).count());
        assertEquals(1, bins.get(9).count());
        assertEquals(1.0, bins.get(9).observedRate(), 0);
        assertEquals(0, bins.get(0).count());
        assertTrue(Double.isNaN(bins.get(0).meanPredicted()));
    }

    @Test
    void calibrationKeepsAProbabilityOfOneInTheLastBin() {
        List<CalibrationBin> bins = TaskEvaluator.calibration(new double[] {1}, new double[] {1});

        assertEquals(1, bins.get(9).count());
    }

    @Test
    void cheapestCutoffAtFiveToOneRefusesFromPointFour() {
        // refusing from 0.9: 2 bads accepted = 10; from 0.8: 5 + 1 = 6; from 0.4: 0 + 2 = 2;
        // from 0.1: 3; nobody: 15
        ConfusionMatrix matrix = TaskEvaluator.cheapestCutoff(LABELS, SCORES, 5);

        assertEquals(0.4, matrix.cutoff(), 0);
        assertEquals(3, matrix.truePositives());
        assertEquals(2, matrix.falsePositives());
        assertEquals(1, matrix.trueNegatives());
        assertEquals(0, matrix.falseNegatives());
        assertEquals(2.0 / 6, matrix.costPerApplicant(), 1e-12);
    }

    @Test
    void cheapestCutoffPrefersFewerRefusalsAmongEqualCosts() {
        // at 1:1, refusing from 0.9, 0.8 or 0.4 all cost 2: the highest cut-off wins
        ConfusionMatrix matrix = TaskEvaluator.cheapestCutoff(LABELS, SCORES, 1);

        assertEquals(0.9, matrix.cutoff(), 0);
        assertEquals(2, matrix.falseNegatives());
        assertEquals(0, matrix.falsePositives());
    }

    @Test
    void cheapestCutoffRefusesNobodyWhenBadsAreCheap() {
        // one bad at the top among goods: at 0.1 : 1 refusing costs at least 1 good
        ConfusionMatrix matrix = TaskEvaluator.cheapestCutoff(new double[] {0, 0, 1},
                new double[] {0.2, 0.5, 0.3}, 0.1);

        assertEquals(Double.POSITIVE_INFINITY, matrix.cutoff(), 0);
        assertEquals(1, matrix.falseNegatives());
    }

    @Test
    void rSquaredOfHandExample() {
        // squared error 1; deviations from the mean 2.5: 2.25 + 0.25 + 0.25 + 2.25 = 5
        assertEquals(0.8, TaskEvaluator.rSquared(new double[] {1, 2, 3, 4},
                new double[] {1, 2, 3, 5}), 1e-12);
    }

    @Test
    void evaluateAppliesAGivenCutoff() {
        TaskSpec task = new TaskSpec("bad", TaskType.BINARY, 1);

        TaskMetrics metrics = TaskEvaluator.evaluate(task, LABELS, SCORES,
                EvaluationOptions.DEFAULT, 0.8);

        assertEquals(0.8, metrics.confusion().cutoff(), 0);
        assertEquals(1, metrics.confusion().falseNegatives());
        assertEquals(2 * 7.0 / 9 - 1, metrics.gini(), 1e-12);
    }

    @Test
    void evaluateRegressionGivesRSquaredAndAMaeInterval() {
        TaskSpec task = new TaskSpec("days", TaskType.REGRESSION, 1);
        double[] actual = {1, 2, 3, 4, Double.NaN};
        double[] predicted = {1, 2, 3, 5, 100};

        TaskMetrics metrics = TaskEvaluator.evaluate(task, actual, predicted);

        assertEquals(0.8, metrics.r2(), 1e-12);
        assertEquals(0.25, metrics.mae(), 1e-12);
        assertTrue(metrics.maeInterval().contains(0.25), metrics.maeInterval().toString());
    }
}
