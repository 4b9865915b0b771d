package com.creditmtl.studio.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.creditmtl.studio.scoring.GradeScale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The score written beside a grade never reads as the next band up. */
class ShownScoreTest {

    @ParameterizedTest(name = "{0} shows as {1}, grade {2}")
    @CsvSource({"499.96, 499.9, G", "500.0, 500.0, F", "579.999, 579.9, C", "580.04, 580.0, B",
        "612.35, 612.3, A"})
    void shownScoreIsCutToATenthAndKeepsItsGrade(double score, double shown, String grade) {
        assertEquals(shown, StudyFiles.shownScore(score), 1e-9);
        assertEquals(grade, GradeScale.DEFAULT.grade(score));
        assertEquals(grade, GradeScale.DEFAULT.grade(StudyFiles.shownScore(score)));
    }
}
