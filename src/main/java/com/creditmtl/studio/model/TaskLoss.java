package com.creditmtl.studio.model;

/**
 * One task's loss after an epoch, on the training and the validation part. Raw losses are the
 * head's own mean loss (binary cross-entropy, or squared or absolute error on the scaled
 * target); weighted losses are what the optimiser minimised, raw times the task's weight.
 */
public record TaskLoss(String task, double weight, double trainLoss, double validationLoss) {

    public double weightedTrainLoss() {
        return weight * trainLoss;
    }

    public double weightedValidationLoss() {
        return weight * validationLoss;
    }
}
