package com.creditmtl.studio.study;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.eval.LeakageGuard;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.EpochReport;
import com.creditmtl.studio.model.MultiTaskPredictor;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.prep.FeatureEncoder;
import com.creditmtl.studio.prep.Preprocessor;
import com.creditmtl.studio.prep.Split;
import com.creditmtl.studio.scoring.GradeScale;
import com.creditmtl.studio.scoring.ScoreScale;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A trained multi-task model with what is needed to read and reuse it: the settings, the split,
 * the feature encoding and preprocessing fitted on the training part, the network, the per-epoch
 * history, the test and validation metrics per task, the test applicants' predictions and
 * scores, and the features the leakage guard flagged. Held in memory; not yet saved to disk.
 *
 * @param featureNames the encoded inputs of the network, in order
 * @param keptEpoch the epoch whose network this is: the last, or the best one when training
 *     stopped early
 */
public record Study(List<String> featureNames, TrainingSettings settings, Split split,
        Preprocessor preprocessor, ComputationGraph network, List<EpochReport> history,
        List<TaskMetrics> metrics, List<ApplicantResult> testResults, ScoreScale scoreScale,
        GradeScale gradeScale, double trainSeconds, FeatureEncoder encoder,
        List<LeakageGuard.Flag> leakage, List<TaskMetrics> validationMetrics, int keptEpoch) {

    public Study {
        featureNames = List.copyOf(featureNames);
        history = List.copyOf(history);
        metrics = List.copyOf(metrics);
        testResults = List.copyOf(testResults);
        leakage = List.copyOf(leakage);
        validationMetrics = List.copyOf(validationMetrics);
    }

    public List<TaskSpec> tasks() {
        return settings.tasks();
    }

    public MultiTaskPredictor predictor() {
        return new MultiTaskPredictor(network, preprocessor);
    }

    /** Index of the first binary task, whose probability drives the score; -1 when none. */
    public int scoringTask() {
        return StudyTrainer.scoringTask(settings.tasks());
    }
}
