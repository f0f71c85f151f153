package org.gaitform.pipeline;

import java.util.Objects;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;

/**
 * Settings of a run.
 *
 * @param read       reader overrides
 * @param guidelines the recommendation table to judge sessions by
 */
public record AnalysisSettings(ReadOptions read, GuidelineTable guidelines) {
    public AnalysisSettings {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(guidelines, "guidelines");
    }

    /** Defaults: nothing overridden, built-in guidelines. */
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(ReadOptions.DEFAULTS, GuidelineTable.builtIn());
    }
}
