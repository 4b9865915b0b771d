package com.creditmtl.studio.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * An imported table of applicants with the role of each column: the tasks to learn, the numeric
 * and categorical features and an optional ID that is carried along but never learned from.
 *
 * <p>Numeric feature and task columns are {@link DoubleColumn}s; a missing cell reads as NaN,
 * and so does a masked task label. Categorical features are text columns, a missing cell being
 * empty. Column roles are fixed at import; ignored columns are listed but not kept.
 */
public final class CreditTable {

    private final Path source;
    private final Table table;
    private final String idColumn;
    private final List<String> featureNames;
    private final List<String> categoricalNames;
    private final List<TaskSpec> tasks;
    private final List<String> ignoredColumns;

    public CreditTable(Path source, Table table, String idColumn, List<String> featureNames,
            List<TaskSpec> tasks, List<String> ignoredColumns) {
        this(source, table, idColumn, featureNames, List.of(), tasks, ignoredColumns);
    }

    public CreditTable(Path source, Table table, String idColumn, List<String> featureNames,
            List<String> categoricalNames, List<TaskSpec> tasks, List<String> ignoredColumns) {
        this.source = source;
        this.table = Objects.requireNonNull(table, "table");
        this.idColumn = idColumn;
        this.featureNames = List.copyOf(featureNames);
        this.categoricalNames = List.copyOf(categoricalNames);
        this.tasks = List.copyOf(tasks);
        this.ignoredColumns = List.copyOf(ignoredColumns);
    }

    public Path source() {
        return source;
    }

    public Table table() {
        return table;
    }

    public Optional<String> idColumn() {
        return Optional.ofNullable(idColumn);
    }

    /** The numeric features, in file order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The categorical features, in file order. */
    public List<String> categoricalNames() {
        return categoricalNames;
    }

    /** A categorical feature's value in a row, or null when the cell is missing. */
    public String category(String column, int row) {
        Column<?> cells = table.column(column);
        return cells.isMissing(row) ? null : cells.getString(row);
    }

    /** A copy with other features, as after the leakage guard excluded some. */
    public CreditTable withFeatures(List<String> numeric, List<String> categorical,
            List<String> moreIgnored) {
        List<String> ignored = new java.util.ArrayList<>(ignoredColumns);
        ignored.addAll(moreIgnored);
        return new CreditTable(source, table, idColumn, numeric, categorical, tasks, ignored);
    }

    /** The tasks found at import, with their default weights. */
    public List<TaskSpec> tasks() {
        return tasks;
    }

    /** Columns that are neither features, tasks nor the ID, such as text columns. */
    public List<String> ignoredColumns() {
        return ignoredColumns;
    }

    public int rowCount() {
        return table.rowCount();
    }

    /** The applicant's ID, or its 1-based row number when the file has no ID column. */
    public String id(int row) {
        if (idColumn == null) {
            return Integer.toString(row + 1);
        }
        Column<?> column = table.column(idColumn);
        return column.isMissing(row) ? "" : column.getString(row);
    }

    /** Feature values of the given rows, one array per row, NaN where a cell is missing. */
    public double[][] features(int[] rows) {
        double[][] values = new double[rows.length][featureNames.size()];
        for (int f = 0; f < featureNames.size(); f++) {
            DoubleColumn column = table.doubleColumn(featureNames.get(f));
            for (int r = 0; r < rows.length; r++) {
                values[r][f] = column.getDouble(rows[r]);
            }
        }
        return values;
    }

    /** Values of one task's column for the given rows. */
    public double[] target(String task, int[] rows) {
        DoubleColumn column = table.doubleColumn(task);
        double[] values = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            values[r] = column.getDouble(rows[r]);
        }
        return values;
    }

    /** Row numbers 0 … n−1. */
    public int[] allRows() {
        int[] rows = new int[rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
