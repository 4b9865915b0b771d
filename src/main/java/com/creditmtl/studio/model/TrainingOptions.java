package com.creditmtl.studio.model;

/**
 * Training options beyond the reference recipe. {@link #NONE} is the reference recipe itself.
 *
 * @param dropout share of the shared layers' units dropped at each training step, 0 for none
 * @param l2 L2 penalty on the weights (not the biases), 0 for none
 * @param rateDecay factor applied to the learning rate after every epoch, 1 for a constant rate
 * @param patience epochs without a better validation loss before training stops and the best
 *     epoch's network is restored, 0 to train every epoch
 * @param classWeights weight each binary task's positives by the training part's ratio of
 *     negatives to positives, so both classes count alike
 * @param logTargets learn skewed non-negative regression targets as log(1 + y)
 * @param balancing automatic balancing of the task weights during training
 */
public record TrainingOptions(double dropout, double l2, double rateDecay, int patience,
        boolean classWeights, boolean logTargets, TaskBalancing balancing) {

    public static final TrainingOptions NONE =
            new TrainingOptions(0, 0, 1, 0, false, false, TaskBalancing.NONE);

    public TrainingOptions {
        require(dropout >= 0 && dropout < 1, "dropout must lie in [0, 1), was " + dropout);
        require(l2 >= 0 && Double.isFinite(l2), "L2 must be 0 or more, was " + l2);
        require(rateDecay > 0 && rateDecay <= 1, "rate decay must lie in (0, 1], was "
                + rateDecay);
        require(patience >= 0, "patience must be 0 or more, was " + patience);
        if (balancing == null) {
            throw new IllegalArgumentException("task balancing must be given");
        }
    }

    /** How task weights may change during training. */
    public enum TaskBalancing {
        /** The analyst's weights, unchanged. */
        NONE,
        /**
         * Dynamic weight averaging (Liu, Johns and Davison, CVPR 2019): from the third epoch
         * each task's weight is the analyst's weight times a factor that grows with how slowly
         * the task's training loss fell over the last two epochs; the factors average 1.
         */
        DYNAMIC_WEIGHT_AVERAGE
    }

    public TrainingOptions withDropout(double value) {
        return new TrainingOptions(value, l2, rateDecay, patience, classWeights, logTargets,
                balancing);
    }

    public TrainingOptions withL2(double value) {
        return new TrainingOptions(dropout, value, rateDecay, patience, classWeights, logTargets,
                balancing);
    }

    public TrainingOptions withRateDecay(double value) {
        return new TrainingOptions(dropout, l2, value, patience, classWeights, logTargets,
                balancing);
    }

    public TrainingOptions withPatience(int value) {
        return new TrainingOptions(dropout, l2, rateDecay, value, classWeights, logTargets,
                balancing);
    }

    public TrainingOptions withClassWeights(boolean value) {
        return new TrainingOptions(dropout, l2, rateDecay, patience, value, logTargets,
                balancing);
    }

    public TrainingOptions withLogTargets(boolean value) {
        return new TrainingOptions(dropout, l2, rateDecay, patience, classWeights, value,
                balancing);
    }

    public TrainingOptions withBalancing(TaskBalancing value) {
        return new TrainingOptions(dropout, l2, rateDecay, patience, classWeights, logTargets,
                value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
