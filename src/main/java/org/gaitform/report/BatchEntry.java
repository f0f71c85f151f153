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
 * @param skipReason for status {@code skipped}, why: {@code unchanged} (kept from an earlier run: its session folder
 *                  and numbers are there), or a reason the path was not analysed at all ({@code not_a_recording},
 *                  {@code hidden}, {@code link_loop}, {@code interrupted}, …; no session folder); empty otherwise
 */
public record BatchEntry(String input, String sessionId, String status, String message, Optional<SessionResult> result,
                         String skipReason) {
    /** Why an input was kept from an earlier run. */
    public static final String UNCHANGED = "unchanged";

    public BatchEntry {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(skipReason, "skipReason");
    }

    /** An entry of an input: a skipped one was kept unchanged from an earlier run. */
    public BatchEntry(String input, String sessionId, String status, String message, Optional<SessionResult> result) {
        this(input, sessionId, status, message, result, status.equals("skipped") ? UNCHANGED : "");
    }

    /** A path seen and not analysed: status {@code skipped}, no session. */
    public static BatchEntry notAnalysed(String path, String reason, String message) {
        return new BatchEntry(path, "", "skipped", message, Optional.empty(), reason);
    }

    /** True for a path that was seen and not analysed (no session folder, in this run or an earlier one). */
    public boolean notAnalysed() {
        return status.equals("skipped") && !skipReason.equals(UNCHANGED);
    }

    /** True when the entry has an analysis. */
    public boolean analysed() {
        return result.isPresent();
    }
}
