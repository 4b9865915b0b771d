package com.creditmtl.studio.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.eval.PopulationStability.Reference;
import com.creditmtl.studio.eval.PopulationStability.Status;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PopulationStabilityTest {

    @Test
    void indexOfTwoBinsMatchesTheHandComputedValue() {
        // (0.7 - 0.5) ln(0.7 / 0.5) + (0.3 - 0.5) ln(0.3 / 0.5) = 0.0672944 + 0.1021651
        double psi = PopulationStability.index(new double[] {0.5, 0.5}, new double[] {0.7, 0.3});

        assertEquals(0.1694595, psi, 1e-6);
    }

    @Test
    void indexOfTheSameSharesIsZero() {
        double[] shares = {0.1, 0.2, 0.3, 0.4};

        assertEquals(0, PopulationStability.index(shares, shares), 0);
    }

    @Test
    void anEmptyBinCountsAsTheFloor() {
        // (0.5 - 1e-4) ln(0.5 / 1e-4) + (0.5 - 1) ln(0.5 / 1)
        double psi = PopulationStability.index(new double[] {0, 1}, new double[] {0.5, 0.5});

        assertEquals(4.2580 + 0.3466, psi, 1e-3);
    }

    @ParameterizedTest(name = "PSI {0} is {1}")
    @CsvSource({"0, STABLE", "0.0999, STABLE", "0.1, WATCH", "0.25, WATCH", "0.2501, ACT",
            "3, ACT"})
    void statusFollowsTheThresholds(double psi, Status status) {
        assertEquals(status, Status.of(psi));
    }

    @Test
    void numericCutsAreTheTrainingDeciles() {
        double[] values = new double[100];
        Arrays.setAll(values, i -> i + 1);

        Reference reference = Reference.numeric("x", values);

        assertArrayEquals(new double[] {10, 20, 30, 40, 50, 60, 70, 80, 90}, reference.cuts());
        double[] shares = reference.shares();
        for (int bin = 0; bin < 10; bin++) {
            assertEquals(0.1, shares[bin], 1e-12);
        }
        assertEquals(0, shares[10], 0);
    }

    @Test
    void missingValuesHaveABinOfTheirOwn() {
        Reference reference = Reference.numeric("x", new double[] {1, 2, Double.NaN, 4});

        double[] shares = reference.numberShares(new double[] {Double.NaN, Double.NaN, 1, 9});

        assertEquals(0.5, shares[shares.length - 1], 0);
        assertEquals(0.25, shares[0], 0);
        assertEquals(0.25, shares[shares.length - 2], 0);
    }

    @Test
    void repeatedValuesGiveFewerCuts() {
        Reference reference = Reference.numeric("flag", new double[] {0, 0, 0, 0, 0, 0, 0, 1, 1,
            1});

        assertArrayEquals(new double[] {0}, reference.cuts());
        assertArrayEquals(new double[] {0.7, 0.3, 0}, reference.shares(), 1e-12);
    }

    @Test
    void shiftedNumbersGiveTheHandComputedIndex() {
        double[] train = new double[100];
        Arrays.setAll(train, i -> i + 1);
        Reference reference = Reference.numeric("x", train);
        double[] shifted = new double[100];
        Arrays.setAll(shifted, i -> i < 50 ? 5 : 95);

        double psi = PopulationStability.index(reference.shares(),
                reference.numberShares(shifted));

        // bins 1 and 10 hold 0.5 each, the other eight 0 (floor 1e-4), missing 0 on both sides
        double expected = 2 * (0.5 - 0.1) * Math.log(0.5 / 0.1)
                + 8 * (1e-4 - 0.1) * Math.log(1e-4 / 0.1);
        assertEquals(expected, psi, 1e-9);
        assertEquals(6.8092, psi, 1e-3);
    }

    @Test
    void unseenLevelsGoToOther() {
        Reference reference = Reference.categorical("branch",
                List.of("north", "north", "south", "east"), List.of("north", "south"));

        assertEquals(List.of("north", "south", "(missing)", "(other)"), reference.levels());
        assertArrayEquals(new double[] {0.5, 0.25, 0, 0.25}, reference.shares(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5},
                reference.levelShares(Arrays.asList("west", null)), 1e-12);
    }

    @Test
    void referenceSurvivesJson() {
        Reference numeric = Reference.numeric("x", new double[] {1, 2, 3, 4, 5, Double.NaN});
        Reference categorical = Reference.categorical("c", List.of("a", "b", "a"),
                List.of("a"));

        for (Reference reference : List.of(numeric, categorical)) {
            Reference back = Reference.fromJson(reference.toJson());
            assertArrayEquals(reference.cuts(), back.cuts());
            assertEquals(reference.levels(), back.levels());
            assertArrayEquals(reference.shares(), back.shares());
        }
    }

    @Test
    void numericReferenceKeepsTheTrainingRangeThroughJson() {
        Reference numeric = Reference.numeric("x", new double[] {4, -2.5, 9, Double.NaN, 3});

        Reference back = Reference.fromJson(numeric.toJson());

        assertEquals(-2.5, back.low(), 0);
        assertEquals(9, back.high(), 0);
        assertTrue(back.outside(-2.6));
        assertTrue(back.outside(9.01));
        assertFalse(back.outside(-2.5));
        assertFalse(back.outside(9));
        assertFalse(back.outside(Double.NaN), "a missing value is no value outside the range");
    }

    @Test
    void aReferenceWithoutRangeFlagsNothing() {
        ObjectNode old = Reference.numeric("x", new double[] {1, 2, 3}).toJson();
        old.remove("min");
        old.remove("max");
        Reference categorical = Reference.categorical("c", List.of("a"), List.of("a"));

        Reference back = Reference.fromJson(old);

        assertFalse(back.hasRange());
        assertFalse(back.outside(1e9));
        assertFalse(categorical.hasRange());
        assertFalse(categorical.toJson().has("min"));
    }

    @Test
    void aRangeThatFallsIsRefused() {
        ObjectNode node = Reference.numeric("x", new double[] {1, 2, 3}).toJson();
        node.put("min", 5);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Reference.fromJson(node));
        assertEquals("drift reference of x: 'min' and 'max' must be numbers, min no larger "
                + "than max", e.getMessage());
    }
}
