package com.creditmtl.studio.ui;

/** Round steps between the tick labels of the window's axes and sliders. */
final class Ticks {

    private Ticks() {
    }

    /** The smallest of 1, 2 and 5 times a power of ten at least {@code step}. */
    static double roundStep(double step) {
        if (!(step > 0) || !Double.isFinite(step)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(step)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= step - 1e-9 * power) {
                return factor * power;
            }
        }
        return 10 * power;
    }
}
