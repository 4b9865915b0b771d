package com.creditmtl.studio.study;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.model.MultiTaskNetworkFactory;
import com.creditmtl.studio.model.TrainingSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Run in a separate JVM by {@link StudyArchiveTest}: {@code predict STUDY CSV OUT} opens a study
 * and writes its predictions for the applicants of CSV, one line per applicant with every task's
 * value at full precision; {@code resave-wide STUDY} opens a study and saves a study with a
 * much wider network ({@link #wide}) over it again and again until the process is killed,
 * printing a line after each save, so that most of its time is spent writing.
 */
public final class StudyArchiveMain {

    private StudyArchiveMain() {
    }

    public static void main(String[] args) throws Exception {
        Path study = Path.of(args[1]);
        if (args[0].equals("predict")) {
            SavedStudy saved = StudyArchive.open(study);
            Files.write(Path.of(args[3]), predictions(saved, Path.of(args[2])),
                    StandardCharsets.UTF_8);
        } else if (args[0].equals("resave-wide")) {
            SavedStudy wide = wide(StudyArchive.open(study));
            while (true) {
                StudyArchive.save(wide, study);
                System.out.println("saved");
                System.out.flush();
            }
        } else {
            throw new IllegalArgumentException("predict or resave-wide, not " + args[0]);
        }
    }

    /** The study with an untrained network of three shared layers of 1,200 units, seed 11. */
    static SavedStudy wide(SavedStudy base) {
        TrainingSettings settings = TrainingSettings.reference(base.tasks())
                .withHiddenLayers(List.of(WIDTH, WIDTH, WIDTH)).withSeed(11);
        ComputationGraph network = MultiTaskNetworkFactory.build(
                base.preprocessor().featureCount(), settings);
        return new SavedStudy(base.encoder(), base.preprocessor(), network, base.scorecard(),
                base.importSpec(), base.driftReference(), base.settings(), base.metrics(),
                base.data(), base.created(), base.split(), base.testResults());
    }

    static final int WIDTH = 1_200;

    static List<String> predictions(SavedStudy saved, Path csv) throws Exception {
        CreditTable table = new CsvImporter().readFeatures(csv, saved.importSpec(),
                saved.encoder().numericFeatures(), saved.encoder().categoricalFeatures())
                .table();
        double[][] predicted = saved.predict(table, table.allRows());
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            StringBuilder line = new StringBuilder(table.id(r));
            for (double[] task : predicted) {
                line.append(String.format(Locale.ROOT, ",%.17g", task[r]));
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
