package com.creditmtl.studio.data;

/**
 * A file that cannot be used as it is. The message names the file and, where known, the row
 * and the column, so that an analyst can find the cell without reading a stack trace.
 */
public class ImportException extends Exception {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
