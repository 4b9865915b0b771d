package com.creditmtl.studio.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
            Process renice = new ProcessBuilder("renice", "-n",
                    String.valueOf(BACKGROUND_NICENESS), "-p", thread)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            boolean done = renice.waitFor(5, TimeUnit.SECONDS) && renice.exitValue() == 0;
            if (!done) {
                renice.destroy();
            }
            LOGGER.debug("Background thread {} {} niceness {}", thread,
                    done ? "runs at" : "could not be given", BACKGROUND_NICENESS);
            return done;
        } catch (IOException e) {
            LOGGER.debug("Background thread priority left as it is: {}", e.getMessage());
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
