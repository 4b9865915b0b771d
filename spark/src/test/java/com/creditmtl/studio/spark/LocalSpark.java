package com.creditmtl.studio.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** One Spark session in local mode, {@code local[2]}, shared by the tests of this JVM. */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSessions.start("credit-mtl tests", "local[2]");
            // small partitions, so that a test file of a few MB is scored by several tasks
            session.conf().set("spark.sql.files.maxPartitionBytes", String.valueOf(512 << 10));
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }

    /** The project's top folder (surefire sets {@code core.dir}; else the parent folder). */
    static Path coreDir() {
        return Path.of(System.getProperty("core.dir", "..")).toAbsolutePath().normalize();
    }

    static Path bundledTable() {
        return coreDir().resolve("assets/data/taiwan-credit-mtl.csv");
    }
}
