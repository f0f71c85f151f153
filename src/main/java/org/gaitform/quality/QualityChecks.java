package org.gaitform.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.gaitform.guidelines.MeasurementUncertainty;
import org.gaitform.kinematics.BodyFrame;
import org.gaitform.model.Activity;
import org.gaitform.model.Bout;
import org.gaitform.model.Decision;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.ImuSensor;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.Quality;
import org.gaitform.model.QualityCheck;
import org.gaitform.model.Recording;
import org.gaitform.model.SessionQuality;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.signal.Stats;

/**
 * The quality verdict of one session, from consistency checks of the session's own data and never from a
 * reference: every check compares two things the session says about itself, or a value with what the body can do.
 * Each check gives {@link Quality#GOOD}, {@link Quality#DOUBTFUL} or {@link Quality#POOR} with one sentence and the
 * summary keys it puts in doubt; the verdict is the worst outcome. The checks, in order:
 * <ol>
 *   <li>{@code steps_evidence}: enough steps to judge a session's averages;</li>
 *   <li>{@code cadence_agreement}: cadence from the contacts against cadence from the signal's periodicity
 *       ({@link SignalCadence});</li>
 *   <li>{@code steps_expected}: steps found against steps expected from the analysed time and that cadence;</li>
 *   <li>{@code unanalysed_stepping}: stretches left out of the analysis whose signal still repeats at the step
 *       period (IMU input);</li>
 *   <li>{@code step_gaps}: missed steps (a next contact much later than usual) and spurious contacts (a step much
 *       shorter than usual);</li>
 *   <li>{@code alternation}: consecutive steps of the same foot, where sides are known;</li>
 *   <li>{@code step_time_variability}, {@code contact_time_variability}: step-to-step variation beyond what runners
 *       show plus the input's own timing uncertainty;</li>
 *   <li>{@code contact_speed}, {@code step_length_speed}: contact time and step length against the running
 *       speed, when it is known;</li>
 *   <li>{@code range_<metric>}: the physical range of every metric ({@link PlausibleRanges}), including the duty
 *       factor (contact time for the cadence) and the flight that running needs;</li>
 *   <li>{@code vertical_oscillation_flight}: the vertical oscillation is at least what the flight time lifts the
 *       body;</li>
 *   <li>{@code vertical_oscillation_spring_mass}: the vertical oscillation against the spring-mass model's, from the
 *       session's own contact time and cadence (Morin et al. 2005);</li>
 *   <li>{@code vertical_ratio_consistency} (watch): the device's vertical ratio against its oscillation and step
 *       length;</li>
 *   <li>{@code frame_rate_assumed}: a frame rate the file did not record;</li>
 *   <li>{@code image_aspect_assumed}: normalised image coordinates without the picture's size, measured as if it
 *       were square;</li>
 *   <li>{@code keypoint_switches}, {@code keypoints_missing} (video keypoints): the share of frames whose left and right
 *       keypoints the pose estimator exchanged, and of frames missing a leg keypoint;</li>
 *   <li>{@code runner_choice} (video keypoints with several people): another person seen moving their legs in nearly
 *       as many frames as the person taken for the runner;</li>
 *   <li>{@code foot_keypoints} (keypoints without heels or toes): contacts timed from the ankle and the knee;</li>
 *   <li>{@code sensor_tilt} (tilted pre-aligned trunk exports): the contact times found again on the vertical turned
 *       onto gravity against the reported ones;</li>
 *   <li>{@code gravity_magnitude} (trunk exports with raw axes, running): the mean length of the gravity estimate,
 *       from which the vertical is found, against 1 g;</li>
 *   <li>{@code sampling_rate} (trunk sensors running; foot and shank sensors): the sampling rate against the lowest at
 *       which toe-offs are timed;</li>
 *   <li>{@code ground_flow} (frontal video of a runner at one distance): the ground moving through the picture, as
 *       on a treadmill, where the feet's contacts come late in stance; passed when the pelvis timed them;</li>
 *   <li>{@code camera_level} (side video): the floor's tilt in the picture, which turns the angles measured against
 *       its vertical;</li>
 *   <li>{@code frame_timing} (video keypoints): frames lost without a trace, which shorten every time;</li>
 *   <li>{@code runner_distance} (side video): the runner's size changing in the picture while the runner stays in
 *       place in it, as when the camera turns to follow the runner.</li>
 * </ol>
 */
public final class QualityChecks {
    /** Summary keys that come from the detected contacts: their timing, or the instants at which they measure. */
    public static final List<String> EVENT_METRICS = List.of("cadence_spm", "step_time_s", "contact_ms",
            "contact_ms_median", "flight_ms", "duty_factor", "contact_ms_left", "contact_ms_right",
            "contact_balance_left_pct", "vertical_oscillation_cm", "vertical_oscillation_pct_leg", "vertical_ratio_pct",
            "step_length_m", "step_length_cm", "step_length_pct_leg", "overstride_cm", "overstride_pct_leg",
            "shank_angle_deg", "knee_flexion_ic_deg", "foot_strike_angle_deg", "knee_fppa_deg", "knee_abduction_deg",
            "pelvic_drop_deg", "wrist_crossing_pct", "peak_acc_g", "stride_time_s", "walking_cadence_spm",
            "walking_stance_ms");
    /** Summary keys that come from contact durations. */
    public static final List<String> CONTACT_METRICS = List.of("contact_ms", "contact_ms_median", "flight_ms",
            "duty_factor", "contact_ms_left", "contact_ms_right", "contact_balance_left_pct", "walking_stance_ms");
    /** Summary keys that scale with the time axis (and so with an assumed frame rate). */
    public static final List<String> TIME_SCALE_METRICS = List.of("cadence_spm", "step_time_s", "contact_ms",
            "contact_ms_median", "contact_ms_left", "contact_ms_right", "flight_ms", "running_speed_mps",
            "walking_cadence_spm", "walking_stance_ms", "stride_time_s");
    /**
     * Contact-time error of a running trunk sensor whose vertical gaitform found from gravity (raw axes), as measured
     * by {@code RawAxisTrunkAccuracyTest}: Alcantara et al. 2022's 18 force-plate trials, each turned into a random
     * sensor frame (ms; smallest, mean and largest of the per-trial mean errors, rounded). The test fails when its
     * figures move away from these, so that the sentences that quote them stay true.
     */
    public static final double RAW_TRUNK_CONTACT_ERR_MIN_MS = 12;
    /** See {@link #RAW_TRUNK_CONTACT_ERR_MIN_MS}. */
    public static final double RAW_TRUNK_CONTACT_ERR_MEAN_MS = 27;
    /** See {@link #RAW_TRUNK_CONTACT_ERR_MIN_MS}. */
    public static final double RAW_TRUNK_CONTACT_ERR_MAX_MS = 55;
    /**
     * Per-trial mean contact-time errors of trunk exports with a vertical column and no forward one, as measured by
     * {@code VerticalOnlyTrunkAccuracyTest} (Alcantara's 18 force-plate trials with the forward column left out; ms,
     * smallest and largest, rounded); quoted by the report's accuracy sentence. The test fails when its figures move
     * away from these.
     */
    public static final double VERTICAL_ONLY_CONTACT_ERR_MIN_MS = -27;
    /** See {@link #VERTICAL_ONLY_CONTACT_ERR_MIN_MS}. */
    public static final double VERTICAL_ONLY_CONTACT_ERR_MAX_MS = 21;
    /**
     * Summary keys whose value scales with the accelerometer's readings (a sensor that reads 20 % high gives them 20 %
     * high).
     */
    static final List<String> ACCELERATION_SCALE_METRICS = List.of("peak_acc_g", "vertical_oscillation_cm",
            "vertical_oscillation_pct_leg", "vertical_ratio_pct");
    /** Summary keys of running that come from contact durations (those of {@link #CONTACT_METRICS} but walking's). */
    public static final List<String> RUNNING_CONTACT_METRICS = CONTACT_METRICS.stream()
            .filter(k -> !k.equals("walking_stance_ms")).toList();
    /** Standard gravity (m/s²). */
    static final double G = 9.81;

    private final QualitySettings s;

    public QualityChecks(QualitySettings settings) {
        this.s = settings;
    }

    /** Checks with the default thresholds. */
    public QualityChecks() {
        this(QualitySettings.DEFAULTS);
    }

    /**
     * Assesses a session.
     *
     * @param rec  the recording the session was analysed from (its raw signal gives the periodicity)
     * @param r    the session
     * @param kind the kind of measurement ({@code trunk-imu}, {@code foot-imu}, {@code shank-imu}, {@code limb-imu},
     *             {@code pose-2d}, {@code pose-3d}, {@code watch})
     */
    public SessionQuality assess(Recording rec, SessionResult r, String kind) {
        Session x = new Session(rec, r, kind);
        List<QualityCheck> out = new ArrayList<>();
        List<String> assumed = new ArrayList<>();
        assumedInputs(x, out, assumed);
        if (x.mode == Activity.UNKNOWN) {
            return SessionQuality.of(out, assumed);
        }
        if (!x.watch) {
            evidence(x, out);
            Optional<SignalCadence.Source> src = source(x);
            SignalCadence.Estimate est = signalCadence(x, src);
            cadenceAgreement(x, est, out);
            stepsExpected(x, est, out);
            src.ifPresent(source -> unanalysed(x, source, est, out));
            gaps(x, out);
            alternation(x, out);
            variability(x, out);
            angleConsistency(x, out);
        }
        keypoints(x, out);
        runnerChoice(x, out);
        ankleOnlyFeet(x, out);
        sensorTilt(x, out);
        gravityMagnitude(x, out);
        samplingRate(x, out);
        groundFlow(x, out);
        cameraLevel(x, out);
        frameTiming(x, out);
        runnerDistance(x, out);
        footAngleNoise(x, out);
        speed(x, out);
        ranges(x, out);
        verticalOscillation(x, out);
        verticalOscillationSpringMass(x, out);
        if (x.watch) {
            verticalRatio(x, out);
        }
        return SessionQuality.of(out, assumed);
    }

    // ---------------------------------------------------------------- the session as the checks see it

