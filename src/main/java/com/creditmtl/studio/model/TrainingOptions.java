package com.creditmtl.studio.model;

import com.creditmtl.studio.data.RefusedException;

/**
 * Training options beyond the reference recipe. {@link #NONE} is the reference recipe itself.
 *
 * @param dropout share of the shared layers' units dropped at each training step, 0 for none
 * @param l2 L2 penalty on the weights (not the biases), 0 for none, or {@link #AUTO_L2} for
 *     {@link #L2_PRIOR} divided by the training rows (see {@link #resolveL2})
 * @param rateDecay factor applied to the learning rate after every epoch, 1 for a constant rate
 * @param patience epochs without a better validation loss before training stops and the best
 *     epoch's network is restored, 0 to train every epoch
 * @param classWeights weight each binary task's positives by the training part's ratio of
 *     negatives to positives, so both classes count alike
 * @param logTargets learn skewed non-negative regression targets as log(1 + y)
 * @param balancing automatic balancing of the task weights during training
 * @param regressionLoss the loss of the regression tasks
 * @param averaging span, in epochs, of an exponential moving average of the parameters over
 *     the optimiser steps (Polyak averaging), whose network is the one validated, kept and
 *     reported; 0 for none
 * @param logCopies give each numeric feature with many distinct training values a second input,
 *     its signed logarithm sign(x) * log(1 + |x|), beside the value itself (see
 *     {@code FeatureEncoder})
 */
