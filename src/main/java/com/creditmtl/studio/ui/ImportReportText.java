package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.ImportReport;
import com.creditmtl.studio.data.Sentence;
import java.util.Locale;

/**
 * The import report as the Data tab shows it: the same lines as {@link ImportReport#summary()}
 * prints on the command line, in the window's language. The headings, the roles and types and
 * the numbers follow the language, and so do a skipped row's reason and a warning, the
 * importer's own sentences ({@link com.creditmtl.studio.data.Sentence}). Columns are padded by
 * their width on screen, a Chinese character taking two places of a monospaced font.
 */
final class ImportReportText {

    private static final int NAME_WIDTH = 28;
    private static final int ROLE_WIDTH = 11;
    private static final int TYPE_WIDTH = 6;
    private static final int COUNT_WIDTH = 9;

    private ImportReportText() {
    }

    static String render(ImportReport report, I18n i18n) {
        if (report == null) {
            return "";
        }
        String delimiter = "TAB".equals(report.format().delimiterName())
                ? i18n.get("import.delimiter.tab") : report.format().delimiterName();
        StringBuilder text = new StringBuilder(i18n.get(report.format().decimalComma()
                ? "report.header.decimalComma" : "report.header", report.file(),
                report.rowsRead(), report.rowsSkipped(), report.format().charset().name(),
                delimiter)).append('\n');
        text.append(pad(i18n.get("report.column"), NAME_WIDTH)).append(' ')
                .append(pad(i18n.get("report.role"), ROLE_WIDTH)).append(' ')
                .append(pad(i18n.get("report.type"), TYPE_WIDTH)).append(' ')
                .append(padLeft(i18n.get("report.missing"), COUNT_WIDTH)).append(' ')
                .append(padLeft(i18n.get("report.distinct"), COUNT_WIDTH)).append("  ")
                .append(i18n.get("report.range")).append('\n');
        for (ImportReport.ColumnSummary column : report.columns()) {
            String range = column.isNumber() && !Double.isNaN(column.min())
                    ? i18n.get("report.rangeValue", ImportReport.ColumnSummary.bound(column.min()),
                            ImportReport.ColumnSummary.bound(column.max())) : "";
            String distinct = column.distinct() < 0
                    ? i18n.get("report.distinctMore", ImportReport.DISTINCT_LIMIT)
                    : String.valueOf(column.distinct());
            text.append(pad(column.name(), NAME_WIDTH)).append(' ')
                    .append(pad(i18n.get("import.role." + column.role().name()
                            .toLowerCase(Locale.ROOT)), ROLE_WIDTH)).append(' ')
                    .append(pad(i18n.get("import.type." + column.type()), TYPE_WIDTH))
                    .append(' ')
                    .append(padLeft(i18n.number(column.missing(), 0), COUNT_WIDTH)).append(' ')
                    .append(padLeft(distinct, COUNT_WIDTH)).append("  ")
                    .append(range).append('\n');
        }
        for (ImportReport.SkippedRow row : report.skipped()) {
            text.append(i18n.get("report.skippedRow", row.row(), row.why())).append('\n');
        }
        for (Sentence warning : report.notices()) {
            text.append(i18n.get("report.warning", warning)).append('\n');
        }
        return text.toString();
    }

    /** Places a text takes in a monospaced font: two for a wide (East Asian) character. */
    static int width(String text) {
        return text.codePoints().map(c -> isWide(c) ? 2 : 1).sum();
    }

    private static boolean isWide(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN
                || (codePoint >= 0x3000 && codePoint <= 0x303F)
                || (codePoint >= 0xFF00 && codePoint <= 0xFF60);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - width(text)));
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - width(text))) + text;
    }
}
