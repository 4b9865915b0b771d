package com.creditmtl.studio.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many processor threads ND4J's native operations and matrix products may use. The command
 * line leaves ND4J its own choice (all cores). The window keeps one core free: its FX thread
 * and renderer share the machine with the training, and the network's matrices are too small
 * for a second thread to speed a step up by much (on the bundled table, 30 epochs took 5.6 s
 * with one thread against 6.0 s with two on a 2-core machine).
 */
public final class ComputeThreads {

    private static final Logger LOGGER = LoggerFactory.getLogger(ComputeThreads.class);

    private ComputeThreads() {
    }

    /** Limits ND4J to all cores but one, and to at least one. Returns the limit set. */
    public static int leaveOneCoreFree() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        limit(threads);
        return threads;
    }

    /**
     * Limits ND4J's native operations (the threads one operation splits into) and its BLAS
     * to this many threads. ND4J keeps its own pool size ({@code maxThreads}) as it is.
     */
    public static void limit(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        LOGGER.debug("ND4J limited to {} threads", threads);
    }

    /** The niceness {@link #lowerPriorityOfThisThread} gives a thread on Linux. */
    static final int BACKGROUND_NICENESS = 10;

    /**
     * The start of the names (as Linux keeps them, cut to 15 characters) of the JVM's
     * just-in-time compiler threads.
     */
    static final List<String> COMPILER_THREAD_NAMES = List.of("C1 CompilerThre",
            "C2 CompilerThre");

    /**
     * Gives the calling thread, and the native threads it starts later, a lower processor
     * priority than the window's threads, so that when both want the processor the window's
     * drawing goes first and a training waits. On Linux this is the thread's niceness
     * ({@value #BACKGROUND_NICENESS}), set with {@code renice}; a thread cannot raise its
     * priority again, so this is for threads that only ever do background work. Elsewhere, or
     * when {@code renice} is missing, nothing changes. Returns whether the priority was lowered.
     */
    public static boolean lowerPriorityOfThisThread() {
        Path self = Path.of("/proc/thread-self");
        if (!Files.isSymbolicLink(self)) {
            return false;
        }
        try {
            // "<process>/task/<thread>": the thread's own id, which renice takes as a process id
            String thread = Files.readSymbolicLink(self).getFileName().toString();
            boolean done = renice(List.of(thread));
            LOGGER.debug("Background thread {} {} niceness {}", thread,
                    done ? "runs at" : "could not be given", BACKGROUND_NICENESS);
            return done;
        } catch (IOException e) {
            LOGGER.debug("Background thread priority left as it is: {}", e.getMessage());
            return false;
        }
    }

    /**
     * Gives the JVM's just-in-time compiler threads the background niceness too. In the first
     * seconds of a training they compile its code and use most of a core; at the window's
     * priority they would take the processor from its drawing on a 2-core machine. Compiler
     * threads the JVM adds later are started by these and inherit their priority. Linux only,
     * like {@link #lowerPriorityOfThisThread}; returns how many threads were lowered.
     */
    public static int lowerPriorityOfCompilerThreads() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        List<String> compilers = new ArrayList<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                String name = readName(thread);
                if (COMPILER_THREAD_NAMES.stream().anyMatch(name::startsWith)) {
                    compilers.add(thread.getFileName().toString());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOGGER.debug("Compiler threads' priority left as it is: {}", e.getMessage());
            return 0;
        }
        boolean done = !compilers.isEmpty() && renice(compilers);
        LOGGER.debug("Compiler threads {} {} niceness {}", compilers,
                done ? "run at" : "could not be given", BACKGROUND_NICENESS);
        return done ? compilers.size() : 0;
    }

    /** A thread's name, or nothing when it has ended meanwhile. */
    private static String readName(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Sets these threads' niceness to the background one; whether {@code renice} did. */
    private static boolean renice(List<String> threads) {
        List<String> command = new ArrayList<>(List.of("renice", "-n",
                String.valueOf(BACKGROUND_NICENESS), "-p"));
        command.addAll(threads);
        try {
            Process renice = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            boolean done = renice.waitFor(5, TimeUnit.SECONDS) && renice.exitValue() == 0;
            if (!done) {
                renice.destroy();
            }
            return done;
        } catch (IOException e) {
            LOGGER.debug("renice could not run: {}", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The threads one native operation may use now. */
    public static int current() {
        return Nd4j.getEnvironment().maxMasterThreads();
    }

    /** The threads a BLAS matrix product may use now. */
    public static int blas() {
        return Nd4j.factory().blas().getMaxThreads();
    }
}
