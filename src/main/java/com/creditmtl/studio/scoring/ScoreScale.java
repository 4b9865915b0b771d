package com.creditmtl.studio.scoring;

/**
 * Scorecard scaling of a default probability into points: {@code score = offset + factor ·
 * ln((1 − p) / p)} with {@code factor = PDO / ln 2} and {@code offset = base − factor ·
 * ln(baseOdds)}. Higher is safer. The defaults put 600 points at good:bad odds of 50:1 and add
 * 20 points each time the odds double.
 *
 * <p>p is clamped to [1e-9, 1 − 1e-9] first, so a probability of exactly 0 or 1 still gives a
 * finite score (about ±600 points from the base). Score bounds are not applied here.
 */
public record ScoreScale(double baseScore, double baseOdds, double pointsToDoubleOdds) {

    public static final ScoreScale DEFAULT = new ScoreScale(600, 50, 20);
    private static final double EPSILON = 1e-9;

    public ScoreScale {
        if (!(baseOdds > 0) || !(pointsToDoubleOdds > 0) || !Double.isFinite(baseScore)) {
            throw new IllegalArgumentException("base odds and points to double the odds must be "
                    + "positive and the base score finite");
        }
    }

    public double factor() {
        return pointsToDoubleOdds / Math.log(2);
    }

    public double offset() {
        return baseScore - factor() * Math.log(baseOdds);
    }

    /** The score of good:bad odds. */
    public double scoreOfOdds(double goodToBadOdds) {
        return offset() + factor() * Math.log(goodToBadOdds);
    }

    /** The score of a default probability. */
    public double score(double defaultProbability) {
        double p = Math.min(Math.max(defaultProbability, EPSILON), 1 - EPSILON);
        return scoreOfOdds((1 - p) / p);
    }

    /** The default probability a score stands for: the inverse of {@link #score}. */
    public double probability(double score) {
        double odds = Math.exp((score - offset()) / factor());
        return 1 / (1 + odds);
    }
}
