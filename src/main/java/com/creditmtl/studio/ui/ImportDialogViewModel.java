package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.ColumnRole;
import com.creditmtl.studio.data.ComputedColumn;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.FileFormat;
import com.creditmtl.studio.data.ImportException;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.ImportReport;
import com.creditmtl.studio.data.TaskDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the import dialog: the format choices (each "auto" to detect), the missing tokens,
 * the tasks and computed columns written as on the command line (one a line), the features to
 * keep past the leakage guard, the role per column, and a preview of the first rows as they
 * will be split. {@link #options()} turns it into the importer's options.
 *
 * <p>The preview is read on the calling thread: it reads the first 64 KiB and
 * {@link #PREVIEW_ROWS} rows only, quick enough for the FX thread on a local disk.
 */
public final class ImportDialogViewModel {

    public static final int PREVIEW_ROWS = 20;
    /** Rows read to show what role the importer would give each column. */
    public static final int ROLE_SAMPLE_ROWS = 1000;
    static final String AUTO = ColumnRoleRow.AUTO;
    static final List<String> DELIMITERS = List.of(AUTO, ",", ";", "TAB", "|");
    static final List<String> ENCODINGS =
            List.of(AUTO, "UTF-8", "UTF-16", "GB18030", "windows-1252", "ISO-8859-1");
    static final List<String> DECIMAL_MARKS = List.of(AUTO, "point", "comma");
    static final List<String> ROLES = List.of(AUTO, "numeric", "categorical", "id", "ignore");

    private static final Logger LOGGER = LoggerFactory.getLogger(ImportDialogViewModel.class);

    private final Path file;
    private final I18n i18n;
    private final StringProperty delimiter = new SimpleStringProperty(AUTO);
    private final StringProperty encoding = new SimpleStringProperty(AUTO);
    private final StringProperty decimalMark = new SimpleStringProperty(AUTO);
    private final StringProperty missingTokens = new SimpleStringProperty(
            String.join(",", ImportOptions.DEFAULT_MISSING_TOKENS));
    private final StringProperty tasks = new SimpleStringProperty("");
    private final StringProperty computed = new SimpleStringProperty("");
    private final StringProperty keep = new SimpleStringProperty("");
    private final StringProperty sentinels = new SimpleStringProperty("");
    private final StringProperty tokenColumns = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper detected = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<String> header = FXCollections.observableArrayList();
    private final ObservableList<List<String>> rows = FXCollections.observableArrayList();
    private final ObservableList<ColumnRoleRow> columns = FXCollections.observableArrayList();

    /** The dialog's state for a file, its texts in English. */
    public ImportDialogViewModel(Path file) {
        this(file, new I18n(Locale.ENGLISH));
    }

    /**
     * The dialog's state for a file, its own texts in the window's language. The dialog is
     * modal, so the language cannot change while it is open.
     */
    public ImportDialogViewModel(Path file, I18n i18n) {
        this.file = file;
        this.i18n = i18n;
        tasks.addListener((obs, old, text) -> {
            if (!columns.isEmpty() && tasksReadable(text)) {
                updateDetectedRoles(formatOptions().build());
            }
        });
    }

    private static boolean tasksReadable(String text) {
        try {
            lines(text).forEach(TaskDefinition::parse);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public Path file() {
        return file;
    }

    /** The window's language, which the dialog's texts are in. */
    public I18n i18n() {
        return i18n;
    }

    /**
     * A choice of the format or of a role as the analyst reads it: auto, the decimal marks, the
     * roles and TAB in the current language, anything else (delimiters, encodings) as it is.
     */
    public String choiceName(String value) {
        if (value == null) {
            return "";
        }
        String key = switch (value) {
            case AUTO -> "common.auto";
            case "TAB" -> "import.delimiter.tab";
            case "point", "comma" -> "import.decimal." + value;
            case "numeric", "categorical", "id", "ignore" -> "import.role." + value;
            default -> null;
        };
        return key == null ? value : i18n.get(key);
    }

    /** Reads the preview again with the current format choices. */
    public void refreshPreview() {
        ImportOptions formatOnly;
        try {
            formatOnly = formatOptions().build();
        } catch (IllegalArgumentException e) {
            problem.set(i18n.explain(e));
            return;
        }
        try {
            CsvImporter.Preview preview = CsvImporter.preview(file, formatOnly, PREVIEW_ROWS);
            header.setAll(preview.header());
            rows.setAll(preview.rows());
            detected.set(describe(preview.format()));
            problem.set("");
            updateColumns(preview);
            updateDetectedRoles(formatOnly);
        } catch (ImportException e) {
            LOGGER.debug("Preview of {} failed", file.getFileName());
            header.clear();
            rows.clear();
            columns.clear();
            detected.set("");
            problem.set(i18n.explain(e));
        }
    }

    private void updateDetectedRoles(ImportOptions format) {
        ImportOptions withTasks = format;
        try {
            withTasks = format.toBuilder().tasks(lines(tasks.get()).stream()
                    .map(TaskDefinition::parse).toList()).build();
        } catch (IllegalArgumentException e) {
            LOGGER.debug("Tasks not readable yet; roles judged without them");
        }
        try {
            List<ImportReport.ColumnSummary> sample =
                    CsvImporter.sampleColumns(file, withTasks, ROLE_SAMPLE_ROWS);
            for (int c = 0; c < sample.size() && c < columns.size(); c++) {
                ImportReport.ColumnSummary column = sample.get(c);
                columns.get(c).detectedProperty().set(i18n.get("import.detectedRole",
                        i18n.get("import.role." + column.role().name().toLowerCase(Locale.ROOT)),
                        i18n.get("import.type." + column.type())));
            }
        } catch (ImportException e) {
            columns.forEach(column -> column.detectedProperty().set(""));
            problem.set(i18n.explain(e));
        }
    }

    private void updateColumns(CsvImporter.Preview preview) {
        List<String> names = preview.header();
        boolean same = columns.size() == names.size();
        for (int c = 0; same && c < names.size(); c++) {
            same = columns.get(c).name().equals(names.get(c));
        }
        if (same) {
            // Same columns, perhaps read with another encoding: new values, the chosen roles kept.
            for (int c = 0; c < names.size(); c++) {
                columns.get(c).sampleProperty().set(sample(preview, c));
            }
            return;
        }
        List<ColumnRoleRow> fresh = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            fresh.add(new ColumnRoleRow(names.get(c), sample(preview, c)));
        }
        columns.setAll(fresh);
    }

    private static String sample(CsvImporter.Preview preview, int column) {
        List<String> sample = new ArrayList<>();
        for (List<String> row : preview.rows()) {
            if (column < row.size() && sample.size() < 3) {
                sample.add(row.get(column));
            }
        }
        return String.join(" · ", sample);
    }

    /** What was detected, with the importer's notes on the file. */
    private String describe(FileFormat format) {
        return i18n.get("import.detected", format.charset().name(),
                choiceName(format.delimiterName()),
                i18n.get(format.decimalComma() ? "import.decimal.comma" : "import.decimal.point"),
                format.notes().stream().map(note -> " · " + i18n.get(note))
                        .collect(Collectors.joining()));
    }

    private ImportOptions.Builder formatOptions() {
        ImportOptions.Builder builder = ImportOptions.builder();
        String chosen = delimiter.get();
        if (!AUTO.equals(chosen)) {
            builder.delimiter(chosen.equals("TAB") ? '\t' : chosen.charAt(0));
        }
        if (!AUTO.equals(encoding.get())) {
            builder.encoding(encoding.get());
        }
        if (!AUTO.equals(decimalMark.get())) {
            builder.decimalComma(decimalMark.get().equals("comma"));
        }
        return builder;
    }

    /**
     * The importer's options for the dialog's state.
     *
     * @throws IllegalArgumentException naming the line of a task or computed column that cannot
     *     be read
     */
    public ImportOptions options() {
        ImportOptions.Builder builder = formatOptions();
        builder.missingTokens(split(missingTokens.get(), ","));
        for (String line : lines(tasks.get())) {
            builder.task(TaskDefinition.parse(line));
        }
        for (String line : lines(computed.get())) {
            builder.compute(ComputedColumn.parse(line));
        }
        builder.keep(split(keep.get(), ","));
        split(tokenColumns.get(), ",").forEach(builder::tokenColumn);
        for (String line : lines(sentinels.get())) {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(i18n.get("import.badSentinels", line));
            }
            List<Double> codes = new ArrayList<>();
            for (String code : split(line.substring(equals + 1), "\\|")) {
                try {
                    codes.add(Double.parseDouble(code));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(i18n.get("import.badSentinelCode", code,
                            line.substring(0, equals).strip()));
                }
            }
            builder.sentinels(line.substring(0, equals).strip(), codes);
        }
        for (ColumnRoleRow column : columns) {
            String role = column.roleProperty().get();
            if (role != null && !AUTO.equals(role)) {
                ColumnRole chosen = ColumnRole.valueOf(role.toUpperCase(Locale.ROOT));
                if (chosen == ColumnRole.ID) {
                    builder.idColumn(column.name());
                } else {
                    builder.role(column.name(), chosen);
                }
            }
        }
        return builder.build();
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
    }

    private static List<String> split(String text, String separator) {
        return text == null ? List.of() : Arrays.stream(text.split(separator))
                .map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    public StringProperty delimiterProperty() {
        return delimiter;
    }

    public StringProperty encodingProperty() {
        return encoding;
    }

    public StringProperty decimalMarkProperty() {
        return decimalMark;
    }

    public StringProperty missingTokensProperty() {
        return missingTokens;
    }

    public StringProperty tasksProperty() {
        return tasks;
    }

    public StringProperty computedProperty() {
        return computed;
    }

    public StringProperty keepProperty() {
        return keep;
    }

    /** Sentinel codes, one column a line: {@code COLUMN=V1|V2}. */
    public StringProperty sentinelsProperty() {
        return sentinels;
    }

    /** Columns where the missing tokens are real values, separated by commas. */
    public StringProperty tokenColumnsProperty() {
        return tokenColumns;
    }

    /** What detection found, or the format as chosen. */
    public ReadOnlyStringProperty detectedProperty() {
        return detected.getReadOnlyProperty();
    }

    /** Why the preview or the options cannot be read; empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void reportProblem(String message) {
        problem.set(message);
    }

    /** Shows why the options were refused, in the dialog's language. */
    void reportProblem(Throwable failure) {
        problem.set(i18n.explain(failure));
    }

    public ObservableList<String> header() {
        return header;
    }

    public ObservableList<List<String>> rows() {
        return rows;
    }

    public ObservableList<ColumnRoleRow> columns() {
        return columns;
    }
}
