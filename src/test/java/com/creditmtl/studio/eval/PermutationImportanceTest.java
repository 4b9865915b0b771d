package com.creditmtl.studio.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A fixed model on synthetic rows: the default risk and the days overdue depend on x only; z is
 * read by nothing; the one-hot pair (a, b) of a categorical column raises the days by 30 when b.
 */
class PermutationImportanceTest {

    private static final List<TaskSpec> TASKS = List.of(
            new TaskSpec("default", TaskType.BINARY, 1),
            new TaskSpec("days", TaskType.REGRESSION, 1));
    private static final List<String> COLUMNS = List.of("x", "z", "kind");
    private static final int[] SOURCE = {0, 1, 2, 2};
    private static final int ROWS = 1_000;

    private static double[][] rows;
    private static double[][] targets;

    static {
        Random random = new Random(1);
        rows = new double[ROWS][4];
        targets = new double[ROWS][2];
        for (int r = 0; r < ROWS; r++) {
            boolean b = random.nextBoolean();
            rows[r] = new double[] {random.nextGaussian(), random.nextGaussian(), b ? 0 : 1,
                    b ? 1 : 0};
            double p = 1 / (1 + Math.exp(-2 * rows[r][0]));
            targets[r][0] = random.nextDouble() < p ? 1 : 0;
            targets[r][1] = 20 + 5 * rows[r][0] + 30 * rows[r][3] + random.nextGaussian();
        }
        targets[5][0] = Double.NaN;
    }

    private static double[][] model(double[][] batch) {
        double[][] out = new double[2][batch.length];
        for (int r = 0; r < batch.length; r++) {
            out[0][r] = 1 / (1 + Math.exp(-2 * batch[r][0]));
            out[1][r] = 20 + 5 * batch[r][0] + 30 * batch[r][3];
        }
        return out;
    }

    @Test
    void driverRanksFirstAndUnreadColumnScoresZero() {
        List<PermutationImportance.Task> result = PermutationImportance.compute(
                PermutationImportanceTest::model, rows, targets, TASKS, COLUMNS, SOURCE, 4, 7);

        PermutationImportance.Task risk = result.get(0);
        assertEquals("auc", risk.measure());
        assertEquals("x", risk.features().get(0).feature());
        assertTrue(risk.feature("x").mean() > 0.2, "AUC drop " + risk.feature("x").mean());
        assertEquals(0, risk.feature("z").mean(), 0);
        assertEquals(0, risk.feature("z").sd(), 0);
        assertEquals(0, risk.feature("kind").mean(), 0);
        assertTrue(risk.feature("x").sd() > 0);
    }

    @Test
    void categoricalColumnIsShuffledAsAWholeRow() {
        PermutationImportance.Task days = PermutationImportance.compute(
                PermutationImportanceTest::model, rows, targets, TASKS, COLUMNS, SOURCE, 4, 7)
                .get(1);

        assertEquals("mae", days.measure());
        assertEquals("kind", days.features().get(0).feature());
        // half the rows change level when shuffled: MAE rises by about 30 / 2
        assertEquals(15, days.feature("kind").mean(), 2);
        assertTrue(days.baseline() < 1, "baseline MAE " + days.baseline());
    }

    @Test
    void sameSeedGivesTheSameFigures() {
        List<PermutationImportance.Task> once = PermutationImportance.compute(
                PermutationImportanceTest::model, rows, targets, TASKS, COLUMNS, SOURCE, 3, 11);
        List<PermutationImportance.Task> again = PermutationImportance.compute(
                PermutationImportanceTest::model, rows, targets, TASKS, COLUMNS, SOURCE, 3, 11);
        List<PermutationImportance.Task> other = PermutationImportance.compute(
                PermutationImportanceTest::model, rows, targets, TASKS, COLUMNS, SOURCE, 3, 12);

        assertEquals(once, again);
        assertTrue(once.get(0).feature("x").mean() != other.get(0).feature("x").mean());
    }

    @Test
    void rowsAreLeftAsTheyWere() {
        double[][] copy = new double[ROWS][];
        for (int r = 0; r < ROWS; r++) {
            copy[r] = rows[r].clone();
        }

        PermutationImportance.compute(PermutationImportanceTest::model, rows, targets, TASKS,
                COLUMNS, SOURCE, 2, 3);

        for (int r = 0; r < ROWS; r++) {
            assertArrayEquals(copy[r], rows[r]);
        }
    }

    @Test
    void noRepeatsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PermutationImportance.compute(
                PermutationImportanceTest::model, rows, targets, TASKS, COLUMNS, SOURCE, 0, 1));
    }
}
