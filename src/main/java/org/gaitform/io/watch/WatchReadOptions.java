package org.gaitform.io.watch;

import java.util.Objects;

/**
 * User overrides for watch exports.
 *
 * @param cadenceUnit how the export counts cadence (default {@link CadenceUnit#AUTO}: detected)
 */
public record WatchReadOptions(CadenceUnit cadenceUnit) {
    /** Nothing overridden. */
    public static final WatchReadOptions DEFAULTS = new WatchReadOptions(CadenceUnit.AUTO);

    public WatchReadOptions {
        Objects.requireNonNull(cadenceUnit, "cadenceUnit");
    }
}
