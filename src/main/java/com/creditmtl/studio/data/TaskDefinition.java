package com.creditmtl.studio.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a task's labels come out of a column of the file.
 *
 * <p>A binary task either reads 0/1 numbers, or, when {@code positives} are listed, counts those
 * values as 1 and either the listed {@code negatives} or, when none are listed, every other value
 * as 0. A regression task reads numbers. A label is masked (NaN) where the cell is missing, where a
 * binary task's value is in neither list, and where {@code whenColumn} is set and that row's
 * value of it is not among {@code whenValues}: a loss amount known only for charged-off loans,
 * for example.
 *
 * <p>Written on the command line as {@code NAME:binary[:POS1|POS2[:NEG1|NEG2]]} or
 * {@code NAME:regression[:COLUMN=V1|V2]}; a colon or bar inside a value is written {@code \:}
 * or {@code \|}.
 */
public record TaskDefinition(String column, TaskType type, List<String> positives,
        List<String> negatives, String whenColumn, List<String> whenValues) {

    public TaskDefinition {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(type, "type");
        positives = positives == null ? List.of() : List.copyOf(positives);
        negatives = negatives == null ? List.of() : List.copyOf(negatives);
        whenValues = whenValues == null ? List.of() : List.copyOf(whenValues);
    }

    public static TaskDefinition binary(String column, List<String> positives,
            List<String> negatives) {
        return new TaskDefinition(column, TaskType.BINARY, positives, negatives, null, null);
    }

    public static TaskDefinition regression(String column) {
        return new TaskDefinition(column, TaskType.REGRESSION, null, null, null, null);
    }

    /** Parses the command-line form; throws IllegalArgumentException with the reason. */
    public static TaskDefinition parse(String text) {
        List<String> parts = split(text, ':');
        if (parts.size() < 2 || parts.get(0).isBlank()) {
            throw new RefusedException("task.unreadable", "task '" + text + "' should read "
                    + "NAME:binary[:POS1|POS2[:NEG1|NEG2]] or NAME:regression[:COLUMN=V1|V2]",
                    text);
        }
        String column = parts.get(0).strip();
        String kind = parts.get(1).strip().toLowerCase(Locale.ROOT);
        if (kind.equals("binary")) {
            if (parts.size() > 4) {
                throw new RefusedException("task.tooManyParts", "task '" + text + "' has too "
                        + "many parts; write a colon inside a value as \\:", text);
            }
            List<String> positives = parts.size() > 2 ? values(parts.get(2)) : List.of();
            List<String> negatives = parts.size() > 3 ? values(parts.get(3)) : List.of();
            return binary(column, positives, negatives);
        }
        if (kind.equals("regression")) {
            if (parts.size() == 2) {
                return regression(column);
            }
            String condition = parts.get(2);
            int equals = condition.indexOf('=');
            if (parts.size() > 3 || equals <= 0) {
                throw new RefusedException("task.condition", "task '" + text + "': a "
                        + "regression task takes one condition COLUMN=V1|V2", text);
            }
            return new TaskDefinition(column, TaskType.REGRESSION, null, null,
                    condition.substring(0, equals).strip(),
                    values(condition.substring(equals + 1)));
        }
        throw new RefusedException("task.type", "task '" + text + "': the type must be binary "
                + "or regression, not '" + parts.get(1) + "'", text, parts.get(1));
    }

    /** The command-line form, which {@link #parse} reads back to an equal definition. */
    public String format() {
        StringBuilder text = new StringBuilder(escape(column)).append(':')
                .append(type.name().toLowerCase(Locale.ROOT));
        if (type == TaskType.BINARY && !positives.isEmpty()) {
            text.append(':').append(join(positives));
            if (!negatives.isEmpty()) {
                text.append(':').append(join(negatives));
            }
        }
        if (whenColumn != null) {
            text.append(':').append(escape(whenColumn)).append('=').append(join(whenValues));
        }
        return text.toString();
    }

    private static String join(List<String> values) {
        return String.join("|", values.stream().map(TaskDefinition::escape).toList());
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("|", "\\|");
    }

    private static List<String> values(String part) {
        return split(part, '|').stream().filter(v -> !v.isEmpty()).toList();
    }

    /** Splits on a separator not preceded by a backslash, removing the escapes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == ':' || next == '|' || next == '\\') {
                    if (separator == ':' && next != ':') {
                        current.append(c);
                    }
                    current.append(next);
                    i++;
                    continue;
                }
            }
            if (c == separator) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
