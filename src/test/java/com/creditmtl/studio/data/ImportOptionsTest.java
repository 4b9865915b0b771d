package com.creditmtl.studio.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportOptionsTest {

    @TempDir
    Path folder;

    @Test
    void specWrittenAsJsonReadsBackEqual() throws Exception {
        ImportOptions options = ImportOptions.builder()
                .delimiter(';').encoding("windows-1252").decimalComma(true)
                .missingTokens(List.of("-", "n.a."))
                .tokenColumn("region")
                .sentinels("months", List.of(98.0, 99.0))
                .role("zip", ColumnRole.CATEGORICAL)
                .idColumn("loan_id")
                .exclude(List.of("url"))
                .task(TaskDefinition.parse("status:binary:Charged Off:Fully Paid"))
                .task(TaskDefinition.parse("loss:regression:status=Charged Off"))
                .compute(ComputedColumn.parse("loss=funded - repaid"))
                .keep(List.of("recoveries"))
                .build();
        Path file = folder.resolve("import-spec.json");

        options.write(file);

        assertEquals(options, ImportOptions.read(file));
    }

    @Test
    void defaultsDetectEverythingAndUseTheDefaultMissingTokens() {
        ImportOptions options = ImportOptions.defaults();

        assertEquals(null, options.delimiter());
        assertEquals(null, options.encoding());
        assertEquals(ImportOptions.DEFAULT_MISSING_TOKENS, options.missingTokens());
    }
}
