package com.creditmtl.studio.data;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads a delimited text file of applicants into a {@link CreditTable}, with a report of what it
 * found. The format is detected by {@link FormatDetector} unless the options fix it; cells are
 * split by FastCSV (quoted cells may hold delimiters, quotes and line breaks) and every cell
 * is looked at once, numbers going straight into arrays of doubles.
 *
 * <p>Header: names are stripped of spaces and of enclosing single quotes; an empty name becomes
 * {@code column_N}; a repeated name gets {@code _2}, {@code _3}. Rows: a row with fewer cells
 * than the header, or with more that are not empty, is skipped and reported; when more than a
 * tenth of the rows are like that the import stops, as the delimiter is then likely wrong.
 * Numbers: see {@link NumberParser}; a column is numeric while all its cells are numbers or
 * missing, else text. Roles: the options decide first; otherwise numbers are numeric features,
 * text with few values categorical, and all-missing, constant, ID-like or free-text columns are
 * ignored with a warning. Tasks: {@link TaskDefinition}; without any, the columns named
 * {@code default_probability}, {@code overdue_days} and {@code overdue_amount} are the tasks.
 *
 * <p>Limits: the whole file is held in memory as one double (8 bytes) per numeric cell and one
 * int per text cell; 1,000,000 rows by 24 numeric columns take about 200 MB. Text that follows
 * numbers in a column keeps the earlier numbers in their shortest form only.
 */
public final class CsvImporter {

    /** A largest value this many times the next largest is reported as a likely error. */
    private static final double OUTLIER_FACTOR = 1e6;
    /** Whole numbers below this magnitude are exact in a double. */
    private static final double EXACT_INTEGER = 0x1p53;
    private static final Logger LOGGER = LoggerFactory.getLogger(CsvImporter.class);

    /** The canonical tasks, in the order the network's heads are built, with default weights. */
    public static final List<TaskSpec> CANONICAL_TASKS = List.of(
            new TaskSpec("default_probability", TaskType.BINARY, 0.5),
            new TaskSpec("overdue_days", TaskType.REGRESSION, 0.25),
            new TaskSpec("overdue_amount", TaskType.REGRESSION, 0.25));

