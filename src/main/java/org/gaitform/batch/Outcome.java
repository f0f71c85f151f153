package org.gaitform.batch;

import java.util.Objects;
import java.util.Optional;
import org.gaitform.model.SessionResult;

/**
 * What happened to one input.
 *
 * @param input     the input
 * @param sessionId its session id
 * @param ok        true when analysed and written
 * @param message   a one-line account (the error for failures)
 * @param result    the analysis, when it succeeded
 * @param detail    the full error for {@code --debug}, or empty
 */
public record Outcome(Input input, String sessionId, boolean ok, String message, Optional<SessionResult> result,
                      Optional<Throwable> detail) {
    public Outcome {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(message, "message");
    }
}
