package com.creditmtl.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Output files: refused up front when they cannot be replaced, and named when a write fails. */
class OutputFolderTest {

    @TempDir
    Path folder;

    @Test
    void failedWriteNamesTheOutputNotItsTemporaryFile() throws Exception {
        Path blocked = folder.resolve("study.cmtl");
        Files.createDirectories(blocked.resolve("inside"));

        OutputFolder.OutputException e = assertThrows(OutputFolder.OutputException.class,
                () -> OutputFolder.write(blocked, () -> TrainCommand.writeText(blocked, "x")));

        assertEquals("cannot write " + blocked + ": Is a directory", e.getMessage());
        try (var left = Files.list(folder)) {
            assertEquals(1, left.count(), "no temporary file is left beside it");
        }
    }

    @Test
    void outputFileThatIsALinkIsRefusedEvenWithOverwrite() throws Exception {
        Path target = Files.writeString(folder.resolve("elsewhere.html"), "keep");
        Path link = Files.createSymbolicLink(folder.resolve("report.html"), target);

        ParameterException e = assertThrows(ParameterException.class,
                () -> OutputFolder.checkFile(new CommandLine(new Cli()).getCommandSpec(),
                        "--out", link, true));

        assertEquals("--out " + link + " is a link; the output cannot replace it, so choose "
                + "another name", e.getMessage());
        assertEquals("keep", Files.readString(target));
    }
}
