package org.gaitform.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gaitform.model.Bout;
import org.gaitform.signal.Vec3;

/**
 * The example sessions of {@code sample-data/}: three trunk-IMU recordings in three export styles, a pair of foot
 * IMUs, and two videos' keypoints (a side view and a rear view of a treadmill runner), each with its ground truth
 * ({@code <name>.truth.csv}: one row per running step; for the trunk sessions {@code <name>.truth.json}: the plan and
 * the bouts), and a README saying how they were made. Deterministic: the same seed writes the same bytes.
 */
public final class SampleSessions {
    /** Default seed. */
    public static final long DEFAULT_SEED = 20260101L;

    /** The export styles of the sample files. */
    enum Style {
        /** Comma-separated, seconds, accelerations in g and gyroscope in deg/s, units in the headers. */
        PLAIN,
        /** phyphox-like: semicolons, decimal commas, milliseconds, m/s² and rad/s named in the headers. */
        EUROPEAN,
        /** Already aligned to vertical / forward / right, in g, no units in the headers. */
        ALIGNED
    }

    /**
     * One sample session.
     *
     * @param name    file stem
     * @param what    one line for the README
     * @param runner  runner profile
     * @param rateHz  sampling rate
     * @param t0S     first time stamp (s)
     * @param plan    segments
     * @param style   export style
     * @param forward body forward in sensor axes
     * @param up      body up in sensor axes
     */
    record Spec(String name, String what, RunnerProfile runner, double rateHz, double t0S, List<Segment> plan,
                Style style, Vec3 forward, Vec3 up) {
    }

    /** The bilateral foot-IMU sample session: its file stem, rate and plan. */
    static final String FEET_NAME = "two_feet_walk_run";
    static final double FEET_RATE_HZ = 100;
    static final List<FootImuSimulator.Part> FEET_PLAN = List.of(
            new FootImuSimulator.Part(org.gaitform.model.Activity.STANDING, 2, 0),
            new FootImuSimulator.Part(org.gaitform.model.Activity.WALKING, 10, 0),
            new FootImuSimulator.Part(org.gaitform.model.Activity.RUNNING, 15, 3.0),
            new FootImuSimulator.Part(org.gaitform.model.Activity.RUNNING, 10, 3.8),
            new FootImuSimulator.Part(org.gaitform.model.Activity.STANDING, 2, 0));
    /** File stem of the video-keypoint sample. */
    static final String POSE_SAMPLE_NAME = "video_side_openpose_30fps";
    /** The video-keypoint sample: a rearfoot striker on a treadmill at 3 m/s filmed from the right at 30 fps. */
    static final PoseRunnerSimulator POSE_SAMPLE = new PoseRunnerSimulator(30, 10, 164, 0.27, 3.0, 6.0, 0.24, 14, 6,
            0.03, false);
    /** Image scale of the sample (pixels per metre). */
    static final double POSE_SAMPLE_PX_PER_M = 550;
    /** File stem of the rear-view video-keypoint sample. */
    static final String REAR_SAMPLE_NAME = "video_rear_treadmill_60fps";
    /**
     * The rear-view sample: a rearfoot striker on a treadmill at 3 m/s, 60 fps, whose opposite hip drops by 8° at
     * mid-stance and whose stance knee moves 5 cm inwards, the two frontal-plane findings a physiotherapist films a
     * treadmill runner from behind for.
     */
    public static final PoseRunnerSimulator REAR_SAMPLE = new PoseRunnerSimulator(60, 12, 168, 0.26, 3.0, 6, 0.15, 14,
            8, 0.05, false);
    /** The rear-view sample's camera: a phone on a tripod 3 m behind the runner, lens 0.9 m high, 1080p landscape. */
    static final PinholeCamera REAR_SAMPLE_CAMERA = new PinholeCamera(PinholeCamera.Placement.BEHIND, 3.0, 0.9, 1500,
            1920, 1080);
    /** Keypoint jitter of the rear-view sample (pixels, standard deviation). */
    static final double REAR_SAMPLE_JITTER_PX = 1.0;

    private SampleSessions() {
    }

