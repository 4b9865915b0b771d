package com.creditmtl.studio.study;

import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.CreditTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Run in a separate JVM by {@link StudyArchiveTest}: {@code predict STUDY CSV OUT} opens a study
 * and writes its predictions for the applicants of CSV, one line per applicant with every task's
 * value at full precision; {@code resave STUDY} opens a study and saves it over itself again and
 * again until the process is killed, printing a line after the first save.
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
        } else if (args[0].equals("resave")) {
            SavedStudy saved = StudyArchive.open(study);
            for (long round = 0; ; round++) {
                StudyArchive.save(saved, study);
                if (round == 0) {
                    System.out.println("saved");
                    System.out.flush();
                }
            }
        } else {
            throw new IllegalArgumentException("predict or resave, not " + args[0]);
        }
    }

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
