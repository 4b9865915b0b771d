package com.creditmtl.studio.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCellsTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource({
            "'=SUM(A1:A9)', '''=SUM(A1:A9)'",
            "'+1', '''+1'",
            "'-2', '''-2'",
            "'@cmd', '''@cmd'",
            "'C00012', 'C00012'",
            "'12', '12'",
            "'a=b', 'a=b'"})
    void cellsThatASpreadsheetWouldRunAsFormulaGetAnApostrophe(String value, String written) {
        assertEquals(written, CsvCells.text(value));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource({"'\tx', '''\tx'", "'\rx', '''\rx'"})
    void leadingTabOrCarriageReturnIsProtected(String value, String written) {
        assertEquals(written, CsvCells.text(value));
    }

    @ParameterizedTest
    @CsvSource(value = {"''"}, nullValues = "NULL")
    void emptyStaysEmpty(String value) {
        assertEquals("", CsvCells.text(value));
        assertEquals("", CsvCells.text(null));
    }
}
