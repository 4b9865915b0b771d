package com.creditmtl.studio.scoring;

import java.util.List;

/**
 * Why the default task's output of one applicant differs from the reference applicant's.
 *
 * @param features the original feature columns
 * @param effects per feature, its addition to the log-odds (negative when it lowers the risk)
 * @param logit the applicant's log-odds of default
 * @param referenceLogit the reference applicant's log-odds of default
 * @param reasons the features that raise the risk most, largest first, at most
 *     {@link ReasonFinder#MAX_REASONS}
 */
public record Explanation(List<String> features, double[] effects, double logit,
        double referenceLogit, List<Reason> reasons) {

    public Explanation {
        features = List.copyOf(features);
        effects = effects.clone();
        reasons = List.copyOf(reasons);
    }

    /** A copy of the effects, in the order of {@link #features()}. */
    @Override
    public double[] effects() {
        return effects.clone();
    }

    /** Sum of the effects minus the change of log-odds: zero for exact integrated gradients. */
    public double completenessGap() {
        double sum = 0;
        for (double effect : effects) {
            sum += effect;
        }
        return sum - (logit - referenceLogit);
    }

    /** A feature's effect, 0 when there is no such feature. */
    public double effect(String feature) {
        int index = features.indexOf(feature);
        return index < 0 ? 0 : effects[index];
    }
}
