package org.gaitform.model;

import java.util.Objects;

/**
 * A stretch of a recording with one activity, as a half-open interval {@code [startS, endS)} on the
 * input's own time axis.
 *
 * @param startS   start (s)
 * @param endS     end (s), after {@code startS}
 * @param activity what was done in the bout
 */
public record Bout(double startS, double endS, Activity activity) {
    public Bout {
        Objects.requireNonNull(activity, "activity");
        if (!(endS > startS)) {
            throw new IllegalArgumentException("bout must end after it starts: " + startS + " .. " + endS);
        }
    }

    /** Duration (s). */
    public double durationS() {
        return endS - startS;
    }

    /** True when {@code timeS} lies inside the half-open interval. */
    public boolean contains(double timeS) {
        return timeS >= startS && timeS < endS;
    }
}
