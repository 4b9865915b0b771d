package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.creditmtl.studio.scoring.GradeScale;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grades of the scorecard editor as text, both ways. */
class ScorecardTextTest {

    @Test
    void defaultGradesReadBackAsTheyAreWritten() {
        String text = ApplicantsViewModel.gradesText(GradeScale.DEFAULT);

        assertEquals("A 600, B 580, C 560, D 540, E 520, F 500, G", text);
        GradeScale read = ApplicantsViewModel.parseGrades(text);
        assertEquals(GradeScale.DEFAULT.grades(), read.grades());
        assertArrayEquals(GradeScale.DEFAULT.lowerBounds(), read.lowerBounds(), 0);
    }

    @Test
    void gradesWithDecimalBoundsAndSpacesAreRead() {
        GradeScale read = ApplicantsViewModel.parseGrades("  low 612.5 ,  high ");

        assertEquals(List.of("low", "high"), read.grades());
        assertArrayEquals(new double[] {612.5}, read.lowerBounds(), 0);
    }

    @Test
    void boundsThatRiseAreRefusedWithGradeScalesMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApplicantsViewModel.parseGrades("A 600, B 620, C"));

        assertEquals("lower bounds must fall strictly", e.getMessage());
    }

    @Test
    void aBandWithoutItsBoundIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApplicantsViewModel.parseGrades("A 600, B, C"));

        assertEquals("grade band 2 ('B') must be a name and its lowest score, as 'A 600'",
                e.getMessage());
    }

    @Test
    void aBoundThatIsNoNumberIsRefusedNamingTheGrade() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApplicantsViewModel.parseGrades("A six, B"));

        assertEquals("the lowest score of grade A must be a number, was 'six'", e.getMessage());
    }
}
