package com.creditmtl.studio.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark session of a job: the master given on the command line, else the one spark-submit
 * set, else {@code local[*]} in this JVM, the embedded default. Sets one OpenMP thread per
 * executor task ({@code spark.executorEnv.OMP_NUM_THREADS=1}) unless configured otherwise; in
 * local mode the tasks run in this JVM, which must itself be started with
 * {@code OMP_NUM_THREADS=1} (a warning says so when it was not). Input files are split into
 * partitions of at most 16 MB unless {@code spark.sql.files.maxPartitionBytes} is set.
 */
final class SparkSessions {

    static final String DEFAULT_MASTER = "local[*]";
    private static final Logger LOGGER = LoggerFactory.getLogger(SparkSessions.class);

    private SparkSessions() {
    }

    static SparkSession start(String appName, String master) {
        SparkConf conf = new SparkConf();
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(DEFAULT_MASTER);
        }
        conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1");
        // a 100 MB CSV of a million applicants becomes 7 tasks, not one of 128 MB
        conf.setIfMissing("spark.sql.files.maxPartitionBytes", "16m");
        boolean local = conf.get("spark.master").startsWith("local");
        if (local) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.sql.shuffle.partitions", "8");
            if (!"1".equals(System.getenv("OMP_NUM_THREADS"))) {
                LOGGER.warn("OMP_NUM_THREADS is not 1 in this JVM: in local mode ND4J's native "
                        + "threads may oversubscribe the cores; start it with OMP_NUM_THREADS=1");
            }
        }
        SparkSession session = SparkSession.builder().appName(appName).config(conf)
                .getOrCreate();
        LOGGER.info("Spark {} on {}", session.version(), conf.get("spark.master"));
        return session;
    }
}
