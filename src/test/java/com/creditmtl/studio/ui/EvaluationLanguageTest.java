package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.study.StudyTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Evaluation tab in Simplified Chinese and back in English after a short training, headless:
 * headings, buttons, the export menu, chart titles, axes, series and legends, table headers and
 * cells, the live confusion matrix, the export's message, message box and chart menu, and the
 * status, verdicts and metric names of a comparison and a cross-validation.
 */
@ExtendWith(ApplicationExtension.class)
class EvaluationLanguageTest {

    @TempDir
    static Path folder;

    private ExecutorService executor;
    private MainViewModel model;
    private EvaluationViewModel evaluation;
    private MainView view;

    @Start
    void start(Stage stage) {
        executor = StudioApp.backgroundExecutor();
        model = new MainViewModel(new CsvImporter(), new StudyTrainer(), executor);
        model.epochsProperty().set(2);
        model.batchSizeProperty().set(64);
        evaluation = new EvaluationViewModel(model, executor);
        view = new MainView(model, evaluation);
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();
    }

    @BeforeEach
    void train(FxRobot robot) throws Exception {
        var table = SmallTable.read(SmallTable.write(folder, "small.csv", 300, 7));
        robot.interact(() -> {
            model.setTable(table);
            model.train();
        });
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.studyProperty().get() != null
                && !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.selectTab(MainView.EVALUATION));
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private void language(FxRobot robot, Locale locale) {
        robot.interact(() -> model.i18n().localeProperty().set(locale));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The texts of every label, button and cell of a part of the tab as drawn now. */
    private static Set<String> texts(FxRobot robot, Node under) {
        return robot.from(under).lookup((Node node) -> node instanceof Labeled).queryAllAs(
                Labeled.class).stream().map(Labeled::getText).filter(text -> text != null)
                .collect(Collectors.toSet());
    }

    private static List<String> headers(TableView<?> table) {
        return table.getColumns().stream().map(TableColumn::getText).toList();
    }

    private static Set<String> cells(FxRobot robot, TableView<?> table) {
        return robot.from(table).lookup((Node node) -> node instanceof TableCell<?, ?>)
                .queryAllAs(TableCell.class).stream().map(cell -> cell.getText())
                .filter(text -> text != null && !text.isEmpty()).collect(Collectors.toSet());
    }

    private static String axis(XYChart<?, ?> chart, boolean x) {
        return (x ? chart.getXAxis() : chart.getYAxis()).getLabel();
    }

    @Test
    void everyTextOfTheTabTurnsChineseAndBackToEnglish(FxRobot robot) {
        Node tab = robot.lookup("#evaluationContent").query();
        LineChart<?, ?> roc = robot.lookup("#rocChart").queryAs(LineChart.class);
        LineChart<?, ?> calibration = robot.lookup("#calibrationChart").queryAs(LineChart.class);
        AreaChart<?, ?> scores = robot.lookup("#scoreChart").queryAs(AreaChart.class);
        TableView<?> metrics = robot.lookup("#evaluationMetricsTable").queryAs(TableView.class);
        TableView<?> confusion = robot.lookup("#confusionTable").queryAs(TableView.class);
        TableView<?> comparison = robot.lookup("#comparisonTable").queryAs(TableView.class);
        MenuButton export = robot.lookup("#evaluationExportButton").queryAs(MenuButton.class);
        Label cutoff = robot.lookup("#liveCutoff").queryAs(Label.class);
        Label exported = robot.lookup("#evaluationExportMessage").queryAs(Label.class);

        language(robot, Locale.SIMPLIFIED_CHINESE);
        robot.interact(() -> evaluation.writeReport(folder.resolve("report.html")));
        Alert[] failed = new Alert[1];
        ContextMenu[] menu = new ContextMenu[1];
        robot.interact(() -> {
            failed[0] = ChartExport.failed(model.i18n(), "roc.png", new IOException("disk full"));
            menu[0] = ChartExport.offerPng(new Region(), "chart.png", model.i18n());
        });

        Set<String> shown = texts(robot, tab);
        for (String text : List.of("各任务指标", "测试集", "误判成本与截断点", "任务",
                "接受坏客户 : 拒绝好客户", "拒绝", "接受", "坏客户", "好客户",
                "测试集上的校准（按预测概率分为十组）",
                "成本最低截断点下的混淆矩阵（截断点在验证集上选定，应用于测试集）",
                "多任务学习有帮助吗？", "成本比（接受坏客户 : 拒绝好客户）", "折数", "交叉验证",
                "与基准模型比较", "取消", "导出")) {
            assertTrue(shown.contains(text), text + " not among " + shown);
        }
        assertEquals("ROC 曲线", roc.getTitle());
        assertEquals("被拒绝的好客户比例（FPR）", axis(roc, true));
        assertEquals("被拒绝的坏客户比例（TPR）", axis(roc, false));
        assertEquals("校准（十组）", calibration.getTitle());
        assertEquals("平均预测概率", axis(calibration, true));
        assertEquals("实际发生率", axis(calibration, false));
        assertEquals("按实际结果的评分分布", scores.getTitle());
        assertEquals("评分（越高越安全）", axis(scores, true));
        assertEquals("申请人数", axis(scores, false));
        assertEquals("随机猜测", roc.getData().get(0).getName());
        assertTrue(roc.getData().get(1).getName().startsWith("bad（AUC "),
                roc.getData().get(1).getName());
        assertEquals("完美校准", calibration.getData().get(0).getName());
        assertEquals("好客户（bad = 0）", scores.getData().get(0).getName());
        assertEquals("坏客户（bad = 1）", scores.getData().get(1).getName());
        // the legends follow the names
        assertTrue(texts(robot, roc).contains("随机猜测"), texts(robot, roc).toString());
        assertTrue(texts(robot, scores).contains("坏客户（bad = 1）"));
        assertEquals(List.of("ROC 曲线另存为 PNG…", "校准图另存为 PNG…",
                "按结果的评分分布另存为 PNG…", "HTML 报告（英文）…"),
                export.getItems().stream().map(MenuItem::getText).toList());
        assertEquals(List.of("任务", "数据集", "行数", "AUC", "AUC 95% 区间", "基尼系数", "KS",
                "Brier 分数", "对数损失", "PR-AUC", "MAE", "MAE 95% 区间", "RMSE", "R²"),
                headers(metrics));
        assertTrue(cells(robot, metrics).containsAll(Set.of("测试集", "验证集", "bad")),
                cells(robot, metrics).toString());
        assertEquals(List.of("任务", "数据集", "成本比", "拒绝阈值", "拒绝的坏客户", "拒绝的好客户",
                "接受的好客户", "接受的坏客户", "每位申请人的成本"), headers(confusion));
        assertEquals(List.of("任务", "指标", "多任务", "单任务", "线性模型",
                "多任务 − 单任务 [95%]", "多任务 − 线性 [95%]", "结论"),
                headers(comparison));
        assertTrue(cutoff.getText().startsWith("预测概率达到 "), cutoff.getText());
        assertTrue(texts(robot, comparison).contains(
                "在同一数据划分上，各任务的多任务、单任务与线性模型结果将显示在此"));
        assertEquals("已写入 report.html", exported.getText());
        assertEquals("图表未保存", failed[0].getTitle());
        assertEquals("无法保存 roc.png：disk full", failed[0].getContentText());
        assertEquals(List.of("关闭"), failed[0].getButtonTypes().stream()
                .map(ButtonType::getText).toList());
        assertEquals("图表另存为 PNG…", menu[0].getItems().get(0).getText());

        language(robot, Locale.ENGLISH);

        shown = texts(robot, tab);
        for (String text : List.of("Metrics per task", "Test part",
                "Cost of errors and the cut-off", "refused", "accepted", "bad", "good",
                "Does multi-task learning help?", "Cross-validation", "Compare with baselines",
                "Cross-validate", "Export")) {
            assertTrue(shown.contains(text), text + " not among " + shown);
        }
        assertEquals("ROC curve", roc.getTitle());
        assertEquals("Goods refused (FPR)", axis(roc, true));
        assertEquals("Calibration (ten bins)", calibration.getTitle());
        assertEquals("Score (higher is safer)", axis(scores, true));
        assertEquals("chance", roc.getData().get(0).getName());
        assertTrue(roc.getData().get(1).getName().startsWith("bad (AUC "));
        assertEquals("good (bad = 0)", scores.getData().get(0).getName());
        assertTrue(texts(robot, roc).contains("chance"));
        assertEquals("HTML report…", export.getItems().get(3).getText());
        assertEquals("Part", headers(metrics).get(1));
        assertTrue(cells(robot, metrics).containsAll(Set.of("test", "validation")));
        assertTrue(cells(robot, metrics).stream().noneMatch(text -> text.contains("测试")));
        assertEquals("Refuse from", headers(confusion).get(3));
        assertTrue(cutoff.getText().startsWith("Refuse from a predicted probability of "));
        assertEquals("Wrote report.html", exported.getText());
        assertEquals("Save chart as PNG…", menu[0].getItems().get(0).getText());
    }

    @Test
    void comparisonAndCrossValidationSpeakChineseAndEnglish(FxRobot robot) throws Exception {
        TableView<?> comparison = robot.lookup("#comparisonTable").queryAs(TableView.class);
        TableView<?> crossValidation = robot.lookup("#crossValidationTable")
                .queryAs(TableView.class);
        Label progress = robot.lookup("#evaluationProgressLabel").queryAs(Label.class);
        Button compare = robot.lookup("#compareButton").queryAs(Button.class);
        Button crossValidate = robot.lookup("#crossValidateButton").queryAs(Button.class);
        Spinner<?> folds = robot.lookup("#foldsSpinner").queryAs(Spinner.class);
        robot.interact(() -> {
            model.epochsProperty().set(1);
            folds.getValueFactory().decrement(3);
        });
        language(robot, Locale.SIMPLIFIED_CHINESE);

        robot.interact(compare::fire);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> comparison.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("与基准模型比较：完成", progress.getText());
        Set<String> cells = cells(robot, comparison);
        assertTrue(cells.stream().anyMatch(text -> text.contains("单任务网络")
                && text.contains("线性模型") && text.contains("；")), cells.toString());

        robot.interact(crossValidate::fire);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> !crossValidation.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2 折交叉验证：完成", progress.getText());
        assertEquals(List.of("任务", "指标", "均值", "标准差"), headers(crossValidation));
        assertTrue(cells(robot, crossValidation).containsAll(Set.of("基尼系数", "对数损失")),
                cells(robot, crossValidation).toString());

        language(robot, Locale.ENGLISH);

        assertEquals("Cross-validating over 2 folds: done", progress.getText());
        assertTrue(cells(robot, comparison).stream().anyMatch(text -> text.contains(
                "the single-task network; ") && text.contains("the linear model")),
                cells(robot, comparison).toString());
        assertTrue(cells(robot, crossValidation).containsAll(Set.of("Gini", "Log loss")));
    }
}
