package com.creditmtl.studio.data;

import java.util.Locale;

/**
 * A file that cannot be used as it is. The message names the file and, where known, the row
 * and the column, so that an analyst can find the cell without reading a stack trace. Rows are
 * counted from 1 at the first row after the header.
 */
public class ImportException extends Exception {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code file: row R, column C: problem}, the form every cell-level message takes. */
    static String at(String file, long row, String column, String problem) {
        return String.format(Locale.ROOT, "%s: row %d, column %s: %s", file, row, column,
                problem);
    }
}
