package com.creditmtl.studio.cli;

import com.creditmtl.studio.data.ImportException;
import com.creditmtl.studio.study.Progress;
import com.creditmtl.studio.study.StudyFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless commands. A mistake in the arguments or the input gives one line on standard error
 * and a non-zero exit (2 for arguments, 1 for a file or run that failed), never a stack trace;
 * the trace goes to the log at debug level.
 */
@Command(name = "credit-mtl-studio", mixinStandardHelpOptions = true,
        version = "Credit MTL Studio 0.1.0",
        description = "Multi-task credit scoring. Without arguments the window opens.",
        subcommands = {TrainCommand.class, ScoreCommand.class, CompareCommand.class,
                CvCommand.class, ReportCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Cli {

    private static final Logger LOGGER = LoggerFactory.getLogger(Cli.class);

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Cli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            err.println("error: " + e.getMessage());
            // the qualified name is the program's alone for the top level, with the
            // subcommand's after it otherwise
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for the options.");
            err.flush();
            return 2;
        });
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ImportException) {
                // Its message may quote a cell, which is applicant data: printed, not logged.
                LOGGER.debug("Import failed");
            } else {
                LOGGER.debug("Command failed", e);
            }
            err.println("error: " + describe(e));
            err.flush();
            return 1;
        });
        return commandLine.execute(args);
    }

    /** A progress listener that prints each stage once, as it starts, with a prefix. */
    static Progress stageLines(PrintWriter console, String prefix) {
        return (stage, done) -> {
            if (done < 1) {
                console.printf(Locale.ROOT, "  %s%s%n", prefix, stage);
            }
            console.flush();
        };
    }

    private static String describe(Exception e) {
        if (e instanceof ImportException || e instanceof StudyFileException
                || e instanceof OutputFolder.OutputException) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return "cannot write results: " + e.getMessage();
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
