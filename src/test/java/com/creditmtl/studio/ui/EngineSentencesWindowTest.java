package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.TaskDefinition;
import com.creditmtl.studio.study.StudyTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The engine's sentences as the window's import and training show them: in Chinese when the
 * window is in Chinese, and in English exactly as the command line prints them. The import runs
 * on an executor the test runs by hand.
 */
@ExtendWith(ApplicationExtension.class)
class EngineSentencesWindowTest {

    private final List<Runnable> queued = new ArrayList<>();
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = new MainViewModel(new CsvImporter(), new StudyTrainer(), queued::add);
    }

    private void importFile(FxRobot robot, Path file, ImportOptions options) {
        robot.interact(() -> model.open(file, options));
        robot.interact(() -> queued.remove(0).run());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void language(FxRobot robot, Locale locale) {
        robot.interact(() -> model.i18n().localeProperty().set(locale));
    }

    private String reportText() {
        return ImportReportText.render(model.shownReportProperty().get(), model.i18n());
    }

    private static Path corpus(String name) throws Exception {
        return Path.of(EngineSentencesWindowTest.class.getResource("/import-corpus/" + name)
                .toURI());
    }

    @Test
    void aSkippedRowIsReportedInChineseWithItsRowAndColumnAndInEnglishAsBefore(FxRobot robot)
            throws Exception {
        language(robot, Locale.SIMPLIFIED_CHINESE);
        importFile(robot, corpus("ragged-rows.csv"), ImportOptions.defaults());

        String chinese = reportText();
        assertTrue(chinese.contains("跳过第 5 行：该行有 2 个单元格，而表头有 3 列；该行在 "
                + "default_probability 列之前就结束了\n"), chinese);
        assertTrue(chinese.contains("警告：已跳过 1 行单元格数不对的数据，第一个是第 5 行\n"),
                chinese);

        language(robot, Locale.ENGLISH);
        String english = reportText();
        assertTrue(english.contains("skipped row 5: 2 cells but the header has 3; the row ends "
                + "before column default_probability\n"), english);
        assertTrue(english.contains("warning: 1 row skipped for a wrong number of cells, "
                + "first row 5\n"), english);
    }

    @Test
    void aFailedImportNamesFileRowAndColumnInChineseAndFollowsASwitchToEnglish(FxRobot robot)
            throws Exception {
        language(robot, Locale.SIMPLIFIED_CHINESE);
        importFile(robot, corpus("inf-token.csv"), ImportOptions.defaults());

        String chinese = "inf-token.csv：第 2 行，y 列：“Inf”是无穷大，不能作为数值；请将其声明为"
                + "缺失值（加入缺失值标记）或更正文件";
        assertEquals(chinese, model.errorProperty().get());
        assertEquals("导入失败：" + chinese + "；保留原有数据表", model.statusProperty().get());

        language(robot, Locale.ENGLISH);
        String english = "inf-token.csv: row 2, column y: 'Inf' is an infinite number; declare "
                + "it missing (add it to the missing tokens) or correct the file";
        assertEquals(english, model.errorProperty().get());
        assertEquals("Import failed: " + english + "; the previous table is kept",
                model.statusProperty().get());
    }

    @Test
    void aRefusedTrainingSettingIsSaidInChineseAndInEnglishAsBefore(FxRobot robot) {
        importFile(robot, Path.of("assets", "data", "credit-g.csv"), ImportOptions.builder()
                .task(TaskDefinition.parse("class:binary:bad")).build());
        language(robot, Locale.SIMPLIFIED_CHINESE);

        robot.interact(() -> {
            model.learningRateProperty().set(2);
            model.train();
        });

        assertEquals("无法训练：学习率必须在 (0, 1) 区间内，当前为 2.0",
                model.statusProperty().get());
        assertEquals("学习率必须在 (0, 1) 区间内，当前为 2.0", model.errorProperty().get());
        assertTrue(queued.isEmpty(), "no training was started");

        language(robot, Locale.ENGLISH);
        assertEquals("Cannot train: learning rate must lie in (0, 1), was 2.0",
                model.statusProperty().get());
        assertEquals("learning rate must lie in (0, 1), was 2.0", model.errorProperty().get());
    }
}
