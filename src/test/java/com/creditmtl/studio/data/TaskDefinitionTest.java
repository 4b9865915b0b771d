package com.creditmtl.studio.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskDefinitionTest {

    @Test
    void binaryWithPositivesAndNegativesIsParsed() {
        TaskDefinition task = TaskDefinition.parse(
                "loan_status:binary:Charged Off|Late (31-120 days):Fully Paid");

        assertEquals("loan_status", task.column());
        assertEquals(TaskType.BINARY, task.type());
        assertEquals(List.of("Charged Off", "Late (31-120 days)"), task.positives());
        assertEquals(List.of("Fully Paid"), task.negatives());
    }

    @Test
    void escapedColonStaysInsideAValue() {
        TaskDefinition task = TaskDefinition.parse(
                "loan_status:binary:Does not meet the credit policy. Status\\:Charged Off");

        assertEquals(List.of("Does not meet the credit policy. Status:Charged Off"),
                task.positives());
        assertEquals(List.of(), task.negatives());
    }

    @Test
    void regressionWithConditionIsParsed() {
        TaskDefinition task = TaskDefinition.parse("loss:regression:loan_status=Charged Off");

        assertEquals(TaskType.REGRESSION, task.type());
        assertEquals("loan_status", task.whenColumn());
        assertEquals(List.of("Charged Off"), task.whenValues());
    }

    @ParameterizedTest
    @ValueSource(strings = {"class:binary:bad", "a:binary:x|y:z", "loss:regression",
            "loss:regression:s=Charged Off|Late", "s:binary:A\\:B|C\\|D"})
    void formatReadsBackToAnEqualDefinition(String text) {
        TaskDefinition task = TaskDefinition.parse(text);

        assertEquals(task, TaskDefinition.parse(task.format()));
    }

    @Test
    void unknownTypeIsRejectedWithTheReason() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TaskDefinition.parse("class:ordinal"));

        assertTrue(error.getMessage().contains("binary or regression"), error.getMessage());
    }

    @Test
    void missingTypeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TaskDefinition.parse("class"));
    }
}
