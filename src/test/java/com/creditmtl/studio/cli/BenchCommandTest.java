package com.creditmtl.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The benchmark refuses what it cannot measure, before it starts. */
class BenchCommandTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--only|nosuch|error: --only: no measure 'nosuch'",
        "--only|import|error: import and scoring need --large FILE",
        "--only|to-auc|error: to-auc needs --target-auc X",
        "--runs|0|error: --runs must be at least 1, not 0"})
    void unusableArgumentsAreRefusedWithOneLine(String option, String value, String message) {
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"bench", "--data", "assets/data/taiwan-credit-mtl.csv",
            option, value}, new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertEquals(2, code);
        assertTrue(err.toString().startsWith(message), err.toString());
    }
}
