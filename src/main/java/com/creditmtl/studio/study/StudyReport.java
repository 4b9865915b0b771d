package com.creditmtl.studio.study;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.eval.CalibrationBin;
import com.creditmtl.studio.eval.ConfusionMatrix;
import com.creditmtl.studio.eval.Interval;
import com.creditmtl.studio.eval.LeakageGuard;
import com.creditmtl.studio.eval.PermutationImportance;
import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.EpochReport;
import com.creditmtl.studio.model.TrainingOptions;
import com.creditmtl.studio.model.TrainingSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A study as one self-contained HTML file for a reader without the program: the data's parts,
 * features and tasks, the settings and training options, each task's loss curves, test and
 * validation metrics with intervals, the calibration table and confusion matrix of binary tasks,
 * an optional comparison with baselines, the test scores by outcome, the grade counts, the
 * global importance and the leakage guard's flags. The charts are inline SVG drawn here; the
 * file loads nothing from elsewhere and runs no script. Every text from the data (column names,
 * task names, the data's name) is HTML-escaped.
 *
 * <p>Limits: English only; the report shows the study as held in memory and does not re-run
 * anything, so importance and a comparison appear only when the caller passes them.
 */
public final class StudyReport {

    private static final Logger LOGGER = LoggerFactory.getLogger(StudyReport.class);

    private static final int CHART_WIDTH = 520;
    private static final int CHART_HEIGHT = 220;
    private static final int MARGIN = 44;
    private static final int SCORE_BINS = 20;
    private static final String TRAIN_COLOUR = "#1f77b4";
    private static final String VALIDATION_COLOUR = "#ff7f0e";
    private static final String GOOD_COLOUR = "#2ca02c";
    private static final String BAD_COLOUR = "#d62728";

    private StudyReport() {
    }

    /** Without importance or comparison. */
    public static void write(Study study, String dataName, Path out) throws IOException {
        write(study, dataName, List.of(), null, out);
    }

    /**
     * Writes the report atomically.
     *
     * @param importance from {@link FeatureImportance}, or empty to leave the section out
     * @param comparison from {@link ModelComparison}, or null to leave the section out
     */
    public static void write(Study study, String dataName,
            List<PermutationImportance.Task> importance, ModelComparison.Result comparison,
            Path out) throws IOException {
        String text = html(study, dataName, importance, comparison);
        StudyFiles.writeAtomically(out, writer -> writer.write(text));
        LOGGER.info("Wrote the study report to {}", out);
    }

    /**
     * Writes the report atomically, with the drift of a scored file when one is given.
     *
     * @param drift from {@link FeatureDrift#compare}, or empty to leave the section out
     */
    public static void write(Study study, String dataName,
            List<PermutationImportance.Task> importance, ModelComparison.Result comparison,
            List<PopulationStability.Result> drift, String driftSource, Path out)
            throws IOException {
        String text = html(study, dataName, importance, comparison, drift, driftSource);
        StudyFiles.writeAtomically(out, writer -> writer.write(text));
        LOGGER.info("Wrote the study report to {}", out);
    }

    /** The report's HTML. */
    public static String html(Study study, String dataName,
            List<PermutationImportance.Task> importance, ModelComparison.Result comparison) {
        return html(study, dataName, importance, comparison, List.of(), null);
    }

    /**
     * The report's HTML, with a drift section when {@code drift} is not empty.
     *
     * @param driftSource the scored file and how many applicants it held, or null
     */
    public static String html(Study study, String dataName,
            List<PermutationImportance.Task> importance, ModelComparison.Result comparison,
            List<PopulationStability.Result> drift, String driftSource) {
        StringBuilder html = new StringBuilder(32_768);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Study report: ").append(escape(dataName)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>Study report</h1>\n<p>Data: <b>").append(escape(dataName))
                .append("</b>. Written by Credit MTL Studio.</p>\n");

        data(html, study);
        settings(html, study);
        lossCurves(html, study);
        metrics(html, study);
        calibrationAndConfusion(html, study);
        if (comparison != null) {
            comparison(html, comparison);
        }
        scores(html, study);
        if (importance != null && !importance.isEmpty()) {
            importance(html, importance);
        }
        leakage(html, study.leakage());
        if (drift != null && !drift.isEmpty()) {
            drift(html, drift, driftSource);
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void data(StringBuilder html, Study study) {
        html.append("<h2>Data</h2>\n");
        table(html, List.of("part", "rows"), List.of(
                List.of("training", Integer.toString(study.split().train().length)),
                List.of("validation", Integer.toString(study.split().validation().length)),
                List.of("test", Integer.toString(study.split().test().length))));
        List<String> columns = study.encoder().sourceColumns();
        html.append("<p>").append(columns.size()).append(" features (")
                .append(study.encoder().numericFeatures().size()).append(" numeric, ")
                .append(study.encoder().categoricalFeatures().size())
                .append(" categorical), read by the network as ")
                .append(study.featureNames().size())
                .append(" inputs, one-hot levels and log copies included. The features: ")
                .append(escape(String.join(", ", columns))).append(".</p>\n");
        List<List<String>> rows = new ArrayList<>();
        for (TaskSpec task : study.tasks()) {
            rows.add(List.of(task.name(), task.type().name().toLowerCase(Locale.ROOT),
                    number(task.weight(), 3)));
        }
        table(html, List.of("task", "type", "loss weight"), rows);
    }

    private static void settings(StringBuilder html, Study study) {
        TrainingSettings settings = study.settings();
        TrainingOptions options = settings.options();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("shared layers", settings.hiddenLayers().isEmpty() ? "none (linear heads)"
                : settings.hiddenLayers().toString());
        values.put("epochs planned / run / kept", settings.epochs() + " / "
                + study.history().size() + " / " + study.keptEpoch());
        values.put("batch size", Integer.toString(settings.batchSize()));
        values.put("learning rate", Double.toString(settings.learningRate()));
        values.put("seed", Long.toString(settings.seed()));
        values.put("test / validation fraction", settings.testFraction() + " / "
                + settings.validationFraction());
        values.put("dropout", Double.toString(options.dropout()));
        values.put("L2", String.format(Locale.ROOT, "%.3g", options.l2()));
        values.put("regression loss", options.regressionLoss() == TrainingOptions
                .RegressionLoss.ABSOLUTE ? "absolute error" : "squared error");
        values.put("parameter averaging", options.averaging() > 0
                ? number(options.averaging(), 1) + " epochs" : "none");
        values.put("rate decay per epoch", Double.toString(options.rateDecay()));
        values.put("early-stopping patience", Integer.toString(options.patience()));
        values.put("class weights", Boolean.toString(options.classWeights()));
        values.put("log-scaled skewed targets", Boolean.toString(options.logTargets()));
        values.put("log copies of numeric features", Boolean.toString(options.logCopies()));
        values.put("task balancing", options.balancing().name().toLowerCase(Locale.ROOT));
        values.put("training time", number(study.trainSeconds(), 1) + " s");
        values.put("score scale", String.format(Locale.ROOT,
                "%.0f points at odds %.0f:1, %.0f points to double the odds",
                study.scoreScale().baseScore(), study.scoreScale().baseOdds(),
                study.scoreScale().pointsToDoubleOdds()));
        List<List<String>> rows = new ArrayList<>();
        values.forEach((name, value) -> rows.add(List.of(name, value)));
        html.append("<h2>Settings and training options</h2>\n");
        table(html, List.of("setting", "value"), rows);
    }

    private static void lossCurves(StringBuilder html, Study study) {
        String regression = study.settings().options().regressionLoss()
                == TrainingOptions.RegressionLoss.ABSOLUTE ? "absolute" : "squared";
        html.append("<h2>Loss per epoch</h2>\n<p>Each task's own mean loss (binary "
                + "cross-entropy, or " + regression + " error of the scaled target), on the "
                + "training part ("
                + "<span style=\"color:").append(TRAIN_COLOUR).append("\">training</span>) and "
                + "the validation part (<span style=\"color:").append(VALIDATION_COLOUR)
                .append("\">validation</span>).</p>\n<div class=\"charts\">\n");
        List<EpochReport> history = study.history();
        for (int t = 0; t < study.tasks().size(); t++) {
            int task = t;
            double[] train = series(history, r -> r.losses().get(task).trainLoss());
            double[] validation = series(history,
                    r -> r.losses().get(task).validationLoss());
            html.append("<figure>\n");
            lossChart(html, train, validation);
            html.append("<figcaption>").append(escape(study.tasks().get(t).name()))
                    .append("</figcaption>\n</figure>\n");
        }
        html.append("</div>\n");
    }

    private static double[] series(List<EpochReport> history,
            ToDoubleFunction<EpochReport> value) {
        return history.stream().mapToDouble(value).toArray();
    }

    private static void lossChart(StringBuilder html, double[] train, double[] validation) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] series : List.of(train, validation)) {
            for (double v : series) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        svgStart(html, "loss per epoch");
        if (low > high) {
            html.append("<text x=\"").append(MARGIN).append("\" y=\"").append(MARGIN)
                    .append("\">no losses recorded</text>\n</svg>\n");
            return;
        }
        if (high - low < 1e-12) {
            high = low + 1;
        }
        axes(html, number(low, 3), number(high, 3), "1",
                Integer.toString(Math.max(train.length, 1)), "epoch");
        polyline(html, train, low, high, TRAIN_COLOUR);
        polyline(html, validation, low, high, VALIDATION_COLOUR);
        html.append("</svg>\n");
    }

    private static void polyline(StringBuilder html, double[] values, double low, double high,
            String colour) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                continue;
            }
            double x = values.length == 1 ? plotLeft() : plotLeft()
                    + (double) i / (values.length - 1) * plotWidth();
            double y = plotBottom() - (values[i] - low) / (high - low) * plotHeight();
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        html.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour)
                .append("\" points=\"").append(points.toString().strip()).append("\"/>\n");
    }

    private static void metrics(StringBuilder html, Study study) {
        html.append("<h2>Metrics per task</h2>\n<p>Intervals are 95 % intervals.</p>\n");
        List<List<String>> binary = new ArrayList<>();
        List<List<String>> regression = new ArrayList<>();
        for (int t = 0; t < study.metrics().size(); t++) {
            List<TaskMetrics> parts = new ArrayList<>();
            parts.add(study.metrics().get(t));
            if (t < study.validationMetrics().size()) {
                parts.add(study.validationMetrics().get(t));
            }
            for (int p = 0; p < parts.size(); p++) {
                TaskMetrics m = parts.get(p);
                String part = p == 0 ? "test" : "validation";
                if (m.isBinary()) {
                    binary.add(List.of(m.task(), part, Integer.toString(m.rows()),
                            number(m.auc(), 4), interval(m.aucInterval(), 4),
                            number(m.gini(), 4), number(m.ks(), 4), number(m.brier(), 4),
                            number(m.logLoss(), 4), number(m.prAuc(), 4)));
                } else {
                    regression.add(List.of(m.task(), part, Integer.toString(m.rows()),
                            number(m.mae(), 2), interval(m.maeInterval(), 2),
                            number(m.rmse(), 2), number(m.r2(), 4)));
                }
            }
        }
        if (!binary.isEmpty()) {
            table(html, List.of("binary task", "part", "rows", "AUC", "AUC 95 %", "Gini", "KS",
                    "Brier", "log loss", "PR-AUC"), binary);
        }
        if (!regression.isEmpty()) {
            table(html, List.of("regression task", "part", "rows", "MAE", "MAE 95 %", "RMSE",
                    "R²"), regression);
        }
    }

    private static void calibrationAndConfusion(StringBuilder html, Study study) {
        for (TaskMetrics m : study.metrics()) {
            if (!m.isBinary() || m.calibration().isEmpty()) {
                continue;
            }
            html.append("<h2>Calibration: ").append(escape(m.task())).append(" (test)</h2>\n");
            List<List<String>> rows = new ArrayList<>();
            for (CalibrationBin bin : m.calibration()) {
                rows.add(List.of(number(bin.from(), 1) + " – " + number(bin.to(), 1),
                        Integer.toString(bin.count()), number(bin.meanPredicted(), 4),
                        number(bin.observedRate(), 4)));
            }
            table(html, List.of("predicted probability", "applicants", "mean predicted",
                    "observed rate"), rows);

            ConfusionMatrix matrix = m.confusion();
            if (matrix == null) {
                continue;
            }
            html.append("<h2>Confusion matrix: ").append(escape(m.task()))
                    .append(" (test)</h2>\n<p>Refused from a predicted probability of ")
                    .append(Double.isInfinite(matrix.cutoff()) ? "— (nobody refused)"
                            : number(matrix.cutoff(), 4))
                    .append(", chosen on the validation part; a bad applicant accepted costs ")
                    .append(number(matrix.costRatio(), 2))
                    .append(" times a good one refused. Cost per applicant ")
                    .append(number(matrix.costPerApplicant(), 4)).append(".</p>\n");
            table(html, List.of("", "refused", "accepted"), List.of(
                    List.of("bad (outcome 1)", Integer.toString(matrix.truePositives()),
                            Integer.toString(matrix.falseNegatives())),
                    List.of("good (outcome 0)", Integer.toString(matrix.falsePositives()),
                            Integer.toString(matrix.trueNegatives()))));
        }
    }

    private static void comparison(StringBuilder html, ModelComparison.Result result) {
        html.append("<h2>Comparison with single-task and linear models</h2>\n<p>")
                .append(result.testRows()).append(" test rows; differences are multi-task "
                        + "minus baseline with a 95 % interval (")
                .append(escape(result.intervalMethod())).append(").</p>\n");
        List<List<String>> rows = new ArrayList<>();
        for (ModelComparison.TaskComparison c : result.tasks()) {
            boolean auc = "auc".equals(c.measure());
            ToDoubleFunction<TaskMetrics> measure = auc ? TaskMetrics::auc : TaskMetrics::mae;
            int decimals = auc ? 4 : 2;
            rows.add(List.of(c.task(), c.measure().toUpperCase(Locale.ROOT),
                    number(measure.applyAsDouble(c.multiTask()), decimals),
                    number(measure.applyAsDouble(c.singleTask()), decimals),
                    number(measure.applyAsDouble(c.linear()), decimals),
                    signed(c.versusSingle(), decimals) + " "
                            + interval(c.versusSingleInterval(), decimals),
                    signed(c.versusLinear(), decimals) + " "
                            + interval(c.versusLinearInterval(), decimals),
                    c.verdict()));
        }
        table(html, List.of("task", "measure", "multi-task", "single-task", "linear",
                "vs single-task", "vs linear", "verdict"), rows);
    }

    private static void scores(StringBuilder html, Study study) {
        int task = study.scoringTask();
        if (task < 0 || study.testResults().isEmpty()) {
            return;
        }
        List<ApplicantResult> results = study.testResults();
        double[] sorted = results.stream().mapToDouble(ApplicantResult::score)
                .filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) {
            return;
        }
        // the 1st to 99th percentile, so that a few extreme scores do not squeeze the rest;
        // scores beyond fall into the end bands
        double low = sorted[(int) (0.01 * (sorted.length - 1))];
        double high = sorted[(int) Math.ceil(0.99 * (sorted.length - 1))];
        if (high - low < 1) {
            high = low + 1;
        }
        double[][] counts = new double[2][SCORE_BINS];
        double[] totals = new double[2];
        for (ApplicantResult result : results) {
            double outcome = result.actual()[task];
            if (Double.isNaN(outcome) || !Double.isFinite(result.score())) {
                continue;
            }
            int o = outcome == 1 ? 1 : 0;
            int bin = (int) ((result.score() - low) / (high - low) * SCORE_BINS);
            bin = Math.max(0, Math.min(bin, SCORE_BINS - 1));
            counts[o][bin]++;
            totals[o]++;
        }

        html.append("<h2>Test scores by outcome</h2>\n<p>Share of each outcome's test "
                + "applicants per score band: <span style=\"color:").append(GOOD_COLOUR)
                .append("\">good (").append(escape(study.tasks().get(task).name()))
                .append(" = 0, ").append((int) totals[0]).append(")</span> and ")
                .append("<span style=\"color:").append(BAD_COLOUR).append("\">bad (= 1, ")
                .append((int) totals[1]).append(")</span>. Higher scores are safer.</p>\n");
        double tallest = 0;
        for (int o = 0; o < 2; o++) {
            for (int b = 0; b < SCORE_BINS; b++) {
                counts[o][b] = totals[o] > 0 ? counts[o][b] / totals[o] : 0;
                tallest = Math.max(tallest, counts[o][b]);
            }
        }
        svgStart(html, "histogram of test scores by outcome");
        axes(html, "0", number(tallest * 100, 1) + " %", "≤ " + number(low, 0),
                "≥ " + number(high, 0), "score");
        double band = plotWidth() / SCORE_BINS;
        for (int b = 0; b < SCORE_BINS; b++) {
            for (int o = 0; o < 2; o++) {
                double height = tallest > 0 ? counts[o][b] / tallest * plotHeight() : 0;
                html.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                                + "fill=\"%s\"/>%n",
                        plotLeft() + b * band + o * band / 2, plotBottom() - height,
                        band / 2 - 1, height, o == 0 ? GOOD_COLOUR : BAD_COLOUR));
            }
        }
        html.append("</svg>\n");

        Map<String, int[]> grades = new LinkedHashMap<>();
        for (String grade : study.gradeScale().grades()) {
            grades.put(grade, new int[3]);
        }
        for (ApplicantResult result : results) {
            int[] count = grades.computeIfAbsent(result.grade(), g -> new int[3]);
            count[0]++;
            double outcome = result.actual()[task];
            if (!Double.isNaN(outcome)) {
                count[1]++;
                count[2] += outcome == 1 ? 1 : 0;
            }
        }
        List<List<String>> rows = new ArrayList<>();
        grades.forEach((grade, count) -> rows.add(List.of(grade, Integer.toString(count[0]),
                count[1] == 0 ? "—" : number(100.0 * count[2] / count[1], 1) + " %")));
        html.append("<h2>Grades of the test applicants</h2>\n");
        table(html, List.of("grade", "applicants", "observed bad rate"), rows);
    }

    private static void importance(StringBuilder html,
            List<PermutationImportance.Task> importance) {
        html.append("<h2>Global importance</h2>\n<p>Permutation importance on the validation "
                + "part: how much worse each task gets when a feature's values are shuffled "
                + "across applicants (AUC drop for a binary task, MAE rise for a regression "
                + "task), mean ± standard deviation over the repeats.</p>\n");
        for (PermutationImportance.Task task : importance) {
            int decimals = "auc".equals(task.measure()) ? 4 : 2;
            List<List<String>> rows = new ArrayList<>();
            for (PermutationImportance.Feature feature : task.features()) {
                rows.add(List.of(feature.feature(), number(feature.mean(), decimals) + " ± "
                        + number(feature.sd(), decimals)));
            }
            html.append("<h3>").append(escape(task.task())).append(" (")
                    .append(task.measure().toUpperCase(Locale.ROOT)).append(" ")
                    .append(number(task.baseline(), decimals)).append(" as is)</h3>\n");
            table(html, List.of("feature", "importance"), rows);
        }
    }

    private static void drift(StringBuilder html, List<PopulationStability.Result> drift,
            String source) {
        html.append("<h2>Drift of the scored applicants</h2>\n<p>");
        if (source != null) {
            html.append("Scored: ").append(escape(source)).append(". ");
        }
        html.append("Population stability index of each feature against the training part: "
                + "below 0.1 stable, 0.1 to 0.25 watch, above 0.25 act.</p>\n");
        List<List<String>> rows = new ArrayList<>();
        drift.stream().sorted((a, b) -> Double.compare(b.psi(), a.psi()))
                .forEach(result -> rows.add(List.of(result.feature(),
                        String.format(Locale.ROOT, "%.4f", result.psi()),
                        result.status().name().toLowerCase(Locale.ROOT))));
        table(html, List.of("feature", "PSI", "status"), rows);
    }

    private static void leakage(StringBuilder html, List<LeakageGuard.Flag> flags) {
        html.append("<h2>Leakage guard</h2>\n");
        if (flags.isEmpty()) {
            html.append("<p>No feature predicted a task suspiciously well on its own.</p>\n");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (LeakageGuard.Flag flag : flags) {
            rows.add(List.of(flag.feature(), flag.task(), flag.measure(),
                    number(flag.value(), 3), flag.excluded() ? "left out" : "used",
                    flag.describe()));
        }
        table(html, List.of("feature", "task", "measure", "value", "in training", "note"),
                rows);
    }

    private static void svgStart(StringBuilder html, String label) {
        html.append("<svg role=\"img\" aria-label=\"").append(escape(label))
                .append("\" width=\"").append(CHART_WIDTH).append("\" height=\"")
                .append(CHART_HEIGHT).append("\" viewBox=\"0 0 ").append(CHART_WIDTH)
                .append(' ').append(CHART_HEIGHT).append("\">\n");
    }

    private static void axes(StringBuilder html, String yLow, String yHigh, String xLow,
            String xHigh, String xName) {
        html.append(String.format(Locale.ROOT,
                "<path d=\"M%d %d V%d H%d\" stroke=\"#555\" fill=\"none\"/>%n", plotLeft(),
                MARGIN / 2, plotBottom(), CHART_WIDTH - MARGIN / 2));
        text(html, plotLeft() - 4, plotBottom(), "end", yLow);
        text(html, plotLeft() - 4, MARGIN / 2 + 10, "end", yHigh);
        text(html, plotLeft(), plotBottom() + 16, "start", xLow);
        text(html, CHART_WIDTH - MARGIN / 2, plotBottom() + 16, "end", xHigh);
        text(html, CHART_WIDTH / 2, plotBottom() + 16, "middle", xName);
    }

    private static void text(StringBuilder html, int x, int y, String anchor, String text) {
        html.append("<text x=\"").append(x).append("\" y=\"").append(y)
                .append("\" text-anchor=\"").append(anchor).append("\">").append(escape(text))
                .append("</text>\n");
    }

    private static int plotLeft() {
        return MARGIN + 16;
    }

    private static int plotBottom() {
        return CHART_HEIGHT - MARGIN / 2 - 8;
    }

    private static double plotWidth() {
        return CHART_WIDTH - MARGIN / 2 - plotLeft();
    }

    private static double plotHeight() {
        return plotBottom() - MARGIN / 2;
    }

    private static void table(StringBuilder html, List<String> header,
            List<List<String>> rows) {
        html.append("<table>\n<tr>");
        for (String cell : header) {
            html.append("<th>").append(escape(cell)).append("</th>");
        }
        html.append("</tr>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (String cell : row) {
                html.append("<td>").append(escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static String interval(Interval interval, int decimals) {
        if (Double.isNaN(interval.low())) {
            return "—";
        }
        return "[" + number(interval.low(), decimals) + ", " + number(interval.high(), decimals)
                + "]";
    }

    private static String number(double value, int decimals) {
        return Double.isNaN(value) ? "—"
                : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String signed(double value, int decimals) {
        return Double.isNaN(value) ? "—"
                : String.format(Locale.ROOT, "%+." + decimals + "f", value);
    }

    /** Text made safe for an HTML element or a quoted attribute. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em; color: #222; max-width: 70em; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; }
            th { background: #f2f2f2; }
            .charts { display: flex; flex-wrap: wrap; gap: 1em; }
            figure { margin: 0; }
            figcaption { text-align: center; font-weight: bold; }
            svg text { font-size: 11px; fill: #333; }
            """;
}
