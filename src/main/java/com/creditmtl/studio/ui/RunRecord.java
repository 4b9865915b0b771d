package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.TrainingOptions;
import com.creditmtl.studio.model.TrainingSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One training run of the session: the settings it started with, whether weights were moved
 * while it ran, how it ended and its test metrics. The history lives as long as the window.
 *
 * @param number the run's number in the session, from 1
 * @param settings the settings at start
 * @param weightsChanged whether a task weight was moved during the run
 * @param outcome done, cancelled or failed
 * @param epochs epochs trained
 * @param seconds training time
 * @param metrics test metrics, empty unless done
 */
public record RunRecord(int number, TrainingSettings settings, boolean weightsChanged,
        StudioState outcome, int epochs, double seconds, List<TaskMetrics> metrics) {

    public RunRecord {
        metrics = List.copyOf(metrics);
    }

    /** Short label of the run for lists: number, outcome and seed. */
    public String label() {
        return String.format(Locale.ROOT, "Run %d · %s · seed %d", number, outcome.label(),
                settings.seed());
    }

    /** Every setting and metric of the run by name, in a fixed order. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Outcome", outcome.label());
        for (TaskSpec task : settings.tasks()) {
            values.put("Weight " + task.name(), String.format(Locale.ROOT, "%.2f%s",
                    task.weight(), weightsChanged ? " (moved during run)" : ""));
        }
        values.put("Shared layers", settings.hiddenLayers().toString());
        values.put("Epochs planned", Integer.toString(settings.epochs()));
        values.put("Epochs trained", Integer.toString(epochs));
        values.put("Batch size", Integer.toString(settings.batchSize()));
        values.put("Learning rate", Double.toString(settings.learningRate()));
        values.put("Seed", Long.toString(settings.seed()));
        TrainingOptions options = settings.options();
        values.put("Dropout", Double.toString(options.dropout()));
        values.put("L2", options.isAutoL2() ? "automatic" : Double.toString(options.l2()));
        values.put("Rate decay", Double.toString(options.rateDecay()));
        values.put("Patience", Integer.toString(options.patience()));
        values.put("Class weights", options.classWeights() ? "yes" : "no");
        values.put("Log targets", options.logTargets() ? "yes" : "no");
        values.put("Balancing", options.balancing() == TrainingOptions.TaskBalancing.NONE
                ? "none" : "DWA");
        values.put("Regression loss", options.regressionLoss().name().toLowerCase(Locale.ROOT));
        values.put("Training time", String.format(Locale.ROOT, "%.1f s", seconds));
        for (TaskMetrics m : metrics) {
            if (m.type() == TaskType.BINARY) {
                values.put("AUC " + m.task(), String.format(Locale.ROOT, "%.4f", m.auc()));
            } else {
                values.put("MAE " + m.task(), String.format(Locale.ROOT, "%,.2f", m.mae()));
            }
        }
        return values;
    }

    /**
     * Two runs side by side: one row per name of either, the value of each run or empty, and
     * whether they differ.
     */
    public static List<Comparison> compare(RunRecord a, RunRecord b) {
        Map<String, String> left = a.values();
        Map<String, String> right = b.values();
        List<String> names = new ArrayList<>(left.keySet());
        right.keySet().stream().filter(name -> !left.containsKey(name)).forEach(names::add);
        List<Comparison> rows = new ArrayList<>();
        for (String name : names) {
            String x = left.getOrDefault(name, "");
            String y = right.getOrDefault(name, "");
            rows.add(new Comparison(name, x, y, !x.equals(y)));
        }
        return rows;
    }

    /** One row of a side-by-side comparison. */
    public record Comparison(String name, String first, String second, boolean differs) {
    }
}