public record TrainingOptions(double dropout, double l2, double rateDecay, int patience,
        boolean classWeights, boolean logTargets, TaskBalancing balancing,
        RegressionLoss regressionLoss, double averaging, boolean logCopies) {

    public static final TrainingOptions NONE =
            new TrainingOptions(0, 0, 1, 0, false, false, TaskBalancing.NONE);

    /** The L2 value (not a number) that stands for "{@link #L2_PRIOR} / training rows". */
    public static final double AUTO_L2 = Double.NaN;

    /**
     * Strength of the automatic L2 penalty. The loss is a mean over a minibatch, so a penalty of
     * λ / n on each step is a Gaussian prior of fixed strength λ on the weights of a model fitted
     * to n rows: strong on a thousand applicants, faint on thirty thousand.
     */
    public static final double L2_PRIOR = 15;

    /**
     * The product's defaults, chosen on the bundled table and on German credit (see
     * docs/decisions/0007-default-training-options.md): absolute error for regression tasks,
     * early stopping after 5 epochs without a better validation loss, the automatic L2 and log
     * copies of the numeric features with many distinct values. Parameter averaging stays off:
     * it helped the bundled table a little and German credit not (see the decision record).
     */
    public static final TrainingOptions DEFAULT = new TrainingOptions(0, AUTO_L2, 1, 5, false,
            false, TaskBalancing.NONE, RegressionLoss.ABSOLUTE, 0, true);

    /**
     * The options with the squared error for regression tasks, no parameter averaging and no log
     * copies, as the reference recipe has.
     */
    public TrainingOptions(double dropout, double l2, double rateDecay, int patience,
            boolean classWeights, boolean logTargets, TaskBalancing balancing) {
        this(dropout, l2, rateDecay, patience, classWeights, logTargets, balancing,
                RegressionLoss.SQUARED, 0, false);
    }

    /**
     * The options without parameter averaging and with the log copies on, as in
     * {@link #DEFAULT}.
     */
    public TrainingOptions(double dropout, double l2, double rateDecay, int patience,
            boolean classWeights, boolean logTargets, TaskBalancing balancing,
            RegressionLoss regressionLoss) {
        this(dropout, l2, rateDecay, patience, classWeights, logTargets, balancing,
                regressionLoss, 0, true);
    }

    public TrainingOptions {
        require(dropout >= 0 && dropout < 1, "settings.dropout",
                "dropout must lie in [0, 1), was " + dropout, String.valueOf(dropout));
        require(Double.isNaN(l2) || l2 >= 0 && Double.isFinite(l2), "settings.l2",
                "L2 must be 0 or more, was " + l2, String.valueOf(l2));
        require(rateDecay > 0 && rateDecay <= 1, "settings.rateDecay",
                "rate decay must lie in (0, 1], was " + rateDecay, String.valueOf(rateDecay));
        require(patience >= 0, "settings.patience", "patience must be 0 or more, was "
                + patience, patience);
        require(averaging >= 0 && Double.isFinite(averaging), "settings.averaging",
                "the span of parameter averaging must be 0 epochs or more, was " + averaging,
                String.valueOf(averaging));
        if (balancing == null || regressionLoss == null) {
            throw new IllegalArgumentException("task balancing and regression loss must be given");
        }
    }

    /** The loss a regression head learns with. */
    public enum RegressionLoss {
        /** Squared error: the head learns the mean of the target, as the reference recipe. */
        SQUARED,
        /**
         * Absolute error: the head learns the median of the target, which gives the lowest mean
         * absolute error; on a target that is zero for most applicants it predicts zero for
         * most of them.
         */
        ABSOLUTE
    }

    /** True when the L2 penalty is to be set from the training rows. */
    public boolean isAutoL2() {
        return Double.isNaN(l2);
    }

    /**
     * These options with a concrete L2 penalty: the automatic one becomes {@link #L2_PRIOR}
     * divided by the training rows; a given one stays.
     */
    public TrainingOptions resolveL2(int trainingRows) {
        if (!isAutoL2()) {
            return this;
        }
        if (trainingRows <= 0) {
            throw new IllegalArgumentException("no training rows to set the L2 penalty from");
        }
        return withL2(L2_PRIOR / trainingRows);
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
                balancing, regressionLoss, averaging, logCopies);
    }

    public TrainingOptions withL2(double value) {
        return new TrainingOptions(dropout, value, rateDecay, patience, classWeights, logTargets,
                balancing, regressionLoss, averaging, logCopies);
    }

    public TrainingOptions withRateDecay(double value) {
        return new TrainingOptions(dropout, l2, value, patience, classWeights, logTargets,
                balancing, regressionLoss, averaging, logCopies);
    }

    public TrainingOptions withPatience(int value) {
        return new TrainingOptions(dropout, l2, rateDecay, value, classWeights, logTargets,
                balancing, regressionLoss, averaging, logCopies);
    }

    public TrainingOptions withClassWeights(boolean value) {
        return new TrainingOptions(dropout, l2, rateDecay, patience, value, logTargets,
                balancing, regressionLoss, averaging, logCopies);
    }

    public TrainingOptions withLogTargets(boolean value) {
        return new TrainingOptions(dropout, l2, rateDecay, patience, classWeights, value,
                balancing, regressionLoss, averaging, logCopies);
    }

    public TrainingOptions withBalancing(TaskBalancing value) {
        return new TrainingOptions(dropout, l2, rateDecay, patience, classWeights, logTargets,
                value, regressionLoss, averaging, logCopies);
    }

    public TrainingOptions withRegressionLoss(RegressionLoss value) {
        return new TrainingOptions(dropout, l2, rateDecay, patience, classWeights, logTargets,
                balancing, value, averaging, logCopies);
    }

    public TrainingOptions withAveraging(double value) {
        return new TrainingOptions(dropout, l2, rateDecay, patience, classWeights, logTargets,
                balancing, regressionLoss, value, logCopies);
    }

    public TrainingOptions withLogCopies(boolean value) {
        return new TrainingOptions(dropout, l2, rateDecay, patience, classWeights, logTargets,
                balancing, regressionLoss, averaging, value);
    }

    private static void require(boolean condition, String key, String english,
            Object... args) {
        if (!condition) {
            throw new RefusedException(key, english, args);
        }
    }
}
