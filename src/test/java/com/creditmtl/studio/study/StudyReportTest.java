package com.creditmtl.studio.study;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.eval.Interval;
import com.creditmtl.studio.eval.PermutationImportance;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.TrainingSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyReportTest {

    private static final String BAD_COLUMN = "<script>alert('x')</script>";
    private static final String LEAK = "<b>leak & co</b>";

    @TempDir
    static Path folder;

    private static Study study;
    private static String html;

    @BeforeAll
    static void write() throws Exception {
        study = DriverStudy.study();
        List<PermutationImportance.Task> importance =
                FeatureImportance.onValidation(study, DriverStudy.table(), 2, 1);
        Path file = folder.resolve("report.html");
        StudyReport.write(study, "driver & noise.csv", importance, null, file);
        html = Files.readString(file, UTF_8);
    }

    @Test
    void reportNamesEveryTaskAndFeature() {
        for (String name : List.of("default_probability", "overdue_days", "overdue_amount",
                "driver", "noise", "late_payments", "income", "branch")) {
            assertTrue(html.contains(name), name);
        }
        assertTrue(html.contains("driver &amp; noise.csv"));
        // the count of inputs says what it counts beyond the features listed
        assertTrue(html.contains("read by the network as " + study.featureNames().size()
                + " inputs, one-hot levels and log copies included. The features: "), html);
    }

    @Test
    void aucIsTheOneOfMetricsJson() {
        JsonNode tasks = StudyFiles.metricsJson(study, "x").get("tasks");
        for (String part : List.of("test", "validation")) {
            JsonNode node = tasks.get("default_probability");
            double auc = part.equals("test") ? node.get("auc").asDouble()
                    : node.get("validation").get("auc").asDouble();
            String row = "<td>default_probability</td><td>" + part + "</td><td>";
            int at = html.indexOf(row);
            assertTrue(at > 0, part);
            String cells = html.substring(at, html.indexOf("</tr>", at));
            assertTrue(cells.contains(String.format(Locale.ROOT, "<td>%.4f</td>", auc)),
                    cells + " should hold " + auc);
        }
    }

    @Test
    void rowsPerPartAreShown() {
        assertTrue(html.contains("<td>training</td><td>" + study.split().train().length));
        assertTrue(html.contains("<td>test</td><td>" + study.split().test().length));
    }

    @Test
    void settingsListTheLogCopies() {
        assertTrue(html.contains("<td>log copies of numeric features</td><td>true</td>"));
    }

    @Test
    void chartsAreInlineSvgWithOneLossChartPerTask() {
        assertEquals(3 + 1, count(html, "<svg "), "three loss charts and the score histogram");
        assertEquals(6, count(html, "<polyline "), "training and validation per task");
        assertTrue(html.contains("<rect "));
    }

    @Test
    void nothingIsLoadedFromElsewhereAndNoScriptRuns() {
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("http://") || html.contains("https://"));
        assertFalse(Pattern.compile("(src|href)\\s*=").matcher(html).find());
    }

    @Test
    void calibrationConfusionGradesAndImportanceArePresent() {
        assertTrue(html.contains("<h2>Calibration: default_probability (test)</h2>"));
        assertTrue(html.contains("<h2>Confusion matrix: default_probability (test)</h2>"));
        int tested = study.split().test().length;
        Matcher grades = Pattern.compile("<tr><td>([A-G])</td><td>(\\d+)</td>").matcher(html);
        int sum = 0;
        while (grades.find()) {
            sum += Integer.parseInt(grades.group(2));
        }
        assertEquals(tested, sum, "grade counts add up to the test applicants");
        int importance = html.indexOf("<h2>Global importance</h2>");
        assertTrue(importance > 0);
        assertTrue(html.indexOf("<td>driver</td>", importance) > 0);
        assertTrue(html.contains("<h2>Leakage guard</h2>"));
    }

    @Test
    void comparisonAppearsOnlyWhenGiven() {
        assertFalse(html.contains("Comparison with"));
        TaskMetrics multi = TaskMetrics.binary("default_probability", 1, 100, 0.81, 0.4);
        TaskMetrics single = TaskMetrics.binary("default_probability", 1, 100, 0.78, 0.4);
        TaskMetrics linear = TaskMetrics.binary("default_probability", 1, 100, 0.75, 0.4);
        ModelComparison.Result result = new ModelComparison.Result(List.of(
                new ModelComparison.TaskComparison("default_probability", TaskType.BINARY,
                        multi, single, linear, "auc", 0.03,
                        new Interval(0.01, 0.05, "paired"), 0.06,
                        new Interval(0.04, 0.08, "paired"))), 10, 2, 5, "paired bootstrap");

        String compared = StudyReport.html(study, "d", List.of(), result);

        assertTrue(compared.contains("Comparison with single-task and linear models"));
        assertTrue(compared.contains("<td>0.8100</td><td>0.7800</td><td>0.7500</td>"
                + "<td>+0.0300 [0.0100, 0.0500]</td>"), compared);
        assertTrue(compared.contains("multi-task better than the single-task network"));
    }

    @Test
    void columnNamedLikeAScriptTagIsEscaped() throws Exception {
        Path csv = folder.resolve("bad.csv");
        StringBuilder text = new StringBuilder("ID,\"" + BAD_COLUMN + "\",x,\"" + LEAK
                + "\",default_probability\n");
        Random random = new Random(4);
        for (int r = 0; r < 400; r++) {
            double x = random.nextGaussian();
            int label = random.nextDouble() < 1 / (1 + Math.exp(-x)) ? 1 : 0;
            text.append(String.format(Locale.ROOT, "A%d,%.3f,%.3f,%d,%d%n", r,
                    random.nextGaussian(), x, label, label));
        }
        Files.writeString(csv, text, UTF_8);
        CreditTable table = new CsvImporter().importFile(csv);
        assertTrue(table.featureNames().contains(BAD_COLUMN), table.featureNames().toString());
        Study bad = new StudyTrainer().train(table, TrainingSettings.defaults(table.tasks())
                .withEpochs(2), report -> { }, () -> false);

        String report = StudyReport.html(bad, BAD_COLUMN + ".csv",
                FeatureImportance.onValidation(bad, table, 1, 1), null);

        assertFalse(report.contains("<script"), "a column name must not inject a script");
        assertTrue(report.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertFalse(report.contains("<b>leak"));
        int leakage = report.indexOf("<h2>Leakage guard</h2>");
        assertTrue(report.indexOf("<td>&lt;b&gt;leak &amp; co&lt;/b&gt;</td>"
                + "<td>default_probability</td><td>auc</td><td>1.000</td><td>left out</td>",
                leakage) > leakage, report.substring(leakage));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
