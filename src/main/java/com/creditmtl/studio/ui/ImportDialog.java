package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.ImportOptions;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The import dialog, built in code over an {@link ImportDialogViewModel}: format choices with
 * what was detected, a preview of the first rows as they will be split, a role per column, the
 * tasks and computed columns (one a line, written as on the command line) and the features to
 * keep past the leakage guard. Import closes it with the options; a task that cannot be read
 * keeps it open with the reason.
 */
public final class ImportDialog {

    private final ImportDialogViewModel model;
    private final I18n i18n;
    private final Dialog<ImportOptions> dialog = new Dialog<>();
    private final TableView<List<String>> preview = new TableView<>();
    private ComboBox<String> encodingBox;

    public ImportDialog(ImportDialogViewModel model, Window owner) {
        this.model = model;
        this.i18n = model.i18n();
        dialog.setTitle(i18n.get("import.title", model.file().getFileName().toString()));
        dialog.setResizable(true);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        ButtonType importType = new ButtonType(i18n.get("import.import"),
                ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(i18n.get("import.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(importType, cancelType);
        dialog.getDialogPane().setContent(content());
        // as large as suits the preview, yet within the screen with room for a title bar
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        dialog.getDialogPane().setPrefSize(Math.min(1100, screen.getWidth() - 40),
                Math.min(750, screen.getHeight() - 70));

        Button importButton = (Button) dialog.getDialogPane().lookupButton(importType);
        importButton.setId("importButton");
        importButton.addEventFilter(ActionEvent.ACTION, event -> {
            commitTypedEncoding();
            try {
                model.options();
            } catch (IllegalArgumentException e) {
                model.reportProblem(e);
                event.consume();
            }
        });
        dialog.setResultConverter(type -> type == importType ? model.options() : null);

        model.header().addListener((ListChangeListener<String>) change -> rebuildPreview());
        model.refreshPreview();
        rebuildPreview();
    }

    public Dialog<ImportOptions> dialog() {
        return dialog;
    }

    public Optional<ImportOptions> showAndWait() {
        return dialog.showAndWait();
    }

    private Node content() {
        ComboBox<String> delimiter = choice("delimiterChoice",
                ImportDialogViewModel.DELIMITERS, false);
        delimiter.valueProperty().bindBidirectional(model.delimiterProperty());
        ComboBox<String> encoding = choice("encodingChoice", ImportDialogViewModel.ENCODINGS,
                true);
        encoding.valueProperty().bindBidirectional(model.encodingProperty());
        ComboBox<String> decimal = choice("decimalChoice", ImportDialogViewModel.DECIMAL_MARKS,
                false);
        decimal.valueProperty().bindBidirectional(model.decimalMarkProperty());
        for (ComboBox<String> box : List.of(delimiter, encoding, decimal)) {
            box.valueProperty().addListener((obs, old, value) -> model.refreshPreview());
        }
        // Enter in the typed encoding applies it; it must not reach the Import button.
        encoding.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                commitTypedEncoding();
                event.consume();
            }
        });
        encodingBox = encoding;
        TextField missing = new TextField();
        missing.setId("missingField");
        missing.textProperty().bindBidirectional(model.missingTokensProperty());
        missing.setTooltip(new Tooltip(i18n.get("import.missing.tooltip")));

        GridPane format = new GridPane();
        format.setHgap(8);
        format.setVgap(6);
        format.addRow(0, label("import.delimiter"), delimiter, label("import.encoding"),
                encoding, label("import.decimalMark"), decimal);
        TextField tokenColumns = new TextField();
        tokenColumns.setId("tokenColumnsField");
        tokenColumns.setPromptText(i18n.get("import.tokenColumns.prompt"));
        tokenColumns.textProperty().bindBidirectional(model.tokenColumnsProperty());
        format.add(label("import.missingValues"), 0, 1);
        format.add(missing, 1, 1, 5, 1);
        format.add(label("import.exceptIn"), 0, 2);
        format.add(tokenColumns, 1, 2, 5, 1);

        Label detected = new Label();
        detected.setId("detectedLabel");
        detected.textProperty().bind(model.detectedProperty());
        detected.setWrapText(true);
        detected.setMinHeight(Region.USE_PREF_SIZE);
        Label problem = new Label();
        problem.setId("problemLabel");
        problem.textProperty().bind(model.problemProperty());
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.setWrapText(true);
        // a long reason takes the lines it needs rather than being cut at the first
        problem.setMinHeight(Region.USE_PREF_SIZE);

        preview.setId("previewTable");
        preview.setItems(model.rows());
        preview.setPlaceholder(label("import.previewPlaceholder"));

        // Room for about ten preview rows; the task fields scroll rather than squeeze the tables.
        preview.setMinHeight(150);
        preview.setPrefHeight(280);
        Node roles = roleTable();
        ScrollPane taskScroll = new ScrollPane(taskPane());
        taskScroll.setFitToWidth(true);
        taskScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        taskScroll.setMinHeight(0);
        SplitPane lower = new SplitPane(roles, taskScroll);
        // the task fields as wide as the role table, so that their help wraps less
        lower.setDividerPositions(0.5);
        lower.setMinHeight(120);
        SplitPane center = new SplitPane(preview, lower);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.45);

