package com.creditmtl.studio.prep;

import com.creditmtl.studio.data.CreditTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;

/**
 * Turns a table's numeric and categorical features into the numbers the network reads, with
 * everything it learns taken from the training rows only.
 *
 * <p>A numeric feature passes through (NaN where missing, for {@link Preprocessor} to impute).
 * When log copies are asked for and the training rows hold at least
 * {@value #LOG_COPY_MIN_DISTINCT} distinct non-missing values of the feature, a
 * {@code NAME_log} column follows it with the signed logarithm sign(x) * log(1 + |x|) of the
 * same value (NaN stays NaN). Money amounts such as limits, bills and payments are heavy-tailed:
 * standardised as they are, a few very large amounts squeeze everybody else into a narrow band
 * near the mean, while on the log scale the differences between ordinary applicants stand out.
 * The raw value is kept beside the copy because the amount itself still matters (replacing it
 * made the predicted amounts worse). A feature with fewer distinct values is a code, a count or
 * a small scale, where the logarithm adds nothing but a second, nearly collinear input, so it
 * gets no copy; the rule is decided from the training rows only and then kept with the encoder.
 * When the training rows miss some of a feature's values, a {@code NAME_missing} column of 0/1
 * follows (after the copy, if any), so the network can learn that a missing value means
 * something.
 *
 * <p>A categorical feature becomes one 0/1 column {@code NAME=VALUE} per frequent training
 * value (at most {@link #MAX_LEVELS}, each seen at least {@link #MIN_COUNT} times, a missing
 * cell counting as the value {@code (missing)}), plus {@code NAME=(other)} for the rarer values
 * when there are any. A value never seen in training, as in new applicants, goes to
 * {@code (other)}, or to no column at all when training had no rare values.
 *
 * <p>{@link #toJson} and {@link #fromJson} keep what was learnt (the features, which have a log
 * copy and which a missing indicator, the levels and whether there is an {@code (other)}
 * column), so that a saved study encodes new applicants exactly as in training. A saved encoder
 * that does not say whether a feature has a log copy has none, as before copies existed.
 */
public final class FeatureEncoder {

    public static final int MAX_LEVELS = 20;
    public static final int MIN_COUNT = 5;
    /** Distinct non-missing training values a numeric feature needs for a log copy. */
    public static final int LOG_COPY_MIN_DISTINCT = 20;
    static final String LOG_SUFFIX = "_log";
    static final String MISSING = "(missing)";
    static final String OTHER = "(other)";

    private final List<String> numeric;
    private final boolean[] logCopies;
    private final boolean[] indicators;
    private final List<String> categorical;
    private final List<Map<String, Integer>> levels;
    private final int[] otherColumn;
    private final List<String> outputNames;

    private FeatureEncoder(List<String> numeric, boolean[] logCopies, boolean[] indicators,
            List<String> categorical, List<Map<String, Integer>> levels, int[] otherColumn,
            List<String> outputNames) {
        this.numeric = List.copyOf(numeric);
        this.logCopies = logCopies;
        this.indicators = indicators;
        this.categorical = List.copyOf(categorical);
        this.levels = levels;
        this.otherColumn = otherColumn;
        this.outputNames = List.copyOf(outputNames);
    }

    /** The encoder fitted on the training rows, with log copies where the rule gives them. */
    public static FeatureEncoder fit(CreditTable table, int[] trainRows) {
        return fit(table, trainRows, true);
    }

    /**
     * The encoder fitted on the training rows.
     *
     * @param logCopies whether numeric features with at least {@value #LOG_COPY_MIN_DISTINCT}
     *     distinct training values get a {@code _log} copy; false encodes every numeric feature
     *     as its value alone (and its missing indicator)
     */
    public static FeatureEncoder fit(CreditTable table, int[] trainRows, boolean logCopies) {
        List<String> numeric = table.featureNames();
        List<String> names = new ArrayList<>();
        boolean[] copies = new boolean[numeric.size()];
        boolean[] indicators = new boolean[numeric.size()];
        double[][] values = table.features(trainRows);
        for (int f = 0; f < numeric.size(); f++) {
            names.add(numeric.get(f));
            Set<Double> distinct = new HashSet<>();
            for (double[] row : values) {
                if (Double.isNaN(row[f])) {
                    indicators[f] = true;
                } else if (distinct.size() < LOG_COPY_MIN_DISTINCT) {
                    // -0.0 and 0.0 are one value
                    distinct.add(row[f] + 0.0);
                }
            }
            copies[f] = logCopies && distinct.size() >= LOG_COPY_MIN_DISTINCT;
            if (copies[f]) {
                names.add(numeric.get(f) + LOG_SUFFIX);
            }
            if (indicators[f]) {
                names.add(numeric.get(f) + "_missing");
            }
        }

        List<String> categorical = table.categoricalNames();
        List<Map<String, Integer>> levels = new ArrayList<>();
        int[] otherColumn = new int[categorical.size()];
        for (int c = 0; c < categorical.size(); c++) {
            String column = categorical.get(c);
            Map<String, Integer> counts = new HashMap<>();
            for (int row : trainRows) {
                counts.merge(value(table, column, row), 1, Integer::sum);
            }
            List<Map.Entry<String, Integer>> frequent = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                    .filter(e -> e.getValue() >= MIN_COUNT)
                    .limit(MAX_LEVELS)
                    .toList();
            Map<String, Integer> columns = new LinkedHashMap<>();
            int kept = 0;
            for (Map.Entry<String, Integer> level : frequent) {
                columns.put(level.getKey(), names.size());
                names.add(column + "=" + level.getKey());
                kept += level.getValue();
            }
            otherColumn[c] = -1;
            if (kept < trainRows.length || columns.isEmpty()) {
                otherColumn[c] = names.size();
                names.add(column + "=" + OTHER);
            }
            levels.add(columns);
        }
        return new FeatureEncoder(numeric, copies, indicators, categorical, levels, otherColumn,
                names);
    }

