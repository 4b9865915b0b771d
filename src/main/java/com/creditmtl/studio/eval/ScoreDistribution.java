package com.creditmtl.studio.eval;

import java.util.Arrays;

/**
 * Scores of a binary task's applicants counted per score band, separately for goods (label 0)
 * and bads (label 1), to draw the two distributions over each other. The bands are of equal
 * width between the 1st and 99th percentile of the scores, so that a few extreme scores do not
 * squeeze the rest; scores beyond fall into the end bands, and every applicant with a known
 * label and a finite score is counted once.
 *
 * @param low the lower edge of the first band
 * @param high the upper edge of the last band
 * @param goods per band, the goods counted
 * @param bads per band, the bads counted
 */
public record ScoreDistribution(double low, double high, int[] goods, int[] bads) {

    public ScoreDistribution {
        goods = goods.clone();
        bads = bads.clone();
    }

    /** The scores in {@code bands} bands; labels NaN (unknown) are left out. */
    public static ScoreDistribution of(double[] labels, double[] scores, int bands) {
        if (bands < 1) {
            throw new IllegalArgumentException("need at least one band, not " + bands);
        }
        double[] sorted = Arrays.stream(scores).filter(Double::isFinite).sorted().toArray();
        int[] goods = new int[bands];
        int[] bads = new int[bands];
        if (sorted.length == 0) {
            return new ScoreDistribution(0, 1, goods, bads);
        }
        double low = sorted[(int) (0.01 * (sorted.length - 1))];
        double high = sorted[(int) Math.ceil(0.99 * (sorted.length - 1))];
        if (high - low < 1) {
            high = low + 1;
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(labels[i]) || !Double.isFinite(scores[i])) {
                continue;
            }
            int band = (int) ((scores[i] - low) / (high - low) * bands);
            band = Math.max(0, Math.min(band, bands - 1));
            if (labels[i] == 1) {
                bads[band]++;
            } else {
                goods[band]++;
            }
        }
        return new ScoreDistribution(low, high, goods, bads);
    }

    @Override
    public int[] goods() {
        return goods.clone();
    }

    @Override
    public int[] bads() {
        return bads.clone();
    }

    public int bands() {
        return goods.length;
    }

    /** The middle score of a band. */
    public double centre(int band) {
        return low + (band + 0.5) * (high - low) / goods.length;
    }

    /** Applicants counted in all bands. */
    public int total() {
        return Arrays.stream(goods).sum() + Arrays.stream(bads).sum();
    }
}
