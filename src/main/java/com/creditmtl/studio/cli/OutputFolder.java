package com.creditmtl.studio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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
        Files.createDirectories(path);
        TrainCommand.writeText(path.resolve(fileName), JSON.writeValueAsString(json) + "\n");
        console.printf("Wrote %s%n", path.resolve(fileName));
        console.flush();
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
        if (!overwrite) {
            for (String name : results) {
                if (Files.exists(path.resolve(name))) {
                    throw new ParameterException(spec.commandLine(), "--out " + path
                            + " already holds " + name + " of an earlier run; choose another "
                            + "folder or add --overwrite");
                }
            }
        }
    }

    /**
     * Refuses, before any work, an output file that is a folder, that exists without
     * {@code --overwrite}, or whose folder cannot be written.
     */
    static void checkFile(CommandSpec spec, String option, Path file, boolean overwrite) {
        if (Files.isDirectory(file)) {
            throw new ParameterException(spec.commandLine(), option + " " + file
                    + " is a folder, not a file");
        }
        if (Files.exists(file) && !overwrite) {
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
