package com.creditmtl.studio.study;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.eval.EvaluationOptions;
import com.creditmtl.studio.eval.TaskEvaluator;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.MultiTaskNetworkFactory;
import com.creditmtl.studio.model.MultiTaskPredictor;
import com.creditmtl.studio.model.MultiTaskTrainer;
import com.creditmtl.studio.model.TrainingData;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.prep.Preprocessor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Trains a network for some of a prepared table's tasks and evaluates it on the validation and
 * test parts. The features are encoded as in the preparation; the preprocessing is fitted again
 * on the same training rows for the chosen tasks, so features are scaled identically and each
 * target the same way as for the full multi-task network; the settings' training options (log
 * targets, class weights, early stopping) apply as in {@link StudyTrainer}.
 */
final class ModelFitter {

    private ModelFitter() {
    }

    /** Predictions {@code [task][row]} and metrics of one trained model. */
    record Fitted(List<TaskSpec> tasks, double[][] testActual, double[][] testPredicted,
            List<TaskMetrics> test, List<TaskMetrics> validation) {
    }

    static Fitted fit(StudyTrainer.Prepared prepared, TrainingSettings settings,
            EvaluationOptions options, BooleanSupplier cancelled) {
        settings = settings.resolveL2(prepared.split().train().length);
        List<TaskSpec> tasks = settings.tasks();
        double[][] trainRaw = prepared.encoder().transform(prepared.table(),
                prepared.split().train());
        double[][] validationRaw = prepared.encoder().transform(prepared.table(),
                prepared.split().validation());
        double[][] testRaw = prepared.encoder().transform(prepared.table(),
                prepared.split().test());
        double[][] trainTargets = StudyTrainer.targets(prepared.table(), tasks,
                prepared.split().train());
        double[][] validationTargets = StudyTrainer.targets(prepared.table(), tasks,
                prepared.split().validation());
        double[][] testTargets = StudyTrainer.targets(prepared.table(), tasks,
                prepared.split().test());

        Preprocessor preprocessor = Preprocessor.fit(trainRaw, tasks, trainTargets,
                settings.options().logTargets());
        TrainingData train = TrainingData.of(preprocessor, trainRaw, trainTargets);
        TrainingData validation = TrainingData.of(preprocessor, validationRaw,
                validationTargets);
        double[] positiveWeights = settings.options().classWeights()
                ? StudyTrainer.positiveWeights(tasks, trainTargets) : new double[tasks.size()];
        ComputationGraph network = MultiTaskNetworkFactory.build(preprocessor.featureCount(),
                settings, positiveWeights);
        new MultiTaskTrainer(settings).train(network, train, validation, report -> { },
                cancelled);

        MultiTaskPredictor predictor = new MultiTaskPredictor(network, preprocessor);
        double[][] validationPredicted = predictor.predict(validationRaw);
        double[][] testPredicted = predictor.predict(testRaw);
        List<TaskMetrics> validationMetrics = new ArrayList<>();
        List<TaskMetrics> testMetrics = new ArrayList<>();
        double[][] testActual = new double[tasks.size()][];
        for (int t = 0; t < tasks.size(); t++) {
            TaskMetrics onValidation = TaskEvaluator.evaluate(tasks.get(t),
                    StudyTrainer.column(validationTargets, t), validationPredicted[t], options,
                    Double.NaN);
            validationMetrics.add(onValidation);
            testActual[t] = StudyTrainer.column(testTargets, t);
            testMetrics.add(TaskEvaluator.evaluate(tasks.get(t), testActual[t],
                    testPredicted[t], options, StudyTrainer.validationCutoff(onValidation)));
        }
        return new Fitted(tasks, testActual, testPredicted, testMetrics, validationMetrics);
    }
}
