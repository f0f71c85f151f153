package org.gaitform.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step: the initial contact (IC) of a foot, its toe-off (TO), and the next initial contact of
 * either foot. Times are seconds on the input's own time axis (the values of its time column, or
 * sample index / sampling rate when it has none).
 *
 * @param number   1-based step number within the session
 * @param side     which foot; {@link Side#UNKNOWN} when the data cannot tell
 * @param activity running or walking (the activity of the bout the step belongs to)
 * @param icS      initial contact (s)
 * @param toS      toe-off (s), after {@code icS}; {@code NaN} when not measurable
 * @param nextIcS  next initial contact of either foot (s); {@code NaN} for the last step of a bout
 * @param icMethod how the initial contact was located (for example {@code ap_bracket}, {@code vertical})
 * @param extras   further per-step values keyed by output column name, each name carrying its unit
 *                 (for example {@code peak_acc_g}); iteration order is kept
 */
public record Step(int number, Side side, Activity activity, double icS, double toS, double nextIcS,
                   String icMethod, Map<String, Double> extras) {

    public Step {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(icMethod, "icMethod");
        if (!Double.isFinite(icS)) {
            throw new IllegalArgumentException("initial contact must be a finite time, got " + icS);
        }
        if (!Double.isNaN(toS) && !(toS > icS)) {
            throw new IllegalArgumentException("toe-off " + toS + " s must follow initial contact " + icS + " s");
        }
        if (!Double.isNaN(nextIcS) && !(nextIcS > icS)) {
            throw new IllegalArgumentException("next initial contact " + nextIcS + " s must follow " + icS + " s");
        }
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras == null ? Map.of() : extras));
    }

    /** A step without extra values. */
    public Step(int number, Side side, Activity activity, double icS, double toS, double nextIcS, String icMethod) {
        this(number, side, activity, icS, toS, nextIcS, icMethod, Map.of());
    }

    /** Ground-contact time TO − IC (ms); {@code NaN} when the toe-off is unknown. */
    public double contactMs() {
        return (toS - icS) * 1000.0;
    }

    /** Flight time, next IC − TO (ms); {@code NaN} for the last step of a bout. Negative in walking (double support). */
    public double flightMs() {
        return (nextIcS - toS) * 1000.0;
    }

    /** Step time, next IC − IC (s); {@code NaN} for the last step of a bout. */
    public double stepTimeS() {
        return nextIcS - icS;
    }

    /** A copy with another side. */
    public Step withSide(Side newSide) {
        return new Step(number, newSide, activity, icS, toS, nextIcS, icMethod, extras);
    }

    /** A copy with one more extra value (replacing an existing one of the same name). */
    public Step withExtra(String column, double value) {
        Map<String, Double> m = new LinkedHashMap<>(extras);
        m.put(column, value);
        return new Step(number, side, activity, icS, toS, nextIcS, icMethod, m);
    }
}
