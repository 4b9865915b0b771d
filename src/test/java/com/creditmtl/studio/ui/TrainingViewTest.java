package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.study.StudyTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Training tab at the size it has in a 1280×800 window: the headings and the empty tables'
 * texts of its three tables read whole, in English and in Chinese.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {

    private static final List<String> TABLES = List.of("#metricsTable", "#runTable",
            "#comparisonTable");

    private ExecutorService executor;
    private MainViewModel main;

    @Start
    void start(Stage stage) {
        executor = StudioApp.backgroundExecutor();
        main = new MainViewModel(new CsvImporter(), new StudyTrainer(), executor);
        // the tab's room in the window: 1280 wide, below the menu, tool bar and tabs
        stage.setScene(new Scene(new TrainingView(main).build(), 1280, 690));
        stage.show();
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void headingsReadWholeInEitherLanguage(FxRobot robot) {
        for (Locale language : I18n.LANGUAGES) {
            robot.interact(() -> main.i18n().localeProperty().set(language));
            WaitForAsyncUtils.waitForFxEvents();
            for (String id : TABLES) {
                TableView<?> table = robot.lookup(id).queryAs(TableView.class);
                for (TableColumn<?, ?> column : table.getColumns()) {
                    double needed = TableColumns.headingWidth(column.getText());
                    assertTrue(column.getWidth() >= needed, id + " " + language + ": '"
                            + column.getText() + "' is " + column.getWidth()
                            + " px wide and needs " + needed);
                }
                for (Label heading : headingLabels(table)) {
                    assertShownWhole(heading, id + " " + language + " heading");
                }
            }
        }
    }

    @Test
    void emptyTablesSayWhyInWholeSentences(FxRobot robot) {
        for (Locale language : I18n.LANGUAGES) {
            robot.interact(() -> main.i18n().localeProperty().set(language));
            WaitForAsyncUtils.waitForFxEvents();
            for (String id : TABLES) {
                TableView<?> table = robot.lookup(id).queryAs(TableView.class);
                Label placeholder = (Label) table.getPlaceholder();
                assertFalse(placeholder.getText().isEmpty());
                assertShownWhole(placeholder, id + " " + language + " placeholder");
            }
        }
    }

    /** The text a label draws is its whole text, not cut short with an ellipsis. */
    private static void assertShownWhole(Label label, String what) {
        StringBuilder drawn = new StringBuilder();
        for (Node node : label.lookupAll(".text")) {
            if (node instanceof Text text && text.getParent() == label) {
                drawn.append(text.getText());
            }
        }
        // a wrapped text is drawn as one text node holding the whole string
        assertEquals(label.getText(), drawn.toString(), what);
    }

    private static List<Label> headingLabels(TableView<?> table) {
        List<Label> labels = new ArrayList<>();
        for (Node node : table.lookupAll(".column-header .label")) {
            if (node instanceof Label label && label.getText() != null
                    && !label.getText().isEmpty()) {
                labels.add(label);
            }
        }
        return labels;
    }
}
