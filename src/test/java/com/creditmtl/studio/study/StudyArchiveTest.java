package com.creditmtl.studio.study;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportResult;
import com.creditmtl.studio.model.NativeRuntime;
import com.creditmtl.studio.model.TrainingSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saves a tiny study trained on synthetic applicants, reopens it in this and in another JVM, and
 * feeds the reader damaged, changed and hostile files.
 */
class StudyArchiveTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    private static final Path CHILD_ERRORS = Path.of("target", "study-archive-child.log");

    private static Path studyFile;
    private static Path applicants;
    private static SavedStudy saved;
    private static Study trained;

    @BeforeAll
    static void trainAndSave() throws Exception {
        Path data = folder.resolve("train.csv");
        Files.writeString(data, StudyTrainerTest.syntheticCsv(400, 3), UTF_8);
        ImportResult imported = new CsvImporter().read(data,
                com.creditmtl.studio.data.ImportOptions.defaults());
        TrainingSettings settings = TrainingSettings.defaults(imported.table().tasks())
                .withHiddenLayers(List.of(8)).withEpochs(2).withSeed(7);
        Study study = new StudyTrainer().train(imported.table(), settings, r -> { },
                () -> false);
        trained = study;
        saved = SavedStudy.of(study, imported.options(),
                DataFingerprint.of(data, imported.table().rowCount()));
        studyFile = folder.resolve(StudyArchive.FILE_NAME);
        StudyArchive.save(saved, studyFile);

        applicants = folder.resolve("new.csv");
        List<String> lines = StudyTrainerTest.syntheticCsv(60, 99).lines()
                .map(line -> line.substring(0, nthComma(line, 6))).toList();
        Files.write(applicants, lines, UTF_8);
    }

    @Test
    void reopenedStudyKeepsItsSettingsSplitHistoryMetricsAndTestApplicants() throws Exception {
        Study back = StudyArchive.open(studyFile).toStudy();

        assertEquals(trained.settings(), back.settings());
        assertTrue(java.util.Arrays.equals(trained.split().test(), back.split().test()));
        assertTrue(java.util.Arrays.equals(trained.split().train(), back.split().train()));
        assertEquals(trained.keptEpoch(), back.keptEpoch());
        assertEquals(trained.history().size(), back.history().size());
        for (int e = 0; e < trained.history().size(); e++) {
            for (int t = 0; t < trained.tasks().size(); t++) {
                var before = trained.history().get(e).losses().get(t);
                var after = back.history().get(e).losses().get(t);
                assertEquals(before.trainLoss(), after.trainLoss(), 0);
                assertEquals(before.weightedTrainLoss(), after.weightedTrainLoss(), 1e-12);
            }
        }
        assertEquals(trained.metrics(), back.metrics());
        assertEquals(trained.validationMetrics(), back.validationMetrics());
        assertEquals(trained.testResults().size(), back.testResults().size());
        for (int r = 0; r < trained.testResults().size(); r++) {
            ApplicantResult before = trained.testResults().get(r);
            ApplicantResult after = back.testResults().get(r);
            assertEquals(before.id(), after.id());
            assertTrue(java.util.Arrays.equals(before.actual(), after.actual()), before.id());
            assertTrue(java.util.Arrays.equals(before.predicted(), after.predicted()));
            assertEquals(before.score(), after.score(), 0);
            assertEquals(before.grade(), after.grade());
        }
    }

    private static int nthComma(String line, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = line.indexOf(',', at + 1);
        }
        return at;
    }

    @Test
    void reopenedInAnotherProcessPredictsAsTheSavedStudy() throws Exception {
        Path out = folder.resolve("child-predictions.csv");

        Process child = fork("predict", studyFile.toString(), applicants.toString(),
                out.toString());
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child did not finish");
        assertEquals(0, child.exitValue(), output(child));

        List<String> expected = StudyArchiveMain.predictions(saved, applicants);
        List<String> actual = Files.readAllLines(out, UTF_8);
        assertEquals(60, actual.size());
        assertSamePredictions(expected, actual);
    }

    @Test
    void fileHoldsTheManifestAndEveryPart() throws Exception {
        Map<String, byte[]> entries = entries(studyFile);

        List<String> expected = new ArrayList<>(List.of(StudyArchive.MANIFEST));
        expected.addAll(StudyArchive.PARTS);
        assertEquals(expected, new ArrayList<>(entries.keySet()));
        var manifest = JSON.readTree(entries.get(StudyArchive.MANIFEST));
        assertEquals(1, manifest.path("format_version").asInt());
        assertEquals(400, manifest.path("data").path("rows").asInt());
        assertEquals(64, manifest.path("data").path("sha256").asText().length());
        assertEquals(7, manifest.path("seed").asInt());
        assertEquals("1.0.0-M2.1", manifest.path("libraries").path("deeplearning4j").asText());
        int parameters = saved.network().numParams() > 0
                ? (int) saved.network().numParams() : -1;
        assertEquals(4L * parameters, entries.get(StudyArchive.PARAMETERS).length);
    }

    @Test
    void reopenedStudyKeepsScorecardAndDriftReference() throws Exception {
        SavedStudy back = StudyArchive.open(studyFile);

        assertEquals("overdue_amount", back.scorecard().amountTask());
        assertEquals(saved.scorecard().scale(), back.scorecard().scale());
        assertEquals(saved.driftReference().size(), back.driftReference().size());
        assertEquals(saved.encoder().outputNames(), back.encoder().outputNames());
        assertEquals(saved.data(), back.data());
    }

    @Test
    void killedWriteLeavesTheEarlierStudyWhole() throws Exception {
        // The child saves a study of 2.9 million parameters (12 MB) in a loop, so a kill lands
        // in the middle of a write most of the time; a hidden .part file left behind shows it.
        Path target = folder.resolve("killed.cmtl");
        boolean killedMidWrite = false;
        for (int attempt = 0; attempt < 4 && !killedMidWrite; attempt++) {
            Files.copy(studyFile, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Process child = fork("resave-wide", target.toString());
            BufferedReader lines = new BufferedReader(new InputStreamReader(
                    child.getInputStream(), UTF_8));
            assertEquals("saved", lines.readLine(), "the child did not save");
            Thread.sleep(100 + 150L * attempt);
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));

            SavedStudy survivor = StudyArchive.open(target);
            assertSamePredictions(StudyArchiveMain.predictions(StudyArchiveMain.wide(saved),
                    applicants), StudyArchiveMain.predictions(survivor, applicants));
            try (var files = Files.list(folder)) {
                killedMidWrite = files.map(f -> f.getFileName().toString())
                        .anyMatch(f -> f.startsWith(".killed.cmtl") && f.endsWith(".part"));
            }
        }
        assertTrue(killedMidWrite, "no kill landed in the middle of a write");
    }

    @Test
    void unseenBranchScoresLikeNoBranchAtAll() throws Exception {
        // both training branches are frequent, so there is no (other) column: an unseen branch
        // sets none of the branch columns
        Path file = folder.resolve("unseen.csv");
        Files.write(file, List.of("ID,income,utilisation,late_payments,age,branch",
                "A,50000,0.5,2,40,west", "B,50000,0.5,2,40,north", "C,50000,0.5,2,40,"), UTF_8);
        var table = new CsvImporter().readFeatures(file, saved.importSpec(),
                saved.encoder().numericFeatures(), saved.encoder().categoricalFeatures())
                .table();

        double[][] encoded = saved.encoder().transform(table, table.allRows());
        double[][] predicted = saved.predict(table, table.allRows());

        int north = saved.encoder().outputNames().indexOf("branch=north");
        int south = saved.encoder().outputNames().indexOf("branch=south");
        assertEquals(0, encoded[0][north] + encoded[0][south], 0);
        assertEquals(1, encoded[1][north], 0);
        assertEquals(predicted[0][0], predicted[0][2], 0);
        assertTrue(predicted[0][0] != predicted[0][1], "west scores as north");
    }

    @Test
    void truncatedFileIsRefusedNamingIt() throws Exception {
        byte[] bytes = Files.readAllBytes(studyFile);
        Path truncated = folder.resolve("truncated.cmtl");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertRefused(truncated, "truncated.cmtl");
    }

    @Test
    void flippedByteIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(studyFile);
        int middle = bytes.length / 2;
        bytes[middle] = (byte) (bytes[middle] ^ 0x5A);
        Path flipped = folder.resolve("flipped.cmtl");
        Files.write(flipped, bytes);

        assertRefused(flipped, "flipped.cmtl");
    }

    @Test
    void changedEntryIsRefusedNamingTheEntry() throws Exception {
        Path changed = rewrite("changed.cmtl", entries -> entries.put(StudyArchive.SCORECARD,
                new String(entries.get(StudyArchive.SCORECARD), UTF_8)
                        .replace("600.0", "700.0").getBytes(UTF_8)), false);

        String message = assertRefused(changed, "changed.cmtl");
        assertTrue(message.contains(StudyArchive.SCORECARD) && message.contains("SHA-256"),
                message);
    }

    @Test
    void entryOutsideTheFileIsRefused() throws Exception {
        Path hostile = rewrite("hostile.cmtl", entries -> entries.put("../x",
                "boo".getBytes(UTF_8)), false);

        String message = assertRefused(hostile, "hostile.cmtl");
        assertTrue(message.contains("unsafe name '../x'"), message);
    }

    @Test
    void unknownEntryIsRefusedNamingIt() throws Exception {
        Path extra = rewrite("extra.cmtl", entries -> entries.put("notes.txt",
                "hello".getBytes(UTF_8)), false);

        String message = assertRefused(extra, "extra.cmtl");
        assertTrue(message.contains("unknown entry 'notes.txt'"), message);
    }

    @Test
    void duplicateEntryIsRefused() throws Exception {
        // a name of the same length, renamed in the bytes: ZipOutputStream refuses duplicates
        Path twice = rewrite("twice.cmtl", entries -> entries.put("scorecardXjson",
                entries.get(StudyArchive.SCORECARD)), false);
        byte[] bytes = Files.readAllBytes(twice);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("scorecardXjson", StudyArchive.SCORECARD);
        Files.write(twice, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        String message = assertRefused(twice, "twice.cmtl");
        assertTrue(message.contains("scorecard.json twice"), message);
    }

    @Test
    void newerFormatIsRefusedNamingBothVersions() throws Exception {
        Path newer = rewrite("newer.cmtl", entries -> {
            ObjectNode manifest = (ObjectNode) read(entries.get(StudyArchive.MANIFEST));
            manifest.put("format_version", 2);
            entries.put(StudyArchive.MANIFEST, manifest.toString().getBytes(UTF_8));
        }, false);

        String message = assertRefused(newer, "newer.cmtl");
        assertTrue(message.contains("format 2") && message.contains("format 1"), message);
    }

    @Test
    void fileOverTheSizeLimitIsRefused() {
        StudyArchive.Limits small = new StudyArchive.Limits(1_000, 32, 1 << 20, 1 << 20,
                1 << 30);

        StudyFileException e = assertThrows(StudyFileException.class,
                () -> StudyArchive.open(studyFile, small));
        assertTrue(e.getMessage().contains("more than the 1,000 bytes"), e.getMessage());
    }

    @Test
    void entryUnpackingBeyondItsLimitIsRefused() throws Exception {
        // 20 MB of zeros pack into about 20 kB: a small zip bomb
        Path bomb = rewrite("bomb.cmtl", entries -> entries.put(StudyArchive.METRICS,
                new byte[20 << 20]), false);

        String message = assertRefused(bomb, "bomb.cmtl",
                new StudyArchive.Limits(512L << 20, 32, 1 << 20, 1 << 20, 1 << 30));
        assertTrue(message.contains("metrics.json unpacks to more than"), message);
    }

    @Test
    void tooManyEntriesAreRefused() throws Exception {
        Path many = rewrite("many.cmtl", entries -> {
            for (int i = 0; i < 40; i++) {
                entries.put("extra" + i, new byte[0]);
            }
        }, false);

        String message = assertRefused(many, "many.cmtl");
        assertTrue(message.contains("entries, more than the 32"), message);
    }

    @Test
    void entryOfTheWrongShapeIsRefusedNamingIt() throws Exception {
        Path wrong = rewrite("wrong.cmtl", entries -> entries.put(StudyArchive.ENCODER,
                "[1, 2]".getBytes(UTF_8)), true);

        String message = assertRefused(wrong, "wrong.cmtl");
        assertTrue(message.contains("entry encoder.json is not valid"), message);
    }

    @Test
    void networkNamingAForeignClassIsRefused() throws Exception {
        Path foreign = rewrite("foreign.cmtl", entries -> entries.put(StudyArchive.NETWORK,
                "{\"vertices\": {\"x\": {\"@class\": \"java.lang.ProcessBuilder\"}}}"
                        .getBytes(UTF_8)), true);

        String message = assertRefused(foreign, "foreign.cmtl");
        assertTrue(message.contains("java.lang.ProcessBuilder"), message);
    }

    @Test
    void csvFileIsRefusedAsNoStudy() throws Exception {
        String message = assertRefused(applicants, "new.csv");

        assertTrue(message.contains("damaged or not a study file"), message);
    }

    @Test
    void manifestOfAnotherFormatIsRefused() throws Exception {
        Path other = rewrite("other.cmtl", entries -> entries.put(StudyArchive.MANIFEST,
                "{\"format\": \"spreadsheet\", \"format_version\": 1}".getBytes(UTF_8)),
                false);

        String message = assertRefused(other, "other.cmtl");
        assertTrue(message.contains("is not a study file"), message);
    }

    @Test
    void missingFileIsRefusedNamingIt() {
        assertRefused(folder.resolve("absent.cmtl"), "absent.cmtl");
    }

    private static String assertRefused(Path file, String name) {
        return assertRefused(file, name, StudyArchive.Limits.DEFAULT);
    }

    private static String assertRefused(Path file, String name, StudyArchive.Limits limits) {
        StudyFileException e = assertThrows(StudyFileException.class,
                () -> StudyArchive.open(file, limits));
        assertTrue(e.getMessage().contains(name), e.getMessage());
        return e.getMessage();
    }

    private static void assertSamePredictions(List<String> expected, List<String> actual) {
        assertEquals(expected.size(), actual.size());
        for (int r = 0; r < expected.size(); r++) {
            String[] want = expected.get(r).split(",");
            String[] got = actual.get(r).split(",");
            assertEquals(want[0], got[0]);
            assertEquals(want.length, got.length);
            for (int t = 1; t < want.length; t++) {
                assertEquals(Double.parseDouble(want[t]), Double.parseDouble(got[t]), 1e-6,
                        "applicant " + want[0] + ", task " + t);
            }
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode read(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        return entries;
    }

    /** A copy of the study with entries changed, the manifest's checksums updated if asked. */
    private static Path rewrite(String name, Consumer<Map<String, byte[]>> change,
            boolean fixChecksums) throws IOException {
        Map<String, byte[]> entries = entries(studyFile);
        change.accept(entries);
        if (fixChecksums) {
            ObjectNode manifest = (ObjectNode) read(entries.get(StudyArchive.MANIFEST));
            for (String part : StudyArchive.PARTS) {
                ((ObjectNode) manifest.path("entries").path(part)).put("sha256",
                        DataFingerprint.sha256(entries.get(part)));
            }
            entries.put(StudyArchive.MANIFEST, manifest.toString().getBytes(UTF_8));
        }
        Path target = folder.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return target;
    }

    private static Process fork(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(NativeRuntime.JVM_OPTIONS);
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StudyArchiveMain.class.getName());
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectError(CHILD_ERRORS.toFile()).start();
    }

    /** What the child wrote, for the message of a failed assertion. */
    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), UTF_8)
                + Files.readString(CHILD_ERRORS, UTF_8);
    }
}
