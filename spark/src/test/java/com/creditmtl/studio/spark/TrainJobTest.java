package com.creditmtl.studio.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.cli.Cli;
import com.creditmtl.studio.study.SavedStudy;
import com.creditmtl.studio.study.Study;
import com.creditmtl.studio.study.StudyArchive;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Training on Spark against the desktop's {@code train} with the same default settings on the
 * bundled table: the full comparison (50 epochs at most, early stopping, batch 32), in local
 * mode with 2 partitions.
 */
class TrainJobTest {

    @TempDir
    Path dir;

    @Test
    void trainJobReachesTheDesktopsTestAucWithTheSameSettings() throws Exception {
        String table = LocalSpark.bundledTable().toString();
        Path desktopOut = dir.resolve("desktop");
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"train", "--data", table, "--quiet", "--out",
                desktopOut.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(0, code, err.toString());
        JsonNode desktop = new ObjectMapper().readTree(desktopOut.resolve("metrics.json")
                .toFile()).path("tasks");

        TrainJob job = new TrainJob();
        Path sparkOut = dir.resolve("spark");
        new CommandLine(job).parseArgs("--data", table, "--out", sparkOut.toString(),
                "--partitions", "2", "--quiet");
        Study study = job.run(LocalSpark.session());

        double desktopAuc = desktop.path("default_probability").path("auc").asDouble();
        double sparkAuc = study.metrics().get(0).auc();
        assertTrue(Math.abs(sparkAuc - desktopAuc) <= 0.01,
                "AUC on Spark " + sparkAuc + ", on the desktop " + desktopAuc);
        for (int t = 1; t < 3; t++) {
            String task = study.tasks().get(t).name();
            double want = desktop.path(task).path("mae").asDouble();
            double got = study.metrics().get(t).mae();
            assertTrue(Math.abs(got - want) <= 0.1 * want, task + " MAE on Spark " + got
                    + ", on the desktop " + want);
        }
        assertTrue(study.keptEpoch() >= 1 && study.keptEpoch() <= study.history().size());
        assertTrue(study.history().size() < 50 || study.keptEpoch() <= 50);

        // the file the job wrote is a study the desktop opens and scores the same way
        SavedStudy saved = StudyArchive.open(sparkOut.resolve(StudyArchive.FILE_NAME));
        assertEquals(study.keptEpoch(), saved.settings().path("kept_epoch").asInt());
        assertEquals(0.5, saved.settings().path("tasks").get(0).path("weight").asDouble());
        assertArrayEquals(study.network().params().data().asFloat(),
                saved.network().params().data().asFloat());
        assertEquals(sparkAuc, saved.metrics().path("tasks").path("default_probability")
                .path("auc").asDouble(), 1e-12);
    }

    @Test
    void trainJobRefusesDynamicTaskWeights() {
        TrainJob job = new TrainJob();
        new CommandLine(job).parseArgs("--data", LocalSpark.bundledTable().toString(), "--out",
                dir.resolve("refused").toString(), "--balancing", "dwa", "--epochs", "1");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> job.run(LocalSpark.session()));
        assertTrue(e.getMessage().contains("dynamic task weights"), e.getMessage());
    }
}
