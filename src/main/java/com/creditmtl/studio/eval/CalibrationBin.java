package com.creditmtl.studio.eval;

/**
 * One of ten equal-width bins of predicted probability ({@code [0, 0.1)}, ..., {@code [0.9, 1]}):
 * the rows whose prediction fell in it, their mean prediction and their observed rate of
 * positives. An empty bin has a count of 0 and NaN means.
 */
public record CalibrationBin(double from, double to, int count, double meanPredicted,
        double observedRate) {
}
