package com.creditmtl.studio.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One column in the import dialog's role table: its name, a sample of its first values, the
 * role and type the importer would give it judging from the first rows, and the role the analyst
 * chose, {@link #AUTO} leaving it to the importer.
 */
public final class ColumnRoleRow {

    /** The role choice that lets the importer decide. */
    public static final String AUTO = "auto";

    private final String name;
    private final StringProperty sample = new SimpleStringProperty();
    private final ObjectProperty<String> role = new SimpleObjectProperty<>(AUTO);
    private final StringProperty detected = new SimpleStringProperty("");

    public ColumnRoleRow(String name, String sample) {
        this.name = name;
        this.sample.set(sample);
    }

    public String name() {
        return name;
    }

    public String sample() {
        return sample.get();
    }

    /** The first values as the current format choices read them. */
    public StringProperty sampleProperty() {
        return sample;
    }

    public StringProperty detectedProperty() {
        return detected;
    }

    public ObjectProperty<String> roleProperty() {
        return role;
    }
}
