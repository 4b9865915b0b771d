package com.creditmtl.studio.model;

import com.creditmtl.studio.data.RefusedException;
import com.creditmtl.studio.data.TaskSpec;
import java.util.List;

/**
 * Everything that decides a training run besides the data: the tasks with their loss weights,
 * the widths of the shared layers (up to three; none makes each head a linear model of the
 * features), the optimiser's learning rate, epochs, batch
 * size, the split fractions, the seed and the further {@link TrainingOptions}. The same settings
 * and data give the same model.
 */
public record TrainingSettings(List<TaskSpec> tasks, List<Integer> hiddenLayers, int epochs,
        int batchSize, double learningRate, long seed, double testFraction,
        double validationFraction, TrainingOptions options) {

    public static final int MAX_HIDDEN_LAYERS = 3;
    public static final int DEFAULT_HIDDEN_UNITS = 64;
    public static final int DEFAULT_EPOCHS = 50;
    public static final int DEFAULT_BATCH_SIZE = 32;
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_TEST_FRACTION = 0.2;
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;

    /** One shared layer of the given width and no further options: the reference design. */
    public TrainingSettings(List<TaskSpec> tasks, int hiddenUnits, int epochs, int batchSize,
            double learningRate, long seed, double testFraction, double validationFraction) {
        this(tasks, List.of(hiddenUnits), epochs, batchSize, learningRate, seed, testFraction,
                validationFraction, TrainingOptions.NONE);
    }

    public TrainingSettings {
        tasks = List.copyOf(tasks);
        hiddenLayers = List.copyOf(hiddenLayers);
        require(hiddenLayers.size() <= MAX_HIDDEN_LAYERS, "settings.layers",
                "at most " + MAX_HIDDEN_LAYERS + " shared layers, not " + hiddenLayers.size(),
                MAX_HIDDEN_LAYERS, hiddenLayers.size());
        for (int width : hiddenLayers) {
            require(width >= 1, "settings.layerWidth",
                    "a shared layer needs at least 1 unit, not " + width, width);
        }
        if (options == null) {
            throw new IllegalArgumentException("training options must be given");
        }
        require(!tasks.isEmpty(), "settings.noTask", "at least one task is needed");
        require(tasks.stream().anyMatch(t -> t.weight() != 0), "settings.noWeight",
                "at least one task needs a weight above 0");
        require(epochs >= 1, "settings.epochs", "epochs must be at least 1, was " + epochs,
                epochs);
        require(batchSize >= 1, "settings.batchSize",
                "batch size must be at least 1, was " + batchSize, batchSize);
        require(learningRate > 0 && learningRate < 1, "settings.learningRate",
                "learning rate must lie in (0, 1), was " + learningRate,
                String.valueOf(learningRate));
    }

    /** The product's defaults: the reference recipe with {@link TrainingOptions#DEFAULT}. */
    public static TrainingSettings defaults(List<TaskSpec> tasks) {
        return reference(tasks).withOptions(TrainingOptions.DEFAULT);
    }

    /**
     * The reference recipe of the design: one shared layer of 64 units, 50 epochs, batch 32,
     * Adam at 0.001, squared error for regression tasks, no other option. Benchmarks against
     * other implementations of that recipe use it.
     */
    public static TrainingSettings reference(List<TaskSpec> tasks) {
        return new TrainingSettings(tasks, DEFAULT_HIDDEN_UNITS, DEFAULT_EPOCHS,
                DEFAULT_BATCH_SIZE, DEFAULT_LEARNING_RATE, DEFAULT_SEED, DEFAULT_TEST_FRACTION,
                DEFAULT_VALIDATION_FRACTION);
    }

    /** These settings with the automatic L2 penalty, if chosen, set for the training rows. */
    public TrainingSettings resolveL2(int trainingRows) {
        return options.isAutoL2() ? withOptions(options.resolveL2(trainingRows)) : this;
    }

    /** Width of the first shared layer, 0 for a linear model. */
    public int hiddenUnits() {
        return hiddenLayers.isEmpty() ? 0 : hiddenLayers.get(0);
    }

    public TrainingSettings withTasks(List<TaskSpec> newTasks) {
        return new TrainingSettings(newTasks, hiddenLayers, epochs, batchSize, learningRate, seed,
                testFraction, validationFraction, options);
    }

    public TrainingSettings withHiddenLayers(List<Integer> widths) {
        return new TrainingSettings(tasks, widths, epochs, batchSize, learningRate, seed,
                testFraction, validationFraction, options);
    }

    public TrainingSettings withEpochs(int newEpochs) {
        return new TrainingSettings(tasks, hiddenLayers, newEpochs, batchSize, learningRate, seed,
                testFraction, validationFraction, options);
    }

    public TrainingSettings withBatchSize(int newBatchSize) {
        return new TrainingSettings(tasks, hiddenLayers, epochs, newBatchSize, learningRate, seed,
                testFraction, validationFraction, options);
    }

    public TrainingSettings withLearningRate(double newRate) {
        return new TrainingSettings(tasks, hiddenLayers, epochs, batchSize, newRate, seed,
                testFraction, validationFraction, options);
    }

    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(tasks, hiddenLayers, epochs, batchSize, learningRate, newSeed,
                testFraction, validationFraction, options);
    }

    public TrainingSettings withOptions(TrainingOptions newOptions) {
        return new TrainingSettings(tasks, hiddenLayers, epochs, batchSize, learningRate, seed,
                testFraction, validationFraction, newOptions);
    }

    private static void require(boolean condition, String key, String english,
            Object... args) {
        if (!condition) {
            throw new RefusedException(key, english, args);
        }
    }
}
