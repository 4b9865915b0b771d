package com.creditmtl.studio.model;

import com.creditmtl.studio.data.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a multi-task network by minibatch Adam, epoch after epoch, on the calling thread.
 *
 * <p>Each epoch visits the training rows once in an order drawn from the seed, so a run repeats
 * exactly. The rows are reordered once per epoch; a minibatch is then a view of consecutive rows,
 * never a copy. Each step runs as a {@link FusedTrainingStep} when the network is one the fused
 * step covers, else through DL4J's {@code fit}; the choice is logged. After each epoch every
 * task's raw loss is measured on the whole training part and on the validation part and handed
 * to the listener. The cancel check runs before every minibatch, so a cancel takes effect within
 * one optimiser step (milliseconds).
 */
public final class MultiTaskTrainer {

    private static final Logger LOGGER = LoggerFactory.getLogger(MultiTaskTrainer.class);

    private final TrainingSettings settings;
    private final boolean allowFusedStep;

    public MultiTaskTrainer(TrainingSettings settings) {
        this(settings, true);
    }

    /** @param allowFusedStep false forces DL4J's {@code fit} for every step */
    MultiTaskTrainer(TrainingSettings settings, boolean allowFusedStep) {
        this.settings = settings;
        this.allowFusedStep = allowFusedStep;
    }

    /**
     * @return one report per epoch
     * @throws TrainingCancelledException when {@code cancelled} turns true
     */
    public List<EpochReport> train(ComputationGraph network, TrainingData train,
            TrainingData validation, Consumer<EpochReport> listener, BooleanSupplier cancelled) {
        FusedTrainingStep fused = fusedStepFor(network);
        MultiTaskLoss loss = MultiTaskNetworkFactory.loss(network);
        Random order = new Random(settings.seed());
        int rows = train.rows();
        int batch = settings.batchSize();
        List<EpochReport> history = new ArrayList<>();
        long start = System.nanoTime();

        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            int[] permutation = permutation(rows, order);
            INDArray features = Nd4j.pullRows(train.features(), 1, permutation);
            INDArray labels = Nd4j.pullRows(train.labels(), 1, permutation);
            INDArray mask = train.labelMask() == null ? null
                    : Nd4j.pullRows(train.labelMask(), 1, permutation);
            float[] labelValues = fused == null ? null : labels.data().asFloat();
            float[] maskValues = fused == null || mask == null ? null : mask.data().asFloat();

            for (int from = 0; from < rows; from += batch) {
                if (cancelled.getAsBoolean()) {
                    LOGGER.info("Training cancelled during epoch {}", epoch);
                    throw new TrainingCancelledException(epoch - 1);
                }
                int to = Math.min(from + batch, rows);
                INDArray x = features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
                if (fused != null) {
                    fused.step(x, labelValues, maskValues, from);
                } else {
                    network.fit(minibatch(x, labels, mask, from, to));
                }
            }
            network.incrementEpochCount();

            double elapsed = (System.nanoTime() - start) / 1e9;
            EpochReport report = new EpochReport(epoch, settings.epochs(),
                    losses(network, loss, train, validation), elapsed);
            history.add(report);
            LOGGER.debug("Epoch {}/{}: {}", epoch, settings.epochs(), report.losses());
            listener.accept(report);
        }
        return history;
    }

    private FusedTrainingStep fusedStepFor(ComputationGraph network) {
        if (!allowFusedStep) {
            LOGGER.info("Training with DL4J's fit: the fused step is switched off");
            return null;
        }
        String reason = FusedTrainingStep.unsupportedReason(network);
        if (reason != null) {
            LOGGER.info("Training with DL4J's fit: the fused step does not cover this network "
                    + "({})", reason);
            return null;
        }
        LOGGER.info("Training with the fused step");
        return FusedTrainingStep.forNetwork(network);
    }

    private List<TaskLoss> losses(ComputationGraph network, MultiTaskLoss loss,
            TrainingData train, TrainingData validation) {
        double[] trainLoss = loss.meanLossPerTask(train.labels(),
                network.outputSingle(false, train.features()), train.labelMask());
        double[] validationLoss = loss.meanLossPerTask(validation.labels(),
                network.outputSingle(false, validation.features()), validation.labelMask());
        List<TaskSpec> tasks = settings.tasks();
        List<TaskLoss> losses = new ArrayList<>(tasks.size());
        for (int t = 0; t < tasks.size(); t++) {
            losses.add(new TaskLoss(tasks.get(t).name(), loss.weight(t), trainLoss[t],
                    validationLoss[t]));
        }
        return losses;
    }

    private static MultiDataSet minibatch(INDArray x, INDArray labels, INDArray mask, int from,
            int to) {
        INDArray y = labels.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
        INDArray m = mask == null ? null
                : mask.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
        return new MultiDataSet(new INDArray[] {x}, new INDArray[] {y}, null,
                m == null ? null : new INDArray[] {m});
    }

    private static int[] permutation(int rows, Random random) {
        int[] permutation = new int[rows];
        for (int i = 0; i < rows; i++) {
            permutation[i] = i;
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
        }
        return permutation;
    }
}
