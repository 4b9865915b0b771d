package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.model.TrainingOptions.RegressionLoss;
import com.creditmtl.studio.model.TrainingOptions.TaskBalancing;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's own controls (menus, tool bar, Tasks and model, Training, status bar) switch to
 * Simplified Chinese from View > Language at once, after an import and a training, and back to
 * English: the real texts are read from the controls, headless under Monocle.
 */
class MainWindowLanguageTest extends WindowTestBase {

    @TempDir
    static Path folder;

    @Start
    void start(Stage stage) {
        showWindow(stage);
    }

    @Test
    void menusToolBarTasksAndStatusFollowTheLanguageAfterAnImport(FxRobot robot)
            throws Exception {
        SmallTable.importInto(model, folder, "applicants.csv", 300, 5);
        WaitForAsyncUtils.waitForFxEvents();
        StatusBar status = robot.lookup("#statusBar").queryAs(StatusBar.class);
        Label state = robot.lookup("#stateLabel").queryAs(Label.class);
        assertEquals("applicants.csv: 300 applicants, 3 features, 3 tasks", status.getText());
        assertEquals("applicants.csv · idle", state.getText());

        chooseLanguage(robot, Locale.SIMPLIFIED_CHINESE);

        assertEquals(List.of("文件", "运行", "视图"), menuTitles(robot));
        assertEquals("打开 CSV…", menuItem(robot, "openItem").getText());
        assertEquals("以相同随机种子重新训练", menuItem(robot, "retrainItem").getText());
        assertEquals("语言", menu(robot, "languageMenu").getText());
        assertEquals("打开 CSV…", button(robot, "#openButton").getText());
        assertEquals("训练", button(robot, "#trainButton").getText());
        assertEquals("按当前设置训练（Ctrl+T 或 F5）",
                button(robot, "#trainButton").getTooltip().getText());
        assertEquals("暂停", button(robot, "#pauseButton").getText());
        assertEquals("取消", button(robot, "#cancelButton").getText());
        assertEquals(List.of("数据", "任务与模型", "训练", "评估", "申请人", "权衡"),
                view.tabTitles());
        assertEquals("applicants.csv：300 位申请人，3 个特征，3 个任务", status.getText());
        assertEquals("applicants.csv · 空闲", state.getText());
        assertEquals("导入报告", robot.lookup("#reportHeading").queryAs(Label.class).getText());
        String report = robot.lookup("#reportArea").queryAs(TextArea.class).getText();
        assertTrue(report.startsWith("applicants.csv：读取 300 行，跳过 0 行；UTF-8，分隔符 ,"),
                report);

        robot.interact(() -> view.selectTab(MainView.TASKS));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(label -> "训练轮数".equals(label.getText())), "epochs label");
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(label -> "bad  （二分类）".equals(label.getText())),
                "task weight label");
        assertEquals("恢复默认值", button(robot, "#defaultsButton").getText());
        assertEquals("自动", robot.lookup("#autoL2Check").queryAs(CheckBox.class).getText());
        @SuppressWarnings("unchecked")
        ComboBox<TaskBalancing> balancing =
                robot.lookup("#balancingChoice").queryAs(ComboBox.class);
        assertEquals("无", balancing.getConverter().toString(TaskBalancing.NONE));
        // the shown choice is redrawn in the new language
        assertEquals(balancing.getConverter().toString(balancing.getValue()),
                balancing.getButtonCell().getText());
        @SuppressWarnings("unchecked")
        ComboBox<RegressionLoss> loss =
                robot.lookup("#regressionLossChoice").queryAs(ComboBox.class);
        assertTrue(List.of("绝对误差", "平方误差").contains(loss.getButtonCell().getText()),
                loss.getButtonCell().getText());
        robot.interact(() -> model.settings().commitInt(model.epochsProperty(),
                I18n.Message.of("tasks.epochs"), "0", 1, SettingsModel.MAX_EPOCHS));
        assertEquals("训练轮数必须介于 1 与 10000 之间，而不是 0",
                robot.lookup("#settingsProblem").queryAs(Label.class).getText());

        chooseLanguage(robot, Locale.ENGLISH);

        assertEquals(List.of("File", "Run", "View"), menuTitles(robot));
        assertEquals("Train", button(robot, "#trainButton").getText());
        assertEquals("Restore defaults", button(robot, "#defaultsButton").getText());
        assertEquals("Epochs must lie between 1 and 10000, not 0",
                robot.lookup("#settingsProblem").queryAs(Label.class).getText());
        assertEquals("applicants.csv: 300 applicants, 3 features, 3 tasks", status.getText());
        assertEquals("applicants.csv · idle", state.getText());
        assertEquals("Tasks and model", view.tabTitles().get(1));
    }

    @Test
    void trainingTabFollowsTheLanguageAfterATraining(FxRobot robot) throws Exception {
        SmallTable.importInto(model, folder, "trained.csv", 300, 7);
        robot.interact(() -> {
            model.settings().epochsProperty().set(2);
            view.train();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.studyProperty().get() != null
                && !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        chooseLanguage(robot, Locale.SIMPLIFIED_CHINESE);

        LineChart<?, ?> chart = robot.lookup("#lossChart").queryAs(LineChart.class);
        assertEquals("每轮训练后各任务的损失", chart.getTitle());
        assertEquals("训练轮次", chart.getXAxis().getLabel());
        assertEquals("原始损失", chart.getYAxis().getLabel());
        assertEquals("bad · 训练集", chart.getData().get(0).getName());
        assertEquals("bad · 验证集", chart.getData().get(1).getName());
        TableView<?> metrics = robot.lookup("#metricsTable").queryAs(TableView.class);
        assertEquals(List.of("任务", "类型", "权重", "AUC", "KS", "MAE", "RMSE"),
                headers(metrics));
        assertEquals("二分类", metrics.getColumns().get(1).getCellData(0));
        TableView<?> runs = robot.lookup("#runTable").queryAs(TableView.class);
        assertEquals(List.of("训练记录"), headers(runs));
        assertTrue(String.valueOf(runs.getColumns().get(0).getCellData(0))
                .startsWith("第 1 次训练 · 已完成 · 随机种子 "));
        // the Evaluation tab has a table of that id too; the Training tab's has three columns
        assertTrue(robot.lookup("#comparisonTable").queryAllAs(TableView.class).stream()
                .anyMatch(table -> headers(table).equals(List.of("设置或指标", "第一次训练",
                        "第二次训练"))), "side-by-side headers");
        assertEquals("以相同随机种子重新训练", button(robot, "#retrainButton").getText());
        @SuppressWarnings("unchecked")
        ComboBox<LossView> lossView = robot.lookup("#lossViewChoice").queryAs(ComboBox.class);
        assertEquals("加权损失", lossView.getConverter().toString(LossView.WEIGHTED));
        assertEquals("原始损失", lossView.getButtonCell().getText());
        assertTrue(model.progressTextProperty().get().startsWith("完成：2 轮，用时 "),
                model.progressTextProperty().get());
        StatusBar status = robot.lookup("#statusBar").queryAs(StatusBar.class);
        assertTrue(status.getText().startsWith("已训练 2 轮，用时 "), status.getText());
        assertEquals("trained.csv · 已完成",
                robot.lookup("#stateLabel").queryAs(Label.class).getText());
        NotificationPane notice = robot.lookup("#notificationPane").queryAs(NotificationPane.class);
        if (notice.isShowing()) {
            // the run's notification, still up, reads as the status line does
            assertEquals(status.getText(), notice.getText());
        }

        chooseLanguage(robot, Locale.ENGLISH);

        assertEquals("Loss per task after each epoch", chart.getTitle());
        assertEquals("Epoch", chart.getXAxis().getLabel());
        assertEquals("Raw loss", chart.getYAxis().getLabel());
        assertEquals("bad · training", chart.getData().get(0).getName());
        assertEquals("Raw loss", lossView.getButtonCell().getText());
        assertEquals(List.of("Task", "Type", "Weight", "AUC", "KS", "MAE", "RMSE"),
                headers(metrics));
        assertEquals("binary", metrics.getColumns().get(1).getCellData(0));
        assertTrue(String.valueOf(runs.getColumns().get(0).getCellData(0))
                .startsWith("Run 1 · done · seed "));
        assertTrue(status.getText().startsWith("Trained 2 epochs in "), status.getText());
        assertEquals("trained.csv · done",
                robot.lookup("#stateLabel").queryAs(Label.class).getText());
    }

    /** Chooses a language as the analyst does, from View > Language. */
    private void chooseLanguage(FxRobot robot, Locale locale) {
        robot.interact(() -> menu(robot, "languageMenu").getItems().stream()
                .filter(item -> ("language-" + locale.toLanguageTag()).equals(item.getId()))
                .findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(locale, model.i18n().locale());
    }

    private static List<String> menuTitles(FxRobot robot) {
        return robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream()
                .map(Menu::getText).toList();
    }

    private static Menu menu(FxRobot robot, String id) {
        return (Menu) menuItem(robot, id);
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        return robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(menu -> items(menu).stream()).filter(item -> id.equals(item.getId()))
                .findFirst().orElseThrow();
    }

    private static List<MenuItem> items(MenuItem item) {
        java.util.List<MenuItem> all = new java.util.ArrayList<>(List.of(item));
        if (item instanceof Menu menu) {
            menu.getItems().forEach(child -> all.addAll(items(child)));
        }
        return all;
    }

    private static Button button(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Button.class);
    }

    private static List<String> headers(TableView<?> table) {
        return table.getColumns().stream().map(TableColumnBase::getText).toList();
    }
}
