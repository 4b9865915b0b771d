package com.creditmtl.studio.data;

import java.util.Locale;

/**
 * A file that cannot be used as it is. The message names the file and, where known, the row
 * and the column, so that an analyst can find the cell without reading a stack trace. Rows are
 * counted from 1 at the first row after the header. The message is also a {@link Sentence}, so
 * the window can write it in its own language.
 */
public class ImportException extends Exception implements Explained {

    private final transient Sentence sentence;

    public ImportException(Sentence sentence) {
        super(sentence.english());
        this.sentence = sentence;
    }

    public ImportException(Sentence sentence, Throwable cause) {
        super(sentence.english(), cause);
        this.sentence = sentence;
    }

    /** A message without a translation, shown as it is in every language. */
    public ImportException(String message) {
        this(Sentence.plain(message));
    }

    public ImportException(String message, Throwable cause) {
        this(Sentence.plain(message), cause);
    }

    /** Refuses a file with a sentence of the given key, English text and arguments. */
    static ImportException of(String key, String english, Object... args) {
        return new ImportException(Sentence.of(key, english, args));
    }

    @Override
    public Sentence sentence() {
        return sentence;
    }

    /** {@code file: row R, column C: problem}, the form every cell-level message takes. */
    static Sentence at(String file, long row, String column, Sentence problem) {
        return Sentence.of("import.at", String.format(Locale.ROOT, "%s: row %d, column %s: %s",
                file, row, column, problem.english()), file, row, column, problem);
    }
}
