package com.creditmtl.studio.scoring;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReasonTextsTest {

    @TempDir
    Path folder;

    @Test
    void chineseSentencesForAChineseLocaleEnglishForOthers() {
        assertEquals("8 月还款状态 2（参考值 0）提高了违约风险",
                ReasonTexts.defaults(java.util.Locale.SIMPLIFIED_CHINESE)
                        .sentence("PAY_2", "2", "0", 0.8));
        assertEquals("utilisation = 0.93（参考值 0.41）提高了违约风险",
                ReasonTexts.defaults(java.util.Locale.SIMPLIFIED_CHINESE)
                        .sentence("utilisation", "0.93", "0.41", 0.5));
        assertEquals(ReasonTexts.defaults().sentence("PAY_2", "2", "0", 0.8),
                ReasonTexts.defaults(java.util.Locale.GERMANY).sentence("PAY_2", "2", "0", 0.8));
    }

    @Test
    void bundledTableColumnHasItsOwnSentence() {
        String text = ReasonTexts.defaults().sentence("PAY_2", "2", "0", 0.8);

        assertEquals("Repayment status 2 in August (reference 0) raises the default risk", text);
    }

    @Test
    void otherColumnGetsTheGenericSentence() {
        String text = ReasonTexts.defaults().sentence("utilisation", "0.93", "0.41", 0.5);

        assertEquals("utilisation = 0.93 (reference 0.41) raises the default risk", text);
    }

    @Test
    void analystFileOverridesItsKeysAndKeepsTheOthers() throws Exception {
        Path file = folder.resolve("reasons-de.properties");
        Files.writeString(file, """
                # Umlauts prove the file is read as UTF-8
                PAY_2=Zahlungsstatus {value} im August (üblich {reference}), Wirkung {effect}
                *=Merkmal {feature} = {value} erhöht das Ausfallrisiko
                """, UTF_8);

        ReasonTexts texts = ReasonTexts.load(file);

        assertEquals("Zahlungsstatus 2 im August (üblich 0), Wirkung +0.83",
                texts.sentence("PAY_2", "2", "0", 0.834));
        assertEquals("Merkmal income = missing erhöht das Ausfallrisiko",
                texts.sentence("income", "missing", "52000", 0.2));
        assertEquals("Age 23 (reference 34) raises the default risk",
                texts.sentence("AGE", "23", "34", 0.1));
    }

    @Test
    void valueThatLooksLikeAPlaceholderIsNotFilledAgain() {
        String text = ReasonTexts.defaults().sentence("branch", "{feature}", "$1", 0.1);

        assertEquals("branch = {feature} (reference $1) raises the default risk", text);
    }

    @Test
    void shownValuesDropNeedlessDecimals() {
        assertEquals("2", ReasonFinder.shown(2.0));
        assertEquals("0.123457", ReasonFinder.shown(0.123456789));
        assertEquals("-1", ReasonFinder.shown(-1.0));
        assertEquals("120,000", ReasonFinder.shown(120_000.0));
        assertEquals("22,444.5", ReasonFinder.shown(22_444.5));
        assertEquals("2682", ReasonFinder.shown(2_682.0), "a year or a code reads as written");
        assertEquals("-157,264", ReasonFinder.shown(-157_264.0));
        assertEquals("60 months", ReasonFinder.shown(" 60  months "));
        assertEquals("missing", ReasonFinder.shown("  "));
        assertEquals("missing", ReasonFinder.shown(Double.NaN));
        assertEquals("missing", ReasonFinder.shown(null));
        assertEquals("east", ReasonFinder.shown("east"));
    }
}
