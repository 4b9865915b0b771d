package com.creditmtl.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines an argument mistake gives, at the top level and in a subcommand. */
class CliTest {

    private static List<String> errorLines(String... args) {
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code, err.toString());
        return err.toString().lines().toList();
    }

    @Test
    void unknownCommandPointsToTheProgramsHelpOnce() {
        List<String> lines = errorLines("frobnicate");

        assertEquals("Try 'credit-mtl-studio --help' for the options.",
                lines.get(lines.size() - 1));
    }

    @Test
    void unknownOptionOfACommandPointsToThatCommandsHelp() {
        List<String> lines = errorLines("cv", "--bogus");

        assertEquals("Try 'credit-mtl-studio cv --help' for the options.",
                lines.get(lines.size() - 1));
    }
}
