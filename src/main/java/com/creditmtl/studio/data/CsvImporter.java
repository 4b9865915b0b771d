package com.creditmtl.studio.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads a comma-separated file of applicants into a {@link CreditTable}.
 *
 * <p>Columns named {@code default_probability}, {@code overdue_days} and {@code overdue_amount}
 * become the tasks (binary, regression, regression), a column named {@code ID} (any case) is
 * carried but not learned from, and every other numeric column is a feature. Numbers are held as
 * doubles whatever their written form, so {@code 1e+05} and {@code 3.0} read as numbers.
 *
 * <p>Limits: the delimiter is a comma and the encoding UTF-8; text columns are ignored rather
 * than encoded; a task cell must hold a number (0 or 1 for a binary task) in every row.
 */
public final class CsvImporter {

    private static final Logger LOGGER = LoggerFactory.getLogger(CsvImporter.class);

    /** The canonical tasks, in the order the network's heads are built, with default weights. */
    public static final List<TaskSpec> CANONICAL_TASKS = List.of(
            new TaskSpec("default_probability", TaskType.BINARY, 0.5),
            new TaskSpec("overdue_days", TaskType.REGRESSION, 0.25),
            new TaskSpec("overdue_amount", TaskType.REGRESSION, 0.25));

    public CreditTable importFile(Path file) throws ImportException {
        Table raw = read(file);

        String idColumn = null;
        List<String> features = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Map<String, TaskSpec> canonical = new LinkedHashMap<>();
        CANONICAL_TASKS.forEach(t -> canonical.put(t.name(), t));
        List<TaskSpec> tasks = new ArrayList<>();

        for (Column<?> column : new ArrayList<>(raw.columns())) {
            String name = column.name();
            if (name.toUpperCase(Locale.ROOT).equals("ID") && idColumn == null) {
                idColumn = name;
            } else if (canonical.containsKey(name)) {
                toDoubles(raw, column, file);
            } else if (column instanceof NumericColumn<?>) {
                toDoubles(raw, column, file);
                features.add(name);
            } else {
                ignored.add(name);
            }
        }
        for (TaskSpec task : CANONICAL_TASKS) {
            if (raw.containsColumn(task.name())) {
                checkTaskColumn(file, raw, task);
                tasks.add(task);
            }
        }

        if (tasks.isEmpty()) {
            throw new ImportException(file.getFileName() + ": no task column found; expected at "
                    + "least one of default_probability, overdue_days, overdue_amount");
        }
        if (features.isEmpty()) {
            throw new ImportException(file.getFileName() + ": no numeric feature column found");
        }
        LOGGER.info("Imported {}: {} rows, {} features, tasks {}, ignored columns {}",
                file.getFileName(), raw.rowCount(), features.size(),
                tasks.stream().map(TaskSpec::name).toList(), ignored);
        return new CreditTable(file, raw, idColumn, features, tasks, ignored);
    }

    private static Table read(Path file) throws ImportException {
        if (!Files.isRegularFile(file)) {
            throw new ImportException(file + ": no such file");
        }
        try {
            if (Files.size(file) == 0) {
                throw new ImportException(file.getFileName() + ": the file is empty");
            }
            CsvReadOptions options = CsvReadOptions.builder(file.toFile())
                    .separator(',')
                    .header(true)
                    .sample(false)
                    .build();
            Table table = Table.read().usingOptions(options);
            if (table.rowCount() == 0) {
                throw new ImportException(
                        file.getFileName() + ": the file has a header but no rows");
            }
            return table;
        } catch (IOException e) {
            throw new ImportException(
                    file.getFileName() + ": cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Tablesaw reports malformed rows and unreadable cells as runtime exceptions.
            throw new ImportException(file.getFileName() + ": is not a readable CSV file: "
                    + rootMessage(e), e);
        }
    }

    private static void toDoubles(Table table, Column<?> column, Path file) throws ImportException {
        if (column instanceof DoubleColumn) {
            return;
        }
        if (column instanceof NumericColumn<?> numeric) {
            table.replaceColumn(column.name(), numeric.asDoubleColumn().setName(column.name()));
            return;
        }
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                try {
                    Double.parseDouble(column.getString(row).trim());
                } catch (NumberFormatException e) {
                    throw new ImportException(String.format(Locale.ROOT,
                            "%s, row %d, column %s: '%s' is not a number",
                            file.getFileName(), row + 1, column.name(), column.getString(row)));
                }
            }
        }
        throw new ImportException(file.getFileName() + ", column " + column.name()
                + ": cannot be read as numbers");
    }

    private static void checkTaskColumn(Path file, Table table, TaskSpec task)
            throws ImportException {
        DoubleColumn column = table.doubleColumn(task.name());
        for (int row = 0; row < column.size(); row++) {
            double value = column.getDouble(row);
            if (Double.isNaN(value)) {
                throw new ImportException(String.format(Locale.ROOT,
                        "%s, row %d, column %s: the task value is missing",
                        file.getFileName(), row + 1, task.name()));
            }
            if (task.isBinary() && value != 0 && value != 1) {
                throw new ImportException(String.format(Locale.ROOT,
                        "%s, row %d, column %s: a binary task needs 0 or 1, found %s",
                        file.getFileName(), row + 1, task.name(), column.getString(row)));
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.strip();
    }
}
