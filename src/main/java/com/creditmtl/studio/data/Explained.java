package com.creditmtl.studio.data;

/**
 * An exception whose message an analyst reads and caused by what they gave (a file, a setting),
 * so the window can write it in its own language: the message is {@link #sentence()} in English.
 */
public interface Explained {

    /** The message as a sentence; its English text is the exception's message. */
    Sentence sentence();
}