    /** What the checks need from a session, worked out once. */
    private static final class Session {
        final Recording rec;
        final SessionResult r;
        final String kind;
        final boolean watch;
        final boolean limb;
        final boolean oneLeg;
        final Activity mode;
        final List<Step> steps;
        final List<Bout> bouts;
        final double[] timeS;
        final double fs;

        Session(Recording rec, SessionResult r, String kind) {
            this.rec = rec;
            this.r = r;
            this.kind = kind;
            this.watch = kind.equals("watch");
            this.limb = kind.equals("limb-imu");
            this.oneLeg = r.decisions().stream().anyMatch(d -> d.key().equals("cadence_basis")
                    && d.value().equals("one leg"));
            long running = r.steps().stream().filter(st -> st.activity() == Activity.RUNNING).count();
            long walking = r.steps().stream().filter(st -> st.activity() == Activity.WALKING).count();
            if (watch) {
                mode = r.metric("running_s") > 0 ? Activity.RUNNING : Activity.UNKNOWN;
            } else {
                mode = running > 0 ? Activity.RUNNING : walking > 0 ? Activity.WALKING : Activity.UNKNOWN;
            }
            this.steps = r.steps().stream().filter(st -> st.activity() == mode).toList();
            this.bouts = r.bouts().stream().filter(b -> b.activity() == mode).toList();
            this.timeS = rec instanceof ImuRecording i ? i.timeS() : rec instanceof PoseRecording p ? p.timeS() : null;
            this.fs = r.samplingRateHz();
        }

        boolean running() {
            return mode == Activity.RUNNING;
        }

        String activityWord() {
            return running() ? "running" : "walking";
        }

        /** The session's cadence from its contacts (steps/min). */
        double eventCadence() {
            return r.metric(running() ? "cadence_spm" : "walking_cadence_spm");
        }

        /** Time of the analysed bouts (s). */
        double analysedS() {
            return bouts.stream().mapToDouble(Bout::durationS).sum();
        }

        /**
         * Time of the analysed bouts in which the recording shows the runner (s): for video keypoints and markers,
         * frames in which no point at all is seen (the runner out of the picture, or hidden by someone passing) hold
         * no steps; for other inputs the analysed time.
         */
        double seenS() {
            if (!(rec instanceof PoseRecording p) || timeS == null || p.keypoints().isEmpty()) {
                return analysedS();
            }
            int n = timeS.length;
            boolean[] seen = new boolean[n];
            for (org.gaitform.model.Keypoint k : p.keypoints()) {
                double[] kx = k.x();
                for (int i = 0; i < Math.min(n, kx.length); i++) {
                    seen[i] |= Double.isFinite(kx[i]);
                }
            }
            int unseen = 0;
            for (int[] sp : spans()) {
                for (int i = sp[0]; i < Math.min(n, sp[1]); i++) {
                    unseen += seen[i] ? 0 : 1;
                }
            }
            return Math.max(0, analysedS() - unseen / p.frameRateHz());
        }

        /** The analysed bouts as sample ranges. */
        List<int[]> spans() {
            List<int[]> out = new ArrayList<>();
            for (Bout b : bouts) {
                out.add(new int[] {index(b.startS()), index(b.endS())});
            }
            return out;
        }

        int index(double t) {
            int i = Arrays.binarySearch(timeS, t);
            return i >= 0 ? i : Math.min(timeS.length, -i - 1);
        }

        /** Step times of linked steps (s); for one leg, its stride times. */
        double[] cycleTimes() {
            if (oneLeg) {
                return steps.stream().mapToDouble(st -> st.extras().getOrDefault("stride_time_s", Double.NaN))
                        .filter(Double::isFinite).toArray();
            }
            return steps.stream().mapToDouble(Step::stepTimeS).filter(Double::isFinite).toArray();
        }

        double[] contactTimesMs() {
            return steps.stream().mapToDouble(Step::contactMs).filter(Double::isFinite).toArray();
        }

        /** Metrics that rest on the contacts, as the checks' doubts name them. */
        List<String> eventMetrics() {
            return present(EVENT_METRICS);
        }

        List<String> present(List<String> keys) {
            return keys.stream().filter(k -> r.metrics().containsKey(k)).toList();
        }

        /** The contact-time uncertainty of this kind of input (ms), 0 when unknown. */
        double timingMs() {
            double u = MeasurementUncertainty.of(kind, "contact_ms");
            return Double.isFinite(u) ? u : 0;
        }

        double speedMps() {
            for (String k : List.of("running_speed_mps", "speed_mps")) {
                double v = r.metric(k);
                if (Double.isFinite(v) && v > 0) {
                    return v;
                }
            }
            return Double.NaN;
        }
    }

    // ---------------------------------------------------------------- checks

    private void assumedInputs(Session x, List<QualityCheck> out, List<String> assumed) {
        for (Decision d : x.r.decisions()) {
            String reason = d.reason().toLowerCase(Locale.ROOT);
            if (assumedRate(d)) {
                assumed.add("frame rate " + d.value() + " fps (not recorded in the file; give --fps)");
                out.add(new QualityCheck("frame_rate_assumed", Quality.DOUBTFUL, "The frame rate, " + d.value()
                        + " fps, was assumed: the file does not record it, and every time, cadence and contact time "
                        + "scales with it (give --fps).", x.present(TIME_SCALE_METRICS)));
            } else if (d.key().endsWith("_unit") && reason.startsWith("typical value")) {
                assumed.add(d.key().replace("_unit", "").replace('_', ' ') + " in " + d.value()
                        + " (guessed from its typical value)");
            } else if (d.key().equals("speed_mps") && reason.contains("file name")) {
                assumed.add("speed " + d.value() + " m/s (read from the file name)");
            } else if (d.key().equals(BodyFrame.LR_LABELS) && d.value().equals("exchanged")
                    && !reason.startsWith("override")) {
                assumed.add("left and right from the runner's direction of travel: the pose estimator labelled the "
                        + (reason.contains("the back faces") ? "back as the front" : "front as the back")
                        + ", its labels exchanged (check one step against the video, or give --view rear|front)");
            }
        }
        if (pictureShapeUnknown(x.r.decisions())) {
            assumed.add("a square picture (normalised image coordinates without --image-size)");
            out.add(new QualityCheck("image_aspect_assumed", Quality.DOUBTFUL, "The keypoints are shares of the "
                    + "picture's width and height, and its size is not known: horizontal and vertical distances were "
                    + "compared as if the picture were square, which tilts every angle and stretches lengths across "
                    + "it in a video of another shape (give --image-size WxH).", x.present(ASPECT_METRICS)));
        }
    }

    /**
     * True when a recording's keypoints are shares of the picture's width and height and neither its size nor its
     * shape is known (decision {@code coordinate_unit} is {@code normalised}, without {@code image_size} or
     * {@code image_aspect}): distances across and along the picture were compared as if it were square.
     */
    public static boolean pictureShapeUnknown(List<Decision> decisions) {
        boolean normalised = decisions.stream().anyMatch(d -> d.key().equals("coordinate_unit")
                && d.value().equals("normalised"));
        return normalised && decisions.stream().noneMatch(d -> d.key().equals("image_size")
                || d.key().equals("image_aspect"));
    }

    /** Summary keys that compare horizontal with vertical distances in the picture: angles, lengths across it. */
    static final List<String> ASPECT_METRICS = List.of("trunk_lean_deg", "knee_fppa_deg", "knee_fppa_deg_mean",
            "knee_fppa_deg_left", "knee_fppa_deg_right", "pelvic_drop_deg", "pelvic_drop_deg_mean",
            "pelvic_drop_deg_left", "pelvic_drop_deg_right", "shank_angle_deg", "knee_flexion_ic_deg",
            "foot_strike_angle_deg", "foot_strike_angle_deg_left", "foot_strike_angle_deg_right", "overstride_cm",
            "overstride_pct_leg", "step_length_m", "step_length_cm", "step_length_pct_leg", "foot_midline_pct_leg",
            "crossover_pct", "knee_abduction_deg", "knee_abduction_deg_mean");

    /** Values that rest on telling the left from the right leg. */
    static final List<String> SIDE_METRICS = List.of("contact_ms_left", "contact_ms_right", "contact_ms_lr_diff",
            "contact_balance_left_pct", "knee_fppa_deg", "knee_fppa_deg_mean", "knee_fppa_deg_left",
            "knee_fppa_deg_right", "pelvic_drop_deg", "pelvic_drop_deg_mean", "pelvic_drop_deg_left",
            "pelvic_drop_deg_right", "knee_abduction_deg", "knee_abduction_deg_mean");

