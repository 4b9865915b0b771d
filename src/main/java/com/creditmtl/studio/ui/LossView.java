package com.creditmtl.studio.ui;

import com.creditmtl.studio.model.EpochReport;
import com.creditmtl.studio.model.TaskLoss;
import java.util.List;

/** How the Training view shows each task's loss. */
public enum LossView {
    /** The head's own loss. */
    RAW("Raw loss"),
    /** Raw loss times the task's weight in that epoch: what the optimiser minimised. */
    WEIGHTED("Weighted loss"),
    /** The task's weighted loss over the sum of all tasks' weighted losses; tasks sum to 1. */
    SHARE("Share of the total");

    private final String label;

    LossView(String label) {
        this.label = label;
    }

    /** The English name. */
    public String label() {
        return label;
    }

    /** The key of the name in the window's language. */
    public String key() {
        return "lossView." + name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * The value shown for a task after an epoch, on the training or the validation part. A
     * share is 0 when the total is 0, and NaN when a loss is (a task without validation rows).
     */
    public double value(EpochReport report, int task, boolean validation) {
        List<TaskLoss> losses = report.losses();
        TaskLoss loss = losses.get(task);
        return switch (this) {
            case RAW -> validation ? loss.validationLoss() : loss.trainLoss();
            case WEIGHTED -> validation ? loss.weightedValidationLoss()
                    : loss.weightedTrainLoss();
            case SHARE -> {
                double total = 0;
                for (TaskLoss each : losses) {
                    total += validation ? each.weightedValidationLoss()
                            : each.weightedTrainLoss();
                }
                double own = validation ? loss.weightedValidationLoss()
                        : loss.weightedTrainLoss();
                yield total > 0 ? own / total : Double.isNaN(total) ? Double.NaN : 0;
            }
        };
    }
}
