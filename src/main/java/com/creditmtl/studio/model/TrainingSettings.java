package com.creditmtl.studio.model;

import com.creditmtl.studio.data.TaskSpec;
import java.util.List;

/**
 * Everything that decides a training run besides the data: the tasks with their loss weights,
 * the width of the shared layer, the optimiser's learning rate, epochs, batch size, the split
 * fractions and the seed. The same settings and data give the same model.
 */
public record TrainingSettings(List<TaskSpec> tasks, int hiddenUnits, int epochs, int batchSize,
        double learningRate, long seed, double testFraction, double validationFraction) {

    public static final int DEFAULT_HIDDEN_UNITS = 64;
    public static final int DEFAULT_EPOCHS = 50;
    public static final int DEFAULT_BATCH_SIZE = 32;
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_TEST_FRACTION = 0.2;
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;

    public TrainingSettings {
        tasks = List.copyOf(tasks);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("at least one task is needed");
        }
        if (tasks.stream().allMatch(t -> t.weight() == 0)) {
            throw new IllegalArgumentException("at least one task needs a weight above 0");
        }
        require(hiddenUnits >= 1, "hidden units must be at least 1, was " + hiddenUnits);
        require(epochs >= 1, "epochs must be at least 1, was " + epochs);
        require(batchSize >= 1, "batch size must be at least 1, was " + batchSize);
        require(learningRate > 0 && learningRate < 1,
                "learning rate must lie in (0, 1), was " + learningRate);
    }

    /** The reference recipe for the given tasks: 64 units, 50 epochs, batch 32, rate 0.001. */
    public static TrainingSettings defaults(List<TaskSpec> tasks) {
        return new TrainingSettings(tasks, DEFAULT_HIDDEN_UNITS, DEFAULT_EPOCHS,
                DEFAULT_BATCH_SIZE, DEFAULT_LEARNING_RATE, DEFAULT_SEED, DEFAULT_TEST_FRACTION,
                DEFAULT_VALIDATION_FRACTION);
    }

    public TrainingSettings withTasks(List<TaskSpec> newTasks) {
        return new TrainingSettings(newTasks, hiddenUnits, epochs, batchSize, learningRate, seed,
                testFraction, validationFraction);
    }

    public TrainingSettings withEpochs(int newEpochs) {
        return new TrainingSettings(tasks, hiddenUnits, newEpochs, batchSize, learningRate, seed,
                testFraction, validationFraction);
    }

    public TrainingSettings withBatchSize(int newBatchSize) {
        return new TrainingSettings(tasks, hiddenUnits, epochs, newBatchSize, learningRate, seed,
                testFraction, validationFraction);
    }

    public TrainingSettings withLearningRate(double newRate) {
        return new TrainingSettings(tasks, hiddenUnits, epochs, batchSize, newRate, seed,
                testFraction, validationFraction);
    }

    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(tasks, hiddenUnits, epochs, batchSize, learningRate, newSeed,
                testFraction, validationFraction);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
