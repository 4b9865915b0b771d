package com.creditmtl.studio.spark;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.model.EpochReport;
import com.creditmtl.studio.model.MultiTaskLoss;
import com.creditmtl.studio.model.MultiTaskNetworkFactory;
import com.creditmtl.studio.model.MultiTaskTrainer;
import com.creditmtl.studio.model.NativeRuntime;
import com.creditmtl.studio.model.TaskLoss;
import com.creditmtl.studio.model.TrainingData;
import com.creditmtl.studio.model.TrainingOptions;
import com.creditmtl.studio.model.TrainingSettings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the multi-task network on Spark by parameter averaging, without DL4J's Spark glue.
 * The training rows are dealt into partitions once and cached. In each round the driver
 * broadcasts the network's parameters and Adam state; every partition restores the network,
 * trains on its next slice of rows with the core's {@link MultiTaskTrainer} (the fused step,
 * the same minibatch size, L2 and learning-rate schedule), and sends back its parameters and
 * Adam state; the driver averages both, weighted by the rows each partition trained on. After
 * every epoch the driver measures each task's training and validation loss, keeps the best
 * network by the weighted validation loss and stops after {@code patience} epochs without a
 * better one, exactly as the desktop's trainer does.
 *
 * <p>Limits: the averaged network is not the one sequential training would reach, so metrics
 * differ a little from the desktop's (docs/spark.md); dynamic weight averaging of the task
 * weights is not supported; all training rows pass through the driver, which must hold them.
 */
final class ParameterAveraging {

    private static final Logger LOGGER = LoggerFactory.getLogger(ParameterAveraging.class);

    private final JavaSparkContext context;
    private final TrainingSettings settings;
    private final int partitions;
    private final int roundsPerEpoch;
    private int bestEpoch;

    /**
     * @param settings the desktop's settings, the L2 penalty resolved
     * @param roundsPerEpoch averagings per epoch; each partition trains on a share of its rows
     *     in each
     */
    ParameterAveraging(JavaSparkContext context, TrainingSettings settings, int partitions,
            int roundsPerEpoch) {
        if (settings.options().balancing() != TrainingOptions.TaskBalancing.NONE) {
            throw new IllegalArgumentException("dynamic task weights are not supported on "
                    + "Spark; train with fixed weights");
        }
        if (partitions < 1 || roundsPerEpoch < 1) {
            throw new IllegalArgumentException("partitions and rounds per epoch must be at "
                    + "least 1");
        }
        this.context = context;
        this.settings = settings;
        this.partitions = partitions;
        this.roundsPerEpoch = roundsPerEpoch;
    }

    /** One partition's training rows, as the network sees them. */
    record Shard(int number, int rows, int inputs, int tasks, float[] features, float[] labels,
            float[] mask) implements Serializable {
        private static final long serialVersionUID = 1L;

        TrainingData slice(int[] rowNumbers) {
            float[] x = new float[rowNumbers.length * inputs];
            float[] y = new float[rowNumbers.length * tasks];
            float[] m = mask == null ? null : new float[y.length];
            for (int i = 0; i < rowNumbers.length; i++) {
                int r = rowNumbers[i];
                System.arraycopy(features, r * inputs, x, i * inputs, inputs);
                System.arraycopy(labels, r * tasks, y, i * tasks, tasks);
                if (m != null) {
                    System.arraycopy(mask, r * tasks, m, i * tasks, tasks);
                }
            }
            long[] labelShape = {rowNumbers.length, tasks};
            return new TrainingData(
                    Nd4j.create(x, new long[] {rowNumbers.length, inputs}, DataType.FLOAT),
                    Nd4j.create(y, labelShape, DataType.FLOAT),
                    m == null ? null : Nd4j.create(m, labelShape, DataType.FLOAT));
        }
    }

    /** What the driver sends out in a round. */
    record Round(String configuration, float[] parameters, float[] updater, int iteration,
            int epoch, int round, int roundsPerEpoch, long seed, int batch, String[] tasks,
            TaskType[] types, double[] weights) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What a partition sends back. */
    record State(float[] parameters, float[] updater, int rows, int steps)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Called with the network each time the validation loss improves. */
    interface Improvement {
        void accept(ComputationGraph network, int epoch, List<EpochReport> history)
                throws Exception;
    }

