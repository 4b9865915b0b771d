package com.creditmtl.studio.model;

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

    /** The threads one native operation may use now. */
    public static int current() {
        return Nd4j.getEnvironment().maxMasterThreads();
    }

    /** The threads a BLAS matrix product may use now. */
    public static int blas() {
        return Nd4j.factory().blas().getMaxThreads();
    }
}
