package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.study.StudyTrainer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The error banner and the status bar of the window, with a message longer than the window. */
@ExtendWith(ApplicationExtension.class)
class ErrorBannerTest {

    private static final String LONG = "credit.csv: row 2, column amount holds 'inf', which is "
            + "not a finite number; mark it as missing with --missing or correct the file, then "
            + "import it again. Nothing was changed: the previous table is kept as it was.";

    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = new MainViewModel(new CsvImporter(), new StudyTrainer(), Runnable::run);
        stage.setScene(new Scene(new MainView(model).root(), 900, 600));
        stage.show();
    }

    @Test
    void errorShowsInFullAboveTheTabsUntilCleared(FxRobot robot) {
        robot.interact(() -> model.errorProperty().set(LONG));

        Label message = robot.lookup("#errorMessage").queryAs(Label.class);
        assertEquals(LONG, message.getText());
        assertTrue(message.isWrapText());
        assertEquals(LONG, message.getTooltip().getText());
        Node banner = robot.lookup("#errorBanner").query();
        assertTrue(banner.isVisible());
        Node tabHeader = robot.lookup("#tabs").queryAs(TabPane.class)
                .lookup(".tab-header-area");
        Bounds bannerBounds = banner.localToScene(banner.getBoundsInLocal());
        Bounds headerBounds = tabHeader.localToScene(tabHeader.getBoundsInLocal());
        assertTrue(bannerBounds.getMaxY() <= headerBounds.getMinY() + 0.5,
                bannerBounds + " over " + headerBounds);
        for (String id : java.util.List.of("#errorDetailsButton", "#errorDismissButton")) {
            javafx.scene.control.Button button = robot.lookup(id)
                    .queryAs(javafx.scene.control.Button.class);
            assertTrue(button.getWidth() >= button.prefWidth(-1) - 0.5,
                    id + " cut to " + button.getWidth() + " of " + button.prefWidth(-1));
        }

        robot.interact(() -> model.errorProperty().set(null));

        assertFalse(banner.isVisible());
    }

    @Test
    void statusBarShowsItsFullTextAsTooltip(FxRobot robot) {
        robot.interact(() -> model.statusProperty().set(LONG));

        StatusBar bar = robot.lookup("#statusBar").queryAs(StatusBar.class);
        assertEquals(LONG, bar.getTooltip().getText());
    }
}
