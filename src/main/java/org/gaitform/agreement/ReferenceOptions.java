package org.gaitform.agreement;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gaitform.events.ForceContactSettings;
import org.gaitform.io.force.ForceReadOptions;

/**
 * How references are found and read.
 *
 * @param kind           use only references of this kind when several match a recording (empty: any)
 * @param rateHz         sampling rate of sample-index events and of force files whose time column counts samples
 * @param threshold      contact threshold of force references (empty: 50 N for forces in newtons, 0.05 BW for
 *                       forces in body weights)
 * @param contacts       debounce and partial contacts of force references
 * @param bodyMassKg     body mass (kg), to convert a threshold between newtons and body weights
 * @param force          overrides for reading force files (unit, column)
 */
public record ReferenceOptions(Optional<ReferenceKind> kind, Optional<Double> rateHz, Optional<ForceThreshold> threshold,
                               ForceContactSettings contacts, OptionalDouble bodyMassKg, ForceReadOptions force) {
    /** Everything by default. */
    public static final ReferenceOptions DEFAULTS = new ReferenceOptions(Optional.empty(), Optional.empty(),
            Optional.empty(), ForceContactSettings.DEFAULTS, OptionalDouble.empty(), ForceReadOptions.DEFAULTS);

    public ReferenceOptions {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rateHz, "rateHz");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(contacts, "contacts");
        Objects.requireNonNull(bodyMassKg, "bodyMassKg");
        Objects.requireNonNull(force, "force");
    }
}
