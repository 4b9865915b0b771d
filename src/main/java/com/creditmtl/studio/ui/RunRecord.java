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

    /** English texts, for callers outside the window. */
    private static final I18n ENGLISH = new I18n(Locale.ENGLISH);

    public RunRecord {
        metrics = List.copyOf(metrics);
    }

    /** Short label of the run for lists, in English: number, outcome and seed. */
    public String label() {
        return label(ENGLISH);
    }

    /** Short label of the run for lists in the window's language: number, outcome and seed. */
    public String label(I18n i18n) {
        return i18n.get("run.label", Integer.toString(number), i18n.get(outcome.key()),
                Long.toString(settings.seed()));
    }

    /** Every setting and metric of the run by its English name, in a fixed order. */
    public Map<String, String> values() {
        return values(ENGLISH);
    }

    /**
     * Every setting and metric of the run by name in the window's language, in a fixed order.
     * Numbers that are set exactly (rates, dropout) are shown as they were set.
     */
    public Map<String, String> values(I18n i18n) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(i18n.get("run.outcome"), i18n.get(outcome.key()));
        for (TaskSpec task : settings.tasks()) {
            String weight = i18n.number(task.weight(), 2);
            values.put(i18n.get("run.weight", task.name()),
                    weightsChanged ? i18n.get("run.moved", weight) : weight);
        }
        values.put(i18n.get("run.sharedLayers"), settings.hiddenLayers().toString());
        values.put(i18n.get("run.epochsPlanned"), Integer.toString(settings.epochs()));
        values.put(i18n.get("run.epochsTrained"), Integer.toString(epochs));
        values.put(i18n.get("run.batchSize"), Integer.toString(settings.batchSize()));
        values.put(i18n.get("run.learningRate"), Double.toString(settings.learningRate()));
        values.put(i18n.get("run.seed"), Long.toString(settings.seed()));
        TrainingOptions options = settings.options();
        values.put(i18n.get("run.dropout"), Double.toString(options.dropout()));
        values.put(i18n.get("run.l2"), options.isAutoL2() ? i18n.get("run.automatic")
                : Double.toString(options.l2()));
        values.put(i18n.get("run.rateDecay"), Double.toString(options.rateDecay()));
        values.put(i18n.get("run.patience"), Integer.toString(options.patience()));
        values.put(i18n.get("run.classWeights"), yesNo(i18n, options.classWeights()));
        values.put(i18n.get("run.logTargets"), yesNo(i18n, options.logTargets()));
        values.put(i18n.get("run.logCopies"), yesNo(i18n, options.logCopies()));
        values.put(i18n.get("run.balancing"),
                options.balancing() == TrainingOptions.TaskBalancing.NONE
                        ? i18n.get("run.none") : "DWA");
        values.put(i18n.get("run.regressionLoss"), i18n.get("run.loss."
                + options.regressionLoss().name().toLowerCase(Locale.ROOT)));
        values.put(i18n.get("run.trainingTime"), i18n.get("run.seconds",
                i18n.number(seconds, 1)));
        for (TaskMetrics m : metrics) {
            if (m.type() == TaskType.BINARY) {
                values.put(i18n.get("run.auc", m.task()), i18n.number(m.auc(), 4));
            } else {
                values.put(i18n.get("run.mae", m.task()), i18n.number(m.mae(), 2));
            }
        }
        return values;
    }

    private static String yesNo(I18n i18n, boolean yes) {
        return i18n.get(yes ? "run.yes" : "run.no");
    }

    /**
     * Two runs side by side: one row per name of either, the value of each run or empty, and
     * whether they differ.
     */
    public static List<Comparison> compare(RunRecord a, RunRecord b) {
        return compare(a, b, ENGLISH);
    }

    /** Two runs side by side as {@link #compare(RunRecord, RunRecord)}, in a language. */
    public static List<Comparison> compare(RunRecord a, RunRecord b, I18n i18n) {
        Map<String, String> left = a.values(i18n);
        Map<String, String> right = b.values(i18n);
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
