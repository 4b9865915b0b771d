package com.creditmtl.studio.cli;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.ImportException;
import com.creditmtl.studio.data.ImportResult;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.study.CrossValidation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cv}: stratified k-fold cross-validation of the multi-task network; writes
 * {@code cv.json} with the mean, standard deviation and per-fold values of every metric per
 * task.
 */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = "Cross-validate the multi-task network over K folds stratified on the "
                + "first binary task; write cv.json with each metric's mean and standard "
                + "deviation per task.")
final class CvCommand implements Callable<Integer> {

    static final String CV = "cv.json";

    private static final ObjectMapper JSON = OutputFolder.JSON;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    @Option(names = "--folds", paramLabel = "K",
            description = "Number of folds, at least 2 (default: ${DEFAULT-VALUE}).")
    private int folds = 5;

    @Mixin
    private OutputFolder output;

    @Override
    public Integer call() throws ImportException, IOException {
        if (folds < 2) {
            throw new ParameterException(spec.commandLine(), "--folds must be at least 2, not "
                    + folds);
        }
        output.check(spec, List.of(CV));
        ImportResult imported = run.read();
        CreditTable table = imported.table();
        TrainingSettings settings = run.settings(table);
        checkFolds(table, settings);
        PrintWriter console = spec.commandLine().getOut();
        console.printf(Locale.ROOT, "Cross-validating on %s: %s, %d folds, %s, "
                + "at most %s, seed %d%n", run.data().getFileName(),
                TrainCommand.count(table.rowCount(), "row"), folds,
                TrainCommand.count(settings.tasks().size(), "task"),
                TrainCommand.count(settings.epochs(), "epoch"), settings.seed());

        CrossValidation.Result result = new CrossValidation(run.evaluation()).run(table,
                settings, imported.options().keep(), folds, Cli.stageLines(console, ""),
                () -> false);

        print(console, result);
        output.writeJson(CV, toJson(result, run.data().getFileName().toString()), console);
        return 0;
    }

    /**
     * Refuses, before any training, more folds than leave every test fold enough of each class:
     * a fold without positives has no AUC, and one with a handful has a meaningless one.
     */
    private void checkFolds(CreditTable table, TrainingSettings settings) {
        CrossValidation.FoldLimit limit = CrossValidation.foldLimit(table, settings.tasks());
        if (folds <= limit.maxFolds()) {
            return;
        }
        String allowed = limit.maxFolds() < 2
                ? "too few to cross-validate at all (2 folds at least)"
                : "so at most " + limit.maxFolds() + " folds";
        throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                "--folds %d is too many for %s: %s; %s", folds, run.data().getFileName(),
                limit.reason(), allowed));
    }

    static ObjectNode toJson(CrossValidation.Result result, String dataName) {
        ObjectNode root = JSON.createObjectNode();
        root.put("data", dataName);
        root.put("folds", result.folds());
        ObjectNode tasks = root.putObject("tasks");
        for (CrossValidation.TaskSummary task : result.tasks()) {
            ObjectNode node = tasks.putObject(task.task());
            node.put("type", task.type().name().toLowerCase(Locale.ROOT));
            ObjectNode metrics = node.putObject("metrics");
            task.metrics().forEach((name, summary) -> {
                ObjectNode metric = metrics.putObject(name);
                metric.put("mean", summary.mean());
                metric.put("sd", summary.sd());
                ArrayNode values = metric.putArray("folds");
                summary.values().forEach(values::add);
            });
        }
        return root;
    }

    private static void print(PrintWriter console, CrossValidation.Result result) {
        console.printf(Locale.ROOT, "%n%-24s %-18s %12s %12s%n", "task", "metric", "mean", "sd");
        for (CrossValidation.TaskSummary task : result.tasks()) {
            task.metrics().forEach((name, summary) -> console.printf(Locale.ROOT,
                    "%-24s %-18s %12.4f %12.4f%n", task.task(), name, summary.mean(),
                    summary.sd()));
        }
    }
}
