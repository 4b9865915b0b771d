package com.creditmtl.studio.ui;

import com.creditmtl.studio.study.AtomicFile;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a node, such as a chart, as a PNG image of its size on screen, on a white background.
 * Must be called on the FX thread, since it takes a snapshot of the scene graph. The image is
 * written to a temporary file beside the target and moved over it, so a failed write leaves no
 * half image. The context menu and its dialogs take their texts from {@link I18n}.
 */
final class ChartExport {

    private static final Logger LOGGER = LoggerFactory.getLogger(ChartExport.class);

    private ChartExport() {
    }

    static void png(Node node, Path file) throws IOException {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        WritableImage image = node.snapshot(parameters, null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        AtomicFile.write(file, out -> {
            if (!ImageIO.write(buffered, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
        LOGGER.info("Saved a chart of {} x {} pixels to {}", (int) image.getWidth(),
                (int) image.getHeight(), file);
    }

    /**
     * Gives a chart a context menu (right click) whose one item saves it as PNG through a file
     * chooser; a failure is shown in a message box. The menu follows the window's language; the
     * chooser and the message box take the language of the moment they open.
     *
     * @return the menu, shown on a right click of the chart
     */
    static ContextMenu offerPng(Node chart, String fileName, I18n i18n) {
        MenuItem save = new MenuItem();
        save.textProperty().bind(i18n.bind("chartExport.save"));
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n.get("chartExport.chooserTitle"));
            chooser.setInitialFileName(fileName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    i18n.get("chartExport.pngFilter"), "*.png"));
            File file = chooser.showSaveDialog(chart.getScene().getWindow());
            if (file == null) {
                return;
            }
            try {
                png(chart, file.toPath());
            } catch (IOException | RuntimeException failure) {
                failed(i18n, file.getName(), failure).showAndWait();
            }
        });
        ContextMenu menu = new ContextMenu(save);
        chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
        return menu;
    }

    /**
     * The message box of a failed save, every text in the window's language: its title, the
     * message and its button (JavaFX would word them in the machine's language otherwise).
     */
    static Alert failed(I18n i18n, String fileName, Exception failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR, i18n.get("chartExport.failed", fileName,
                i18n.explain(failure)),
                new ButtonType(i18n.get("chartExport.close"), ButtonBar.ButtonData.OK_DONE));
        alert.setTitle(i18n.get("chartExport.failedTitle"));
        alert.setHeaderText(null);
        return alert;
    }
}
