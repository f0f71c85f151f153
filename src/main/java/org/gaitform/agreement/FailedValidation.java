package org.gaitform.agreement;

import java.util.Map;
import java.util.Objects;

/**
 * A recording that could not be compared: its analysis or its reference failed.
 *
 * @param recording  the input as named in outputs
 * @param message    the one-line message (file, what was expected, what was found)
 * @param conditions what is known of its conditions (metadata)
 */
public record FailedValidation(String recording, String message, Map<String, String> conditions) {
    public FailedValidation {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(message, "message");
        conditions = Map.copyOf(conditions);
    }
}
