package org.gaitform.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How far a runner has run in one pair of shoes, from the gear the runs name.
 *
 * @param shoe      the shoes' name as the export gives it
 * @param runs      runs in them
 * @param distanceM total distance (m)
 * @param first     date of the first run in them
 * @param last      date of the last run in them
 */
public record ShoeUse(String shoe, int runs, double distanceM, LocalDate first, LocalDate last) {
    public ShoeUse {
        Objects.requireNonNull(shoe, "shoe");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
    }

    /** Distance in kilometres. */
    public double km() {
        return distanceM / 1000;
    }

    /** Distance in miles, as the articles count shoe wear (300–600 miles). */
    public double miles() {
        return distanceM / 1609.344;
    }
}
