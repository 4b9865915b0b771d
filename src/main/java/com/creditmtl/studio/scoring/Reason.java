package com.creditmtl.studio.scoring;

/**
 * One feature that raises an applicant's default risk against the reference applicant.
 *
 * @param feature the original column
 * @param value the applicant's value as shown, {@code missing} for an empty cell
 * @param reference the reference applicant's value as shown
 * @param effect what the feature adds to the default task's log-odds (integrated gradients,
 *     summed over the column's encoded inputs); always above zero
 * @param text the sentence from the feature's template
 */
public record Reason(String feature, String value, String reference, double effect,
        String text) {
}