    /**
     * Trains the network in place; afterwards it is the best epoch's network when stopping
     * early, else the last one.
     *
     * @return one report per epoch
     */
    List<EpochReport> train(ComputationGraph network, TrainingData train,
            TrainingData validation, Consumer<EpochReport> listener, Improvement improved)
            throws Exception {
        JavaRDD<Shard> shards = context.parallelize(deal(train), partitions).cache();
        String configuration = network.getConfiguration().toJson();
        MultiTaskLoss loss = MultiTaskNetworkFactory.loss(network);
        List<TaskSpec> tasks = settings.tasks();
        String[] names = tasks.stream().map(TaskSpec::name).toArray(String[]::new);
        TaskType[] types = tasks.stream().map(TaskSpec::type).toArray(TaskType[]::new);
        double[] weights = tasks.stream().mapToDouble(TaskSpec::weight).toArray();

        List<EpochReport> history = new ArrayList<>();
        long start = System.nanoTime();
        double bestLoss = Double.POSITIVE_INFINITY;
        INDArray bestParameters = null;
        bestEpoch = 0;
        int patience = settings.options().patience();
        int iteration = network.getIterationCount();
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            for (int round = 0; round < roundsPerEpoch; round++) {
                Round sent = new Round(configuration, floats(network.params()),
                        floats(updaterState(network)), iteration, epoch - 1, round,
                        roundsPerEpoch, settings.seed(), settings.batchSize(), names, types,
                        weights);
                Broadcast<Round> shared = context.broadcast(sent);
                List<State> states = shards.mapPartitions(
                        (Iterator<Shard> it) -> fit(shared.value(), it)).collect();
                shared.destroy();
                iteration += average(network, states);
            }
            network.getConfiguration().setEpochCount(epoch);

            EpochReport report = new EpochReport(epoch, settings.epochs(),
                    losses(network, loss, train, validation),
                    (System.nanoTime() - start) / 1e9);
            history.add(report);
            listener.accept(report);
            double criterion = criterion(report);
            if (criterion < bestLoss) {
                bestLoss = criterion;
                bestEpoch = epoch;
                bestParameters = network.params().dup();
                improved.accept(network, epoch, history);
            } else if (patience > 0 && epoch - bestEpoch >= patience) {
                LOGGER.info("Early stop after epoch {}: no better validation loss for {} "
                        + "epochs", epoch, patience);
                break;
            }
        }
        if (patience > 0 && bestParameters != null && bestEpoch < history.size()) {
            network.setParams(bestParameters);
            LOGGER.info("Restored the network of epoch {}", bestEpoch);
        } else {
            bestEpoch = history.size();
        }
        shards.unpersist();
        return history;
    }

    /** The epoch whose network was left in place. */
    int bestEpoch() {
        return bestEpoch;
    }

    /** Rows dealt to the partitions in an order drawn from the seed. */
    private List<Shard> deal(TrainingData train) {
        int rows = train.rows();
        int inputs = (int) train.features().columns();
        int tasks = train.tasks();
        float[] x = train.features().dup('c').data().asFloat();
        float[] y = train.labels().dup('c').data().asFloat();
        float[] m = train.labelMask() == null ? null : train.labelMask().dup('c').data().asFloat();
        int[] order = MultiTaskTrainer.permutation(rows, new Random(settings.seed()));
        List<Shard> shards = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            int count = (rows - p + partitions - 1) / partitions;
            float[] px = new float[count * inputs];
            float[] py = new float[count * tasks];
            float[] pm = m == null ? null : new float[count * tasks];
            for (int i = 0; i < count; i++) {
                int r = order[p + i * partitions];
                System.arraycopy(x, r * inputs, px, i * inputs, inputs);
                System.arraycopy(y, r * tasks, py, i * tasks, tasks);
                if (pm != null) {
                    System.arraycopy(m, r * tasks, pm, i * tasks, tasks);
                }
            }
            shards.add(new Shard(p, count, inputs, tasks, px, py, pm));
        }
        return shards;
    }

    /** On an executor: the round's slice of each shard trained with the core's trainer. */
    static Iterator<State> fit(Round round, Iterator<Shard> shards) {
        List<State> states = new ArrayList<>();
        while (shards.hasNext()) {
            Shard shard = shards.next();
            ComputationGraph network = restore(round);
            Random random = new Random(round.seed() * 1_000_003L + round.epoch() * 7_919L
                    + shard.number());
            int[] order = MultiTaskTrainer.permutation(shard.rows(), random);
            int from = (int) ((long) shard.rows() * round.round() / round.roundsPerEpoch());
            int to = (int) ((long) shard.rows() * (round.round() + 1) / round.roundsPerEpoch());
            int[] slice = Arrays.copyOfRange(order, from, to);
            if (slice.length == 0) {
                continue;
            }
            TrainingData data = shard.slice(slice);
            List<TaskSpec> tasks = new ArrayList<>();
            for (int t = 0; t < round.tasks().length; t++) {
                tasks.add(new TaskSpec(round.tasks()[t], round.types()[t], round.weights()[t]));
            }
            // one pass over the slice; the rate, L2 and loss come with the network
            TrainingSettings local = new TrainingSettings(tasks, List.of(), 1, round.batch(),
                    TrainingSettings.DEFAULT_LEARNING_RATE, random.nextLong(), 0.2, 0.1,
                    TrainingOptions.NONE);
            new MultiTaskTrainer(local).train(network, data, data, report -> { }, () -> false);
            int steps = (slice.length + round.batch() - 1) / round.batch();
            states.add(new State(floats(network.params()), floats(updaterState(network)),
                    slice.length, steps));
        }
        return states.iterator();
    }

    private static ComputationGraph restore(Round round) {
        NativeRuntime.configure();
        ComputationGraph network = new ComputationGraph(
                ComputationGraphConfiguration.fromJson(round.configuration()));
        network.init();
        network.setParams(Nd4j.create(round.parameters(),
                new long[] {1, round.parameters().length}, DataType.FLOAT));
        INDArray updater = updaterState(network);
        if (updater != null && round.updater().length > 0) {
            updater.assign(Nd4j.create(round.updater(), updater.shape(), DataType.FLOAT));
        }
        network.getConfiguration().setIterationCount(round.iteration());
        network.getConfiguration().setEpochCount(round.epoch());
        return network;
    }

    /** Sets the row-weighted mean of the partitions' parameters and Adam state. */
    private static int average(ComputationGraph network, List<State> states) {
        int length = states.get(0).parameters().length;
        int stateLength = states.get(0).updater().length;
        double[] parameters = new double[length];
        double[] updater = new double[stateLength];
        long rows = 0;
        int steps = 0;
        for (State state : states) {
            rows += state.rows();
            steps = Math.max(steps, state.steps());
            for (int i = 0; i < length; i++) {
                parameters[i] += (double) state.parameters()[i] * state.rows();
            }
            for (int i = 0; i < stateLength; i++) {
                updater[i] += (double) state.updater()[i] * state.rows();
            }
        }
        float[] meanParameters = new float[length];
        float[] meanUpdater = new float[stateLength];
        for (int i = 0; i < length; i++) {
            meanParameters[i] = (float) (parameters[i] / rows);
        }
        for (int i = 0; i < stateLength; i++) {
            meanUpdater[i] = (float) (updater[i] / rows);
        }
        network.params().assign(Nd4j.create(meanParameters, network.params().shape(),
                DataType.FLOAT));
        INDArray view = updaterState(network);
        if (view != null && stateLength > 0) {
            view.assign(Nd4j.create(meanUpdater, view.shape(), DataType.FLOAT));
        }
        network.getConfiguration().setIterationCount(
                network.getConfiguration().getIterationCount() + steps);
        return steps;
    }

    private static INDArray updaterState(ComputationGraph network) {
        return network.getUpdater().getStateViewArray();
    }

    private static float[] floats(INDArray array) {
        return array == null ? new float[0]
                : array.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    private List<TaskLoss> losses(ComputationGraph network, MultiTaskLoss loss,
            TrainingData train, TrainingData validation) {
        double[] trainLoss = loss.meanLossPerTask(train.labels(),
                network.outputSingle(false, train.features()), train.labelMask());
        double[] validationLoss = loss.meanLossPerTask(validation.labels(),
                network.outputSingle(false, validation.features()), validation.labelMask());
        List<TaskLoss> losses = new ArrayList<>();
        for (int t = 0; t < settings.tasks().size(); t++) {
            losses.add(new TaskLoss(settings.tasks().get(t).name(), loss.weight(t),
                    trainLoss[t], validationLoss[t]));
        }
        return losses;
    }

    /** The validation loss with the analyst's weights, as the desktop's trainer stops on. */
    private double criterion(EpochReport report) {
        double total = 0;
        for (int t = 0; t < settings.tasks().size(); t++) {
            double value = report.losses().get(t).validationLoss();
            if (!Double.isNaN(value)) {
                total += settings.tasks().get(t).weight() * value;
            }
        }
        return total;
    }

}
