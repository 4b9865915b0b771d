package com.creditmtl.studio.ui;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.TaskDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A small synthetic portfolio for the window's tests: two numeric features, a categorical
 * region and three tasks (a binary default, overdue days and an overdue amount), where debt
 * raises and income lowers every risk, and the north is riskier.
 */
final class SmallTable {

    static final String HEADER = "id,income,debt,region,bad,days,amount";
    static final List<String> REGIONS = List.of("north", "south", "east");

    private SmallTable() {
    }

    /** Rows of applicants, with outcomes, as CSV lines without the header. */
    static String rows(int count, long seed, int firstId) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder();
        for (int r = 0; r < count; r++) {
            double income = random.nextGaussian();
            double debt = random.nextGaussian();
            String region = REGIONS.get(random.nextInt(REGIONS.size()));
            double risk = debt - income + ("north".equals(region) ? 0.7 : 0);
            boolean bad = risk + random.nextGaussian() > 0.8;
            double days = Math.max(0, 10 * risk + 3 * random.nextGaussian());
            double amount = Math.max(0, 800 * risk + 200 * random.nextGaussian());
            csv.append(String.format(Locale.ROOT, "A%d,%.3f,%.3f,%s,%d,%.1f,%.0f%n",
                    firstId + r, income, debt, region, bad ? 1 : 0, days, amount));
        }
        return csv.toString();
    }

    static Path write(Path folder, String name, int count, long seed) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, HEADER + "\n" + rows(count, seed, 1), UTF_8);
        return file;
    }

    static ImportOptions options() {
        return ImportOptions.builder()
                .idColumn("id")
                .tasks(List.of(TaskDefinition.parse("bad:binary"),
                        TaskDefinition.parse("days:regression"),
                        TaskDefinition.parse("amount:regression")))
                .build();
    }

    /**
     * Writes a small table into the folder and imports it into the window's state, waiting
     * until the import has ended. Returns the file.
     */
    static Path importInto(MainViewModel model, Path folder, String name, int count, long seed)
            throws Exception {
        Path file = write(folder, name, count, seed);
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> model.open(file, options())).get();
        org.testfx.util.WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> model.tableProperty().get() != null && !model.busyProperty().get());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return file;
    }

    static CreditTable read(Path file) throws Exception {
        return new CsvImporter().read(file, options()).table();
    }
}
