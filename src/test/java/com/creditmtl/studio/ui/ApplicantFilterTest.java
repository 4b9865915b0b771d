package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.study.ApplicantResult;
import com.creditmtl.studio.ui.ApplicantFilter.Column;
import com.creditmtl.studio.ui.ApplicantFilter.Operator;
import com.creditmtl.studio.ui.ApplicantsViewModel.ApplicantRow;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Applicants tab's column filter on a table of six applicants with known values, without a
 * window: conditions combined with AND, numbers compared as shown, missing values, text
 * conditions, features of the applicant's file, refused values, and conditions kept across a
 * rescoring.
 */
class ApplicantFilterTest {

    private static final List<TaskSpec> TASKS = List.of(
            new TaskSpec("bad", TaskType.BINARY, 1),
            new TaskSpec("days", TaskType.REGRESSION, 1));
    private static final List<String> GRADES = List.of("A", "B", "C");

    private static final double NA = Double.NaN;

    /** ID, score, grade, expected loss, bad actual and predicted, days actual and predicted. */
    private static final List<ApplicantRow> ROWS = List.of(
            row("A1", 712.4, "A", 120.0, 0, 0.0312, 0, 1.2),
            row("A2", 699.9, "B", 340.5, 1, 0.2500, 14, 9.8),
            row("A3", 700.0, "A", 15.25, 0, 0.0101, 3, 2.0),
            row("B4", 755.0, "A", 8.0, 0, 0.0050, 0.04, 0.3),
            row("B5", 640.2, "C", 910.0, 1, 0.6120, 45, 30.1),
            row("B6", 702.7, "A", NA, NA, 0.0200, NA, 1.0));

    private ApplicantFilter filter;

    private static ApplicantRow row(String id, double score, String grade, double loss,
            double bad, double badPredicted, double days, double daysPredicted) {
        return new ApplicantRow(null, 0, new ApplicantResult(id, new double[] {bad, days},
                new double[] {badPredicted, daysPredicted}, score, grade, loss));
    }

    @BeforeEach
    void columns() {
        filter = new ApplicantFilter(() -> Locale.ENGLISH);
        filter.setColumns(ApplicantFilter.columns(TASKS, GRADES));
    }

    private Column column(String key) {
        return filter.columns().stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow();
    }

    private boolean add(String key, Operator operator, String value) {
        filter.columnProperty().set(column(key));
        filter.operatorProperty().set(operator);
        filter.valueProperty().set(value);
        return filter.add();
    }

    private List<String> shown() {
        return ROWS.stream().filter(filter::test).map(ApplicantRow::id).toList();
    }

    @Test
    void everyColumnOfTheTableCanBeFilteredOn() {
        assertEquals(List.of("id", "score", "grade", "expectedLoss", "task:bad:actual",
                "task:bad:predicted", "task:days:actual", "task:days:predicted"),
                filter.columns().stream().map(Column::key).toList());
        assertEquals(List.of("ID", "Score", "Grade", "Expected loss", "bad · actual",
                "bad · predicted", "days · actual", "days · predicted"),
                filter.columns().stream().map(c -> ApplicantsView.text(
                        new I18n(Locale.ENGLISH), c.title())).toList());
    }

    @Test
    void scoreAtLeast700AndDaysOverdueAbove0KeepsExactlyThoseApplicants() {
        assertTrue(add("score", Operator.AT_LEAST, "700"));
        assertEquals(List.of("A1", "A3", "B4", "B6"), shown());

        assertTrue(add("task:days:actual", Operator.GREATER, "0"));

        // A1 has 0 days; B4's 0.04 days show as 0.0; B6's are unknown; A2 scores 699.9 → 699
        assertEquals(List.of("A3"), shown());
        assertEquals(2, filter.conditions().size());
    }

    @Test
    void everyNumericOperatorComparesTheValueAsShown() {
        assertTrue(add("score", Operator.EQUAL, "699"));
        assertEquals(List.of("A2"), shown());
        filter.clear();
        assertTrue(add("score", Operator.NOT_EQUAL, "700"));
        assertEquals(List.of("A1", "A2", "B4", "B5", "B6"), shown());
        filter.clear();
        assertTrue(add("expectedLoss", Operator.LESS, "15.25"));
        assertEquals(List.of("B4"), shown());
        filter.clear();
        assertTrue(add("expectedLoss", Operator.AT_MOST, "15.25"));
        assertEquals(List.of("A3", "B4"), shown());
        filter.clear();
        assertTrue(add("task:bad:predicted", Operator.GREATER, "0.25"));
        assertEquals(List.of("B5"), shown());
    }

    @Test
    void aMissingValueMeetsNoNumericConditionNotEvenNotEqual() {
        assertTrue(add("expectedLoss", Operator.NOT_EQUAL, "1"));
        assertFalse(shown().contains("B6"));
        assertEquals(5, shown().size());
    }

