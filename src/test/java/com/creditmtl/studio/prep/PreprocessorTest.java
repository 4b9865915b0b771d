package com.creditmtl.studio.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreprocessorTest {

    private static final TaskSpec DEFAULT = new TaskSpec("default_probability", TaskType.BINARY, 0.5);
    private static final TaskSpec DAYS = new TaskSpec("overdue_days", TaskType.REGRESSION, 0.25);
    private static final TaskSpec BALANCE = new TaskSpec("balance_change", TaskType.REGRESSION, 0.25);

    /** One feature 1, 2, 3, 4: mean 2.5, median 2.5, population sd sqrt(1.25). */
    private static Preprocessor fitOneToFour() {
        double[][] features = {{1}, {2}, {3}, {4}};
        double[][] targets = {{0}, {1}, {0}, {1}};
        return Preprocessor.fit(features, List.of(DEFAULT), targets);
    }

    private static double[][] gaussian(int rows, int width, double mean, double sd, long seed) {
        Random random = new Random(seed);
        double[][] values = new double[rows][width];
        for (double[] row : values) {
            for (int f = 0; f < width; f++) {
                row[f] = mean + sd * random.nextGaussian();
            }
        }
        return values;
    }

    private static double[] column(double[][] rows, int index) {
        double[] column = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            column[r] = rows[r][index];
        }
        return column;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double sd(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }

    @Test
    void transformIntoAFlatArrayGivesTheSameValuesRowAfterRow() {
        double[][] train = gaussian(300, 3, 50, 10, 4);
        train[7][1] = Double.NaN;
        Preprocessor preprocessor = Preprocessor.fit(train, List.of(DEFAULT), new double[300][1]);
        double[][] expected = preprocessor.transformFeatures(train);

        float[] flat = new float[300 * 3];
        preprocessor.transformFeaturesInto(train, flat);

        for (int r = 0; r < 300; r++) {
            for (int f = 0; f < 3; f++) {
                assertEquals((float) expected[r][f], flat[r * 3 + f], 0, "row " + r);
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> preprocessor.transformFeaturesInto(train, new float[10]));
    }

    @Test
    void skewnessOfAHandExample() {
        // 0, 0, 0, 4: mean 1, sd sqrt(3); standardised cubes sum to (-1 -1 -1 + 27) / 3^1.5
        assertEquals(24 / Math.pow(3, 1.5) / 4, Preprocessor.skewness(new double[] {0, 0, 0, 4}),
                1e-12);
        assertEquals(0, Preprocessor.skewness(new double[] {1, 2, 3}), 1e-12);
    }

    @Test
    void skewedNonNegativeTargetIsLearntOnTheLogScaleWhenAsked() {
        double[][] features = gaussian(8, 1, 0, 1, 3);
        double[][] targets = {{0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {5, 1}, {400, 2}};
        List<TaskSpec> tasks = List.of(DAYS, BALANCE);

        Preprocessor logged = Preprocessor.fit(features, tasks, targets, true);
        Preprocessor plain = Preprocessor.fit(features, tasks, targets, false);

        assertTrue(logged.isLogScaled(0));
        assertFalse(plain.isLogScaled(0));
        double mean = (Math.log1p(5) + Math.log1p(400)) / 8;
        assertEquals(mean, logged.targetMean(0), 1e-12);
        assertEquals(400, logged.unscaleTarget(0, logged.scaleTarget(0, 400)), 1e-9);
        assertEquals(5, logged.unscaleTarget(0, logged.scaleTarget(0, 5)), 1e-9);
    }

    @Test
    void logScaledPredictionNeverExceedsTheLargestTrainingValue() {
        double[][] features = gaussian(8, 1, 0, 1, 3);
        double[][] targets = {{0}, {0}, {0}, {0}, {0}, {0}, {5}, {400}};
        Preprocessor logged = Preprocessor.fit(features, List.of(DAYS), targets, true);

        assertEquals(400, logged.unscaleTarget(0, 1_000), 1e-9);
    }

    @Test
    void symmetricOrNegativeTargetsStayOnTheirScale() {
        double[][] features = gaussian(6, 1, 0, 1, 3);
        double[][] targets = {{1, -5}, {2, 0}, {3, 0}, {4, 0}, {5, 0}, {6, 100}};
        Preprocessor preprocessor = Preprocessor.fit(features, List.of(DAYS, BALANCE), targets,
                true);

        assertFalse(preprocessor.isLogScaled(0), "not skewed");
        assertFalse(preprocessor.isLogScaled(1), "has a negative value");
    }

    @Test
    void statisticsAreThoseOfTheTrainingRows() {
        Preprocessor preprocessor = fitOneToFour();

        assertEquals(2.5, preprocessor.featureMedian(0), 1e-12);
        assertEquals(2.5, preprocessor.featureMean(0), 1e-12);
        assertEquals(Math.sqrt(1.25), preprocessor.featureScale(0), 1e-12);
    }

    @Test
    void preprocessorReadBackFromJsonGivesIdenticalNumbers() {
        double[][] features = gaussian(300, 3, 50, 10, 4);
        features[7][1] = Double.NaN;
        double[][] targets = new double[300][3];
        Random random = new Random(5);
        for (double[] row : targets) {
            row[0] = random.nextInt(2);
            row[1] = Math.exp(3 * random.nextGaussian());
            row[2] = random.nextGaussian() * 1e4;
        }
        Preprocessor fitted = Preprocessor.fit(features, List.of(DEFAULT, DAYS, BALANCE),
                targets, true);

        Preprocessor back = Preprocessor.fromJson(fitted.toJson());

        assertTrue(back.isLogScaled(1));
        assertEquals(fitted.tasks(), back.tasks());
        double[][] probe = {{1e9, Double.NaN, -3}, {50.123456789, 49.9, 0.1}};
        double[][] want = fitted.transformFeatures(probe);
        double[][] got = back.transformFeatures(probe);
        for (int r = 0; r < probe.length; r++) {
            for (int f = 0; f < 3; f++) {
                assertEquals(want[r][f], got[r][f], 0);
            }
        }
        for (int t = 0; t < 3; t++) {
            for (double output : new double[] {-2.5, 0, 0.3, 9}) {
                assertEquals(fitted.unscaleTarget(t, output), back.unscaleTarget(t, output), 0);
            }
        }
    }

    @Test
    void jsonWithoutTargetScalesIsRefusedNamingTheField() {
        var json = fitOneToFour().toJson();
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("tasks").get(0))
                .remove("target_scale");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Preprocessor.fromJson(json));
        assertTrue(e.getMessage().contains("target_scale"), e.getMessage());
    }

    @Test
    void transformingExtremeTestRowsLeavesFittedStatisticsUnchanged() {
        Preprocessor preprocessor = fitOneToFour();

        double[][] transformed = preprocessor.transformFeatures(
                new double[][] {{1e9}, {-1e9}, {Double.NaN}});

        assertEquals(2.5, preprocessor.featureMedian(0), 1e-12);
        assertEquals(2.5, preprocessor.featureMean(0), 1e-12);
        assertEquals(Math.sqrt(1.25), preprocessor.featureScale(0), 1e-12);
        // the extreme rows are scaled with the training statistics, not their own
        assertEquals((1e9 - 2.5) / Math.sqrt(1.25), transformed[0][0], 1e-3);
        assertEquals((-1e9 - 2.5) / Math.sqrt(1.25), transformed[1][0], 1e-3);
        assertEquals(0, transformed[2][0], 1e-12);
    }

    @Test
    void transformedTrainingPartHasMeanZeroAndSdOneWhileShiftedTestPartDoesNot() {
        double[][] train = gaussian(2_000, 3, 50, 10, 1);
        double[][] shiftedTest = gaussian(500, 3, 80, 10, 2);
        Preprocessor preprocessor = Preprocessor.fit(train, List.of(DAYS),
                gaussian(2_000, 1, 30, 5, 3));

        double[][] trainOut = preprocessor.transformFeatures(train);
        double[][] testOut = preprocessor.transformFeatures(shiftedTest);

        for (int f = 0; f < 3; f++) {
            assertEquals(0, mean(column(trainOut, f)), 1e-9, "train mean of feature " + f);
            assertEquals(1, sd(column(trainOut, f)), 1e-9, "train sd of feature " + f);
            // shifted by 30 = 3 training sds: the test part must keep that shift
            assertEquals(3, mean(column(testOut, f)), 0.3, "test mean of feature " + f);
        }
    }

    @Test
    void missingValueIsImputedWithTrainingMedian() {
        // present training values 1, 2, 10: median 2; after filling, 1, 2, 2, 10 has mean 3.75
        double[][] train = {{1}, {2}, {Double.NaN}, {10}};
        Preprocessor preprocessor = Preprocessor.fit(train, List.of(DEFAULT),
                new double[][] {{0}, {1}, {0}, {1}});
        double scale = Math.sqrt((2.75 * 2.75 + 1.75 * 1.75 * 2 + 6.25 * 6.25) / 4);

        // a validation part whose own median (1000) differs from the training median
        double[][] out = preprocessor.transformFeatures(
                new double[][] {{Double.NaN}, {1000}, {1000}});

        assertEquals(2, preprocessor.featureMedian(0), 1e-12);
        assertEquals(3.75, preprocessor.featureMean(0), 1e-12);
        assertEquals(scale, preprocessor.featureScale(0), 1e-12);
        assertEquals((2 - 3.75) / scale, out[0][0], 1e-12);
    }

    @Test
    void medianOfEvenCountIsMeanOfMiddleValues() {
        Preprocessor preprocessor = Preprocessor.fit(new double[][] {{7}, {1}, {100}, {3}},
                List.of(DEFAULT), new double[][] {{0}, {1}, {0}, {1}});

        assertEquals(5, preprocessor.featureMedian(0), 1e-12);
    }

    @Test
    void constantFeatureIsOnlyCentred() {
        Preprocessor preprocessor = Preprocessor.fit(new double[][] {{4}, {4}, {4}},
                List.of(DEFAULT), new double[][] {{0}, {1}, {0}});

        double[][] out = preprocessor.transformFeatures(new double[][] {{4}, {6}});

        assertEquals(1, preprocessor.featureScale(0), 0);
        assertEquals(0, out[0][0], 1e-12);
        assertEquals(2, out[1][0], 1e-12);
    }

    @ParameterizedTest(name = "{0} days")
    @CsvSource({"0", "1", "29.5", "90", "365", "12345.678"})
    void regressionTargetScaledThenUnscaledGivesOriginalUnits(double days) {
        double[][] targets = {{0, 0}, {1, 30}, {0, 60}, {1, 90}};
        Preprocessor preprocessor = Preprocessor.fit(new double[][] {{1}, {2}, {3}, {4}},
                List.of(DEFAULT, DAYS), targets);

        double scaled = preprocessor.scaleTarget(1, days);

        assertEquals(days, preprocessor.unscaleTarget(1, scaled), 1e-9);
    }

    @Test
    void regressionTargetIsStandardisedWithTrainingMeanAndSd() {
        // days 0, 30, 60, 90: mean 45, population sd sqrt(1125)
        Preprocessor preprocessor = Preprocessor.fit(new double[][] {{1}, {2}, {3}, {4}},
                List.of(DAYS), new double[][] {{0}, {30}, {60}, {90}});

        assertEquals(45, preprocessor.targetMean(0), 1e-12);
        assertEquals(Math.sqrt(1125), preprocessor.targetScale(0), 1e-12);
        assertEquals(0, preprocessor.scaleTarget(0, 45), 1e-12);
        assertEquals(1, preprocessor.scaleTarget(0, 45 + Math.sqrt(1125)), 1e-12);
    }

    @Test
    void binaryTargetIsLeftAsZeroOrOne() {
        Preprocessor preprocessor = fitOneToFour();

        assertEquals(0, preprocessor.scaleTarget(0, 0), 0);
        assertEquals(1, preprocessor.scaleTarget(0, 1), 0);
    }

    @Test
    void unscalingNegativeOutputForNeverNegativeTargetGivesZero() {
        Preprocessor preprocessor = Preprocessor.fit(new double[][] {{1}, {2}, {3}, {4}},
                List.of(DAYS), new double[][] {{0}, {30}, {60}, {90}});

        // -3 sds below the mean of 45 is about -55.6 days
        assertTrue(preprocessor.isNonNegative(0));
        assertEquals(0, preprocessor.unscaleTarget(0, -3), 0);
    }

    @Test
    void unscalingNegativeOutputIsAllowedForTargetThatHadNegatives() {
        Preprocessor preprocessor = Preprocessor.fit(new double[][] {{1}, {2}, {3}, {4}},
                List.of(BALANCE), new double[][] {{-10}, {30}, {60}, {80}});
        double expected = -3 * preprocessor.targetScale(0) + preprocessor.targetMean(0);

        assertFalse(preprocessor.isNonNegative(0));
        assertTrue(expected < 0);
        assertEquals(expected, preprocessor.unscaleTarget(0, -3), 1e-9);
    }

    @Test
    void fittingOnNoRowsIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Preprocessor.fit(new double[0][], List.of(DEFAULT), new double[0][]));
    }

    @Test
    void rowOfWrongWidthIsRejected() {
        Preprocessor preprocessor = fitOneToFour();

        assertThrows(IllegalArgumentException.class,
                () -> preprocessor.transformFeatures(new double[][] {{1, 2}}));
    }
}
