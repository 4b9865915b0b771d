package com.creditmtl.studio.study;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file whole or not at all: the content goes to a temporary file in the same folder,
 * is forced to disk, and the temporary file is moved over the target in one step. A write that
 * is stopped, even by a killed process, leaves the previous file intact (and possibly a hidden
 * {@code .part} file beside it, which nothing reads). The file is readable by everyone, as files
 * an analyst writes usually are; a temporary file would start private.
 */
public final class AtomicFile {

    private static final Logger LOGGER = LoggerFactory.getLogger(AtomicFile.class);

    private AtomicFile() {
    }

    /** Writes the bytes of a file. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path file, Content content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".part");
        try {
            if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temporary,
                        PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (FileOutputStream stream = new FileOutputStream(temporary.toFile())) {
                BufferedOutputStream buffered = new BufferedOutputStream(stream, 1 << 16);
                content.write(new FilterOutputStream(buffered) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void close() throws IOException {
                        // a writer closed by the content must not close the file before it is
                        // forced to disk
                        flush();
                    }
                });
                buffered.flush();
                stream.getFD().sync();
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Makes the rename itself durable; not every file system allows it, which is harmless. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOGGER.debug("Cannot force the folder {} to disk", directory, e);
        }
    }
}
