package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The import dialog opened from a window in Simplified Chinese, on the bundled German credit
 * file, headless under Monocle: its own texts are Chinese, and the choices shown in Chinese
 * still mean what they meant.
 */
@ExtendWith(ApplicationExtension.class)
class ImportDialogLanguageTest {

    private static final Path GERMAN = Path.of("assets", "data", "credit-g.csv");

    private ImportDialogViewModel model;
    private ImportDialog dialog;

    @Start
    void start(Stage stage) {
        model = new ImportDialogViewModel(GERMAN, new I18n(Locale.SIMPLIFIED_CHINESE));
        dialog = new ImportDialog(model, null);
        dialog.dialog().show();
    }

    @Test
    void dialogTextsAreChineseAndChoicesKeepTheirMeaning(FxRobot robot) {
        assertEquals("导入 credit-g.csv", dialog.dialog().getTitle());
        assertEquals("读取方式：UTF-8 · 分隔符 , · 小数点 点",
                robot.lookup("#detectedLabel").queryAs(Label.class).getText());
        List<String> buttons = dialog.dialog().getDialogPane().getButtonTypes().stream()
                .map(ButtonType::getText).toList();
        assertEquals(List.of("导入", "取消"), buttons);
        assertEquals(ButtonBar.ButtonData.CANCEL_CLOSE,
                dialog.dialog().getDialogPane().getButtonTypes().get(1).getButtonData());
        assertEquals("导入", robot.lookup("#importButton").queryAs(Button.class).getText());

        TableView<?> roles = robot.lookup("#roleTable").queryAs(TableView.class);
        assertEquals(List.of("列", "角色", "检测结果", "前几个取值"), roles.getColumns().stream()
                .map(TableColumnBase::getText).toList());
        assertEquals("类别（文本）", roles.getColumns().get(2).getCellData(0));
        assertEquals("不受泄漏检查排除的特征，以逗号分隔",
                robot.lookup("#keepField").queryAs(TextField.class).getPromptText());
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(label -> "分隔符".equals(label.getText())), "delimiter label");

        @SuppressWarnings("unchecked")
        ComboBox<String> decimal = robot.lookup("#decimalChoice").queryAs(ComboBox.class);
        assertEquals("自动", decimal.getConverter().toString(decimal.getValue()));
        assertEquals("逗号", decimal.getConverter().toString("comma"));
        assertEquals("comma", decimal.getConverter().fromString("逗号"));
        @SuppressWarnings("unchecked")
        ComboBox<String> encoding = robot.lookup("#encodingChoice").queryAs(ComboBox.class);
        assertEquals("auto", encoding.getConverter().fromString("自动"));
        assertEquals("GB18030", encoding.getConverter().fromString("GB18030"));

        // a sentinel line that cannot be read is refused in Chinese
        robot.interact(() -> model.sentinelsProperty().set("days"));
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, model::options);
        assertEquals("缺失代码 'days' 应写作 COLUMN=V1|V2", refused.getMessage());
    }
}
