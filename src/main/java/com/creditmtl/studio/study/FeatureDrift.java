package com.creditmtl.studio.study;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.Sentence;
import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.eval.PopulationStability.Reference;
import com.creditmtl.studio.eval.PopulationStability.Result;
import com.creditmtl.studio.prep.FeatureEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;

/**
 * Drift of new applicants' features from the training part: the training distributions kept in
 * a study, and the population stability index of each feature of a new table against them.
 * Covers the features the model reads (after the leakage guard), not computed relations between
 * them.
 */
public final class FeatureDrift {

    private FeatureDrift() {
    }

    /** The distribution of every feature the encoder reads, over the given (training) rows. */
    public static List<Reference> references(CreditTable table, int[] rows,
            FeatureEncoder encoder) {
        List<Reference> references = new ArrayList<>();
        for (String feature : encoder.numericFeatures()) {
            references.add(Reference.numeric(feature, numbers(table, feature, rows)));
        }
        for (String feature : encoder.categoricalFeatures()) {
            references.add(Reference.categorical(feature, categories(table, feature, rows),
                    encoder.levels(feature)));
        }
        return references;
    }

    /** Each feature's index over all rows of the new table, in the order of the references. */
    public static List<Result> compare(List<Reference> references, CreditTable table) {
        int[] rows = table.allRows();
        List<Result> results = new ArrayList<>();
        for (Reference reference : references) {
            double[] shares = reference.numeric()
                    ? reference.numberShares(numbers(table, reference.feature(), rows))
                    : reference.levelShares(categories(table, reference.feature(), rows));
            double psi = PopulationStability.index(reference.shares(), shares);
            results.add(new Result(reference.feature(), psi,
                    PopulationStability.Status.of(psi)));
        }
        return results;
    }

    /** Fewer applicants than this make the index unreliable: a bin holds a handful at most. */
    public static final int FEW_APPLICANTS = 500;

    /**
     * What an analyst should know of new applicants before reading their scores, in this order:
     * features with empty cells ({@link #missingCells}), values outside the training range
     * ({@link #outOfRange}), categories the model did not learn ({@link #unseenLevels}), empty
     * IDs ({@link #emptyIds}) and IDs that appear more than once ({@link #duplicateIds}).
     */
    public static List<Sentence> checks(List<Reference> references, CreditTable table) {
        List<Sentence> checks = new ArrayList<>(missingCells(references, table));
        List<Sentence> outside = new ArrayList<>(outOfRange(references, table));
        if (outside.size() > RANGE_WARNINGS_SHOWN) {
            // the features with the most applicants outside first; the rest in one line
            outside.sort(Comparator.comparingInt((Sentence check) ->
                    (Integer) check.args().get(1)).reversed());
            int more = outside.size() - RANGE_WARNINGS_SHOWN;
            outside = new ArrayList<>(outside.subList(0, RANGE_WARNINGS_SHOWN));
            outside.add(Sentence.of("scoring.moreOutOfRange", String.format(Locale.ROOT,
                    "%,d more features have values outside their training range, for as many "
                    + "applicants as the last above or fewer", more), more));
        }
        checks.addAll(outside);
        checks.addAll(unseenLevels(references, table));
        emptyIds(table).ifPresent(checks::add);
        duplicateIds(table).ifPresent(checks::add);
        return checks;
    }

    /** Features outside their training range named one by one, at most; the rest counted. */
    static final int RANGE_WARNINGS_SHOWN = 8;

    /**
     * New applicants may miss this share of a feature more than the training part did before
     * it is worth a warning: a file as complete as the training data stays quiet.
     */
    static final double MISSING_MARGIN = 0.05;

