package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportReportTextTest {

    @TempDir
    Path folder;

    private ImportReport report() throws Exception {
        Path file = SmallTable.write(folder, "applicants.csv", 120, 4);
        return new CsvImporter().read(file, SmallTable.options()).report()
                .withWarnings(List.of("income looks like an outcome"));
    }

    @Test
    void englishReadsExactlyAsTheCommandLinesSummary() throws Exception {
        ImportReport report = report();
        assertEquals(1, report.warnings().size());
        assertEquals(report.summary(), ImportReportText.render(report,
                new I18n(Locale.ENGLISH)));
    }

    @Test
    void chineseTranslatesHeadingsRolesAndTypesAndKeepsTheColumnsAligned() throws Exception {
        ImportReport report = report();
        String text = ImportReportText.render(report, new I18n(Locale.SIMPLIFIED_CHINESE));
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("applicants.csv：读取 "), lines.get(0));
        assertTrue(lines.get(1).startsWith("列 "), lines.get(1));
        assertTrue(lines.get(1).contains("角色") && lines.get(1).contains("不同值"), lines.get(1));
        assertTrue(text.contains("警告：income looks like an outcome"), text);
        String income = lines.stream().filter(l -> l.startsWith("debt ")).findFirst()
                .orElseThrow();
        assertTrue(income.contains("数值"), income);
        // the range column starts at the same place on screen in the heading and each row
        int heading = ImportReportText.width(lines.get(1).substring(0,
                lines.get(1).indexOf("范围")));
        int row = ImportReportText.width(income.substring(0, income.lastIndexOf("  ") + 2));
        assertEquals(heading, row);
    }
}
