package com.creditmtl.studio.study;

/**
 * A study file that cannot be opened: too large, damaged, changed after it was written, of a
 * newer format or not a study file at all. The message names the file and says why.
 */
public final class StudyFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public StudyFileException(String message) {
        super(message);
    }

    public StudyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