    /** {@code keypoint_switches} and {@code keypoints_missing}, from what the keypoint reader recorded. */
    private void keypoints(Session x, List<QualityCheck> out) {
        for (Decision d : x.r.decisions()) {
            if (d.key().equals("lr_switched_frames")) {
                double[] nm = counts(d.value());
                if (nm == null) {
                    continue;
                }
                double pct = 100 * nm[0] / nm[1];
                if (pct > s.switchedFramesPct()) {
                    out.add(new QualityCheck("keypoint_switches", Quality.DOUBTFUL, String.format(Locale.ROOT, "The "
                            + "pose estimator exchanged the left and right keypoints in %.0f of %.0f frames (%.0f %%, more "
                            + "than %.0f %%); they were swapped back, but the sides of the contacts and the left/right "
                            + "values rest on that correction.", nm[0], nm[1], pct, s.switchedFramesPct()),
                            x.present(SIDE_METRICS)));
                } else {
                    out.add(QualityCheck.passed("keypoint_switches", String.format(Locale.ROOT, "Left and right "
                            + "keypoints exchanged by the pose estimator in %.0f of %.0f frames (%.0f %%, at most %.0f "
                            + "%%), swapped back.", nm[0], nm[1], pct, s.switchedFramesPct())));
                }
            } else if (d.key().equals("leg_keypoints_missing")) {
                double[] nm = counts(d.value());
                if (nm == null) {
                    continue;
                }
                // frames whose missing keypoints are all in short gaps, which are interpolated (all of them when the
                // reader does not say)
                double interpolated = x.r.decisions().stream().filter(e -> e.key().equals("leg_keypoints_interpolated"))
                        .map(e -> counts(e.value())).filter(c -> c != null && c[1] == nm[1]).mapToDouble(c -> c[0])
                        .findFirst().orElse(nm[0]);
                double pct = 100 * nm[0] / nm[1];
                double interpolatedPct = 100 * interpolated / nm[1];
                // interpolated values can be wrong; a keypoint gone for longer leaves its steps without values (fewer
                // steps behind the findings), so those frames make the session doubtful, never poor
                Quality q = interpolatedPct > s.missingLegFramesPoorPct() ? Quality.POOR
                        : pct > s.missingLegFramesPct() ? Quality.DOUBTFUL : Quality.GOOD;
                String longer = nm[0] > interpolated ? String.format(Locale.ROOT, "; in %.0f of them (%.0f %%) the "
                        + "gap is longer than can be interpolated, and those steps have no values from the keypoints",
                        nm[0] - interpolated, 100 * (nm[0] - interpolated) / nm[1]) : "";
                String sentence = String.format(Locale.ROOT, "A leg keypoint (hip, knee, ankle, heel or toe) is missing "
                        + "or below the confidence threshold in %.0f of %.0f frames with a person (%.0f %%%s)%s.", nm[0],
                        nm[1], pct, q == Quality.GOOD ? String.format(Locale.ROOT, ", at most %.0f %%",
                        s.missingLegFramesPct()) : q == Quality.POOR ? String.format(Locale.ROOT, ", %.0f %% of them "
                        + "in short gaps, more than %.0f %%: the runner is partly hidden or too small for the "
                        + "estimator; contacts and form values are interpolated over the gaps", interpolatedPct,
                        s.missingLegFramesPoorPct()) : String.format(Locale.ROOT, ", more than %.0f %%: the runner is "
                        + "partly hidden, out of the picture or too small for the estimator; contacts and form values "
                        + "are interpolated over the short gaps", s.missingLegFramesPct()), longer);
                out.add(q == Quality.GOOD ? QualityCheck.passed("keypoints_missing", sentence)
                        : new QualityCheck("keypoints_missing", q, sentence, x.eventMetrics()));
            }
        }
    }

    /**
     * {@code foot_keypoints} (keypoints without heels or toes, such as COCO's 17 points): the contacts are timed from
     * the ankle and the toe-offs from the knee's peak extension (Fellin et al. 2010), which drifts with running speed:
     * the contact times are shown and not judged.
     */
    private void ankleOnlyFeet(Session x, List<QualityCheck> out) {
        for (Decision d : x.r.decisions()) {
            if (d.key().equals(HEEL_ONLY_FEET)) {
                heelOnlyFeet(x, d, out);
                continue;
            }
            if (!d.key().equals(ANKLE_ONLY_FEET)) {
                continue;
            }
            // the knee's toe-offs only where some contact was re-timed (decision "N of M contacts", N above 0)
            boolean knee = x.r.decisions().stream().anyMatch(e -> e.key().equals(TOE_OFF_FROM_KNEE)
                    && !e.value().startsWith("0 of"));
            List<String> doubts = footKeypointDoubts(x);
            if (doubts.isEmpty()) {
                // a frontal view: no contact time and no value taken at the landing is reported
                out.add(QualityCheck.passed("foot_keypoints", "No heel or toe keypoint on " + (d.value()
                        .contains(" and ") ? "either foot" : "the " + d.value() + " foot") + ", only the ankle; no "
                        + "value of this view rests on the feet's contact times."));
                continue;
            }
            out.add(new QualityCheck("foot_keypoints", Quality.DOUBTFUL, (d.value().contains(" and ")
                    ? "Neither foot has a" : "The " + d.value() + " foot has no") + " heel or toe keypoint, only the "
                    + "ankle: " + (knee
                    ? "the toe-offs come from the knee's peak extension (Fellin et al. 2010), which on the shared "
                    + "treadmill recordings' knee angles came within 4 ms at 3–5 m/s but 33 ms early at 2 m/s, and "
                    + "the initial contacts from the ankle; "
                    : "the toe-offs come from the ankle, which leaves the ground's level as the heel rises (65 ms "
                    + "before the toe on the sample video), and the initial contacts too; ")
                    + "contact time, flight and duty factor, and the values taken at the landing (overstride, shank "
                    + "angle: the ankle lands 23–34 ms late on simulated forefoot strikers), are shown but not judged "
                    + "(cadence is not affected). A pose model with heel and toe keypoints (OpenPose BODY_25, Halpe, "
                    + "COCO-WholeBody, MediaPipe) times the contacts from the foot.", doubts));
        }
    }

    /**
     * {@code foot_keypoints} for feet with a heel but no toe keypoint (decision {@link #HEEL_ONLY_FEET}): the heel
     * leaves the ground as it rises, 91–146 ms before the toe on real markers filmed from the side without toes, so
     * the toe-offs come from the knee's peak extension (Fellin et al. 2010), which drifts with running speed, and a
     * forefoot landing is timed when the heel comes down (20 ms late on the simulated forefoot striker of
     * {@code PoseSyntheticTest}); the contact times and the values taken at the landing are shown and not judged. A
     * frontal view reports neither, and the check passes.
     */
    private void heelOnlyFeet(Session x, Decision d, List<QualityCheck> out) {
        String feet = d.value().contains(" and ") ? "either foot" : "the " + d.value() + " foot";
        List<String> doubts = footKeypointDoubts(x);
        if (doubts.isEmpty()) {
            out.add(QualityCheck.passed("foot_keypoints", "No toe keypoint on " + feet + ", only the heel; no value of "
                    + "this view rests on the feet's contact times."));
            return;
        }
        boolean knee = x.r.decisions().stream().anyMatch(e -> e.key().equals(TOE_OFF_FROM_KNEE)
                && !e.value().startsWith("0 of"));
        out.add(new QualityCheck("foot_keypoints", Quality.DOUBTFUL, "No toe keypoint on " + feet + ", only the heel, "
                + "which leaves the ground as it rises, long before the toe: " + (knee ? "the toe-offs come from the "
                + "knee's peak extension (Fellin et al. 2010), within 4 ms at 3–5 m/s on the shared treadmill "
                + "recordings' knee angles but 33 ms early at 2 m/s; " : "the toe-offs come from the heel, 91–146 ms "
                + "early on real markers filmed without toes; ") + "a forefoot landing is timed when the heel comes "
                + "down (20 ms late on a simulated forefoot striker). Contact time, flight and duty factor, and the "
                + "values taken at the landing (overstride, shank angle), are shown but not judged (cadence is not "
                + "affected). Toe keypoints (OpenPose BODY_25's big toes, Halpe, COCO-WholeBody, MediaPipe's foot "
                + "index) time the contacts from the whole foot.", doubts));
    }

    /**
     * What feet seen at the ankle only, or at the heel without a toe, put in doubt: the contact times and the values
     * taken at the landing.
     */
    private static List<String> footKeypointDoubts(Session x) {
        List<String> out = new ArrayList<>(x.present(CONTACT_METRICS));
        out.addAll(x.present(List.of("overstride_cm", "overstride_pct_leg", "shank_angle_deg", "knee_flexion_ic_deg",
                "foot_strike_angle_deg")));
        return out;
    }

    /**
     * {@code runner_choice} (video keypoints with several people in the picture): the runner is the person seen moving
     * their legs in the most frames; another person who scores at least {@link QualitySettings#rivalShare()} of that
     * (decision {@code people_rival}) makes the choice doubtful, and with it every value of the session, which may be
     * that person's.
     */
    private void runnerChoice(Session x, List<QualityCheck> out) {
        for (Decision d : x.r.decisions()) {
            if (!d.key().equals("people_rival")) {
                continue;
            }
            double share;
            try {
                share = Double.parseDouble(d.value());
            } catch (NumberFormatException e) {
                continue;
            }
            if (share >= s.rivalShare()) {
                out.add(new QualityCheck("runner_choice", Quality.DOUBTFUL, String.format(Locale.ROOT, "Several people "
                        + "are in the picture, and another of them was seen moving their legs in %.0f %% as many "
                        + "frames as the person taken for the runner (%.0f %% or more): the values may be that "
                        + "person's; name the runner with --person N (summary.json's decision 'people' lists them "
                        + "with where they are in the picture).", 100 * share,
                        100 * s.rivalShare()), new ArrayList<>(x.r.metrics().keySet())));
            } else {
                out.add(QualityCheck.passed("runner_choice", String.format(Locale.ROOT, "Several people are in the "
                        + "picture; the runner was seen moving their legs in the most frames, anybody else in %.0f %% "
                        + "as many at most (below %.0f %%).", 100 * share, 100 * s.rivalShare())));
            }
        }
    }

    /**
     * {@code sensor_tilt}: the shift of the median contact time when a tilted pre-aligned trunk export's vertical is
     * turned onto gravity, from the decision {@code tilt_contact_shift} ("+X.X ms at Y.Y°").
     */
    private void sensorTilt(Session x, List<QualityCheck> out) {
        for (Decision d : x.r.decisions()) {
            if (!d.key().equals("tilt_contact_shift")) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([+-]?[0-9.]+) ms at ([0-9.]+)°")
                    .matcher(d.value());
            if (!m.find()) {
                continue;
            }
            double shiftMs = Double.parseDouble(m.group(1));
            double tiltDeg = Double.parseDouble(m.group(2));
            if (Math.abs(shiftMs) > s.tiltContactShiftMs()) {
                out.add(new QualityCheck("sensor_tilt", Quality.DOUBTFUL, String.format(Locale.ROOT, "Contact times "
                        + "depend on the sensor's tilt: with its vertical column (leaning %.0f°) turned onto gravity, "
                        + "the contacts come out %.0f ms %s than on the column as recorded, more than %.0f ms; the "
                        + "values shown lie between the two readings, but the toe-offs, where the trunk falls back to "
                        + "free fall, are not pinned down by this signal, so contact time, flight and duty factor are "
                        + "uncertain.", tiltDeg, Math.abs(shiftMs), shiftMs > 0 ? "longer" : "shorter",
                        s.tiltContactShiftMs()), x.present(CONTACT_METRICS)));
            } else {
                out.add(QualityCheck.passed("sensor_tilt", String.format(Locale.ROOT, "The sensor's vertical column "
                        + "leans %.0f° from gravity; turned onto gravity, the contact times agree within %.0f ms "
                        + "(%+.0f ms).", tiltDeg, s.tiltContactShiftMs(), shiftMs)));
            }
        }
    }

