package com.creditmtl.studio.model;

import com.creditmtl.studio.data.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a multi-task network by minibatch Adam, epoch after epoch, on the calling thread.
 *
 * <p>Each epoch visits the training rows once in an order drawn from the seed, so a run repeats
 * exactly. After each epoch every task's raw loss is measured on the whole training part and on
 * the validation part and handed to the listener. The cancel check runs before every minibatch,
 * so a cancel takes effect within one optimiser step (milliseconds).
 */
public final class MultiTaskTrainer {

    private static final Logger LOGGER = LoggerFactory.getLogger(MultiTaskTrainer.class);

    private final TrainingSettings settings;

    public MultiTaskTrainer(TrainingSettings settings) {
        this.settings = settings;
    }

    /**
     * @return one report per epoch
     * @throws TrainingCancelledException when {@code cancelled} turns true
     */
    public List<EpochReport> train(ComputationGraph network, TrainingData train,
            TrainingData validation, Consumer<EpochReport> listener, BooleanSupplier cancelled) {
        Random order = new Random(settings.seed());
        int rows = train.rows();
        int batch = settings.batchSize();
        List<EpochReport> history = new ArrayList<>();
        long start = System.nanoTime();

        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            int[] permutation = permutation(rows, order);
            INDArray features = Nd4j.pullRows(train.features(), 1, permutation);
            INDArray[] labels = new INDArray[train.labels().length];
            INDArray[] masks = new INDArray[labels.length];
            for (int t = 0; t < labels.length; t++) {
                labels[t] = Nd4j.pullRows(train.labels()[t], 1, permutation);
                INDArray mask = train.labelMasks()[t];
                masks[t] = mask == null ? null : Nd4j.pullRows(mask, 1, permutation);
            }

            for (int from = 0; from < rows; from += batch) {
                if (cancelled.getAsBoolean()) {
                    LOGGER.info("Training cancelled during epoch {}", epoch);
                    throw new TrainingCancelledException(epoch - 1);
                }
                int to = Math.min(from + batch, rows);
                network.fit(minibatch(features, labels, masks, from, to));
            }

            double elapsed = (System.nanoTime() - start) / 1e9;
            EpochReport report = new EpochReport(epoch, settings.epochs(),
                    losses(network, train, validation), elapsed);
            history.add(report);
            LOGGER.debug("Epoch {}/{}: {}", epoch, settings.epochs(), report.losses());
            listener.accept(report);
        }
        return history;
    }

    private List<TaskLoss> losses(ComputationGraph network, TrainingData train,
            TrainingData validation) {
        INDArray[] trainOut = network.output(false, train.features());
        INDArray[] validationOut = network.output(false, validation.features());
        List<TaskSpec> tasks = settings.tasks();
        List<TaskLoss> losses = new ArrayList<>(tasks.size());
        for (int t = 0; t < tasks.size(); t++) {
            ILossFunction loss = MultiTaskNetworkFactory.rawLoss(tasks.get(t));
            losses.add(new TaskLoss(tasks.get(t).name(), tasks.get(t).weight(),
                    meanLoss(loss, train.labels()[t], trainOut[t], train.labelMasks()[t]),
                    meanLoss(loss, validation.labels()[t], validationOut[t],
                            validation.labelMasks()[t])));
        }
        return losses;
    }

    /**
     * The head's mean loss over the rows whose label is known, given its already activated
     * output; NaN when no label is known.
     */
    private static double meanLoss(ILossFunction loss, INDArray labels, INDArray output,
            INDArray mask) {
        double known = mask == null ? labels.rows() : mask.sumNumber().doubleValue();
        if (known == 0) {
            return Double.NaN;
        }
        return loss.computeScore(labels, output.dup(), new ActivationIdentity(), mask, false)
                / known;
    }

    private static MultiDataSet minibatch(INDArray features, INDArray[] labels, INDArray[] masks,
            int from, int to) {
        INDArray x = features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
        INDArray[] y = new INDArray[labels.length];
        INDArray[] m = new INDArray[labels.length];
        for (int t = 0; t < labels.length; t++) {
            y[t] = labels[t].get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            m[t] = masks[t] == null ? null
                    : masks[t].get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
        }
        return new MultiDataSet(new INDArray[] {x}, y, null, m);
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
