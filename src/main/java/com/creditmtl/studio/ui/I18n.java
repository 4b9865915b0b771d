package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.Explained;
import com.creditmtl.studio.data.Sentence;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's language: the current locale as a property, texts from the {@code messages}
 * bundle of this package, and numbers and dates formatted for the locale. One instance serves
 * the whole window; labels bound through {@link #bind} follow a change of language at once.
 *
 * <p>Every text goes through {@link MessageFormat}, with or without arguments, so a single quote
 * is written twice in the bundles ({@code analyst''s}) and braces only stand for arguments.
 *
 * <p>English ({@code messages.properties}) and Simplified Chinese
 * ({@code messages_zh_CN.properties}) are offered. Any other locale reads the English texts but
 * formats numbers and dates its own way. The bundle is looked up without falling back to the
 * machine's default locale, so English stays English on a Chinese system. Properties files are
 * read as UTF-8 (Java 9 and later).
 *
 * <p>Sentences of the engine ({@link Sentence}: refusals, skipped rows, warnings) are written
 * from the pattern {@code engine.KEY} in a translated language and read exactly as the engine
 * wrote them in English, the text the command line prints too. The English bundle holds the
 * same patterns so both bundles stay complete and a translator sees the original.
 *
 * <p>Limits: plural forms are not handled (the English texts avoid them or use MessageFormat's
 * {@code choice}); texts are read on the FX thread, like every property of the window.
 */
public final class I18n {

    private static final Logger LOGGER = LoggerFactory.getLogger(I18n.class);

    static final String BUNDLE = "com.creditmtl.studio.ui.messages";
    /** Keys of the engine's sentences begin so in the bundles. */
    static final String ENGINE_PREFIX = "engine.";
    /** The languages the window offers, each named in its own language by key language.TAG. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH,
            Locale.SIMPLIFIED_CHINESE);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /**
     * A text yet to be put in words: a key and its arguments. Held by view models so a status
     * line follows a change of language. Arguments that are dates or times are formatted for the
     * locale when the text is, and arguments that are messages are put in words first.
     */
    public record Message(String key, List<Object> args) {

        public Message {
            args = List.copyOf(args);
        }

        public static Message of(String key, Object... args) {
            return new Message(key, Arrays.asList(args));
        }
    }

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();
    private ResourceBundle bundle;
    private Locale bundleLocale;

    public I18n(Locale initial) {
        locale.set(initial);
        bundle();
    }

    /** Chinese when the machine's language is Chinese, else English. */
    public static I18n forSystemLocale() {
        Locale system = Locale.getDefault();
        return new I18n("zh".equals(system.getLanguage()) ? Locale.SIMPLIFIED_CHINESE
                : Locale.ENGLISH);
    }

    /**
     * The bundle of the current locale. Looked up when a text is read rather than in a listener
     * of the locale: bindings recompute before such a listener would run.
     */
    private ResourceBundle bundle() {
        Locale current = locale.get();
        if (current == null) {
            throw new IllegalStateException("no locale is set");
        }
        if (!current.equals(bundleLocale)) {
            bundle = ResourceBundle.getBundle(BUNDLE, current, NO_FALLBACK);
            bundleLocale = current;
        }
        return bundle;
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    /** The text of a key in the current language with its arguments filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            LOGGER.warn("No text for key {} in {}", key, locale.get());
            return key;
        }
        Object[] values = args.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Sentence sentence) {
                values[i] = get(sentence);
            } else if (values[i] instanceof Message inner) {
                // a message inside a message ("3 tasks" in a status line) is put in words first
                values[i] = get(inner);
            } else if (values[i] instanceof TemporalAccessor time) {
                values[i] = time.isSupported(ChronoField.HOUR_OF_DAY) ? dateTime(time)
                        : date(time);
            }
        }
        return new MessageFormat(pattern, locale.get()).format(values);
    }

    public String get(Message message) {
        return get(message.key(), message.args().toArray());
    }

    /**
     * A sentence of the engine in the current language. In English, and for a sentence the
     * window has no pattern for, that is the engine's own text; otherwise it is written from the
     * pattern of its key, the sentences among its arguments put in words first.
     */
    public String get(Sentence sentence) {
        if (sentence.key() == null || isEnglish()) {
            return sentence.english();
        }
        String key = ENGINE_PREFIX + sentence.key();
        if (!bundle().containsKey(key)) {
            LOGGER.warn("No text for key {} in {}", key, locale.get());
            return sentence.english();
        }
        return get(key, sentence.args().toArray());
    }

    /**
     * What a failure says, for the status line, a banner or a dialog: its sentence in the
     * current language when the engine explained it, else its own message. A failure that only
     * wraps another (as {@code new RuntimeException(cause)} does) speaks with the cause's words.
     */
    public static Sentence sentenceOf(Throwable failure) {
        Throwable t = failure;
        while (!(t instanceof Explained) && t.getCause() != null
                && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString())
                        || t.getMessage().equals(t.getCause().getMessage()))) {
            t = t.getCause();
        }
        if (t instanceof Explained explained) {
            return explained.sentence();
        }
        return Sentence.plain(String.valueOf(failure.getMessage()));
    }

    /** What a failure says in the current language ({@link #sentenceOf}). */
    public String explain(Throwable failure) {
        return get(sentenceOf(failure));
    }

    /** A message or a sentence put in words, or any other value as its text. */
    public String words(Object text) {
        if (text instanceof Message message) {
            return get(message);
        }
        if (text instanceof Sentence sentence) {
            return get(sentence);
        }
        return String.valueOf(text);
    }

    /** Whether the texts are the base bundle's: English, or a language the window lacks. */
    private boolean isEnglish() {
        return bundle().getLocale().getLanguage().isEmpty()
                || "en".equals(bundle().getLocale().getLanguage());
    }

    /** The text of a key, changing with the language. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }

    /** The text of a changing message, changing with the message and with the language. */
    public StringBinding bind(ObservableValue<Message> message) {
        return Bindings.createStringBinding(() -> message.getValue() == null ? ""
                : get(message.getValue()), locale, message);
    }

    /** A number with grouping and exactly the given decimals, e.g. 12,345.68. */
    public String number(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale.get());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }

    /** A share as a percentage with the given decimals, e.g. 12.5%. */
    public String percent(double share, int decimals) {
        if (Double.isNaN(share)) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale.get());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(share);
    }

    /** A date, e.g. "Dec 4, 2026" or "2026年12月4日". */
    public String date(TemporalAccessor date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale.get())
                .format(date);
    }

    /** A local date and time, medium length, e.g. "Dec 4, 2026, 10:12:03 AM". */
    public String dateTime(TemporalAccessor dateTime) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale.get()).format(dateTime);
    }
}