    /**
     * {@code gravity_magnitude}: a running trunk session whose vertical gaitform found from gravity (raw axes) and whose
     * gravity estimate is not 1 g long on average (the decision {@code gravity_estimate_g}). Over whole steps the
     * trunk does not accelerate on average, so any calibrated sensor's readings low-passed over a few steps are
     * gravity, 1 g long (GaitPy's GENEActiv demo: 0.996 g); when they are not, an axis is
     * clipped, offset or scaled wrong, the direction taken for gravity leans by an unknown angle, and toe-off, read on
     * that vertical, is not pinned down: on force-plate trials like that (Alcantara's, whose vertical was clipped at
     * 0 g, turned into raw axes: 1.13–1.37 g) contact times came out long by amounts that varied from trial to trial
     * ({@link #RAW_TRUNK_CONTACT_ERR_MIN_MS}). So the values that come from contact durations, and those that scale
     * with the readings (vertical oscillation, landing impact), are shown and not judged.
     */
    private void gravityMagnitude(Session x, List<QualityCheck> out) {
        if (!x.kind.equals("trunk-imu") || !x.running()) {
            return;
        }
        for (Decision d : x.r.decisions()) {
            if (!d.key().equals("gravity_estimate_g")) {
                continue;
            }
            double meanG;
            try {
                meanG = Double.parseDouble(d.value());
            } catch (NumberFormatException e) {
                continue;
            }
            if (!Double.isFinite(meanG)) {
                continue;
            }
            if (Math.abs(meanG - 1) > s.gravityMagnitudeTolG()) {
                List<String> metrics = new ArrayList<>(x.present(RUNNING_CONTACT_METRICS));
                metrics.addAll(x.present(ACCELERATION_SCALE_METRICS));
                out.add(new QualityCheck("gravity_magnitude", Quality.DOUBTFUL, String.format(Locale.ROOT, "The "
                        + "sensor's gravity estimate is %.2f g long on average where a calibrated sensor's is 1 g, "
                        + "so an axis is clipped, offset or scaled wrong, and contact time, flight, duty factor, "
                        + "vertical oscillation and landing impact are shown but not judged (cadence is not affected); "
                        + "the export has no vertical column, so gaitform found the vertical from gravity, which may "
                        + "then lean by several degrees, and on force-plate trials like that contact times came out "
                        + "%.0f–%.0f ms long (%.0f ms on average, docs/quality.md). A vertical acceleration column "
                        + "(acc_v), or a calibrated sensor, avoids this.", meanG, RAW_TRUNK_CONTACT_ERR_MIN_MS,
                        RAW_TRUNK_CONTACT_ERR_MAX_MS, RAW_TRUNK_CONTACT_ERR_MEAN_MS), metrics));
            } else {
                out.add(QualityCheck.passed("gravity_magnitude", String.format(Locale.ROOT, "The sensor's gravity "
                        + "estimate is %.2f g long on average, within %.2f g of 1 g, so the vertical found from it can "
                        + "be trusted.", meanG, s.gravityMagnitudeTolG())));
            }
        }
    }

    /**
     * {@code sampling_rate}: a running trunk session, a foot or shank session, or a side or 3D pose session, sampled
     * more slowly than {@link QualitySettings#minContactRateHz()}. Toe-off is timed on a feature a few tens of
     * milliseconds long (the trunk's fall from stance to flight, 30–40 ms; the foot's push-off; the toe's lift); at such
     * rates it can lie between two samples, where no interpolation finds it again, and an anti-aliasing filter smooths
     * it away, so contact times came out off by amounts that varied from recording to recording (Alcantara's trunk
     * trials decimated to 25 Hz: up to 59 ms long; gaitmap's foot sensors at 25.6 Hz: 1 toe-off in 57 within 30 ms of
     * motion capture, stance 28 ms short; force-plate trials filmed through a virtual side camera at 30 and 25 fps:
     * contact times up to 49 ms off, 12 of 32 sessions more than 25 ms off). Cadence, which counts the steps, is not
     * affected. A trunk sensor's walking events, and a frontal video's (whose contact time is not reported), are left
     * alone.
     */
    private void samplingRate(Session x, List<QualityCheck> out) {
        boolean trunk = x.kind.equals("trunk-imu") && x.running();
        boolean limb = x.kind.equals("foot-imu") || x.kind.equals("shank-imu");
        // a frontal video's contact time is not reported (docs/pose-input.md)
        boolean video = x.kind.equals("pose-2d") && !"frontal".equals(x.r.info().get("view"));
        boolean pose3d = x.kind.equals("pose-3d");
        if (!(trunk || limb || video || pose3d) || !(x.fs > 0) || rateAssumed(x)) {
            return;
        }
        String unit = video || pose3d ? "fps" : "Hz";
        String what = trunk ? "from a trunk sensor" : limb ? "from a foot or shank sensor" : video ? "in a video"
                : "in a 3D recording";
        double min = s.minContactRateHz();
        // a 50 Hz sensor whose clock runs 1 % slow (or whose times are rounded) is a 50 Hz sensor
        if (x.fs < 0.98 * min) {
            String feature = trunk ? "the fall from stance to flight (30–40 ms)" : limb ? "the push-off"
                    : String.format(Locale.ROOT, "the toe's lift, one frame of %.0f ms,", 1000 / x.fs);
            String measured = trunk ? "on force-plate trials sampled at 25 Hz they came out up to 59 ms long"
                    : limb ? "on foot sensors sampled at 25.6 Hz, 1 toe-off in 57 came within 30 ms of motion capture's, "
                    + "and stance 28 ms short"
                    : "force-plate trials filmed from the side at 30 and 25 fps gave contact times up to 49 ms off";
            out.add(new QualityCheck("sampling_rate", Quality.DOUBTFUL, String.format(Locale.ROOT, "The %s was "
                    + "%s at %.0f %s, below the %.0f %s gaitform needs to time toe-offs %s: %s can lie between two "
                    + "%s, so contact time, flight and duty factor are shown but not judged (%s; cadence is not "
                    + "affected). %s", video ? "video" : pose3d ? "recording" : "sensor",
                    video ? "filmed" : "sampled", x.fs, unit, min, unit, what, feature,
                    video || pose3d ? "frames" : "samples", measured, video ? "Film at 60 fps or more (most phones "
                    + "offer it)." : String.format(Locale.ROOT, "Record at %.0f %s or more.", min, unit)),
                    x.present(trunk ? RUNNING_CONTACT_METRICS : CONTACT_METRICS)));
        } else {
            out.add(QualityCheck.passed("sampling_rate", String.format(Locale.ROOT, "The %s was %s at %.0f %s, at least "
                    + "the %.0f %s gaitform needs to time toe-offs %s.", video ? "video" : pose3d ? "recording" : "sensor",
                    video ? "filmed" : "sampled", x.fs, unit, min, unit, what)));
        }
    }

    /** Whether the frame rate was assumed (the check {@code frame_rate_assumed} then speaks for every time). */
    private static boolean rateAssumed(Session x) {
        return x.r.decisions().stream().anyMatch(QualityChecks::assumedRate);
    }

    /** A frame rate the file does not record and gaitform assumed (the decision {@code frame_rate_hz}). */
    private static boolean assumedRate(Decision d) {
        return d.key().equals("frame_rate_hz") && d.reason().toLowerCase(Locale.ROOT).contains("assumed");
    }

    /** Frontal-view values measured over the stance, which a late contact moves into late stance. */
    static final List<String> FRONTAL_STANCE_METRICS = SIDE_METRICS.stream()
            .filter(k -> k.startsWith("knee_fppa_deg") || k.startsWith("pelvic_drop_deg")).toList();

    /** Decision key: a frontal view's initial contacts timed from the pelvis's descent (PelvisDescentContacts). */
    public static final String PELVIS_TIMING = "initial_contact_from_pelvis";
    /** Decision: the toe-offs of feet seen at the ankle only come from the knee's peak extension. */
    public static final String TOE_OFF_FROM_KNEE = "toe_off_from_knee";
    /** Decision: the feet (which) are seen at the ankle only, without heel or toe keypoints. */
    public static final String ANKLE_ONLY_FEET = "ankle_only_feet";
    /** Decision: the feet (which) have a heel keypoint but no toe or forefoot point. */
    public static final String HEEL_ONLY_FEET = "heel_only_feet";
    /** Decision key: a side video's floor tilt in the picture (degrees): the treadmill's belt, or the floor overground. */
    public static final String FLOOR_TILT = "floor_tilt";
    /** Values measured against the picture's vertical or horizontal, which a camera that is not level turns. */
    static final List<String> PICTURE_VERTICAL_METRICS = List.of("trunk_lean_deg", "trunk_lean_deg_left",
            "trunk_lean_deg_right", "trunk_lean_deg_lr_diff", "shank_angle_deg", "shank_angle_deg_left",
            "shank_angle_deg_right", "shank_angle_deg_lr_diff", "overstride_cm", "overstride_cm_left",
            "overstride_cm_right", "overstride_cm_lr_diff", "overstride_pct_leg", "overstride_pct_leg_left",
            "overstride_pct_leg_right", "overstride_pct_leg_lr_diff");
    /**
     * Decision key: a frontal view of a runner moving away or coming closer whose steps were tracked on the pelvis's
     * bounce (PelvisStepTracking).
     */
    public static final String PELVIS_TRACKING = "steps_from_pelvis";

