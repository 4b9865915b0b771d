package com.creditmtl.studio.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScoreScaleTest {

    private static final ScoreScale SCALE = ScoreScale.DEFAULT;

    @Test
    void oddsOfFiftyToOneGiveExactlySixHundred() {
        assertEquals(600, SCALE.scoreOfOdds(50), 1e-9);
    }

    @ParameterizedTest(name = "odds {0}")
    @ValueSource(doubles = {0.5, 1, 3, 50, 100, 1_000})
    void doublingTheOddsAddsExactlyTwentyPoints(double odds) {
        assertEquals(20, SCALE.scoreOfOdds(2 * odds) - SCALE.scoreOfOdds(odds), 1e-9);
    }

    @Test
    void probabilityOneFiftyFirstGivesSixHundred() {
        assertEquals(600, SCALE.score(1.0 / 51), 1e-9);
    }

    @Test
    void oddsOfHundredToOneGiveSixHundredTwenty() {
        // p = 1/101 -> good:bad odds 100:1, one doubling above 50:1
        assertEquals(620, SCALE.score(1.0 / 101), 1e-9);
    }

    @Test
    void scoreNeverRisesAsProbabilityRisesOnAFineGrid() {
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 100_000; i++) {
            double p = i / 100_000.0;
            double score = SCALE.score(p);
            assertTrue(score <= previous, "rising at p = " + p);
            assertTrue(score >= 300 && score <= 850, "out of bounds at p = " + p);
            previous = score;
        }
    }

    @Test
    void scoreFallsStrictlyBetweenTheBounds() {
        // 850 points stand for p near 3.45e-6, 300 points for p near 0.99848
        assertTrue(SCALE.score(0.5) < SCALE.score(0.49));
        assertTrue(SCALE.score(0.998) < SCALE.score(0.997));
    }

    @ParameterizedTest(name = "p = {0}")
    @ValueSource(doubles = {0, 1})
    void certainProbabilitiesGiveTheBounds(double p) {
        double score = SCALE.score(p);

        assertTrue(Double.isFinite(score), "score of " + p + " is " + score);
        assertEquals(p == 0 ? 850 : 300, score, 0);
    }

    @Test
    void customBoundsHoldTheScore() {
        ScoreScale scale = new ScoreScale(600, 50, 20, 500, 700);

        assertEquals(700, scale.score(0), 0);
        assertEquals(500, scale.score(0.5), 0);
        assertEquals(620, scale.score(1.0 / 101), 1e-9);
    }

    @ParameterizedTest(name = "base {0}, bounds {1} to {2}")
    @CsvSource({"600, 850, 300", "600, 600, 600", "900, 300, 850", "250, 300, 850",
            "600, -Infinity, 850", "600, 300, NaN"})
    void invalidBoundsAreRejectedWithTheReason(double base, double lowest, double highest) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScoreScale(base, 50, 20, lowest, highest));

        assertTrue(e.getMessage().contains("score"), e.getMessage());
    }

    @Test
    void probabilityZeroScoresAboveProbabilityOne() {
        assertTrue(SCALE.score(0) > SCALE.score(1));
    }

    @ParameterizedTest(name = "p = {0}")
    @ValueSource(doubles = {1e-5, 0.001, 0.0196, 0.1, 0.2212, 0.5, 0.9, 0.998})
    void probabilityOfScoreGivesBackTheProbability(double p) {
        assertEquals(p, SCALE.probability(SCALE.score(p)), 1e-12 + 1e-9 * p);
    }

    @Test
    void factorAndOffsetFollowTheFormula() {
        double factor = 20 / Math.log(2);

        assertEquals(factor, SCALE.factor(), 1e-12);
        assertEquals(600 - factor * Math.log(50), SCALE.offset(), 1e-9);
    }

    @Test
    void customScaleUsesItsOwnBase() {
        ScoreScale scale = new ScoreScale(500, 20, 40);

        assertEquals(500, scale.scoreOfOdds(20), 1e-9);
        assertEquals(540, scale.scoreOfOdds(40), 1e-9);
        assertEquals(500, scale.score(1.0 / 21), 1e-9);
        assertEquals(540, scale.score(1.0 / 41), 1e-9);
    }

    @ParameterizedTest(name = "base {0}, odds {1}, pdo {2}")
    @CsvSource({"600, 0, 20", "600, -1, 20", "600, 50, 0", "600, 50, -20", "NaN, 50, 20",
            "Infinity, 50, 20", "600, NaN, 20"})
    void invalidScaleIsRejected(double base, double odds, double pdo) {
        assertThrows(IllegalArgumentException.class, () -> new ScoreScale(base, odds, pdo));
    }
}
