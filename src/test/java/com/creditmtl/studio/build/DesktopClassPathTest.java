package com.creditmtl.studio.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The desktop build stays free of Spark: its test class path holds every runtime library that
 * {@code target/lib} and the installer get, so Spark or Scala showing up here would ship too.
 * Spark lives in the separate project {@code spark/}.
 */
class DesktopClassPathTest {

    @Test
    void sparkClassesAreNotLoadable() {
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("org.apache.spark.SparkContext"));
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("scala.collection.immutable.List"));
    }

    @Test
    void noSparkOrScalaJarIsOnTheClassPath() {
        List<String> found = Arrays.stream(System.getProperty("java.class.path")
                        .split(File.pathSeparator))
                .map(entry -> new File(entry).getName().toLowerCase(Locale.ROOT))
                .filter(name -> name.startsWith("spark-") || name.startsWith("scala-"))
                .toList();
        assertEquals(List.of(), found);
    }
}