    @Test
    void textConditionsIgnoreCase() {
        assertTrue(add("id", Operator.CONTAINS, "b"));
        assertEquals(List.of("B4", "B5", "B6"), shown());
        assertTrue(add("grade", Operator.EQUAL, "a"));
        assertEquals(List.of("B4", "B6"), shown());
        assertTrue(add("id", Operator.NOT_EQUAL, "b6"));
        assertEquals(List.of("B4"), shown());
    }

    @Test
    void numbersAreReadWithGroupingAndDecimals() {
        assertTrue(add("expectedLoss", Operator.GREATER, "  3.4E2 "));
        assertEquals(List.of("A2", "B5"), shown());
        filter.clear();
        assertTrue(add("expectedLoss", Operator.GREATER, "1,000"));
        assertEquals(List.of(), shown());
    }

    @Test
    void aValueThatIsNoNumberIsRefusedWithAMessageAndAddsNothing() {
        assertFalse(add("score", Operator.AT_LEAST, "abc"));

        assertEquals(List.of(), filter.conditions());
        assertEquals("'abc' is not a number: Score takes numbers such as 700 or 0.25",
                ApplicantsView.text(new I18n(Locale.ENGLISH), filter.messageProperty().get()));
        assertEquals("'abc' 不是数字：“评分”列只接受数字，例如 700 或 0.25",
                ApplicantsView.text(new I18n(Locale.SIMPLIFIED_CHINESE),
                        filter.messageProperty().get()));
        assertEquals(6, shown().size());

        filter.valueProperty().set("70");
        assertNull(filter.messageProperty().get(), "typing again clears the message");
        assertFalse(add("score", Operator.AT_LEAST, "  "));
        assertEquals("applicants.filter.emptyValue", filter.messageProperty().get().key());
    }

    @Test
    void operatorsFollowTheColumnsKind() {
        filter.columnProperty().set(column("grade"));
        assertEquals(List.of(Operator.EQUAL, Operator.NOT_EQUAL, Operator.CONTAINS),
                List.copyOf(filter.operators()));
        assertEquals(Operator.EQUAL, filter.operatorProperty().get());
        assertEquals(GRADES, List.copyOf(filter.valueChoices()));

        filter.columnProperty().set(column("score"));
        assertEquals(6, filter.operators().size());
        assertEquals(Operator.AT_LEAST, filter.operatorProperty().get());
        assertTrue(filter.valueChoices().isEmpty());
    }

    @Test
    void removingAConditionAndClearingShowEveryoneAgain() {
        add("score", Operator.AT_LEAST, "700");
        add("grade", Operator.EQUAL, "A");
        assertEquals(List.of("A1", "A3", "B4", "B6"), shown());

        filter.remove(filter.conditions().get(0));
        assertEquals(List.of("A1", "A3", "B4", "B6"), shown());
        filter.remove(filter.conditions().get(0));
        assertEquals(6, shown().size());

        add("score", Operator.AT_LEAST, "700");
        filter.clear();
        assertEquals(6, shown().size());
    }

    @Test
    void featuresOfTheApplicantsFileCanBeFilteredOn() {
        Table cells = Table.create("applicants",
                StringColumn.create("id", "A1", "A2", "A3", "B4", "B5", "B6"),
                DoubleColumn.create("income", new double[] {1.2, 2.5, 0.4, 1.5, NA, 3.0}),
                StringColumn.create("region", "north", "North", "south", "east", "north", ""));
        CreditTable table = new CreditTable(null, cells, "id", List.of("income"),
                List.of("region"), TASKS, List.of());
        List<ApplicantRow> rows = new java.util.ArrayList<>();
        for (int r = 0; r < ROWS.size(); r++) {
            rows.add(new ApplicantRow(table, r, ROWS.get(r).result()));
        }
        filter.setColumns(ApplicantFilter.columns(TASKS, GRADES, List.of("income"),
                java.util.Map.of("region", List.of("east", "north", "south"))));
        filter.columnProperty().set(column("feature:region"));
        assertEquals(List.of("east", "north", "south"), List.copyOf(filter.valueChoices()));

        assertTrue(add("feature:income", Operator.AT_LEAST, "1.5"));
        assertTrue(add("feature:region", Operator.EQUAL, "north"));

        // B5's income is missing; B4 is in the east
        assertEquals(List.of("A2"), rows.stream().filter(filter::test).map(ApplicantRow::id)
                .toList());
    }

    @Test
    void conditionsOnColumnsStillOfferedSurviveANewColumnList() {
        add("score", Operator.AT_LEAST, "700");
        add("task:days:actual", Operator.GREATER, "0");

        // a rescoring offers the same columns again; another study has no task "days"
        filter.setColumns(ApplicantFilter.columns(TASKS, GRADES));
        assertEquals(List.of("A3"), shown());
        filter.setColumns(ApplicantFilter.columns(TASKS.subList(0, 1), GRADES));
        assertEquals(1, filter.conditions().size());
        assertEquals(List.of("A1", "A3", "B4", "B6"), shown());
    }
}
