package com.creditmtl.studio.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.eval.Interval;
import org.junit.jupiter.api.Test;

/** The words of a comparison follow the measure's direction and the interval. */
class ComparisonVerdictTest {

    private static ModelComparison.TaskComparison task(String measure, double difference,
            double low, double high) {
        TaskType type = "auc".equals(measure) ? TaskType.BINARY : TaskType.REGRESSION;
        Interval interval = new Interval(low, high, "test");
        return new ModelComparison.TaskComparison("t", type, null, null, null, measure,
                difference, interval, difference, interval);
    }

    @Test
    void higherAucWithAnIntervalAboveZeroIsBetter() {
        assertEquals("multi-task better than the single-task network (AUC +0.0200)",
                task("auc", 0.02, 0.01, 0.03).verdict());
    }

    @Test
    void higherMaeWithAnIntervalAboveZeroIsWorse() {
        assertEquals("multi-task worse than the linear model (MAE +78.75)",
                task("mae", 78.75, 3.14, 158.76).verdictVersusLinear());
    }

    @Test
    void anIntervalAcrossZeroIsNoClearDifference() {
        assertEquals("no clear difference from the single-task network",
                task("auc", 0.0021, -0.0034, 0.0075).verdict());
    }
}