    /**
     * One warning per feature whose cells are empty in the new table more often than in the
     * training part (by more than {@value #MISSING_MARGIN} of the applicants, or at all when no
     * training value was missing): how many, the training share, and the first applicant's ID.
     * The model fills them in as it did in training (a number with the training median, a
     * category as missing), which an analyst should know of.
     */
    public static List<Sentence> missingCells(List<Reference> references, CreditTable table) {
        List<Sentence> warnings = new ArrayList<>();
        int[] rows = table.allRows();
        for (Reference reference : references) {
            int missing = 0;
            int first = -1;
            for (int row : rows) {
                boolean empty = reference.numeric()
                        ? Double.isNaN(table.table().doubleColumn(reference.feature())
                                .getDouble(row))
                        : table.category(reference.feature(), row) == null;
                if (empty) {
                    missing++;
                    first = first < 0 ? row : first;
                }
            }
            double trained = reference.missingShare();
            if (moreOftenThanInTraining(missing, rows.length, trained)) {
                String filled = reference.numeric() ? "the training median"
                        : "counted as missing";
                double percent = 100 * trained;
                warnings.add(Sentence.of(reference.numeric() ? "scoring.missingNumbers"
                        : "scoring.missingCategories", String.format(Locale.ROOT, "%s: %,d of "
                        + "%,d applicants have no value, against %s %% in training (first: "
                        + "applicant %s); the model fills it in as in training (%s)",
                        reference.feature(), missing, rows.length, plainPercent(percent),
                        table.id(first), filled), reference.feature(), missing, rows.length,
                        percent, table.id(first)));
            }
        }
        return warnings;
    }

    /**
     * Whether {@code count} of {@code total} new applicants is worth a warning against a
     * training share: at all when training had none, else above it by {@value #MISSING_MARGIN}.
     */
    private static boolean moreOftenThanInTraining(int count, int total, double trained) {
        return count > 0 && (trained == 0 || (double) count / total > trained + MISSING_MARGIN);
    }

