package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.creditmtl.studio.model.EpochReport;
import com.creditmtl.studio.model.TaskLoss;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossViewTest {

    private static final EpochReport REPORT = new EpochReport(1, 5, List.of(
            new TaskLoss("bad", 0.5, 0.6, 0.7),
            new TaskLoss("days", 0.25, 0.2, 0.4),
            new TaskLoss("amount", 0.25, 1.0, 1.2)), 1);

    @Test
    void rawAndWeightedAreTheReportedLosses() {
        assertEquals(0.2, LossView.RAW.value(REPORT, 1, false), 1e-12);
        assertEquals(0.1, LossView.WEIGHTED.value(REPORT, 1, true), 1e-12);
    }

    @Test
    void sharesOfTheWeightedTotalSumToOne() {
        // weighted training losses 0.3, 0.05 and 0.25: total 0.6
        assertEquals(0.5, LossView.SHARE.value(REPORT, 0, false), 1e-12);
        for (boolean validation : new boolean[] {false, true}) {
            double sum = 0;
            for (int t = 0; t < 3; t++) {
                sum += LossView.SHARE.value(REPORT, t, validation);
            }
            assertEquals(1, sum, 1e-12);
        }
    }

    @Test
    void shareIsZeroWhenEveryWeightIsZero() {
        EpochReport zero = new EpochReport(1, 1, List.of(new TaskLoss("bad", 0, 0.6, 0.7)), 1);
        assertEquals(0, LossView.SHARE.value(zero, 0, false));
    }
}
