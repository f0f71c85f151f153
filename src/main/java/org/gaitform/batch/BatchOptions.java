package org.gaitform.batch;

/**
 * How a batch runs (none of these change the results).
 *
 * @param jobs  sessions analysed at the same time (1 = one after the other); at least 1
 * @param force re-analyse every input even when its content, the settings and its outputs are unchanged
 *              since an earlier run into the same output folder
 * @param historySessions for an account export (a runner's whole history), how many of the most recent runs get a
 *              full session folder (report, charts, tables) beside the history's report; default
 *              {@value #DEFAULT_HISTORY_SESSIONS}
 */
public record BatchOptions(int jobs, boolean force, int historySessions) {
    /** Default {@link #historySessions()}. */
    public static final int DEFAULT_HISTORY_SESSIONS = 5;
    /** One session at a time, unchanged sessions skipped. */
    public static final BatchOptions DEFAULTS = new BatchOptions(1, false);

    public BatchOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
        if (historySessions < 0) {
            throw new IllegalArgumentException("history sessions must be at least 0, got " + historySessions);
        }
    }

    /** Jobs and force, the default number of history sessions. */
    public BatchOptions(int jobs, boolean force) {
        this(jobs, force, DEFAULT_HISTORY_SESSIONS);
    }

    /** As many jobs as the machine has processors. */
    public static int defaultJobs() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
