package org.gaitform.model;

import java.util.Locale;

/** Which foot a step belongs to. {@link #UNKNOWN} is used whenever the data cannot tell; it is never guessed. */
public enum Side {
    LEFT, RIGHT, UNKNOWN;

    /** Lower-case name as written in CSV and JSON outputs ({@code left}, {@code right}, {@code unknown}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The other foot; {@link #UNKNOWN} stays unknown. */
    public Side opposite() {
        return switch (this) {
            case LEFT -> RIGHT;
            case RIGHT -> LEFT;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
