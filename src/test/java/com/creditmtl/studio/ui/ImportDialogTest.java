package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.ColumnRole;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.TaskDefinition;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The import dialog on the bundled German credit file, headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class ImportDialogTest {

    private static final Path GERMAN = Path.of("assets", "data", "credit-g.csv");

    private ImportDialogViewModel model;
    private ImportDialog dialog;

    @Start
    void start(Stage stage) {
        model = new ImportDialogViewModel(GERMAN);
        dialog = new ImportDialog(model, null);
        dialog.dialog().show();
    }

    @Test
    void previewShowsFirstRowsWithDetectedFormat(FxRobot robot) {
        TableView<?> preview = robot.lookup("#previewTable").queryAs(TableView.class);

        assertEquals(ImportDialogViewModel.PREVIEW_ROWS, preview.getItems().size());
        assertEquals("checking_status", preview.getColumns().get(0).getText());
        assertEquals("<0", preview.getColumns().get(0).getCellData(0));
        assertEquals("Read as UTF-8 · delimiter , · decimal point",
                robot.lookup("#detectedLabel").queryAs(Label.class).getText());
    }

    @Test
    void choosingAnotherDelimiterReadsThePreviewAgain(FxRobot robot) {
        ComboBox<String> delimiter = robot.lookup("#delimiterChoice").queryAs(ComboBox.class);

        robot.interact(() -> delimiter.setValue(";"));

        TableView<?> preview = robot.lookup("#previewTable").queryAs(TableView.class);
        assertEquals(1, preview.getColumns().size());
        assertTrue(robot.lookup("#detectedLabel").queryAs(Label.class).getText()
                .contains("delimiter ;"));
    }

    @Test
    void roleTableListsEveryColumnAsAuto(FxRobot robot) {
        TableView<?> roles = robot.lookup("#roleTable").queryAs(TableView.class);

        assertEquals(21, roles.getItems().size());
        assertEquals(ColumnRoleRow.AUTO, model.columns().get(0).roleProperty().get());
    }

    @Test
    void importReturnsOptionsWithTheTypedTaskAndChosenRole(FxRobot robot) {
        robot.clickOn("#tasksArea").write("class:binary:bad");
        robot.interact(() -> model.columns().get(1).roleProperty().set("categorical"));

        robot.clickOn("#importButton");

        ImportOptions options = dialog.dialog().getResult();
        assertEquals(List.of(TaskDefinition.parse("class:binary:bad")), options.tasks());
        assertEquals(ColumnRole.CATEGORICAL, options.roles().get("duration"));
    }

    @Test
    void unreadableTaskKeepsTheDialogOpenWithTheReason(FxRobot robot) {
        robot.clickOn("#tasksArea").write("class:ordinal");

        robot.clickOn("#importButton");

        assertTrue(dialog.dialog().isShowing());
        assertNull(dialog.dialog().getResult());
        assertTrue(robot.lookup("#problemLabel").queryAs(Label.class).getText()
                .startsWith("task 'class:ordinal'"));
    }

    @Test
    void enterInTheEncodingBoxAppliesTheTypedEncodingWithoutImporting(FxRobot robot) {
        ComboBox<String> encoding = robot.lookup("#encodingChoice").queryAs(ComboBox.class);

        robot.clickOn(encoding.getEditor()).eraseText(encoding.getEditor().getText().length())
                .write("windows-1252").type(KeyCode.ENTER);

        assertTrue(dialog.dialog().isShowing());
        assertNull(dialog.dialog().getResult());
        assertEquals("windows-1252", model.encodingProperty().get());
        assertTrue(robot.lookup("#detectedLabel").queryAs(Label.class).getText()
                .startsWith("Read as windows-1252"),
                robot.lookup("#detectedLabel").queryAs(Label.class).getText());
    }

    @Test
    void previewShowsAtLeastEightRowsAndTheTasksPromptReadsAsAPattern(FxRobot robot) {
        TableView<?> preview = robot.lookup("#previewTable").queryAs(TableView.class);
        TableView<?> roles = robot.lookup("#roleTable").queryAs(TableView.class);

        assertTrue(preview.getHeight() >= 8 * 24 + 30, "preview height " + preview.getHeight());
        assertTrue(roles.getHeight() >= 6 * 24 + 30, "role table height " + roles.getHeight());
        assertEquals("NAME:binary:VALUE",
                robot.lookup("#tasksArea").queryAs(TextArea.class).getPromptText());
    }

    @Test
    void aLongReasonWrapsAndTheComputedColumnsShowWithoutScrolling(FxRobot robot) {
        String reason = "credit-g.csv: no task column found; expected at least one of "
                + "default_probability, overdue_days, overdue_amount, or name the tasks "
                + "(--task NAME:binary:VALUE or NAME:regression)";
        robot.interact(() -> model.reportProblem(reason));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        Label problem = robot.lookup("#problemLabel").queryAs(Label.class);
        String drawn = problem.lookupAll(".text").stream()
                .filter(n -> n.getParent() == problem)
                .map(n -> ((javafx.scene.text.Text) n).getText())
                .collect(java.util.stream.Collectors.joining());
        assertEquals(reason, drawn);
        assertTrue(problem.getHeight() >= 2 * problem.getFont().getSize(),
                "problem line " + problem.getHeight() + " px high");

        // the dialog as it opens on a 1280×800 screen
        javafx.stage.Window window = dialog.dialog().getDialogPane().getScene().getWindow();
        assertTrue(window.getHeight() <= 800 - 60, "dialog " + window.getHeight() + " px high");
        TextArea computed = robot.lookup("#computedArea").queryAs(TextArea.class);
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane)
                computed.getParent().getParent().getParent().getParent();
        javafx.geometry.Bounds area = computed.localToScene(computed.getLayoutBounds());
        javafx.geometry.Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        assertTrue(area.getMaxY() <= view.getMaxY() + 0.5 && area.getMinY() >= view.getMinY(),
                "computed columns " + area + " within the task fields' view " + view);
    }
}
