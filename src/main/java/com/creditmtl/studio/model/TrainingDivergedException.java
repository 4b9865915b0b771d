package com.creditmtl.studio.model;

/**
 * Thrown when a task's training loss becomes NaN or infinite, or grows to {@link
 * DivergenceCheck#GROWTH_LIMIT} times its first epoch's value: the run is stopped rather than
 * left to produce a useless model. The message names the task and the likely cause.
 */
public final class TrainingDivergedException extends RuntimeException {

    private final String task;
    private final int epoch;

    public TrainingDivergedException(String task, int epoch, String message) {
        super(message);
        this.task = task;
        this.epoch = epoch;
    }

    public String task() {
        return task;
    }

    public int epoch() {
        return epoch;
    }
}
