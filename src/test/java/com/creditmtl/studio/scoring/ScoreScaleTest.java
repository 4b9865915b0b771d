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
    void scoreFallsStrictlyAsProbabilityRises() {
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 1_000; i++) {
            double score = SCALE.score(i / 1_000.0);
            assertTrue(score < previous || i == 0, "not falling at p = " + i / 1_000.0);
            previous = score;
        }
    }

    @ParameterizedTest(name = "p = {0}")
    @ValueSource(doubles = {0, 1})
    void certainProbabilitiesGiveFiniteScores(double p) {
        double score = SCALE.score(p);

        assertTrue(Double.isFinite(score), "score of " + p + " is " + score);
        // clamped to 1e-9: offset 487.12 +- (20 / ln 2) * ln(1e9 - 1) = 487.12 +- 597.95
        assertEquals(p == 0 ? 1085.07 : -110.82, score, 0.01);
    }

    @Test
    void probabilityZeroScoresAboveProbabilityOne() {
        assertTrue(SCALE.score(0) > SCALE.score(1));
    }

    @ParameterizedTest(name = "p = {0}")
    @ValueSource(doubles = {1e-6, 0.001, 0.0196, 0.1, 0.2212, 0.5, 0.9, 0.999})
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
    }

    @ParameterizedTest(name = "base {0}, odds {1}, pdo {2}")
    @CsvSource({"600, 0, 20", "600, -1, 20", "600, 50, 0", "600, 50, -20", "NaN, 50, 20",
            "Infinity, 50, 20", "600, NaN, 20"})
    void invalidScaleIsRejected(double base, double odds, double pdo) {
        assertThrows(IllegalArgumentException.class, () -> new ScoreScale(base, odds, pdo));
    }
}
