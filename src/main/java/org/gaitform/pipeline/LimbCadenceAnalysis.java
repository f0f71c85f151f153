package org.gaitform.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.events.StepPeriodicity;
import org.gaitform.metrics.TemporalMetrics;
import org.gaitform.metrics.WalkingMetrics;
import org.gaitform.model.Activity;
import org.gaitform.model.Bout;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.ImuSensor;
import org.gaitform.model.Placement;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.model.Trace;
import org.gaitform.signal.Stats;

/**
 * Cadence-only analysis for a watch on the wrist, a phone in a pocket or an armband, or any sensor whose place
 * the signal cannot tell ({@link StepPeriodicity}). Such a sensor sees each step but not the instants the foot
 * lands and leaves the ground: contact time, flight time, duty factor, left/right balance, foot strike, trunk
 * lean and vertical oscillation are not measured and are reported as such.
 */
final class LimbCadenceAnalysis {
    static final String NOT_MEASURED = "contact and flight time, duty factor, left/right balance, foot strike angle, "
            + "impact, trunk lean and vertical oscillation: a sensor on the wrist, the arm or in a pocket sees each step "
            + "but not when the foot lands or leaves the ground";

    private final AnalysisSettings settings;

    LimbCadenceAnalysis(AnalysisSettings settings) {
        this.settings = settings;
    }

    SessionResult analyse(ImuRecording rec, String sessionId, Placement placement, String inputKind,
                          List<Decision> decisionsIn, List<String> warningsIn) {
        double fs = rec.samplingRateHz();
        ImuSensor s = rec.sensors().get(0);
        List<Decision> decisions = new ArrayList<>(decisionsIn);
        List<String> warnings = new ArrayList<>(warningsIn);
        double[] mag = SignalChecks.magnitude(s, true);
        List<StepPeriodicity.Window> windows = StepPeriodicity.windows(mag, fs);
        // merge consecutive windows of one activity into bouts (overlapping halves go to the earlier window)
        List<Bout> bouts = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        List<Activity> acts = new ArrayList<>();
        List<List<Double>> periods = new ArrayList<>();
        for (StepPeriodicity.Window w : windows) {
            int last = acts.size() - 1;
            if (last >= 0 && acts.get(last) == w.activity()) {
                ranges.get(last)[1] = w.to();
                periods.get(last).add(w.stepS());
            } else {
                int from = last >= 0 ? ranges.get(last)[1] : w.from();
                from = Math.min(from, w.to() - 1);
                ranges.add(new int[] {from, w.to()});
                acts.add(w.activity());
                List<Double> p = new ArrayList<>();
                p.add(w.stepS());
                periods.add(p);
            }
        }
        List<Step> steps = new ArrayList<>();
        int number = 0;
        for (int k = 0; k < ranges.size(); k++) {
            int[] r = ranges.get(k);
            double a = rec.timeAt(r[0]);
            double b = rec.timeAt(Math.min(r[1], rec.size() - 1));
            if (b > a) {
                bouts.add(new Bout(a, b, acts.get(k)));
            }
            if (acts.get(k) != Activity.RUNNING && acts.get(k) != Activity.WALKING) {
                continue;
            }
            double stepS = Stats.median(periods.get(k).stream().mapToDouble(Double::doubleValue).toArray());
            List<Double> marks = StepPeriodicity.stepMarks(mag, fs, r[0], r[1], stepS);
            for (int i = 0; i < marks.size(); i++) {
                double ic = rec.timeAt(marks.get(i));
                double next = i + 1 < marks.size() ? rec.timeAt(marks.get(i + 1)) : Double.NaN;
                steps.add(new Step(++number, Side.UNKNOWN, acts.get(k), ic, Double.NaN, next, "acc_peak"));
            }
        }
        if (steps.isEmpty()) {
            throw GaitformException.notAnalysable(rec.source(), String.format(Locale.ROOT, "no walking or running found "
                    + "in %.1f s: the acceleration shows no regular steps (standing %.1f s, other %.1f s)", rec.durationS(),
                    TemporalMetrics.duration(bouts, Activity.STANDING), TemporalMetrics.duration(bouts, Activity.UNKNOWN)));
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<Step> run = steps.stream().filter(st -> st.activity() == Activity.RUNNING).toList();
        metrics.put("n_steps", (double) run.size());
        metrics.put("cadence_spm", WalkingMetrics.cadence(run));
        metrics.put("contact_ms", Double.NaN);
        metrics.put("flight_ms", Double.NaN);
        metrics.put("duty_factor", Double.NaN);
        metrics.put("running_s", TemporalMetrics.duration(bouts, Activity.RUNNING));
        metrics.put("walking_s", TemporalMetrics.duration(bouts, Activity.WALKING));
        metrics.put("standing_s", TemporalMetrics.duration(bouts, Activity.STANDING));
        metrics.put("other_s", TemporalMetrics.duration(bouts, Activity.UNKNOWN));
        List<Step> walk = steps.stream().filter(st -> st.activity() == Activity.WALKING).toList();
        if (!walk.isEmpty()) {
            metrics.put("walking_n_steps", (double) walk.size());
            metrics.put("walking_cadence_spm", WalkingMetrics.cadence(walk));
        }
        Map<String, String> info = new LinkedHashMap<>();
        info.put("measurement_kind", "limb-imu");
        info.put("detection_method", "step period from the autocorrelation of the acceleration magnitude in 6 s windows; "
                + "step marks at its peaks (they mark steps, not initial contacts)");
        info.put("not_measured", NOT_MEASURED);
        info.put("guidelines", settings.guidelines().origin());
        decisions.add(new Decision("analysis", "cadence only", "a " + (placement == Placement.UNKNOWN
                ? "limb-worn sensor" : placement.label().replace('_', ' ') + " sensor") + " gives cadence and activity "
                + "bouts; " + NOT_MEASURED));
        int len = (int) Math.min(rec.size(), Math.round(4 * fs));
        int mid = rec.size() / 2;
        int from = Math.max(0, Math.min(rec.size() - len, mid - len / 2));
        double[] t = rec.timeS();
        List<Trace> traces = !settings.reportDetail() ? List.of() : List.of(new Trace("acceleration magnitude", "g", java.util.Arrays.copyOfRange(t, from, from + len),
                java.util.Arrays.copyOfRange(mag, from, from + len)));
        return new SessionResult(sessionId, rec.source(), inputKind, placement, fs, bouts, steps, metrics, info, List.of(),
                decisions, warnings, traces);
    }
}
