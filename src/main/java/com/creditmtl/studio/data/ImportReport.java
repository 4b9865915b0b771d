package com.creditmtl.studio.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an import found: the format, the rows read and skipped (with row numbers and reasons),
 * each column's role, type, missing and distinct counts and range, and warnings an analyst
 * should read before training. Written by the command line as {@code import-report.json} and
 * shown in the window.
 *
 * @param file the file's name
 * @param format the format it was read with
 * @param rowsRead data rows kept
 * @param rowsSkipped data rows left out; the first {@link #SKIPPED_LISTED} are listed
 * @param skipped the first skipped rows with their reasons
 * @param columns one summary per column of the file, then per computed column
 * @param notices things to check, in the order found, as sentences the window can translate;
 *     {@link #warnings()} gives them as the command line prints them
 */
public record ImportReport(String file, FileFormat format, long rowsRead, long rowsSkipped,
        List<SkippedRow> skipped, List<ColumnSummary> columns, List<Sentence> notices) {

    /** How many skipped rows are listed one by one. */
    public static final int SKIPPED_LISTED = 100;
    /** Above this many distinct numbers a column's count reads "more than". */
    public static final int DISTINCT_LIMIT = ColumnBuffer.DISTINCT_LIMIT;

    public ImportReport {
        skipped = List.copyOf(skipped);
        columns = List.copyOf(columns);
        notices = List.copyOf(notices);
    }

    /** The things to check in English, as the command line prints them. */
    public List<String> warnings() {
        return notices.stream().map(Sentence::english).toList();
    }

    /** A data row left out, counted from 1 after the header, and why. */
    public record SkippedRow(long row, Sentence why) {

        /** A skipped row whose reason has no translation. */
        public SkippedRow(long row, String reason) {
            this(row, Sentence.plain(reason));
        }

        /** Why the row was left out, in English. */
        public String reason() {
            return why.english();
        }
    }

    /**
     * One column as read.
     *
     * @param distinct distinct non-missing values, or -1 for more than
     *     {@link ColumnBuffer#DISTINCT_LIMIT} numbers
     * @param min smallest number, NaN for text
     * @param max largest number, NaN for text
     */
    public record ColumnSummary(String name, ColumnRole role, String type, long missing,
            int distinct, double min, double max) {

        public boolean isNumber() {
            return type.equals("number");
        }

        /** A bound of the range written as briefly as it reads exactly, e.g. 1000000 or 0.5. */
        public static String bound(double value) {
            return ColumnBuffer.shortest(value);
        }
    }

    /** A copy with more warnings at the end, texts without a translation. */
    public ImportReport withWarnings(List<String> more) {
        return withNotices(more.stream().map(Sentence::plain).toList());
    }

    /** A copy with more things to check at the end. */
    public ImportReport withNotices(List<Sentence> more) {
        List<Sentence> all = new ArrayList<>(notices);
        all.addAll(more);
        return new ImportReport(file, format, rowsRead, rowsSkipped, skipped, columns, all);
    }

    public ColumnSummary column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + name));
    }

    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("file", file);
        ObjectNode fmt = root.putObject("format");
        fmt.put("encoding", format.charset().name());
        fmt.put("byte_order_mark", format.byteOrderMark() > 0);
        fmt.put("delimiter", format.delimiterName());
        fmt.put("decimal_comma", format.decimalComma());
        root.put("rows_read", rowsRead);
        root.put("rows_skipped", rowsSkipped);
        ArrayNode skippedRows = root.putArray("skipped");
        for (SkippedRow row : skipped) {
            skippedRows.addObject().put("row", row.row()).put("reason", row.reason());
        }
        ArrayNode columnNodes = root.putArray("columns");
        for (ColumnSummary column : columns) {
            ObjectNode node = columnNodes.addObject();
            node.put("name", column.name());
            node.put("role", column.role().name().toLowerCase(Locale.ROOT));
            node.put("type", column.type());
            node.put("missing", column.missing());
            if (column.distinct() >= 0) {
                node.put("distinct", column.distinct());
            } else {
                node.put("distinct", "more than " + ColumnBuffer.DISTINCT_LIMIT);
            }
            if (column.isNumber() && !Double.isNaN(column.min())) {
                node.put("min", column.min());
                node.put("max", column.max());
            }
        }
        ArrayNode warningNodes = root.putArray("warnings");
        warnings().forEach(warningNodes::add);
        return root;
    }

    /** A few lines for a console or a status area. */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s: %,d rows read, %,d skipped; %s, delimiter %s%s%n", file, rowsRead,
                rowsSkipped, format.charset().name(), format.delimiterName(),
                format.decimalComma() ? ", decimal comma" : ""));
        text.append(String.format(Locale.ROOT, "%-28s %-11s %-6s %9s %9s  %s%n", "column",
                "role", "type", "missing", "distinct", "range"));
        for (ColumnSummary c : columns) {
            String range = c.isNumber() && !Double.isNaN(c.min())
                    ? String.format(Locale.ROOT, "%s … %s", ColumnBuffer.shortest(c.min()),
                            ColumnBuffer.shortest(c.max()))
                    : "";
            text.append(String.format(Locale.ROOT, "%-28s %-11s %-6s %,9d %9s  %s%n",
                    c.name(), c.role().name().toLowerCase(Locale.ROOT), c.type(), c.missing(),
                    c.distinct() < 0 ? ">" + ColumnBuffer.DISTINCT_LIMIT : c.distinct(), range));
        }
        for (SkippedRow row : skipped) {
            text.append("skipped row ").append(row.row()).append(": ").append(row.reason())
                    .append(System.lineSeparator());
        }
        for (String warning : warnings()) {
            text.append("warning: ").append(warning).append(System.lineSeparator());
        }
        return text.toString();
    }
}
