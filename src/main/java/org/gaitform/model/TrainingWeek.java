package org.gaitform.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One calendar week (ISO, Monday to Sunday, in the runner's local time) of a training history.
 *
 * @param isoWeek             the ISO week ({@code 2017-W23})
 * @param monday              its first day
 * @param sessionIds          the runs in it
 * @param distanceM           total distance (m)
 * @param movingS             total moving time (s)
 * @param elevationGainM      total elevation gain (m); {@code NaN} when no run had altitude
 * @param distanceChangePct   distance relative to the week before (%); {@code NaN} for the first week or after a
 *                            week without running
 * @param speedChangePct      mean speed (distance / moving time) relative to the week before (%)
 * @param elevationChangePct  elevation gain relative to the week before (%)
 * @param changed             which of distance, speed and elevation rose notably this week
 * @param distanceFlag        distance rose by more than the limit
 * @param speedFlag           speed rose by more than the limit
 * @param oneChangeFlag       more than one of distance, speed and elevation rose at once
 * @param form                form values averaged over the week's running time ({@code cadence_spm}, …)
 * @param note                what the flags mean for this week, in words (empty when nothing to say)
 * @param movingDistanceM     distance covered while moving (m), on which speed and pace are measured
 */
public record TrainingWeek(String isoWeek, LocalDate monday, List<String> sessionIds, double distanceM, double movingS,
                           double elevationGainM, double distanceChangePct, double speedChangePct,
                           double elevationChangePct, List<String> changed, boolean distanceFlag, boolean speedFlag,
                           boolean oneChangeFlag, Map<String, Double> form, String note, double movingDistanceM) {
    public TrainingWeek {
        Objects.requireNonNull(isoWeek, "isoWeek");
        Objects.requireNonNull(monday, "monday");
        Objects.requireNonNull(note, "note");
        sessionIds = List.copyOf(sessionIds);
        changed = List.copyOf(changed);
        form = Collections.unmodifiableMap(new LinkedHashMap<>(form));
    }

    /** Number of runs. */
    public int runs() {
        return sessionIds.size();
    }

    /** Mean speed over the moving time (m/s): moving distance / moving time; {@code NaN} without running. */
    public double speedMps() {
        double d = Double.isFinite(movingDistanceM) && movingDistanceM > 0 ? movingDistanceM : distanceM;
        return movingS > 0 ? d / movingS : Double.NaN;
    }

    /** Pace (s per km); {@code NaN} without running. */
    public double paceSPerKm() {
        double v = speedMps();
        return v > 0 ? 1000 / v : Double.NaN;
    }

    /** True when any flag is raised. */
    public boolean flagged() {
        return distanceFlag || speedFlag || oneChangeFlag;
    }

    /** The larger of the distance and speed increases (%), the quantity the 10 % rule judges; NaN without comparison. */
    public double weeklyIncreasePct() {
        if (Double.isNaN(distanceChangePct) && Double.isNaN(speedChangePct)) {
            return Double.NaN;
        }
        return Math.max(Double.isNaN(distanceChangePct) ? Double.NEGATIVE_INFINITY : distanceChangePct,
                Double.isNaN(speedChangePct) ? Double.NEGATIVE_INFINITY : speedChangePct);
    }
}
