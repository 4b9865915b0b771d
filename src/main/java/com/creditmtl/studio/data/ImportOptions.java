package com.creditmtl.studio.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a file is read: its format (each detected when left null), the missing-value tokens, the
 * role of each column, the tasks and the computed columns. Saved beside a study's results as
 * {@code import-spec.json}, so that new applicants are later read exactly the same way.
 *
 * @param delimiter one of {@code , ; TAB |} as a one-character string, or null to detect
 * @param encoding a charset name such as {@code UTF-8} or {@code windows-1252}, or null to detect
 * @param decimalComma whether numbers use a decimal comma, or null to detect
 * @param missingTokens cell texts read as missing (an empty cell is always missing)
 * @param tokenColumns columns where the missing tokens are real values (a region code "NA")
 * @param sentinels per column, codes that mean missing (96, 98, 365243 ...)
 * @param roles per column, a role chosen by the analyst over the detected one
 * @param idColumn the column naming applicants, or null to take a column named ID if any
 * @param exclude columns left out of the model
 * @param tasks the tasks in head order; empty to find the canonical three by name
 * @param computed columns computed from others, added after the file's columns
 * @param keep features the leakage guard flags but the analyst keeps
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportOptions(String delimiter, String encoding, Boolean decimalComma,
        List<String> missingTokens, Set<String> tokenColumns, Map<String, List<Double>> sentinels,
        Map<String, ColumnRole> roles, String idColumn, List<String> exclude,
        List<TaskDefinition> tasks, List<ComputedColumn> computed, List<String> keep) {

    /** Tokens that mean a missing cell unless a column keeps them. */
    public static final List<String> DEFAULT_MISSING_TOKENS =
            List.of("NA", "N/A", "n/a", "na", "NULL", "null", "NaN", "nan", "?", "#N/A");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    public ImportOptions {
        if (delimiter != null && delimiter.length() != 1) {
            throw new RefusedException("import.delimiter", "the delimiter must be one "
                    + "character, was '" + delimiter + "'", delimiter);
        }
        missingTokens = missingTokens == null ? DEFAULT_MISSING_TOKENS : List.copyOf(missingTokens);
        tokenColumns = tokenColumns == null ? Set.of() : Set.copyOf(tokenColumns);
        sentinels = sentinels == null ? Map.of() : Map.copyOf(sentinels);
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        computed = computed == null ? List.of() : List.copyOf(computed);
        keep = keep == null ? List.of() : List.copyOf(keep);
    }

    /** Everything detected, the default missing tokens, the canonical tasks. */
    public static ImportOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.delimiter = delimiter;
        builder.encoding = encoding;
        builder.decimalComma = decimalComma;
        builder.missingTokens = new ArrayList<>(missingTokens);
        builder.tokenColumns = new LinkedHashSet<>(tokenColumns);
        builder.sentinels = new LinkedHashMap<>(sentinels);
        builder.roles = new LinkedHashMap<>(roles);
        builder.idColumn = idColumn;
        builder.exclude = new ArrayList<>(exclude);
        builder.tasks = new ArrayList<>(tasks);
        builder.computed = new ArrayList<>(computed);
        builder.keep = new ArrayList<>(keep);
        return builder;
    }

    public Character delimiterChar() {
        return delimiter == null ? null : delimiter.charAt(0);
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException("import options cannot be written as JSON", e);
        }
    }

    public static ImportOptions read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ImportOptions.class);
    }

    /** Collects options; every setter returns the builder. */
    public static final class Builder {
        private String delimiter;
        private String encoding;
        private Boolean decimalComma;
        private List<String> missingTokens = new ArrayList<>(DEFAULT_MISSING_TOKENS);
        private Set<String> tokenColumns = new LinkedHashSet<>();
        private Map<String, List<Double>> sentinels = new LinkedHashMap<>();
        private Map<String, ColumnRole> roles = new LinkedHashMap<>();
        private String idColumn;
        private List<String> exclude = new ArrayList<>();
        private List<TaskDefinition> tasks = new ArrayList<>();
        private List<ComputedColumn> computed = new ArrayList<>();
        private List<String> keep = new ArrayList<>();

        public Builder delimiter(Character value) {
            delimiter = value == null ? null : value.toString();
            return this;
        }

        public Builder encoding(String value) {
            encoding = value;
            return this;
        }

        public Builder decimalComma(Boolean value) {
            decimalComma = value;
            return this;
        }

        public Builder missingTokens(List<String> value) {
            missingTokens = new ArrayList<>(value);
            return this;
        }

        public Builder tokenColumn(String column) {
            tokenColumns.add(column);
            return this;
        }

        /** Clears every column's sentinel codes. */
        public Builder clearSentinels() {
            sentinels.clear();
            return this;
        }

        public Builder sentinels(String column, List<Double> codes) {
            sentinels.put(column, List.copyOf(codes));
            return this;
        }

        public Builder role(String column, ColumnRole role) {
            roles.put(column, role);
            return this;
        }

        public Builder roles(Map<String, ColumnRole> value) {
            roles = new LinkedHashMap<>(value);
            return this;
        }

        public Builder idColumn(String value) {
            idColumn = value;
            return this;
        }

        /** Adds columns to leave out; null clears the list. */
        public Builder exclude(List<String> columns) {
            if (columns == null) {
                exclude.clear();
            } else {
                exclude.addAll(columns);
            }
            return this;
        }

        public Builder task(TaskDefinition task) {
            tasks.add(task);
            return this;
        }

        public Builder tasks(List<TaskDefinition> value) {
            tasks = new ArrayList<>(value);
            return this;
        }

        public Builder compute(ComputedColumn column) {
            computed.add(column);
            return this;
        }

        /** Adds features to keep; null clears the list. */
        public Builder keep(List<String> columns) {
            if (columns == null) {
                keep.clear();
            } else {
                keep.addAll(columns);
            }
            return this;
        }

        public Builder computed(List<ComputedColumn> columns) {
            computed = new ArrayList<>(columns);
            return this;
        }

        public ImportOptions build() {
            return new ImportOptions(delimiter, encoding, decimalComma, missingTokens,
                    tokenColumns, sentinels, roles, idColumn, exclude, tasks, computed, keep);
        }
    }
}
