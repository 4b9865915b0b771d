package com.creditmtl.studio.study;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.TrainingCancelledException;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.prep.FeatureEncoder;
import com.creditmtl.studio.prep.Split;
import com.creditmtl.studio.prep.Splitter;
import com.creditmtl.studio.scoring.GradeScale;
import com.creditmtl.studio.scoring.ScoreScale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Trains once on a synthetic table written as CSV and imported like a user's file: overdue
 * amounts in the tens of thousands, overdue days in the tens.
 */
class StudyTrainerTest {

    private static final int ROWS = 2_000;
    private static final int EPOCHS = 5;

    @TempDir
    static Path folder;

    private static CreditTable table;
    private static Study study;

    @BeforeAll
    static void importAndTrain() throws Exception {
        Path file = folder.resolve("synthetic.csv");
        Files.writeString(file, syntheticCsv(ROWS, 11), UTF_8);
        table = new CsvImporter().importFile(file);
        TrainingSettings settings = TrainingSettings.defaults(table.tasks())
                .withEpochs(EPOCHS).withLearningRate(0.01).withSeed(5);
        study = new StudyTrainer().train(table, settings, report -> { }, () -> false);
    }

    static String syntheticCsv(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder(
                "ID,income,utilisation,late_payments,age,branch,"
                        + "default_probability,overdue_days,overdue_amount\n");
        for (int r = 0; r < rows; r++) {
            double income = 50_000 + 15_000 * random.nextGaussian();
            double utilisation = random.nextDouble();
            int late = random.nextInt(6);
            int age = 21 + random.nextInt(50);
            double logit = -2.5 + 2.5 * utilisation + 0.4 * late;
            int defaulted = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            double days = Math.max(0, 15 + 8 * late + 10 * utilisation + 4 * random.nextGaussian());
            double amount = Math.max(0, 20_000 + 30_000 * utilisation + 0.1 * (income - 50_000)
                    + 3_000 * random.nextGaussian());
            csv.append(String.format(Locale.ROOT, "C%05d,%.0f,%.4f,%d,%d,%s,%d,%.0f,%.2f%n",
                    r + 1, income, utilisation, late, age, r % 2 == 0 ? "north" : "south",
                    defaulted, days, amount));
        }
        return csv.toString();
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double[] predicted(int task) {
        return study.testResults().stream().mapToDouble(r -> r.predicted()[task]).toArray();
    }

    private static double[] actual(int task) {
        return study.testResults().stream().mapToDouble(r -> r.actual()[task]).toArray();
    }

    @Test
    void syntheticTableHasTheExpectedScale() {
        // guards the premise of the unit checks below
        assertTrue(mean(table.target("overdue_amount", table.allRows())) > 10_000);
        double days = mean(table.target("overdue_days", table.allRows()));
        assertTrue(days > 10 && days < 100, "mean days " + days);
        assertEquals(List.of("branch"), table.categoricalNames());
    }

    @Test
    void regressionPredictionsComeBackInOriginalUnits() {
        for (int t : new int[] {1, 2}) {
            double predictedMean = mean(predicted(t));
            double actualMean = mean(actual(t));
            assertEquals(actualMean, predictedMean, 0.25 * actualMean,
                    study.tasks().get(t).name());
        }
    }

    @Test
    void noRegressionPredictionIsNegative() {
        for (int t : new int[] {1, 2}) {
            for (double value : predicted(t)) {
                assertTrue(value >= 0, study.tasks().get(t).name() + " predicted " + value);
            }
        }
    }

    @Test
    void binaryPredictionsLieInUnitInterval() {
        for (double p : predicted(0)) {
            assertTrue(p >= 0 && p <= 1, "probability " + p);
        }
    }

    @Test
    void testPartIsTwentyPercentOfEveryClass() {
        Split split = study.split();
        double[] labels = table.target("default_probability", table.allRows());
        int positives = (int) Arrays.stream(labels).sum();
        int expectedTest = (int) Math.round(positives * 0.2)
                + (int) Math.round((ROWS - positives) * 0.2);

        assertEquals(ROWS, split.total());
        assertEquals(expectedTest, split.test().length);
        assertEquals(split.test().length, study.testResults().size());
    }

    @Test
    void preprocessingIsFittedOnTrainingRowsOnly() {
        int[] train = study.split().train();
        for (int f = 0; f < table.featureNames().size(); f++) {
            double[] trainValues = new double[train.length];
            for (int r = 0; r < train.length; r++) {
                trainValues[r] = table.features(new int[] {train[r]})[0][f];
            }
            double[] allValues = Arrays.stream(table.features(table.allRows()))
                    .mapToDouble(row -> row[0]).toArray();
            double trainMean = mean(trainValues);
            String name = table.featureNames().get(f);
            int encoded = study.encoder().encodedIndex(name);
            assertEquals(trainMean, study.preprocessor().featureMean(encoded),
                    1e-9 * Math.max(1, Math.abs(trainMean)), name);
            if (study.encoder().hasLogCopy(name)) {
                double logMean = mean(Arrays.stream(trainValues)
                        .map(FeatureEncoder::signedLog).toArray());
                assertEquals(logMean, study.preprocessor().featureMean(encoded + 1),
                        1e-9 * Math.max(1, Math.abs(logMean)), name + "_log");
            }
            if (f == 0) {
                assertTrue(Math.abs(mean(allValues) - trainMean) > 1e-6,
                        "premise: the training mean differs from the whole table's");
            }
        }
        double[] trainAmounts = table.target("overdue_amount", train);
        assertEquals(mean(trainAmounts), study.preprocessor().targetMean(2), 1e-6);
    }

    @Test
    void resultsCarryIdsActualValuesAndScoresOfTestApplicants() {
        int[] test = study.split().test();
        for (int r = 0; r < test.length; r++) {
            ApplicantResult result = study.testResults().get(r);
            assertEquals(table.id(test[r]), result.id());
            assertEquals(table.target("overdue_amount", new int[] {test[r]})[0],
                    result.actual()[2], 0);
            assertEquals(ScoreScale.DEFAULT.score(result.predicted()[0]), result.score(), 1e-9);
            assertEquals(GradeScale.DEFAULT.grade(result.score()), result.grade());
            assertEquals(result.predicted()[0] * result.predicted()[2], result.expectedLoss(),
                    1e-9);
        }
        assertTrue(study.testResults().get(0).id().startsWith("C"));
    }

    @Test
    void scorecardTakesTheAmountTaskByName() {
        assertEquals("overdue_amount", study.scorecard().amountTask());
        assertEquals(ScoreScale.DEFAULT, study.scoreScale());
    }

    @Test
    void driftReferenceCoversEveryFeatureOnTheTrainingPart() {
        List<String> features = study.driftReference().stream()
                .map(com.creditmtl.studio.eval.PopulationStability.Reference::feature).toList();

        assertEquals(List.of("income", "utilisation", "late_payments", "age", "branch"),
                features);
        // branch alternates north and south by row, so the training part holds about half each
        double[] branch = study.driftReference().get(4).shares();
        assertEquals(0.5, branch[0], 0.05);
        assertEquals(1, Arrays.stream(branch).sum(), 1e-9);
    }

    @Test
    void explicitScorecardWithoutAmountTaskGivesNoExpectedLoss() {
        TrainingSettings settings = TrainingSettings.defaults(table.tasks()).withEpochs(1)
                .withSeed(5);
        Study none = new StudyTrainer(com.creditmtl.studio.scoring.Scorecard.DEFAULT,
                com.creditmtl.studio.eval.EvaluationOptions.DEFAULT)
                .train(table, settings, r -> { }, () -> false);

        assertTrue(Double.isNaN(none.testResults().get(0).expectedLoss()));
    }

    @Test
    void metricsCoverEveryTaskOnTheTestPart() {
        List<TaskMetrics> metrics = study.metrics();

        assertEquals(List.of("default_probability", "overdue_days", "overdue_amount"),
                metrics.stream().map(TaskMetrics::task).toList());
        for (TaskMetrics m : metrics) {
            assertEquals(study.split().test().length, m.rows());
        }
        assertTrue(metrics.get(0).auc() > 0.6, "AUC " + metrics.get(0).auc());
        assertTrue(metrics.get(1).mae() > 0 && metrics.get(1).mae() < mean(actual(1)));
        assertTrue(metrics.get(2).rmse() >= metrics.get(2).mae());
    }

    @Test
    void historyHasOneReportPerEpoch() {
        assertEquals(EPOCHS, study.history().size());
        assertTrue(study.trainSeconds() > 0);
        assertEquals(0, study.scoringTask());
    }

    @Test
    void predictorOfStudyReproducesTestPredictions() {
        double[][] again = study.predictor().predict(
                study.encoder().transform(table, study.split().test()));

        for (int t = 0; t < 3; t++) {
            assertArrayEquals(predicted(t), again[t], 1e-9);
        }
    }

    @Test
    void taskMissingFromTableIsRejected() {
        TrainingSettings settings = TrainingSettings.defaults(
                List.of(new TaskSpec("arrears", TaskType.REGRESSION, 1)));

        assertThrows(IllegalArgumentException.class,
                () -> new StudyTrainer().train(table, settings, r -> { }, () -> false));
    }

    @Test
    void cancellingDuringTrainingPropagates() {
        TrainingSettings settings = TrainingSettings.defaults(table.tasks()).withEpochs(100);

        assertThrows(TrainingCancelledException.class,
                () -> new StudyTrainer().train(table, settings, r -> { }, () -> true));
    }

    @Test
    void withoutBinaryTaskApplicantsGetNoScoreOrGrade() {
        List<TaskSpec> regressionOnly = List.of(
                new TaskSpec("overdue_days", TaskType.REGRESSION, 0.5),
                new TaskSpec("overdue_amount", TaskType.REGRESSION, 0.5));
        TrainingSettings settings = TrainingSettings.defaults(regressionOnly).withEpochs(1);

        Study regression = new StudyTrainer().train(table, settings, r -> { }, () -> false);

        assertEquals(-1, regression.scoringTask());
        assertEquals(400, regression.split().test().length);
        ApplicantResult first = regression.testResults().get(0);
        assertTrue(Double.isNaN(first.score()));
        assertEquals("", first.grade());
    }

    @Test
    void taskWithoutAKnownLabelInTheTrainingPartIsRefusedBeforeTraining() {
        int rows = 50;
        Split split = new Splitter(TrainingSettings.DEFAULT_TEST_FRACTION,
                TrainingSettings.DEFAULT_VALIDATION_FRACTION, 7).split(rows, null);
        double[] target = new double[rows];
        Arrays.fill(target, Double.NaN);
        for (int row : split.test()) {
            target[row] = row;
        }
        double[] x = new double[rows];
        Arrays.setAll(x, r -> r % 7);
        CreditTable onlyTestKnown = new CreditTable(null, Table.create("t",
                DoubleColumn.create("x", x), DoubleColumn.create("amount", target)), null,
                List.of("x"),
                List.of(new TaskSpec("amount", TaskType.REGRESSION, 1)), List.of());
        TrainingSettings settings = new TrainingSettings(onlyTestKnown.tasks(),
                TrainingSettings.DEFAULT_HIDDEN_UNITS, 1, 8, 0.001, 7,
                TrainingSettings.DEFAULT_TEST_FRACTION,
                TrainingSettings.DEFAULT_VALIDATION_FRACTION);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new StudyTrainer().train(onlyTestKnown, settings, r -> { }, () -> false));

        assertEquals("task amount has no known label in the training part", error.getMessage());
    }
}
