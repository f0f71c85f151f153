package org.gaitform.batch;

/** Receives progress of a batch (the command line shows it; tests record it). */
public interface BatchListener {
    /** The batch starts with this many inputs. */
    default void started(int total) {
    }

    /** One input is done. */
    default void finished(Outcome outcome, int done, int total) {
    }

    /** Ignores everything. */
    BatchListener NONE = new BatchListener() {
    };
}
