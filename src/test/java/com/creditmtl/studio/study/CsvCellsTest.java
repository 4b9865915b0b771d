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
    @CsvSource({"'\tx', '''\tx'", "'\rx', '''\rx'",
            "'\t=SUM(A1)', '''\t=SUM(A1)'", "'\r@cmd', '''\r@cmd'",
            "'\r\n=1', '''\r\n=1'"})
    void leadingTabOrCarriageReturnIsProtected(String value, String written) {
        assertEquals(written, CsvCells.text(value));
    }

    /**
     * A text cell that reads like a negative number is still text here (an ID, a category), so
     * it is protected too: a spreadsheet would otherwise turn "-1-2" into -3.
     */
    @ParameterizedTest(name = "[{0}]")
    @CsvSource({"'-12.5', '''-12.5'", "'-1-2', '''-1-2'", "'-0', '''-0'"})
    void textThatLooksLikeANegativeNumberIsProtected(String value, String written) {
        assertEquals(written, CsvCells.text(value));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource({"'12.5', '12.5'", "' -1', ' -1'", "'1-2', '1-2'", "'x\t=1', 'x\t=1'"})
    void cellsWithoutARiskyFirstCharacterStayAsTheyAre(String value, String written) {
        assertEquals(written, CsvCells.text(value));
    }

    @ParameterizedTest
    @CsvSource(value = {"''"}, nullValues = "NULL")
    void emptyStaysEmpty(String value) {
        assertEquals("", CsvCells.text(value));
        assertEquals("", CsvCells.text(null));
    }
}
