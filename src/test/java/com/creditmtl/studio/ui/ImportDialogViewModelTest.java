package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.ImportOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dialog's state turned into import options, without a window. */
class ImportDialogViewModelTest {

    private final ImportDialogViewModel model =
            new ImportDialogViewModel(Path.of("assets", "data", "credit-g.csv"));

    @Test
    void autoChoicesLeaveTheFormatToDetection() {
        ImportOptions options = model.options();

        assertEquals(null, options.delimiter());
        assertEquals(null, options.encoding());
        assertEquals(null, options.decimalComma());
    }

    @Test
    void chosenFormatIsPassedOn() {
        model.delimiterProperty().set("TAB");
        model.encodingProperty().set("windows-1252");
        model.decimalMarkProperty().set("comma");

        ImportOptions options = model.options();

        assertEquals("\t", options.delimiter());
        assertEquals("windows-1252", options.encoding());
        assertEquals(Boolean.TRUE, options.decimalComma());
    }

    @Test
    void sentinelLinesAndTokenColumnsArePassedOn() {
        model.sentinelsProperty().set("months=98|99\n\ndays = 365243\n");
        model.tokenColumnsProperty().set("region, zone");
        model.missingTokensProperty().set("NA, -");

        ImportOptions options = model.options();

        assertEquals(Map.of("months", List.of(98.0, 99.0), "days", List.of(365243.0)),
                options.sentinels());
        assertEquals(Set.of("region", "zone"), options.tokenColumns());
        assertEquals(List.of("NA", "-"), options.missingTokens());
    }

    @Test
    void sentinelThatIsNotANumberIsRefusedWithTheColumn() {
        model.sentinelsProperty().set("months=n/a");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                model::options);

        assertTrue(error.getMessage().contains("of months is not a number"), error.getMessage());
    }

    @Test
    void previewReadsHeaderAndRowsOfTheFile() {
        model.refreshPreview();

        assertEquals(21, model.header().size());
        assertEquals("class", model.header().get(20));
        assertEquals("good", model.rows().get(0).get(20));
        assertEquals("", model.problemProperty().get());
    }

    @Test
    void roleTableShowsWhatTheImporterWouldChoose() {
        model.refreshPreview();

        assertEquals("categorical (text)", model.columns().get(0).detectedProperty().get());
        assertEquals("numeric (number)", model.columns().get(1).detectedProperty().get());
    }

    @Test
    void columnNamedByATaskShowsAsTask() {
        model.refreshPreview();

        model.tasksProperty().set("class:binary:bad");

        assertEquals("task (text)", model.columns().get(20).detectedProperty().get());
    }

    @Test
    void firstValuesFollowTheEncodingWhenTheHeaderStaysTheSame(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("names.csv");
        Files.writeString(file, "name,amount\nM\u00fcller,1\nS\u00f8ren,2\n",
                StandardCharsets.UTF_8);
        ImportDialogViewModel names = new ImportDialogViewModel(file);
        names.encodingProperty().set("UTF-8");
        names.refreshPreview();
        names.columns().get(0).roleProperty().set("categorical");

        names.encodingProperty().set("windows-1252");
        names.refreshPreview();

        assertEquals("M\u00c3\u00bcller \u00b7 S\u00c3\u00b8ren",
                names.columns().get(0).sampleProperty().get());
        assertEquals("categorical", names.columns().get(0).roleProperty().get());
    }
}
