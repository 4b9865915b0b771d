package com.creditmtl.studio.study;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path folder;

    @Test
    void failedWriteLeavesTheEarlierFileAndNoTemporaryFile() throws Exception {
        Path file = folder.resolve("scores.csv");
        Files.writeString(file, "earlier", UTF_8);

        assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write("half".getBytes(UTF_8));
            throw new IOException("disk full");
        }));

        assertEquals("earlier", Files.readString(file, UTF_8));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void contentThatClosesItsStreamIsStillWrittenWhole() throws Exception {
        Path file = folder.resolve("report.txt");

        AtomicFile.write(file, out -> {
            out.write("whole".getBytes(UTF_8));
            out.close();
        });
        StudyFiles.writeAtomically(folder.resolve("text.txt"), writer -> {
            writer.write("text");
            writer.close();
        });

        assertEquals("whole", Files.readString(file, UTF_8));
        assertEquals("text", Files.readString(folder.resolve("text.txt"), UTF_8));
    }
}
