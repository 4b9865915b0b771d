package com.creditmtl.studio.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.model.EpochReport;
import com.creditmtl.studio.model.TaskLoss;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.study.StudyTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

/** Early stopping and checkpoints of the averaging trainer, on the bundled table. */
class ParameterAveragingTest {

    @Test
    void checkpointsFollowTheBestValidationLossAndTheBestNetworkIsKept() throws Exception {
        CreditTable table = new CsvImporter().importFile(LocalSpark.bundledTable());
        TrainingSettings settings = TrainingSettings.defaults(table.tasks()).withEpochs(8)
                .withBatchSize(256);
        settings = settings.withOptions(settings.options().withPatience(2));
        StudyTrainer.Prepared prepared = StudyTrainer.prepare(table, settings, Set.of());
        TrainingSettings resolved = settings.resolveL2(prepared.split().train().length);
        ComputationGraph network = prepared.network(resolved);
        float[] initial = network.params().dup().data().asFloat();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(
                LocalSpark.session().sparkContext());

        List<Integer> improved = new ArrayList<>();
        List<float[]> checkpoints = new ArrayList<>();
        ParameterAveraging averaging = new ParameterAveraging(context, resolved, 2, 2);
        List<EpochReport> history = averaging.train(network, prepared.train(),
                prepared.validation(), report -> { }, (best, epoch, sofar) -> {
                    improved.add(epoch);
                    checkpoints.add(best.params().dup().data().asFloat());
                    assertEquals(epoch, sofar.size());
                });

        List<Integer> newMinima = new ArrayList<>();
        double lowest = Double.POSITIVE_INFINITY;
        for (EpochReport report : history) {
            double loss = 0;
            for (int t = 0; t < report.losses().size(); t++) {
                TaskLoss task = report.losses().get(t);
                loss += resolved.tasks().get(t).weight() * task.validationLoss();
            }
            if (loss < lowest) {
                lowest = loss;
                newMinima.add(report.epoch());
            }
        }
        assertEquals(newMinima, improved);
        int best = improved.get(improved.size() - 1);
        assertEquals(best, averaging.bestEpoch());
        assertTrue(history.size() == 8 || history.size() - best == 2,
                "stopped after " + history.size() + " epochs, best " + best);
        assertArrayEquals(checkpoints.get(checkpoints.size() - 1),
                network.params().data().asFloat());
        assertNotEquals(initial[0], network.params().data().asFloat()[0]);
        double first = history.get(0).losses().get(0).validationLoss();
        double kept = history.get(best - 1).losses().get(0).validationLoss();
        assertTrue(kept < first, "default task's validation loss " + first + " -> " + kept);
    }
}
