package com.creditmtl.studio.eval;

import com.creditmtl.studio.data.RefusedException;

/**
 * How tasks are evaluated beyond their fixed metrics.
 *
 * @param costRatio cost of a bad applicant accepted relative to a good one refused, used to
 *     choose the cut-off of the confusion matrix (5 : 1 by default, as in the German credit data)
 * @param resamples bootstrap resamples for the 95 % intervals
 * @param seed seed of the bootstrap draws, so intervals repeat
 */
public record EvaluationOptions(double costRatio, int resamples, long seed) {

    public static final double DEFAULT_COST_RATIO = 5;
    public static final int DEFAULT_RESAMPLES = 1_000;
    public static final long DEFAULT_SEED = 42;

    public static final EvaluationOptions DEFAULT =
            new EvaluationOptions(DEFAULT_COST_RATIO, DEFAULT_RESAMPLES, DEFAULT_SEED);

    public EvaluationOptions {
        if (!(costRatio > 0) || Double.isInfinite(costRatio)) {
            throw new RefusedException("evaluation.costRatio", "cost ratio must be a number "
                    + "above 0, was " + costRatio, String.valueOf(costRatio));
        }
        if (resamples < 10) {
            throw new IllegalArgumentException("at least 10 bootstrap resamples are needed, not "
                    + resamples);
        }
    }

    public EvaluationOptions withCostRatio(double ratio) {
        return new EvaluationOptions(ratio, resamples, seed);
    }

    public EvaluationOptions withResamples(int count) {
        return new EvaluationOptions(costRatio, count, seed);
    }
}
