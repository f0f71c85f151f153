package org.gaitform.model;

import java.util.Locale;

/** What the person was doing during a bout of a recording. */
public enum Activity {
    RUNNING, WALKING, STANDING, UNKNOWN;

    /** Lower-case name as written in outputs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