    /** A text column with more distinct values than this is free text, not categories. */
    static final int MAX_CATEGORIES = 100;
    private static final double MAX_SKIPPED_SHARE = 0.1;
    private static final int CHECK_EVERY = 4096;
    private static final Pattern LINE = Pattern.compile("started in line (\\d+)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<Double> SENTINEL_LIKE =
            Set.of(96.0, 97.0, 98.0, 99.0, 999.0, 9999.0, 99999.0, 999999.0, 365243.0);

    /** Reports the share of the file read so far, between 0 and 1. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = fraction -> { };

        void update(double fraction);
    }

    /** Imports with every setting detected and the canonical tasks. */
    public CreditTable importFile(Path file) throws ImportException {
        return read(file, ImportOptions.defaults()).table();
    }

    public ImportResult read(Path file, ImportOptions options) throws ImportException {
        return read(file, options, Progress.NONE, () -> false);
    }

    /**
     * Reads the whole file for training: at least one task must be found.
     *
     * @param progress told the share of bytes read now and then
     * @param cancelled polled every few thousand rows
     * @throws CancellationException when {@code cancelled} turned true
     */
    public ImportResult read(Path file, ImportOptions options, Progress progress,
            BooleanSupplier cancelled) throws ImportException {
        return read(file, options, progress, cancelled, TaskMode.REQUIRED);
    }

    /**
     * Reads the whole file where tasks are optional, as for new applicants or a benchmark: the
     * task definitions whose column is not in the file are left out, and a file without any
     * task column imports with none.
     */
    public ImportResult readWithoutTasks(Path file, ImportOptions options)
            throws ImportException {
        return read(file, options, Progress.NONE, () -> false, TaskMode.OPTIONAL);
    }

    /** Whether a read looks for task columns. */
    private enum TaskMode {
        /** At least one task must be found, as for training. */
        REQUIRED,
        /** Tasks whose column is in the file are read. */
        OPTIONAL,
        /** No tasks: every column is a feature, the ID or ignored. */
        NONE
    }

    /**
     * Reads new applicants' features exactly as a study was trained: the format, missing
     * tokens, sentinels and ID of the study's import spec, each feature with its role from
     * training (so that no column is dropped or retyped by what the new file happens to hold,
     * even in a file of one row). Columns that are not features (tasks among them) are ignored;
     * computed features are computed again.
     *
     * @param spec the import spec the study was trained with
     * @param numeric the study's numeric features, computed ones included
     * @param categorical the study's categorical features
     * @throws ImportException naming the file and the first feature column it lacks, or the
     *     row and column of a cell that cannot be read
     */
    public ImportResult readFeatures(Path file, ImportOptions spec, List<String> numeric,
            List<String> categorical) throws ImportException {
        String name = file.getFileName().toString();
        ImportOptions bare = spec.toBuilder().roles(Map.of()).tasks(List.of()).build();
        List<String> header = preview(file, bare, 1).header();
        Set<String> columns = new HashSet<>(header);
        Map<String, ComputedColumn> computedFeatures = new LinkedHashMap<>();
        spec.computed().stream().filter(c -> numeric.contains(c.name()))
                .forEach(c -> computedFeatures.put(c.name(), c));
        List<String> features = new ArrayList<>(numeric);
        features.addAll(categorical);
        for (String feature : features) {
            if (!columns.contains(feature) && !computedFeatures.containsKey(feature)) {
                String present = abbreviate(String.join(", ", header), 200);
                if (header.size() > 1) {
                    throw ImportException.of("import.noStudyFeature", name + ": no column "
                            + feature + ", a feature of the study (columns: " + present + ")",
                            name, feature, present);
                }
                throw ImportException.of("import.noStudyFeatureDelimiter", name + ": no column "
                        + feature + ", a feature of the study (columns: " + present + "); the "
                        + "study's import spec reads cells split by '" + spec.delimiter()
                        + "', is that the file's delimiter?", name, feature, present,
                        String.valueOf(spec.delimiter()));
            }
        }

        String id = spec.idColumn() != null && columns.contains(spec.idColumn())
                ? spec.idColumn() : null;
        Map<String, ColumnRole> roles = new LinkedHashMap<>();
        for (String column : header) {
            if (numeric.contains(column)) {
                roles.put(column, ColumnRole.NUMERIC);
            } else if (categorical.contains(column)) {
                roles.put(column, ColumnRole.CATEGORICAL);
            } else if (!column.equals(id) && (id != null || !column.equalsIgnoreCase("ID"))) {
                roles.put(column, ColumnRole.IGNORE);
            }
        }
        ImportOptions.Builder options = spec.toBuilder().roles(roles).tasks(List.of())
                .idColumn(id);
        options.computed(List.copyOf(computedFeatures.values()));
        options.exclude(null).keep(null).clearSentinels();
        spec.sentinels().forEach((column, codes) -> {
            if (columns.contains(column)) {
                options.sentinels(column, codes);
            }
        });
        return read(file, options.build(), Progress.NONE, () -> false, TaskMode.NONE);
    }

    private ImportResult read(Path file, ImportOptions options, Progress progress,
            BooleanSupplier cancelled, TaskMode taskMode) throws ImportException {
        String name = file.getFileName().toString();
        FileFormat format = FormatDetector.detect(file, options);
        List<Sentence> warnings = new ArrayList<>(format.notes());
        Reading reading = new Reading(name, format, options, warnings);

        long total;
        try {
            total = Math.max(1, Files.size(file));
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        try (CountingStream counted = new CountingStream(Files.newInputStream(file));
                Reader reader = reader(counted, format);
                CsvReader<CellRow> rows = CellRow.reader(reader, format.delimiter())) {
            reading.readAll(rows, file, () -> progress.update(
                    Math.min(1, counted.count / (double) total)), cancelled);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        progress.update(1);

        ImportResult result = reading.finish(file, taskMode);
        LOGGER.info("Imported {}: {} rows ({} skipped), {} numeric and {} categorical features, "
                + "tasks {}", name, result.report().rowsRead(), result.report().rowsSkipped(),
                result.table().featureNames().size(), result.table().categoricalNames().size(),
                result.table().tasks().stream().map(TaskSpec::name).toList());
        return result;
    }

    /**
     * The header and first rows of a file as they will be read, for a preview; the format is
     * detected unless the options fix it. Cells are shown as text, unconverted.
     */
    public static Preview preview(Path file, ImportOptions options, int rows)
            throws ImportException {
        String name = file.getFileName().toString();
        FileFormat format = FormatDetector.detect(file, options);
        List<List<String>> cells = new ArrayList<>();
        List<String> header = null;
        try (Reader reader = reader(Files.newInputStream(file), format);
                CsvReader<CellRow> parser = CellRow.reader(reader, format.delimiter())) {
            Iterator<CellRow> records = parser.iterator();
            while (records.hasNext() && cells.size() < rows) {
                CellRow record = records.next();
                if (header == null) {
                    header = headerNames(record, new ArrayList<>());
                } else {
                    cells.add(List.of(record.cells()));
                }
            }
        } catch (IOException | UncheckedIOException | CsvParseException e) {
            throw new ImportException(Sentence.of("import.noPreview", name
                    + ": cannot be previewed: " + e.getMessage(), name,
                    String.valueOf(e.getMessage())), e);
        }
        return new Preview(format, header == null ? List.of() : header, cells);
    }

    /**
     * The role and type the importer would give each column, judged from the first
     * {@code maxRows} rows only, for a dialog to show before the whole file is read. Columns
     * named by a task definition of the options are tasks.
     */
    public static List<ImportReport.ColumnSummary> sampleColumns(Path file,
            ImportOptions options, int maxRows) throws ImportException {
        String name = file.getFileName().toString();
        FileFormat format = FormatDetector.detect(file, options);
        Reading reading = new Reading(name, format, options, new ArrayList<>());
        reading.maxRows = maxRows;
        try (Reader reader = reader(Files.newInputStream(file), format);
                CsvReader<CellRow> rows = CellRow.reader(reader, format.delimiter())) {
            reading.readAll(rows, file, () -> { }, () -> false);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        return new TableBuilder(name, file, reading.header, reading.buffers, (int) reading.rows,
                options, new ArrayList<>()).guess();
    }

    /** The first rows of a file split into cells, with the format used. */
    public record Preview(FileFormat format, List<String> header, List<List<String>> rows) {
    }

    private static Reader reader(InputStream in, FileFormat format) throws IOException {
        in.skipNBytes(format.byteOrderMark());
        var decoder = format.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }

    /** The file cannot be read at all; the system's reason follows as it is. */
    private static ImportException unreadable(String name, IOException e) {
        return new ImportException(Sentence.of("import.unreadable", name + ": cannot be read: "
                + e.getMessage(), name, String.valueOf(e.getMessage())), e);
    }

    /** Header cells as column names: trimmed, unquoted, never empty, never repeated. */
    static List<String> headerNames(CellRow record, List<Sentence> warnings) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < record.size(); i++) {
            String raw = record.get(i);
            if (i == 0 && raw.startsWith("\uFEFF")) {
                raw = raw.substring(1);
            }
            String cell = raw.strip();
            if (cell.length() >= 2 && cell.startsWith("'") && cell.endsWith("'")) {
                cell = cell.substring(1, cell.length() - 1).strip();
            }
            if (cell.isEmpty()) {
                cell = "column_" + (i + 1);
                warnings.add(Sentence.of("import.warn.unnamed", "header, column " + (i + 1)
                        + ": no name; called " + cell, i + 1, cell));
            }
            String unique = cell;
            for (int k = 2; used.contains(unique); k++) {
                unique = cell + "_" + k;
            }
            if (!unique.equals(cell)) {
                warnings.add(Sentence.of("import.warn.nameTwice", "header, column " + (i + 1)
                        + ": the name " + cell + " is used before; called " + unique, i + 1,
                        cell, unique));
            }
            used.add(unique);
            names.add(unique);
        }
        return names;
    }

    /** One import in progress: the columns, the skipped rows and what was noticed. */
    private static final class Reading {
        private final String name;
        private final FileFormat format;
        private final ImportOptions options;
        private final List<Sentence> warnings;
        private final List<ImportReport.SkippedRow> skipped = new ArrayList<>();
        private List<String> header;
        private ColumnBuffer[] buffers;
        private long rows;
        private long skippedCount;
        private long lastGoodLine;
        private long maxRows = Long.MAX_VALUE;

        Reading(String name, FileFormat format, ImportOptions options, List<Sentence> warnings) {
            this.name = name;
            this.format = format;
            this.options = options;
            this.warnings = warnings;
        }

        void readAll(CsvReader<CellRow> parser, Path file, Runnable progress,
                BooleanSupplier cancelled) throws ImportException {
            Iterator<CellRow> records = parser.iterator();
            long row = 0;
            CellRow last = null;
            while (row < maxRows) {
                CellRow record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | CsvParseException e) {
                    throw unreadable(file, row + 1, e);
                }
                last = record;
                if (header == null) {
                    start(record);
                    continue;
                }
                row++;
                if (row % CHECK_EVERY == 0) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("import of " + name + " cancelled");
                    }
                    progress.run();
                }
                add(record, row);
                lastGoodLine = record.line();
            }
            if (header == null) {
                throw ImportException.of("import.noHeader",
                        name + ": the file has no header row", name);
            }
            if (row < maxRows && last != null && last.lastQuoted()
                    && unclosedAtEnd(file, last)) {
                int column = last.size() - 1;
                throw new ImportException(ImportException.at(name, row,
                        column < header.size() ? header.get(column) : Integer.toString(column + 1),
                        Sentence.of("import.unclosedQuote",
                                "a quoted cell is never closed (a \" without its closing \")")));
            }
        }

