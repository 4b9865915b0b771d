package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.study.StudyTrainer;
import com.creditmtl.studio.study.TradeOffExplorer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The main window's content, built in code: a menu bar, tabs in the analyst's order (Data,
 * Tasks and model, Training, Evaluation, Applicants, Trade-offs), a notification strip for
 * finished and failed runs, and a status bar with the data set, the state and the progress.
 * It only binds controls to {@link MainViewModel}; the tabs' contents are views of their own.
 *
 * <p>Further views join the window through {@link #addView}: a view whose title names an
 * existing tab replaces that tab's content (the Applicants and Trade-offs tabs hold
 * placeholders for that), any other title adds a tab at the end.
 */
public final class MainView {

    public static final String DATA = "Data";
    public static final String TASKS = "Tasks and model";
    public static final String TRAINING = "Training";
    public static final String EVALUATION = "Evaluation";
    public static final String APPLICANTS = "Applicants";
    public static final String TRADE_OFFS = "Trade-offs";

    /** Each workflow tab's name (as above, also its identity) and the key of its title. */
    private static final java.util.Map<String, String> TAB_KEYS = java.util.Map.of(
            DATA, "main.tab.data", TASKS, "main.tab.tasks", TRAINING, "main.tab.training",
            EVALUATION, "main.tab.evaluation", APPLICANTS, "main.tab.applicants",
            TRADE_OFFS, "main.tab.tradeOffs");

    private final MainViewModel model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final TableView<Integer> dataTable = new TableView<>();
    private final TabPane tabs = new TabPane();
    private final NotificationPane notifications;
    private TradeOffViewModel tradeOffModel;
    /**
     * True while a training cannot start: a run or import is busy, there is no table, or the
     * trade-off grid is training on the same background thread.
     */
    private final BooleanBinding cannotTrain;
    private final Menu recentMenu = new Menu();
    private boolean noticeIsStatus;

    public MainView(MainViewModel model) {
        this(model, new EvaluationViewModel(model, model.executor()));
    }

