package com.creditmtl.studio.study;

import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.Sentence;
import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.model.NativeRuntime;
import com.creditmtl.studio.prep.FeatureEncoder;
import com.creditmtl.studio.prep.Preprocessor;
import com.creditmtl.studio.prep.Split;
import com.creditmtl.studio.scoring.Scorecard;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The study file {@code study.cmtl}: one zip holding a manifest and the parts of a
 * {@link SavedStudy} as JSON, the network's parameters as raw float32 little-endian bytes. See
 * {@code docs/decisions/0005-study-file.md}.
 *
 * <p>Nothing in the file is read as a Java object: the parts are plain JSON read field by
 * field, and the network configuration is DL4J's JSON, whose class names are checked against
 * DL4J's, ND4J's and our model package before DL4J reads it. Opening refuses, with a message
 * naming the file, a file over {@value #MAX_FILE_MB} MB, more than {@value #MAX_ENTRIES} entries,
 * an entry that unpacks to more than its limit, an unknown, duplicate or unsafe entry name, a
 * newer format, an entry whose SHA-256 differs from the manifest's, and JSON of the wrong shape.
 * Writing goes to a temporary file in the same folder, forced to disk and moved over the old
 * file in one step, so a write that is stopped leaves the old file whole (and may leave a hidden
 * {@code .part} file behind).
 */
public final class StudyArchive {

    public static final String FILE_NAME = "study.cmtl";
    public static final String FORMAT = "credit-mtl-study";
    public static final int FORMAT_VERSION = 1;
    public static final int MAX_FILE_MB = 512;
    public static final int MAX_ENTRIES = 32;

    static final String MANIFEST = "manifest.json";
    static final String NETWORK = "network.json";
    static final String PARAMETERS = "parameters.bin";
    static final String ENCODER = "encoder.json";
    static final String PREPROCESSOR = "preprocessor.json";
    static final String IMPORT_SPEC = "import-spec.json";
    static final String SETTINGS = "settings.json";
    static final String METRICS = "metrics.json";
    static final String SCORECARD = "scorecard.json";
    static final String DRIFT = "drift.json";
    static final String SPLIT = "split.json";
    static final String TEST_RESULTS = "test-results.json";
    /** Every entry but the manifest, in the order written. */
    static final List<String> PARTS = List.of(NETWORK, PARAMETERS, ENCODER, PREPROCESSOR,
            IMPORT_SPEC, SETTINGS, METRICS, SCORECARD, DRIFT, SPLIT, TEST_RESULTS);
    /** Where a class named in the network's JSON may come from. */
    private static final List<String> NETWORK_PACKAGES = List.of("org.deeplearning4j.",
            "org.nd4j.", "com.creditmtl.studio.model.");

    private static final String UNKNOWN = "unknown";
    private static final Logger LOGGER = LoggerFactory.getLogger(StudyArchive.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Size limits of a file and its entries, in bytes. */
    record Limits(long fileBytes, int entries, long parameterBytes, long jsonBytes,
            long totalBytes) {
        static final Limits DEFAULT = new Limits((long) MAX_FILE_MB << 20, MAX_ENTRIES,
                512L << 20, 64L << 20, 1L << 30);
    }

    private StudyArchive() {
    }

    /** Writes the study to the file, replacing an earlier one only once it is whole. */
    public static void save(SavedStudy study, Path file) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(NETWORK, utf8(study.network().getConfiguration().toJson()));
        parts.put(PARAMETERS, parameterBytes(study.network()));
        parts.put(ENCODER, json(study.encoder().toJson()));
        parts.put(PREPROCESSOR, json(study.preprocessor().toJson()));
        parts.put(IMPORT_SPEC, utf8(study.importSpec().toJson()));
        parts.put(SETTINGS, json(study.settings()));
        parts.put(METRICS, json(study.metrics()));
        parts.put(SCORECARD, json(study.scorecard().toJson(JSON)));
        ArrayNode drift = JSON.createArrayNode();
        study.driftReference().forEach(reference -> drift.add(reference.toJson()));
        parts.put(DRIFT, json(drift));
        parts.put(SPLIT, json(StudyRestorer.splitJson(study.split())));
        parts.put(TEST_RESULTS, json(StudyRestorer.resultsJson(study.testResults())));
        byte[] manifest = json(manifest(study, parts));

        AtomicFile.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, MANIFEST, manifest, study.created());
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                put(zip, part.getKey(), part.getValue(), study.created());
            }
            zip.finish();
            zip.flush();
        });
        LOGGER.info("Saved the study to {}", file);
    }

    /**
     * Opens a study file, checking it first.
     *
     * @throws StudyFileException naming the file and what is wrong with it
     */
    public static SavedStudy open(Path file) throws StudyFileException {
        return open(file, Limits.DEFAULT);
    }

    static SavedStudy open(Path file, Limits limits) throws StudyFileException {
        String name = file.toString();
        Map<String, byte[]> entries = readEntries(file, name, limits);

        byte[] manifestBytes = entries.get(MANIFEST);
        if (manifestBytes == null) {
            throw StudyFileException.of("study.noManifest", name + " has no " + MANIFEST
                    + "; it is not a study file", name, MANIFEST);
        }
        JsonNode manifest = parse(name, MANIFEST, manifestBytes);
        if (!FORMAT.equals(manifest.path("format").asText())) {
            throw StudyFileException.of("study.notStudy", name + " is not a study file (its "
                    + "manifest does not say format " + FORMAT + ")", name, FORMAT);
        }
        JsonNode version = manifest.path("format_version");
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 1) {
            throw StudyFileException.of("study.noVersion",
                    name + ": the manifest has no valid format_version", name);
        }
        if (version.asInt() > FORMAT_VERSION) {
            throw StudyFileException.of("study.newer", name + " is in study format "
                    + version.asInt() + ", written by a newer Credit MTL Studio; this version "
                    + "reads format " + FORMAT_VERSION + ". Open it with the newer version", name,
                    version.asInt(), FORMAT_VERSION);
        }
        for (String entry : entries.keySet()) {
            if (!entry.equals(MANIFEST) && !PARTS.contains(entry)) {
                String parts = String.join(", ", PARTS);
                throw StudyFileException.of("study.unknownEntry", name + " holds an unknown "
                        + "entry '" + entry + "'; a study file of format " + FORMAT_VERSION
                        + " has only " + MANIFEST + " and " + parts, name, entry,
                        FORMAT_VERSION, MANIFEST, parts);
            }
        }
        for (String part : PARTS) {
            if (!entries.containsKey(part)) {
                throw StudyFileException.of("study.lacksEntry",
                        name + " lacks the entry " + part, name, part);
            }
            String expected = manifest.path("entries").path(part).path("sha256").asText("");
            if (!expected.equalsIgnoreCase(DataFingerprint.sha256(entries.get(part)))) {
                throw StudyFileException.of("study.checksum", name + ": the entry " + part
                        + " does not match its SHA-256 in the manifest; the file was changed or "
                        + "damaged after it was written", name, part);
            }
        }
        return read(name, manifest, entries);
    }

    private static SavedStudy read(String name, JsonNode manifest, Map<String, byte[]> entries)
            throws StudyFileException {
        String current = NETWORK;
        try {
            ComputationGraph network = network(name, entries.get(NETWORK),
                    entries.get(PARAMETERS));
            current = ENCODER;
            FeatureEncoder encoder = FeatureEncoder.fromJson(parse(name, current,
                    entries.get(current)));
            current = PREPROCESSOR;
            Preprocessor preprocessor = Preprocessor.fromJson(parse(name, current,
                    entries.get(current)));
            current = IMPORT_SPEC;
            parse(name, current, entries.get(current));
            ImportOptions spec = JSON.readValue(entries.get(current), ImportOptions.class);
            current = SETTINGS;
            JsonNode settings = object(name, current, parse(name, current, entries.get(current)));
            current = METRICS;
            JsonNode metrics = object(name, current, parse(name, current, entries.get(current)));
            current = SCORECARD;
            Scorecard scorecard = Scorecard.fromJson(parse(name, current, entries.get(current)));
            current = DRIFT;
            List<PopulationStability.Reference> drift = new ArrayList<>();
            JsonNode references = parse(name, current, entries.get(current));
            if (!references.isArray()) {
                throw new IllegalArgumentException("a list of features is expected");
            }
            references.forEach(reference -> drift.add(
                    PopulationStability.Reference.fromJson(reference)));
            current = SPLIT;
            Split split = StudyRestorer.split(object(name, current,
                    parse(name, current, entries.get(current))));
            current = TEST_RESULTS;
            List<ApplicantResult> results = StudyRestorer.results(
                    parse(name, current, entries.get(current)), preprocessor.tasks().size());
            current = MANIFEST;
            JsonNode data = manifest.path("data");
            DataFingerprint fingerprint = new DataFingerprint(data.path("file").asText(""),
                    data.path("sha256").asText(""), data.path("rows").asLong(-1));
            Instant created = Instant.parse(manifest.path("created").asText(""));
            SavedStudy study = new SavedStudy(encoder, preprocessor, network, scorecard, spec,
                    drift, settings, metrics, fingerprint, created, split, results);
            LOGGER.info("Opened the study {} (trained on {}, {} rows)", name,
                    fingerprint.fileName(), fingerprint.rows());
            String written = manifest.path("libraries").path("deeplearning4j").asText("");
            String running = version("org.deeplearning4j", "deeplearning4j-nn");
            if (!written.equals(running)) {
                LOGGER.warn("The study {} was written with DL4J {}; this is DL4J {}", name,
                        written, running);
            }
            return study;
        } catch (JsonProcessingException e) {
            throw new StudyFileException(invalidEntry(name, current, e.getOriginalMessage()), e);
        } catch (IOException | RuntimeException e) {
            // DL4J and ND4J report a configuration they cannot use with unchecked exceptions
            throw new StudyFileException(invalidEntry(name, current, e.getMessage()), e);
        }
    }

    /** An entry the program cannot use; the reason is the reading library's own. */
    private static Sentence invalidEntry(String name, String entry, String reason) {
        return Sentence.of("study.invalidEntry", name + ": the entry " + entry
                + " is not valid: " + reason, name, entry, String.valueOf(reason));
    }

    private static Map<String, byte[]> readEntries(Path file, String name, Limits limits)
            throws StudyFileException {
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                throw StudyFileException.of("study.notFile", name + " is not a file", name);
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        if (size > limits.fileBytes()) {
            throw StudyFileException.of("study.tooLarge", String.format(Locale.ROOT, "%s is %,d "
                    + "bytes, more than the %,d bytes a study file may have", name, size,
                    limits.fileBytes()), name, size, limits.fileBytes());
        }

        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.entries()) {
                throw StudyFileException.of("study.tooManyEntries", name + " has " + zip.size()
                        + " entries, more than the " + limits.entries() + " a study file may "
                        + "have", name, zip.size(), limits.entries());
            }
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                String entryName = entry.getName();
                checkName(name, entryName);
                if (entries.containsKey(entryName)) {
                    throw StudyFileException.of("study.entryTwice", name + " holds the entry "
                            + entryName + " twice", name, entryName);
                }
                long limit = entryName.equals(PARAMETERS) ? limits.parameterBytes()
                        : limits.jsonBytes();
                byte[] bytes = readLimited(zip, entry, limit, name);
                total += bytes.length;
                if (total > limits.totalBytes()) {
                    throw StudyFileException.of("study.unpacksTooLarge", String.format(
                            Locale.ROOT, "%s unpacks to more than %,d bytes", name,
                            limits.totalBytes()), name, limits.totalBytes());
                }
                entries.put(entryName, bytes);
            }
        } catch (ZipException e) {
            throw new StudyFileException(Sentence.of("study.damaged", name + " is damaged or "
                    + "not a study file (" + e.getMessage() + ")", name,
                    String.valueOf(e.getMessage())), e);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        return entries;
    }

    /** The file cannot be read at all; the system's reason follows as it is. */
    private static StudyFileException unreadable(String name, IOException e) {
        return new StudyFileException(Sentence.of("study.unreadable", name + " cannot be read: "
                + e.getMessage(), name, String.valueOf(e.getMessage())), e);
    }

    private static void checkName(String name, String entry) throws StudyFileException {
        boolean unsafe = entry.isEmpty() || entry.startsWith("/") || entry.startsWith("\\")
                || entry.contains("..") || entry.contains("\\") || entry.contains(":")
                || entry.contains("/");
        if (unsafe) {
            throw StudyFileException.of("study.unsafeName", name + " holds an entry with an "
                    + "unsafe name '" + entry + "'; a study file has only plain names such as "
                    + MANIFEST, name, entry, MANIFEST);
        }
    }

    private static byte[] readLimited(ZipFile zip, ZipEntry entry, long limit, String name)
            throws IOException, StudyFileException {
        if (entry.getSize() > limit) {
            throw tooLarge(name, entry.getName(), limit);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                throw tooLarge(name, entry.getName(), limit);
            }
            return bytes;
        }
    }

    private static StudyFileException tooLarge(String name, String entry, long limit) {
        return StudyFileException.of("study.entryTooLarge", String.format(Locale.ROOT, "%s: the "
                + "entry %s unpacks to more than %,d bytes, the most it may have", name, entry,
                limit), name, entry, limit);
    }

    private static ComputationGraph network(String name, byte[] json, byte[] parameters)
            throws IOException, StudyFileException {
        JsonNode tree = JSON.readTree(json);
        checkClasses(name, tree);
        NativeRuntime.configure();
        ComputationGraphConfiguration configuration =
                ComputationGraphConfiguration.fromJson(new String(json, StandardCharsets.UTF_8));
        ComputationGraph network = new ComputationGraph(configuration);
        if (parameters.length % Float.BYTES != 0) {
            throw StudyFileException.of("study.parameterBytes", name + ": the entry "
                    + PARAMETERS + " is not a whole number of float32 values", name, PARAMETERS);
        }
        float[] values = new float[parameters.length / Float.BYTES];
        ByteBuffer.wrap(parameters).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        network.init();
        if (network.numParams() != values.length) {
            throw StudyFileException.of("study.parameterCount", name + ": the network needs "
                    + network.numParams() + " parameters but " + PARAMETERS + " holds "
                    + values.length, name, network.numParams(), PARAMETERS, values.length);
        }
        INDArray params = Nd4j.createFromArray(values).reshape(1, values.length);
        network.setParams(params);
        return network;
    }

    /** Refuses class names in the network's JSON from outside DL4J, ND4J and our model. */
    private static void checkClasses(String name, JsonNode node) throws StudyFileException {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("@class") && field.getValue().isTextual()) {
                    String type = field.getValue().asText();
                    if (NETWORK_PACKAGES.stream().noneMatch(type::startsWith)) {
                        throw StudyFileException.of("study.foreignClass", name + ": the entry "
                                + NETWORK + " names the class " + type + ", which is not part "
                                + "of a network", name, NETWORK, type);
                    }
                }
                checkClasses(name, field.getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                checkClasses(name, item);
            }
        }
    }

    private static JsonNode parse(String name, String entry, byte[] bytes)
            throws StudyFileException {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage()
                    : e.getMessage();
            throw new StudyFileException(Sentence.of("study.invalidJson", name + ": the entry "
                    + entry + " is not valid JSON: " + reason, name, entry,
                    String.valueOf(reason)), e);
        }
    }

    private static JsonNode object(String name, String entry, JsonNode node)
            throws StudyFileException {
        if (!node.isObject()) {
            throw StudyFileException.of("study.notObject", name + ": the entry " + entry
                    + " is not a JSON object", name, entry);
        }
        return node;
    }

    private static ObjectNode manifest(SavedStudy study, Map<String, byte[]> parts) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("format_version", FORMAT_VERSION);
        root.put("created", study.created().toString());
        String app = version("com.creditmtl", "credit-mtl-studio");
        root.put("app_version", app.equals(UNKNOWN) ? "development build (not packaged)" : app);
        ObjectNode libraries = root.putObject("libraries");
        libraries.put("deeplearning4j", version("org.deeplearning4j", "deeplearning4j-nn"));
        libraries.put("nd4j", version("org.nd4j", "nd4j-api"));
        libraries.put("java", System.getProperty("java.version"));
        ObjectNode data = root.putObject("data");
        data.put("file", study.data().fileName());
        data.put("sha256", study.data().sha256());
        data.put("rows", study.data().rows());
        root.put("seed", study.settings().path("seed").asLong());
        ObjectNode entries = root.putObject("entries");
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            entries.putObject(part.getKey())
                    .put("sha256", DataFingerprint.sha256(part.getValue()))
                    .put("bytes", part.getValue().length);
        }
        return root;
    }

    /** A library's version from its Maven properties, or "unknown" when they are absent. */
    static String version(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = StudyArchive.class.getResourceAsStream(resource)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", UNKNOWN);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    private static byte[] parameterBytes(ComputationGraph network) {
        float[] values = network.params().castTo(DataType.FLOAT).dup('c').data().asFloat();
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, Instant time)
            throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time.toEpochMilli());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static byte[] json(JsonNode node) throws JsonProcessingException {
        return utf8(JSON.writeValueAsString(node) + "\n");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
