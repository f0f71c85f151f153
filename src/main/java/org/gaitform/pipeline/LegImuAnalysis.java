package org.gaitform.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.events.Falbriard2018FootEvents;
import org.gaitform.events.Greene2010ShankEvents;
import org.gaitform.events.LimbContact;
import org.gaitform.events.SagittalStrapdown;
import org.gaitform.events.SegmentAlignment;
import org.gaitform.events.TrunkAlignment;
import org.gaitform.metrics.FootStrike;
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
 * Analysis of gyroscope-equipped sensors on the foot ({@link Falbriard2018FootEvents}) or the shank
 * ({@link Greene2010ShankEvents}), one leg or both. With both legs the per-leg contacts are merged into one
 * step sequence (sides from the sensors); with one leg, cadence is twice the stride rate of that leg (the
 * other foot's contacts are not seen, so flight time and left/right balance are not reported).
 *
 * <p>Each stride is running when the foot is on the ground for less than half of it (duty factor below 0.5: both
 * feet are off the ground at times) and walking otherwise; consecutive strides of one activity form a bout.
 * Running strides give the running metrics and are judged against the guidelines; walking strides give walking
 * cadence and stance time only.
 */
final class LegImuAnalysis {
    /** A stride is running when the foot's contact lasts less than this share of it. */
    static final double RUNNING_DUTY_MAX = 0.5;
    /** A gap between contacts longer than this many typical strides ends a bout. */
    static final double BOUT_GAP_STRIDES = 2.0;
    /** Window after initial contact for the impact peak (ms). */
    static final double IMPACT_WINDOW_MS = 60;
    /** Fewest contacts for a session. */
    static final int MIN_CONTACTS = 3;
    /**
     * Strides called running whose foot travels slower than this (m/s, median) contradict the duty factor: people
     * walk below about 1.9 m/s and run above about 3.0 m/s, mixing the two in between (Baker, Long and Srinivasan
     * 2025); 1.5 leaves room for the planar strapdown's underestimate.
     */
    static final double RUNNING_MIN_SPEED_MPS = 1.5;
    /** Strides called walking whose foot travels faster than this (m/s, median) contradict the duty factor. */
    static final double WALKING_MAX_SPEED_MPS = 3.0;
    /** Fewest clear strides of an activity behind the speed check. */
    static final int SPEED_CHECK_MIN_STRIDES = 3;

    static final String FOOT_METHOD = "foot gyroscope, after Falbriard et al. 2018: the sagittal (pitch) angular velocity "
            + "about the gyroscope's principal axis, signed from physics for any mounting (gravity at the still stance, "
            + "the one sense of rotation that returns the foot's velocity to rest after each stride, and the direction "
            + "of travel: Mariani et al. 2010, Skog et al. 2010, Rampp et al. 2015), toes up positive; initial contact "
            + "at its first zero-crossing after mid-swing, toe-off at its minimum (push-off) before mid-swing.";
    static final String FOOT_CITATION = "Falbriard M, Meyer F, Mariani B, Millet GP, Aminian K. Accurate estimation of "
            + "running temporal parameters using foot-worn inertial sensors. Front Physiol 2018;9:610. | Mariani B, Hoskovec C, "
            + "Rochat S, Büla C, Penders J, Aminian K. 3D gait assessment in young and elderly subjects using foot-worn "
            + "inertial sensors. J Biomech 2010;43(15):2999-3006. | Skog I, Händel P, Nilsson JO, Rantakokko J. "
            + "Zero-velocity detection - an algorithm evaluation. IEEE Trans Biomed Eng 2010;57(11):2657-66. | Rampp A, "
            + "Barth J, Schülein S, Gaßmann KG, Klucken J, Eskofier BM. Inertial sensor-based stride parameter "
            + "calculation from gait sequences in geriatric patients. IEEE Trans Biomed Eng 2015;62(4):1089-97.";
    static final String SHANK_METHOD = "shank gyroscope, after Greene et al. 2010: the sagittal angular velocity about the "
            + "gyroscope's principal axis, signed from physics for any mounting (gravity at mid-stance, the sense of "
            + "rotation that returns the velocity to its start after each stride, the direction of travel), swing "
            + "positive; initial contact at the first minimum after mid-swing, toe-off at the deepest minimum before it.";
    static final String SHANK_CITATION = "Greene BR, McGrath D, O'Neill R, O'Donovan KJ, Burns A, Caulfield B. An adaptive "
            + "gyroscope-based algorithm for temporal gait analysis. Med Biol Eng Comput 2010;48:1251-60. | Kiernan D, "
            + "Dunn Siino K, Hawkins DA. Unsupervised gait event identification with a single wearable accelerometer "
            + "and/or gyroscope. Sensors 2023;23(11):5022. | Mariani B, Hoskovec C, "
            + "Rochat S, Büla C, Penders J, Aminian K. 3D gait assessment in young and elderly subjects using foot-worn "
            + "inertial sensors. J Biomech 2010;43(15):2999-3006. | Skog I, Händel P, Nilsson JO, Rantakokko J. "
            + "Zero-velocity detection - an algorithm evaluation. IEEE Trans Biomed Eng 2010;57(11):2657-66. | Rampp A, "
            + "Barth J, Schülein S, Gaßmann KG, Klucken J, Eskofier BM. Inertial sensor-based stride parameter "
            + "calculation from gait sequences in geriatric patients. IEEE Trans Biomed Eng 2015;62(4):1089-97.";

    private final AnalysisSettings settings;

    LegImuAnalysis(AnalysisSettings settings) {
        this.settings = settings;
    }

    private record Found(LimbContact c, Side side, double peakG, double strikeDeg, double strideS, Activity activity) {
    }

    SessionResult analyse(ImuRecording rec, String sessionId, Placement placement, String inputKind,
                          List<Decision> decisionsIn, List<String> warningsIn) {
        String source = rec.source();
        double fs = rec.samplingRateHz();
        boolean foot = placement == Placement.FOOT;
        List<Decision> decisions = new ArrayList<>(decisionsIn);
        List<String> warnings = new ArrayList<>(warningsIn);
        List<ImuSensor> legs = rec.sensors().stream().filter(ImuSensor::hasGyroscope).toList();
        if (legs.isEmpty()) {
            throw GaitformException.notAnalysable(source, "a " + placement.label() + " sensor is analysed from its "
                    + "gyroscope, and this input has none (or its unit was implausible; see the warnings)");
        }
        boolean bilateral = legs.size() >= 2 && legs.stream().map(ImuSensor::side).distinct().count() == legs.size()
                && legs.stream().noneMatch(s -> s.side() == Side.UNKNOWN);
        if (legs.size() >= 2 && !bilateral) {
            warnings.add("several leg sensors without left/right names: only '" + legs.get(0).name() + "' is analysed");
            legs = List.of(legs.get(0));
        }
        List<Found> all = new ArrayList<>();
        Map<String, double[]> pitchBySensor = new LinkedHashMap<>();
        Map<Side, SagittalStrapdown.Result> strapdowns = new LinkedHashMap<>();
        boolean clipped = false;
        for (ImuSensor s : legs) {
            TrunkAlignment.Vertical vertical = TrunkAlignment.vertical(s, fs);
            for (Decision d : vertical.decisions()) {
                decisions.add(new Decision(d.key() + (bilateral ? "_" + s.side().label() : ""), d.value(), d.reason()));
            }
            SegmentAlignment.Pitch pitch = SegmentAlignment.pitch(s, fs);
            decisions.addAll(pitch.decisions());
            pitchBySensor.put(s.name(), pitch.pitchDps());
            strapdowns.put(s.side(), pitch.strapdown());
            Optional<String> clip = SignalChecks.clipping(s);
            clip.ifPresent(warnings::add);
            clipped |= clip.isPresent();
            List<LimbContact> contacts = foot ? new Falbriard2018FootEvents().detect(pitch.pitchDps(), fs)
                    : new Greene2010ShankEvents().detect(pitch.pitchDps(), fs);
            double[] acc = SignalChecks.magnitude(s, true);
            double[] gyr = SignalChecks.magnitude(s, false);
            Side side = s.side();
            for (int i = 0; i < contacts.size(); i++) {
                LimbContact c = contacts.get(i);
                double stride = i + 1 < contacts.size() ? (contacts.get(i + 1).icIndex() - c.icIndex()) / fs : Double.NaN;
                int a = (int) Math.floor(c.icIndex());
                int b = (int) Math.min(acc.length, Math.ceil(c.icIndex() + IMPACT_WINDOW_MS / 1000 * fs) + 1);
                double peak = clip.isPresent() ? Double.NaN : Stats.max(java.util.Arrays.copyOfRange(acc, a, b));
                double strike = foot ? FootStrike.angleDeg(pitch.pitchDps(), gyr, c.icIndex(), c.toIndex(), fs,
                        quietWithin(pitch.quietInstants(), c.icIndex(), c.toIndex())) : Double.NaN;
                all.add(new Found(c, side, peak, strike, stride, Activity.UNKNOWN));
            }
        }
        if (all.size() < MIN_CONTACTS) {
            throw GaitformException.notAnalysable(source, String.format(Locale.ROOT, "only %d ground contact(s) found "
                    + "in %.1f s; at least %d strides of walking or running are needed (the %s gyroscope's swing peaks "
                    + "were too small or too few)", all.size(), rec.durationS(), MIN_CONTACTS, placement.label()));
        }
        // activity per stride from this leg's duty factor; a leg's last contact takes its previous stride's label
        List<Found> labelled = new ArrayList<>();
        double typicalStride = Stats.median(all.stream().mapToDouble(Found::strideS).toArray());
        for (int i = 0; i < all.size(); i++) {
            Found f = all.get(i);
            double stride = f.strideS();
            if (Double.isNaN(stride) || stride > BOUT_GAP_STRIDES * typicalStride) {
                stride = Double.NaN;
            }
            double contactS = (f.c().toIndex() - f.c().icIndex()) / fs;
            Activity act = Double.isNaN(stride) ? Activity.UNKNOWN
                    : contactS / stride < RUNNING_DUTY_MAX ? Activity.RUNNING : Activity.WALKING;
            labelled.add(new Found(f.c(), f.side(), f.peakG(), f.strikeDeg(), stride, act));
        }
        for (int i = 0; i < labelled.size(); i++) {
            Found f = labelled.get(i);
            if (f.activity() == Activity.UNKNOWN) {
                Activity near = i > 0 && labelled.get(i - 1).side() == f.side() ? labelled.get(i - 1).activity()
                        : Activity.UNKNOWN;
                Activity act = near == Activity.UNKNOWN ? (f.c().toIndex() - f.c().icIndex()) / fs > 0.35
                        ? Activity.WALKING : Activity.RUNNING : near;
                labelled.set(i, new Found(f.c(), f.side(), f.peakG(), f.strikeDeg(), f.strideS(), act));
            }
        }
        labelled.sort(Comparator.comparingDouble(f -> f.c().icIndex()));
        speedCheck(strapdowns, labelled, fs, decisions, warnings);
        // bouts: runs of one activity without long gaps
        double gapMax = BOUT_GAP_STRIDES * typicalStride * fs / (bilateral ? 2 : 1);
        List<int[]> boutRanges = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= labelled.size(); i++) {
            if (i == labelled.size() || labelled.get(i).activity() != labelled.get(start).activity()
                    || labelled.get(i).c().icIndex() - labelled.get(i - 1).c().icIndex() > gapMax) {
                boutRanges.add(new int[] {start, i});
                start = i;
            }
        }
        List<Bout> bouts = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        int number = 0;
        for (int[] br : boutRanges) {
            Activity act = labelled.get(br[0]).activity();
            double b0 = rec.timeAt(labelled.get(br[0]).c().icIndex());
            double b1 = rec.timeAt(labelled.get(br[1] - 1).c().toIndex());
            if (b1 > b0) {
                bouts.add(new Bout(b0, b1, act));
            }
            for (int i = br[0]; i < br[1]; i++) {
                Found f = labelled.get(i);
                double ic = rec.timeAt(f.c().icIndex());
                double to = rec.timeAt(f.c().toIndex());
                double next = Double.NaN;
                if (bilateral && i + 1 < br[1]) {
                    next = rec.timeAt(labelled.get(i + 1).c().icIndex());
                }
                Map<String, Double> extras = new LinkedHashMap<>();
                if (!Double.isNaN(f.strideS())) {
                    extras.put("stride_time_s", f.strideS());
                }
                if (!clipped) {
                    extras.put("peak_acc_g", f.peakG());
                }
                if (foot) {
                    extras.put("foot_strike_angle_deg", f.strikeDeg());
                }
                steps.add(new Step(++number, f.side(), act, ic, to, next, f.c().icMethod(), extras));
            }
        }
        Map<String, Double> metrics = TemporalMetrics.session(steps, bouts);
        List<Step> run = steps.stream().filter(s -> s.activity() == Activity.RUNNING).toList();
        if (!bilateral) {
            double stride = Stats.mean(run.stream().mapToDouble(s -> s.extras().getOrDefault("stride_time_s", Double.NaN))
                    .toArray());
            double contact = Stats.mean(run.stream().mapToDouble(Step::contactMs).toArray());
            metrics.put("cadence_spm", stride > 0 ? 120.0 / stride : Double.NaN);
            metrics.put("step_time_s", stride / 2);
            metrics.put("duty_factor", stride > 0 ? contact / 1000 / stride : Double.NaN);
            metrics.put("contact_balance_left_pct", Double.NaN);
            decisions.add(new Decision("cadence_basis", "one leg", "only one " + placement.label() + " sensor: cadence is "
                    + "2 × its strides per minute, duty factor its contact time / stride time; flight time and "
                    + "left/right balance need both legs and are not reported"));
        }
        metrics.put("stride_time_s", Stats.mean(run.stream().mapToDouble(s -> s.extras().getOrDefault("stride_time_s",
                Double.NaN)).toArray()));
        metrics.put("peak_acc_g", clipped ? Double.NaN
                : Stats.mean(run.stream().mapToDouble(s -> s.extras().getOrDefault("peak_acc_g", Double.NaN)).toArray()));
        if (foot) {
            metrics.put("foot_strike_angle_deg", Stats.mean(run.stream().mapToDouble(s -> s.extras()
                    .getOrDefault("foot_strike_angle_deg", Double.NaN)).toArray()));
        }
        if (!bilateral) {
            metrics.put("walking_n_steps", (double) steps.stream().filter(s -> s.activity() == Activity.WALKING).count());
            List<Step> walk = steps.stream().filter(s -> s.activity() == Activity.WALKING).toList();
            double wStride = Stats.mean(walk.stream().mapToDouble(s -> s.extras().getOrDefault("stride_time_s",
                    Double.NaN)).toArray());
            metrics.put("walking_cadence_spm", wStride > 0 ? 120.0 / wStride : Double.NaN);
            metrics.put("walking_stance_ms", Stats.mean(walk.stream().mapToDouble(Step::contactMs).toArray()));
        } else {
            metrics.putAll(WalkingMetrics.session(steps, bouts));
        }
        String kind = foot ? "foot-imu" : "shank-imu";
        Map<String, String> info = new LinkedHashMap<>();
        info.put("measurement_kind", kind);
        info.put("detection_method", foot ? FOOT_METHOD : SHANK_METHOD);
        info.put("detection_citation", foot ? FOOT_CITATION : SHANK_CITATION);
        info.put("accuracy", foot ? "published for foot-worn IMUs in running: initial contact within about 2 ms, "
                + "toe-off within about 4 ms and contact-time biases under 12 ms (Falbriard 2018). gaitform's own "
                + "figures are in docs/accuracy.md; its events do not depend on how the sensor is mounted on the foot "
                + "(rotated or mirrored axes, 102.4 Hz: GaitmapFootMountingTest; any mounting on simulated feet: "
                + "FootMountingPropertyTest)."
                : "shank methods have mean initial-contact biases of about 17–30 ms and per-step limits of agreement of "
                + "±100–150 ms against force plates (Kiernan 2023): read single steps with care.");
        info.put("side_method", bilateral ? "from the sensor names (" + String.join(", ",
                legs.stream().map(ImuSensor::name).toList()) + ")" : "one leg only; its side is "
                + legs.get(0).side().label());
        info.put("peak_acc_note", "peak acceleration within " + (int) IMPACT_WINDOW_MS + " ms of initial contact, at the "
                + placement.label() + "; a relative trend only (accelerometer loading measures are imprecise)");
        if (foot) {
            info.put("foot_strike_method", "foot angle at initial contact relative to the flat foot of mid-stance, from "
                    + "the pitch angular velocity integrated between them; positive = toes up (heel first)");
        }
        info.put("not_measured", bilateral ? "trunk lean, vertical oscillation, pelvic drop and knee angles (not seen by "
                + "a leg sensor)" : "flight time and left/right balance (one leg only); trunk lean, vertical oscillation, "
                + "pelvic drop and knee angles (not seen by a leg sensor)");
        info.put("guidelines", settings.guidelines().origin());
        List<Trace> traces = excerpt(rec, pitchBySensor, steps);
        return new SessionResult(sessionId, source, inputKind, placement, fs, bouts, steps, metrics, info, List.of(),
                decisions, warnings, traces);
    }

    /**
     * The foot's own speed against the walking/running call: the planar strapdown gives each clear stride's length
     * (relative to the belt on a treadmill) whatever the sign of the pitch axis, so a walk called running (or the
     * reverse) shows as a speed no one runs (walks) at. Recorded as a decision; a contradiction is a warning.
     */
    private static void speedCheck(Map<Side, SagittalStrapdown.Result> strapdowns, List<Found> labelled, double fs,
                                   List<Decision> decisions, List<String> warnings) {
        List<Double> walk = new ArrayList<>();
        List<Double> run = new ArrayList<>();
        for (Map.Entry<Side, SagittalStrapdown.Result> e : strapdowns.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            for (SagittalStrapdown.Stride st : e.getValue().strides()) {
                if (st.vote() == 0) {
                    continue;
                }
                double speed = st.lengthM() / ((st.to() - st.from()) / fs);
                for (Found f : labelled) {
                    if (f.side() == e.getKey() && f.c().icIndex() > st.from() && f.c().icIndex() < st.to()) {
                        if (f.activity() == Activity.WALKING) {
                            walk.add(speed);
                        } else if (f.activity() == Activity.RUNNING) {
                            run.add(speed);
                        }
                        break;
                    }
                }
            }
        }
        if (walk.isEmpty() && run.isEmpty()) {
            return;
        }
        double walkSpeed = Stats.median(walk.stream().mapToDouble(Double::doubleValue).toArray());
        double runSpeed = Stats.median(run.stream().mapToDouble(Double::doubleValue).toArray());
        decisions.add(new Decision("foot_speed_mps", String.format(Locale.ROOT, "walking %s, running %s",
                walk.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", walkSpeed),
                run.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", runSpeed)), String.format(Locale.ROOT,
                "median speed of the foot over its clear strides (stride length from the planar strapdown / stride "
                + "time; relative to the belt on a treadmill): %d walking and %d running strides; a check of the "
                + "walking/running call from the duty factor (people walk below about 1.9 m/s and run above about "
                + "3.0 m/s, Baker et al. 2025)", walk.size(), run.size())));
        warnings.addAll(speedWarnings(walk, run));
    }

    /** The contradictions between the walking/running call and the foot's median speeds (m/s) over clear strides. */
    static List<String> speedWarnings(List<Double> walkMps, List<Double> runMps) {
        List<String> out = new ArrayList<>();
        double walkSpeed = Stats.median(walkMps.stream().mapToDouble(Double::doubleValue).toArray());
        double runSpeed = Stats.median(runMps.stream().mapToDouble(Double::doubleValue).toArray());
        if (runMps.size() >= SPEED_CHECK_MIN_STRIDES && runSpeed < RUNNING_MIN_SPEED_MPS) {
            out.add(String.format(Locale.ROOT, "%d strides were called running (the foot on the ground less than "
                    + "half of the stride) but the foot travels at %.1f m/s, a walking speed: the contacts may be "
                    + "wrong (initial contact and toe-off swapped by a wrongly signed sensor axis?); check the "
                    + "decision ml_axis", runMps.size(), runSpeed));
        }
        if (walkMps.size() >= SPEED_CHECK_MIN_STRIDES && walkSpeed > WALKING_MAX_SPEED_MPS) {
            out.add(String.format(Locale.ROOT, "%d strides were called walking (the foot on the ground more than "
                    + "half of the stride) but the foot travels at %.1f m/s, a running speed: the contacts may be "
                    + "wrong; check the decision ml_axis", walkMps.size(), walkSpeed));
        }
        return out;
    }

    /** The quiet instant (the flat foot) within a contact, or −1. */
    static int quietWithin(List<Integer> quiet, double ic, double to) {
        for (int q : quiet) {
            if (q > ic && q < to) {
                return q;
            }
        }
        return -1;
    }

    /** About three seconds of each leg's pitch rate around the middle of the longest bout. */
    private static List<Trace> excerpt(ImuRecording rec, Map<String, double[]> pitch, List<Step> steps) {
        double[] t = rec.timeS();
        double mid = steps.get(steps.size() / 2).icS();
        int centre = 0;
        while (centre < t.length - 1 && t[centre] < mid) {
            centre++;
        }
        int len = (int) Math.min(t.length, Math.round(3 * rec.samplingRateHz()));
        int from = Math.max(0, Math.min(t.length - len, centre - len / 2));
        List<Trace> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : pitch.entrySet()) {
            out.add(new Trace("pitch angular velocity (" + e.getKey() + ")", "deg/s",
                    java.util.Arrays.copyOfRange(t, from, from + len),
                    java.util.Arrays.copyOfRange(e.getValue(), from, from + len)));
        }
        return out;
    }
}
