package org.gaitform.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a runner's training history, as the weekly load and the form trends need it.
 *
 * @param sessionId      the session's id
 * @param source         the input
 * @param startEpochS    start, seconds since 1970-01-01 UTC
 * @param utcOffsetS     local time minus UTC (s); {@code NaN} when unknown (UTC is then used)
 * @param distanceM      distance (m)
 * @param movingS        moving time (s)
 * @param elevationGainM elevation gain (m), {@code NaN} when unknown
 * @param runningS       running time (s), the weight of the form values
 * @param form           form values keyed by output name ({@code cadence_spm}, {@code contact_ms}, …)
 * @param movingDistanceM distance covered while moving (m): the distance that pace is measured on, the same as the
 *                       session report's (standing still at a light adds time but no distance)
 * @param name           the activity's name (an account export's title), or empty
 * @param gear           the shoes (an account export's gear, or the session metadata's), or empty
 */
public record RunSummary(String sessionId, String source, double startEpochS, double utcOffsetS, double distanceM,
                         double movingS, double elevationGainM, double runningS, Map<String, Double> form,
                         double movingDistanceM, String name, String gear) {
    public RunSummary {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(gear, "gear");
        form = Collections.unmodifiableMap(new LinkedHashMap<>(form));
    }

    /** A run without a name or gear, whose moving distance is its distance. */
    public RunSummary(String sessionId, String source, double startEpochS, double utcOffsetS, double distanceM,
                      double movingS, double elevationGainM, double runningS, Map<String, Double> form) {
        this(sessionId, source, startEpochS, utcOffsetS, distanceM, movingS, elevationGainM, runningS, form, distanceM,
                "", "");
    }

    /** Pace over the moving time (s per km), as the session report gives it; {@code NaN} without moving time. */
    public double paceSPerKm() {
        double d = Double.isFinite(movingDistanceM) && movingDistanceM > 0 ? movingDistanceM : distanceM;
        return movingS > 0 && d > 0 ? movingS / (d / 1000) : Double.NaN;
    }

    /** The same run with its name and gear. */
    public RunSummary withNameAndGear(String newName, String newGear) {
        return new RunSummary(sessionId, source, startEpochS, utcOffsetS, distanceM, movingS, elevationGainM, runningS,
                form, movingDistanceM, newName == null ? "" : newName, newGear == null ? "" : newGear);
    }

    /** The local date of the start (UTC when the offset is unknown). */
    public java.time.LocalDate localDate() {
        double off = Double.isNaN(utcOffsetS) ? 0 : utcOffsetS;
        return java.time.Instant.ofEpochMilli(Math.round((startEpochS + off) * 1000))
                .atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    }
}