    /**
     * {@code ground_flow}: a frontal video of a runner at one distance whose ground moves through the picture (the
     * decision {@code ground_flow}, a treadmill filmed from behind or ahead). The planted foot is carried along the
     * picture by the belt, so it reaches the floor's image height only late in stance: on Fukuchi's markers filmed by
     * a virtual camera behind the treadmill the feet's contacts came 113–185 ms late. The pipeline then times the
     * initial contacts from the pelvis's fastest descent (decision {@link #PELVIS_TIMING}; within 3–13 ms of the
     * markers' own on those views, docs/pose-input.md), and the check passes. When the pelvis could not time them,
     * knee FPPA and pelvic drop, measured over the stance, are shown and not judged; cadence is not affected.
     */
    private void groundFlow(Session x, List<QualityCheck> out) {
        Decision flow = null;
        Decision pelvis = null;
        for (Decision d : x.r.decisions()) {
            if (d.key().equals("ground_flow")) {
                flow = d;
            } else if (d.key().equals(PELVIS_TIMING)) {
                pelvis = d;
            }
        }
        if (flow == null) {
            return;
        }
        if (pelvis != null) {
            out.add(QualityCheck.passed("ground_flow", "The runner stays at one distance from a camera behind or ahead "
                    + "while the ground moves through the picture (" + flow.value() + "), as on a treadmill: the "
                    + "initial contacts (" + pelvis.value() + ") are timed from the pelvis's fastest descent instead of "
                    + "the feet, which the belt carries through the picture (within 3–13 ms of the markers' own on real "
                    + "markers filmed at 30 fps), so knee FPPA and pelvic drop are measured over the stance."));
            return;
        }
        out.add(new QualityCheck("ground_flow", Quality.DOUBTFUL, "The runner stays at one distance from a camera "
                + "behind or ahead while the ground moves through the picture (" + flow.value() + "), as on a "
                + "treadmill: the belt carries the planted foot towards or away from the camera, so its contacts are "
                + "found late in stance (113–185 ms late on real markers), and the pelvis could not time them "
                + "instead; knee FPPA and pelvic drop, measured over the stance, are shown but not judged (cadence is "
                + "not affected). A runner moving away from the camera, or a side view, avoids this.",
                x.present(FRONTAL_STANCE_METRICS)));
    }

    /**
     * {@code camera_level}: a side video whose floor — a treadmill's belt, or the line through the contacts overground —
     * is tilted in the picture by more than {@link QualitySettings#maxFloorTiltDeg()} (decision {@link #FLOOR_TILT}).
     * The contacts are found from the tilted floor, but trunk lean, shank angle and overstride are measured against the
     * picture's vertical: a camera rolled by an angle turns the first two by that angle and moves the heel against the
     * hips by the leg's length times its sine (3° on the simulated runner: trunk lean 11.0° for 8.0°, overstride
     * 16.0 % of leg length for 20.7 %). gaitform cannot tell a rolled camera from one that sees the runner's path
     * obliquely or from a slope, so it does not turn the picture; the values are shown and not judged.
     */
    private void cameraLevel(Session x, List<QualityCheck> out) {
        OptionalDouble tilt = degrees(x, FLOOR_TILT);
        if (tilt.isPresent()) {
            double deg = tilt.getAsDouble();
            boolean treadmill = "yes".equals(x.r.info().get("treadmill"));
            String floor = treadmill ? "The treadmill's belt" : "The floor through the feet's contacts";
            if (Math.abs(deg) <= s.maxFloorTiltDeg()) {
                out.add(QualityCheck.passed("camera_level", String.format(Locale.ROOT, "%s is level in the picture to "
                        + "%.1f° (up to %.1f° allowed): angles are measured against the picture's vertical.", floor,
                        Math.abs(deg), s.maxFloorTiltDeg())));
            } else {
                out.add(new QualityCheck("camera_level", Quality.DOUBTFUL, String.format(Locale.ROOT, "%s is tilted by "
                        + "%.1f° in the picture: the camera is not level (or %s). Contacts are found along the tilted "
                        + "floor, but trunk lean, shank angle and overstride are measured against the picture's vertical: "
                        + "the angles may be off by about %.0f° and the overstride by %.0f %% of the leg's length; they are "
                        + "shown but not judged. Level the camera (most phones show a level line), square to the %s.",
                        floor, Math.abs(deg), treadmill ? "sees the belt obliquely, or the treadmill is inclined"
                        : "the runner does not pass square to it, or the ground slopes", Math.abs(deg),
                        100 * Math.sin(Math.toRadians(Math.abs(deg))), treadmill ? "treadmill" : "runner's path"),
                        x.present(PICTURE_VERTICAL_METRICS)));
            }
        }
    }

    /**
     * {@code frame_timing}: a video in which more than {@link QualitySettings#maxSkippedFramesPct()} of the frame
     * intervals look to span a lost frame (decision {@code frames_skipped}, {@code FrameTiming}): the frames are taken
     * as one period apart, so every time is short by the frames lost. The side videos of Fukuchi's and Hamner's
     * force-plate trials with 5 % of their frames dropped came out 7–17 steps/min fast, two of them `good`, before this
     * check. Every value that scales with time is shown and not judged.
     */
    private void frameTiming(Session x, List<QualityCheck> out) {
        for (Decision d : x.r.decisions()) {
            if (!d.key().equals("frames_skipped")) {
                continue;
            }
            double[] nm = counts(d.value());
            if (nm == null) {
                return;
            }
            double pct = 100 * nm[0] / nm[1];
            if (pct <= s.maxSkippedFramesPct()) {
                out.add(QualityCheck.passed("frame_timing", String.format(Locale.ROOT, "The video's frames follow at "
                        + "one rate: %.0f of %.0f frame intervals look to span a lost frame (up to %.0f %% allowed).",
                        nm[0], nm[1], s.maxSkippedFramesPct())));
            } else {
                out.add(new QualityCheck("frame_timing", Quality.DOUBTFUL, String.format(Locale.ROOT, "Across %.0f of "
                        + "%.0f frame intervals (%.1f %%) every moving point travels about twice as far as the frames "
                        + "around predict: frames were lost without a trace (a re-encoding or a variable frame rate), so "
                        + "the time between the frames kept is not one period and every time, cadence and contact time "
                        + "comes out about %.0f %% short or fast; they are shown but not judged. Export the keypoints "
                        + "from the original video, or with its timestamps.", nm[0], nm[1], pct, pct),
                        x.present(TIME_SCALE_METRICS)));
            }
            return;
        }
    }

    /**
     * {@code runner_distance}: a side video in which the runner changes size (decision {@code image_scale},
     * {@code SideViewScale}). A runner who stays in place in the picture while changing size is followed by a camera
     * that turns, which also tilts the floor in the picture (by 6° at 45° from 8 m): simulated runners filmed so over
     * ±45° keep 2–4 of 9–16 contacts, cadence up to 14 steps/min off ({@code SideViewScaleTest}). Every value from the
     * contacts and every angle against the picture's vertical is then shown and not judged. A runner passing a still
     * camera obliquely is measured as one passing square to it (the check passes and says so).
     */
    private void runnerDistance(Session x, List<QualityCheck> out) {
        for (Decision d : x.r.decisions()) {
            if (!d.key().equals("image_scale")) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("×([0-9.]+)").matcher(d.value());
            if (!m.find()) {
                return;
            }
            double change = Double.parseDouble(m.group(1));
            if (d.value().endsWith("camera turns")) {
                List<String> doubted = new ArrayList<>(EVENT_METRICS);
                PICTURE_VERTICAL_METRICS.stream().filter(k -> !doubted.contains(k)).forEach(doubted::add);
                out.add(new QualityCheck("runner_distance", Quality.DOUBTFUL, String.format(Locale.ROOT, "The runner's "
                        + "size in the picture changes by a factor %.2f while the runner stays in place in it: the "
                        + "camera turned to follow the runner, so the floor under the runner moves and tilts in the "
                        + "picture, and the contacts, and the heights and angles measured at them, are shown but not "
                        + "judged. Keep the camera still, square to the runner's path, and let the runner pass through "
                        + "the picture (or film a treadmill from the side).", change), x.present(doubted)));
            } else if (d.value().endsWith("oblique pass")) {
                out.add(QualityCheck.passed("runner_distance", String.format(Locale.ROOT, "The runner passes the camera "
                        + "obliquely (size ×%.2f over the recording): heights are measured from the floor's line through "
                        + "the contacts, as for a square pass; forward distances and angles are seen foreshortened by "
                        + "the path's angle to the picture (3 %% at 15°).", change)));
            } else {
                out.add(QualityCheck.passed("runner_distance", String.format(Locale.ROOT, "The runner keeps one size in "
                        + "the picture (×%.2f over the recording).", change)));
            }
            return;
        }
    }

    /** The first decision {@code key}'s value in degrees ("1.5°"), empty when there is none or it is not a number. */
    private static OptionalDouble degrees(Session x, String key) {
        for (Decision d : x.r.decisions()) {
            if (d.key().equals(key)) {
                try {
                    return OptionalDouble.of(Double.parseDouble(d.value().replace("°", "").trim()));
                } catch (NumberFormatException e) {
                    return OptionalDouble.empty();
                }
            }
        }
        return OptionalDouble.empty();
    }

    /** The foot strike angle's metrics: the angle (session, sides) and the share of steps in each strike class. */
    static final List<String> FOOT_STRIKE_METRICS = List.of("foot_strike_angle_deg", "foot_strike_angle_deg_left",
            "foot_strike_angle_deg_right", "foot_strike_angle_deg_lr_diff", "rearfoot_strike_pct", "midfoot_strike_pct",
            "forefoot_strike_pct");

    /**
     * {@code foot_angle_noise}: a side video whose keypoints jitter much for the foot's size in the picture (decision
     * {@code foot_angle_noise}, the strike angle's own noise per frame). The strike angle is the angle of a line as
     * short as the foot at a moment found from the same noisy points; on simulated side views (seeds 21–26 of
     * {@code PoseStrikePropertyTest}'s runners at 150–500 px/m with 0.5–3 px of jitter) a noise of 1.1° or less kept
     * every strike class right with 0.2–3.6° mean error per step, 1.6–1.9° gave the wrong class in 3 of 18 sessions,
     * 2.6–5.5° per-step errors of 2.7–10.4° on average. The angle and the strike class are shown and not judged.
     */
    private void footAngleNoise(Session x, List<QualityCheck> out) {
        OptionalDouble noise = degrees(x, "foot_angle_noise");
        if (noise.isPresent()) {
            double v = noise.getAsDouble();
            if (v <= s.footAngleNoiseDeg()) {
                out.add(QualityCheck.passed("foot_angle_noise", String.format(Locale.ROOT, "The keypoints' jitter "
                        + "turns the foot strike angle by %.1f° per frame (up to %.1f° allowed).", v,
                        s.footAngleNoiseDeg())));
            } else {
                out.add(new QualityCheck("foot_angle_noise", Quality.DOUBTFUL, String.format(Locale.ROOT, "The "
                        + "keypoints' jitter turns the foot strike angle by %.1f° per frame, more than the %.1f° at "
                        + "which the strike class holds: the foot is too small in the picture for the jitter, so the "
                        + "strike angle and class are shown but not judged (film closer or at a higher resolution).", v,
                        s.footAngleNoiseDeg()), x.present(FOOT_STRIKE_METRICS)));
            }
        }
    }

