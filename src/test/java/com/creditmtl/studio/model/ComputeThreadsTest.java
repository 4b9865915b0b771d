package com.creditmtl.studio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