    /** sign(x) * log(1 + |x|): the log copy of a value, NaN for a missing one. */
    public static double signedLog(double value) {
        return Math.copySign(Math.log1p(Math.abs(value)), value);
    }

    /** Encoded columns of a numeric feature: its value, its log copy, its missing indicator. */
    private int width(int feature) {
        return 1 + (logCopies[feature] ? 1 : 0) + (indicators[feature] ? 1 : 0);
    }

    /** Writes a numeric feature's encoded columns from {@code at} on. */
    private void put(int feature, double value, double[] out, int at) {
        out[at] = value;
        int next = at + 1;
        if (logCopies[feature]) {
            out[next++] = signedLog(value);
        }
        if (indicators[feature]) {
            out[next] = Double.isNaN(value) ? 1 : 0;
        }
    }

    private static String value(CreditTable table, String column, int row) {
        String value = table.category(column, row);
        return value == null || value.isEmpty() ? MISSING : value;
    }

    /** The encoded rows: one array per row, NaN where a numeric value is missing. */
    public double[][] transform(CreditTable table, int[] rows) {
        double[][] out = new double[rows.length][outputNames.size()];
        int k = 0;
        for (int f = 0; f < numeric.size(); f++) {
            DoubleColumn column = table.table().doubleColumn(numeric.get(f));
            for (int r = 0; r < rows.length; r++) {
                put(f, column.getDouble(rows[r]), out[r], k);
            }
            k += width(f);
        }
        for (int c = 0; c < categorical.size(); c++) {
            String column = categorical.get(c);
            Map<String, Integer> columns = levels.get(c);
            for (int r = 0; r < rows.length; r++) {
                Integer target = columns.get(value(table, column, rows[r]));
                int index = target != null ? target : otherColumn[c];
                if (index >= 0) {
                    out[r][index] = 1;
                }
            }
        }
        return out;
    }

    /** Names of the encoded columns, in order. */
    public List<String> outputNames() {
        return outputNames;
    }

    public List<String> numericFeatures() {
        return numeric;
    }

    public List<String> categoricalFeatures() {
        return categorical;
    }

    /** Whether a numeric feature has a {@code _log} copy among the encoded columns. */
    public boolean hasLogCopy(String numericFeature) {
        return logCopies[numericIndex(numericFeature)];
    }

    private int numericIndex(String numericFeature) {
        int index = numeric.indexOf(numericFeature);
        if (index < 0) {
            throw new IllegalArgumentException("no numeric feature " + numericFeature);
        }
        return index;
    }

    /** The values of a categorical feature that have their own column. */
    public List<String> levels(String column) {
        return List.copyOf(levels.get(categorical.indexOf(column)).keySet());
    }

