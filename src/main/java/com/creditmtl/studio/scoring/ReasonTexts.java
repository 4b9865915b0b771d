package com.creditmtl.studio.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentence template of each feature's reason, from a {@code .properties} file: the key is
 * the feature column's name, {@value #GENERIC} the template of every other column. The bundled
 * {@code reasons-en.properties} covers the bundled table's columns; {@link #load(Path)} reads an
 * analyst's file over it, key by key.
 *
 * <p>Placeholders: {@code {feature}} the column's name, {@code {value}} the applicant's value,
 * {@code {reference}} the reference applicant's value, {@code {effect}} the feature's addition
 * to the default log-odds (signed, two decimals). Other text in braces is left as written.
 * The bundled sentences are English; {@link #defaults(Locale)} reads the Simplified Chinese ones
 * over them for a Chinese locale, which is what the window does in Chinese. The command line
 * keeps English.
 */
public final class ReasonTexts {

    private static final Logger LOGGER = LoggerFactory.getLogger(ReasonTexts.class);

    /** The key of the template for columns without their own. */
    public static final String GENERIC = "*";
    static final String BUNDLED = "reasons-en.properties";
    static final String BUNDLED_CHINESE = "reasons-zh_CN.properties";
    private static final String FALLBACK = "{feature} = {value} (reference {reference}) raises "
            + "the default risk";

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{(feature|value|reference|effect)\\}");

    private final Map<String, String> templates;

    private ReasonTexts(Map<String, String> templates) {
        this.templates = Map.copyOf(templates);
    }

    /** The bundled English templates. */
    public static ReasonTexts defaults() {
        return new ReasonTexts(bundled(BUNDLED));
    }

    /**
     * The bundled templates of a language: the Chinese ones over the English for Chinese, the
     * English ones for any other language.
     */
    public static ReasonTexts defaults(Locale locale) {
        Map<String, String> templates = new HashMap<>(bundled(BUNDLED));
        if ("zh".equals(locale.getLanguage())) {
            templates.putAll(bundled(BUNDLED_CHINESE));
        }
        return new ReasonTexts(templates);
    }

    private static Map<String, String> bundled(String name) {
        try (InputStream in = ReasonTexts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the program");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled templates with those of an analyst's UTF-8 file in their place. */
    public static ReasonTexts load(Path file) throws IOException {
        Map<String, String> templates = new HashMap<>(defaults().templates);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, String> own = read(reader);
            templates.putAll(own);
            LOGGER.info("Read {} reason templates from {}", own.size(), file);
        }
        return new ReasonTexts(templates);
    }

    private static Map<String, String> read(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<String, String> templates = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            templates.put(key, properties.getProperty(key));
        }
        return templates;
    }

    /** The template used for a feature: its own, else the generic one. */
    public String template(String feature) {
        String own = templates.get(feature);
        return own != null ? own : templates.getOrDefault(GENERIC, FALLBACK);
    }

    /** The sentence of one reason, placeholders filled in. */
    public String sentence(String feature, String value, String reference, double effect) {
        // one pass, so a value that itself reads "{feature}" is not replaced again
        Map<String, String> fills = Map.of("feature", feature, "value", value,
                "reference", reference, "effect", String.format(Locale.ROOT, "%+.2f", effect));
        return PLACEHOLDER.matcher(template(feature))
                .replaceAll(m -> Matcher.quoteReplacement(fills.get(m.group(1))));
    }
}
