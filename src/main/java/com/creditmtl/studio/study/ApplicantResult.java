package com.creditmtl.studio.study;

/**
 * One applicant's outcome: the actual value and prediction of every task (in task order and
 * original units; actual values NaN when unknown, as for new applicants), the credit score, the
 * grade and the expected loss (NaN without an amount task or a binary task).
 */
public record ApplicantResult(String id, double[] actual, double[] predicted, double score,
        String grade, double expectedLoss) {
}
