package com.creditmtl.studio.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** Placeholder until the window lands. */
public final class StudioApp extends Application {

    public static void launchWindow(String[] args) {
        Application.launch(StudioApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Credit MTL Studio");
        stage.show();
    }
}
