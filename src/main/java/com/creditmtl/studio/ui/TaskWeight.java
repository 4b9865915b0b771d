package com.creditmtl.studio.ui;

import com.creditmtl.studio.data.TaskSpec;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/** A task as the window edits it: its spec and a weight bound to a slider. */
public final class TaskWeight {

    private final TaskSpec task;
    private final DoubleProperty weight;

    public TaskWeight(TaskSpec task) {
        this.task = task;
        this.weight = new SimpleDoubleProperty(task.weight());
    }

    public TaskSpec task() {
        return task;
    }

    public DoubleProperty weightProperty() {
        return weight;
    }

    /** The spec with the slider's current weight, rounded to the slider's 0.05 steps. */
    public TaskSpec current() {
        return task.withWeight(Math.round(weight.get() * 100) / 100.0);
    }
}
