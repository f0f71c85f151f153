package org.gaitform.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.events.ApPolarity;
import org.gaitform.events.DetectedContact;
import org.gaitform.events.FlightPhaseTrunkEvents;
import org.gaitform.events.IndexRange;
import org.gaitform.events.LabelledRange;
import org.gaitform.events.TrunkActivityBouts;
import org.gaitform.events.TrunkAlignment;
import org.gaitform.events.TrunkSideAssignment;
import org.gaitform.events.TrunkSignals;
import org.gaitform.events.WalkingBoutRefinement;
import org.gaitform.metrics.StepAssembly;
import org.gaitform.metrics.TemporalMetrics;
import org.gaitform.metrics.WalkingMetrics;
import org.gaitform.model.Activity;
import org.gaitform.model.Bout;
import org.gaitform.model.Channel;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.ImuSensor;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.model.Trace;
import org.gaitform.quality.QualityChecks;

/**
 * Running analysis of a trunk-worn IMU: vertical from gravity, running/walking/standing bouts, contacts by
 * {@link FlightPhaseTrunkEvents}, sides from the medio-lateral acceleration, temporal metrics and findings.
 */
final class TrunkRunningAnalysis {
    /** Shortest recording analysed (s). */
    static final double MIN_DURATION_S = 2.0;
    /** Fewest running steps for a session. */
    static final int MIN_STEPS = 4;
    /** Length of the signal excerpt in the report (s). */
    static final double EXCERPT_S = 3.0;

    static final String METHOD = "one contact between every two flight phases of the trunk's vertical acceleration "
            + "(FlightPhaseTrunkEvents): the acceleration low-passed at 5 Hz has one hump per step, so heel-strike "
            + "transients, their rebound and push-off bumps never split or merge steps; toe-off where the acceleration "
            + "comes back to free fall (0 g) after the stance, minus 25 ms (after Patoz et al. 2021/2022); initial "
            + "contact where the forward acceleration falls from its peak before landing to the braking trough after "
            + "it (after Auvinet et al. 2002 and Lee et al. 2010), or, without a forward axis, where the vertical "
            + "acceleration has risen 0.5 g above free fall. When an export's vertical column leans 5° or more from "
            + "gravity, toe-off is read on the vertical turned onto gravity too (Moe-Nilssen 1998) and drawn towards "
            + "that reading by the sine of the tilt.";
    static final String CITATION = "Patoz A, Lussiana T, Breine B, Gindre C, Malatesta D. Estimating effective contact "
            + "and flight times using a sacral-mounted inertial measurement unit. J Biomech 2021;127:110667. | Patoz A, "
            + "Lussiana T, Breine B, Gindre C, Malatesta D. A single sacral-mounted inertial measurement unit to estimate "
            + "peak vertical ground reaction force, contact time, and flight time in running. Sensors 2022;22(3):784. | "
            + "Auvinet B, Berrut G, Touzard C, et al. Reference data for normal subjects obtained with an accelerometric "
            + "device. Gait Posture 2002;16(2):124–134. | Lee JB, Mellifont RB, Burkett BJ. The use of a single inertial "
            + "sensor to identify stride, step, and stance durations of running gait. J Sci Med Sport 2010;13(2):270–273. "
            + "| Benson LC, Clermont CA, Watari R, Exley T, Ferber R. Automated accelerometer-based gait event detection "
            + "during multiple running conditions. Sensors 2019;19(7):1483. | Kiernan D, Dunn Siino K, Hawkins DA. "
            + "Unsupervised gait event identification with a single wearable accelerometer and/or gyroscope: a "
            + "comparison of methods across running speeds, surfaces, and foot strike patterns. Sensors "
            + "2023;23(11):5022. | Moe-Nilssen R. A new method for evaluating motor control in gait under real-life "
            + "environmental conditions. Part 1: The instrument. Clin Biomech 1998;13(4–5):320–327.";
    /** Published accuracy of the method; gaitform's own, measured figures come from docs/accuracy.md. */
    static final String ACCURACY = "published for sacral IMU methods against force plates: contact time within about "
            + "20 ms RMSE (Patoz 2022); mean initial-contact biases of 17–30 ms and per-step limits of agreement of "
            + "about ±100 ms (Kiernan 2023): read single steps with care, averages with confidence. gaitform's own "
            + "figures, per slope, speed and strike, are in docs/accuracy.md.";