    /** {n, m} of a decision value "n of m", or null. */
    private static double[] counts(String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) of (\\d+)").matcher(value);
        if (!m.find() || Double.parseDouble(m.group(2)) == 0) {
            return null;
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    private void evidence(Session x, List<QualityCheck> out) {
        int n = x.steps.size();
        String what = x.oneLeg ? "contacts of the one leg measured" : x.activityWord() + " steps";
        if (n < s.minSteps()) {
            out.add(new QualityCheck("steps_evidence", Quality.DOUBTFUL, String.format(Locale.ROOT, "Only %d %s: at "
                    + "least %d are needed to judge a session's averages (with the 3 %% step-to-step variation of "
                    + "runners, %d steps give the cadence to about 1 %%).", n, what, s.minSteps(), s.minSteps()),
                    List.of()));
        } else {
            out.add(QualityCheck.passed("steps_evidence", String.format(Locale.ROOT, "%d %s (at least %d needed).", n,
                    what, s.minSteps())));
        }
    }

    /** Length of the windows in which the signal's cadence is measured (s): cadence changes over a run. */
    static final double WINDOW_S = 10;

    /** The prepared signal of a session, or empty when its input has none to check against. */
    private static Optional<SignalCadence.Source> source(Session x) {
        if (x.limb || x.timeS == null) {
            return Optional.empty();
        }
        if (x.rec instanceof ImuRecording imu) {
            if (x.kind.equals("foot-imu") || x.kind.equals("shank-imu")) {
                List<ImuSensor> legs = imu.sensors().stream().filter(ImuSensor::hasGyroscope).toList();
                return Optional.of(SignalCadence.legs(legs.isEmpty() ? imu.sensors() : legs, x.fs));
            }
            return Optional.of(SignalCadence.trunk(imu.sensors().get(0), x.fs));
        }
        if (x.rec instanceof PoseRecording pose) {
            return SignalCadence.pose(pose, pose.dimensions() == 2 && "frontal".equals(x.r.info().get("view")));
        }
        return Optional.empty();
    }

    /**
     * The signal's cadence over the analysed bouts: measured in windows of up to {@link #WINDOW_S} and averaged
     * weighted by time (steps over time, as the session's cadence is).
     */
    private static SignalCadence.Estimate signalCadence(Session x, Optional<SignalCadence.Source> src) {
        if (src.isEmpty()) {
            return SignalCadence.Estimate.none(x.limb ? "cadence is itself the signal's periodicity for this input"
                    : x.rec instanceof PoseRecording ? "no foot point is named on both sides (heel, ankle, toe …)"
                    : "no signal to compare with");
        }
        if (x.bouts.isEmpty()) {
            return SignalCadence.Estimate.none("no analysed bout");
        }
        double sumT = 0;
        double sumC = 0;
        double total = 0;
        List<Double> regs = new ArrayList<>();
        String lastWhy = "";
        int windows = 0;
        for (int[] w : windows(x)) {
            double dur = (w[1] - w[0]) / x.fs;
            total += dur;
            SignalCadence.Estimate e = src.get().estimate(List.of(w), !x.running());
            if (e.available()) {
                sumT += dur;
                sumC += dur * e.cadenceSpm();
                regs.add(e.regularity());
                windows++;
            } else {
                lastWhy = e.basis();
            }
        }
        if (sumT < 0.5 * total || windows == 0) {
            return SignalCadence.Estimate.none(lastWhy.isEmpty() ? "too little signal" : lastWhy);
        }
        double reg = Stats.median(regs.stream().mapToDouble(Double::doubleValue).toArray());
        return new SignalCadence.Estimate(sumC / sumT, reg, String.format(Locale.ROOT, "autocorrelation of %s in %d "
                + "window%s of up to %.0f s, regularity %.2f", src.get().what(), windows, windows == 1 ? "" : "s",
                WINDOW_S, reg));
    }

    /** The analysed bouts cut into windows of up to {@link #WINDOW_S}; a remainder under half a window joins the last. */
    private static List<int[]> windows(Session x) {
        int len = (int) Math.round(WINDOW_S * x.fs);
        List<int[]> out = new ArrayList<>();
        for (int[] span : x.spans()) {
            int a = span[0];
            while (span[1] - a > 0) {
                int b = span[1] - a < 1.5 * len ? span[1] : a + len;
                out.add(new int[] {a, b});
                a = b;
            }
        }
        return out;
    }

    private void cadenceAgreement(Session x, SignalCadence.Estimate est, List<QualityCheck> out) {
        double ev = x.eventCadence();
        if (x.limb) {
            return;
        }
        if (!est.available() || !Double.isFinite(ev)) {
            out.add(QualityCheck.passed("cadence_agreement", "Cadence from the signal's periodicity could not be "
                    + "compared: " + est.basis() + "."));
            return;
        }
        double sig = est.cadenceSpm();
        double diff = ev - sig;
        double tol = Math.max(s.cadenceAgreementSpm(), s.cadenceAgreementPct() / 100 * sig);
        double poor = Math.max(s.cadencePoorSpm(), s.cadencePoorPct() / 100 * sig);
        String nums = String.format(Locale.ROOT, "cadence from the contacts %.1f steps/min, from the signal's "
                + "periodicity %.1f steps/min (%s)", ev, sig, est.basis());
        double ratio = ev / sig;
        if (Math.abs(diff) <= tol) {
            out.add(QualityCheck.passed("cadence_agreement", capital(nums) + String.format(Locale.ROOT,
                    ": they agree within %.1f steps/min.", tol)));
            return;
        }
        String why = Math.abs(ratio - 2) < 0.2 ? ": about twice the signal's, every step counted twice"
                : Math.abs(ratio - 0.5) < 0.1 ? ": about half the signal's, every other contact missed"
                : diff > 0 ? ": the contacts include spurious ones" : ": contacts were missed";
        out.add(new QualityCheck("cadence_agreement", Math.abs(diff) > poor ? Quality.POOR : Quality.DOUBTFUL,
                String.format(Locale.ROOT, "The cadence from the contacts disagrees with the signal by %+.1f steps/min "
                        + "(more than %.1f allowed)%s; %s.", diff, tol, why, nums), x.eventMetrics()));
    }

    private void stepsExpected(Session x, SignalCadence.Estimate est, List<QualityCheck> out) {
        double cadence = est.available() ? est.cadenceSpm() : x.eventCadence();
        double analysed = x.seenS();
        if (!Double.isFinite(cadence) || !(analysed > 0)) {
            return;
        }
        double perMinute = x.oneLeg ? cadence / 2 : cadence;
        double expected = analysed * perMinute / 60;
        int found = x.steps.size();
        double tol = Math.max(2 + x.bouts.size(), s.stepsExpectedPct() / 100 * expected);
        double off = found - expected;
        String what = x.oneLeg ? "contacts of the leg" : x.activityWord() + " steps";
        boolean unseen = analysed < x.analysedS() - 0.5;
        String nums = String.format(Locale.ROOT, "%d %s found in %.1f s analysed%s, %.0f expected at %.1f steps/min%s",
                found, what, analysed, unseen ? String.format(Locale.ROOT, " with the runner in the picture (of %.1f s)",
                x.analysedS()) : "", expected, cadence, est.available() ? " (the signal's cadence)" : "");
        if (Math.abs(off) <= tol) {
            out.add(QualityCheck.passed("steps_expected", capital(nums) + "."));
            return;
        }
        boolean poor = Math.abs(off) > s.stepsExpectedPoorPct() / 100 * expected;
        out.add(new QualityCheck("steps_expected", poor ? Quality.POOR : Quality.DOUBTFUL, String.format(Locale.ROOT,
                "%s: %s contacts than the time and cadence allow (%+.0f %%).", capital(nums), off > 0 ? "more"
                        : "fewer", 100 * off / expected), x.eventMetrics()));
    }

    /** Stretches of an IMU recording outside every analysed or standing bout where the signal still steps. */
    private void unanalysed(Session x, SignalCadence.Source src, SignalCadence.Estimate est, List<QualityCheck> out) {
        if (!(x.rec instanceof ImuRecording) || x.limb || x.timeS == null) {
            return;
        }
        double cadence = est.available() ? est.cadenceSpm() : x.eventCadence();
        if (!Double.isFinite(cadence)) {
            return;
        }
        boolean legs = src.perStride();
        double periodS = (legs ? 120 : 60) / cadence;
        List<Bout> covered = x.r.bouts().stream().filter(b -> b.activity() == Activity.RUNNING
                || b.activity() == Activity.WALKING || b.activity() == Activity.STANDING).toList();
        double[] t = x.timeS;
        List<double[]> holes = new ArrayList<>();
        double cursor = t[0];
        for (Bout b : covered) {
            if (b.startS() > cursor) {
                holes.add(new double[] {cursor, b.startS()});
            }
            cursor = Math.max(cursor, b.endS());
        }
        if (t[t.length - 1] > cursor) {
            holes.add(new double[] {cursor, t[t.length - 1]});
        }
        double regularS = 0;
        double best = Double.NaN;
        double minS = Math.max(1.5, 3 * periodS);
        for (double[] h : holes) {
            if (h[1] - h[0] < minS) {
                continue;
            }
            double reg = src.regularity(x.index(h[0]), x.index(h[1]), periodS);
            if (reg >= s.regularStepping()) {
                regularS += h[1] - h[0];
                best = Double.isNaN(best) ? reg : Math.max(best, reg);
            }
        }
        double analysed = x.analysedS();
        if (regularS <= Math.max(1.0, s.unanalysedPct() / 100 * analysed)) {
            out.add(QualityCheck.passed("unanalysed_stepping", String.format(Locale.ROOT, "No stretch left out of the "
                    + "analysis steps regularly at the session's %s (%.1f s of such stretches).", legs ? "stride"
                    : "step period", regularS)));
            return;
        }
        boolean poor = regularS > s.unanalysedPoorPct() / 100 * analysed;
        out.add(new QualityCheck("unanalysed_stepping", poor ? Quality.POOR : Quality.DOUBTFUL, String.format(
                Locale.ROOT, "%.1f s of the recording step regularly at the session's %s (autocorrelation %.2f at "
                        + "%.3f s) but were left out of the analysis, beside %.1f s analysed as %s: contacts there were "
                        + "missed.", regularS, legs ? "stride period" : "step period", best, periodS, analysed,
                x.activityWord()), x.eventMetrics()));
    }

    private void gaps(Session x, List<QualityCheck> out) {
        int n = x.steps.size();
        if (n < 3) {
            return;
        }
        double[] cycles = x.cycleTimes();
        int unlinked = x.oneLeg
                ? (int) x.steps.stream().filter(st -> !Double.isFinite(st.extras().getOrDefault("stride_time_s",
                        Double.NaN))).count()
                : (int) x.steps.stream().filter(st -> !Double.isFinite(st.stepTimeS())).count();
        int gaps = Math.max(0, unlinked - Math.max(1, x.bouts.size()));
        double median = Stats.median(cycles);
        int shorts = 0;
        for (double c : cycles) {
            if (c < s.shortStepFactor() * median) {
                shorts++;
            }
        }
        double gapPct = 100.0 * gaps / n;
        double shortPct = cycles.length == 0 ? 0 : 100.0 * shorts / cycles.length;
        Quality q = Quality.GOOD;
        List<String> said = new ArrayList<>();
        if (shorts > 0 && shortPct > s.shortStepPct()) {
            q = q.worse(shortPct > s.shortStepPoorPct() ? Quality.POOR : Quality.DOUBTFUL);
            said.add(String.format(Locale.ROOT, "%d of %d %s are shorter than %.0f %% of the median (%.0f ms): "
                    + "spurious contacts split them", shorts, cycles.length, x.oneLeg ? "strides" : "steps",
                    100 * s.shortStepFactor(), 1000 * median));
        }
        if (gaps >= 2 && gapPct > s.gapPct()) {
            q = q.worse(gapPct > s.gapPoorPct() ? Quality.POOR : Quality.DOUBTFUL);
            said.add(String.format(Locale.ROOT, "%d of %d contacts are followed by a missed one (the next contact "
                    + "comes much later than usual)", gaps, n));
        }
        if (q == Quality.GOOD) {
            out.add(QualityCheck.passed("step_gaps", String.format(Locale.ROOT, "%d spurious and %d missed contacts "
                    + "among %d.", shorts, gaps, n)));
        } else {
            out.add(new QualityCheck("step_gaps", q, capital(String.join("; ", said)) + ".", x.eventMetrics()));
        }
    }

    private void alternation(Session x, List<QualityCheck> out) {
        if (x.oneLeg) {
            return;
        }
        int pairs = 0;
        int same = 0;
        for (int i = 0; i + 1 < x.steps.size(); i++) {
            Step a = x.steps.get(i);
            Step b = x.steps.get(i + 1);
            if (!Double.isFinite(a.stepTimeS()) || a.side() == Side.UNKNOWN || b.side() == Side.UNKNOWN) {
                continue;
            }
            pairs++;
            if (a.side() == b.side()) {
                same++;
            }
        }
        if (pairs < 4) {
            return;
        }
        double pct = 100.0 * same / pairs;
        if (pct <= s.sameSidePct()) {
            out.add(QualityCheck.passed("alternation", String.format(Locale.ROOT, "Left and right alternate: %d of %d "
                    + "consecutive steps are on the same foot.", same, pairs)));
            return;
        }
        out.add(new QualityCheck("alternation", pct > s.sameSidePoorPct() ? Quality.POOR : Quality.DOUBTFUL,
                String.format(Locale.ROOT, "%d of %d consecutive steps (%.0f %%) land on the same foot as the step "
                        + "before: feet do not alternate like that, so contacts were missed or added, or sides are "
                        + "wrong.", same, pairs, pct), x.eventMetrics()));
    }

    private void variability(Session x, List<QualityCheck> out) {
        double timing = x.timingMs();
        double quantMs = 1000 / x.fs / Math.sqrt(6);
        double[] cycles = x.cycleTimes();
        if (cycles.length >= 4) {
            double mean = Stats.mean(cycles);
            double cv = 100 * Stats.sd(cycles) / mean;
            double noise = 100 * Math.hypot(timing, quantMs) / (1000 * mean);
            double lim = Math.hypot(s.stepTimeCvPct(), noise);
            double poor = Math.hypot(s.stepTimeCvPoorPct(), noise);
            String what = x.oneLeg ? "Stride time" : "Step time";
            if (cv <= lim) {
                out.add(QualityCheck.passed("step_time_variability", String.format(Locale.ROOT, "%s varies by %.1f %% "
                        + "from step to step (up to %.1f %% expected: runners' %.0f %% and the input's timing).", what,
                        cv, lim, s.stepTimeCvPct())));
            } else {
                out.add(new QualityCheck("step_time_variability", cv > poor ? Quality.POOR : Quality.DOUBTFUL,
                        String.format(Locale.ROOT, "%s varies by %.1f %% from step to step, more than the %.1f %% that "
                                + "runners' own variation and this input's timing allow: contacts are placed "
                                + "inconsistently.", what, cv, lim), x.eventMetrics()));
            }
        }
        double[] contacts = x.contactTimesMs();
        if (contacts.length >= 4) {
            double mean = Stats.mean(contacts);
            double cv = 100 * Stats.sd(contacts) / mean;
            double noise = 100 * Math.hypot(timing, quantMs) / mean;
            double lim = Math.hypot(s.contactCvPct(), noise);
            double poor = Math.hypot(s.contactCvPoorPct(), noise);
            if (cv <= lim) {
                out.add(QualityCheck.passed("contact_time_variability", String.format(Locale.ROOT, "Contact time varies "
                        + "by %.1f %% from step to step (up to %.1f %% expected).", cv, lim)));
            } else {
                out.add(new QualityCheck("contact_time_variability", cv > poor ? Quality.POOR : Quality.DOUBTFUL,
                        String.format(Locale.ROOT, "Contact time varies by %.1f %% from step to step (mean %.0f ms), "
                                + "more than the %.1f %% that runners and this input's timing allow: initial contacts or "
                                + "toe-offs are placed inconsistently.", cv, mean, lim), x.present(CONTACT_METRICS)));
            }
        }
    }

    /**
     * {@code angle_consistency}: knee FPPA and pelvic drop vary from step to step by more than runners do (pooled
     * standard deviation of each side's steps). A frontal view's keypoints that the noise model does not explain (a
     * hip keypoint that jumps, an oblique view whose angle changes with the distance) show up here; the angle is then
     * shown and not judged.
     */
    private void angleConsistency(Session x, List<QualityCheck> out) {
        for (String[] m : new String[][] {{"knee_fppa_deg", "knee FPPA"}, {"pelvic_drop_deg", "pelvic drop"}}) {
            double ss = 0;
            int dof = 0;
            for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
                double[] v = x.steps.stream().filter(st -> st.side() == side)
                        .mapToDouble(st -> st.extras().getOrDefault(m[0], Double.NaN)).filter(Double::isFinite).toArray();
                if (v.length >= 3) {
                    double sd = Stats.sd(v);
                    ss += sd * sd * (v.length - 1);
                    dof += v.length - 1;
                }
            }
            if (dof == 0) {
                continue;
            }
            double pooled = Math.sqrt(ss / dof);
            String id = "angle_consistency_" + m[0];
            if (pooled <= s.angleStepSdDeg()) {
                out.add(QualityCheck.passed(id, String.format(Locale.ROOT, "%s varies by %.1f° from step to step on "
                        + "the same side (up to %.1f° expected).", capital(m[1]), pooled, s.angleStepSdDeg())));
            } else {
                out.add(new QualityCheck(id, Quality.DOUBTFUL, String.format(Locale.ROOT, "%s varies by %.1f° from "
                        + "step to step on the same side, more than the %.1f° runners' own variation allows: the "
                        + "keypoints or the view make it unsteady, so it is shown but not judged.", capital(m[1]),
                        pooled, s.angleStepSdDeg()), x.present(SIDE_METRICS.stream()
                        .filter(k -> k.startsWith(m[0])).toList())));
            }
        }
    }

