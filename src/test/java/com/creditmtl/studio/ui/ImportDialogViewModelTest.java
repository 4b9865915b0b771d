package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.ImportOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
}
