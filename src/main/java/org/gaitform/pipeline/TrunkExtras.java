package org.gaitform.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaitform.events.IndexRange;
import org.gaitform.events.McCamley2012WalkingEvents;
import org.gaitform.metrics.VerticalOscillation;
import org.gaitform.model.Activity;
import org.gaitform.model.Decision;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.signal.Stats;

/** What the trunk analysis adds to its running steps: walking steps, vertical oscillation and ratio. */
final class TrunkExtras {
    static final String WALKING_METHOD = "walking contacts from the vertical trunk acceleration after McCamley et al. "
            + "2012: initial contacts at the maxima of the Gaussian-smoothed (σ 0.1 s) vertical acceleration, final "
            + "contacts at the steepest falls; stance from a foot's initial contact to its final contact.";
    static final String WALKING_CITATION = "McCamley J, Donati M, Grimpampi E, Mazzà C. An enhanced estimate of "
            + "initial contact and final contact instants of time using lower trunk inertial sensor data. Gait Posture "
            + "2012;36(2):316-8.";

    private TrunkExtras() {
    }

    /** Walking steps (activity walking, side unknown) inside the walking stretches. */
    static List<Step> walkingSteps(ImuRecording rec, double[] verticalG, List<IndexRange> walking) {
        if (walking.isEmpty()) {
            return List.of();
        }
        double fs = rec.samplingRateHz();
        List<McCamley2012WalkingEvents.WalkingContact> cs = new McCamley2012WalkingEvents().detect(verticalG, fs, walking);
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            McCamley2012WalkingEvents.WalkingContact c = cs.get(i);
            double next = Double.NaN;
            if (i + 1 < cs.size() && sameRange(walking, c.icIndex(), cs.get(i + 1).icIndex())
                    && cs.get(i + 1).icIndex() - c.icIndex() <= McCamley2012WalkingEvents.MAX_STEP_S * fs) {
                next = rec.timeAt(cs.get(i + 1).icIndex());
            }
            double to = Double.isNaN(c.fcIndex()) ? Double.NaN : rec.timeAt(c.fcIndex());
            double ic = rec.timeAt(c.icIndex());
            out.add(new Step(i + 1, Side.UNKNOWN, Activity.WALKING, ic, to > ic ? to : Double.NaN, next, "trunk_cwt"));
        }
        return out;
    }

    private static boolean sameRange(List<IndexRange> ranges, double a, double b) {
        for (IndexRange r : ranges) {
            if (a >= r.from() && a < r.to()) {
                return b >= r.from() && b < r.to();
            }
        }
        return false;
    }

    /** Both lists in time order, renumbered from 1. */
    static List<Step> merge(List<Step> a, List<Step> b) {
        List<Step> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(Comparator.comparingDouble(Step::icS));
        List<Step> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            Step s = all.get(i);
            out.add(new Step(i + 1, s.side(), s.activity(), s.icS(), s.toS(), s.nextIcS(), s.icMethod(), s.extras()));
        }
        return out;
    }

    /** Running steps with their vertical oscillation (and vertical ratio when the speed is known). */
    static List<Step> withVerticalOscillation(List<Step> steps, double[] verticalG, ImuRecording rec,
                                              Optional<Double> speedMps, List<Decision> decisions) {
        double fs = rec.samplingRateHz();
        double t0 = rec.timeS()[0];
        List<Step> out = new ArrayList<>(steps.size());
        for (Step s : steps) {
            if (s.activity() != Activity.RUNNING || Double.isNaN(s.nextIcS())) {
                out.add(s);
                continue;
            }
            int a = (int) Math.round(indexOf(rec, s.icS(), t0, fs));
            int b = (int) Math.round(indexOf(rec, s.nextIcS(), t0, fs));
            double vo = VerticalOscillation.stepCm(verticalG, a, b, fs);
            Step t = s.withExtra("vertical_oscillation_cm", vo);
            if (speedMps.isPresent() && !Double.isNaN(vo)) {
                double stepLengthCm = speedMps.get() * s.stepTimeS() * 100;
                t = t.withExtra("vertical_ratio_pct", 100 * vo / stepLengthCm);
            }
            out.add(t);
        }
        return out;
    }

    private static double indexOf(ImuRecording rec, double timeS, double t0, double fs) {
        // the recording's axis is uniform: index = (t − t0) · fs
        return (timeS - t0) * fs;
    }

    /** Session means of the trunk's extra per-step values over the running steps. */
    static Map<String, Double> sessionMetrics(List<Step> steps, Optional<Double> speedMps) {
        Map<String, Double> m = new LinkedHashMap<>();
        List<Step> run = steps.stream().filter(s -> s.activity() == Activity.RUNNING).toList();
        m.put("vertical_oscillation_cm", Stats.mean(run.stream()
                .mapToDouble(s -> s.extras().getOrDefault("vertical_oscillation_cm", Double.NaN)).toArray()));
        m.put("peak_acc_g", Stats.mean(run.stream().mapToDouble(s -> s.extras().getOrDefault("peak_acc_g", Double.NaN))
                .toArray()));
        if (speedMps.isPresent()) {
            m.put("speed_mps", speedMps.get());
            m.put("vertical_ratio_pct", Stats.mean(run.stream()
                    .mapToDouble(s -> s.extras().getOrDefault("vertical_ratio_pct", Double.NaN)).toArray()));
        }
        return m;
    }

    /** Notes on the extra values for the report. */
    static void info(Map<String, String> info, boolean walking, boolean speed) {
        if (walking) {
            info.put("walking_method", WALKING_METHOD);
            info.put("walking_citation", WALKING_CITATION);
        }
        info.put("vertical_oscillation_method", VerticalOscillation.METHOD);
        info.put("peak_acc_note", "peak vertical trunk acceleration in stance; a relative trend only (accelerometer "
                + "loading measures are imprecise, limits of agreement beyond ±65 %)");
        if (!speed) {
            info.put("vertical_ratio_note", "vertical ratio (vertical oscillation / step length) needs the running speed: "
                    + "give --speed-mps");
        }
    }
}