    private void speed(Session x, List<QualityCheck> out) {
        double v = x.speedMps();
        if (!x.running() || !Double.isFinite(v)) {
            return;
        }
        double contact = x.r.metric("contact_ms");
        double[] cl = s.contactLengthM();
        if (Double.isFinite(contact)) {
            double len = v * contact / 1000;
            if (len >= cl[0] && len <= cl[1]) {
                out.add(QualityCheck.passed("contact_speed", String.format(Locale.ROOT, "At %.2f m/s a %.0f ms contact "
                        + "covers %.2f m (%.1f–%.1f m is plausible).", v, contact, len, cl[0], cl[1])));
            } else {
                out.add(new QualityCheck("contact_speed", Quality.DOUBTFUL, String.format(Locale.ROOT, "At %.2f m/s a "
                        + "%.0f ms contact would cover %.2f m of ground, outside the %.1f–%.1f m a stance leg sweeps: "
                        + "the contact time or the speed is wrong.", v, contact, len, cl[0], cl[1]),
                        x.present(CONTACT_METRICS)));
            }
        }
        double cadence = x.r.metric("cadence_spm");
        if (!Double.isFinite(cadence) || cadence <= 0) {
            return;
        }
        double implied = v * 60 / cadence;
        double measured = x.r.metric("step_length_m");
        if (!Double.isFinite(measured) && Double.isFinite(x.r.metric("step_length_cm"))) {
            measured = x.r.metric("step_length_cm") / 100;
        }
        boolean derived = x.r.decisions().stream().anyMatch(d -> d.key().equals("step_length_source")
                && d.value().equals("derived"));
        PlausibleRanges.Range range = PlausibleRanges.of("running").stream()
                .filter(rg -> rg.metric().equals("step_length_m")).findFirst().orElseThrow();
        List<String> affected = x.present(List.of("cadence_spm", "step_length_m", "step_length_cm",
                "step_length_pct_leg", "vertical_ratio_pct"));
        if (implied < range.poorLow() || implied > range.poorHigh()) {
            out.add(new QualityCheck("step_length_speed", Quality.POOR, String.format(Locale.ROOT, "A cadence of %.0f "
                    + "steps/min at %.2f m/s means steps of %.2f m, which no runner takes: the cadence (or its unit) "
                    + "is wrong.", cadence, v, implied), affected));
            return;
        }
        if (Double.isFinite(measured) && measured > 0 && !derived) {
            double ratio = measured / implied;
            if (Math.abs(ratio - 1) > s.stepLengthAgreementPct() / 100) {
                String why = Math.abs(ratio - 2) < 0.25 ? " (twice: a stride counted as a step, or a cadence in "
                        + "strides/min)" : Math.abs(ratio - 0.5) < 0.1 ? " (half: steps counted twice)" : "";
                out.add(new QualityCheck("step_length_speed", Quality.DOUBTFUL, String.format(Locale.ROOT, "The "
                        + "measured step length, %.2f m, differs by %+.0f %% from speed × step time (%.2f m/s at %.0f "
                        + "steps/min: %.2f m)%s.", measured, 100 * (ratio - 1), v, cadence, implied, why), affected));
                return;
            }
        }
        out.add(QualityCheck.passed("step_length_speed", String.format(Locale.ROOT, "Speed and cadence give steps of "
                + "%.2f m%s.", implied, Double.isFinite(measured) && !derived ? String.format(Locale.ROOT,
                ", as measured (%.2f m)", measured) : "")));
    }

