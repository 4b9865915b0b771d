package com.creditmtl.studio.ui;

import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.ui.ApplicantFilter.Column;
import com.creditmtl.studio.ui.ApplicantFilter.Condition;
import com.creditmtl.studio.ui.ApplicantFilter.Kind;
import com.creditmtl.studio.ui.ApplicantFilter.Operator;
import com.creditmtl.studio.ui.ApplicantsViewModel.ApplicantRow;
import com.creditmtl.studio.ui.ApplicantsViewModel.FeatureValue;
import com.creditmtl.studio.ui.ApplicantsViewModel.TaskOutcome;
import java.io.File;
import java.text.NumberFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.controlsfx.control.RangeSlider;

/**
 * The Applicants tab: a tool bar to choose the study that scores (trained here or opened from a
 * study file), save the trained one and score a file of new applicants; the applicants in a
 * table to filter by conditions on any column, sort by any column and export; and beside it the
 * what-if editor of the selected applicant, the scorecard settings and the drift report of the
 * last file scored. Binds controls to {@link ApplicantsViewModel}, its {@link ApplicantFilter}
 * and {@link ScoringViewModel} and holds no logic of its own. Every text comes from
 * {@link I18n} and follows a change of language at once; task and feature names, and the reason
 * texts of the scoring engine, are shown as the engine gives them.
 */
final class ApplicantsView {

    private static final String ERROR_STYLE = "-fx-text-fill: #b00020;";
    private static final String WARNING_STYLE = "-fx-text-fill: #8a5a00;";
    private static final String CHIP_STYLE = "-fx-background-color: #e3ecf7; "
            + "-fx-background-radius: 12; -fx-border-color: #90a4c8; -fx-border-radius: 12; "
            + "-fx-padding: 1 4 1 10;";

    private final ApplicantsViewModel model;
    private final ScoringViewModel scoring;
    private final I18n i18n;
    private final TableView<ApplicantRow> table = new TableView<>();
    private final FlowPane chips = new FlowPane(6, 4);
    private final GridPane editor = new GridPane();
    private final BorderPane root = new BorderPane();

    ApplicantsView(ApplicantsViewModel model, ScoringViewModel scoring, I18n i18n) {
        this.model = model;
        this.scoring = scoring;
        this.i18n = i18n;
    }

    /** The tab's content for the main window, its view models made over the window's. */
    static Region forWindow(MainViewModel main) {
        ApplicantsViewModel applicants = new ApplicantsViewModel(main, main.executor());
        return new ApplicantsView(applicants,
                new ScoringViewModel(main, applicants, main.executor()), main.i18n()).build();
    }

