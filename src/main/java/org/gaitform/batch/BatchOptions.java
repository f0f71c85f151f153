package org.gaitform.batch;

/**
 * How a batch runs (none of these change the results).
 *
 * @param jobs  sessions analysed at the same time (1 = one after the other); at least 1
 * @param force re-analyse every input even when its content, the settings and its outputs are unchanged
 *              since an earlier run into the same output folder
 */
public record BatchOptions(int jobs, boolean force) {
    /** One session at a time, unchanged sessions skipped. */
    public static final BatchOptions DEFAULTS = new BatchOptions(1, false);

    public BatchOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
    }

    /** As many jobs as the machine has processors. */
    public static int defaultJobs() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
