package com.creditmtl.studio.ui;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The bundles' completeness and the locale-dependent texts and formats of {@link I18n}. */
class I18nTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private static Properties bundle(String name) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = I18nTest.class.getResourceAsStream(name);
                Reader reader = new InputStreamReader(in, UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void aMessageInsideAMessageIsPutInWordsInTheSameLanguage() {
        I18n.Message status = I18n.Message.of("status.trained",
                I18n.Message.of("common.epochs", 3), 1.5);
        I18n i18n = new I18n(java.util.Locale.ENGLISH);
        assertEquals("Trained 3 epochs in 1.5 s. Test:", i18n.get(status));
        i18n.localeProperty().set(java.util.Locale.SIMPLIFIED_CHINESE);
        assertEquals("已训练 3 轮，用时 1.5 秒。测试集：", i18n.get(status));
    }

    @Test
    void everyKeyInEnglishHasAChineseTextAndTheOtherWayRound() throws Exception {
        Set<String> english = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
        Set<String> chinese = new TreeSet<>(bundle("messages_zh_CN.properties")
                .stringPropertyNames());

        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(chinese);
        Set<String> onlyChinese = new TreeSet<>(chinese);
        onlyChinese.removeAll(english);
        assertEquals(Set.of(), onlyEnglish, "keys without a Chinese text");
        assertEquals(Set.of(), onlyChinese, "keys without an English text");
        assertTrue(english.size() > 150, "only " + english.size() + " keys");
    }

    @Test
    void noTextIsEmptyAndChineseTextsAreChinese() throws Exception {
        Properties english = bundle("messages.properties");
        Properties chinese = bundle("messages_zh_CN.properties");
        for (Properties texts : List.of(english, chinese)) {
            for (String key : texts.stringPropertyNames()) {
                assertFalse(texts.getProperty(key).isBlank(), key + " is empty");
            }
        }
        assertEquals("帕累托最优", chinese.getProperty("tradeoff.series.pareto"));
        assertEquals("训练轮数", chinese.getProperty("tasks.epochs"));
    }

    @Test
    void bothLanguagesTakeTheSameArgumentsAndEveryTextIsAValidPattern() throws Exception {
        Properties english = bundle("messages.properties");
        Properties chinese = bundle("messages_zh_CN.properties");
        List<String> problems = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String zh = chinese.getProperty(key, "");
            if (!arguments(en).equals(arguments(zh))) {
                problems.add(key + ": " + arguments(en) + " against " + arguments(zh));
            }
            for (String text : List.of(en, zh)) {
                new MessageFormat(text, Locale.ROOT);
                // a lone quote would swallow text up to the next one
                if (text.replace("''", "").contains("'")) {
                    problems.add(key + " has a single quote: " + text);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static Set<Integer> arguments(String text) {
        Set<Integer> indices = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(text);
        while (matcher.find()) {
            indices.add(Integer.parseInt(matcher.group(1)));
        }
        return indices;
    }

    @Test
    void englishStaysEnglishOnAChineseMachine() {
        Locale system = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            I18n i18n = new I18n(Locale.ENGLISH);
            assertEquals("Run", i18n.get("tradeoff.run"));
            assertEquals("The test applicants' predictions and scores appear after training",
                    i18n.get("main.applicantsPlaceholder"));
        } finally {
            Locale.setDefault(system);
        }
    }

    @Test
    void bindingFollowsTheLanguageAndFillsInArguments() {
        I18n i18n = new I18n(Locale.ENGLISH);
        StringBinding axis = i18n.bind("tradeoff.axis.mae", "overdue_days");
        SimpleObjectProperty<I18n.Message> message = new SimpleObjectProperty<>(
                I18n.Message.of("tradeoff.status.progress", 3, 21));
        StringBinding status = i18n.bind(message);
        assertEquals("Validation MAE of overdue_days", axis.get());
        assertEquals("Trained 3 of 21 points", status.get());

        i18n.localeProperty().set(Locale.SIMPLIFIED_CHINESE);
        assertEquals("overdue_days 的验证集 MAE", axis.get());
        assertEquals("已训练 3 / 21 个点", status.get());

        message.set(I18n.Message.of("common.epochs", 1));
        assertEquals("1 轮", status.get());
        i18n.localeProperty().set(Locale.ENGLISH);
        assertEquals("1 epoch", status.get());
        message.set(I18n.Message.of("common.epochs", 12_000));
        assertEquals("12,000 epochs", status.get());
    }

    @Test
    void numbersAndDatesFollowTheLocale() {
        I18n i18n = new I18n(Locale.ENGLISH);
        assertEquals("12,345.68", i18n.number(12_345.678, 2));
        assertEquals("12.5%", i18n.percent(0.125, 1));
        assertEquals("Dec 4, 2026", i18n.date(LocalDate.of(2026, 12, 4)));
        assertEquals("", i18n.number(Double.NaN, 2));

        i18n.localeProperty().set(Locale.SIMPLIFIED_CHINESE);
        assertEquals("2026年12月4日", i18n.date(LocalDate.of(2026, 12, 4)));
        assertEquals("12,345.68", i18n.number(12_345.678, 2));

        // a locale without texts of its own reads English but writes its own numbers
        i18n.localeProperty().set(Locale.GERMANY);
        assertEquals("12.345,68", i18n.number(12_345.678, 2));
        assertEquals("Run", i18n.get("tradeoff.run"));
        assertEquals("Explored 1.234 points in 2,5 s; 3 Pareto-optimal on validation. Finished "
                + "04.12.2026, 10:15:00", i18n.get("tradeoff.status.done", 1234, 2.5, 3,
                        LocalDateTime.of(2026, 12, 4, 10, 15)));
    }

    @Test
    void dateTimeArgumentIsWrittenForTheLocaleWhenTheTextIs() {
        I18n i18n = new I18n(Locale.SIMPLIFIED_CHINESE);
        String done = i18n.get("tradeoff.status.done", 21, 12.34, 5,
                LocalDateTime.of(2026, 12, 4, 10, 15));
        assertEquals("已探索 21 个点，用时 12.3 秒；其中 5 个在验证集上为帕累托最优。完成于 "
                + i18n.dateTime(LocalDateTime.of(2026, 12, 4, 10, 15)), done);
        assertTrue(done.contains("2026年12月4日"), done);
        assertNotEquals(done, new I18n(Locale.ENGLISH).get("tradeoff.status.done", 21, 12.34, 5,
                LocalDateTime.of(2026, 12, 4, 10, 15)));
    }

    @Test
    void missingKeyShowsTheKey() {
        assertEquals("no.such.key", new I18n(Locale.ENGLISH).get("no.such.key"));
    }
}
