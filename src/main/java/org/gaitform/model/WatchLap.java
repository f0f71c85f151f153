package org.gaitform.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lap as the device recorded it.
 *
 * @param number       1-based lap number
 * @param startS       start (s, the recording's time axis)
 * @param endS         end (s)
 * @param distanceM    distance of the lap (m), {@code NaN} when not given
 * @param deviceValues the device's own lap averages keyed by unit-named output names ({@code cadence_spm}, …)
 */
public record WatchLap(int number, double startS, double endS, double distanceM, Map<String, Double> deviceValues) {
    public WatchLap {
        deviceValues = Collections.unmodifiableMap(new LinkedHashMap<>(deviceValues));
    }

    /** Duration (s). */
    public double durationS() {
        return endS - startS;
    }
}
