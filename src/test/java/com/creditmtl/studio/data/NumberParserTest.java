package com.creditmtl.studio.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberParserTest {

    private final NumberParser dot = new NumberParser(false);
    private final NumberParser comma = new NumberParser(true);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {"1e+05;100000", ".165;0.165", "3.;3", "-2.5;-2.5",
            "+7;7", "' 42 ';42", "2E-3;0.002", "0.1;0.1",
            "12345678901234567890;1.2345678901234567E19",
            "3.141592653589793238;3.141592653589793"})
    void dotNumbersReadAsDoubles(String cell, double expected) {
        assertEquals(expected, dot.parse(cell), 0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1,234", "NaN", "Infinity", "0x1p3", "1d", "1e", "abc", "-", ".",
            "1.2.3", "1 000"})
    void otherTextIsNotANumber(String cell) {
        assertTrue(Double.isNaN(dot.parse(cell)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {"1,5;1.5", "-0,25;-0.25", "1.234,56;1234.56",
            "1.234.567;1234567", "12;12", ",5;0.5"})
    void decimalCommaNumbersReadAsDoubles(String cell, double expected) {
        assertEquals(expected, comma.parse(cell), 0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"12.34", "1.2345,6", "1,2,3"})
    void badlyGroupedDecimalCommaTextIsNotANumber(String cell) {
        assertTrue(Double.isNaN(comma.parse(cell)));
    }
}
