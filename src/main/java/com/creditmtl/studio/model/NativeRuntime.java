package com.creditmtl.studio.model;

import java.util.List;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings of ND4J's native back end that must be in place before the first network is built.
 *
 * <p>Our network is small (tens of inputs, 64 units), so each operation is far too short to gain
 * from several OpenMP threads: on two cores they oversubscribe and an epoch can stall for tens of
 * seconds. One native thread is used for operations and BLAS by default; the system property
 * {@value #THREADS_PROPERTY} sets another number (see docs/benchmarks.md for what it does here).
 * JavaCPP's check of the process size on every native allocation is switched off, unless the JVM
 * was started with its own value.
 */
public final class NativeRuntime {

    private static final Logger LOGGER = LoggerFactory.getLogger(NativeRuntime.class);
    private static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    /**
     * The JavaCPP options every JVM of the product starts with (launchers, tests, installer).
     * {@link #prepareProperties} sets the same values when a JVM was started without them.
     */
    public static final List<String> JVM_OPTIONS = List.of("-D" + MAX_PHYSICAL_BYTES + "=0");
    /** System property with the number of native threads for ND4J's operations and BLAS. */
    public static final String THREADS_PROPERTY = "credit.mtl.nativeThreads";
    private static volatile boolean configured;

    private NativeRuntime() {
    }

    /**
     * Sets the JavaCPP property; must run before any ND4J class is loaded, so the entry points
     * call it first thing.
     */
    public static void prepareProperties() {
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
    }

    /** Idempotent; safe to call from any thread before training. */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        prepareProperties();
        int threads = Math.max(1, Integer.getInteger(THREADS_PROPERTY, 1));
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        configured = true;
        LOGGER.debug("ND4J back end {} with {} native thread(s)",
                Nd4j.getBackend().getClass().getSimpleName(), threads);
    }
}
