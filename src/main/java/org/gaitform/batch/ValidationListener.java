package org.gaitform.batch;

/**
 * Receives the progress of a validation run. Calls come one at a time (the runner serialises them), possibly
 * from worker threads.
 */
public interface ValidationListener {
    /** The run found {@code total} recordings. */
    void started(int total);

    /**
     * One recording is done.
     *
     * @param recording the input as named in outputs
     * @param ok        true when it was compared with its reference
     * @param message   a one-line summary, or the failure's message
     * @param done      recordings done so far
     * @param total     recordings in all
     */
    void finished(String recording, boolean ok, String message, int done, int total);

    /** Nothing reported. */
    ValidationListener SILENT = new ValidationListener() {
        @Override
        public void started(int total) {
        }

        @Override
        public void finished(String recording, boolean ok, String message, int done, int total) {
        }
    };
}
