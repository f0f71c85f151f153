package org.gaitform.pipeline;

import java.util.Objects;
import java.util.Optional;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;

/**
 * Settings of a run.
 *
 * @param read       reader overrides
 * @param guidelines the recommendation table to judge sessions by
 * @param speedMps   the running speed when known ({@code --speed-mps}), for the vertical ratio; empty otherwise
 */
public record AnalysisSettings(ReadOptions read, GuidelineTable guidelines, Optional<Double> speedMps) {
    public AnalysisSettings {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(guidelines, "guidelines");
        Objects.requireNonNull(speedMps, "speedMps");
        speedMps.ifPresent(v -> {
            if (!(v > 0 && v < 15)) {
                throw new IllegalArgumentException("a running speed must be between 0 and 15 m/s, got " + v);
            }
        });
    }

    /** Settings without a known speed. */
    public AnalysisSettings(ReadOptions read, GuidelineTable guidelines) {
        this(read, guidelines, Optional.empty());
    }

    /** Defaults: nothing overridden, built-in guidelines. */
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(ReadOptions.DEFAULTS, GuidelineTable.builtIn());
    }

    /** A copy with a known running speed (m/s). */
    /** The same settings with the device whose running dynamics drive the findings of watch exports. */
    public AnalysisSettings withWatchDynamicsDevice(String device) {
        org.gaitform.io.watch.WatchReadOptions w = new org.gaitform.io.watch.WatchReadOptions(
                read.watch().cadenceUnit(), Optional.of(device));
        return new AnalysisSettings(new ReadOptions(read.imu(), w, read.pose()), guidelines, speedMps);
    }

    public AnalysisSettings withSpeedMps(double v) {
        return new AnalysisSettings(read, guidelines, Optional.of(v));
    }
}
