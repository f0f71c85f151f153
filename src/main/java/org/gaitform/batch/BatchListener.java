package org.gaitform.batch;

/** Receives progress of a batch (the command line shows it; tests record it). */
public interface BatchListener {
    /** The batch starts with this many inputs. */
    default void started(int total) {
    }

    /** One input is done. */
    default void finished(Outcome outcome, int done, int total) {
    }

    /** A batch-level output (the runner's report, its weekly table) was written. */
    default void written(java.nio.file.Path file) {
    }

    /** Ignores everything. */
    BatchListener NONE = new BatchListener() {
    };
}
