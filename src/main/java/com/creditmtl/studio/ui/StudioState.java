package com.creditmtl.studio.ui;

/** What the window is doing, as the status bar names it. */
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

    public String label() {
        return label;
    }
}
