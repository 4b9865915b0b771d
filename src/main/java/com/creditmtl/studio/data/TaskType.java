package com.creditmtl.studio.data;

/** How a task's outcome is measured, which decides its head's activation and loss. */
public enum TaskType {
    /** A 0/1 outcome such as default; sigmoid head, binary cross-entropy. */
    BINARY,
    /** A real-valued outcome such as days or amount overdue; identity head, squared error. */
    REGRESSION
}
