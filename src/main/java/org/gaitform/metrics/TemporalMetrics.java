package org.gaitform.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitform.model.Activity;
import org.gaitform.model.Bout;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.signal.Stats;

/**
 * Session-level temporal metrics over the running steps:
 * <ul>
 *   <li>{@code cadence_spm} — steps (both feet) per minute, 60 / mean step time;</li>
 *   <li>{@code step_time_s} — mean time from one initial contact to the next;</li>
 *   <li>{@code contact_ms}, {@code contact_ms_median}, {@code contact_ms_sd} — ground-contact time;</li>
 *   <li>{@code flight_ms}, {@code flight_ms_sd} — time from toe-off to the next initial contact;</li>
 *   <li>{@code duty_factor} — mean contact time / mean stride time (2 steps), a fraction (about 0.36–0.39 in
 *       recreational runners);</li>
 *   <li>left and right contact times and the left share of contact time ({@code contact_balance_left_pct})
 *       when sides are known;</li>
 *   <li>{@code n_steps} and the time spent running, walking, standing and in other activity.</li>
 * </ul>
 */
public final class TemporalMetrics {
    private TemporalMetrics() {
    }

    /** Computes the metrics; values that cannot be computed are {@code NaN}. */
    public static Map<String, Double> session(List<Step> steps, List<Bout> bouts) {
        List<Step> run = steps.stream().filter(s -> s.activity() == Activity.RUNNING).toList();
        double[] stepTime = run.stream().mapToDouble(Step::stepTimeS).toArray();
        double[] contact = run.stream().mapToDouble(Step::contactMs).toArray();
        double[] flight = run.stream().mapToDouble(Step::flightMs).toArray();
        double meanStep = Stats.mean(stepTime);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("n_steps", (double) run.size());
        m.put("cadence_spm", meanStep > 0 ? 60.0 / meanStep : Double.NaN);
        m.put("step_time_s", meanStep);
        m.put("contact_ms", Stats.mean(contact));
        m.put("contact_ms_median", Stats.median(contact));
        m.put("contact_ms_sd", Stats.sd(contact));
        m.put("flight_ms", Stats.mean(flight));
        m.put("flight_ms_sd", Stats.sd(flight));
        double meanContactS = Stats.mean(contact) / 1000.0;
        m.put("duty_factor", meanStep > 0 ? meanContactS / (2 * meanStep) : Double.NaN);
        double left = Stats.mean(run.stream().filter(s -> s.side() == Side.LEFT).mapToDouble(Step::contactMs).toArray());
        double right = Stats.mean(run.stream().filter(s -> s.side() == Side.RIGHT).mapToDouble(Step::contactMs).toArray());
        m.put("contact_ms_left", left);
        m.put("contact_ms_right", right);
        m.put("contact_balance_left_pct", left + right > 0 ? 100.0 * left / (left + right) : Double.NaN);
        m.put("running_s", duration(bouts, Activity.RUNNING));
        m.put("walking_s", duration(bouts, Activity.WALKING));
        m.put("standing_s", duration(bouts, Activity.STANDING));
        m.put("other_s", duration(bouts, Activity.UNKNOWN));
        return m;
    }

    /** Total duration of the bouts of one activity (s). */
    public static double duration(List<Bout> bouts, Activity a) {
        return bouts.stream().filter(b -> b.activity() == a).mapToDouble(Bout::durationS).sum();
    }
}