        VBox box = new VBox(8, format, detected, problem, center);
        VBox.setVgrow(center, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    /** Takes the text typed in the encoding box as the encoding, reading the preview again. */
    private void commitTypedEncoding() {
        String typed = encodingBox.getEditor().getText();
        if (typed != null && !typed.isBlank()) {
            String chosen = encodingBox.getConverter().fromString(typed);
            if (!chosen.equals(encodingBox.getValue())) {
                encodingBox.setValue(chosen);
            }
        }
    }

    private ComboBox<String> choice(String id, List<String> values, boolean editable) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setId(id);
        box.setEditable(editable);
        box.setConverter(choiceNames(values));
        return box;
    }

    /**
     * Shows each choice by its name in the window's language and reads a name, or a value
     * typed (an encoding), back as the choice.
     */
    private StringConverter<String> choiceNames(List<String> values) {
        return new StringConverter<>() {
            @Override
            public String toString(String value) {
                return model.choiceName(value);
            }

            @Override
            public String fromString(String text) {
                if (text == null) {
                    return null;
                }
                String typed = text.strip();
                return values.stream().filter(value -> model.choiceName(value).equals(typed))
                        .findFirst().orElse(typed);
            }
        };
    }

    private Label label(String key) {
        return new Label(i18n.get(key));
    }

    private Node roleTable() {
        TableView<ColumnRoleRow> roles = new TableView<>(model.columns());
        roles.setId("roleTable");
        roles.setEditable(true);
        TableColumn<ColumnRoleRow, String> name = new TableColumn<>(
                i18n.get("import.column.column"));
        name.setPrefWidth(140);
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<ColumnRoleRow, String> sample = new TableColumn<>(
                i18n.get("import.column.firstValues"));
        sample.setCellValueFactory(c -> c.getValue().sampleProperty());
        sample.setCellFactory(c -> new FullTextCell());
        sample.setPrefWidth(240);
        name.setCellFactory(c -> new FullTextCell());
        TableColumn<ColumnRoleRow, String> detected = new TableColumn<>(
                i18n.get("import.column.detected"));
        detected.setCellValueFactory(c -> c.getValue().detectedProperty());
        detected.setPrefWidth(150);
        detected.setCellFactory(c -> new FullTextCell());
        TableColumn<ColumnRoleRow, String> role = new TableColumn<>(
                i18n.get("import.column.role"));
        role.setCellValueFactory(c -> c.getValue().roleProperty());
        role.setCellFactory(ComboBoxTableCell.forTableColumn(
                choiceNames(ImportDialogViewModel.ROLES),
                FXCollections.observableArrayList(ImportDialogViewModel.ROLES)));
        role.setEditable(true);
        role.setPrefWidth(105);
        // The role first after the name, the first values last: they take the width left.
        roles.getColumns().add(name);
        roles.getColumns().add(role);
        roles.getColumns().add(detected);
        roles.getColumns().add(sample);
        roles.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        roles.setMinHeight(120);
        return roles;
    }

    /** A text cell whose tooltip holds its whole text, for values wider than the column. */
    private static final class FullTextCell extends TableCell<ColumnRoleRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            String text = empty || item == null ? null : item;
            setText(text);
            setTooltip(text == null || text.isEmpty() ? null : new Tooltip(text));
        }
    }

    private Node taskPane() {
        TextArea tasks = new TextArea();
        tasks.setId("tasksArea");
        tasks.setPromptText("NAME:binary:VALUE");
        tasks.textProperty().bindBidirectional(model.tasksProperty());
        tasks.setPrefRowCount(2);
        TextArea computed = new TextArea();
        computed.setId("computedArea");
        computed.setPromptText("loss=funded_amnt - total_rec_prncp - recoveries");
        computed.textProperty().bindBidirectional(model.computedProperty());
        computed.setPrefRowCount(2);
        TextField keep = new TextField();
        keep.setId("keepField");
        keep.setPromptText(i18n.get("import.keep.prompt"));
        keep.textProperty().bindBidirectional(model.keepProperty());

        Label help = label("import.tasksHelp");
        help.setWrapText(true);
        TextArea sentinels = new TextArea();
        sentinels.setId("sentinelsArea");
        sentinels.setPromptText("days_employed=365243");
        sentinels.textProperty().bindBidirectional(model.sentinelsProperty());
        sentinels.setPrefRowCount(2);
        VBox box = new VBox(6, label("import.tasks"), tasks, help,
                label("import.computed"), computed, label("import.sentinels"), sentinels,
                label("import.keep"), keep);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    private void rebuildPreview() {
        preview.getColumns().clear();
        List<String> names = model.header();
        for (int c = 0; c < names.size(); c++) {
            int index = c;
            TableColumn<List<String>, String> column = new TableColumn<>(names.get(c));
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                    index < cell.getValue().size() ? cell.getValue().get(index) : ""));
            column.setSortable(false);
            preview.getColumns().add(column);
        }
    }
}