    /** The three sample sessions. */
    static List<Spec> specs() {
        return List.of(
                new Spec("sacrum_heelstrike_100hz",
                        "rearfoot striker, sensor on the sacrum tilted 12°, raw 6-axis CSV (s, g, deg/s); standing, "
                                + "walking warm-up, running at 2.8, 3.6 and 4.2 m/s, walking, standing",
                        new RunnerProfile(RunnerProfile.Strike.REARFOOT, 0, 1.0), 100, 0,
                        List.of(Segment.stand(3), Segment.walk(15, 1.4), Segment.run(25, 2.8), Segment.run(25, 3.6),
                                Segment.run(12, 4.2), Segment.walk(8, 1.3), Segment.stand(3)),
                        Style.PLAIN, new Vec3(0.2, 0.98, 0.0), new Vec3(0.1, -0.2, 0.97)),
                new Spec("lowerback_forefoot_phone_eu",
                        "forefoot striker with a low cadence, phone on a lower-back belt, phyphox-style export "
                                + "(semicolons, decimal commas, ms, m/s², rad/s); walking, running at 2.6 and 3.0 m/s",
                        new RunnerProfile(RunnerProfile.Strike.FOREFOOT, -20, 1.05), 100, 12.5,
                        List.of(Segment.stand(2), Segment.walk(12, 1.3), Segment.run(30, 2.6), Segment.run(25, 3.0),
                                Segment.walk(6, 1.2)),
                        Style.EUROPEAN, new Vec3(0, 0, -1), new Vec3(0.05, 1, 0)),
                new Spec("chest_midfoot_hills_aligned",
                        "midfoot striker, chest strap, export already aligned to vertical / forward / right (g); "
                                + "running on the flat, up a 6 % hill and down it",
                        new RunnerProfile(RunnerProfile.Strike.MIDFOOT, 4, 0.95), 200, 0,
                        List.of(Segment.stand(2), Segment.run(15, 3.4), Segment.run(15, 3.0, 6), Segment.run(15, 3.6, -6),
                                Segment.stand(2)),
                        Style.ALIGNED, new Vec3(1, 0, 0), new Vec3(0, 0, 1)));
    }

