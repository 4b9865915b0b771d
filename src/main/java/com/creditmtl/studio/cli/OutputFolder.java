package com.creditmtl.studio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --out} and {@code --overwrite}, shared by the commands that write results: checked
 * before any work starts, so a long run never ends in a folder it cannot write, and results of an
 * earlier run are never replaced unless the analyst says so.
 */
final class OutputFolder {

    /** How the commands write their JSON results: indented, for people as well as programs. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for the results; created once the run has succeeded.")
    private Path path;

    @Option(names = "--overwrite",
            description = "Replace the results of an earlier run in the --out folder.")
    private boolean overwrite;

    Path path() {
        return path;
    }

    /** Writes one JSON result into the folder, creating it, and says so on the console. */
    void writeJson(String fileName, JsonNode json, PrintWriter console) throws IOException {
        String text = JSON.writeValueAsString(json) + "\n";
        write(path, () -> Files.createDirectories(path));
        write(path.resolve(fileName), () -> TrainCommand.writeText(path.resolve(fileName), text));
        console.printf("Wrote %s%n", path.resolve(fileName));
        console.flush();
    }

    /** Writing one output, which may fail. */
    @FunctionalInterface
    interface Writing {
        void run() throws IOException;
    }

    /**
     * A write of an output that failed, with a message naming that output: files are written
     * through a hidden temporary file beside them, whose name means nothing to the analyst.
     */
    static final class OutputException extends IOException {

        private static final long serialVersionUID = 1L;

        OutputException(Path file, IOException cause) {
            super("cannot write " + file + ": " + reason(cause), cause);
        }
    }

    /**
     * Runs one write of {@code file}.
     *
     * @throws OutputException naming {@code file} when the write fails
     */
    static void write(Path file, Writing writing) throws OutputException {
        try {
            writing.run();
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) {
            throw new OutputException(file, e);
        }
    }

    /** The reason alone: the file names of a file system's message may be temporary ones. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fileSystem) {
            if (fileSystem.getReason() != null) {
                return fileSystem.getReason();
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (e instanceof NoSuchFileException) {
                return "no such file or folder";
            }
            if (e instanceof DirectoryNotEmptyException) {
                return "a folder that is not empty is in the way";
            }
            return e.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Tries it: permissions alone do not tell, for example on a read-only file system. */
    static boolean canWriteIn(Path directory) {
        try {
            Files.delete(Files.createTempFile(directory, ".credit-mtl-probe", ".tmp"));
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * @param results the names of the files the command writes into the folder
     * @throws ParameterException when the folder is a file, cannot be created or written, or
     *     already holds one of the results and {@code --overwrite} is not given
     */
    void check(CommandSpec spec, List<String> results) {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new ParameterException(spec.commandLine(), "--out " + path + " is a file, "
                    + "not a folder");
        }
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !canWriteIn(existing)) {
            throw new ParameterException(spec.commandLine(), "--out " + path + " cannot be "
                    + "written: no file can be made in " + existing);
        }
        for (String name : results) {
            // with --overwrite too: a result is written beside and moved over its old copy,
            // which fails for a folder only once the training is done and other results replaced
            Path file = path.resolve(name);
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new ParameterException(spec.commandLine(), "--out " + path + " holds "
                        + name + ", which is " + kind(file) + "; results cannot replace it, so "
                        + "move it away or choose another folder");
            }
        }
        if (!overwrite) {
            for (String name : results) {
                if (Files.exists(path.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    throw new ParameterException(spec.commandLine(), "--out " + path
                            + " already holds " + name + " of an earlier run; choose another "
                            + "folder or add --overwrite");
                }
            }
        }
    }

    /** "a folder", "a link" or "not a regular file", for a path that is not a regular file. */
    private static String kind(Path file) {
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            return "a folder";
        }
        return Files.isSymbolicLink(file) ? "a link" : "not a regular file";
    }

    /**
     * Refuses, before any work, an output file that is a folder, a link or otherwise not a
     * regular file, that exists without {@code --overwrite}, or whose folder cannot be written.
     */
    static void checkFile(CommandSpec spec, String option, Path file, boolean overwrite) {
        if (Files.isDirectory(file)) {
            throw new ParameterException(spec.commandLine(), option + " " + file
                    + " is a folder, not a file");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ParameterException(spec.commandLine(), option + " " + file + " is "
                    + kind(file) + "; the output cannot replace it, so choose another name");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !overwrite) {
            throw new ParameterException(spec.commandLine(), option + " " + file
                    + " exists already; choose another name or add --overwrite");
        }
        Path existing = file.toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !canWriteIn(existing)) {
            throw new ParameterException(spec.commandLine(), option + " " + file
                    + " cannot be written: no file can be made in " + existing);
        }
    }
}
