package com.creditmtl.studio.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The receiver operating characteristic of a binary task: for every distinct predicted
 * probability taken as cut-off (refusing from it up), the share of goods refused (false positive
 * rate) and of bads refused (true positive rate). Starts at (0, 0), refusing nobody, and ends at
 * (1, 1), refusing everybody; tied predictions make one diagonal step. Rows whose label is
 * missing (NaN) are left out. Without both classes there is no curve.
 */
public final class RocCurve {

    private RocCurve() {
    }

    /** One point of the curve. */
    public record Point(double falsePositiveRate, double truePositiveRate, double cutoff) {
    }

    /** The curve's points from (0, 0) to (1, 1); empty without both classes. */
    public static List<Point> points(double[] labels, double[] probabilities) {
        double[][] known = TaskEvaluator.withoutMasked(labels, probabilities);
        double[] y = known[0];
        double[] p = known[1];
        double positives = 0;
        for (double label : y) {
            positives += label == 1 ? 1 : 0;
        }
        double negatives = y.length - positives;
        List<Point> points = new ArrayList<>();
        if (positives == 0 || negatives == 0) {
            return points;
        }

        Integer[] order = TaskEvaluator.ascending(p);
        points.add(new Point(0, 0, Double.POSITIVE_INFINITY));
        double refusedPositives = 0;
        double refusedNegatives = 0;
        for (int to = order.length - 1; to >= 0; ) {
            int from = to;
            while (from - 1 >= 0 && p[order[from - 1]] == p[order[to]]) {
                from--;
            }
            for (int k = from; k <= to; k++) {
                if (y[order[k]] == 1) {
                    refusedPositives++;
                } else {
                    refusedNegatives++;
                }
            }
            points.add(new Point(refusedNegatives / negatives, refusedPositives / positives,
                    p[order[to]]));
            to = from - 1;
        }
        return points;
    }

    /** The area under the points by the trapezoid rule; equals the rank AUC. */
    public static double area(List<Point> points) {
        double area = 0;
        for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1);
            Point b = points.get(i);
            area += (b.falsePositiveRate() - a.falsePositiveRate())
                    * (a.truePositiveRate() + b.truePositiveRate()) / 2;
        }
        return area;
    }
}