    Region build() {
        SplitPane split = new SplitPane(applicantsPane(), sidePane());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.58);
        root.setTop(scoringBar());
        root.setCenter(split);
        i18n.localeProperty().addListener((obs, old, now) -> {
            table.refresh();
            rebuildChips();
            rebuildEditor();
        });
        return root;
    }

    /** A message in the current language, or nothing for none. */
    static String text(I18n i18n, I18n.Message message) {
        return message == null ? "" : i18n.get(message);
    }

    private String text(I18n.Message message) {
        return text(i18n, message);
    }

    /** A changing message's text, following the message and the language. */
    private StringBinding bind(ObservableValue<I18n.Message> message) {
        return Bindings.createStringBinding(() -> text(message.getValue()),
                message, i18n.localeProperty());
    }

    private ToolBar scoringBar() {
        Label name = new Label();
        name.setId("scoringStudyLabel");
        name.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(
                "applicants.bar.study", text(scoring.studyNameProperty().get())),
                scoring.studyNameProperty(), i18n.localeProperty()));

        Button open = button("applicants.bar.open", "openStudyButton",
                "applicants.bar.open.tip");
        open.setOnAction(e -> chooseOpen("applicants.chooser.openStudy",
                "applicants.chooser.studyFiles", "*.cmtl").ifPresent(scoring::openStudy));
        Button trained = button("applicants.bar.useTrained", "useTrainedButton",
                "applicants.bar.useTrained.tip");
        trained.setOnAction(e -> scoring.useTrainedStudy());
        Button save = button("applicants.bar.save", "saveStudyButton",
                "applicants.bar.save.tip");
        save.setOnAction(e -> chooseSave("applicants.chooser.saveStudy", "study.cmtl",
                "applicants.chooser.studyFiles", "*.cmtl").ifPresent(scoring::saveStudy));
        Button score = button("applicants.bar.scoreFile", "scoreFileButton",
                "applicants.bar.scoreFile.tip");
        score.setOnAction(e -> chooseOpen("applicants.chooser.scoreFile",
                "applicants.chooser.csvFiles", "*.csv", "*.txt").ifPresent(scoring::scoreFile));
        Button cancel = button("applicants.bar.cancel", "scoringCancelButton",
                "applicants.bar.cancel.tip");
        cancel.setOnAction(e -> scoring.cancel());
        cancel.disableProperty().bind(scoring.runningProperty().not());
        for (Button idle : List.of(open, trained, save, score)) {
            idle.disableProperty().bind(scoring.runningProperty());
        }

        ProgressBar bar = new ProgressBar();
        bar.setId("scoringProgress");
        bar.setPrefWidth(80);
        bar.progressProperty().bind(scoring.progressProperty());
        Label text = new Label();
        text.setId("scoringProgressText");
        // the running step's own words while it runs, then how it ended
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            String running = scoring.progressTextProperty().get();
            return running != null && !running.isEmpty() ? running
                    : text(scoring.statusProperty().get());
        }, scoring.progressTextProperty(), scoring.statusProperty(), i18n.localeProperty()));
        return new ToolBar(name, new Separator(), open, trained, save, new Separator(), score,
                cancel, bar, text);
    }

    private Button button(String key, String id, String tipKey) {
        Button button = new Button();
        button.setId(id);
        button.textProperty().bind(i18n.bind(key));
        button.setTooltip(tooltip(tipKey));
        return button;
    }

    private Tooltip tooltip(String key) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.bind(key));
        return tip;
    }

    private Label label(String key) {
        Label label = new Label();
        label.textProperty().bind(i18n.bind(key));
        return label;
    }

    private Region applicantsPane() {
        Label source = new Label();
        source.setId("applicantsSource");
        source.textProperty().bind(bind(model.sourceProperty()));
        source.setStyle("-fx-font-weight: bold;");

        // the table's id of old, which the window's tests look up
        table.setId("applicantTable");
        SortedList<ApplicantRow> sorted = new SortedList<>(model.filtered());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // every row one line high, as the default style draws it (2 em): the rows are laid out
        // without measuring each one's cells
        table.setFixedCellSize(Math.ceil(2 * Font.getDefault().getSize()));
        // no applicants at all, or none that the filter lets through
        Label placeholder = new Label();
        placeholder.setId("applicantTablePlaceholder");
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(
                model.rows().isEmpty() ? "applicants.table.placeholder"
                        : "applicants.table.noMatch"), model.rows(), i18n.localeProperty()));
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) ->
                model.selectedProperty().set(row));
        model.filter().columns().addListener((ListChangeListener<Column>) c -> rebuildColumns());
        rebuildColumns();

        Button export = new Button();
        export.setId("exportApplicantsButton");
        export.textProperty().bind(i18n.bind("applicants.export"));
        export.setTooltip(tooltip("applicants.export.tip"));
        export.disableProperty().bind(Bindings.isEmpty(model.filtered())
                .or(model.exportingProperty()));
        export.setOnAction(e -> chooseSave("applicants.chooser.export", "applicants.csv",
                "applicants.chooser.csvFiles", "*.csv")
                .ifPresent(file -> model.export(chosenRows(), file)));
        Label message = new Label();
        message.setId("applicantsExportMessage");
        message.textProperty().bind(bind(model.exportMessageProperty()));
        HBox exportRow = new HBox(8, export, message);
        exportRow.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(6, source, filterBar(), table, exportRow);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    /**
     * The filter: a quick search of IDs, then a condition's column, operator and value with Add,
     * the conditions in force as chips to remove one by one, Clear all, and the count shown.
     */
    private Region filterBar() {
        ApplicantFilter filter = model.filter();
        TextField search = new TextField();
        search.setId("applicantFilter");
        search.promptTextProperty().bind(i18n.bind("applicants.filter.search"));
        search.setPrefColumnCount(10);
        search.textProperty().bindBidirectional(model.filterTextProperty());

        ComboBox<Column> column = new ComboBox<>(filter.columns());
        column.setId("applicantFilterColumn");
        column.setConverter(converter(c -> text(c.title())));
        column.valueProperty().bindBidirectional(filter.columnProperty());
        column.setTooltip(tooltip("applicants.filter.column.tip"));

        ComboBox<Operator> operator = new ComboBox<>(filter.operators());
        operator.setId("applicantFilterOperator");
        operator.setConverter(converter(this::operatorText));
        operator.valueProperty().bindBidirectional(filter.operatorProperty());
        operator.setTooltip(tooltip("applicants.filter.operator.tip"));

        // new converters and button cells make both boxes write their choices again in the new
        // language; the operators' words also depend on the column's kind
        i18n.localeProperty().addListener((obs, old, now) -> {
            column.setConverter(converter(c -> text(c.title())));
            column.setButtonCell(buttonCell(c -> text(c.title())));
            operator.setConverter(converter(this::operatorText));
            operator.setButtonCell(buttonCell(this::operatorText));
        });
        filter.columnProperty().addListener((obs, old, now) -> {
            operator.setConverter(converter(this::operatorText));
            operator.setButtonCell(buttonCell(this::operatorText));
        });

        ComboBox<String> value = new ComboBox<>(filter.valueChoices());
        value.setId("applicantFilterValue");
        value.setEditable(true);
        value.setPrefWidth(120);
        value.getEditor().textProperty().bindBidirectional(filter.valueProperty());
        value.getEditor().promptTextProperty().bind(i18n.bind("applicants.filter.value"));
        value.getEditor().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                filter.add();
                e.consume();
            }
        });

        Button add = new Button();
        add.setId("applicantFilterAddButton");
        add.textProperty().bind(i18n.bind("applicants.filter.add"));
        add.setTooltip(tooltip("applicants.filter.add.tip"));
        add.disableProperty().bind(filter.columnProperty().isNull());
        add.setOnAction(e -> filter.add());
        Button clear = new Button();
        clear.setId("applicantFilterClearButton");
        clear.textProperty().bind(i18n.bind("applicants.filter.clear"));
        clear.setTooltip(tooltip("applicants.filter.clear.tip"));
        clear.disableProperty().bind(Bindings.isEmpty(filter.conditions())
                .and(model.filterTextProperty().isEmpty()));
        clear.setOnAction(e -> {
            filter.clear();
            model.filterTextProperty().set("");
        });

        Label count = new Label();
        count.setId("applicantCount");
        count.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(
                "applicants.filter.count", model.filtered().size(), model.rows().size()),
                model.filtered(), model.rows(), i18n.localeProperty()));

        Label title = label("applicants.filter");
        for (Region fixed : List.of(title, add, clear, count)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(value, Priority.SOMETIMES);
        value.setMaxWidth(Double.MAX_VALUE);
        HBox searchRow = new HBox(6, title, search, gap, count);
        searchRow.setAlignment(Pos.CENTER_LEFT);
        HBox draft = new HBox(6, column, operator, value, add, clear);
        draft.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("applicantFilterMessage");
        message.setStyle(ERROR_STYLE);
        message.textProperty().bind(bind(filter.messageProperty()));
        message.managedProperty().bind(filter.messageProperty().isNotNull());
        message.visibleProperty().bind(filter.messageProperty().isNotNull());

        chips.setId("applicantFilterChips");
        chips.managedProperty().bind(Bindings.isNotEmpty(filter.conditions()));
        chips.visibleProperty().bind(Bindings.isNotEmpty(filter.conditions()));
        filter.conditions().addListener((ListChangeListener<Condition>) c -> rebuildChips());
        rebuildChips();
        return new VBox(4, searchRow, draft, scoreRange(), message, chips);
    }

    /**
     * A range slider over the scores of the applicants shown: dragging either end keeps the
     * applicants whose score lies between, as the score's ≥ and ≤ conditions, which appear as
     * chips and can be removed like any others; the thumbs follow those conditions back.
     */
    private Region scoreRange() {
        ApplicantFilter filter = model.filter();
        RangeSlider slider = new RangeSlider(0, 1, 0, 1);
        slider.setId("scoreRangeSlider");
        slider.setShowTickLabels(true);
        slider.setShowTickMarks(true);
        slider.setTooltip(tooltip("applicants.filter.scoreRange.tip"));
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        Label shown = new Label();
        shown.setId("scoreRangeText");
        shown.setMinWidth(Region.USE_PREF_SIZE);
        Runnable describe = () -> shown.setText(i18n.get("applicants.filter.scoreRange.shown",
                Math.round(slider.getLowValue()), Math.round(slider.getHighValue())));
        boolean[] syncing = {false};
        Runnable follow = () -> {
            // the thumbs show the score's conditions, or the whole range without any
            double[] range = filter.range(SCORE_KEY);
            syncing[0] = true;
            slider.setHighValue(slider.getMax());
            slider.setLowValue(Double.isNaN(range[0]) ? slider.getMin()
                    : Math.max(slider.getMin(), Math.min(range[0], slider.getMax())));
            slider.setHighValue(Double.isNaN(range[1]) ? slider.getMax()
                    : Math.max(slider.getLowValue(), Math.min(range[1], slider.getMax())));
            syncing[0] = false;
            describe.run();
        };
        Runnable bounds = () -> {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (ApplicantsViewModel.ApplicantRow row : model.rows()) {
                double score = Math.floor(row.result().score());
                if (Double.isFinite(score)) {
                    min = Math.min(min, score);
                    max = Math.max(max, score);
                }
            }
            boolean any = min <= max;
            slider.setDisable(!any || min == max);
            syncing[0] = true;
            slider.setMin(any ? min : 0);
            slider.setMax(any ? Math.max(max, min + 1) : 1);
            slider.setMajorTickUnit(tickUnit(slider.getMax() - slider.getMin()));
            slider.setMinorTickCount(0);
            syncing[0] = false;
            follow.run();
        };
        Runnable apply = () -> {
            if (!syncing[0] && !slider.isLowValueChanging() && !slider.isHighValueChanging()) {
                filter.setRange(SCORE_KEY, Math.round(slider.getLowValue()),
                        Math.round(slider.getHighValue()), slider.getMin(), slider.getMax());
            }
        };
        slider.lowValueProperty().addListener((obs, old, now) -> {
            describe.run();
            apply.run();
        });
        slider.highValueProperty().addListener((obs, old, now) -> {
            describe.run();
            apply.run();
        });
        slider.lowValueChangingProperty().addListener((obs, old, now) -> apply.run());
        slider.highValueChangingProperty().addListener((obs, old, now) -> apply.run());
        filter.conditions().addListener((ListChangeListener<Condition>) c -> follow.run());
        model.rows().addListener((ListChangeListener<ApplicantsViewModel.ApplicantRow>) c ->
                bounds.run());
        i18n.localeProperty().addListener((obs, old, now) -> describe.run());
        bounds.run();

        Label title = label("applicants.filter.scoreRange");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, title, slider, shown);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The key of the score's column in the filter. */
    static final String SCORE_KEY = "score";

    /** A round step between tick labels: about five labels over the span. */
    static double tickUnit(double span) {
        return Ticks.roundStep(Math.max(span, 1) / 5);
    }

    private String operatorText(Operator operator) {
        Column column = model.filter().columnProperty().get();
        return operatorText(operator, column == null ? Kind.NUMBER : column.kind());
    }

    /** Numbers compare by sign, text by words. */
    private String operatorText(Operator operator, Kind kind) {
        if (kind == Kind.NUMBER) {
            return operator.symbol();
        }
        return switch (operator) {
            case EQUAL -> i18n.get("applicants.filter.op.equals");
            case NOT_EQUAL -> i18n.get("applicants.filter.op.notEquals");
            case CONTAINS -> i18n.get("applicants.filter.op.contains");
            default -> operator.symbol();
        };
    }

    /** One chip a condition: its words and a button to remove it. */
    private void rebuildChips() {
        chips.getChildren().clear();
        int index = 0;
        for (Condition condition : model.filter().conditions()) {
            Column column = condition.column();
            String value = column.kind() == Kind.TEXT ? "\u201c" + condition.shown() + "\u201d"
                    : condition.shown();
            Label words = new Label(i18n.get("applicants.filter.condition",
                    text(column.title()), operatorText(condition.operator(), column.kind()),
                    value));
            Button remove = new Button("×");
            remove.setId("applicantFilterRemove" + index);
            remove.setStyle("-fx-background-color: transparent; -fx-padding: 0 4 0 4;");
            remove.setTooltip(new Tooltip(i18n.get("applicants.filter.remove.tip")));
            remove.setOnAction(e -> model.filter().remove(condition));
            HBox chip = new HBox(2, words, remove);
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.setStyle(CHIP_STYLE);
            chip.getStyleClass().add("filter-chip");
            chips.getChildren().add(chip);
            index++;
        }
    }

    private static <T> ListCell<T> buttonCell(Function<T, String> words) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : words.apply(item));
            }
        };
    }

    private static <T> StringConverter<T> converter(Function<T, String> words) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : words.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    /** The selected applicants, or all shown (in the order shown) when none is selected. */
    List<ApplicantRow> chosenRows() {
        List<ApplicantRow> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
        return chosen.isEmpty() ? List.copyOf(table.getItems()) : chosen;
    }

    /**
     * The table's columns, from the filter's: a task's actual and predicted under the task's
     * name, the features under one heading. Each column is given the width of its heading and
     * of its first {@value #ROWS_FITTED} values, measured here from their text: left to itself,
     * the table would fit every new column by laying out a whole measuring row for each of
     * those values, a cost that grows with the square of the columns and held the window still
     * for seconds when a training ended with the tab hidden.
     */
    private void rebuildColumns() {
        table.getColumns().clear();
        Map<I18n.Message, TableColumn<ApplicantRow, ?>> groups = new LinkedHashMap<>();
        List<ApplicantRow> first = List.copyOf(table.getItems().subList(0,
                Math.min(ROWS_FITTED, table.getItems().size())));
        for (Column column : model.filter().columns()) {
            TableColumn<ApplicantRow, ?> shown;
            Function<ApplicantRow, String> words;
            if (column.kind() == Kind.NUMBER) {
                shown = numberColumn(bindText(column.header()), column::number,
                        column.decimals(), column.trimmed());
                words = row -> numberText(column.number(row), column.decimals(),
                        column.trimmed());
            } else {
                shown = textColumn(bindText(column.header()), column::text);
                words = column::text;
            }
            shown.setId("column-" + column.key());
            fitWidth(shown, withWidest(first, column), words);
            TableColumns.wholeHeading(shown);
            if (column.group() == null) {
                table.getColumns().add(shown);
                continue;
            }
            TableColumn<ApplicantRow, ?> group = groups.computeIfAbsent(column.group(), name -> {
                TableColumn<ApplicantRow, String> heading = new TableColumn<>();
                heading.textProperty().bind(bindText(name));
                table.getColumns().add(heading);
                return heading;
            });
            group.getColumns().add(shown);
        }
        groups.values().forEach(TableColumns::wholeGroupHeading);
    }

    /**
     * The first rows, and the rows of all the table whose value in the column is likely the
     * widest: the longest text, or the largest and the lowest number. Found by length and
     * value alone, so every row is looked at without measuring its text.
     */
    private List<ApplicantRow> withWidest(List<ApplicantRow> first, Column column) {
        List<ApplicantRow> measured = new ArrayList<>(first);
        ApplicantRow longest = null;
        ApplicantRow largest = null;
        ApplicantRow lowest = null;
        int longestLength = -1;
        double largestSize = -1;
        double lowestValue = Double.POSITIVE_INFINITY;
        for (ApplicantRow row : table.getItems()) {
            if (column.kind() == Kind.TEXT) {
                int length = column.text(row).length();
                if (length > longestLength) {
                    longestLength = length;
                    longest = row;
                }
                continue;
            }
            double v = column.number(row);
            if (Double.isNaN(v)) {
                continue;
            }
            if (Math.abs(v) > largestSize) {
                largestSize = Math.abs(v);
                largest = row;
            }
            if (v < lowestValue) {
                lowestValue = v;
                lowest = row;
            }
        }
        for (ApplicantRow row : Arrays.asList(longest, largest, lowest)) {
            if (row != null) {
                measured.add(row);
            }
        }
        return measured;
    }

    /** Values of a column measured for its width, as many as the table itself would read. */
    static final int ROWS_FITTED = 30;

    private final Text measure = new Text();

    /**
     * Sets a column's width to fit its heading (in bold) and the values given, with the
     * padding of the default style. Without values the column keeps the default width, so
     * an empty table looks as before.
     */
    private void fitWidth(TableColumn<ApplicantRow, ?> column, List<ApplicantRow> rows,
            Function<ApplicantRow, String> words) {
        if (rows.isEmpty()) {
            return;
        }
        Font font = Font.getDefault();
        double widest = 0;
        measure.setFont(font);
        for (ApplicantRow row : rows) {
            String text = words.apply(row);
            if (text != null && !text.isEmpty()) {
                measure.setText(text);
                widest = Math.max(widest, measure.getLayoutBounds().getWidth());
            }
        }
        measure.setFont(Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()));
        measure.setText(column.getText() == null ? "" : column.getText());
        double heading = measure.getLayoutBounds().getWidth();
        column.setPrefWidth(fittedWidth(widest, heading, font.getSize()));
    }

    /**
     * The width that fits the widest value and the heading as the table itself would fit
     * them: a cell pads its text by a sixth of the font's size on either side and draws a
     * one-pixel border, and ten pixels more keep the text clear of the column's edge; a heading
     * keeps thirteen pixels beside its text.
     */
    static double fittedWidth(double widestValue, double headingText, double fontSize) {
        double cell = widestValue > 0 ? widestValue + 2 * fontSize / 6 + 1 + 10 : 0;
        return Math.ceil(Math.max(cell, headingText + 13));
    }

    private StringBinding bindText(I18n.Message message) {
        return Bindings.createStringBinding(() -> text(message), i18n.localeProperty());
    }

    private static <T> TableColumn<T, String> textColumn(ObservableValue<String> header,
            Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>();
        column.textProperty().bind(header);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                value.apply(cell.getValue())));
        return column;
    }

    private <T> TableColumn<T, Double> numberColumn(ObservableValue<String> header,
            ToDoubleFunction<T> value, int decimals) {
        return numberColumn(header, value, decimals, false);
    }

    /**
     * A column of figures in the current locale, sorting by value, NaN shown empty; with
     * exactly the decimals given, or at most those when trimmed.
     */
    private <T> TableColumn<T, Double> numberColumn(ObservableValue<String> header,
            ToDoubleFunction<T> value, int decimals, boolean trimmed) {
        TableColumn<T, Double> column = new TableColumn<>();
        column.textProperty().bind(header);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                value.applyAsDouble(cell.getValue())));
        column.setCellFactory(c -> {
            TableCell<T, Double> cell = new TableCell<>() {
                @Override
                protected void updateItem(Double item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? "" : numberText(item, decimals, trimmed));
                }
            };
            cell.setAlignment(Pos.CENTER_RIGHT);
            return cell;
        });
        return column;
    }

    /** A figure as a number column shows it. */
    private String numberText(double value, int decimals, boolean trimmed) {
        return trimmed ? trimmedNumber(value, decimals) : i18n.number(value, decimals);
    }

    /** Formats of at most so many decimals, one a number of decimals, for the locale shown. */
    private final Map<Integer, NumberFormat> trimmedFormats = new HashMap<>();
    private Locale trimmedLocale;

    private String trimmedNumber(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (!i18n.locale().equals(trimmedLocale)) {
            trimmedFormats.clear();
            trimmedLocale = i18n.locale();
        }
        NumberFormat format = trimmedFormats.computeIfAbsent(decimals, d -> {
            NumberFormat made = NumberFormat.getNumberInstance(trimmedLocale);
            made.setMinimumFractionDigits(0);
            made.setMaximumFractionDigits(d);
            return made;
        });
        return format.format(value);
    }

    private Region sidePane() {
        Tab whatIf = new Tab();
        whatIf.textProperty().bind(i18n.bind("applicants.side.whatIf"));
        whatIf.setContent(whatIfPane());
        Tab scorecard = new Tab();
        scorecard.textProperty().bind(i18n.bind("applicants.side.scorecard"));
        scorecard.setContent(scorecardPane());
        Tab drift = new Tab();
        drift.textProperty().bind(i18n.bind("applicants.side.drift"));
        drift.setContent(driftPane());
        TabPane side = new TabPane(whatIf, scorecard, drift);
        side.setId("applicantSideTabs");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // a file just scored: its drift and the warnings on its applicants come first
        scoring.driftSummaryProperty().addListener((obs, old, now) -> {
            if (now != null) {
                side.getSelectionModel().select(drift);
            }
        });
        return side;
    }

    private Region whatIfPane() {
        Label title = new Label();
        title.setId("whatIfTitle");
        title.setStyle("-fx-font-weight: bold;");
        title.setWrapText(true);
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            ApplicantRow row = model.selectedProperty().get();
            return row == null ? i18n.get("applicants.whatIf.select")
                    : i18n.get("applicants.whatIf.title", row.id());
        }, model.selectedProperty(), i18n.localeProperty()));

        editor.setId("whatIfEditor");
        editor.setHgap(8);
        editor.setVgap(4);
        model.features().addListener((ListChangeListener<FeatureValue>) c -> rebuildEditor());

        Label score = new Label();
        score.setId("whatIfScore");
        score.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        score.textProperty().bind(Bindings.createStringBinding(() -> {
            double value = model.scoreProperty().get();
            return Double.isNaN(value) ? "" : i18n.get("applicants.whatIf.score",
                    i18n.number(Math.floor(value), 0), model.gradeProperty().get());
        }, model.scoreProperty(), model.gradeProperty(), i18n.localeProperty()));

        TableView<TaskOutcome> outcomes = new TableView<>(model.outcomes());
        outcomes.setId("whatIfOutcomes");
        outcomes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        outcomes.getColumns().add(textColumn(i18n.bind("applicants.outcome.task"),
                TaskOutcome::task));
        outcomes.getColumns().add(outcomeColumn("applicants.outcome.actual",
                TaskOutcome::actual, true));
        outcomes.getColumns().add(outcomeColumn("applicants.outcome.predicted",
                TaskOutcome::before, false));
        outcomes.getColumns().add(outcomeColumn("applicants.outcome.whatIf",
                TaskOutcome::now, false));
        outcomes.setPrefHeight(112);
        outcomes.setMinHeight(100);
        outcomes.setPlaceholder(new Label(""));
        i18n.localeProperty().addListener((obs, old, now) -> outcomes.refresh());

        ListView<String> reasons = new ListView<>(model.reasons());
        reasons.setId("whatIfReasons");
        reasons.setPrefHeight(150);
        reasons.setMinHeight(100);
        reasons.setCellFactory(list -> {
            ListCell<String> cell = new ListCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.setWrapText(true);
            cell.prefWidthProperty().bind(list.widthProperty().subtract(20));
            return cell;
        });
        Label none = label("applicants.reasons.none");
        none.visibleProperty().bind(model.selectedProperty().isNotNull());
        reasons.setPlaceholder(none);

        Button reset = new Button();
        reset.setId("whatIfResetButton");
        reset.textProperty().bind(i18n.bind("applicants.whatIf.reset"));
        reset.setTooltip(tooltip("applicants.whatIf.reset.tip"));
        reset.disableProperty().bind(model.selectedProperty().isNull());
        reset.setOnAction(e -> model.reset());
        Label message = new Label();
        message.setId("whatIfMessage");
        message.textProperty().bind(bind(model.whatIfMessageProperty()));
        message.setWrapText(true);
        message.styleProperty().bind(Bindings.createStringBinding(() -> {
            I18n.Message shown = model.whatIfMessageProperty().get();
            return shown == null || "applicants.whatIf.updated".equals(shown.key()) ? ""
                    : "applicants.whatIf.outsideRange".equals(shown.key()) ? WARNING_STYLE
                    : ERROR_STYLE;
        }, model.whatIfMessageProperty()));
        // the message wraps on its own line below the button, which keeps its whole label
        message.setMinHeight(Region.USE_PREF_SIZE);
        reset.setMinWidth(Region.USE_PREF_SIZE);
        VBox buttons = new VBox(4, reset, message);

        Label heading = MainView.heading("");
        heading.setId("whatIfReasonsHeading");
        heading.textProperty().bind(i18n.bind("applicants.reasons.heading"));

        // the outcome on top, the values below, so that a change and its effect are both seen
        ScrollPane values = new ScrollPane(editor);
        values.setFitToWidth(true);
        editor.setPadding(new Insets(4));
        VBox box = new VBox(8, title, score, outcomes, heading, reasons, buttons, values);
        VBox.setVgrow(values, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private TableColumn<TaskOutcome, String> outcomeColumn(String key,
            ToDoubleFunction<TaskOutcome> value, boolean actual) {
        TableColumn<TaskOutcome, String> column = textColumn(i18n.bind(key), o -> {
            double v = value.applyAsDouble(o);
            return i18n.number(v, !o.binary() ? 1 : actual ? 0 : 4);
        });
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        return column;
    }

    private void rebuildEditor() {
        editor.getChildren().clear();
        int row = 0;
        for (FeatureValue value : model.features()) {
            Label name = new Label(value.feature());
            Region input;
            if (value.categorical()) {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(value.levels());
                box.setEditable(true);
                box.valueProperty().bindBidirectional(value.valueProperty());
                input = box;
            } else {
                TextField field = new TextField();
                field.setPrefColumnCount(10);
                field.textProperty().bindBidirectional(value.valueProperty());
                input = field;
            }
            input.setId("whatIf-" + value.feature());
            Label original = new Label(value.original() == null || value.original().isEmpty()
                    ? i18n.get("applicants.whatIf.wasMissing")
                    : i18n.get("applicants.whatIf.was", value.original()));
            original.setStyle("-fx-text-fill: #666;");
            editor.addRow(row++, name, input, original);
        }
    }

    private Region scorecardPane() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, label("applicants.scorecard.baseScore"), field("baseScoreField",
                model.baseScoreProperty()));
        grid.addRow(row++, label("applicants.scorecard.baseOdds"),
                field("baseOddsField", model.baseOddsProperty()));
        grid.addRow(row++, label("applicants.scorecard.pointsToDouble"),
                field("pointsToDoubleField", model.pointsToDoubleProperty()));
        grid.addRow(row++, label("applicants.scorecard.lowestScore"), field("lowestScoreField",
                model.lowestScoreProperty()));
        grid.addRow(row++, label("applicants.scorecard.highestScore"),
                field("highestScoreField", model.highestScoreProperty()));
        TextField grades = field("gradesField", model.gradesProperty());
        grades.setPrefColumnCount(24);
        grid.addRow(row++, label("applicants.scorecard.grades"), grades);
        ComboBox<String> amount = new ComboBox<>(model.amountChoices());
        amount.setId("amountTaskBox");
        amount.valueProperty().bindBidirectional(model.amountTaskProperty());
        grid.addRow(row++, label("applicants.scorecard.amountTask"), amount);
        // the names read whole in either language; the fields give way
        grid.getChildren().stream().filter(Label.class::isInstance)
                .forEach(name -> ((Label) name).setMinWidth(Region.USE_PREF_SIZE));

        Button apply = new Button();
        apply.setId("applyScorecardButton");
        apply.textProperty().bind(i18n.bind("applicants.scorecard.apply"));
        apply.setDefaultButton(false);
        apply.disableProperty().bind(model.studyProperty().isNull());
        apply.setOnAction(e -> model.applyScorecard());
        Button revert = new Button();
        revert.setId("revertScorecardButton");
        revert.textProperty().bind(i18n.bind("applicants.scorecard.revert"));
        revert.setOnAction(e -> model.revertScorecard());
        Label message = new Label();
        message.setId("scorecardMessage");
        message.setWrapText(true);
        message.textProperty().bind(bind(model.scorecardMessageProperty()));
        message.styleProperty().bind(Bindings.createStringBinding(() -> {
            I18n.Message shown = model.scorecardMessageProperty().get();
            return shown != null && !"applicants.scorecard.applied".equals(shown.key())
                    ? ERROR_STYLE : "-fx-text-fill: #1b5e20;";
        }, model.scorecardMessageProperty()));

        Label hint = label("applicants.scorecard.hint");
        hint.setWrapText(true);
        VBox box = new VBox(10, grid, hint, new HBox(8, apply, revert), message);
        box.setPadding(new Insets(8));
        return box;
    }

    private static TextField field(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(8);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private Region driftPane() {
        Label summary = new Label();
        summary.setId("driftSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(bind(scoring.driftSummaryProperty()));
        // what to know of the applicants before reading their scores, in the window's language
        Label checks = new Label();
        checks.setId("scoringChecks");
        checks.setWrapText(true);
        checks.setStyle(WARNING_STYLE);
        checks.textProperty().bind(Bindings.createStringBinding(() -> scoring.checks().stream()
                .map(check -> "\u26a0 " + i18n.get(check))
                .collect(java.util.stream.Collectors.joining("\n")), scoring.checks(),
                i18n.localeProperty()));
        // every warning reads whole; the drift table below gives way
        checks.setMinHeight(Region.USE_PREF_SIZE);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        checks.managedProperty().bind(checks.textProperty().isNotEmpty());
        checks.visibleProperty().bind(checks.managedProperty());

        TableView<PopulationStability.Result> drift = new TableView<>(scoring.drift());
        drift.setId("driftTable");
        Label placeholder = label("applicants.drift.placeholder");
        placeholder.setWrapText(true);
        drift.setPlaceholder(placeholder);
        drift.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        drift.getColumns().add(textColumn(i18n.bind("applicants.drift.feature"),
                PopulationStability.Result::feature));
        drift.getColumns().add(numberColumn(i18n.bind("applicants.drift.psi"),
                PopulationStability.Result::psi, 4));
        TableColumn<PopulationStability.Result, PopulationStability.Status> status =
                new TableColumn<>();
        status.textProperty().bind(i18n.bind("applicants.drift.status"));
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(PopulationStability.Status item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : statusText(item));
                setStyle(empty || item == null ? "" : "-fx-font-weight: bold; "
                        + "-fx-background-color: " + statusColour(item) + ";");
            }
        });
        drift.getColumns().add(status);
        i18n.localeProperty().addListener((obs, old, now) -> drift.refresh());

        Label legend = new Label();
        legend.textProperty().bind(i18n.bind("applicants.drift.legend",
                PopulationStability.WATCH_FROM, PopulationStability.WATCH_FROM,
                PopulationStability.ACT_ABOVE));
        legend.setWrapText(true);
        VBox box = new VBox(8, summary, checks, drift, legend);
        VBox.setVgrow(drift, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private String statusText(PopulationStability.Status status) {
        return switch (status) {
            case STABLE -> i18n.get("applicants.drift.stable");
            case WATCH -> i18n.get("applicants.drift.watch");
            case ACT -> i18n.get("applicants.drift.act");
        };
    }

    static String statusColour(PopulationStability.Status status) {
        return switch (status) {
            case ACT -> "#f8c4c4";
            case WATCH -> "#fde7b0";
            case STABLE -> "#c8ebc9";
        };
    }

    private Optional<Path> chooseOpen(String titleKey, String kindKey, String... patterns) {
        FileChooser chooser = chooser(titleKey, kindKey, patterns);
        return Optional.ofNullable(chooser.showOpenDialog(root.getScene().getWindow()))
                .map(File::toPath);
    }

    private Optional<Path> chooseSave(String titleKey, String name, String kindKey,
            String... patterns) {
        FileChooser chooser = chooser(titleKey, kindKey, patterns);
        chooser.setInitialFileName(name);
        return Optional.ofNullable(chooser.showSaveDialog(root.getScene().getWindow()))
                .map(File::toPath);
    }

    private FileChooser chooser(String titleKey, String kindKey, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get(titleKey));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(i18n.get(kindKey), patterns),
                new FileChooser.ExtensionFilter(i18n.get("applicants.chooser.allFiles"),
                        "*.*"));
        return chooser;
    }

    /** The applicants' table, for tests. */
    TableView<ApplicantRow> table() {
        return table;
    }
}
