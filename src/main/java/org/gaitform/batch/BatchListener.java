package org.gaitform.batch;

/**
 * Receives progress of a batch (the command line shows it; tests record it).
 *
 * <p>Threads: with several jobs, sessions finish on worker threads, so calls may come from any thread.
 * {@link BatchRunner} never makes two calls at the same time and reports {@code done} in increasing order
 * (1, 2, …, total), so an implementation needs no locking of its own as long as it does not share state
 * with other threads; its calls happen-before the return of {@link BatchRunner#run}.
 */
public interface BatchListener {
    /** The batch starts with this many inputs. */
    default void started(int total) {
    }

    /**
     * One input is done (analysed, skipped as unchanged, or failed).
     *
     * @param outcome what happened to it
     * @param done    inputs finished so far, this one included
     * @param total   inputs in the batch
     */
    default void finished(Outcome outcome, int done, int total) {
    }

    /**
     * Progress inside one input that holds many activities (a runner's account export). Calls for one input are
     * never made at the same time.
     *
     * @param input the input
     * @param done  activities finished so far
     * @param total activities in the input, or -1 when the export does not say before it is read
     */
    default void activities(Input input, int done, int total) {
    }

    /** A batch-level output (the runner's report, its weekly table) was written. */
    default void written(java.nio.file.Path file) {
    }

    /**
     * Something the user should know that does not stop the batch (a left-over of an earlier run that could not be
     * removed, a batch file that could not be written).
     */
    default void notice(String message) {
    }

    /** Ignores everything. */
    BatchListener NONE = new BatchListener() {
    };
}
