package com.creditmtl.studio.study;

/** Told how far a long run (comparison, cross-validation) has got. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (stage, done) -> { };

    /**
     * @param stage what runs now, e.g. "single-task overdue_days"
     * @param done share of the run finished, 0 to 1
     */
    void update(String stage, double done);
}
