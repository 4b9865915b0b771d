package com.creditmtl.studio.study;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.model.TrainingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * A study trained once per test run on a synthetic table whose default risk is driven mostly by
 * {@code driver}, less by {@code late_payments}, a branch {@code east} and a missing
 * {@code income}, and not at all by {@code noise}. Shared by the tests of reasons, importance,
 * what-if, exports and the report.
 */
public final class DriverStudy {

    public static final int ROWS = 3_000;

    private static CreditTable table;
    private static Study study;

    private DriverStudy() {
    }

    public static synchronized CreditTable table() {
        train();
        return table;
    }

    public static synchronized Study study() {
        train();
        return study;
    }

    private static void train() {
        if (study != null) {
            return;
        }
        try {
            Path file = Files.createTempFile("driver-study", ".csv");
            Files.writeString(file, csv(ROWS, 17), UTF_8);
            table = new CsvImporter().importFile(file);
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        TrainingSettings settings = TrainingSettings.defaults(table.tasks())
                .withEpochs(12).withLearningRate(0.01).withSeed(3);
        study = new StudyTrainer().train(table, settings, report -> { }, () -> false);
    }

    static String csv(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("ID,driver,noise,late_payments,income,branch,"
                + "default_probability,overdue_days,overdue_amount\n");
        String[] branches = {"north", "south", "east"};
        for (int r = 0; r < rows; r++) {
            double driver = 10 * random.nextDouble();
            double noise = random.nextGaussian();
            int late = random.nextInt(4);
            boolean incomeMissing = random.nextDouble() < 0.1;
            double income = 50_000 + 15_000 * random.nextGaussian();
            String branch = branches[random.nextInt(3)];
            double logit = -1.5 + 0.9 * (driver - 5) + 0.3 * late
                    + (branch.equals("east") ? 0.8 : 0) + (incomeMissing ? 0.6 : 0);
            int defaulted = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            double days = Math.max(0, 10 + 3 * driver + 4 * late + 8 * random.nextGaussian());
            double amount = Math.max(0, 5_000 + 800 * driver + 0.05 * (income - 50_000)
                    + 3_000 * random.nextGaussian());
            csv.append(String.format(Locale.ROOT, "C%05d,%.3f,%.3f,%d,%s,%s,%d,%.0f,%.2f%n",
                    r + 1, driver, noise, late,
                    incomeMissing ? "" : String.format(Locale.ROOT, "%.0f", income),
                    branch, defaulted, days, amount));
        }
        return csv.toString();
    }
}
