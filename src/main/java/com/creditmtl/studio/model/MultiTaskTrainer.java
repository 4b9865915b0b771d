package com.creditmtl.studio.model;

import com.creditmtl.studio.data.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 *
 * <p>With a patience, training stops once the validation loss (each task's raw validation loss
 * times the analyst's weight, summed) has not improved for that many epochs, and the network
 * of the best epoch is restored ({@link #bestEpoch()}). With dynamic weight averaging the loss
 * weights change from the third epoch on; each epoch's report carries the weights it used.
 *
 * <p>With parameter averaging (Polyak averaging) an exponential moving average of the
 * parameters follows the optimiser's steps, with the decay {@code 1 − 1 / (span · steps per
 * epoch)}, so it spans about the same number of epochs on a small file as on a large one; the
 * decay starts lower, {@code (1 + n) / (10 + n)} after n steps, so the random start fades fast.
 * The averaged network is the one whose losses each epoch reports, whose validation loss
 * decides early stopping, and which the trainer leaves in place; the optimiser itself goes on
 * from its own parameters.
 *
 * <p>When the cancel check is a {@link TrainingControl}, the trainer also waits while it is
 * paused and applies the task weights asked for, both before every step; the new weights
 * become the analyst's weights from then on (early stopping and balancing use them). A run
 * whose loss diverges ({@link DivergenceCheck}) stops with a {@link TrainingDivergedException}.
 */
public final class MultiTaskTrainer {

    private static final Logger LOGGER = LoggerFactory.getLogger(MultiTaskTrainer.class);

    /** Temperature of dynamic weight averaging, as in its paper. */
    static final double BALANCING_TEMPERATURE = 2.0;

    private final TrainingSettings settings;
    private final boolean allowFusedStep;
    private int bestEpoch;
    private double[] analystWeights;

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
     * @param cancelled the cancel check, or a {@link TrainingControl} for pause and live weights
     * @throws TrainingCancelledException when {@code cancelled} turns true
     * @throws TrainingDivergedException when a task's loss diverges
     */
    public List<EpochReport> train(ComputationGraph network, TrainingData train,
            TrainingData validation, Consumer<EpochReport> listener, BooleanSupplier cancelled) {
        TrainingControl control = TrainingControl.of(cancelled);
        FusedTrainingStep fused = fusedStepFor(network);
        MultiTaskLoss loss = MultiTaskNetworkFactory.loss(network);
        analystWeights = settings.tasks().stream().mapToDouble(TaskSpec::weight).toArray();
        DivergenceCheck divergence = new DivergenceCheck();
        Random order = new Random(settings.seed());
        int rows = train.rows();
        int batch = settings.batchSize();
        List<EpochReport> history = new ArrayList<>();
        long start = System.nanoTime();
        int patience = settings.options().patience();
        double bestLoss = Double.POSITIVE_INFINITY;
        INDArray bestParameters = null;
        bestEpoch = 0;
        ParameterAverage average = settings.options().averaging() > 0
                ? new ParameterAverage(network.params(), averagingDecay(rows)) : null;

        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            int[] permutation = permutation(rows, order);
            INDArray features = Nd4j.pullRows(train.features(), 1, permutation);
            INDArray labels = Nd4j.pullRows(train.labels(), 1, permutation);
            INDArray mask = train.labelMask() == null ? null
                    : Nd4j.pullRows(train.labelMask(), 1, permutation);
            float[] labelValues = fused == null ? null : labels.data().asFloat();
            float[] maskValues = fused == null || mask == null ? null : mask.data().asFloat();

            for (int from = 0; from < rows; from += batch) {
                control.awaitResume();
                applyWeights(control, loss);
                if (control.getAsBoolean()) {
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
                if (average != null) {
                    average.update();
                }
            }
            network.incrementEpochCount();

            if (average != null) {
                average.swap();
            }
            double elapsed = (System.nanoTime() - start - control.pausedNanos()) / 1e9;
            EpochReport report = new EpochReport(epoch, settings.epochs(),
                    losses(network, loss, train, validation), elapsed);
            history.add(report);
            LOGGER.debug("Epoch {}/{}: {}", epoch, settings.epochs(), report.losses());
            listener.accept(report);
            divergence.check(report, settings);

            if (patience > 0) {
                double validationLoss = criterion(report);
                if (validationLoss < bestLoss) {
                    bestLoss = validationLoss;
                    bestEpoch = epoch;
                    bestParameters = network.params().dup();
                } else if (epoch - bestEpoch >= patience) {
                    LOGGER.info("Early stop after epoch {}: no better validation loss for {} "
                            + "epochs", epoch, patience);
                    break;
                }
            } else {
                bestEpoch = epoch;
            }
            if (average != null && epoch < settings.epochs()) {
                average.swap();
            }
            if (settings.options().balancing() == TrainingOptions.TaskBalancing
                    .DYNAMIC_WEIGHT_AVERAGE && history.size() >= 2) {
                rebalance(loss, history);
            }
        }
        if (bestParameters != null && bestEpoch < history.size()) {
            network.setParams(bestParameters);
            LOGGER.info("Restored the network of epoch {}", bestEpoch);
        }
        return history;
    }

    /** Decay of the parameter average: one over its span in optimiser steps, from 1. */
    double averagingDecay(int rows) {
        double steps = settings.options().averaging() * Math.ceil((double) rows
                / settings.batchSize());
        return steps <= 1 ? 0 : 1 - 1 / steps;
    }

    /** The epoch whose network the trainer left in place: the last, or the best when stopping
     * early. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /**
     * Applies the weights asked for through the control. Without balancing the loss takes them
     * as they are; with it they become the analyst's weights the next rebalancing scales, and
     * the loss takes them times the task's current balancing factor.
     */
    private void applyWeights(TrainingControl control, MultiTaskLoss loss) {
        for (Map.Entry<Integer, Double> change : control.takePendingWeights().entrySet()) {
            int task = change.getKey();
            if (task < 0 || task >= analystWeights.length) {
                continue;
            }
            double before = analystWeights[task];
            double after = change.getValue();
            double factor = before > 0 ? loss.weight(task) / before : 1;
            analystWeights[task] = after;
            loss.setWeight(task, after * factor);
            LOGGER.info("Weight of task {} set to {} during training",
                    settings.tasks().get(task).name(), after);
        }
    }

    /** Validation loss with the analyst's weights, whatever balancing did to them. */
    private double criterion(EpochReport report) {
        double total = 0;
        for (int t = 0; t < analystWeights.length; t++) {
            double loss = report.losses().get(t).validationLoss();
            if (!Double.isNaN(loss)) {
                total += analystWeights[t] * loss;
            }
        }
        return total;
    }

    /**
     * Dynamic weight averaging: a task whose training loss fell less over the last epoch gets
     * more weight. Each task's factor is {@code K exp(r_t / T) / sum exp(r_i / T)} with
     * {@code r_t} its loss ratio between the last two epochs, so the factors average 1; the
     * analyst's weight is multiplied by it, and a weight of 0 stays 0.
     */
    private void rebalance(MultiTaskLoss loss, List<EpochReport> history) {
        List<TaskLoss> last = history.get(history.size() - 1).losses();
        List<TaskLoss> before = history.get(history.size() - 2).losses();
        int tasks = last.size();
        double[] exps = new double[tasks];
        double sum = 0;
        for (int t = 0; t < tasks; t++) {
            double ratio = last.get(t).trainLoss() / before.get(t).trainLoss();
            exps[t] = Math.exp((Double.isFinite(ratio) ? ratio : 1) / BALANCING_TEMPERATURE);
            sum += exps[t];
        }
        for (int t = 0; t < tasks; t++) {
            loss.setWeight(t, analystWeights[t] * tasks * exps[t] / sum);
        }
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

    /** The rows 0 … rows − 1 in an order drawn from the random source (Fisher–Yates). */
    public static int[] permutation(int rows, Random random) {
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
