package com.creditmtl.studio.study;

/**
 * One applicant's outcome: the actual value and prediction of every task (in task order and
 * original units), the credit score and the grade.
 */
public record ApplicantResult(String id, double[] actual, double[] predicted, double score,
        String grade) {
}
