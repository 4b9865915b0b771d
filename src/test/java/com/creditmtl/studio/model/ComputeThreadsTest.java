package com.creditmtl.studio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ComputeThreadsTest {

    @Test
    void limitsNd4jAndLeavesOneCoreForTheWindow() {
        int before = ComputeThreads.current();
        try {
            ComputeThreads.limit(1);
            assertEquals(1, ComputeThreads.current());
            assertEquals(1, ComputeThreads.blas());
            int left = ComputeThreads.leaveOneCoreFree();
            assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), left);
            assertEquals(left, ComputeThreads.current());
            assertEquals(left, ComputeThreads.blas());
        } finally {
            ComputeThreads.limit(before);
        }
    }

    @Test
    void refusesFewerThanOneThread() {
        assertThrows(IllegalArgumentException.class, () -> ComputeThreads.limit(0));
    }

    @Test
    void backgroundThreadGetsALowerPriorityOnLinux() throws Exception {
        AtomicReference<Boolean> lowered = new AtomicReference<>();
        AtomicReference<Integer> niceness = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            lowered.set(ComputeThreads.lowerPriorityOfThisThread());
            if (reniceWorks()) {
                niceness.set(niceness(Path.of("/proc/thread-self")));
            }
        });
        thread.start();
        thread.join();

        assertEquals(reniceWorks(), lowered.get());
        if (reniceWorks()) {
            assertTrue(niceness.get() >= ComputeThreads.BACKGROUND_NICENESS,
                    "niceness " + niceness.get());
        }
    }

    @Test
    void compilerThreadsGetTheBackgroundPriorityOnLinux() throws IOException {
        int lowered = ComputeThreads.lowerPriorityOfCompilerThreads();

        if (!reniceWorks()) {
            assertEquals(0, lowered);
            return;
        }
        List<Path> compilers;
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            compilers = threads.filter(thread -> ComputeThreads.COMPILER_THREAD_NAMES.stream()
                    .anyMatch(name(thread)::startsWith)).toList();
        }
        // HotSpot runs at least one C1 and one C2 compiler thread unless told otherwise
        assertTrue(lowered >= 1, "lowered " + lowered);
        assertTrue(compilers.size() >= lowered, compilers + " against " + lowered);
        for (Path compiler : compilers) {
            assertTrue(niceness(compiler) >= ComputeThreads.BACKGROUND_NICENESS,
                    name(compiler) + " niceness " + niceness(compiler));
        }
    }

    private static boolean reniceWorks() {
        return Files.isSymbolicLink(Path.of("/proc/thread-self"))
                && (Files.isExecutable(Path.of("/usr/bin/renice"))
                        || Files.isExecutable(Path.of("/bin/renice")));
    }

    private static String name(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** The thread's niceness: the 19th field of its stat, counted after the command's ")". */
    private static int niceness(Path thread) {
        try {
            String text = Files.readString(thread.resolve("stat"));
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
