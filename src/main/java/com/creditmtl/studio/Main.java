package com.creditmtl.studio;

import com.creditmtl.studio.cli.Cli;
import com.creditmtl.studio.model.NativeRuntime;
import com.creditmtl.studio.ui.StudioApp;

/**
 * Entry point of the jar: without arguments it opens the window, with arguments it runs a
 * headless command. It must not extend JavaFX's {@code Application}: launched from the class
 * path, such a main class fails before JavaFX has started.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        NativeRuntime.prepareProperties();
        if (args.length == 0) {
            StudioApp.launchWindow(args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
