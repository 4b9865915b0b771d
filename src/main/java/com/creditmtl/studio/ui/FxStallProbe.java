package com.creditmtl.studio.ui;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps events waiting: every 10 ms a daemon thread posts a
 * probe with {@link Platform#runLater}, and the probe records how late it ran. The longest lag
 * seen is the longest stall of the FX thread, within the 10 ms sampling period; it includes
 * time the FX thread spent on any work (layout, chart drawing, other runLater calls), not only
 * this window's.
 */
public final class FxStallProbe {

    static final long PERIOD_MILLIS = 10;

    private final AtomicLong longestNanos = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> sampling;

    /** Starts sampling from zero; does nothing when already sampling. */
    public synchronized void start() {
        if (sampling != null) {
            return;
        }
        longestNanos.set(0);
        probes.set(0);
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

    /** Probes that have run since {@link #start}. */
    public long probes() {
        return probes.get();
    }

    private void post() {
        long posted = System.nanoTime();
        Platform.runLater(() -> {
            long lag = System.nanoTime() - posted;
            longestNanos.accumulateAndGet(lag, Math::max);
            probes.incrementAndGet();
        });
    }
}
