package com.creditmtl.studio.eval;

import com.creditmtl.studio.data.TaskType;

/**
 * Quality of one task on the test part. Binary tasks carry AUC and KS; regression tasks carry
 * MAE and RMSE in the target's original units. Figures that do not apply are NaN.
 */
public record TaskMetrics(String task, TaskType type, double weight, int rows, double auc,
        double ks, double mae, double rmse) {

    public static TaskMetrics binary(String task, double weight, int rows, double auc, double ks) {
        return new TaskMetrics(task, TaskType.BINARY, weight, rows, auc, ks, Double.NaN,
                Double.NaN);
    }

    public static TaskMetrics regression(String task, double weight, int rows, double mae,
            double rmse) {
        return new TaskMetrics(task, TaskType.REGRESSION, weight, rows, Double.NaN, Double.NaN,
                mae, rmse);
    }
}
