package com.creditmtl.studio.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Class weights: a binary task's positives count as much as its negatives. */
class PositiveWeightsTest {

    private static final List<TaskSpec> TASKS = List.of(
            new TaskSpec("default", TaskType.BINARY, 1),
            new TaskSpec("amount", TaskType.REGRESSION, 1),
            new TaskSpec("late", TaskType.BINARY, 1));

    @Test
    void positiveWeightIsNegativesPerPositiveAmongKnownLabels() {
        double[][] targets = {
            {1, 5, 0}, {0, 1, 0}, {0, 2, Double.NaN}, {0, 3, 1}, {Double.NaN, 4, 1}};

        // default: 1 positive, 3 negatives; late: 2 positives, 2 negatives
        assertArrayEquals(new double[] {3, 0, 1}, StudyTrainer.positiveWeights(TASKS, targets));
    }

    @Test
    void taskWithOneClassOnlyGetsNoWeight() {
        double[][] targets = {{0, 1, 1}, {0, 2, 1}};

        assertArrayEquals(new double[] {0, 0, 0}, StudyTrainer.positiveWeights(TASKS, targets));
    }
}
