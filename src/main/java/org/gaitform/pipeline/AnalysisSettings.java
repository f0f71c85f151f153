package org.gaitform.pipeline;

import java.util.Objects;
import java.util.Optional;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;
import org.gaitform.model.Activity;

/**
 * Settings of a run.
 *
 * @param read       reader overrides
 * @param guidelines the recommendation table to judge sessions by
 * @param speedMps   the running speed when known ({@code --speed-mps}), for the vertical ratio; empty otherwise
 * @param activity   what the person was doing when the user says so ({@code --activity running|walking}): it
 *                   replaces the automatic walking/running decision of keypoint and marker inputs (recorded as a
 *                   decision); empty: detected
 */
public record AnalysisSettings(ReadOptions read, GuidelineTable guidelines, Optional<Double> speedMps,
                               Optional<Activity> activity) {
    public AnalysisSettings {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(guidelines, "guidelines");
        Objects.requireNonNull(speedMps, "speedMps");
        Objects.requireNonNull(activity, "activity");
        activity.ifPresent(a -> {
            if (a != Activity.RUNNING && a != Activity.WALKING) {
                throw new IllegalArgumentException("--activity must be running or walking, got " + a.label());
            }
        });
        speedMps.ifPresent(v -> {
            if (!(v > 0 && v < 15)) {
                throw new IllegalArgumentException("a running speed must be between 0 and 15 m/s, got " + v);
            }
        });
    }

    /** Settings with the activity detected. */
    public AnalysisSettings(ReadOptions read, GuidelineTable guidelines, Optional<Double> speedMps) {
        this(read, guidelines, speedMps, Optional.empty());
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
        return new AnalysisSettings(read, guidelines, Optional.of(v), activity);
    }

    /** A copy with the activity given by the user. */
    public AnalysisSettings withActivity(Activity a) {
        return new AnalysisSettings(read, guidelines, speedMps, Optional.of(a));
    }
}
