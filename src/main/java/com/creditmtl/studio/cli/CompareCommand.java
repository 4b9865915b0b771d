package com.creditmtl.studio.cli;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.ImportException;
import com.creditmtl.studio.data.ImportResult;
import com.creditmtl.studio.eval.Interval;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.study.ModelComparison;
import com.creditmtl.studio.study.StudyFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: trains the multi-task network, a single-task network and a linear model per
 * task on one split, and writes {@code comparison.json} with each model's test metrics per task
 * and the differences to the multi-task model with their 95 % intervals. With one task only the
 * linear model is a distinct baseline, and the file and the console say so.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare the multi-task network with a single-task network and a linear "
                + "model per task on the same split and preprocessing; write comparison.json.")
final class CompareCommand implements Callable<Integer> {

    static final String COMPARISON = "comparison.json";

    private static final ObjectMapper JSON = OutputFolder.JSON;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    @Mixin
    private OutputFolder output;

    @Override
    public Integer call() throws ImportException, IOException {
        output.check(spec, List.of(COMPARISON));
        ImportResult imported = run.read();
        CreditTable table = imported.table();
        TrainingSettings settings = run.settings(table);
        PrintWriter console = spec.commandLine().getOut();
        console.printf(Locale.ROOT, "Comparing on %s: %s, %s, at most %s, seed %d%n",
                run.data().getFileName(), TrainCommand.count(table.rowCount(), "row"),
                TrainCommand.count(settings.tasks().size(), "task"),
                TrainCommand.count(settings.epochs(), "epoch"), settings.seed());

        ModelComparison.Result result = new ModelComparison(run.evaluation()).compare(table,
                settings, imported.options().keep(), Cli.stageLines(console, "training "),
                () -> false);

        print(console, result);
        output.writeJson(COMPARISON, toJson(result, run.data().getFileName().toString()), console);
        return 0;
    }

    /**
     * The comparison as JSON. With one task the single-task model and its difference are left
     * out, and a {@code note} says why: they would be the multi-task network's own figures.
     */
    static ObjectNode toJson(ModelComparison.Result result, String dataName) {
        boolean same = result.singleTaskIsMultiTask();
        ObjectNode root = JSON.createObjectNode();
        root.put("data", dataName);
        if (same) {
            root.put("note", ModelComparison.ONE_TASK_NOTE);
        }
        ObjectNode rows = root.putObject("rows");
        rows.put("train", result.trainRows());
        rows.put("validation", result.validationRows());
        rows.put("test", result.testRows());
        root.put("interval_method", result.intervalMethod());
        ObjectNode tasks = root.putObject("tasks");
        for (ModelComparison.TaskComparison task : result.tasks()) {
            ObjectNode node = tasks.putObject(task.task());
            node.put("type", task.type().name().toLowerCase(Locale.ROOT));
            node.put("measure", task.measure());
            ObjectNode models = node.putObject("models");
            StudyFiles.putMetrics(models.putObject(ModelComparison.MULTI_TASK), task.multiTask());
            if (!same) {
                StudyFiles.putMetrics(models.putObject(ModelComparison.SINGLE_TASK),
                        task.singleTask());
            }
            StudyFiles.putMetrics(models.putObject(ModelComparison.LINEAR), task.linear());
            ObjectNode differences = node.putObject("differences");
            if (!same) {
                putDifference(differences.putObject("multi_task_minus_single_task"),
                        task.versusSingle(), task.versusSingleInterval(), task.verdict());
            }
            putDifference(differences.putObject("multi_task_minus_linear"),
                    task.versusLinear(), task.versusLinearInterval(),
                    task.verdictVersusLinear());
        }
        return root;
    }

    private static void putDifference(ObjectNode node, double value, Interval interval,
            String verdict) {
        node.put("value", value);
        node.putArray("ci_95").add(interval.low()).add(interval.high());
        node.put("verdict", verdict);
    }

    private static void print(PrintWriter console, ModelComparison.Result result) {
        console.printf(Locale.ROOT, "%nTest part: %s; intervals: %s%n",
                TrainCommand.count(result.testRows(), "row"), result.intervalMethod());
        if (result.singleTaskIsMultiTask()) {
            printOneTask(console, result.tasks().get(0));
            return;
        }
        console.printf(Locale.ROOT, "%-22s %-5s %10s %10s %10s   %-28s %-28s%n", "task",
                "", "multi", "single", "linear", "multi - single [95 %]",
                "multi - linear [95 %]");
        for (ModelComparison.TaskComparison task : result.tasks()) {
            boolean auc = "auc".equals(task.measure());
            console.printf(Locale.ROOT, "%-22s %-5s %10s %10s %10s   %-28s %-28s%n",
                    task.task(), auc ? "AUC" : "MAE", figure(task.multiTask(), auc),
                    figure(task.singleTask(), auc), figure(task.linear(), auc),
                    difference(task.versusSingle(), task.versusSingleInterval(), auc),
                    difference(task.versusLinear(), task.versusLinearInterval(), auc));
        }
        for (ModelComparison.TaskComparison task : result.tasks()) {
            console.printf("%s: %s; %s%n", task.task(), task.verdict(),
                    task.verdictVersusLinear());
        }
    }

    /** Without the single-task columns, whose figures would be the multi-task ones again. */
    private static void printOneTask(PrintWriter console, ModelComparison.TaskComparison task) {
        boolean auc = "auc".equals(task.measure());
        console.printf(Locale.ROOT, "%-22s %-5s %10s %10s   %-28s%n", "task", "", "multi",
                "linear", "multi - linear [95 %]");
        console.printf(Locale.ROOT, "%-22s %-5s %10s %10s   %-28s%n", task.task(),
                auc ? "AUC" : "MAE", figure(task.multiTask(), auc), figure(task.linear(), auc),
                difference(task.versusLinear(), task.versusLinearInterval(), auc));
        console.printf("%s: %s%n", task.task(), task.verdictVersusLinear());
        console.printf("note: %s%n", ModelComparison.ONE_TASK_NOTE);
    }

    private static String figure(TaskMetrics metrics, boolean auc) {
        return auc ? String.format(Locale.ROOT, "%.4f", metrics.auc())
                : String.format(Locale.ROOT, "%,.2f", metrics.mae());
    }

    private static String difference(double value, Interval interval, boolean auc) {
        String pattern = auc ? "%+.4f [%+.4f, %+.4f]" : "%+,.2f [%+,.2f, %+,.2f]";
        return String.format(Locale.ROOT, pattern, value, interval.low(), interval.high());
    }
}
