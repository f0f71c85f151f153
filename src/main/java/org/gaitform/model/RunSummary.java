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
 */
public record RunSummary(String sessionId, String source, double startEpochS, double utcOffsetS, double distanceM,
                         double movingS, double elevationGainM, double runningS, Map<String, Double> form) {
    public RunSummary {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(source, "source");
        form = Collections.unmodifiableMap(new LinkedHashMap<>(form));
    }

    /** The local date of the start (UTC when the offset is unknown). */
    public java.time.LocalDate localDate() {
        double off = Double.isNaN(utcOffsetS) ? 0 : utcOffsetS;
        return java.time.Instant.ofEpochMilli(Math.round((startEpochS + off) * 1000))
                .atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    }
}
