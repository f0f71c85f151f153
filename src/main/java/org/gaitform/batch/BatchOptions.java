package org.gaitform.batch;

import java.util.Objects;
import org.gaitform.dataset.DatasetFormat;
import org.gaitform.report.Outputs;

/**
 * How a batch runs.
 *
 * @param jobs            sessions analysed at the same time (1 = one after the other); at least 1; never changes
 *                        results
 * @param force           re-analyse every input even when its content, the settings and its outputs are unchanged
 *                        since an earlier run into the same output folder
 * @param outputs         what is written: the tables, the reports, or both ({@code --outputs})
 * @param format          how the dataset tables are written ({@code --format}): CSV or Parquet
 * @param historySessions for an account export (a runner's whole history), how many of the most recent runs get a
 *                        full session folder (report, charts, tables) beside the history's report; default
 *                        {@value #DEFAULT_HISTORY_SESSIONS}
 */
public record BatchOptions(int jobs, boolean force, Outputs outputs, DatasetFormat format, int historySessions) {
    /** Default {@link #historySessions()}. */
    public static final int DEFAULT_HISTORY_SESSIONS = 5;
    /** One session at a time, unchanged sessions skipped, tables and reports, tables as CSV. */
    public static final BatchOptions DEFAULTS = new BatchOptions(1, false);

    public BatchOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(format, "format");
        if (historySessions < 0) {
            throw new IllegalArgumentException("history sessions must be at least 0, got " + historySessions);
        }
    }

    /** Tables and reports, tables as CSV, the default number of history sessions. */
    public BatchOptions(int jobs, boolean force) {
        this(jobs, force, Outputs.ALL, DatasetFormat.CSV, DEFAULT_HISTORY_SESSIONS);
    }

    /** Tables and reports, tables as CSV. */
    public BatchOptions(int jobs, boolean force, int historySessions) {
        this(jobs, force, Outputs.ALL, DatasetFormat.CSV, historySessions);
    }

    /** The default number of history sessions. */
    public BatchOptions(int jobs, boolean force, Outputs outputs, DatasetFormat format) {
        this(jobs, force, outputs, format, DEFAULT_HISTORY_SESSIONS);
    }

    /** As many jobs as the machine has processors. */
    public static int defaultJobs() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
