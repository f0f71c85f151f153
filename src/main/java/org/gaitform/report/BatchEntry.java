package org.gaitform.report;

import java.util.Objects;
import java.util.Optional;
import org.gaitform.model.SessionResult;

/**
 * One input of a batch as the batch tables and report see it.
 *
 * @param input     the input as given
 * @param sessionId its session id
 * @param status    {@code ok}, {@code failed} (or another status a batch may give, such as {@code skipped})
 * @param message   a one-line account (the error for failures)
 * @param result    the analysis, when there is one
 */
public record BatchEntry(String input, String sessionId, String status, String message, Optional<SessionResult> result) {
    public BatchEntry {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(result, "result");
    }

    /** True when the entry has an analysis. */
    public boolean analysed() {
        return result.isPresent();
    }
}
