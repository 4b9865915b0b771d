package com.creditmtl.studio.study;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.eval.PermutationImportance;
import com.creditmtl.studio.model.MultiTaskPredictor;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Global importance of a study's features for each task, by {@link PermutationImportance} on
 * the study's validation part: the rows no training step saw and the test metrics do not use.
 * Needs the table the study was trained on, since a study does not keep its rows. Takes one
 * prediction of the validation part per feature and repeat (a second or two on the bundled
 * table); runs on the calling thread.
 */
public final class FeatureImportance {

    private static final Logger LOGGER = LoggerFactory.getLogger(FeatureImportance.class);

    public static final int DEFAULT_REPEATS = 5;

    private FeatureImportance() {
    }

    /** With {@value #DEFAULT_REPEATS} repeats and the study's seed. */
    public static List<PermutationImportance.Task> onValidation(Study study, CreditTable table) {
        return onValidation(study, table, DEFAULT_REPEATS, study.settings().seed());
    }

    /** Empty when the validation part has fewer than two rows. */
    public static List<PermutationImportance.Task> onValidation(Study study, CreditTable table,
            int repeats, long seed) {
        int[] rows = study.split().validation();
        if (rows.length < 2) {
            LOGGER.info("No permutation importance: the validation part has {} rows",
                    rows.length);
            return List.of();
        }
        long start = System.nanoTime();
        MultiTaskPredictor predictor = study.predictor();
        List<PermutationImportance.Task> importance = PermutationImportance.compute(
                predictor::predict, study.encoder().transform(table, rows),
                StudyTrainer.targets(table, study.tasks(), rows), study.tasks(),
                study.encoder().sourceColumns(), study.encoder().sourceIndex(), repeats, seed);
        LOGGER.info("Permutation importance on {} validation rows, {} repeats, in {} ms",
                rows.length, repeats, (System.nanoTime() - start) / 1_000_000);
        return importance;
    }
}
