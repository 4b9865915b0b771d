package com.creditmtl.studio.model;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The controls a caller has over a training run while it runs on another thread: pause,
 * resume, cancel and new task weights. The trainer polls it before every optimiser step, so
 * each request takes effect from the next step.
 *
 * <p>Any thread may call the request methods; only the training thread calls the polling
 * ones. A paused run holds its thread (and its memory) until resumed or cancelled; the time
 * spent paused is not counted in the epochs' elapsed time. It is itself a {@link
 * BooleanSupplier} saying whether the run is cancelled, so it can go wherever a cancel check
 * goes.
 */
public final class TrainingControl implements BooleanSupplier {

    private final BooleanSupplier externalCancel;
    private final Map<Integer, Double> pendingWeights = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile boolean cancelled;
    private boolean paused;
    private long pausedNanos;

    public TrainingControl() {
        this(() -> false);
    }

    /** A control also cancelled whenever {@code externalCancel} says so. */
    public TrainingControl(BooleanSupplier externalCancel) {
        this.externalCancel = externalCancel;
    }

    /** The control to use for a plain cancel check: itself if it is one, else a wrapper. */
    public static TrainingControl of(BooleanSupplier cancelled) {
        return cancelled instanceof TrainingControl control ? control
                : new TrainingControl(cancelled);
    }

    public void pause() {
        synchronized (lock) {
            paused = true;
        }
    }

    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    public void cancel() {
        cancelled = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    public boolean isPaused() {
        synchronized (lock) {
            return paused;
        }
    }

    /** Asks for a task's weight to become {@code weight} from the next step. */
    public void setWeight(int task, double weight) {
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("a weight must be 0 or more, was " + weight);
        }
        pendingWeights.put(task, weight);
    }

    @Override
    public boolean getAsBoolean() {
        return cancelled || externalCancel.getAsBoolean();
    }

    /**
     * Blocks the training thread while paused; returns at once when not paused, and as soon as
     * the run is resumed or cancelled. An external cancel is noticed within 50 ms.
     */
    void awaitResume() {
        synchronized (lock) {
            if (!paused) {
                return;
            }
            long start = System.nanoTime();
            try {
                while (paused && !getAsBoolean()) {
                    lock.wait(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
            } finally {
                pausedNanos += System.nanoTime() - start;
            }
        }
    }

    /** Nanoseconds spent paused so far. */
    long pausedNanos() {
        synchronized (lock) {
            return pausedNanos;
        }
    }

    /** Takes the weights asked for since the last call, by task index. */
    Map<Integer, Double> takePendingWeights() {
        if (pendingWeights.isEmpty()) {
            return Map.of();
        }
        Map<Integer, Double> taken = new HashMap<>();
        for (Integer task : pendingWeights.keySet()) {
            Double weight = pendingWeights.remove(task);
            if (weight != null) {
                taken.put(task, weight);
            }
        }
        return taken;
    }
}
