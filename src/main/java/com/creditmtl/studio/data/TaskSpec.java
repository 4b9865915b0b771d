package com.creditmtl.studio.data;

import java.util.Objects;

/**
 * One outcome the network learns: the column that holds it, how it is measured and the weight
 * of its loss in the total.
 *
 * @param name the target column, also the task's name in reports
 * @param type binary or regression
 * @param weight the loss weight, zero or more; zero leaves the head untrained
 */
public record TaskSpec(String name, TaskType type, double weight) {

    public TaskSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new RefusedException("settings.taskWeight", "weight of task " + name
                    + " must be a finite number >= 0, was " + weight, name,
                    String.valueOf(weight));
        }
    }

    public TaskSpec withWeight(double newWeight) {
        return new TaskSpec(name, type, newWeight);
    }

    public boolean isBinary() {
        return type == TaskType.BINARY;
    }
}
