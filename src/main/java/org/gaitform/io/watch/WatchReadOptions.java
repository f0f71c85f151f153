package org.gaitform.io.watch;

import java.util.Objects;
import java.util.Optional;

/**
 * User overrides for watch exports.
 *
 * @param cadenceUnit    how the export counts cadence (default {@link CadenceUnit#AUTO}: detected)
 * @param dynamicsDevice the device whose running dynamics drive the findings when an export holds several
 *                       ({@code hrm}, {@code garmin}, {@code stryd}, {@code runscribe}, …; default: chosen, see
 *                       {@link WatchSources})
 */
public record WatchReadOptions(CadenceUnit cadenceUnit, Optional<String> dynamicsDevice) {
    /** Nothing overridden. */
    public static final WatchReadOptions DEFAULTS = new WatchReadOptions(CadenceUnit.AUTO, Optional.empty());

    public WatchReadOptions {
        Objects.requireNonNull(cadenceUnit, "cadenceUnit");
        Objects.requireNonNull(dynamicsDevice, "dynamicsDevice");
    }

    /** Only the cadence unit overridden. */
    public WatchReadOptions(CadenceUnit cadenceUnit) {
        this(cadenceUnit, Optional.empty());
    }
}