    /**
     * Writes the sample sessions, their truth and a README into a folder.
     *
     * @return the files written
     */
    public static List<Path> write(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        int k = 0;
        for (Spec s : specs()) {
            TrunkImuSimulator sim = new TrunkImuSimulator(s.runner(), s.rateHz(), seed + 1000L * k++, s.forward(), s.up());
            SimulatedSession session = sim.simulate(s.plan(), s.t0S());
            Path data = dir.resolve(s.name() + ".csv");
            Files.writeString(data, csv(session, s.style()), StandardCharsets.UTF_8);
            Path truth = dir.resolve(s.name() + ".truth.csv");
            Files.writeString(truth, truthCsv(session), StandardCharsets.UTF_8);
            Path json = dir.resolve(s.name() + ".truth.json");
            Files.writeString(json, truthJson(s, session, seed), StandardCharsets.UTF_8);
            out.add(data);
            out.add(truth);
            out.add(json);
        }
        FootImuSimulator.Session feet = new FootImuSimulator(FEET_RATE_HZ, seed + 7000L).simulate(FEET_PLAN);
        Path feetData = dir.resolve(FEET_NAME + ".csv");
        Files.writeString(feetData, FootImuSimulator.csv(feet), StandardCharsets.UTF_8);
        Path feetTruth = dir.resolve(FEET_NAME + ".truth.csv");
        Files.writeString(feetTruth, FootImuSimulator.truthCsv(feet), StandardCharsets.UTF_8);
        out.add(feetData);
        out.add(feetTruth);
        Path keypoints = dir.resolve(POSE_SAMPLE_NAME + ".csv");
        Files.writeString(keypoints, POSE_SAMPLE.keypointTable(false, POSE_SAMPLE_PX_PER_M, 1.5, seed), StandardCharsets.UTF_8);
        Path poseTruth = dir.resolve(POSE_SAMPLE_NAME + ".truth.csv");
        Files.writeString(poseTruth, POSE_SAMPLE.truthCsv(), StandardCharsets.UTF_8);
        out.add(keypoints);
        out.add(poseTruth);
        Path rear = dir.resolve(REAR_SAMPLE_NAME + ".csv");
        Files.writeString(rear, REAR_SAMPLE.cameraKeypointTable(REAR_SAMPLE_CAMERA, 0, REAR_SAMPLE_JITTER_PX,
                seed + 9000L, true), StandardCharsets.UTF_8);
        Path rearTruth = dir.resolve(REAR_SAMPLE_NAME + ".truth.csv");
        Files.writeString(rearTruth, REAR_SAMPLE.truthCsv(), StandardCharsets.UTF_8);
        out.add(rear);
        out.add(rearTruth);
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, readme(seed), StandardCharsets.UTF_8);
        out.add(readme);
        return out;
    }

    static String csv(SimulatedSession s, Style style) {
        StringBuilder sb = new StringBuilder(s.timeS().length * 70);
        double[] t = s.timeS();
        switch (style) {
            case PLAIN -> {
                sb.append("time_s,acc_x_g,acc_y_g,acc_z_g,gyr_x_dps,gyr_y_dps,gyr_z_dps\n");
                for (int i = 0; i < t.length; i++) {
                    sb.append(f(t[i], 3));
                    for (int a = 0; a < 3; a++) {
                        sb.append(',').append(f(s.accG()[a][i], 4));
                    }
                    for (int a = 0; a < 3; a++) {
                        sb.append(',').append(f(s.gyrDps()[a][i], 2));
                    }
                    sb.append('\n');
                }
            }
            case EUROPEAN -> {
                sb.append("\"Time (ms)\";\"Acceleration x (m/s^2)\";\"Acceleration y (m/s^2)\";\"Acceleration z (m/s^2)\";"
                        + "\"Gyroscope x (rad/s)\";\"Gyroscope y (rad/s)\";\"Gyroscope z (rad/s)\"\n");
                for (int i = 0; i < t.length; i++) {
                    sb.append(f(t[i] * 1000, 1).replace('.', ','));
                    for (int a = 0; a < 3; a++) {
                        sb.append(';').append(f(s.accG()[a][i] * 9.80665, 3).replace('.', ','));
                    }
                    for (int a = 0; a < 3; a++) {
                        sb.append(';').append(f(Math.toRadians(s.gyrDps()[a][i]), 4).replace('.', ','));
                    }
                    sb.append('\n');
                }
            }
            case ALIGNED -> {
                sb.append("timestamp,acc_v,acc_ap,acc_ml\n");
                for (int i = 0; i < t.length; i++) {
                    // aligned exports are the sensor signal in body axes: use the body signals plus the same noise level
                    sb.append(f(t[i], 4));
                    double[] noisy = {s.accG()[0][i], s.accG()[1][i], s.accG()[2][i]};
                    sb.append(',').append(f(noisy[2], 4)).append(',').append(f(noisy[0], 4)).append(',')
                            .append(f(-noisy[1], 4));
                    sb.append('\n');
                }
            }
            default -> throw new IllegalStateException();
        }
        return sb.toString();
    }

    static String truthCsv(SimulatedSession s) {
        StringBuilder sb = new StringBuilder("step,side,ic_s,to_s,contact_ms,speed_mps,slope_pct\n");
        int k = 1;
        for (SimulatedSession.TruthStep st : s.steps()) {
            sb.append(k++).append(',').append(st.side().label()).append(',').append(f(st.icS(), 4)).append(',')
                    .append(f(st.toS(), 4)).append(',').append(f((st.toS() - st.icS()) * 1000, 1)).append(',')
                    .append(f(st.speedMps(), 3)).append(',').append(f(st.slopePct(), 1)).append('\n');
        }
        return sb.toString();
    }

    static String truthJson(Spec spec, SimulatedSession s, long seed) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"name\": \"").append(spec.name()).append("\",\n");
        sb.append("  \"description\": \"").append(spec.what()).append("\",\n");
        sb.append("  \"seed\": ").append(seed).append(",\n");
        sb.append("  \"sampling_rate_hz\": ").append(f(spec.rateHz(), 0)).append(",\n");
        sb.append("  \"strike\": \"").append(spec.runner().strike().name().toLowerCase(Locale.ROOT)).append("\",\n");
        sb.append("  \"n_running_steps\": ").append(s.steps().size()).append(",\n");
        double meanStep = (s.steps().get(s.steps().size() - 1).icS() - s.steps().get(0).icS()) / (s.steps().size() - 1);
        sb.append("  \"bouts\": [\n");
        for (int i = 0; i < s.bouts().size(); i++) {
            Bout b = s.bouts().get(i);
            sb.append("    {\"activity\": \"").append(b.activity().label()).append("\", \"start_s\": ")
                    .append(f(b.startS(), 3)).append(", \"end_s\": ").append(f(b.endS(), 3)).append('}')
                    .append(i + 1 < s.bouts().size() ? ",\n" : "\n");
        }
        sb.append("  ],\n");
        sb.append("  \"note\": \"cadence and contact times per step are in the .truth.csv file; mean step time over "
                + "all running bouts including the gaps between them: ").append(f(meanStep, 4)).append(" s\"\n");
        sb.append("}\n");
        return sb.toString();
    }

    static String readme(long seed) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Sample data\n\n");
        sb.append("Simulated sessions made by gaitform itself, with known ground truth. Regenerate them with\n\n");
        sb.append("    ./gaitform simulate --out sample-data --seed ").append(seed).append("\n\n");
        sb.append("(the same seed writes the same bytes; a test checks that these files are exactly what the "
                + "simulator writes).\n\n");
        sb.append("| file | what |\n|---|---|\n");
        for (Spec s : specs()) {
            sb.append("| `").append(s.name()).append(".csv` | ").append(s.what()).append(", ")
                    .append(f(s.rateHz(), 0)).append(" Hz |\n");
        }
        sb.append("| `").append(FEET_NAME).append(".csv` | two foot IMUs (left and right instep) in one file with "
                + "prefixed headers (left_acc_x_g … right_gyr_z_dps); standing, walking, running at 3.0 and 3.8 m/s, "
                + "standing; the placement is not in the name, gaitform finds it from the signal, ")
                .append(f(FEET_RATE_HZ, 0)).append(" Hz |\n");
        sb.append("| `").append(POSE_SAMPLE_NAME).append(".csv` | OpenPose-style 2D keypoints (pixels, image y down, "
                + "confidences) of a rearfoot striker on a treadmill at 3 m/s filmed from the right side: cadence 164 "
                + "steps/min, contact 270 ms, trunk lean 6°, heel 24 cm ahead of the hips at landing, foot angle 14° at "
                + "landing; 1.5 px keypoint jitter; 30 fps, not recorded in the file (as in OpenPose's own output) |\n");
        sb.append("| `").append(REAR_SAMPLE_NAME).append(".csv` | 2D keypoints (pixels, image y down, confidences) of "
                + "a rearfoot striker on a treadmill at 3 m/s filmed from behind, as a physiotherapist films knee "
                + "valgus and pelvic drop: the hip opposite the stance foot drops by 8° at mid-stance and the stance "
                + "knee moves 5 cm inwards; cadence 168 steps/min; a phone 3 m behind at 0.9 m, 1920 × 1080; 1.0 px "
                + "keypoint jitter; 60 fps, with each frame's time in a `time_s` column |\n");
        sb.append("\nNext to each recording: `<name>.truth.csv` lists every running step (side, initial contact and "
                + "toe-off in seconds on the file's own time axis, speed, slope) and `<name>.truth.json` the bouts of "
                + "standing, walking and running. gaitform does not read these as inputs.\n\n");
        sb.append("## Keypoint model (`").append(POSE_SAMPLE_NAME).append(".csv`)\n\n");
        sb.append("A stick figure in body axes (metres), drawn at ").append(f(POSE_SAMPLE_PX_PER_M, 0))
                .append(" px/m: hip midpoint fixed, lowest at mid-stance (8 cm vertical oscillation); the heel on the "
                        + "belt from initial contact to heel-off, moving back at belt speed, the toe on it from foot flat "
                        + "to toe-off; in swing the foot rises and lands at about 1 m/s; knees by two-link inverse "
                        + "kinematics (thigh and shank 0.45 m); trunk 0.5 m at a fixed lean; the opposite hip drops and "
                        + "the stance knee moves 3 cm inwards during stance (seen only from the front). Its truth file "
                        + "lists initial contacts and toe-offs (`step,side,ic_s,to_s`). The threshold method places "
                        + "initial contacts about half a frame early and toe-offs late on this foot model.\n\n");
        sb.append("## Rear view (`").append(REAR_SAMPLE_NAME).append(".csv`)\n\n");
        sb.append("The same stick figure, its hip dropping by 8° and its knee moving 5 cm inwards, filmed by a level "
                + "pinhole camera (focal length 1500 px, 1920 × 1080) 3 m behind the runner with its lens 0.9 m above "
                + "the belt. On a treadmill the belt carries each planted foot back towards the camera, so in the "
                + "picture the foot keeps coming down through its stance; gaitform then times the initial contacts "
                + "from the pelvis's descent, and reports no contact time from this view. The truth file lists the "
                + "initial contacts and toe-offs (`step,side,ic_s,to_s`). The knee valgus angle (frontal-plane "
                + "projection angle) follows from the knee's inward movement and the legs' geometry rather than being "
                + "set, and the pelvic drop measured over a stance is not exactly the 8° set at mid-stance: the same "
                + "runner's 3D points (`PoseRunnerSimulator.markerTable`) analysed by gaitform give the values that the "
                + "rear view is compared with (`PoseSyntheticTest.rearSampleMatchesItsTruthAndTheRunnersOwn3dAngles`)."
                + "\n\n");
        sb.append("## Signal model\n\n");
        sb.append("Body axes (vertical up, forward, right), gravity included:\n\n");
        sb.append("- running contact of duration tc: vertical acceleration A·sin(π·t/tc), plus a landing transient 25 ms "
                + "after contact (rearfoot 1.2 g, midfoot 0.5 g, forefoot none), plus a push-off shoulder that reaches "
                + "0.25 g at toe-off and fades to 0 g 28.4 ms later (back within 0.03 g of free fall 25 ms after "
                + "toe-off, as measured on force-treadmill data), plus a 0.1 g rise over the 40 ms before landing; A "
                + "makes the mean over each step 1 g; free fall (0 g) in flight;\n");
        sb.append("- slopes: downhill the landing transient grows by 10 % per % of slope and is followed 25 ms later by a "
                + "soft-tissue rebound of 0.6 times its size, and the pre-landing rise grows by 0.02 g per %; uphill the "
                + "transient shrinks to nothing at +15 % and the pre-landing rise at +17.6 % (10°), a bump of up to "
                + "0.4 g rises 25 ms before toe-off, and the flight is shorter;\n");
        sb.append("- forward acceleration: a 1.2 g peak 22 ms before landing and an equal braking trough 22 ms after "
                + "it, a propulsion hump late in stance, zero mean;\n");
        sb.append("- medio-lateral: 0.25 g towards the left while the right foot is down, and the reverse;\n");
        sb.append("- cadence 150 + 8·speed steps/min (plus the runner's offset), contact time 0.345 − 0.036·speed s, "
                + "step-to-step variation of 1.2 % and 2.5 %, slope effects, speed changes blended over 3 s;\n");
        sb.append("- walking 1 g ± 0.3 g at ~115 steps/min; standing 1 g;\n");
        sb.append("- the body axes are rotated into tilted sensor axes; white noise 0.01 g and 0.5 deg/s, small "
                + "biases.\n\n");
        sb.append("Foot sensors (`").append(FEET_NAME).append(".csv`; its truth lists every contact of both feet, "
                + "walking and running, with the foot's angle at initial contact): each foot moves as a rigid body and "
                + "the sensors report its specific force and angular velocity in their own axes. Per stride: a heel-first "
                + "landing (22° walking, 15° running) in which the foot turns flat about the heel (130 ms walking, 45 ms "
                + "running) with an impact transient (2.5 g walking, 6 g running), a still, flat foot, a push-off about the "
                + "ball whose fastest rotation comes 5 ms before the toe-off (to −60° walking, −110° running as the knee "
                + "flexes in early swing), and a swing that turns the foot toes-up to its landing angle while it travels "
                + "one stride forward on a minimum-jerk path with a clearance hump, rolling a little; walking strides 1.1 s "
                + "with 62 % contact at 1.25 m/s, running cadence and contact time as above; each sensor on the instep "
                + "tilted by 5–10°; white noise 0.02 g and 1 deg/s and small constant biases. The tests also draw random "
                + "gaits, rates from 50 to 1000 Hz and sensor mountings of any orientation, either foot, with mirrored "
                + "axes (`FootImuSimulator.Gait.random`, `FootImuSimulator.Mounting.random`).\n\n");
        sb.append("These are not recordings of people: use them to try gaitform and to test it. The accuracy on real "
                + "runners is measured on force-plate data (see the project README).\n");
        return sb.toString();
    }

    private static String f(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.startsWith("-") && s.matches("-0[.,]?0*")) {
            s = s.substring(1);
        }
        return s;
    }
}