    public MainView(MainViewModel model, EvaluationViewModel evaluation) {
        this.model = model;
        this.i18n = model.i18n();
        model.setStartGate(this::afterNextFrame);

        tabs.getTabs().addAll(
                tab(DATA, dataTab()),
                tab(TASKS, new TasksModelView(model).build()),
                tab(TRAINING, new TrainingView(model).build()),
                tab(EVALUATION, new EvaluationView(evaluation, model).build()),
                tab(APPLICANTS, ApplicantsView.forWindow(model)),
                tab(TRADE_OFFS, tradeOffs(model)));
        cannotTrain = model.busyProperty().or(model.tableProperty().isNull())
                .or(tradeOffModel.runningProperty());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        VBox center = new VBox(errorBanner(), tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        notifications = new NotificationPane(center);
        notifications.setId("notificationPane");
        notifications.setShowFromTop(false);

        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(notifications);
        root.setBottom(statusBar());
        acceptDroppedFiles();

        model.tableProperty().addListener((obs, old, table) -> showTable(table));
        model.noticeProperty().addListener((obs, old, text) -> {
            if (text != null) {
                showNotice(text);
                model.noticeProperty().set(null);
            }
        });
        i18n.localeProperty().addListener((obs, old, now) -> {
            if (noticeIsStatus && notifications.isShowing()) {
                notifications.setText(model.statusProperty().get());
            }
        });
        model.recentFiles().addListener((ListChangeListener<Path>) change -> rebuildRecent());
        rebuildRecent();
    }

    public Region root() {
        return root;
    }

    /**
     * Puts a view into the window: into the tab of that name ({@link #DATA} and the others)
     * when there is one (replacing its content), else into a new tab at the end titled with
     * the name. Returns the tab.
     */
    public Tab addView(String tabTitle, Node content) {
        for (Tab tab : tabs.getTabs()) {
            if (tabTitle.equals(tab.getUserData())) {
                tab.setContent(content);
                return tab;
            }
        }
        Tab tab = tab(tabTitle, content);
        tabs.getTabs().add(tab);
        return tab;
    }

    /** Selects the tab of that name ({@link #DATA} and the others), if there is one. */
    public void selectTab(String tabTitle) {
        tabs.getTabs().stream().filter(tab -> tabTitle.equals(tab.getUserData())).findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab));
    }

    /** The tabs' titles in order, as shown in the current language. */
    public List<String> tabTitles() {
        return tabs.getTabs().stream().map(Tab::getText).toList();
    }

    /**
     * A tab known by a name that does not change with the language: its id and user data
     * derive from the name, its title follows the language when the name is a workflow tab's.
     */
    private Tab tab(String name, Node content) {
        Tab tab = new Tab(name, content);
        tab.setUserData(name);
        tab.setId("tab-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
        String key = TAB_KEYS.get(name);
        if (key != null) {
            tab.textProperty().bind(i18n.bind(key));
        }
        return tab;
    }

    /** Trains with the current settings and shows the Training tab. */
    void train() {
        selectTab(TRAINING);
        model.train();
    }

    /**
     * Runs an action on the FX thread once the frame of the current changes has been drawn:
     * after the next pulse's layout, which only begins when the renderer has finished the
     * previous frame. A timer keeps pulses coming meanwhile. Without a scene it runs at once.
     * A training starts this way: its first frame (a new tab, emptied chart and tables) takes
     * the software renderer up to about 150 ms, more with a training beside it.
     */
    private void afterNextFrame(Runnable action) {
        Scene scene = root.getScene();
        if (scene == null) {
            action.run();
            return;
        }
        AnimationTimer keepPulsing = new AnimationTimer() {
            @Override
            public void handle(long now) {
                // nothing: a running timer makes the toolkit pulse
            }
        };
        Runnable[] afterLayout = new Runnable[1];
        int[] layouts = {0};
        afterLayout[0] = () -> {
            if (++layouts[0] == 2) {
                scene.removePostLayoutPulseListener(afterLayout[0]);
                keepPulsing.stop();
                Platform.runLater(action);
            }
        };
        scene.addPostLayoutPulseListener(afterLayout[0]);
        keepPulsing.start();
    }

    private void showNotice(String text) {
        // the end of a run, as the status line says it, follows a change of language
        noticeIsStatus = text.equals(model.statusProperty().get());
        notifications.show(text);
        PauseTransition hide = new PauseTransition(Duration.seconds(8));
        hide.setOnFinished(e -> notifications.hide());
        hide.play();
    }

    private MenuBar menuBar() {
        MenuItem open = item("main.menu.open", "openItem", KeyCode.O, this::chooseFile);
        open.disableProperty().bind(model.busyProperty());
        MenuItem openExperiment = item("main.menu.openExperiment", "openExperimentItem", null,
                this::chooseExperiment);
        openExperiment.disableProperty().bind(model.busyProperty());
        MenuItem saveExperiment = item("main.menu.saveExperiment", "saveExperimentItem",
                KeyCode.S, this::saveExperiment);
        saveExperiment.disableProperty().bind(model.tableProperty().isNull());
        recentMenu.setId("recentMenu");
        recentMenu.textProperty().bind(i18n.bind("main.menu.recent"));
        recentMenu.disableProperty().bind(model.busyProperty());
        MenuItem quit = item("main.menu.quit", "quitItem", KeyCode.Q, this::quit);
        Menu file = new Menu("", null, open, recentMenu, new SeparatorMenuItem(),
                openExperiment, saveExperiment, new SeparatorMenuItem(), quit);
        file.setId("fileMenu");
        file.textProperty().bind(i18n.bind("main.menu.file"));

        MenuItem trainItem = item("main.menu.train", "trainItem", KeyCode.T, this::train);
        trainItem.disableProperty().bind(cannotTrain);
        MenuItem pause = item("main.menu.pause", "pauseItem", KeyCode.P, model::togglePause);
        pause.disableProperty().bind(model.trainingProperty().not());
        MenuItem cancel = new MenuItem();
        cancel.textProperty().bind(i18n.bind("main.menu.cancel"));
        cancel.setId("cancelItem");
        cancel.setAccelerator(new KeyCodeCombination(KeyCode.ESCAPE));
        cancel.setOnAction(e -> model.cancel());
        MenuItem retrain = item("main.menu.retrain", "retrainItem", null, () -> {
            selectTab(TRAINING);
            model.retrainSameSeed();
        });
        retrain.disableProperty().bind(cannotTrain.or(Bindings.isEmpty(model.runs())));
        MenuItem explore = item("main.menu.tradeOffs", "tradeOffsItem", null, () -> {
            selectTab(TRADE_OFFS);
            tradeOffModel.run();
        });
        explore.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        explore.disableProperty().bind(model.busyProperty().or(model.tableProperty().isNull())
                .or(tradeOffModel.runningProperty()));
        Menu run = new Menu("", null, trainItem, pause, cancel, retrain, new SeparatorMenuItem(),
                explore);
        run.setId("runMenu");
        run.textProperty().bind(i18n.bind("main.menu.run"));

        CheckMenuItem teaching = new CheckMenuItem();
        teaching.textProperty().bind(i18n.bind("main.menu.teaching"));
        teaching.setId("teachingItem");
        teaching.selectedProperty().bindBidirectional(model.teachingModeProperty());
        Menu language = new Menu();
        language.setId("languageMenu");
        language.textProperty().bind(i18n.bind("main.menu.language"));
        ToggleGroup languages = new ToggleGroup();
        for (Locale locale : I18n.LANGUAGES) {
            // each language named in its own language, so it reads the same in every bundle
            RadioMenuItem choice = new RadioMenuItem(
                    i18n.get("language." + locale.toLanguageTag()));
            choice.setId("language-" + locale.toLanguageTag());
            choice.setToggleGroup(languages);
            choice.setSelected(locale.equals(i18n.locale()));
            choice.setOnAction(e -> i18n.localeProperty().set(locale));
            language.getItems().add(choice);
        }
        i18n.localeProperty().addListener((obs, old, now) -> languages.getToggles().forEach(
                toggle -> toggle.setSelected(("language-" + now.toLanguageTag())
                        .equals(((RadioMenuItem) toggle).getId()))));
        // Ctrl+1 ... Ctrl+6 show the tabs in the workflow's order
        Menu goTo = new Menu();
        goTo.setId("goToMenu");
        goTo.textProperty().bind(i18n.bind("main.menu.goTo"));
        List<String> order = List.of(DATA, TASKS, TRAINING, EVALUATION, APPLICANTS, TRADE_OFFS);
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
            KeyCode.DIGIT5, KeyCode.DIGIT6};
        for (int t = 0; t < order.size(); t++) {
            String name = order.get(t);
            MenuItem show = new MenuItem();
            show.textProperty().bind(i18n.bind(TAB_KEYS.get(name)));
            show.setAccelerator(new KeyCodeCombination(digits[t], KeyCombination.SHORTCUT_DOWN));
            show.setOnAction(e -> selectTab(name));
            goTo.getItems().add(show);
        }
        Menu view = new Menu("", null, teaching, language, goTo);
        view.setId("viewMenu");
        view.textProperty().bind(i18n.bind("main.menu.view"));

        MenuBar bar = new MenuBar(file, run, view);
        bar.setId("menuBar");
        // F5 trains too, as in many desktop programs
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> {
                    if (!cannotTrain.get()) {
                        train();
                    }
                });
            }
        });
        return bar;
    }

    /** The actions an analyst needs from every tab: open, train, pause or resume, cancel. */
    private ToolBar toolBar() {
        Button open = new Button();
        open.textProperty().bind(i18n.bind("main.open"));
        open.setId("openButton");
        open.setTooltip(tooltip("main.open.tooltip"));
        open.disableProperty().bind(model.busyProperty());
        open.setOnAction(e -> chooseFile());

        Button train = new Button();
        train.textProperty().bind(i18n.bind("main.train"));
        train.setId("trainButton");
        train.setTooltip(tooltip("main.train.tooltip"));
        train.disableProperty().bind(cannotTrain);
        train.setOnAction(e -> train());

        Button pause = new Button();
        pause.setId("pauseButton");
        pause.textProperty().bind(Bindings.when(model.pausedProperty())
                .then(i18n.bind("main.resume")).otherwise(i18n.bind("main.pause")));
        pause.disableProperty().bind(model.trainingProperty().not());
        pause.setOnAction(e -> model.togglePause());

        Button cancel = new Button();
        cancel.textProperty().bind(i18n.bind("main.cancel"));
        cancel.setId("cancelButton");
        cancel.setTooltip(tooltip("main.cancel.tooltip"));
        cancel.disableProperty().bind(model.trainingProperty().not()
                .and(model.importingProperty().not()));
        cancel.setOnAction(e -> model.cancel());

        return new ToolBar(open, new Separator(), train, pause, cancel);
    }

    private Tooltip tooltip(String key) {
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(i18n.bind(key));
        return tooltip;
    }

    private MenuItem item(String key, String id, KeyCode shortcut, Runnable action) {
        MenuItem item = new MenuItem();
        item.textProperty().bind(i18n.bind(key));
        item.setId(id);
        if (shortcut != null) {
            item.setAccelerator(new KeyCodeCombination(shortcut, KeyCombination.SHORTCUT_DOWN));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path file : model.recentFiles()) {
            MenuItem item = new MenuItem(file.toString());
            item.setOnAction(e -> showImportDialog(file));
            recentMenu.getItems().add(item);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem();
            none.textProperty().bind(i18n.bind("main.menu.noRecent"));
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    private void quit() {
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            root.getScene().getWindow().hide();
        }
    }

    /** A CSV or text file dropped on the window opens the import dialog, as Open does. */
    private void acceptDroppedFiles() {
        root.setOnDragOver(event -> {
            if (droppedFile(event).isPresent() && !model.busyProperty().get()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        root.setOnDragDropped(event -> {
            Optional<Path> file = droppedFile(event);
            event.setDropCompleted(file.isPresent());
            event.consume();
            // after the drop has completed, so the dialog does not hold the drag source
            file.ifPresent(path -> Platform.runLater(() -> showImportDialog(path)));
        });
    }

    private static Optional<Path> droppedFile(DragEvent event) {
        if (!event.getDragboard().hasFiles()) {
            return Optional.empty();
        }
        return event.getDragboard().getFiles().stream().map(File::toPath)
                .filter(Files::isRegularFile).findFirst();
    }

    /**
     * The last error above the tabs, pushing them down rather than covering them: the message
     * wrapped in full, also as tooltip, a button showing it in a dialog to read or copy, and one
     * to dismiss it. A later successful import or training clears it.
     */
    private Region errorBanner() {
        Label message = new Label();
        message.setId("errorMessage");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.errorProperty());
        Tooltip tooltip = new Tooltip();
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(600);
        tooltip.textProperty().bind(model.errorProperty());
        message.setTooltip(tooltip);
        HBox.setHgrow(message, Priority.ALWAYS);

        Button details = new Button();
        details.textProperty().bind(i18n.bind("main.error.details"));
        details.setId("errorDetailsButton");
        details.setOnAction(e -> showErrorDetails(model.errorProperty().get()));
        Button dismiss = new Button();
        dismiss.textProperty().bind(i18n.bind("main.error.dismiss"));
        dismiss.setId("errorDismissButton");
        dismiss.setOnAction(e -> model.errorProperty().set(null));

        // a long message wraps; the buttons keep their words
        details.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        HBox banner = new HBox(8, message, details, dismiss);
        banner.setId("errorBanner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(6, 8, 6, 8));
        banner.setStyle("-fx-background-color: #fdecea; -fx-border-color: #b00020; "
                + "-fx-border-width: 0 0 1 0;");
        banner.visibleProperty().bind(model.errorProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private void showErrorDetails(String text) {
        if (text == null) {
            return;
        }
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefSize(560, 200);
        Alert alert = new Alert(Alert.AlertType.ERROR, "",
                new ButtonType(i18n.get("main.error.close"), ButtonBar.ButtonData.OK_DONE));
        alert.setTitle(i18n.get("main.error.title"));
        alert.setHeaderText(i18n.get("main.error.header"));
        alert.getDialogPane().setContent(area);
        alert.setResizable(true);
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        alert.showAndWait();
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("main.chooser.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(i18n.get("main.chooser.csv"), "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter(i18n.get("main.chooser.all"), "*.*"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            showImportDialog(file.toPath());
        }
    }

    private FileChooser experimentChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(i18n.get("main.chooser.experiments"), "*.json"),
                new FileChooser.ExtensionFilter(i18n.get("main.chooser.all"), "*.*"));
        return chooser;
    }

    private void chooseExperiment() {
        File file = experimentChooser(i18n.get("main.chooser.openExperiment"))
                .showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            model.openExperiment(file.toPath());
        }
    }

    private void saveExperiment() {
        FileChooser chooser = experimentChooser(i18n.get("main.chooser.saveExperiment"));
        chooser.setInitialFileName("experiment.json");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            model.saveExperiment(file.toPath());
        }
    }

    /** Shows the import dialog for a file and imports it as set there, unless cancelled. */
    void showImportDialog(Path file) {
        showImportDialog(new ImportDialogViewModel(file, i18n), null);
    }

    /**
     * Shows the import dialog over its state, with the reason of a failed import if any. When
     * the import fails the dialog opens again with the same file and settings to correct them.
     */
    private void showImportDialog(ImportDialogViewModel settings, String failure) {
        ImportDialog dialog = new ImportDialog(settings, root.getScene().getWindow());
        if (failure != null) {
            settings.reportProblem(i18n.get("main.importFailed", failure));
        }
        dialog.showAndWait().ifPresent(options -> model.open(settings.file(), options,
                message -> Platform.runLater(() -> showImportDialog(settings, message))));
    }

    private Region dataTab() {
        dataTable.setId("dataTable");
        Label placeholder = new Label();
        placeholder.textProperty().bind(i18n.bind("main.dataPlaceholder"));
        dataTable.setPlaceholder(placeholder);
        TextArea report = new TextArea();
        report.setId("reportArea");
        report.setEditable(false);
        report.setStyle("-fx-font-family: monospace;");
        report.textProperty().bind(Bindings.createStringBinding(
                () -> ImportReportText.render(model.shownReportProperty().get(), i18n),
                model.shownReportProperty(), i18n.localeProperty()));
        Label reportHeading = heading(i18n.bind("main.importReport"));
        reportHeading.setId("reportHeading");
        VBox reportBox = new VBox(4, reportHeading, report);
        VBox.setVgrow(report, Priority.ALWAYS);
        reportBox.setPadding(new Insets(6, 8, 6, 8));
        SplitPane split = new SplitPane(dataTable, reportBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        return split;
    }

    private void showTable(CreditTable creditTable) {
        dataTable.getColumns().clear();
        if (creditTable == null) {
            dataTable.setItems(FXCollections.observableArrayList());
            return;
        }
        Table table = creditTable.table();
        for (Column<?> column : table.columns()) {
            TableColumn<Integer, String> tableColumn = new TableColumn<>(column.name());
            tableColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                    column.isMissing(cell.getValue()) ? "" : column.getString(cell.getValue())));
            tableColumn.setSortable(false);
            tableColumn.setPrefWidth(Math.max(70, column.name().length() * 8 + 20));
            dataTable.getColumns().add(tableColumn);
        }
        Integer[] rows = new Integer[table.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        dataTable.setItems(FXCollections.observableArrayList(rows));
    }

    private Region statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        bar.textProperty().bind(model.statusProperty());
        Tooltip full = new Tooltip();
        full.setWrapText(true);
        full.setMaxWidth(600);
        full.textProperty().bind(model.statusProperty());
        bar.setTooltip(full);
        bar.progressProperty().bind(Bindings.when(model.busyProperty())
                .then(model.progressProperty()).otherwise(0.0));
        Label state = new Label();
        state.setId("stateLabel");
        state.textProperty().bind(model.stateTextProperty());
        state.setPadding(new Insets(0, 8, 0, 8));
        bar.getRightItems().add(state);
        return bar;
    }

    static Label heading(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold; -fx-font-size: 1.1em;");
        return label;
    }

    /** A heading whose text follows a binding, such as a text in the window's language. */
    static Label heading(ObservableValue<String> text) {
        Label label = heading("");
        label.textProperty().bind(text);
        return label;
    }

    /** The trade-off explorer; a chosen point's study becomes the window's current study. */
    private Node tradeOffs(MainViewModel model) {
        TradeOffViewModel tradeOffs = new TradeOffViewModel(
                new TradeOffExplorer(new StudyTrainer()), model.executor(),
                TradeOffViewModel.windowSource(model), study -> model.useTradeOffPoint(study,
                        study.settings().tasks().stream()
                                .map(task -> i18n.number(task.weight(), 2))
                                .collect(java.util.stream.Collectors.joining(" / "))));
        tradeOffModel = tradeOffs;
        // the status line says how the grid ended, as it does for a training
        tradeOffs.statusProperty().addListener((obs, old, now) -> {
            if (now != null && !tradeOffs.runningProperty().get()) {
                model.showStatus(now);
            }
        });
        model.tasks().addListener((ListChangeListener<TaskWeight>) change -> tradeOffs
                .previewTasks(model.tasks().stream().map(TaskWeight::task).toList()));
        tradeOffs.previewTasks(model.tasks().stream().map(TaskWeight::task).toList());
        return new TradeOffView(tradeOffs, i18n).root();
    }
}
