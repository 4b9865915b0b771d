package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.study.StudyTrainer;
import java.util.concurrent.ExecutorService;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The whole window on a headless stage, as the application builds it, for tests that drive it:
 * its state, its view, the stage and the background thread, stopped after each test. TestFX
 * looks for the {@code @Start} method in the test class itself, so each test class has one
 * that calls {@link #showWindow}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTestBase {

    protected ExecutorService executor;
    protected MainViewModel model;
    protected MainView view;
    protected Stage stage;

    /** Builds the window on the stage and shows it. */
    protected void showWindow(Stage stage) {
        this.stage = stage;
        executor = StudioApp.backgroundExecutor();
        model = new MainViewModel(new CsvImporter(), new StudyTrainer(), executor);
        view = new MainView(model);
        stage.setScene(new Scene(view.root(), sceneWidth(), sceneHeight()));
        stage.show();
    }

    /** The scene's width; 1280 unless a test needs another. */
    protected double sceneWidth() {
        return 1280;
    }

    /** The scene's height; 800 unless a test needs another. */
    protected double sceneHeight() {
        return 800;
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }
}
