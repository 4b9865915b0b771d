package com.creditmtl.studio.data;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportProgressTest {

    @TempDir
    static Path folder;

    private static Path file;

    @BeforeAll
    static void writeTwentyThousandRows() throws Exception {
        StringBuilder csv = new StringBuilder("x,y,default_probability\n");
        for (int r = 0; r < 20_000; r++) {
            csv.append(r % 97).append(',').append(r * 0.5).append(',').append(r % 2).append('\n');
        }
        file = folder.resolve("rows.csv");
        Files.writeString(file, csv, UTF_8);
    }

    @Test
    void progressRisesToOne() throws Exception {
        List<Double> seen = new ArrayList<>();

        new CsvImporter().read(file, ImportOptions.defaults(), seen::add, () -> false);

        assertTrue(seen.size() >= 2, seen.toString());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), seen.toString());
        }
        assertEquals(1.0, seen.get(seen.size() - 1), 0);
    }

    @Test
    void cancelStopsTheImport() {
        assertThrows(CancellationException.class, () -> new CsvImporter().read(file,
                ImportOptions.defaults(), CsvImporter.Progress.NONE, () -> true));
    }
}
