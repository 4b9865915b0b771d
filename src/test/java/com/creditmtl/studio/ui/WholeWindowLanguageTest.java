package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Chart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window in Simplified Chinese after an import and a training: every tab is shown in
 * turn and every text the analyst can read there (labels, buttons, table headers and cells,
 * chart titles, axes, legends, tooltips, prompts, menus) is collected; none may hold an English
 * word. Words that come from the data (column, task and file names, category values) and the
 * names of metrics and methods that keep their Latin name in Chinese are allowed.
 */
class WholeWindowLanguageTest extends WindowTestBase {

    @TempDir
    static Path folder;

    @Start
    void start(Stage stage) {
        showWindow(stage);
    }

    /**
     * Latin words a Chinese credit analyst reads as they are: names of people and methods, the
     * keys Ctrl and Esc as keyboards print them, log in a formula, and "English", which names
     * that language in the language menu in every language.
     */
    private static final Set<String> KEPT = Set.of("Brier", "Gini", "Adam", "ReLU", "Polyak",
            "Kendall", "Pareto", "Xavier", "English", "Ctrl", "Esc", "log");
    /** A word with at least two lower-case letters: an English word rather than an acronym. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z]*[a-z][A-Za-z]*[a-z][A-Za-z]*");
    /** Identifiers and file names: anything with an underscore, digit, dot, slash or @. */
    private static final Pattern NAME = Pattern.compile(
            "[A-Za-z0-9]*[_0-9./\\\\@][A-Za-z0-9_./\\\\@-]*");

    @Test
    void everyTabReadsInChineseAfterTrainingAndInEnglishAgain(FxRobot robot) throws Exception {
        SmallTable.importInto(model, folder, "applicants.csv", 300, 11);
        robot.interact(() -> {
            model.settings().epochsProperty().set(3);
            view.train();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.studyProperty().get() != null
                && !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        // an applicant chosen, so the what-if editor and its reasons show
        javafx.scene.control.TableView<?> applicants = robot.lookup("#applicantTable").query();
        robot.interact(() -> applicants.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> model.i18n().localeProperty().set(Locale.SIMPLIFIED_CHINESE));
        Set<String> seen = new LinkedHashSet<>();
        List<String> english = new ArrayList<>();
        for (String tab : List.of(MainView.DATA, MainView.TASKS, MainView.TRAINING,
                MainView.EVALUATION, MainView.APPLICANTS, MainView.TRADE_OFFS)) {
            robot.interact(() -> view.selectTab(tab));
            WaitForAsyncUtils.waitForFxEvents();
            Set<String> texts = new LinkedHashSet<>();
            robot.interact(() -> collect(stage.getScene().getRoot(), texts));
            for (String text : texts) {
                String words = englishWords(text);
                if (!words.isEmpty() && seen.add(text)) {
                    english.add(tab + ": \"" + text + "\" [" + words + "]");
                }
            }
        }
        assertEquals(List.of(), english,
                "texts left in English in the Chinese window");

        robot.interact(() -> model.i18n().localeProperty().set(Locale.ENGLISH));
        assertEquals(List.of("Data", "Tasks and model", "Training", "Evaluation", "Applicants",
                "Trade-offs"), view.tabTitles());
        Set<String> texts = new LinkedHashSet<>();
        robot.interact(() -> collect(stage.getScene().getRoot(), texts));
        texts.remove(model.i18n().get("language.zh-CN"));
        assertTrue(texts.stream().noneMatch(text -> text.codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)),
                "Chinese left after switching back: " + texts);
    }

    /** The English words of a text once data names and kept Latin names are taken out. */
    private static String englishWords(String text) {
        String rest = NAME.matcher(text).replaceAll(" ");
        for (String column : SmallTable.HEADER.split(",")) {
            rest = rest.replaceAll("\\b" + column + "\\b", " ");
        }
        for (String region : SmallTable.REGIONS) {
            rest = rest.replaceAll("\\b" + region + "\\b", " ");
        }
        List<String> found = new ArrayList<>();
        Matcher matcher = WORD.matcher(rest);
        while (matcher.find()) {
            if (!KEPT.contains(matcher.group())) {
                found.add(matcher.group());
            }
        }
        return String.join(" ", found);
    }

    /** Every readable text under a node that is showing, menus and tooltips included. */
    private static void collect(Node node, Set<String> texts) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof MenuBar bar) {
            bar.getMenus().forEach(menu -> collect(menu, texts));
        }
        if (node instanceof Labeled labeled) {
            add(texts, labeled.getText());
        }
        if (node instanceof Text text) {
            add(texts, text.getText());
        }
        if (node instanceof Control control) {
            Tooltip tooltip = control.getTooltip();
            if (tooltip != null) {
                add(texts, tooltip.getText());
            }
        }
        if (node instanceof TextInputControl input) {
            // what the analyst typed or the data is content; only the prompt is the window's
            add(texts, input.getPromptText());
            return;
        }
        if (node instanceof TableView<?> table) {
            table.getColumns().forEach(column -> collect(column, texts));
        }
        if (node instanceof TabPane tabs) {
            tabs.getTabs().forEach(tab -> add(texts, tab.getText()));
        }
        if (node instanceof Chart chart) {
            add(texts, chart.getTitle());
            if (chart instanceof XYChart<?, ?> xy) {
                add(texts, xy.getXAxis().getLabel());
                add(texts, xy.getYAxis().getLabel());
                xy.getData().forEach(series -> add(texts, series.getName()));
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
        }
    }

    private static void collect(TableColumnBase<?, ?> column, Set<String> texts) {
        if (column.isVisible()) {
            add(texts, column.getText());
            column.getColumns().forEach(child -> collect(child, texts));
        }
    }

    private static void collect(MenuItem item, Set<String> texts) {
        add(texts, item.getText());
        if (item instanceof Menu menu) {
            menu.getItems().forEach(child -> collect(child, texts));
        }
    }

    private static void add(Set<String> texts, String text) {
        if (text != null && !text.isBlank()) {
            texts.add(text);
        }
    }
}
