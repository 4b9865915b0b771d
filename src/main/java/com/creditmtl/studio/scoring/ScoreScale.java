package com.creditmtl.studio.scoring;

import com.creditmtl.studio.data.RefusedException;

/**
 * Scorecard scaling of a default probability into points: {@code score = offset + factor ·
 * ln((1 − p) / p)} with {@code factor = PDO / ln 2} and {@code offset = base − factor ·
 * ln(baseOdds)}. Higher is safer. The defaults put 600 points at good:bad odds of 50:1, add
 * 20 points each time the odds double and keep every score within 300 to 850.
 *
 * <p>p is clamped to [1e-9, 1 − 1e-9] first and the score then to [lowest, highest], so a
 * probability of exactly 0 or 1 gives the highest or lowest score. {@link #scoreOfOdds} is
 * the bare formula, without the bounds. A base score outside the bounds is refused, since the
 * base odds would then not give it.
 */
public record ScoreScale(double baseScore, double baseOdds, double pointsToDoubleOdds,
        double lowestScore, double highestScore) {

    public static final double DEFAULT_LOWEST = 300;
    public static final double DEFAULT_HIGHEST = 850;
    public static final ScoreScale DEFAULT = new ScoreScale(600, 50, 20);
    private static final double EPSILON = 1e-9;

    public ScoreScale {
        String base = String.valueOf(baseScore);
        String lowest = String.valueOf(lowestScore);
        String highest = String.valueOf(highestScore);
        require(Double.isFinite(baseScore), "scorecard.baseScore",
                "the base score must be a finite number, was " + baseScore, base);
        require(baseOdds > 0 && Double.isFinite(baseOdds), "scorecard.baseOdds",
                "the base odds must be a finite number above 0 (50 for 50:1), was " + baseOdds,
                String.valueOf(baseOdds));
        require(pointsToDoubleOdds > 0 && Double.isFinite(pointsToDoubleOdds),
                "scorecard.pointsToDouble", "the points to double the odds must be a finite "
                        + "number above 0, was " + pointsToDoubleOdds,
                String.valueOf(pointsToDoubleOdds));
        require(Double.isFinite(lowestScore) && Double.isFinite(highestScore),
                "scorecard.boundsFinite", "the score bounds must be finite numbers, were "
                        + lowestScore + " and " + highestScore, lowest, highest);
        require(lowestScore < highestScore, "scorecard.boundsOrder", "the lowest score ("
                + lowestScore + ") must be below the highest (" + highestScore + ")", lowest,
                highest);
        require(baseScore >= lowestScore && baseScore <= highestScore, "scorecard.baseWithin",
                "the base score (" + baseScore + ") must lie within the bounds " + lowestScore
                        + " to " + highestScore, base, lowest, highest);
    }

    /** A scale with the default bounds of 300 and 850 points. */
    public ScoreScale(double baseScore, double baseOdds, double pointsToDoubleOdds) {
        this(baseScore, baseOdds, pointsToDoubleOdds, DEFAULT_LOWEST, DEFAULT_HIGHEST);
    }

    public double factor() {
        return pointsToDoubleOdds / Math.log(2);
    }

    public double offset() {
        return baseScore - factor() * Math.log(baseOdds);
    }

    /** The score of good:bad odds by the bare formula, not held within the bounds. */
    public double scoreOfOdds(double goodToBadOdds) {
        return offset() + factor() * Math.log(goodToBadOdds);
    }

    /** The score of a default probability, within [lowest, highest]. */
    public double score(double defaultProbability) {
        double p = Math.min(Math.max(defaultProbability, EPSILON), 1 - EPSILON);
        double score = scoreOfOdds((1 - p) / p);
        return Math.min(Math.max(score, lowestScore), highestScore);
    }

    /**
     * The default probability a score stands for: the inverse of {@link #score} between the
     * bounds (a bound itself stands for every probability beyond it).
     */
    public double probability(double score) {
        double odds = Math.exp((score - offset()) / factor());
        return 1 / (1 + odds);
    }

    private static void require(boolean condition, String key, String english,
            Object... args) {
        if (!condition) {
            throw new RefusedException(key, english, args);
        }
    }
}
