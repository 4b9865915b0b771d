package com.creditmtl.studio.study;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.eval.LeakageGuard;
import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.EpochReport;
import com.creditmtl.studio.model.MultiTaskPredictor;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.prep.FeatureEncoder;
import com.creditmtl.studio.prep.Preprocessor;
import com.creditmtl.studio.prep.Split;
import com.creditmtl.studio.scoring.GradeScale;
import com.creditmtl.studio.scoring.ScoreScale;
import com.creditmtl.studio.scoring.Scorecard;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A trained multi-task model with what is needed to read and reuse it: the settings, the split,
 * the feature encoding and preprocessing fitted on the training part, the network, the per-epoch
 * history, the test and validation metrics per task, the test applicants' predictions and
 * scores, the scorecard settings, the features the leakage guard flagged and the training
 * part's feature distributions for drift checks. Held in memory; {@link StudyArchive} saves what
 * is needed to score new applicants.
 *
 * @param featureNames the encoded inputs of the network, in order
 * @param keptEpoch the epoch whose network this is: the last, or the best one when training
 *     stopped early
 */
public record Study(List<String> featureNames, TrainingSettings settings, Split split,
        Preprocessor preprocessor, ComputationGraph network, List<EpochReport> history,
        List<TaskMetrics> metrics, List<ApplicantResult> testResults, Scorecard scorecard,
        double trainSeconds, FeatureEncoder encoder, List<LeakageGuard.Flag> leakage,
        List<TaskMetrics> validationMetrics, int keptEpoch,
        List<PopulationStability.Reference> driftReference) {

    public Study {
        featureNames = List.copyOf(featureNames);
        history = List.copyOf(history);
        metrics = List.copyOf(metrics);
        testResults = List.copyOf(testResults);
        leakage = List.copyOf(leakage);
        validationMetrics = List.copyOf(validationMetrics);
        driftReference = List.copyOf(driftReference);
    }

    public ScoreScale scoreScale() {
        return scorecard.scale();
    }

    public GradeScale gradeScale() {
        return scorecard.grades();
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