    /**
     * Added for raw-axis exports, whose vertical gaitform finds from gravity: measured by RawAxisTrunkAccuracyTest
     * (Alcantara's force-plate trials turned into random sensor frames; docs/quality.md).
     */
    static final String ACCURACY_RAW_AXES = String.format(Locale.ROOT, " This sensor's vertical was found from "
            + "gravity by gaitform: on force-plate trials turned into sensor axes that way, cadence was within 0.6 "
            + "steps/min but contact times came out %.0f–%.0f ms long (%.0f ms on average). Those trials' vertical "
            + "column had been clipped at 0 g, which the vertical found from gravity mixes in, so how far this holds "
            + "for a calibrated sensor is not known: contact time and duty factor may be too high here, flight too "
            + "low.", QualityChecks.RAW_TRUNK_CONTACT_ERR_MIN_MS,
            QualityChecks.RAW_TRUNK_CONTACT_ERR_MAX_MS, QualityChecks.RAW_TRUNK_CONTACT_ERR_MEAN_MS);

    /** The value of the decision {@code ap_direction} when the input has a vertical column and no forward one. */
    static final String VERTICAL_ONLY = "not recorded";

    /**
     * Added for exports with a vertical column and no forward one, whose initial contacts come from the vertical
     * alone and whose tilt cannot be checked: measured by VerticalOnlyTrunkAccuracyTest.
     */
    static final String ACCURACY_VERTICAL_ONLY = String.format(Locale.ROOT, " This export has no forward "
            + "acceleration, so initial contacts come from the vertical acceleration alone and a tilted vertical column "
            + "cannot be found out: on force-plate trials with their forward column left out, per-trial mean contact "
            + "times came out %+.0f to %+.0f ms off (−11 to +11 ms with it); read contact time and flight with "
            + "that margin.", QualityChecks.VERTICAL_ONLY_CONTACT_ERR_MIN_MS, QualityChecks.VERTICAL_ONLY_CONTACT_ERR_MAX_MS);

    private final AnalysisSettings settings;

    TrunkRunningAnalysis(AnalysisSettings settings) {
        this.settings = settings;
    }