    /** A percentage with one decimal, as the window's pattern {@code {n,number,0.0}} has it. */
    private static String plainPercent(double percent) {
        return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ENGLISH))
                .format(percent);
    }

    /**
     * One warning per numeric feature with values below or above its training range: how many
     * applicants, the range, and the first such applicant with its value. The network was never
     * shown such values and extrapolates, so their predictions deserve a second look. Silent for
     * a study saved before the range was kept.
     */
    public static List<Sentence> outOfRange(List<Reference> references, CreditTable table) {
        List<Sentence> warnings = new ArrayList<>();
        int[] rows = table.allRows();
        for (Reference reference : references) {
            if (!reference.hasRange()) {
                continue;
            }
            DoubleColumn column = table.table().doubleColumn(reference.feature());
            int outside = 0;
            int first = -1;
            for (int row : rows) {
                if (reference.outside(column.getDouble(row))) {
                    outside++;
                    first = first < 0 ? row : first;
                }
            }
            if (outside > 0) {
                double value = column.getDouble(first);
                warnings.add(Sentence.of("scoring.outOfRange", String.format(Locale.ROOT,
                        "%s: %,d of %,d applicants %s outside the training range %s to %s "
                        + "(first: applicant %s, %s); the model extrapolates there, so read "
                        + "their predictions with care", reference.feature(), outside,
                        rows.length, outside == 1 ? "lies" : "lie", plain(reference.low()),
                        plain(reference.high()),
                        table.id(first), plain(value)), reference.feature(), outside,
                        rows.length, reference.low(), reference.high(), table.id(first),
                        value));
            }
        }
        return warnings;
    }

    /**
     * A warning when some applicant IDs appear more than once: how many IDs, and the first with
     * its count. Every row is scored on its own, so an export joined on the ID would pair the
     * wrong rows.
     */
    public static Optional<Sentence> duplicateIds(CreditTable table) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int row : table.allRows()) {
            String id = table.id(row);
            if (id != null && !id.isBlank()) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> repeated = counts.entrySet().stream()
                .filter(entry -> entry.getValue() > 1).toList();
        if (repeated.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, Integer> first = repeated.get(0);
        return Optional.of(Sentence.of("scoring.duplicateIds", String.format(Locale.ROOT,
                "%,d applicant %s more than once (first: %s, %,d times); each row is "
                + "scored on its own, so match the output to the input by row, not by ID",
                repeated.size(), repeated.size() == 1 ? "ID appears" : "IDs appear",
                first.getKey(), first.getValue()), repeated.size(), first.getKey(),
                first.getValue()));
    }

    /**
     * A warning when some applicants have an empty ID cell: how many, and the first one's row
     * (counted from 1 after the header, as the import counts). Their output rows carry an empty
     * ID too, so only the row order links them to the input.
     */
    public static Optional<Sentence> emptyIds(CreditTable table) {
        int empty = 0;
        int first = -1;
        for (int row : table.allRows()) {
            String id = table.id(row);
            if (id == null || id.isBlank()) {
                empty++;
                first = first < 0 ? row : first;
            }
        }
        if (empty == 0) {
            return Optional.empty();
        }
        return Optional.of(Sentence.of("scoring.emptyIds", String.format(Locale.ROOT,
                "%,d %s no ID (first: row %,d); %s scored, with an empty ID in the output, so "
                + "match them to the input by row", empty, empty == 1 ? "applicant has"
                : "applicants have", first + 1, empty == 1 ? "it is" : "they are"), empty,
                first + 1));
    }

    /**
     * One warning per categorical feature whose new values fall outside the levels the model
     * learnt more often than in training (by more than {@value #MISSING_MARGIN} of the
     * applicants, or at all when training had none there): the model counts them as
     * {@code (other)}. Names how many, the training share and the first such applicant with
     * its value.
     */
    public static List<Sentence> unseenLevels(List<Reference> references, CreditTable table) {
        List<Sentence> warnings = new ArrayList<>();
        int[] rows = table.allRows();
        for (Reference reference : references) {
            if (reference.numeric()) {
                continue;
            }
            Set<String> known = new HashSet<>(reference.levels());
            int unseen = 0;
            int first = -1;
            for (int row : rows) {
                String value = table.category(reference.feature(), row);
                if (value != null && !value.isEmpty() && !known.contains(value)) {
                    unseen++;
                    first = first < 0 ? row : first;
                }
            }
            double trained = reference.shares()[reference.levels()
                    .indexOf(PopulationStability.OTHER)];
            if (moreOftenThanInTraining(unseen, rows.length, trained)) {
                String value = table.category(reference.feature(), first);
                double percent = 100 * trained;
                warnings.add(Sentence.of("scoring.unseenLevels", String.format(Locale.ROOT,
                        "%s: %,d of %,d applicants have a value the model did not learn "
                        + "(first: applicant %s, '%s'); it counts such values as %s, against "
                        + "%s %% in training", reference.feature(), unseen, rows.length,
                        table.id(first), value, PopulationStability.OTHER,
                        plainPercent(percent)), reference.feature(), unseen, rows.length,
                        table.id(first), value, percent));
            }
        }
        return warnings;
    }

    /**
     * A value as the command line prints it, and as the window's pattern
     * {@code {n,number,#,##0.####}} does in English: grouped, at most four decimals.
     */
    static String plain(double value) {
        return new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ENGLISH))
                .format(value);
    }

    /** The report as JSON: thresholds, then one entry per feature, largest index first. */
    public static ObjectNode toJson(List<Result> results, String dataName, String studyName) {
        return toJson(results, dataName, studyName, null, -1);
    }

    /**
     * The report as JSON, naming the study file by its SHA-256 so a report of another study
     * can refuse it, and giving the number of applicants scored.
     */
    public static ObjectNode toJson(List<Result> results, String dataName, String studyName,
            String studySha256, int applicants) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("data", dataName);
        root.put("study", studyName);
        if (studySha256 != null) {
            root.put("study_sha256", studySha256);
        }
        if (applicants >= 0) {
            root.put("applicants", applicants);
        }
        root.put("watch_from", PopulationStability.WATCH_FROM);
        root.put("act_above", PopulationStability.ACT_ABOVE);
        ArrayNode features = root.putArray("features");
        results.stream()
                .sorted((a, b) -> Double.compare(b.psi(), a.psi()))
                .forEach(result -> features.addObject()
                        .put("feature", result.feature())
                        .put("psi", Math.round(result.psi() * 1e6) / 1e6)
                        .put("status", result.status().name().toLowerCase(Locale.ROOT)));
        return root;
    }

    /**
     * A drift report written by {@link #toJson}, read back.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    public static List<Result> fromJson(JsonNode root) {
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw new IllegalArgumentException("a drift report has a list of features");
        }
        List<Result> results = new ArrayList<>();
        for (JsonNode feature : features) {
            if (!feature.path("feature").isTextual() || !feature.path("psi").isNumber()) {
                throw new IllegalArgumentException("each feature of a drift report needs a "
                        + "name and a psi");
            }
            double psi = feature.get("psi").asDouble();
            results.add(new Result(feature.get("feature").asText(), psi,
                    PopulationStability.Status.of(psi)));
        }
        return results;
    }

    private static double[] numbers(CreditTable table, String feature, int[] rows) {
        DoubleColumn column = table.table().doubleColumn(feature);
        double[] values = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            values[r] = column.getDouble(rows[r]);
        }
        return values;
    }

    private static List<String> categories(CreditTable table, String feature, int[] rows) {
        List<String> values = new ArrayList<>(rows.length);
        for (int row : rows) {
            values.add(table.category(feature, row));
        }
        return values;
    }
}
