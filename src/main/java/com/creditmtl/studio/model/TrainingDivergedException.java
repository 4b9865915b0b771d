package com.creditmtl.studio.model;

import com.creditmtl.studio.data.Explained;
import com.creditmtl.studio.data.Sentence;

/**
 * Thrown when a task's training loss becomes NaN or infinite, or grows to {@link
 * DivergenceCheck#GROWTH_LIMIT} times its first epoch's value: the run is stopped rather than
 * left to produce a useless model. The message names the task and the likely cause; it is also
 * a {@link Sentence} the window writes in its own language.
 */
public final class TrainingDivergedException extends RuntimeException implements Explained {

    private final String task;
    private final int epoch;
    private final transient Sentence sentence;

    public TrainingDivergedException(String task, int epoch, Sentence sentence) {
        super(sentence.english());
        this.task = task;
        this.epoch = epoch;
        this.sentence = sentence;
    }

    /** A message without a translation. */
    public TrainingDivergedException(String task, int epoch, String message) {
        this(task, epoch, Sentence.plain(message));
    }

    @Override
    public Sentence sentence() {
        return sentence;
    }

    public String task() {
        return task;
    }

    public int epoch() {
        return epoch;
    }
}
