package com.creditmtl.studio.eval;

import com.creditmtl.studio.data.TaskType;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Quality of one task on one part of the table (test or validation). Binary tasks carry AUC with
 * its 95 % interval, Gini, KS, Brier score, log loss, PR-AUC (average precision), a calibration
 * table and a confusion matrix at a cost-based cut-off; regression tasks carry MAE with its 95 %
 * interval, RMSE and R², in the target's original units. Figures that do not apply are NaN,
 * intervals {@link Interval#NONE}, and the calibration table empty.
 */
public record TaskMetrics(String task, TaskType type, double weight, int rows, double auc,
        double ks, double mae, double rmse, double gini, double brier, double logLoss,
        double prAuc, Interval aucInterval, List<CalibrationBin> calibration,
        ConfusionMatrix confusion, double r2, Interval maeInterval) {

    public TaskMetrics {
        calibration = List.copyOf(calibration);
    }

    public static TaskMetrics binary(String task, double weight, int rows, double auc, double ks) {
        return new TaskMetrics(task, TaskType.BINARY, weight, rows, auc, ks, Double.NaN,
                Double.NaN, 2 * auc - 1, Double.NaN, Double.NaN, Double.NaN, Interval.NONE,
                List.of(), null, Double.NaN, Interval.NONE);
    }

    public static TaskMetrics regression(String task, double weight, int rows, double mae,
            double rmse) {
        return new TaskMetrics(task, TaskType.REGRESSION, weight, rows, Double.NaN, Double.NaN,
                mae, rmse, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Interval.NONE,
                List.of(), null, Double.NaN, Interval.NONE);
    }

    public boolean isBinary() {
        return type == TaskType.BINARY;
    }

    /** The figures of this task by name, in a fixed order, for tables and averages. */
    public LinkedHashMap<String, Double> figures() {
        LinkedHashMap<String, Double> figures = new LinkedHashMap<>();
        if (isBinary()) {
            figures.put("auc", auc);
            figures.put("gini", gini);
            figures.put("ks", ks);
            figures.put("brier", brier);
            figures.put("log_loss", logLoss);
            figures.put("pr_auc", prAuc);
            if (confusion != null) {
                figures.put("cost_per_applicant", confusion.costPerApplicant());
            }
        } else {
            figures.put("mae", mae);
            figures.put("rmse", rmse);
            figures.put("r2", r2);
        }
        return figures;
    }
}
