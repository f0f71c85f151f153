package org.gaitform.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitform.model.Activity;
import org.gaitform.model.Step;
import org.gaitform.signal.Stats;

/**
 * Session metrics of the walking steps, kept apart from the running metrics so that walking is never judged
 * against running advice:
 * <ul>
 *   <li>{@code walking_n_steps};</li>
 *   <li>{@code walking_cadence_spm} — steps per minute, 60 / mean step time over the walking steps;</li>
 *   <li>{@code walking_stance_ms} — mean stance (ground-contact) time of a foot, initial contact to its own
 *       toe-off (in walking it spans the other foot's initial contact: double support);</li>
 * </ul>
 * Per-bout values are not session values: they are in the session's {@code bouts.csv} (one row per bout).
 */
public final class WalkingMetrics {
    private WalkingMetrics() {
    }

    /** The walking metrics; empty when there are no walking steps. */
    public static Map<String, Double> session(List<Step> steps) {
        List<Step> walk = steps.stream().filter(s -> s.activity() == Activity.WALKING).toList();
        Map<String, Double> m = new LinkedHashMap<>();
        if (walk.isEmpty()) {
            return m;
        }
        m.put("walking_n_steps", (double) walk.size());
        m.put("walking_cadence_spm", cadence(walk));
        m.put("walking_stance_ms", Stats.mean(walk.stream().mapToDouble(Step::contactMs).toArray()));
        return m;
    }

    /** Cadence (steps/min) of steps: 60 / mean step time; {@code NaN} without step times. */
    public static double cadence(List<Step> steps) {
        double mean = Stats.mean(steps.stream().mapToDouble(Step::stepTimeS).toArray());
        return mean > 0 ? 60.0 / mean : Double.NaN;
    }
}
