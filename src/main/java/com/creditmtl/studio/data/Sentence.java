package com.creditmtl.studio.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A sentence of the engine that an analyst reads: a refusal, a skipped row's reason, a warning.
 * It holds the English text the command line prints, built exactly as before, and besides it a
 * key and arguments by which the window writes the same sentence in its own language (the
 * window's bundle holds the pattern under {@code engine.KEY}). An argument may itself be a
 * sentence, such as the problem inside "file: row R, column C: problem".
 *
 * <p>Two sentences are equal when they read the same in English: the key and the arguments
 * only say how to write that text again, not what it says. A sentence without a key
 * ({@link #plain}) is a text from elsewhere (a library's message, say) shown as it is.
 */
public final class Sentence {

    private final String key;
    private final List<Object> args;
    private final String english;

    private Sentence(String key, List<Object> args, String english) {
        this.key = key;
        this.args = args;
        this.english = Objects.requireNonNull(english, "english");
    }

    /** A sentence that reads {@code english} in English and follows {@code key} elsewhere. */
    public static Sentence of(String key, String english, Object... args) {
        return new Sentence(Objects.requireNonNull(key, "key"),
                Collections.unmodifiableList(Arrays.asList(args.clone())), english);
    }

    /** A text without a translation, shown as it is in every language. */
    public static Sentence plain(String text) {
        return new Sentence(null, List.of(), String.valueOf(text));
    }

    /** The key of the pattern, or null for a plain text. */
    public String key() {
        return key;
    }

    /** The arguments of the pattern, in order: texts, numbers or sentences. */
    public List<Object> args() {
        return args;
    }

    /** The text as the command line prints it. */
    public String english() {
        return english;
    }

    /** The English text, so a sentence can stand where a text stood before. */
    @Override
    public String toString() {
        return english;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sentence sentence && english.equals(sentence.english);
    }

    @Override
    public int hashCode() {
        return english.hashCode();
    }
}
