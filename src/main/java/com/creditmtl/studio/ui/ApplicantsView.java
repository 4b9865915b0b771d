package com.creditmtl.studio.ui;

import static com.creditmtl.studio.ui.MainView.numberColumn;
import static com.creditmtl.studio.ui.MainView.textColumn;

import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.study.Study;
import com.creditmtl.studio.ui.ApplicantsViewModel.ApplicantRow;
import com.creditmtl.studio.ui.ApplicantsViewModel.FeatureValue;
import com.creditmtl.studio.ui.ApplicantsViewModel.TaskOutcome;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Applicants tab: a tool bar to choose the study that scores (trained here or opened from a
 * study file), save the trained one and score a file of new applicants; the applicants in a
 * table to filter, sort and export; and beside it the what-if editor of the selected applicant,
 * the scorecard settings and the drift report of the last file scored. Binds controls to
 * {@link ApplicantsViewModel} and {@link ScoringViewModel} and holds no logic of its own.
 */
final class ApplicantsView {

    private final ApplicantsViewModel model;
    private final ScoringViewModel scoring;
    private final TableView<ApplicantRow> table = new TableView<>();
    private final GridPane editor = new GridPane();
    private final BorderPane root = new BorderPane();

    ApplicantsView(ApplicantsViewModel model, ScoringViewModel scoring) {
        this.model = model;
        this.scoring = scoring;
    }

    /** The tab's content for the main window, its view models made over the window's. */
    static Region forWindow(MainViewModel main) {
        ApplicantsViewModel applicants = new ApplicantsViewModel(main, main.executor());
        return new ApplicantsView(applicants,
                new ScoringViewModel(main, applicants, main.executor())).build();
    }

