package com.creditmtl.studio.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScorecardTest {

    private static final List<TaskSpec> TASKS = List.of(
            new TaskSpec("default_probability", TaskType.BINARY, 0.5),
            new TaskSpec("overdue_days", TaskType.REGRESSION, 0.25),
            new TaskSpec("overdue_amount", TaskType.REGRESSION, 0.25));

    @Test
    void defaultAmountTaskIsTheRegressionTaskNamedAmount() {
        Scorecard card = Scorecard.forTasks(TASKS, ScoreScale.DEFAULT, GradeScale.DEFAULT);

        assertEquals("overdue_amount", card.amountTask());
        assertEquals(2, card.amountIndex(TASKS));
    }

    @Test
    void withoutARegressionTaskNamedAmountThereIsNone() {
        List<TaskSpec> tasks = List.of(new TaskSpec("bad", TaskType.BINARY, 1),
                new TaskSpec("amount_flag", TaskType.BINARY, 1),
                new TaskSpec("days", TaskType.REGRESSION, 1));

        Scorecard card = Scorecard.forTasks(tasks, ScoreScale.DEFAULT, GradeScale.DEFAULT);

        assertNull(card.amountTask());
        assertEquals(-1, card.amountIndex(tasks));
    }

    @Test
    void aBinaryAmountTaskIsRefused() {
        Scorecard card = Scorecard.DEFAULT.withAmountTask("default_probability");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> card.amountIndex(TASKS));
        assertTrue(e.getMessage().contains("regression"), e.getMessage());
    }

    @Test
    void anUnknownAmountTaskIsRefusedNamingIt() {
        Scorecard card = Scorecard.DEFAULT.withAmountTask("loss");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> card.amountIndex(TASKS));
        assertTrue(e.getMessage().contains("loss"), e.getMessage());
    }

    @ParameterizedTest(name = "p {0} x amount {1}")
    @CsvSource({"0.2, 10000, 2000", "0, 5000, 0", "1, 3102, 3102", "0.05, 0, 0",
            "0.125, 8000.5, 1000.0625"})
    void expectedLossIsProbabilityTimesAmount(double p, double amount, double loss) {
        assertEquals(loss, Scorecard.expectedLoss(p, amount), 1e-9);
    }

    @Test
    void expectedLossOfAnUnknownAmountIsUnknown() {
        assertTrue(Double.isNaN(Scorecard.expectedLoss(0.2, Double.NaN)));
    }

    @Test
    void settingsSurviveJson() {
        Scorecard card = new Scorecard(new ScoreScale(500, 20, 40, 200, 900),
                new GradeScale(List.of("low", "mid", "high"), new double[] {650, 520}),
                "overdue_amount");

        Scorecard back = Scorecard.fromJson(card.toJson(new ObjectMapper()));

        assertEquals(card.scale(), back.scale());
        assertEquals(card.grades().grades(), back.grades().grades());
        assertArrayEquals(card.grades().lowerBounds(), back.grades().lowerBounds());
        assertEquals("overdue_amount", back.amountTask());
    }

    @Test
    void jsonWithoutANumberIsRefusedNamingTheField() {
        var json = Scorecard.DEFAULT.toJson(new ObjectMapper());
        json.put("base_odds", "fifty");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scorecard.fromJson(json));
        assertTrue(e.getMessage().contains("base_odds"), e.getMessage());
    }
}
