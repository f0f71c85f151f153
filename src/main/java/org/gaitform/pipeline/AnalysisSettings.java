package org.gaitform.pipeline;

import java.util.Objects;
import java.util.Optional;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;

/**
 * Settings of a run.
 *
 * @param read         reader overrides
 * @param guidelines   the recommendation table to judge sessions by
 * @param speedMps     the running speed when known ({@code --speed-mps}), for the vertical ratio; empty otherwise
 * @param reportDetail whether to keep what only the PDF report and charts show: signal excerpts and stick figures
 *                     (default {@code true}; {@code false} with {@code --outputs tables}, where no report is drawn).
 *                     Watch sessions keep their record series, which their tables are written from. No table value
 *                     depends on it.
 */
public record AnalysisSettings(ReadOptions read, GuidelineTable guidelines, Optional<Double> speedMps,
                               boolean reportDetail) {
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

    /** Settings for a run that draws reports. */
    public AnalysisSettings(ReadOptions read, GuidelineTable guidelines, Optional<Double> speedMps) {
        this(read, guidelines, speedMps, true);
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
    public AnalysisSettings withSpeedMps(double v) {
        return new AnalysisSettings(read, guidelines, Optional.of(v), reportDetail);
    }

    /** A copy that keeps ({@code true}) or skips the report's excerpts and figures. */
    public AnalysisSettings withReportDetail(boolean keep) {
        return new AnalysisSettings(read, guidelines, speedMps, keep);
    }
}
