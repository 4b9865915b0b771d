package com.creditmtl.studio.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a node, such as a chart, as a PNG image of its size on screen, on a white background.
 * Must be called on the FX thread, since it takes a snapshot of the scene graph. The image is
 * written to a temporary file beside the target and moved over it, so a failed write leaves no
 * half image.
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
        Path folder = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(folder, ".chart-", ".png");
        try {
            if (!ImageIO.write(buffered, "png", temporary.toFile())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        LOGGER.info("Saved a chart of {} x {} pixels to {}", (int) image.getWidth(),
                (int) image.getHeight(), file);
    }
}
