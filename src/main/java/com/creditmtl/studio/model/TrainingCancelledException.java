package com.creditmtl.studio.model;

/** Thrown out of a training run when the analyst cancels it; no model results from it. */
public class TrainingCancelledException extends RuntimeException {

    private final int epochsCompleted;

    public TrainingCancelledException(int epochsCompleted) {
        super("training cancelled after " + epochsCompleted + " completed epochs");
        this.epochsCompleted = epochsCompleted;
    }

    public int epochsCompleted() {
        return epochsCompleted;
    }
}
