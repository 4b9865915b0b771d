package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.model.ComputeThreads;
import com.creditmtl.studio.study.StudyTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: one window on the bundled Taiwan table, with imports and training on
 * one background thread so the FX thread only draws.
 */
public final class StudioApp extends Application {

    /** System property naming a CSV to open at start instead of the bundled table. */
    public static final String DATA_PROPERTY = "credit.mtl.data";
    /** System property naming a file whose import dialog opens once the window is up. */
    public static final String IMPORT_PROPERTY = "credit.mtl.import";
    static final Path BUNDLED = Path.of("assets", "data", "taiwan-credit-mtl.csv");

    private static final Logger LOGGER = LoggerFactory.getLogger(StudioApp.class);

    private ExecutorService executor;
    private MainViewModel model;
    private MainView view;
    private StudioPreferences preferences;

    public static void launchWindow(String[] args) {
        Application.launch(StudioApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        executor = backgroundExecutor();
        model = new MainViewModel(new CsvImporter(), new StudyTrainer(), executor);
        preferences = StudioPreferences.forUser();
        preferences.restore(model);
        view = new MainView(model);

        stage.titleProperty().bind(model.i18n().bind("app.title"));
        for (String icon : new String[] {"icon.png", "icon-32.png"}) {
            try (var in = StudioApp.class.getResourceAsStream(icon)) {
                if (in != null) {
                    stage.getIcons().add(new javafx.scene.image.Image(in));
                }
            } catch (java.io.IOException e) {
                LOGGER.debug("Cannot read the window icon {}", icon, e);
            }
        }
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        preferences.restore(stage);
        stage.setOnHiding(e -> preferences.save(model, stage));
        preferences.saveOnChange(model, stage);
        stage.show();

        Optional<Path> data = startData();
        if (data.isPresent()) {
            model.open(data.get());
        } else {
            model.showStatus(I18n.Message.of("app.noBundledData"));
        }
        String toImport = System.getProperty(IMPORT_PROPERTY);
        if (toImport != null) {
            Platform.runLater(() -> view.showImportDialog(Path.of(toImport)));
        }
    }

    /** The window's state, once started. */
    MainViewModel model() {
        return model;
    }

    /** The window's content, once started. */
    MainView view() {
        return view;
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** One daemon thread for imports and training, so closing the window ends the program. */
    static ExecutorService backgroundExecutor() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(() -> {
                // imports and trainings give way to the window when both want the processor,
                // and so does the compiling of their code
                ComputeThreads.lowerPriorityOfThisThread();
                ComputeThreads.lowerPriorityOfCompilerThreads();
                runnable.run();
            }, "studio-background");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The file to open at start: the {@value #DATA_PROPERTY} property, else the bundled table in
     * the working folder, else the bundled table beside the jar's folder (the jar lives in
     * {@code target/} of a clone).
     */
    static Optional<Path> startData() {
        String property = System.getProperty(DATA_PROPERTY);
        if (property != null) {
            return Optional.of(Path.of(property));
        }
        if (Files.isRegularFile(BUNDLED)) {
            return Optional.of(BUNDLED);
        }
        try {
            Path jar = Path.of(StudioApp.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            Path beside = jar.getParent().getParent().resolve(BUNDLED);
            if (Files.isRegularFile(beside)) {
                return Optional.of(beside);
            }
        } catch (Exception e) {
            LOGGER.debug("Could not locate the jar's folder", e);
        }
        return Optional.empty();
    }
}
