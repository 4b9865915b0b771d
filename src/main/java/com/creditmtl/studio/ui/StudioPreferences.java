package com.creditmtl.studio.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window remembers between sessions, under one {@link Preferences} node: its size and
 * position, the training settings, teaching mode, the language and the recent files. The node is
 * {@value #DEFAULT_NODE} in the user's preferences unless the system property {@value
 * #NODE_PROPERTY} names another, which is how tests keep away from the analyst's own settings.
 * A window position that no screen shows any more is ignored.
 */
public final class StudioPreferences {

    public static final String NODE_PROPERTY = "credit.mtl.prefs";
    public static final String DEFAULT_NODE = "com/creditmtl/studio";

    private static final Logger LOGGER = LoggerFactory.getLogger(StudioPreferences.class);

    private final Preferences node;

    public StudioPreferences(Preferences node) {
        this.node = node;
    }

    /** The preferences under the node the system property names, else the default node. */
    public static StudioPreferences forUser() {
        return new StudioPreferences(Preferences.userRoot().node(
                System.getProperty(NODE_PROPERTY, DEFAULT_NODE)));
    }

    public Preferences node() {
        return node;
    }

    /** Restores the settings, teaching mode and recent files into the window's state. */
    public void restore(MainViewModel model) {
        model.settings().load(node.node("settings"));
        model.teachingModeProperty().set(node.getBoolean("teachingMode", false));
        // the language chosen last, else the machine's
        Locale locale = Locale.forLanguageTag(node.get("language", ""));
        model.i18n().localeProperty().set(I18n.LANGUAGES.contains(locale) ? locale
                : I18n.forSystemLocale().locale());
        List<Path> recent = new ArrayList<>();
        for (int i = 0; i < MainViewModel.RECENT_FILES; i++) {
            String file = node.get("recent" + i, null);
            if (file != null && Files.isRegularFile(Path.of(file))) {
                recent.add(Path.of(file));
            }
        }
        model.recentFiles().setAll(recent);
    }

    /** Restores the window's size and position when a screen still shows them. */
    public void restore(Stage stage) {
        double width = node.getDouble("width", Double.NaN);
        double height = node.getDouble("height", Double.NaN);
        double x = node.getDouble("x", Double.NaN);
        double y = node.getDouble("y", Double.NaN);
        if (Double.isNaN(width) || Double.isNaN(height) || width < 200 || height < 150) {
            return;
        }
        stage.setWidth(width);
        stage.setHeight(height);
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 50)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
    }

    /** Stores the window's state and bounds and writes them out. */
    public void save(MainViewModel model, Stage stage) {
        model.settings().store(node.node("settings"));
        node.putBoolean("teachingMode", model.teachingModeProperty().get());
        node.put("language", model.i18n().locale().toLanguageTag());
        for (int i = 0; i < MainViewModel.RECENT_FILES; i++) {
            if (i < model.recentFiles().size()) {
                node.put("recent" + i, model.recentFiles().get(i).toString());
            } else {
                node.remove("recent" + i);
            }
        }
        if (stage != null && !stage.isIconified() && !stage.isMaximized()) {
            node.putDouble("x", stage.getX());
            node.putDouble("y", stage.getY());
            node.putDouble("width", stage.getWidth());
            node.putDouble("height", stage.getHeight());
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOGGER.warn("Could not write the window's preferences", e);
        }
    }

    /**
     * Writes the preferences out whenever the language, teaching mode or the recent files
     * change, not only when the window closes: a program ended without closing its window (a
     * crash, a killed process, a shut-down machine) keeps the choices made before.
     */
    public void saveOnChange(MainViewModel model, Stage stage) {
        model.i18n().localeProperty().addListener((obs, old, now) -> save(model, stage));
        model.teachingModeProperty().addListener((obs, old, now) -> save(model, stage));
        model.recentFiles().addListener((ListChangeListener<Path>) change -> save(model, stage));
    }

    /** Forgets everything stored. */
    public void clear() {
        try {
            node.removeNode();
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            LOGGER.warn("Could not clear the window's preferences", e);
        }
    }
}
