package com.creditmtl.studio.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps events waiting: every 10 ms a daemon thread posts a
 * probe with {@link Platform#runLater}, and the probe records how late it ran. The longest lag
 * seen is the longest stall of the FX thread, within the 10 ms sampling period, in wall-clock
 * time: it includes the FX thread's own work (layout, chart drawing, other runLater calls),
 * garbage-collection pauses, and time the operating system gave the process no processor.
 *
 * <p>On a loaded machine the last part dominates, so the probe also reports the processor time
 * the FX thread itself used between two consecutive probes, the longest such span being the
 * longest stretch of work this program put on the FX thread ({@link #longestBusyMillis}).
 * Processor time per thread may be unsupported by the JVM; the figure is then NaN.
 */
public final class FxStallProbe {

    static final long PERIOD_MILLIS = 10;

    /** Lags at least this long are kept, with when they began, to find their cause. */
    static final long NOTED_MILLIS = 20;
    private static final int NOTED_LIMIT = 200;

    private final AtomicLong longestNanos = new AtomicLong();
    private final List<Stall> noted = new CopyOnWriteArrayList<>();
    private volatile long startNanos;
    private final AtomicLong probes = new AtomicLong();
    private final AtomicLong longestBusyNanos = new AtomicLong();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
    /** The FX thread's processor time at the last probe, -1 before the first; FX thread only. */
    private long lastCpuNanos = -1;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> sampling;

    /** Starts sampling from zero; does nothing when already sampling. */
    public synchronized void start() {
        if (sampling != null) {
            return;
        }
        longestNanos.set(0);
        probes.set(0);
        noted.clear();
        longestBusyNanos.set(0);
        startNanos = System.nanoTime();
        if (Platform.isFxApplicationThread() && cpuTime) {
            // the work the FX thread does from now on counts, up to the first probe
            lastCpuNanos = threads.getCurrentThreadCpuTime();
        } else {
            Platform.runLater(() -> lastCpuNanos = -1);
        }
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "fx-stall-probe");
                thread.setDaemon(true);
                return thread;
            });
        }
        sampling = timer.scheduleAtFixedRate(this::post, 0, PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Stops sampling; the figures stay readable. */
    public synchronized void stop() {
        if (sampling != null) {
            sampling.cancel(false);
            sampling = null;
        }
    }

    /** The longest lag of a probe in milliseconds since {@link #start}. */
    public double longestStallMillis() {
        return longestNanos.get() / 1e6;
    }

    /**
     * The most processor time, in ms, the FX thread used between two consecutive probes since
     * {@link #start}: its longest stretch of work; NaN when the JVM cannot tell.
     */
    public double longestBusyMillis() {
        return cpuTime ? longestBusyNanos.get() / 1e6 : Double.NaN;
    }

    /** Probes that have run since {@link #start}. */
    public long probes() {
        return probes.get();
    }

    /** The lags of at least {@value #NOTED_MILLIS} ms since {@link #start}, oldest first. */
    public List<Stall> stalls() {
        return List.copyOf(noted);
    }

    /**
     * A long lag.
     *
     * @param atMillis when the late probe was posted, after {@link #start}
     * @param lagMillis how late it ran
     */
    public record Stall(double atMillis, double lagMillis) {
    }

    private void post() {
        long posted = System.nanoTime();
        Platform.runLater(() -> {
            long lag = System.nanoTime() - posted;
            longestNanos.accumulateAndGet(lag, Math::max);
            if (cpuTime) {
                long cpu = threads.getCurrentThreadCpuTime();
                if (lastCpuNanos >= 0) {
                    longestBusyNanos.accumulateAndGet(cpu - lastCpuNanos, Math::max);
                }
                lastCpuNanos = cpu;
            }
            if (lag >= NOTED_MILLIS * 1_000_000 && noted.size() < NOTED_LIMIT) {
                noted.add(new Stall((posted - startNanos) / 1e6, lag / 1e6));
            }
            probes.incrementAndGet();
        });
    }
}
