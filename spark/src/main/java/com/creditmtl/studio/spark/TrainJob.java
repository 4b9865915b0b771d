package com.creditmtl.studio.spark;

import com.creditmtl.studio.cli.RunOptions;
import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.ImportResult;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.model.EpochReport;
import com.creditmtl.studio.model.NativeRuntime;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.scoring.GradeScale;
import com.creditmtl.studio.scoring.ScoreScale;
import com.creditmtl.studio.study.DataFingerprint;
import com.creditmtl.studio.study.SavedStudy;
import com.creditmtl.studio.study.Study;
import com.creditmtl.studio.study.StudyArchive;
import com.creditmtl.studio.study.StudyFiles;
import com.creditmtl.studio.study.StudyTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains a study on Spark with the desktop {@code train} command's options, tasks, weights and
 * settings. The driver reads the file, splits it and fits the leakage guard, encoding and
 * preprocessing exactly as the desktop does ({@link StudyTrainer#prepare}); only the
 * optimisation is distributed, by {@link ParameterAveraging}. After every improvement of the
 * validation loss the study so far is written to {@code OUT/study.cmtl}, so a stopped run
 * leaves its best network; at the end {@code OUT} holds {@code study.cmtl},
 * {@code metrics.json} and {@code predictions.csv} as the desktop writes them, and the window
 * and {@code score} open the study as any other.
 *
 * <p>Limits: {@code --data} and {@code --out} are paths on the driver's machine and the whole
 * table is held in the driver's memory (run with {@code --deploy-mode client}); the training
 * rows are sent to the executors once and kept in their memory.
 */
@Command(name = "train-job", mixinStandardHelpOptions = true,
        description = "Train a study on Spark by parameter averaging.")
public final class TrainJob implements Callable<Integer> {

    private static final Logger LOGGER = LoggerFactory.getLogger(TrainJob.class);

    @Mixin
    RunOptions run;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for study.cmtl, metrics.json and predictions.csv.")
    Path out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "2",
            description = "Partitions of the training rows, trained side by side "
                    + "(default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--rounds-per-epoch", paramLabel = "N", defaultValue = "1",
            description = "Averagings per epoch (default: ${DEFAULT-VALUE}).")
    int roundsPerEpoch;

    @Option(names = "--quiet", description = "No line per epoch.")
    boolean quiet;

    /** The study trained last, for tests. */
    Study study;

    public static void main(String[] args) {
        NativeRuntime.prepareProperties();
        System.exit(new CommandLine(new TrainJob()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        SparkSession spark = SparkSessions.start("credit-mtl train", master);
        try {
            run(spark);
        } finally {
            spark.stop();
        }
        return 0;
    }

    /** Trains in a session that the caller owns. */
    Study run(SparkSession spark) throws Exception {
        ImportResult imported = run.read();
        CreditTable table = imported.table();
        TrainingSettings settings = run.settings(table);
        Path data = run.data();
        DataFingerprint fingerprint = DataFingerprint.of(data, table.rowCount());
        StudyTrainer trainer = new StudyTrainer(ScoreScale.DEFAULT, GradeScale.DEFAULT,
                run.evaluation());
        trainer.scorecard(settings.tasks());
        Files.createDirectories(out);
        Path studyFile = out.resolve(StudyArchive.FILE_NAME);

        StudyTrainer.Prepared prepared = StudyTrainer.prepare(table, settings,
                imported.options().keep());
        TrainingSettings resolved = settings.resolveL2(prepared.split().train().length);
        ComputationGraph network = prepared.network(resolved);
        LOGGER.info("Training on {} rows ({} for training) in {} partitions, {} epochs, "
                + "batch {}, seed {}", table.rowCount(), prepared.split().train().length,
                partitions, resolved.epochs(), resolved.batchSize(), resolved.seed());
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ParameterAveraging averaging = new ParameterAveraging(context, resolved, partitions,
                roundsPerEpoch);
        long start = System.nanoTime();
        // a checkpoint is judged on validation only: the quick evaluation is enough for it
        StudyTrainer quick = trainer.withEvaluation(run.evaluation().withResamples(10));
        List<EpochReport> history = averaging.train(network, prepared.train(),
                prepared.validation(), this::print, (best, epoch, sofar) -> {
                    Study checkpoint = quick.finish(prepared, resolved, best, sofar, epoch,
                            (System.nanoTime() - start) / 1e9);
                    StudyArchive.save(SavedStudy.of(checkpoint, imported.options(),
                            fingerprint), studyFile);
                });
        double seconds = (System.nanoTime() - start) / 1e9;

        study = trainer.finish(prepared, resolved, network, history, averaging.bestEpoch(),
                seconds);
        StudyFiles.writeMetrics(study, data.getFileName().toString(),
                out.resolve(StudyFiles.METRICS));
        StudyFiles.writePredictions(study, out.resolve(StudyFiles.PREDICTIONS));
        StudyArchive.save(SavedStudy.of(study, imported.options(), fingerprint), studyFile);
        summarise(study);
        return study;
    }

    private void print(EpochReport report) {
        if (quiet) {
            return;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %3d/%d %6.1f s",
                report.epoch(), report.epochs(), report.elapsedSeconds()));
        report.losses().forEach(loss -> line.append(String.format(Locale.ROOT, "  %s %.4f/%.4f",
                loss.task(), loss.trainLoss(), loss.validationLoss())));
        System.out.println(line);
    }

    private void summarise(Study trained) {
        System.out.printf(Locale.ROOT, "Trained %d epochs in %.1f s on %d partitions; kept "
                + "epoch %d%n", trained.history().size(), trained.trainSeconds(), partitions,
                trained.keptEpoch());
        for (TaskMetrics m : trained.metrics()) {
            System.out.printf(Locale.ROOT, "  %-24s %s%n", m.task(), m.type().name()
                    .equals("BINARY") ? String.format(Locale.ROOT, "AUC %.4f  KS %.4f", m.auc(),
                    m.ks()) : String.format(Locale.ROOT, "MAE %,.2f", m.mae()));
        }
        System.out.println("Wrote " + out.resolve(StudyArchive.FILE_NAME));
    }
}