    SessionResult analyse(ImuRecording rec, String sessionId) {
        String source = rec.source();
        double fs = rec.samplingRateHz();
        if (rec.durationS() < MIN_DURATION_S) {
            throw GaitformException.notAnalysable(source, String.format(Locale.ROOT,
                    "the recording is too short: %.2f s; at least %.0f s of running is needed", rec.durationS(),
                    MIN_DURATION_S));
        }
        ImuSensor sensor = rec.sensors().get(0);
        List<Decision> decisions = new ArrayList<>(rec.decisions());
        List<String> warnings = new ArrayList<>(rec.warnings());
        TrunkAlignment.Vertical vertical = TrunkAlignment.vertical(sensor, fs);
        decisions.addAll(vertical.decisions());
        List<LabelledRange> labelled = WalkingBoutRefinement.refine(
                new TrunkActivityBouts().classify(vertical.verticalG(), fs), vertical.verticalG(), fs);
        List<Bout> bouts = new ArrayList<>();
        for (LabelledRange lr : labelled) {
            double start = rec.timeAt(lr.range().from());
            double end = rec.timeAt(lr.range().to());
            if (end > start) {
                bouts.add(new Bout(start, end, lr.activity()));
            }
        }
        List<IndexRange> running = labelled.stream().filter(l -> l.activity() == Activity.RUNNING)
                .map(LabelledRange::range).toList();
        List<IndexRange> walking = labelled.stream().filter(l -> l.activity() == Activity.WALKING)
                .map(LabelledRange::range).toList();
        if (running.isEmpty() && !walking.isEmpty()) {
            return walkingOnly(rec, sessionId, sensor, vertical, bouts, walking, decisions, warnings);
        }
        if (running.isEmpty()) {
            throw GaitformException.notAnalysable(source, String.format(Locale.ROOT,
                    "no running found in %.1f s (walking %.1f s, standing %.1f s, other %.1f s): running shows as "
                            + "steps with a flight phase, where the trunk acceleration drops near 0 g",
                    rec.durationS(), TemporalMetrics.duration(bouts, Activity.WALKING),
                    TemporalMetrics.duration(bouts, Activity.STANDING), TemporalMetrics.duration(bouts, Activity.UNKNOWN)));
        }
        TrunkSignals signals = TrunkAlignment.bodyAxes(sensor, fs, vertical, running, decisions);
        vertical = null; // the per-sample up directions (three arrays as long as the recording) are done with
        FlightPhaseTrunkEvents detector = new FlightPhaseTrunkEvents();
        List<DetectedContact> contacts;
        if (signals.hasAp()) {
            List<DetectedContact> vertOnly = detector.detect(signals.verticalOnly(), running);
            if (ApPolarity.looksReversed(signals, vertOnly)) {
                signals = signals.withApReversed();
                decisions.add(new Decision("ap_direction", "reversed", "the antero-posterior axis rose on landing, where "
                        + "the trunk brakes; it (and the medio-lateral axis) were reversed"));
            } else {
                decisions.add(new Decision("ap_direction", "as recorded", "the antero-posterior axis drops on landing "
                        + "(braking), so it points forward"));
            }
        } else {
            warnings.add("no antero-posterior acceleration: initial contacts come from the vertical acceleration alone");
            decisions.add(new Decision("ap_direction", VERTICAL_ONLY, "the input has no antero-posterior "
                    + "acceleration: initial contacts come from the vertical acceleration alone"));
        }
        contacts = detector.detect(signals, running);
        if (contacts.size() < MIN_STEPS) {
            throw GaitformException.notAnalysable(source, "only " + contacts.size() + " running steps found; at least "
                    + MIN_STEPS + " are needed");
        }
        Optional<TiltSensitivity.Outcome> tilt = TiltSensitivity.check(sensor, signals, running, contacts,
                detector.settings());
        if (tilt.isPresent()) {
            decisions.add(tilt.get().decision());
            contacts = tilt.get().contacts();
        }
        TrunkSideAssignment.Result sides = TrunkSideAssignment.assign(signals, contacts);
        String sideMethod;
        if (!signals.hasMl()) {
            sideMethod = "not available: the input has no medio-lateral acceleration, so every step is 'unknown'.";
        } else if (Double.isNaN(sides.agreement())) {
            sideMethod = "the medio-lateral acceleration did not alternate clearly from step to step, so sides are "
                    + "left 'unknown' rather than guessed.";
            warnings.add("left and right could not be told apart: the medio-lateral signal did not alternate clearly");
        } else {
            sideMethod = String.format(Locale.ROOT, "from the medio-lateral acceleration during stance (the trunk "
                    + "accelerates away from the stance foot); %.0f %% of the assigned steps agree with strict "
                    + "alternation. Sacral side assignment is about 82 %% correct in the literature (Kiernan 2023).",
                    sides.agreement() * 100);
        }
        List<StepAssembly.Contact> assembled = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            DetectedContact c = contacts.get(i);
            int bout = boutOf(running, c.icIndex());
            Side side = sides.sides().get(i);
            assembled.add(new StepAssembly.Contact(c.icIndex(), c.toIndex(), side, bout, Activity.RUNNING,
                    c.icMethod().label(), c.peakG()));
        }
        List<Step> steps = StepAssembly.build(assembled, rec::timeAt);
        steps = TrunkExtras.withVerticalOscillation(steps, signals.verticalG(), rec, settings.speedMps(), decisions);
        steps = TrunkExtras.merge(steps, TrunkExtras.walkingSteps(rec, signals.verticalG(), walking));
        Map<String, Double> metrics = TemporalMetrics.session(steps, bouts);
        metrics.putAll(TrunkExtras.sessionMetrics(steps, settings.speedMps()));
        metrics.putAll(WalkingMetrics.session(steps));
        SignalChecks.clipping(sensor).ifPresent(w -> {
            warnings.add(w);
            metrics.put("peak_acc_g", Double.NaN);
        });
        Map<String, String> info = new LinkedHashMap<>();
        info.put("detection_method", METHOD);
        info.put("detection_citation", CITATION);
        info.put("accuracy", !sensor.has(Channel.ACC_V) ? ACCURACY + ACCURACY_RAW_AXES
                : signals.hasAp() ? ACCURACY : ACCURACY + ACCURACY_VERTICAL_ONLY);
        info.put("side_method", sideMethod);
        info.put("guidelines", settings.guidelines().origin());
        TrunkExtras.info(info, !walking.isEmpty(), settings.speedMps().isPresent());
        List<Trace> traces = settings.reportDetail() ? excerpt(rec, signals, running) : List.of();
        info.put("measurement_kind", "trunk-imu");
        // findings are judged by the pipeline once metadata (pain, shoes, speed) has been added
        return new SessionResult(sessionId, source, "imu-csv", sensor.placement(), fs, bouts, steps, metrics, info,
                List.of(), decisions, warnings, traces);
    }

    /** A session with walking but no running: walking metrics only; nothing is judged against running advice. */
    private SessionResult walkingOnly(ImuRecording rec, String sessionId, ImuSensor sensor,
                                      TrunkAlignment.Vertical vertical, List<Bout> bouts, List<IndexRange> walking,
                                      List<Decision> decisions, List<String> warnings) {
        double fs = rec.samplingRateHz();
        List<Step> steps = TrunkExtras.walkingSteps(rec, vertical.verticalG(), walking);
        if (steps.size() < MIN_STEPS) {
            throw GaitformException.notAnalysable(rec.source(), "only " + steps.size() + " walking steps found and no "
                    + "running; at least " + MIN_STEPS + " steps are needed");
        }
        Map<String, Double> metrics = TemporalMetrics.session(steps, bouts);
        metrics.putAll(WalkingMetrics.session(steps));
        warnings.add("no running found: the walking bouts are reported with walking metrics (cadence, stance time) "
                + "and are not judged against running advice");
        Map<String, String> info = new LinkedHashMap<>();
        info.put("measurement_kind", "trunk-imu");
        info.put("detection_method", TrunkExtras.WALKING_METHOD);
        info.put("detection_citation", TrunkExtras.WALKING_CITATION);
        info.put("side_method", "not available for walking from the trunk: every step is 'unknown'.");
        info.put("guidelines", settings.guidelines().origin());
        TrunkExtras.info(info, true, settings.speedMps().isPresent());
        TrunkSignals signals = new TrunkSignals(fs, vertical.verticalG(), null, null);
        List<Trace> traces = settings.reportDetail() ? excerpt(rec, signals, walking) : List.of();
        return new SessionResult(sessionId, rec.source(), "imu-csv", sensor.placement(), fs, bouts, steps, metrics, info,
                List.of(), decisions, warnings, traces);
    }

    private static int boutOf(List<IndexRange> ranges, double index) {
        for (int i = 0; i < ranges.size(); i++) {
            if (index >= ranges.get(i).from() - 1 && index < ranges.get(i).to() + 1) {
                return i;
            }
        }
        return -1;
    }

    /** About {@link #EXCERPT_S} seconds from the middle of the longest running bout, at most ~1500 points. */
    private static List<Trace> excerpt(ImuRecording rec, TrunkSignals s, List<IndexRange> running) {
        IndexRange longest = running.stream().max(java.util.Comparator.comparingInt(IndexRange::length)).orElseThrow();
        double fs = s.samplingRateHz();
        int len = (int) Math.min(longest.length(), Math.round(EXCERPT_S * fs));
        int from = longest.from() + (longest.length() - len) / 2;
        int step = Math.max(1, len / 1500);
        List<Trace> out = new ArrayList<>();
        out.add(slice("vertical acceleration", rec, s.vertical(), from, len, step));
        if (s.hasAp()) {
            out.add(slice("forward acceleration", rec, s.ap(), from, len, step));
        }
        return out;
    }

    private static Trace slice(String name, ImuRecording rec, java.nio.DoubleBuffer v, int from, int len, int step) {
        int m = (len + step - 1) / step;
        double[] tt = new double[m];
        double[] vv = new double[m];
        for (int i = 0; i < m; i++) {
            tt[i] = rec.timeAt(from + i * step);
            vv[i] = v.get(from + i * step);
        }
        return new Trace(name, "g", tt, vv);
    }
}
