package com.creditmtl.studio.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.Sentence;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class LeakageGuardTest {

    private static final int ROWS = 400;
    private static final TaskSpec DEFAULT = new TaskSpec("default", TaskType.BINARY, 0.5);
    private static final TaskSpec LOSS = new TaskSpec("loss", TaskType.REGRESSION, 0.5);

    /** recoveries separate the classes perfectly; noise does not; loss follows "paid". */
    private static CreditTable table() {
        Random random = new Random(3);
        double[] label = new double[ROWS];
        double[] recoveries = new double[ROWS];
        double[] noise = new double[ROWS];
        double[] paid = new double[ROWS];
        double[] loss = new double[ROWS];
        for (int r = 0; r < ROWS; r++) {
            label[r] = r % 4 == 0 ? 1 : 0;
            recoveries[r] = label[r] == 1 ? 100 + random.nextInt(500) : 0;
            noise[r] = random.nextGaussian();
            paid[r] = random.nextDouble() * 1000;
            loss[r] = 5000 - paid[r] + random.nextGaussian();
        }
        Table table = Table.create("t", DoubleColumn.create("recoveries", recoveries),
                DoubleColumn.create("noise", noise), DoubleColumn.create("paid", paid),
                DoubleColumn.create("default", label), DoubleColumn.create("loss", loss));
        return new CreditTable(null, table, null, List.of("recoveries", "noise", "paid"),
                List.of(DEFAULT, LOSS), List.of());
    }

    @Test
    void perfectBinaryPredictorIsFlaggedAndLeftOut() {
        List<LeakageGuard.Flag> flags = LeakageGuard.screen(table(), List.of(DEFAULT),
                table().allRows(), Set.of());

        assertEquals(1, flags.size());
        assertEquals("recoveries", flags.get(0).feature());
        assertEquals(1.0, flags.get(0).value(), 1e-12);
        assertTrue(flags.get(0).excluded());
    }

    @Test
    void keptFeatureIsFlaggedButNotLeftOut() {
        List<LeakageGuard.Flag> flags = LeakageGuard.screen(table(), List.of(DEFAULT),
                table().allRows(), Set.of("recoveries"));

        assertTrue(flags.get(0).kept());
        assertFalse(flags.get(0).excluded());
    }

    @Test
    void regressionTargetFollowedLinearlyIsFlaggedByCorrelation() {
        List<LeakageGuard.Flag> flags = LeakageGuard.screen(table(), List.of(LOSS),
                table().allRows(), Set.of());

        assertEquals(List.of("paid"), flags.stream().map(LeakageGuard.Flag::feature).toList());
        assertEquals("correlation", flags.get(0).measure());
        assertTrue(flags.get(0).value() > 0.99);
    }

    @Test
    void tooFewRowsAreNotJudged() {
        int[] few = {0, 1, 2, 3, 4, 5, 6, 7};

        assertEquals(List.of(), LeakageGuard.screen(table(), List.of(DEFAULT), few, Set.of()));
    }

    @Test
    void categoricalValueThatGivesTheAnswerIsFlaggedFromTheOtherHalf() {
        Random random = new Random(9);
        double[] label = new double[ROWS];
        String[] settlement = new String[ROWS];
        String[] region = new String[ROWS];
        for (int r = 0; r < ROWS; r++) {
            label[r] = r % 4 == 0 ? 1 : 0;
            settlement[r] = label[r] == 1 ? "Y" : "N";
            region[r] = "R" + random.nextInt(30);
        }
        Table table = Table.create("t", StringColumn.create("settlement", settlement),
                StringColumn.create("region", region), DoubleColumn.create("default", label));
        CreditTable credit = new CreditTable(null, table, null, List.of(),
                List.of("settlement", "region"), List.of(DEFAULT), List.of());

        List<LeakageGuard.Flag> flags = LeakageGuard.screen(credit, List.of(DEFAULT),
                credit.allRows(), Set.of());

        assertEquals(List.of("settlement"),
                flags.stream().map(LeakageGuard.Flag::feature).toList());
        assertEquals(1.0, flags.get(0).value(), 1e-12);
    }

    @Test
    void aTestAucTooGoodToBeTrueIsWarnedOfWithTheSuspectsUsed() {
        List<TaskMetrics> test = List.of(
                TaskMetrics.binary("loan_status", 0.5, 400, 0.9853, 0.9),
                TaskMetrics.binary("late", 0.25, 400, 0.81, 0.4),
                TaskMetrics.regression("loss", 0.25, 400, 2770, 5000));
        List<LeakageGuard.Flag> flags = List.of(
                new LeakageGuard.Flag("last_pymnt_amnt", "loan_status", "auc", 0.80, false),
                new LeakageGuard.Flag("last_fico_range_high", "loan_status", "auc", 0.94, false),
                new LeakageGuard.Flag("recoveries", "loan_status", "auc", 0.99, false),
                new LeakageGuard.Flag("loan_amnt", "loss", "correlation", 0.84, false));

        List<String> warnings = LeakageGuard.tooGood(test, flags).stream()
                .map(Sentence::english).toList();

        // recoveries was left out, so it is not among the features to look at
        assertEquals(List.of("task loan_status reaches a test AUC of 0.985, more than credit "
                + "data allows without a leak: features known only after the outcome (payments, "
                + "recoveries, later scores) probably give it away; the guard suspected "
                + "last_fico_range_high, last_pymnt_amnt; leave out every feature not known when "
                + "applying"), warnings);
    }

    @Test
    void withoutSuspectsTheWarningAsksForAReviewAndBelowTheBarItIsSilent() {
        List<TaskMetrics> high = List.of(TaskMetrics.binary("bad", 1, 200, 0.95, 0.9));
        List<TaskMetrics> usual = List.of(TaskMetrics.binary("bad", 1, 200, 0.9499, 0.9),
                TaskMetrics.binary("other", 1, 200, Double.NaN, Double.NaN));

        assertEquals(List.of("task bad reaches a test AUC of 0.950, more than credit data "
                + "allows without a leak: features known only after the outcome (payments, "
                + "recoveries, later scores) probably give it away; check that every feature is "
                + "known when applying and leave out those that are not"),
                LeakageGuard.tooGood(high, List.of()).stream().map(Sentence::english).toList());
        assertTrue(LeakageGuard.tooGood(usual, List.of()).isEmpty());
    }
}
