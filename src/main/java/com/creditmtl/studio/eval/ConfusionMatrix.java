package com.creditmtl.studio.eval;

/**
 * Decisions at a cut-off on a binary task's predicted probability: an applicant with a
 * probability at or above the cut-off is refused (predicted bad), the others accepted. A bad
 * accepted (false negative) costs {@code costRatio}, a good refused (false positive) costs 1.
 *
 * @param cutoff the probability from which applicants are refused; positive infinity when
 *     refusing nobody is cheapest
 * @param costPerApplicant {@code (costRatio * falseNegatives + falsePositives) / rows}
 */
public record ConfusionMatrix(double costRatio, double cutoff, int truePositives,
        int falsePositives, int trueNegatives, int falseNegatives, double costPerApplicant) {

    public int rows() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }
}