    private void ranges(Session x, List<QualityCheck> out) {
        for (PlausibleRanges.Range rg : PlausibleRanges.of(x.activityWord())) {
            double v = x.r.metric(rg.metric());
            if (!Double.isFinite(v)) {
                continue;
            }
            boolean poor = v < rg.poorLow() || v > rg.poorHigh();
            boolean doubtful = v < rg.low() || v > rg.high();
            String id = "range_" + rg.metric();
            String value = fmt(v, rg.unit());
            if (!doubtful && !poor) {
                out.add(QualityCheck.passed(id, String.format(Locale.ROOT, "%s %s is within %s.",
                        capital(rg.name()), withUnit(value, rg.unit()), range(rg))));
                continue;
            }
            out.add(new QualityCheck(id, poor ? Quality.POOR : Quality.DOUBTFUL, String.format(Locale.ROOT,
                    "%s %s is %s for %s (plausible %s): %s.", capital(rg.name()), withUnit(value, rg.unit()),
                    poor ? "impossible" : "implausible", x.activityWord(), range(rg), rg.ifOutside()),
                    affectedBy(x, rg.metric())));
        }
        if (!x.running() && Double.isFinite(x.r.metric("walking_stance_ms"))
                && Double.isFinite(x.r.metric("walking_cadence_spm"))) {
            double duty = x.r.metric("walking_stance_ms") / (2 * 60000 / x.r.metric("walking_cadence_spm"));
            if (duty < 0.5) {
                out.add(new QualityCheck("walking_duty_factor", Quality.DOUBTFUL, String.format(Locale.ROOT, "Walking "
                        + "stance lasts %.0f %% of the stride: walking keeps a foot on the ground more than half of it, "
                        + "so initial contacts or toe-offs are misplaced.", 100 * duty), x.present(CONTACT_METRICS)));
            }
        }
    }

    private static List<String> affectedBy(Session x, String metric) {
        Set<String> out = new LinkedHashSet<>();
        out.add(metric);
        switch (metric) {
            case "cadence_spm", "walking_cadence_spm" -> out.addAll(x.eventMetrics());
            case "contact_ms", "flight_ms", "duty_factor", "walking_stance_ms" -> out.addAll(x.present(CONTACT_METRICS));
            case "vertical_oscillation_cm", "vertical_oscillation_pct_leg", "step_length_m", "step_length_cm",
                "step_length_pct_leg" -> out.addAll(x.present(List.of("vertical_ratio_pct")));
            default -> {
            }
        }
        return List.copyOf(out);
    }

    private void verticalOscillation(Session x, List<QualityCheck> out) {
        double vo = x.r.metric("vertical_oscillation_cm");
        double flight = x.r.metric("flight_ms");
        if (!x.running() || !Double.isFinite(vo) || !(flight > 0)) {
            return;
        }
        double t = flight / 1000;
        double minCm = 100 * G * t * t / 8;
        if (vo >= minCm) {
            out.add(QualityCheck.passed("vertical_oscillation_flight", String.format(Locale.ROOT, "A vertical "
                    + "oscillation of %.1f cm exceeds the %.1f cm that %.0f ms of flight alone lift the body.", vo, minCm,
                    flight)));
            return;
        }
        out.add(new QualityCheck("vertical_oscillation_flight", Quality.DOUBTFUL, String.format(Locale.ROOT, "A flight "
                + "of %.0f ms lifts the body at least %.1f cm (g t²/8), yet the vertical oscillation is %.1f cm: one of "
                + "them is wrong (a unit, or the flight time).", flight, minCm, vo),
                x.present(List.of("vertical_oscillation_cm", "vertical_ratio_pct", "flight_ms"))));
    }

    /**
     * The vertical oscillation against what a spring-mass runner with the session's own contact time and cadence
     * shows ({@link #springMassOscillationCm}; Morin et al. 2005, J Appl Biomech 21:167-180).
     */
    private void verticalOscillationSpringMass(Session x, List<QualityCheck> out) {
        double vo = x.r.metric("vertical_oscillation_cm");
        double cadence = x.r.metric("cadence_spm");
        double contact = x.r.metric("contact_ms");
        if (!x.running() || !(vo > 0) || !(cadence > 0) || !(contact > 0)) {
            return;
        }
        double modelCm = springMassOscillationCm(cadence, contact);
        if (!Double.isFinite(modelCm)) {
            return; // no flight: the duty factor check says so
        }
        double ratio = vo / modelCm;
        double[] band = s.springMassOscillationRatio();
        String model = String.format(Locale.ROOT, "the %.1f cm that a spring-mass runner with %.0f ms of contact at %.0f "
                + "steps/min rises and falls (Morin et al. 2005)", modelCm, contact, cadence);
        if (ratio >= band[0] && ratio <= band[1]) {
            out.add(QualityCheck.passed("vertical_oscillation_spring_mass", String.format(Locale.ROOT, "The vertical "
                    + "oscillation, %.1f cm, is %.0f %% of %s.", vo, 100 * ratio, model)));
            return;
        }
        // an oscillation outside its own physical range is the one that is wrong; else either may be
        boolean oscillationImplausible = out.stream().anyMatch(c -> c.failed()
                && (c.id().equals("range_vertical_oscillation_cm") || c.id().equals("vertical_oscillation_flight")));
        List<String> oscillation = List.of("vertical_oscillation_cm", "vertical_oscillation_pct_leg",
                "vertical_ratio_pct");
        List<String> affected = new ArrayList<>(oscillation);
        if (!oscillationImplausible) {
            affected.addAll(List.of("contact_ms", "contact_ms_median", "flight_ms", "duty_factor"));
        }
        out.add(new QualityCheck("vertical_oscillation_spring_mass", Quality.DOUBTFUL, String.format(Locale.ROOT,
                "The vertical oscillation, %.1f cm, is %.0f %% of %s, outside %.0f-%.0f %%: %s.", vo, 100 * ratio,
                model, 100 * band[0], 100 * band[1], oscillationImplausible ? "the oscillation is wrong"
                        : "the oscillation (a unit, a landmark, the perspective) or the contact time is wrong"),
                x.present(affected)));
    }

    /**
     * The rise and fall of a spring-mass runner's centre of mass over one step (cm): Morin et al. 2005's half-sine
     * vertical force, peak {@code m g (π/2)(t_f/t_c + 1)}, lowers it by {@code F t_c²/(m π²) − g t_c²/8} during
     * the contact, and the flight lifts it by {@code g t_f²/8}. {@code NaN} when the contact lasts longer than the
     * step (no flight).
     *
     * @param cadenceSpm steps per minute
     * @param contactMs  contact time of one step (ms)
     */
    static double springMassOscillationCm(double cadenceSpm, double contactMs) {
        double tc = contactMs / 1000;
        double tf = 60 / cadenceSpm - tc;
        if (!(tc > 0) || !(tf >= 0)) {
            return Double.NaN;
        }
        double peakG = Math.PI / 2 * (tf / tc + 1);
        return 100 * (peakG * G * tc * tc / (Math.PI * Math.PI) - G * tc * tc / 8 + G * tf * tf / 8);
    }

    private void verticalRatio(Session x, List<QualityCheck> out) {
        double vo = x.r.metric("vertical_oscillation_cm");
        double step = x.r.metric("step_length_m");
        double ratio = x.r.metric("vertical_ratio_pct");
        boolean derived = x.r.decisions().stream().anyMatch(d -> d.key().equals("vertical_ratio_source"));
        if (derived || !Double.isFinite(vo) || !Double.isFinite(step) || !Double.isFinite(ratio) || step <= 0) {
            return;
        }
        double implied = vo / step;
        if (Math.abs(ratio / implied - 1) <= 0.2) {
            out.add(QualityCheck.passed("vertical_ratio_consistency", String.format(Locale.ROOT, "The device's vertical "
                    + "ratio %.1f %% matches its oscillation over step length (%.1f %%).", ratio, implied)));
            return;
        }
        out.add(new QualityCheck("vertical_ratio_consistency", Quality.DOUBTFUL, String.format(Locale.ROOT, "The "
                + "device's vertical ratio, %.1f %%, does not match its vertical oscillation over its step length "
                + "(%.1f cm / %.2f m = %.1f %%): one of them was read in a wrong unit.", ratio, vo, step, implied),
                x.present(List.of("vertical_oscillation_cm", "vertical_ratio_pct"))));
    }

    // ---------------------------------------------------------------- wording

    private static String withUnit(String value, String unit) {
        return unit.equals("fraction") ? value : value + " " + unit;
    }

    private static String range(PlausibleRanges.Range rg) {
        return withUnit(fmt(rg.low(), rg.unit()) + "–" + fmt(rg.high(), rg.unit()), rg.unit());
    }

    private static String fmt(double v, String unit) {
        int d = switch (unit) {
            case "steps/min", "ms" -> 0;
            case "fraction", "m" -> 2;
            default -> 1;
        };
        return String.format(Locale.ROOT, "%." + d + "f", v);
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
