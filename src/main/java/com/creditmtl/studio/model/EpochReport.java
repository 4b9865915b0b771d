package com.creditmtl.studio.model;

import java.util.List;

/**
 * What a training run reports after each epoch.
 *
 * @param epoch the epoch just finished, from 1
 * @param epochs the epochs planned
 * @param losses one entry per task, in task order
 * @param elapsedSeconds time since training began
 */
public record EpochReport(int epoch, int epochs, List<TaskLoss> losses, double elapsedSeconds) {

    public EpochReport {
        losses = List.copyOf(losses);
    }

    /** A linear estimate from the epochs so far. */
    public double secondsLeft() {
        return elapsedSeconds / epoch * (epochs - epoch);
    }

    /** The weighted training loss summed over tasks: the quantity the optimiser minimised. */
    public double totalWeightedTrainLoss() {
        return losses.stream().mapToDouble(TaskLoss::weightedTrainLoss).sum();
    }

    /** Each task's share of the weighted training loss, 0 when the total is 0. */
    public double share(int task) {
        double total = totalWeightedTrainLoss();
        return total > 0 ? losses.get(task).weightedTrainLoss() / total : 0;
    }
}
