package com.creditmtl.studio.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Made-up applicants for tests and benchmarks: rows of the bundled table drawn with
 * replacement, each amount column ({@code LIMIT_BAL}, {@code BILL_AMT*}, {@code PAY_AMT*})
 * scaled by a factor between 0.9 and 1.1 and rounded, numbered from 1 in an {@code ID} column;
 * the task columns are left out. The same seed gives the same file. Not a model of real
 * applicants: it only gives a scorer realistic values in realistic proportions.
 *
 * <p>{@code java -cp ... ApplicantGenerator SOURCE.csv ROWS SEED OUT.csv}
 */
public final class ApplicantGenerator {

    private static final Set<String> TASKS = Set.of("default_probability", "overdue_days",
            "overdue_amount");

    private ApplicantGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: ApplicantGenerator SOURCE.csv ROWS SEED OUT.csv");
            System.exit(2);
        }
        write(Path.of(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]),
                Path.of(args[3]));
    }

    /** Writes {@code rows} applicants drawn from the comma-separated source with the seed. */
    public static void write(Path source, int rows, long seed, Path out) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        List<String[]> table = new ArrayList<>(lines.size());
        for (String line : lines.subList(1, lines.size())) {
            table.add(line.split(",", -1));
        }
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            if (!TASKS.contains(header[c]) && !header[c].equals("ID")) {
                kept.add(c);
            }
        }

        Random random = new Random(seed);
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder("ID");
            for (int c : kept) {
                line.append(',').append(header[c]);
            }
            writer.write(line.append('\n').toString());
            for (int r = 1; r <= rows; r++) {
                String[] drawn = table.get(random.nextInt(table.size()));
                line.setLength(0);
                line.append(r);
                for (int c : kept) {
                    line.append(',').append(value(header[c], drawn[c], random));
                }
                writer.write(line.append('\n').toString());
            }
        }
    }

    private static String value(String column, String cell, Random random) {
        boolean amount = column.equals("LIMIT_BAL") || column.startsWith("BILL_AMT")
                || column.startsWith("PAY_AMT");
        if (!amount || cell.isEmpty()) {
            return cell;
        }
        double scaled = Double.parseDouble(cell) * (0.9 + 0.2 * random.nextDouble());
        return String.format(Locale.ROOT, "%d", Math.round(scaled));
    }
}
