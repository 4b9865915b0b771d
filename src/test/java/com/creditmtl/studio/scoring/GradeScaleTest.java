package com.creditmtl.studio.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradeScaleTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1000, A", "600, A", "599.9, B", "580, B", "579.99, C", "560, C", "540, D",
            "539.9, E", "520, E", "519.9, F", "500, F", "499.9, G", "0, G", "-300, G"})
    void defaultGradesFollowTheLowerBounds(double score, String grade) {
        assertEquals(grade, GradeScale.DEFAULT.grade(score));
    }

    @Test
    void scoreOfDefaultProbabilityOneFiftyFirstIsGradeA() {
        assertEquals("A", GradeScale.DEFAULT.grade(ScoreScale.DEFAULT.score(1.0 / 52)));
        assertEquals("B", GradeScale.DEFAULT.grade(ScoreScale.DEFAULT.score(1.0 / 50)));
    }

    @Test
    void boundsThatDoNotFallStrictlyAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new GradeScale(List.of("A", "B", "C"), new double[] {500, 500}));
        assertThrows(IllegalArgumentException.class,
                () -> new GradeScale(List.of("A", "B", "C"), new double[] {500, 600}));
    }

    @Test
    void gradeCountMustBeOneMoreThanBoundCount() {
        assertThrows(IllegalArgumentException.class,
                () -> new GradeScale(List.of("A", "B"), new double[] {600, 500}));
        assertThrows(IllegalArgumentException.class,
                () -> new GradeScale(List.of("A", "B", "C", "D"), new double[] {600, 500}));
    }

    @Test
    void laterChangeToTheBoundsArrayDoesNotChangeTheScale() {
        double[] bounds = {600, 500};
        GradeScale scale = new GradeScale(List.of("A", "B", "C"), bounds);

        bounds[0] = 0;

        assertEquals("B", scale.grade(550));
    }
}