    Region build() {
        SplitPane split = new SplitPane(applicantsPane(), sidePane());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.58);
        root.setTop(scoringBar());
        root.setCenter(split);
        return root;
    }

    private ToolBar scoringBar() {
        Label name = new Label();
        name.setId("scoringStudyLabel");
        name.textProperty().bind(Bindings.concat("Study: ", scoring.studyNameProperty()));

        Button open = button("Open…", "openStudyButton", "Score with a saved study file");
        open.setOnAction(e -> chooseOpen("Open a study file", "Study files", "*.cmtl")
                .ifPresent(scoring::openStudy));
        Button trained = button("Use trained", "useTrainedButton",
                "Score with the model trained in this window");
        trained.setOnAction(e -> scoring.useTrainedStudy());
        Button save = button("Save…", "saveStudyButton",
                "Save the model trained in this window, with the scorecard, to a study file");
        save.setOnAction(e -> chooseSave("Save the study", "study.cmtl", "Study files",
                "*.cmtl").ifPresent(scoring::saveStudy));
        Button score = button("Score file…", "scoreFileButton",
                "Score a CSV of new applicants with the study in use");
        score.setOnAction(e -> chooseOpen("Choose new applicants", "CSV files", "*.csv", "*.txt")
                .ifPresent(scoring::scoreFile));
        Button cancel = button("Cancel", "scoringCancelButton", "Stop the scoring");
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
        text.textProperty().bind(scoring.progressTextProperty());
        return new ToolBar(name, new Separator(), open, trained, save, new Separator(), score,
                cancel, bar, text);
    }

    private static Button button(String text, String id, String tip) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    private Region applicantsPane() {
        Label source = new Label();
        source.setId("applicantsSource");
        source.textProperty().bind(model.sourceProperty());
        source.setStyle("-fx-font-weight: bold;");

        TextField filter = new TextField();
        filter.setId("applicantFilter");
        filter.setPromptText("ID contains …");
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        ChoiceBox<String> grade = new ChoiceBox<>(model.gradeChoices());
        grade.setId("gradeFilter");
        grade.valueProperty().bindBidirectional(model.gradeFilterProperty());
        Label count = new Label();
        count.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "%,d of %,d shown", model.filtered().size(), model.rows().size()),
                model.filtered(), model.rows()));
        HBox filters = new HBox(8, new Label("Filter"), filter, grade, count);
        filters.setAlignment(Pos.CENTER_LEFT);

        // the id of the table this one replaces, which the window's tests look up
        table.setId("applicantTable");
        SortedList<ApplicantRow> sorted = new SortedList<>(model.filtered());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("Train a model, or open a study and score a file"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) ->
                model.selectedProperty().set(row));
        model.studyProperty().addListener((obs, old, study) -> rebuildColumns(study));
        rebuildColumns(model.studyProperty().get());

        Button export = new Button("Export CSV…");
        export.setId("exportApplicantsButton");
        export.setTooltip(new Tooltip("Predictions, score, grade and reasons of the selected "
                + "applicants, or of all shown when none is selected"));
        export.disableProperty().bind(Bindings.isEmpty(model.filtered())
                .or(model.exportingProperty()));
        export.setOnAction(e -> chooseSave("Export applicants", "applicants.csv", "CSV files",
                "*.csv").ifPresent(file -> model.export(chosenRows(), file)));
        Label message = new Label();
        message.setId("applicantsExportMessage");
        message.textProperty().bind(model.exportMessageProperty());
        HBox exportRow = new HBox(8, export, message);
        exportRow.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(6, source, filters, table, exportRow);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    /** The selected applicants, or all shown (in the order shown) when none is selected. */
    List<ApplicantRow> chosenRows() {
        List<ApplicantRow> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
        return chosen.isEmpty() ? List.copyOf(table.getItems()) : chosen;
    }

    private void rebuildColumns(Study study) {
        table.getColumns().clear();
        table.getColumns().add(textColumn("ID", ApplicantRow::id));
        // whole points, cut rather than rounded, so a score never reads as the next grade up
        table.getColumns().add(numberColumn("Score", r -> Math.floor(r.result().score()),
                "%.0f"));
        table.getColumns().add(textColumn("Grade", r -> r.result().grade()));
        table.getColumns().add(numberColumn("Expected loss", r -> r.result().expectedLoss(),
                "%,.2f"));
        List<TaskSpec> tasks = study == null ? List.of() : study.tasks();
        for (int t = 0; t < tasks.size(); t++) {
            int task = t;
            boolean binary = tasks.get(t).isBinary();
            TableColumn<ApplicantRow, String> group = new TableColumn<>(tasks.get(t).name());
            group.getColumns().add(numberColumn("actual", r -> r.result().actual()[task],
                    binary ? "%.0f" : "%,.1f"));
            group.getColumns().add(numberColumn("predicted",
                    r -> r.result().predicted()[task], binary ? "%.4f" : "%,.1f"));
            table.getColumns().add(group);
        }
    }

    private Region sidePane() {
        TabPane side = new TabPane(new Tab("What-if", whatIfPane()),
                new Tab("Scorecard", scorecardPane()), new Tab("Drift", driftPane()));
        side.setId("applicantSideTabs");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return side;
    }

    private Region whatIfPane() {
        Label title = new Label();
        title.setId("whatIfTitle");
        title.setStyle("-fx-font-weight: bold;");
        title.setWrapText(true);
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            ApplicantRow row = model.selectedProperty().get();
            return row == null ? "Select an applicant to change its values"
                    : "Applicant " + row.id() + ", as its values below are now";
        }, model.selectedProperty()));

        editor.setId("whatIfEditor");
        editor.setHgap(8);
        editor.setVgap(4);
        model.features().addListener((ListChangeListener<FeatureValue>) c -> rebuildEditor());

        Label score = new Label();
        score.setId("whatIfScore");
        score.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        score.textProperty().bind(Bindings.createStringBinding(() -> {
            double value = model.scoreProperty().get();
            return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "Score %.0f · grade %s",
                    Math.floor(value), model.gradeProperty().get());
        }, model.scoreProperty(), model.gradeProperty()));

        TableView<TaskOutcome> outcomes = new TableView<>(model.outcomes());
        outcomes.setId("whatIfOutcomes");
        outcomes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        outcomes.getColumns().add(textColumn("Task", TaskOutcome::task));
        outcomes.getColumns().add(outcomeColumn("Actual", TaskOutcome::actual, true));
        outcomes.getColumns().add(outcomeColumn("Predicted", TaskOutcome::before, false));
        outcomes.getColumns().add(outcomeColumn("What-if", TaskOutcome::now, false));
        outcomes.setPrefHeight(112);
        outcomes.setMinHeight(100);
        outcomes.setPlaceholder(new Label(""));

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
        Label none = new Label("No feature raises the risk above the reference");
        none.visibleProperty().bind(model.selectedProperty().isNotNull());
        reasons.setPlaceholder(none);

        Button reset = new Button("Reset");
        reset.setId("whatIfResetButton");
        reset.disableProperty().bind(model.selectedProperty().isNull());
        reset.setOnAction(e -> model.reset());
        Label message = new Label();
        message.setId("whatIfMessage");
        message.textProperty().bind(model.whatIfMessageProperty());
        HBox buttons = new HBox(8, reset, message);
        buttons.setAlignment(Pos.CENTER_LEFT);

        // the outcome on top, the values below, so that a change and its effect are both seen
        ScrollPane values = new ScrollPane(editor);
        values.setFitToWidth(true);
        editor.setPadding(new Insets(4));
        VBox box = new VBox(8, title, score, outcomes,
                MainView.heading("Reasons (what raises the default risk most)"), reasons,
                buttons, values);
        VBox.setVgrow(values, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private static TableColumn<TaskOutcome, String> outcomeColumn(String title,
            ToDoubleFunction<TaskOutcome> value, boolean actual) {
        TableColumn<TaskOutcome, String> column = textColumn(title, o -> {
            double v = value.applyAsDouble(o);
            String format = !o.binary() ? "%,.1f" : actual ? "%.0f" : "%.4f";
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
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
                    ? "(was missing)" : "(was " + value.original() + ")");
            original.setStyle("-fx-text-fill: #666;");
            editor.addRow(row++, name, input, original);
        }
    }

    private Region scorecardPane() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, new Label("Base score"), field("baseScoreField",
                model.baseScoreProperty()));
        grid.addRow(row++, new Label("Base odds (good:bad, 50 for 50:1)"),
                field("baseOddsField", model.baseOddsProperty()));
        grid.addRow(row++, new Label("Points to double the odds"),
                field("pointsToDoubleField", model.pointsToDoubleProperty()));
        grid.addRow(row++, new Label("Lowest score"), field("lowestScoreField",
                model.lowestScoreProperty()));
        grid.addRow(row++, new Label("Highest score"), field("highestScoreField",
                model.highestScoreProperty()));
        TextField grades = field("gradesField", model.gradesProperty());
        grades.setPrefColumnCount(24);
        grid.addRow(row++, new Label("Grades and lowest scores"), grades);
        ComboBox<String> amount = new ComboBox<>(model.amountChoices());
        amount.setId("amountTaskBox");
        amount.valueProperty().bindBidirectional(model.amountTaskProperty());
        grid.addRow(row++, new Label("Amount task (expected loss)"), amount);

        Button apply = new Button("Apply");
        apply.setId("applyScorecardButton");
        apply.setDefaultButton(false);
        apply.disableProperty().bind(model.studyProperty().isNull());
        apply.setOnAction(e -> model.applyScorecard());
        Button revert = new Button("Revert");
        revert.setId("revertScorecardButton");
        revert.setOnAction(e -> model.revertScorecard());
        Label message = new Label();
        message.setId("scorecardMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.scorecardMessageProperty());
        message.styleProperty().bind(Bindings.createStringBinding(() -> {
            String text = model.scorecardMessageProperty().get();
            return text != null && text.startsWith("Not applied") ? "-fx-text-fill: #b00020;"
                    : "-fx-text-fill: #1b5e20;";
        }, model.scorecardMessageProperty()));

        Label hint = new Label("Grades as 'A 600, B 580, …, G': each grade from its lowest "
                + "score down to the next; the last grade is every score below.");
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
        summary.textProperty().bind(scoring.driftSummaryProperty());

        TableView<PopulationStability.Result> drift = new TableView<>(scoring.drift());
        drift.setId("driftTable");
        drift.setPlaceholder(new Label("Score a file of new applicants to compare its features "
                + "with the training part"));
        drift.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        drift.getColumns().add(textColumn("Feature", PopulationStability.Result::feature));
        drift.getColumns().add(numberColumn("PSI", PopulationStability.Result::psi, "%.4f"));
        TableColumn<PopulationStability.Result, String> status = textColumn("Status",
                r -> r.status().name().toLowerCase(Locale.ROOT));
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setStyle(empty || item == null ? "" : "-fx-font-weight: bold; "
                        + "-fx-background-color: " + statusColour(item) + ";");
            }
        });
        drift.getColumns().add(status);

        Label legend = new Label(String.format(Locale.ROOT, "Population stability index per "
                + "feature: stable below %.2f, watch from %.2f, act above %.2f.",
                PopulationStability.WATCH_FROM, PopulationStability.WATCH_FROM,
                PopulationStability.ACT_ABOVE));
        legend.setWrapText(true);
        VBox box = new VBox(8, summary, drift, legend);
        VBox.setVgrow(drift, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    static String statusColour(String status) {
        return switch (status) {
            case "act" -> "#f8c4c4";
            case "watch" -> "#fde7b0";
            default -> "#c8ebc9";
        };
    }

    private Optional<Path> chooseOpen(String title, String kind, String... patterns) {
        FileChooser chooser = chooser(title, kind, patterns);
        return Optional.ofNullable(chooser.showOpenDialog(root.getScene().getWindow()))
                .map(File::toPath);
    }

    private Optional<Path> chooseSave(String title, String name, String kind,
            String... patterns) {
        FileChooser chooser = chooser(title, kind, patterns);
        chooser.setInitialFileName(name);
        return Optional.ofNullable(chooser.showSaveDialog(root.getScene().getWindow()))
                .map(File::toPath);
    }

    private static FileChooser chooser(String title, String kind, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(kind, patterns),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return chooser;
    }

    /** The applicants' table, for tests. */
    TableView<ApplicantRow> table() {
        return table;
    }
}
