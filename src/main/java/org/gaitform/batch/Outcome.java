package org.gaitform.batch;

import java.util.Objects;
import java.util.Optional;
import org.gaitform.model.SessionResult;
import org.gaitform.report.BatchSummaryCsv;

/**
 * What happened to one input.
 *
 * @param input     the input
 * @param sessionId its session id
 * @param status    analysed now, skipped because unchanged since an earlier run, or failed
 * @param message   a one-line account (the error for failures)
 * @param result    the analysis, when it was analysed in this run
 * @param detail    the full error for {@code --debug}, or empty
 * @param carried   for a skipped input, its row of the earlier run's batch summary (headline numbers)
 */
public record Outcome(Input input, String sessionId, Status status, String message, Optional<SessionResult> result,
                      Optional<Throwable> detail, Optional<BatchSummaryCsv.Row> carried) {

    /** How an input ended. */
    public enum Status {
        /** Analysed and written in this run. */
        OK,
        /** Input and settings unchanged since an earlier run whose complete outputs are still in place. */
        SKIPPED,
        /** Could not be read, analysed or written; nothing is left behind for it. */
        FAILED
    }

    public Outcome {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(carried, "carried");
    }

    /** An analysed ({@code ok}) or failed outcome. */
    public Outcome(Input input, String sessionId, boolean ok, String message, Optional<SessionResult> result,
                   Optional<Throwable> detail) {
        this(input, sessionId, ok ? Status.OK : Status.FAILED, message, result, detail, Optional.empty());
    }

    /** True when the input's outputs are in place: analysed now or skipped as unchanged. */
    public boolean ok() {
        return status != Status.FAILED;
    }

    /** True when the input was skipped as unchanged. */
    public boolean skipped() {
        return status == Status.SKIPPED;
    }
}
