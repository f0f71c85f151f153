package org.gaitform.io.force;

import java.util.Objects;
import java.util.Optional;

/**
 * User overrides for reading force recordings.
 *
 * @param rateHz  sampling rate, needed when the file's time column counts samples or is absent
 * @param unit    the force unit, when the header does not say it
 * @param column  the vertical-force column, when the component with the largest mean magnitude is not it
 */
public record ForceReadOptions(Optional<Double> rateHz, Optional<ForceUnit> unit, Optional<String> column) {
    /** Nothing overridden. */
    public static final ForceReadOptions DEFAULTS = new ForceReadOptions(Optional.empty(), Optional.empty(),
            Optional.empty());

    public ForceReadOptions {
        Objects.requireNonNull(rateHz, "rateHz");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(column, "column");
        if (rateHz.isPresent() && !(rateHz.get() > 0 && rateHz.get() < 1e6)) {
            throw new IllegalArgumentException("a force sampling rate must be above 0 Hz, not " + rateHz.get());
        }
    }

    /** A copy with a sampling rate. */
    public ForceReadOptions withRateHz(double hz) {
        return new ForceReadOptions(Optional.of(hz), unit, column);
    }
}
