package org.gaitform.model;

import java.util.Objects;

/**
 * Something the program decided on its own (or took from an override) while reading or analysing
 * an input, reported in {@code summary.json} so that a researcher can check it.
 *
 * @param key    flat output key, lower snake case (for example {@code time_unit})
 * @param value  what was decided (for example {@code ms})
 * @param reason why (for example "header 'Time (ms)' names the unit"); "override" when the user chose
 */
public record Decision(String key, String value, String reason) {
    public Decision {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
    }
}
