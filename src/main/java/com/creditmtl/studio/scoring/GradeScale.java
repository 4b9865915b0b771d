package com.creditmtl.studio.scoring;

import com.creditmtl.studio.data.RefusedException;
import java.util.List;

/**
 * Risk grades from scores: A is safest. Each grade's lower bound is a score; a score at or above
 * the first bound gets the first grade, below the last bound the last grade plus one.
 *
 * <p>The default bands are one doubling of the odds wide on the default scale: A from 600 points
 * (default probability below about 2 %), then B from 580, C 560, D 540, E 520, F 500, and G below.
 */
public record GradeScale(List<String> grades, double[] lowerBounds) {

    public static final GradeScale DEFAULT = new GradeScale(
            List.of("A", "B", "C", "D", "E", "F", "G"),
            new double[] {600, 580, 560, 540, 520, 500});

    public GradeScale {
        grades = List.copyOf(grades);
        if (grades.size() != lowerBounds.length + 1) {
            throw new RefusedException("scorecard.gradeCount",
                    "need one grade more than lower bounds");
        }
        for (int i = 1; i < lowerBounds.length; i++) {
            if (!(lowerBounds[i] < lowerBounds[i - 1])) {
                throw new RefusedException("scorecard.boundsFall",
                        "lower bounds must fall strictly");
            }
        }
        lowerBounds = lowerBounds.clone();
    }

    public String grade(double score) {
        for (int i = 0; i < lowerBounds.length; i++) {
            if (score >= lowerBounds[i]) {
                return grades.get(i);
            }
        }
        return grades.get(grades.size() - 1);
    }
}
