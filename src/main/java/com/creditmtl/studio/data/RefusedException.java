package com.creditmtl.studio.data;

/**
 * A value the engine refuses: a setting out of range, a task definition it cannot read, options
 * that do not fit the data. An {@link IllegalArgumentException} as before, whose message is also
 * a {@link Sentence} the window can write in its own language.
 */
public class RefusedException extends IllegalArgumentException implements Explained {

    private static final long serialVersionUID = 1L;

    private final transient Sentence sentence;

    public RefusedException(Sentence sentence) {
        super(sentence.english());
        this.sentence = sentence;
    }

    /** Refuses with a sentence of the given key, English text and arguments. */
    public RefusedException(String key, String english, Object... args) {
        this(Sentence.of(key, english, args));
    }

    @Override
    public Sentence sentence() {
        return sentence;
    }
}
