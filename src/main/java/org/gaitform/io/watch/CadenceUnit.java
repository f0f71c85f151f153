package org.gaitform.io.watch;

import java.util.Locale;
import java.util.Optional;

/** How an export counts cadence: per leg (strides/min, as Garmin writes it) or both feet (steps/min). */
public enum CadenceUnit {
    /** Decide from the values (and the speed, when the export has it). */
    AUTO,
    /** Both feet: steps/min, used as they are. */
    STEPS,
    /** One leg: strides (cycles) per minute, doubled to steps/min. */
    STRIDES;

    /** Parses {@code auto}, {@code steps}/{@code spm} or {@code strides}/{@code per-leg}/{@code rpm}. */
    public static Optional<CadenceUnit> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "steps", "spm", "steps/min", "both" -> STEPS;
            case "strides", "per-leg", "per_leg", "rpm", "strides/min" -> STRIDES;
            default -> null;
        });
    }
}
