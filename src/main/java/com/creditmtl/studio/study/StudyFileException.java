package com.creditmtl.studio.study;

import com.creditmtl.studio.data.Explained;
import com.creditmtl.studio.data.Sentence;

/**
 * A study file that cannot be opened: too large, damaged, changed after it was written, of a
 * newer format or not a study file at all. The message names the file and says why; it is also
 * a {@link Sentence} the window writes in its own language.
 */
public final class StudyFileException extends Exception implements Explained {

    private static final long serialVersionUID = 1L;

    private final transient Sentence sentence;

    public StudyFileException(Sentence sentence) {
        super(sentence.english());
        this.sentence = sentence;
    }

    public StudyFileException(Sentence sentence, Throwable cause) {
        super(sentence.english(), cause);
        this.sentence = sentence;
    }

    /** A message without a translation. */
    public StudyFileException(String message) {
        this(Sentence.plain(message));
    }

    /** A message without a translation. */
    public StudyFileException(String message, Throwable cause) {
        this(Sentence.plain(message), cause);
    }

    /** Refuses a study file with a sentence of the given key, English text and arguments. */
    static StudyFileException of(String key, String english, Object... args) {
        return new StudyFileException(Sentence.of(key, english, args));
    }

    @Override
    public Sentence sentence() {
        return sentence;
    }
}