    /** What was learnt, as JSON; {@link #fromJson} reads it back. */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode numericNodes = root.putArray("numeric");
        for (int f = 0; f < numeric.size(); f++) {
            numericNodes.addObject().put("name", numeric.get(f))
                    .put("log_copy", logCopies[f])
                    .put("missing_indicator", indicators[f]);
        }
        ArrayNode categoricalNodes = root.putArray("categorical");
        for (int c = 0; c < categorical.size(); c++) {
            ObjectNode node = categoricalNodes.addObject().put("name", categorical.get(c));
            ArrayNode levelNodes = node.putArray("levels");
            levels.get(c).keySet().forEach(levelNodes::add);
            node.put("other", otherColumn[c] >= 0);
        }
        ArrayNode columns = root.putArray("columns");
        outputNames.forEach(columns::add);
        return root;
    }

    /**
     * The encoder {@link #toJson} wrote.
     *
     * @throws IllegalArgumentException naming what is missing or inconsistent
     */
    public static FeatureEncoder fromJson(JsonNode root) {
        List<String> numeric = new ArrayList<>();
        List<String> names = new ArrayList<>();
        JsonNode numericNodes = array(root, "numeric");
        boolean[] copies = new boolean[numericNodes.size()];
        boolean[] indicators = new boolean[numericNodes.size()];
        for (int f = 0; f < numericNodes.size(); f++) {
            JsonNode node = numericNodes.get(f);
            String name = text(node, "name");
            numeric.add(name);
            names.add(name);
            copies[f] = node.path("log_copy").asBoolean(false);
            if (copies[f]) {
                names.add(name + LOG_SUFFIX);
            }
            indicators[f] = node.path("missing_indicator").asBoolean(false);
            if (indicators[f]) {
                names.add(name + "_missing");
            }
        }
        List<String> categorical = new ArrayList<>();
        List<Map<String, Integer>> levels = new ArrayList<>();
        JsonNode categoricalNodes = array(root, "categorical");
        int[] otherColumn = new int[categoricalNodes.size()];
        for (int c = 0; c < categoricalNodes.size(); c++) {
            JsonNode node = categoricalNodes.get(c);
            String name = text(node, "name");
            categorical.add(name);
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (JsonNode level : array(node, "levels")) {
                if (!level.isTextual()) {
                    throw new IllegalArgumentException("encoder: a level of " + name
                            + " is not text");
                }
                columns.put(level.asText(), names.size());
                names.add(name + "=" + level.asText());
            }
            otherColumn[c] = -1;
            if (node.path("other").asBoolean(false)) {
                otherColumn[c] = names.size();
                names.add(name + "=" + OTHER);
            }
            levels.add(columns);
        }
        List<String> stored = new ArrayList<>();
        array(root, "columns").forEach(column -> stored.add(column.asText()));
        if (!stored.equals(names)) {
            throw new IllegalArgumentException("encoder: the columns " + stored
                    + " do not follow from the features, which give " + names);
        }
        return new FeatureEncoder(numeric, copies, indicators, categorical, levels, otherColumn,
                names);
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isArray()) {
            throw new IllegalArgumentException("encoder: '" + field + "' must be a list");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("encoder: '" + field + "' must be text");
        }
        return value.asText();
    }

    /** The original feature columns: the numeric ones, then the categorical ones. */
    public List<String> sourceColumns() {
        List<String> columns = new ArrayList<>(numeric);
        columns.addAll(categorical);
        return columns;
    }

    /**
     * For each encoded column, in order, the index in {@link #sourceColumns()} of the original
     * column it comes from: a {@code _log} copy, a {@code _missing} indicator and every level of
     * a categorical feature belong to their feature.
     */
    public int[] sourceIndex() {
        int[] source = new int[outputNames.size()];
        int k = 0;
        for (int f = 0; f < numeric.size(); f++) {
            for (int i = 0; i < width(f); i++) {
                source[k++] = f;
            }
        }
        for (int c = 0; c < categorical.size(); c++) {
            for (int index : levels.get(c).values()) {
                source[index] = numeric.size() + c;
            }
            if (otherColumn[c] >= 0) {
                source[otherColumn[c]] = numeric.size() + c;
            }
        }
        return source;
    }

    /** Index of a numeric feature's value (not its copy or indicator) among the encoded columns. */
    public int encodedIndex(String numericFeature) {
        int k = 0;
        for (int f = 0; f < numeric.size(); f++) {
            if (numeric.get(f).equals(numericFeature)) {
                return k;
            }
            k += width(f);
        }
        throw new IllegalArgumentException("no numeric feature " + numericFeature);
    }

    /**
     * The most frequent training value of a categorical feature, or {@code (other)} when no
     * value was frequent enough for a column of its own.
     */
    public String mostFrequent(String column) {
        Map<String, Integer> columns = levels.get(categorical.indexOf(column));
        return columns.isEmpty() ? OTHER : columns.keySet().iterator().next();
    }

    /**
     * One applicant's original values as the network's encoded row, like {@link #transform}.
     * A numeric value may be a {@link Number} or text in plain notation ({@code 1234.5});
     * null, blank or absent is missing. A categorical value is read as text, null or empty
     * being missing.
     *
     * @throws IllegalArgumentException when a numeric text is not a number
     */
    public double[] encode(Map<String, ?> applicant) {
        double[] out = new double[outputNames.size()];
        int k = 0;
        for (int f = 0; f < numeric.size(); f++) {
            put(f, number(numeric.get(f), applicant.get(numeric.get(f))), out, k);
            k += width(f);
        }
        for (int c = 0; c < categorical.size(); c++) {
            Object cell = applicant.get(categorical.get(c));
            String value = cell == null || cell.toString().isEmpty() ? MISSING : cell.toString();
            Integer target = levels.get(c).get(value);
            int index = target != null ? target : otherColumn[c];
            if (index >= 0) {
                out[index] = 1;
            }
        }
        return out;
    }

    /**
     * A table row's original feature values, keyed by column in {@link #sourceColumns()} order:
     * a {@link Double} (NaN when missing) for a numeric feature, the text (null when missing)
     * for a categorical one.
     */
    public Map<String, Object> applicant(CreditTable table, int row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : numeric) {
            values.put(column, table.table().doubleColumn(column).getDouble(row));
        }
        for (String column : categorical) {
            values.put(column, table.category(column, row));
        }
        return values;
    }

    private static double number(String column, Object value) {
        if (value == null) {
            return Double.NaN;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " needs a number, not '" + text + "'");
        }
    }
}
