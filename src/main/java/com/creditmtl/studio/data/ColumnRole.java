package com.creditmtl.studio.data;

/** What the model does with a column of an imported file. */
public enum ColumnRole {
    /** A number learned from; missing values are imputed and flagged. */
    NUMERIC,
    /** A text (or code) learned from through one column per frequent value. */
    CATEGORICAL,
    /** Carried along to name applicants in results, never learned from. */
    ID,
    /** Not read into the model. */
    IGNORE,
    /** The outcome of a task; its type comes from the task's definition. */
    TASK
}
