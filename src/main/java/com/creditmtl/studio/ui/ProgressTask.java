package com.creditmtl.studio.ui;

import com.creditmtl.studio.study.Progress;
import javafx.concurrent.Task;

/**
 * A background task that hands itself to its job as the job's {@link Progress}: each report
 * becomes the task's progress and its message ("title: stage"), and the job reads the task's
 * own cancel flag through {@link #isCancelled()}. The view models bind their progress bar and
 * text to it.
 */
final class ProgressTask<T> extends Task<T> implements Progress {

    /** The work, run on the background thread. */
    @FunctionalInterface
    interface Job<T> {
        T run(ProgressTask<?> task) throws Exception;
    }

    private final String title;
    private final Job<T> job;

    ProgressTask(String title, Job<T> job) {
        this.title = title;
        this.job = job;
    }

    @Override
    protected T call() throws Exception {
        updateMessage(title + " …");
        return job.run(this);
    }

    @Override
    public void update(String stage, double done) {
        updateProgress(done, 1);
        updateMessage(title + ": " + stage);
    }
}