        /**
         * Whether a last record that ended in a quoted cell ran into the end of the file
         * because its quote was never closed (FastCSV then reads the rest of the file into that
         * cell without complaint). Only such files pay for reading their last record again.
         */
        private boolean unclosedAtEnd(Path file, CellRow last) {
            return ErrorLocator.endsInsideQuotes(file, format, last.line());
        }

        private void start(CellRow record) {
            header = headerNames(record, warnings);
            Set<String> textColumns = new HashSet<>();
            for (Map.Entry<String, ColumnRole> role : options.roles().entrySet()) {
                if (role.getValue() == ColumnRole.ID || role.getValue() == ColumnRole.CATEGORICAL) {
                    textColumns.add(role.getKey());
                }
            }
            if (options.idColumn() != null) {
                textColumns.add(options.idColumn());
            }
            NumberParser parser = new NumberParser(format.decimalComma());
            Set<String> tokens = Set.copyOf(options.missingTokens());
            buffers = new ColumnBuffer[header.size()];
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                List<Double> codes = options.sentinels().getOrDefault(column, List.of());
                double[] sentinels = codes.stream().mapToDouble(Double::doubleValue).toArray();
                Set<String> columnTokens = options.tokenColumns().contains(column)
                        ? Set.of() : tokens;
                buffers[c] = new ColumnBuffer(column, textColumns.contains(column), parser,
                        columnTokens, sentinels);
            }
        }

        private void add(CellRow record, long row) throws ImportException {
            int cells = record.size();
            if (cells != header.size()) {
                Sentence reason = shape(record);
                if (reason != null) {
                    skippedCount++;
                    if (skipped.size() < ImportReport.SKIPPED_LISTED) {
                        skipped.add(new ImportReport.SkippedRow(row, reason));
                    }
                    return;
                }
            }
            for (int c = 0; c < buffers.length; c++) {
                buffers[c].add(record.get(c), row, name);
            }
            rows++;
        }

        /** Why a row of the wrong length is skipped, or null when its extra cells are empty. */
        private Sentence shape(CellRow record) {
            if (record.size() < header.size()) {
                return Sentence.of("import.skip.short", String.format(Locale.ROOT, "%d cells "
                        + "but the header has %d; the row ends before column %s", record.size(),
                        header.size(), header.get(record.size())), record.size(), header.size(),
                        header.get(record.size()));
            }
            for (int c = header.size(); c < record.size(); c++) {
                if (!record.get(c).isBlank()) {
                    String cell = abbreviate(record.get(c));
                    return Sentence.of("import.skip.long", String.format(Locale.ROOT, "%d cells "
                            + "but the header has %d; cell %d ('%s') has no column",
                            record.size(), header.size(), c + 1, cell), record.size(),
                            header.size(), c + 1, cell);
                }
            }
            return null;
        }

        private ImportException unreadable(Path file, long row, RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof CharacterCodingException) {
                    // The reader decodes ahead of the parser, so find the line afresh.
                    long[] bad = ErrorLocator.firstBadBytes(file, format);
                    Sentence problem = Sentence.of("import.badBytes", "bytes that are not "
                            + format.charset().name() + " text; choose the encoding (for example "
                            + "windows-1252 or GB18030)", format.charset().name());
                    if (bad == null) {
                        return new ImportException(Sentence.of("import.inFile",
                                name + ": " + problem, name, problem), e);
                    }
                    String column = header != null && bad[1] >= 0 && bad[1] < header.size()
                            ? header.get((int) bad[1]) : Long.toString(bad[1] + 1);
                    return new ImportException(bad[0] == 0
                            ? Sentence.of("import.inHeader", name + ": header, column " + column
                                    + ": " + problem, name, column, problem)
                            : ImportException.at(name, bad[0], column, problem), e);
                }
            }
            long line = lastGoodLine + 1;
            java.util.regex.Matcher started = LINE.matcher(String.valueOf(e.getMessage()));
            if (started.find()) {
                line = Long.parseLong(started.group(1));
            }
            String message = String.valueOf(cause.getMessage());
            String firstLine = message.lines().findFirst().orElse("");
            Sentence problem = message.contains("after closing quote")
                    ? Sentence.of("import.afterQuote",
                            "text follows the closing quote of a quoted cell")
                    : Sentence.of("import.unsplittable", "cannot be split into cells: "
                            + firstLine, firstLine);
            return new ImportException(ImportException.at(name, row,
                    columnAt(file, line, false), problem), e);
        }

        /** The column of the first line of the failing row where quoting or decoding broke. */
        private String columnAt(Path file, long line, boolean badBytes) {
            int column = ErrorLocator.column(file, format, line - 1, badBytes);
            if (column < 0) {
                return "?";
            }
            if (column < (header == null ? 0 : header.size())) {
                return header.get(column);
            }
            return Integer.toString(column + 1);
        }

        ImportResult finish(Path file, TaskMode taskMode) throws ImportException {
            if (rows == 0 && skippedCount == 0) {
                throw ImportException.of("import.noRows",
                        name + ": the file has a header but no rows", name);
            }
            if (skippedCount > MAX_SKIPPED_SHARE * (rows + skippedCount)) {
                ImportReport.SkippedRow first = skipped.get(0);
                String column = firstShortColumn(first);
                throw ImportException.of("import.mostlySkipped", String.format(Locale.ROOT,
                        "%s: row %d, column %s: %s (%,d of %,d rows have the wrong number of "
                        + "cells; is the delimiter %s right?)", name, first.row(), column,
                        first.reason(), skippedCount, rows + skippedCount,
                        format.delimiterName()), name, first.row(), column, first.why(),
                        skippedCount, rows + skippedCount, format.delimiterName());
            }
            if (skippedCount > 0) {
                warnings.add(Sentence.of("import.warn.skipped", String.format(Locale.ROOT,
                        "%,d %s skipped for a wrong number of cells, first row %d",
                        skippedCount, skippedCount == 1 ? "row" : "rows",
                        skipped.get(0).row()), skippedCount,
                        skipped.get(0).row()));
            }
            return new TableBuilder(name, file, header, buffers, (int) rows, options, warnings)
                    .build(format, skippedCount, skipped, taskMode);
        }

        private String firstShortColumn(ImportReport.SkippedRow row) {
            String reason = row.reason();
            int at = reason.indexOf("before column ");
            if (at >= 0) {
                return reason.substring(at + "before column ".length());
            }
            return Integer.toString(header.size() + 1);
        }
    }

    static String abbreviate(String text) {
        return abbreviate(text, 40);
    }

    static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 3) + "...";
    }

    /**
     * A column of numbers is refused, not read as text, when at most one cell in this many (and
     * at least one) is no number: such cells are typos or unlisted missing tokens ("n/k" in 50
     * of 30,000 amounts) rather than a column of categories, and read as text the whole column
     * would become categories, every amount one of its own.
     */
    static final int STRAY_TEXT_PER = 100;

    /** Turns the read columns into the table: computed columns, task labels and roles. */
    private static final class TableBuilder {
        private final String name;
        private final Path file;
        private final List<String> header;
        private final Map<String, ColumnBuffer> buffers = new LinkedHashMap<>();
        private final Map<String, double[]> computed = new LinkedHashMap<>();
        private final Map<String, List<String>> computedInputs = new LinkedHashMap<>();
        private final Set<String> taskInputs = new HashSet<>();
        private final int rows;
        private final ImportOptions options;
        private final List<Sentence> warnings;

        TableBuilder(String name, Path file, List<String> header, ColumnBuffer[] columns,
                int rows, ImportOptions options, List<Sentence> warnings) {
            this.name = name;
            this.file = file;
            this.header = header;
            for (ColumnBuffer column : columns) {
                buffers.put(column.name, column);
            }
            this.rows = rows;
            this.options = options;
            this.warnings = warnings;
        }

        ImportResult build(FileFormat format, long skippedCount,
                List<ImportReport.SkippedRow> skipped, TaskMode taskMode)
                throws ImportException {
            checkNamedColumns();
            for (ComputedColumn column : options.computed()) {
                computed.put(column.name(), compute(column));
            }

            List<TaskDefinition> definitions = taskDefinitions(taskMode);
            checkTaskColumns(definitions);
            if (taskMode == TaskMode.REQUIRED && !definitions.isEmpty() && definitions.stream()
                    .noneMatch(d -> d.type() == TaskType.BINARY)) {
                warnings.add(Sentence.of("import.warn.noBinaryTask", "no binary task such as "
                        + "default_probability: the model predicts no default, so it gives no "
                        + "score, grade, expected loss or reasons"));
            }
            List<TaskSpec> tasks = new ArrayList<>();
            Map<String, double[]> labels = new LinkedHashMap<>();
            double weight = definitions.isEmpty()
                    || (definitions.size() == 3 && options.tasks().isEmpty())
                    ? 0 : 1.0 / definitions.size();
            for (TaskDefinition definition : definitions) {
                collectInputs(definition.column(), taskInputs);
            }
            for (TaskDefinition definition : definitions) {
                labels.put(definition.column(), labels(definition));
                double taskWeight = weight > 0 ? weight : canonicalWeight(definition.column());
                tasks.add(new TaskSpec(definition.column(), definition.type(), taskWeight));
            }

            Table table = Table.create(name);
            String idColumn = null;
            List<String> numeric = new ArrayList<>();
            List<String> categorical = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            List<ImportReport.ColumnSummary> summaries = new ArrayList<>();
            for (ColumnBuffer buffer : buffers.values()) {
                ColumnRole role = labels.containsKey(buffer.name) ? ColumnRole.TASK
                        : role(buffer, idColumn == null);
                summaries.add(summary(buffer, role));
                switch (role) {
                    case ID -> {
                        idColumn = buffer.name;
                        table.addColumns(asText(buffer));
                    }
                    case NUMERIC -> {
                        numeric.add(buffer.name);
                        table.addColumns(buffer.toColumn(buffer.name));
                    }
                    case CATEGORICAL -> {
                        categorical.add(buffer.name);
                        table.addColumns(asText(buffer));
                    }
                    case IGNORE -> ignored.add(buffer.name);
                    case TASK -> table.addColumns(
                            DoubleColumn.create(buffer.name, labels.get(buffer.name)));
                    default -> throw new IllegalStateException("role " + role);
                }
            }
            for (Map.Entry<String, double[]> column : computed.entrySet()) {
                String columnName = column.getKey();
                double[] values = labels.getOrDefault(columnName, column.getValue());
                boolean task = labels.containsKey(columnName);
                ColumnRole role = task ? ColumnRole.TASK
                        : options.exclude().contains(columnName) ? ColumnRole.IGNORE
                        : ColumnRole.NUMERIC;
                if (role == ColumnRole.NUMERIC
                        && Arrays.stream(values).allMatch(Double::isNaN)) {
                    warnings.add(Sentence.of("import.warn.computedMissing", "computed column "
                            + columnName + ": every value is missing; ignored", columnName));
                    role = ColumnRole.IGNORE;
                } else if (role == ColumnRole.NUMERIC && leaksATask(columnName)) {
                    role = ColumnRole.IGNORE;
                }
                summaries.add(computedSummary(columnName, column.getValue(), role));
                if (role == ColumnRole.IGNORE) {
                    ignored.add(columnName);
                    continue;
                }
                table.addColumns(DoubleColumn.create(columnName, values));
                if (!task) {
                    numeric.add(columnName);
                }
            }

            if (numeric.isEmpty() && categorical.isEmpty()) {
                throw ImportException.of("import.noFeature", name + ": no feature column "
                        + "found (every column is a task, the ID or ignored)", name);
            }
            CreditTable credit = new CreditTable(file, table, idColumn, numeric, categorical,
                    tasks, ignored);
            ImportReport report = new ImportReport(name, format, rows, skippedCount, skipped,
                    summaries, warnings);
            ImportOptions resolved = options.toBuilder()
                    .delimiter(format.delimiter())
                    .encoding(format.charset().name())
                    .decimalComma(format.decimalComma())
                    .tasks(definitions)
                    .idColumn(idColumn)
                    .build();
            return new ImportResult(credit, report, resolved);
        }

        List<ImportReport.ColumnSummary> guess() throws ImportException {
            Set<String> taskColumns = new HashSet<>();
            options.tasks().forEach(task -> taskColumns.add(task.column()));
            List<ImportReport.ColumnSummary> summaries = new ArrayList<>();
            boolean idFree = true;
            for (ColumnBuffer buffer : buffers.values()) {
                ColumnRole role = taskColumns.contains(buffer.name) ? ColumnRole.TASK
                        : role(buffer, idFree);
                idFree &= role != ColumnRole.ID;
                summaries.add(summary(buffer, role));
            }
            return summaries;
        }

        private void checkNamedColumns() throws ImportException {
            List<String> named = new ArrayList<>(options.exclude());
            named.addAll(options.roles().keySet());
            named.addAll(options.sentinels().keySet());
            if (options.idColumn() != null) {
                named.add(options.idColumn());
            }
            for (String column : named) {
                if (!buffers.containsKey(column)) {
                    String columns = abbreviate(String.join(", ", header), 200);
                    throw ImportException.of("import.noColumn", name + ": no column " + column
                            + " (columns: " + columns + ")", name, column, columns);
                }
            }
            for (String column : options.keep()) {
                boolean computedColumn = options.computed().stream()
                        .anyMatch(c -> c.name().equals(column));
                if (!buffers.containsKey(column) && !computedColumn) {
                    String columns = abbreviate(String.join(", ", header), 200);
                    throw ImportException.of("import.noColumnToKeep", name + ": no column "
                            + column + " to keep (columns: " + columns + ")", name, column,
                            columns);
                }
            }
        }

        /** A task's column cannot also be left out or given a feature role. */
        private void checkTaskColumns(List<TaskDefinition> definitions) throws ImportException {
            for (TaskDefinition definition : definitions) {
                String column = definition.column();
                ColumnRole role = options.roles().get(column);
                if (options.exclude().contains(column)
                        || (role != null && role != ColumnRole.TASK)) {
                    String start = name + ": column " + column + " is a task; it cannot also be ";
                    if (options.exclude().contains(column)) {
                        throw ImportException.of("import.taskExcluded", start + "excluded", name,
                                column);
                    }
                    String roleName = role.name().toLowerCase(Locale.ROOT);
                    throw ImportException.of("import.taskRole", start + "given the role "
                            + roleName, name, column, Sentence.of("role." + roleName,
                            roleName));
                }
            }
        }

        private static double canonicalWeight(String task) {
            return CANONICAL_TASKS.stream().filter(t -> t.name().equals(task))
                    .mapToDouble(TaskSpec::weight).findFirst().orElse(1);
        }

        private List<TaskDefinition> taskDefinitions(TaskMode mode) throws ImportException {
            if (mode == TaskMode.NONE) {
                return List.of();
            }
            boolean required = mode == TaskMode.REQUIRED;
            if (!required && !options.tasks().isEmpty()) {
                return options.tasks().stream().filter(task -> buffers.containsKey(task.column())
                        || computed.containsKey(task.column())).toList();
            }
            if (!options.tasks().isEmpty()) {
                Set<String> seen = new HashSet<>();
                for (TaskDefinition task : options.tasks()) {
                    if (!buffers.containsKey(task.column())
                            && !computed.containsKey(task.column())) {
                        throw ImportException.of("import.noTaskColumn", name + ": no column "
                                + task.column() + " for the task " + task.column(), name,
                                task.column());
                    }
                    if (!seen.add(task.column())) {
                        throw ImportException.of("import.taskTwice", name + ": the task "
                                + task.column() + " is defined twice", name, task.column());
                    }
                }
                return options.tasks();
            }
            List<TaskDefinition> found = new ArrayList<>();
            for (TaskSpec task : CANONICAL_TASKS) {
                if (buffers.containsKey(task.name())) {
                    found.add(task.isBinary() ? TaskDefinition.binary(task.name(), null, null)
                            : TaskDefinition.regression(task.name()));
                }
            }
            if (found.isEmpty() && required) {
                throw ImportException.of("import.noTask", name + ": no task column found; "
                        + "expected at least one of default_probability, overdue_days, "
                        + "overdue_amount, or name the tasks (--task NAME:binary:VALUE or "
                        + "NAME:regression)", name);
            }
            return found;
        }

        private double[] labels(TaskDefinition task) throws ImportException {
            double[] labels;
            if (computed.containsKey(task.column())) {
                labels = computed.get(task.column()).clone();
                if (task.type() == TaskType.BINARY) {
                    checkBinaryNumbers(task.column(), labels, null);
                }
            } else {
                ColumnBuffer column = buffers.get(task.column());
                labels = task.type() == TaskType.BINARY ? binaryLabels(task, column)
                        : regressionLabels(column);
            }
            if (task.whenColumn() != null) {
                applyCondition(task, labels);
            }

            int known = 0;
            int positives = 0;
            for (double label : labels) {
                if (!Double.isNaN(label)) {
                    known++;
                    positives += label == 1 ? 1 : 0;
                }
            }
            if (known == 0) {
                throw ImportException.of("import.noLabel", name + ": column " + task.column()
                        + ": every label of the task is missing or masked", name, task.column());
            }
            if (task.type() == TaskType.BINARY && (positives == 0 || positives == known)) {
                int only = positives == 0 ? 0 : 1;
                throw ImportException.of("import.oneClass", String.format(Locale.ROOT,
                        "%s: column %s: the task has one class only (%,d labels, all %d); a "
                        + "binary task needs both", name, task.column(), known, only), name,
                        task.column(), known, only);
            }
            if (known < rows) {
                warnings.add(Sentence.of("import.warn.labelsMissing", String.format(Locale.ROOT,
                        "task %s: %,d of %,d labels are missing or masked and train nothing in "
                        + "its head", task.column(), rows - known, rows), task.column(),
                        rows - known, rows));
            }
            return labels;
        }

        private double[] binaryLabels(TaskDefinition task, ColumnBuffer column)
                throws ImportException {
            double[] labels = new double[rows];
            if (task.positives().isEmpty()) {
                if (column.isText()) {
                    List<String> values = column.dictionaryValues();
                    String found = abbreviate(String.join(", ", values.subList(0,
                            Math.min(5, values.size()))), 80);
                    throw new ImportException(ImportException.at(name, column.firstTextRow > 0
                                    ? column.firstTextRow : 1, column.name, Sentence.of(
                                    "import.binaryText", String.format(Locale.ROOT, "a binary "
                                    + "task needs 0 or 1, found text (%s); name the values that "
                                    + "count as 1, the outcome to predict (a default, say): "
                                    + "--task %s:binary:VALUE", found, column.name), found,
                                    column.name)));
                }
                for (int r = 0; r < rows; r++) {
                    labels[r] = column.numberAt(r);
                }
                checkBinaryNumbers(column.name, labels, column);
                return labels;
            }
            Set<String> positives = Set.copyOf(task.positives());
            Set<String> negatives = Set.copyOf(task.negatives());
            for (int r = 0; r < rows; r++) {
                String value = cellText(column, r);
                if (value == null) {
                    labels[r] = Double.NaN;
                } else if (positives.contains(value)) {
                    labels[r] = 1;
                } else if (negatives.isEmpty() || negatives.contains(value)) {
                    labels[r] = 0;
                } else {
                    labels[r] = Double.NaN;
                }
            }
            checkListedValuesOccur(task, column);
            return labels;
        }

        private void checkListedValuesOccur(TaskDefinition task, ColumnBuffer column) {
            Set<String> present = new HashSet<>();
            for (int r = 0; r < rows; r++) {
                String value = cellText(column, r);
                if (value != null) {
                    present.add(value);
                }
            }
            List<String> listed = new ArrayList<>(task.positives());
            listed.addAll(task.negatives());
            for (String value : listed) {
                if (!present.contains(value)) {
                    warnings.add(Sentence.of("import.warn.valueAbsent", "task " + task.column()
                            + ": the value '" + value + "' does not occur in the column",
                            task.column(), value));
                }
            }
        }

        /** A cell as text with surrounding spaces removed; numbers in shortest form. */
        private static String cellText(ColumnBuffer column, int row) {
            if (column.isText()) {
                String text = column.textAt(row);
                return text == null ? null : text.strip();
            }
            double value = column.numberAt(row);
            return Double.isNaN(value) ? null : ColumnBuffer.shortest(value);
        }

        private void checkBinaryNumbers(String column, double[] labels, ColumnBuffer buffer)
                throws ImportException {
            for (int r = 0; r < labels.length; r++) {
                double value = labels[r];
                if (!Double.isNaN(value) && value != 0 && value != 1) {
                    String found = ColumnBuffer.shortest(value);
                    throw new ImportException(ImportException.at(name, r + 1, column,
                            Sentence.of("import.binaryNumber", "a binary task needs 0 or 1, "
                                    + "found " + found + "; name the values that count as 1 to "
                                    + "read other codes", found)));
                }
            }
        }

        private double[] regressionLabels(ColumnBuffer column) throws ImportException {
            if (column.isText()) {
                long row = column.firstTextRow > 0 ? column.firstTextRow : 1;
                String text = column.firstText != null ? column.firstText : column.textAt(0);
                String cell = abbreviate(String.valueOf(text));
                throw new ImportException(ImportException.at(name, row, column.name,
                        Sentence.of("import.regressionText", "'" + cell + "' is not a number; a "
                                + "regression task needs numbers", cell)));
            }
            double[] labels = new double[rows];
            for (int r = 0; r < rows; r++) {
                labels[r] = column.numberAt(r);
            }
            return labels;
        }

        private void applyCondition(TaskDefinition task, double[] labels)
                throws ImportException {
            ColumnBuffer condition = buffers.get(task.whenColumn());
            if (condition == null) {
                throw ImportException.of("import.noConditionColumn", name + ": no column "
                        + task.whenColumn() + " for the condition of the task " + task.column(),
                        name, task.whenColumn(), task.column());
            }
            Set<String> accepted = Set.copyOf(task.whenValues());
            for (int r = 0; r < rows; r++) {
                String value = cellText(condition, r);
                if (value == null || !accepted.contains(value)) {
                    labels[r] = Double.NaN;
                }
            }
        }

        private double[] compute(ComputedColumn column) throws ImportException {
            if (buffers.containsKey(column.name()) || computed.containsKey(column.name())) {
                throw ImportException.of("import.computedExists", name + ": computed column "
                        + column.name() + ": a column of that name exists already", name,
                        column.name());
            }
            Map<String, double[]> numbers = new LinkedHashMap<>();
            for (ColumnBuffer buffer : buffers.values()) {
                if (!buffer.isText() && IDENTIFIER.matcher(buffer.name).matches()) {
                    numbers.put(buffer.name, null);
                }
            }
            computed.keySet().forEach(k -> numbers.put(k, computed.get(k)));
            Expression expression;
            try {
                expression = new ExpressionBuilder(column.expression())
                        .variables(numbers.keySet())
                        .build();
            } catch (RuntimeException e) {
                for (ColumnBuffer buffer : buffers.values()) {
                    if (buffer.isText() && Pattern.compile("\\b" + Pattern.quote(buffer.name)
                            + "\\b").matcher(column.expression()).find()) {
                        String cell = abbreviate(String.valueOf(buffer.firstText));
                        throw new ImportException(ImportException.at(name,
                                Math.max(1, buffer.firstTextRow), buffer.name, Sentence.of(
                                        "import.computedText", "'" + cell + "' is not a number, "
                                        + "so the computed column " + column.name()
                                        + " cannot use the column", cell, column.name())), e);
                    }
                }
                throw new ImportException(Sentence.of("import.computedInvalid", name
                        + ": computed column " + column.name() + ": " + e.getMessage()
                        + " (numeric columns with plain names only)", name, column.name(),
                        String.valueOf(e.getMessage())), e);
            }
            List<String> used = new ArrayList<>(expression.getVariableNames());
            computedInputs.put(column.name(), used);
            double[][] inputs = new double[used.size()][];
            for (int v = 0; v < used.size(); v++) {
                String variable = used.get(v);
                inputs[v] = computed.containsKey(variable) ? computed.get(variable)
                        : buffers.get(variable).numbers();
            }
            double[] values = new double[rows];
            int failed = 0;
            for (int r = 0; r < rows; r++) {
                boolean missing = false;
                for (int v = 0; v < used.size(); v++) {
                    double value = inputs[v][r];
                    missing |= Double.isNaN(value);
                    expression.setVariable(used.get(v), value);
                }
                if (missing) {
                    values[r] = Double.NaN;
                    continue;
                }
                try {
                    values[r] = expression.evaluate();
                } catch (ArithmeticException e) {
                    values[r] = Double.NaN;
                    failed++;
                    continue;
                }
                if (!Double.isFinite(values[r])) {
                    values[r] = Double.NaN;
                    failed++;
                }
            }
            if (failed > 0) {
                warnings.add(Sentence.of("import.warn.arithmetic", String.format(Locale.ROOT,
                        "computed column %s: %,d rows missing because the arithmetic failed "
                        + "(division by zero or the log of a negative number, say)",
                        column.name(), failed), column.name(), failed));
            }
            return values;
        }

        /** The columns a computed column is made of, followed through computed columns. */
        private void collectInputs(String column, Set<String> into) {
            for (String input : computedInputs.getOrDefault(column, List.of())) {
                if (into.add(input)) {
                    collectInputs(input, into);
                }
            }
        }

        /**
         * Whether the column is an input of a computed task: as a feature it would hand the
         * model part of the answer, so it is left out unless the analyst keeps it.
         */
        private boolean leaksATask(String column) {
            if (!taskInputs.contains(column) || options.keep().contains(column)) {
                return false;
            }
            warnings.add(Sentence.of("import.warn.taskInput", "column " + column + ": a task is "
                    + "computed from it, so it would give the answer away; ignored (keep it "
                    + "with --keep " + column + ")", column));
            return true;
        }

        private ColumnRole role(ColumnBuffer column, boolean idFree) throws ImportException {
            ColumnRole chosen = options.roles().get(column.name);
            if (chosen == ColumnRole.NUMERIC && column.isText()) {
                String cell = abbreviate(String.valueOf(column.firstText));
                throw new ImportException(ImportException.at(name, Math.max(1,
                                column.firstTextRow), column.name, Sentence.of(
                                "import.numericText", "'" + cell + "' is not a number, so the "
                                + "column cannot be a numeric feature", cell)));
            }
            if (chosen == ColumnRole.TASK) {
                throw ImportException.of("import.taskUndefined", name + ": column "
                        + column.name + ": a task needs a task definition (binary or "
                        + "regression)", name, column.name);
            }
            if (chosen != null) {
                return chosen;
            }
            if (options.exclude().contains(column.name)) {
                return ColumnRole.IGNORE;
            }
            if (leaksATask(column.name)) {
                return ColumnRole.IGNORE;
            }
            boolean namedId = options.idColumn() != null
                    ? options.idColumn().equals(column.name)
                    : column.name.equalsIgnoreCase("ID");
            if (namedId && idFree) {
                return ColumnRole.ID;
            }
            if (column.missing == rows) {
                warnings.add(Sentence.of("import.warn.allMissing",
                        "column " + column.name + ": every value is missing; ignored",
                        column.name));
                return ColumnRole.IGNORE;
            }
            if (column.distinct() == 1 && column.missing == 0) {
                warnings.add(Sentence.of("import.warn.oneValue",
                        "column " + column.name + ": one value only; ignored", column.name));
                return ColumnRole.IGNORE;
            }
            if (!column.isText()) {
                return numericRole(column);
            }
            return textRole(column);
        }

        private ColumnRole numericRole(ColumnBuffer column) {
            if (column.integers && column.steppedByOne && column.missing == 0 && rows > 20) {
                warnings.add(Sentence.of("import.warn.counter", "column " + column.name
                        + ": counts up by one from row to row, like an ID; ignored (choose a "
                        + "role to use it)", column.name));
                return ColumnRole.IGNORE;
            }
            if (SENTINEL_LIKE.contains(column.max) && column.secondMax > 0
                    && column.max >= 2 * column.secondMax
                    && column.maxCount >= Math.max(2, 0.001 * rows)) {
                String max = ColumnBuffer.shortest(column.max);
                String next = ColumnBuffer.shortest(column.secondMax);
                warnings.add(Sentence.of("import.warn.sentinel", String.format(Locale.ROOT,
                        "column %s: %s in %,d rows looks like a code for missing (the next "
                        + "largest value is %s); declare it a sentinel if so", column.name, max,
                        column.maxCount, next), column.name, max, column.maxCount, next));
            } else if (column.secondMax > Double.NEGATIVE_INFINITY
                    && Math.abs(column.max) > OUTLIER_FACTOR * Math.max(1,
                            Math.abs(column.secondMax))) {
                String max = ColumnBuffer.shortest(column.max);
                String next = ColumnBuffer.shortest(column.secondMax);
                warnings.add(Sentence.of("import.warn.outlier", String.format(Locale.ROOT,
                        "column %s: %s in %,d rows is over a million times the next largest "
                        + "value (%s); check it, or declare it a missing code", column.name,
                        max, column.maxCount, next), column.name, max, column.maxCount, next));
            }
            return ColumnRole.NUMERIC;
        }

        private ColumnRole textRole(ColumnBuffer column) throws ImportException {
            int present = rows - column.missing;
            if (column.firstTextRow > 0 && column.numbersSeen > 0 && present > 20
                    && column.textAfterNumbers <= Math.max(1, present / STRAY_TEXT_PER)) {
                // a column of numbers with a stray text (a typo such as 5O000) would otherwise
                // turn into categories, every amount a category of its own
                String cell = abbreviate(column.firstText);
                throw new ImportException(ImportException.at(name, column.firstTextRow,
                        column.name, Sentence.of("import.strayText", String.format(Locale.ROOT,
                                "'%s' is not a number in a column of numbers (%,d such %s "
                                + "among %,d); correct it, add it to the missing tokens, or "
                                + "make the column categorical", cell, column.textAfterNumbers,
                                column.textAfterNumbers == 1 ? "cell" : "cells", present), cell,
                                column.textAfterNumbers, present)));
            }
            if (column.firstTextRow > 0 && column.numbersSeen > 0) {
                String cell = abbreviate(column.firstText);
                warnings.add(Sentence.of("import.warn.textAfterNumbers", String.format(
                        Locale.ROOT, "column %s: numbers until row %d, then '%s'; read as text",
                        column.name, column.firstTextRow, cell), column.name,
                        column.firstTextRow, cell));
            }
            int distinct = column.distinct();
            if (distinct == present && present > 20) {
                warnings.add(Sentence.of("import.warn.unique", "column " + column.name
                        + ": a different value in every row that has one, like an ID or free "
                        + "text; ignored", column.name));
                return ColumnRole.IGNORE;
            }
            if (distinct > MAX_CATEGORIES) {
                warnings.add(Sentence.of("import.warn.tooManyTexts", String.format(Locale.ROOT,
                        "column %s: %,d different texts, too many for categories; ignored",
                        column.name, distinct), column.name, distinct));
                return ColumnRole.IGNORE;
            }
            return ColumnRole.CATEGORICAL;
        }

        /**
         * The ID column: whole numbers stay numbers (a text column of a million distinct IDs
         * costs more to build than the rest of the file), any other IDs are kept as text.
         */
        private Column<?> asText(ColumnBuffer buffer) {
            if (buffer.isText()) {
                return buffer.toColumn(buffer.name);
            }
            if (buffer.missing == 0 && buffer.integers && Math.abs(buffer.min) < EXACT_INTEGER
                    && Math.abs(buffer.max) < EXACT_INTEGER) {
                long[] ids = new long[rows];
                for (int r = 0; r < rows; r++) {
                    ids[r] = (long) buffer.numberAt(r);
                }
                return LongColumn.create(buffer.name, ids);
            }
            StringColumn column = StringColumn.create(buffer.name, rows);
            for (int r = 0; r < rows; r++) {
                double value = buffer.numberAt(r);
                if (!Double.isNaN(value)) {
                    column.set(r, ColumnBuffer.shortest(value));
                }
            }
            return column;
        }

        private ImportReport.ColumnSummary summary(ColumnBuffer column, ColumnRole role) {
            boolean text = column.isText();
            return new ImportReport.ColumnSummary(column.name, role, text ? "text" : "number",
                    column.missing, column.distinct(),
                    text || column.numbersSeen == 0 ? Double.NaN : column.min,
                    text || column.numbersSeen == 0 ? Double.NaN : column.max);
        }

        private ImportReport.ColumnSummary computedSummary(String column, double[] values,
                ColumnRole role) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int missing = 0;
            Set<Double> distinct = new HashSet<>();
            for (double value : values) {
                if (Double.isNaN(value)) {
                    missing++;
                    continue;
                }
                min = Math.min(min, value);
                max = Math.max(max, value);
                if (distinct.size() <= ColumnBuffer.DISTINCT_LIMIT) {
                    distinct.add(value);
                }
            }
            boolean none = missing == values.length;
            return new ImportReport.ColumnSummary(column, role, "number", missing,
                    distinct.size() > ColumnBuffer.DISTINCT_LIMIT ? -1 : distinct.size(),
                    none ? Double.NaN : min, none ? Double.NaN : max);
        }
    }

    /** Counts the bytes read, for progress. */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
