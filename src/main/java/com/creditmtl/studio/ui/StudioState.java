package com.creditmtl.studio.ui;

/** What the window is doing, as the status bar names it (by {@link #key}). */
public enum StudioState {
    IDLE("idle"),
    IMPORTING("importing"),
    TRAINING("training"),
    PAUSED("paused"),
    DONE("done"),
    CANCELLED("cancelled"),
    FAILED("failed");

    private final String label;

    StudioState(String label) {
        this.label = label;
    }

    /** The English name, as logs and the command line write it. */
    public String label() {
        return label;
    }

    /** The key of the state's name in the window's language. */
    public String key() {
        return "state." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
