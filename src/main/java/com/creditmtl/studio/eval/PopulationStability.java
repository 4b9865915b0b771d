package com.creditmtl.studio.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Population stability index (PSI) of a feature: how far the shares of new applicants per bin
 * have moved from the training part's, {@code Σ (new − train) · ln(new / train)}. Below 0.1 the
 * feature is stable, from 0.1 to 0.25 worth watching, above 0.25 worth acting on.
 *
 * <p>Numeric features are binned at the training part's deciles (fewer bins when values repeat),
 * with a bin of its own for missing values; categorical features by level, the levels the model
 * knows plus {@code (missing)} and {@code (other)}. A share of zero is counted as
 * {@value #FLOOR}, so a bin that is empty on one side adds a large but finite amount. The index
 * says that a distribution moved, not whether the model's predictions got worse.
 */
public final class PopulationStability {

    /** Below this the feature is stable. */
    public static final double WATCH_FROM = 0.1;
    /** Above this the feature has moved enough to act on. */
    public static final double ACT_ABOVE = 0.25;
    /** The share a bin without applicants counts as. */
    public static final double FLOOR = 1e-4;
    public static final String MISSING = "(missing)";
    public static final String OTHER = "(other)";

    private PopulationStability() {
    }

    /** How far a feature moved. */
    public enum Status {
        STABLE, WATCH, ACT;

        public static Status of(double psi) {
            return psi > ACT_ABOVE ? ACT : psi >= WATCH_FROM ? WATCH : STABLE;
        }
    }

    /** The index of new shares against expected shares, bin by bin. */
    public static double index(double[] expected, double[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException("expected " + expected.length + " bins, got "
                    + actual.length);
        }
        double psi = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.max(expected[i], FLOOR);
            double a = Math.max(actual[i], FLOOR);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    /**
     * A feature's training distribution: for a numeric feature its cut points (a value falls in
     * the first bin whose cut is at least the value, else in the last numeric bin, and a missing
     * value in the bin after it), for a categorical feature its levels. A numeric feature also
     * keeps the lowest and highest training value, its training range ({@code low} and
     * {@code high}); both are NaN for a categorical feature and in a study saved before the
     * range was kept.
     */
    public record Reference(String feature, boolean numeric, double[] cuts, List<String> levels,
            double[] shares, double low, double high) {

        /** A reference without a training range. */
        public Reference(String feature, boolean numeric, double[] cuts, List<String> levels,
                double[] shares) {
            this(feature, numeric, cuts, levels, shares, Double.NaN, Double.NaN);
        }

        public Reference {
            cuts = cuts.clone();
            levels = List.copyOf(levels);
            shares = shares.clone();
            int bins = numeric ? cuts.length + 2 : levels.size();
            if (shares.length != bins) {
                throw new IllegalArgumentException("drift reference of " + feature + ": "
                        + bins + " bins but " + shares.length + " shares");
            }
        }

        /** Cut points at the deciles of the training values and their shares per bin. */
        public static Reference numeric(String feature, double[] trainValues) {
            double[] present = Arrays.stream(trainValues).filter(v -> !Double.isNaN(v))
                    .sorted().toArray();
            double[] cuts = new double[0];
            if (present.length > 0) {
                cuts = IntStream.rangeClosed(1, 9)
                        .mapToDouble(d -> present[Math.max(0,
                                (int) Math.ceil(d / 10.0 * present.length) - 1)])
                        .filter(c -> c < present[present.length - 1])
                        .distinct().toArray();
            }
            Reference empty = new Reference(feature, true, cuts, List.of(),
                    new double[cuts.length + 2]);
            return new Reference(feature, true, cuts, List.of(), empty.numberShares(trainValues),
                    present.length > 0 ? present[0] : Double.NaN,
                    present.length > 0 ? present[present.length - 1] : Double.NaN);
        }

        /** The share of training values that were missing. */
        public double missingShare() {
            return numeric ? shares[cuts.length + 1] : shares[levels.indexOf(MISSING)];
        }

        /** Whether the training range is known: a numeric feature of a recent study. */
        public boolean hasRange() {
            return numeric && !Double.isNaN(low) && !Double.isNaN(high);
        }

        /** Whether a value lies below or above the training range; false when unknown. */
        public boolean outside(double value) {
            return hasRange() && !Double.isNaN(value) && (value < low || value > high);
        }

        /** The shares of the training values per level the model knows, missing and other. */
        public static Reference categorical(String feature, List<String> trainValues,
                Collection<String> knownLevels) {
            List<String> levels = new ArrayList<>(knownLevels);
            for (String extra : List.of(MISSING, OTHER)) {
                if (!levels.contains(extra)) {
                    levels.add(extra);
                }
            }
            Reference empty = new Reference(feature, false, new double[0], levels,
                    new double[levels.size()]);
            return new Reference(feature, false, new double[0], levels,
                    empty.levelShares(trainValues));
        }

        /** The shares per bin of numeric values, NaN for missing. */
        public double[] numberShares(double[] values) {
            double[] counts = new double[cuts.length + 2];
            for (double value : values) {
                counts[bin(value)]++;
            }
            return divide(counts, values.length);
        }

        int bin(double value) {
            if (Double.isNaN(value)) {
                return cuts.length + 1;
            }
            int at = Arrays.binarySearch(cuts, value);
            return at >= 0 ? at : -at - 1;
        }

        /** The shares per level of category values, null or empty for missing. */
        public double[] levelShares(List<String> values) {
            double[] counts = new double[levels.size()];
            Set<String> known = Set.copyOf(levels);
            int other = levels.indexOf(OTHER);
            int missing = levels.indexOf(MISSING);
            for (String value : values) {
                if (value == null || value.isEmpty()) {
                    counts[missing]++;
                } else {
                    counts[known.contains(value) ? levels.indexOf(value) : other]++;
                }
            }
            return divide(counts, values.size());
        }

        private static double[] divide(double[] counts, int total) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = total == 0 ? 0 : counts[i] / total;
            }
            return counts;
        }

        public ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("feature", feature);
            node.put("type", numeric ? "numeric" : "categorical");
            if (numeric) {
                ArrayNode cutNodes = node.putArray("cuts");
                Arrays.stream(cuts).forEach(cutNodes::add);
                if (hasRange()) {
                    node.put("min", low);
                    node.put("max", high);
                }
            } else {
                ArrayNode levelNodes = node.putArray("levels");
                levels.forEach(levelNodes::add);
            }
            ArrayNode shareNodes = node.putArray("shares");
            Arrays.stream(shares).forEach(shareNodes::add);
            return node;
        }

        /** @throws IllegalArgumentException naming what is missing or inconsistent */
        public static Reference fromJson(JsonNode node) {
            String feature = node.path("feature").asText("");
            String type = node.path("type").asText("");
            if (feature.isEmpty() || !(type.equals("numeric") || type.equals("categorical"))) {
                throw new IllegalArgumentException("drift reference: needs a feature name and "
                        + "the type numeric or categorical");
            }
            boolean numeric = type.equals("numeric");
            double[] cuts = numeric ? numbers(node, "cuts", feature) : new double[0];
            for (int i = 1; i < cuts.length; i++) {
                if (!(cuts[i] > cuts[i - 1])) {
                    throw new IllegalArgumentException("drift reference of " + feature
                            + ": the cut points must rise");
                }
            }
            List<String> levels = new ArrayList<>();
            if (!numeric) {
                node.path("levels").forEach(level -> levels.add(level.asText()));
                if (!levels.contains(MISSING) || !levels.contains(OTHER)) {
                    throw new IllegalArgumentException("drift reference of " + feature
                            + ": the levels must include " + MISSING + " and " + OTHER);
                }
            }
            double low = Double.NaN;
            double high = Double.NaN;
            if (numeric && (node.has("min") || node.has("max"))) {
                if (!node.path("min").isNumber() || !node.path("max").isNumber()
                        || !(node.get("min").asDouble() <= node.get("max").asDouble())) {
                    throw new IllegalArgumentException("drift reference of " + feature
                            + ": 'min' and 'max' must be numbers, min no larger than max");
                }
                low = node.get("min").asDouble();
                high = node.get("max").asDouble();
            }
            return new Reference(feature, numeric, cuts, levels,
                    numbers(node, "shares", feature), low, high);
        }

        private static double[] numbers(JsonNode node, String field, String feature) {
            JsonNode array = node.path(field);
            if (!array.isArray()) {
                throw new IllegalArgumentException("drift reference of " + feature + ": '"
                        + field + "' must be a list of numbers");
            }
            double[] values = new double[array.size()];
            for (int i = 0; i < values.length; i++) {
                if (!array.get(i).isNumber()) {
                    throw new IllegalArgumentException("drift reference of " + feature + ": '"
                            + field + "' must be a list of numbers");
                }
                values[i] = array.get(i).asDouble();
            }
            return values;
        }
    }

    /** One feature's index and status. */
    public record Result(String feature, double psi, Status status) {

        public String describe() {
            return String.format(Locale.ROOT, "%s PSI %.4f (%s)", feature, psi,
                    status.name().toLowerCase(Locale.ROOT));
        }
    }
}
