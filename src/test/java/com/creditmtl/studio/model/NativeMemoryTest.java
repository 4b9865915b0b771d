package com.creditmtl.studio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains in a separate JVM started with the native-memory options the product's launchers use
 * ({@link NativeRuntime#JVM_OPTIONS}) and checks that its resident memory stays flat over
 * 100,000 optimiser steps once training has warmed up. The child's heap is fixed in size and
 * touched up front, and freed native memory is handed back to the system before each sample
 * ({@code malloc_trim}), so any growth of its resident memory is live memory outside the heap.
 * Resident memory settles during the first 60,000 or so steps (allocator pools, compiled code),
 * so those are the warm-up.
 */
class NativeMemoryTest {

    private static final Logger LOGGER = LoggerFactory.getLogger(NativeMemoryTest.class);
    private static final int ROWS = 3_200;
    private static final int BATCH = 32;
    private static final int WARM_UP_EPOCHS = 600;
    private static final int EPOCHS = WARM_UP_EPOCHS + 1_000;
    private static final long MEGABYTE = 1024 * 1024;

    @Test
    void residentMemoryStaysFlatOverOneHundredThousandStepsAfterWarmUp() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch"));
        command.addAll(NativeRuntime.JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                NativeMemoryTest.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<Long> samples = new ArrayList<>();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("rss ")) {
                    samples.add(Long.parseLong(line.substring(4)));
                } else {
                    output.add(line);
                }
            }
        }

        assertEquals(0, child.waitFor(), "training process failed: " + output);
        assertEquals(EPOCHS / 100, samples.size(), "one sample every 10,000 steps: " + output);
        LOGGER.info("Resident memory every 10,000 steps, MB: {}",
                samples.stream().map(b -> b / MEGABYTE).toList());
        List<Long> afterWarmUp = samples.subList(WARM_UP_EPOCHS / 100 - 1, samples.size());
        double growth = trendPerSample(afterWarmUp) * (afterWarmUp.size() - 1);
        assertTrue(growth < 32 * MEGABYTE, "resident memory grew by "
                + Math.round(growth / MEGABYTE) + " MB (least-squares trend) over the 100,000 "
                + "steps after warm-up: " + samples);
    }

    /**
     * Slope of the least-squares line through equally spaced samples: a leak shows as a steady
     * slope, while single samples scatter by some megabytes with the allocator's pools.
     */
    private static double trendPerSample(List<Long> samples) {
        int n = samples.size();
        double meanX = (n - 1) / 2.0;
        double meanY = samples.stream().mapToLong(Long::longValue).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            covariance += (i - meanX) * (samples.get(i) - meanY);
            variance += (i - meanX) * (i - meanX);
        }
        return covariance / variance;
    }

    /** Returns freed native memory to the system: JavaCPP's malloc_trim, private in this release. */
    private static void trimNativeHeap() {
        try {
            Method trim = Pointer.class.getDeclaredMethod("trimMemory");
            trim.setAccessible(true);
            trim.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot trim the native heap", e);
        }
    }

    /** The child: trains and prints its resident size after every 10,000 steps. */
    public static void main(String[] args) throws IOException {
        List<TaskSpec> tasks = SyntheticTasks.tasks(0.5, 0.25, 0.25);
        SyntheticTasks data = SyntheticTasks.create(tasks, ROWS, 400);
        TrainingSettings settings = SyntheticTasks.settings(tasks, EPOCHS, BATCH, 1)
                .withLearningRate(0.001);
        ComputationGraph network = MultiTaskNetworkFactory.build(SyntheticTasks.FEATURES,
                settings);

        new MultiTaskTrainer(settings).train(network, data.train, data.validation, report -> {
            if (report.epoch() % 100 == 0) {
                System.gc();
                trimNativeHeap();
                System.out.println("rss " + Pointer.physicalBytes());
            }
        }, () -> false);
        if (network.getIterationCount() != EPOCHS * ROWS / BATCH) {
            throw new IllegalStateException("ran " + network.getIterationCount() + " steps");
        }
    }
}
