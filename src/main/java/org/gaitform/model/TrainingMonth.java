package org.gaitform.model;

import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One calendar month of a training history (the runner's local time), for the form trends over years.
 *
 * @param month     the month
 * @param runs      runs in it
 * @param distanceM total distance (m)
 * @param runningS  total running time (s)
 * @param form      form values averaged over the month's running time ({@code cadence_spm}, …)
 */
public record TrainingMonth(YearMonth month, int runs, double distanceM, double runningS, Map<String, Double> form) {
    public TrainingMonth {
        Objects.requireNonNull(month, "month");
        form = Collections.unmodifiableMap(new LinkedHashMap<>(form));
    }
}
