package com.creditmtl.studio.eval;

/**
 * A 95 % interval of a figure, {@code [low, high]}, with how it was found. Both ends are NaN when
 * the figure could not be resampled (for instance a part with one class only).
 */
public record Interval(double low, double high, String method) {

    public static final Interval NONE = new Interval(Double.NaN, Double.NaN, "");

    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    /** True when the interval lies wholly above or wholly below zero. */
    public boolean excludesZero() {
        return low > 0 || high < 0;
    }
}
