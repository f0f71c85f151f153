package org.gaitform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.pose.PoseReadOptions;
import org.gaitform.model.Decision;
import org.gaitform.model.Keypoint;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.simulate.EstimatorFaults;
import org.gaitform.simulate.PinholeCamera;
import org.gaitform.simulate.PoseRunnerSimulator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The left–right switch correction ({@link org.gaitform.io.pose.LeftRightSwitchCorrection}) over random simulated
 * runners (seeded, {@link PoseStrikePropertyTest#runner}) filmed from behind while moving away, from the front while
 * coming closer, and from the side on a treadmill, with the faults of a pose estimator injected
 * ({@link EstimatorFaults#typical}: whole-leg switches and switches of the lower leg, the ankles, the feet or one
 * keypoint for runs of 1–10 frames, dropped keypoints, 1 px jitter). Truth: the exact image points, and the same
 * runner's analysis from keypoints with the jitter only (the clean case).
 */
class LeftRightSwitchPropertyTest {
    @TempDir
    Path dir;

    private static final List<String> LEG = List.of("Hip", "Knee", "Ankle", "Heel", "BigToe");

    private static PoseReadOptions options(Optional<Double> fps, Optional<Boolean> correction) {
        return new PoseReadOptions(fps, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), correction);
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static PoseRecording read(Path f, double fps, Optional<Boolean> correction) {
        return (PoseRecording) new InputReaders().read(f, f.getFileName().toString(), new ReadOptions(
                ImuReadOptions.DEFAULTS, options(Optional.of(fps), correction)));
    }

    private static SessionResult analyse(Path f, double fps, Optional<Boolean> correction) {
        return new SessionPipeline(new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS,
                options(Optional.of(fps), correction)), GuidelineTable.builtIn())).analyse(f, f.getFileName().toString(),
                "s");
    }

    /**
     * Share of frames whose leg keypoints (those present in both) all lie within {@code tolPx} of the exact points,
     * among the frames with at least one leg keypoint present.
     */
    private static double agreement(PoseRecording rec, List<String> names, double[][][] exact, double tolPx) {
        int frames = 0;
        int right = 0;
        for (int t = 0; t < exact.length; t++) {
            boolean any = false;
            boolean ok = true;
            for (String side : List.of("L", "R")) {
                for (String p : LEG) {
                    int j = names.indexOf(side + p);
                    Keypoint k = rec.keypoint(side + p).orElseThrow();
                    if (Double.isNaN(k.x()[t])) {
                        continue;
                    }
                    any = true;
                    ok &= Math.hypot(k.x()[t] - exact[t][j][0], k.y()[t] - exact[t][j][1]) <= tolPx;
                }
            }
            if (any) {
                frames++;
                right += ok ? 1 : 0;
            }
        }
        return right / (double) frames;
    }

    private static int switchedFrames(PoseRecording rec) {
        return rec.decisions().stream().filter(d -> d.key().equals("lr_switched_frames")).map(Decision::value)
                .map(v -> Integer.parseInt(v.substring(0, v.indexOf(' ')))).findFirst().orElse(-1);
    }

    /** {matched share, mean |IC error| s} against the simulator's contacts; sides of matched steps must be right. */
    private static double[] contacts(PoseRunnerSimulator r, SessionResult res, double matchS) {
        int truths = 0;
        int matched = 0;
        double sum = 0;
        for (double[] c : PoseStrikePropertyTest.interiorContacts(r)) {
            truths++;
            Optional<Step> best = res.steps().stream().min((a, b) -> Double.compare(Math.abs(a.icS() - c[0]),
                    Math.abs(b.icS() - c[0])));
            if (best.isEmpty() || Math.abs(best.get().icS() - c[0]) > matchS) {
                continue;
            }
            assertThat(best.get().side()).as("side of the contact at %.2f s", c[0])
                    .isEqualTo(c[1] == 0 ? Side.LEFT : Side.RIGHT);
            matched++;
            sum += Math.abs(best.get().icS() - c[0]);
        }
        return new double[] {matched / (double) truths, sum / Math.max(1, matched)};
    }

    /** Share of the simulator's contacts found with the right side within matchS, for an analysis that may be wrong. */
    private static double contactsNoSide(PoseRunnerSimulator r, SessionResult res, double matchS) {
        int truths = 0;
        int right = 0;
        for (double[] c : PoseStrikePropertyTest.interiorContacts(r)) {
            truths++;
            Side side = c[1] == 0 ? Side.LEFT : Side.RIGHT;
            right += res.steps().stream().anyMatch(s -> s.side() == side && Math.abs(s.icS() - c[0]) <= matchS) ? 1 : 0;
        }
        return right / (double) truths;
    }

    /** Per-step |difference| of a value between two analyses, steps matched by side and IC within 60 ms: {mean, n}. */
    private static double[] perStep(SessionResult a, SessionResult b, String key) {
        double sum = 0;
        int n = 0;
        for (Step s : a.steps()) {
            Optional<Step> m = b.steps().stream().filter(x -> x.side() == s.side() && Math.abs(x.icS() - s.icS()) <= 0.06)
                    .findFirst();
            Double va = s.extras().get(key);
            if (m.isEmpty() || va == null || m.get().extras().get(key) == null) {
                continue;
            }
            sum += Math.abs(va - m.get().extras().get(key));
            n++;
        }
        return new double[] {n == 0 ? Double.NaN : sum / n, n};
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52})
    void switchesInjectedAreUndone(long seed) throws IOException {
        Random rnd = new Random(seed);
        double fps = seed % 2 == 0 ? 60 : 30;
        PoseRunnerSimulator r = PoseStrikePropertyTest.runner(seed, fps, 8);
        int view = (int) (seed % 3);
        PinholeCamera cam;
        double travel;
        if (view == 0) {
            cam = new PinholeCamera(PinholeCamera.Placement.BEHIND, 3 + 2 * rnd.nextDouble(), 0.8 + 0.6 * rnd.nextDouble(),
                    1400, 1920, 1080);
            travel = r.beltMps();
        } else if (view == 1) {
            cam = new PinholeCamera(PinholeCamera.Placement.AHEAD, r.beltMps() * r.seconds() + 4 + 3 * rnd.nextDouble(),
                    0.8 + 0.6 * rnd.nextDouble(), 1400, 1920, 1080);
            travel = r.beltMps();
        } else {
            cam = new PinholeCamera(PinholeCamera.Placement.SIDE, 4 + 2 * rnd.nextDouble(), 0.8 + 0.4 * rnd.nextDouble(),
                    1400, 1920, 1080);
            travel = 0;
        }
        List<String> names = r.cameraPointNames();
        double[][][] exact = r.cameraPoints(cam, travel);
        // the jitter of PoseStrikePropertyTest's frontal case (its tolerances are the clean case's), more from the side
        double jitter = view == 2 ? 1.5 : 0.5;
        EstimatorFaults.Faulty plain = EstimatorFaults.jitterOnly(jitter, seed).apply(names, exact, fps);
        EstimatorFaults faults = new EstimatorFaults(0.5, 0.5, 10, 0.03, 0.2, jitter, seed);
        EstimatorFaults.Faulty faulty = faults.apply(names, exact, fps);
        Path cleanFile = write("clean_keypoints.csv", PoseRunnerSimulator.keypointCsv(names, plain.xy(), plain.confidence()));
        Path faultyFile = write("faulty_keypoints.csv", PoseRunnerSimulator.keypointCsv(names, faulty.xy(),
                faulty.confidence()));

        // keypoints: the corrected points are the exact ones (within the jitter) on most frames
        double tol = 5 * jitter + 1;
        PoseRecording cleanAsRead = read(cleanFile, fps, Optional.of(false));
        PoseRecording cleanRead = read(cleanFile, fps, Optional.empty());
        PoseRecording asRead = read(faultyFile, fps, Optional.of(false));
        PoseRecording corrected = read(faultyFile, fps, Optional.empty());
        double before = agreement(asRead, names, exact, tol);
        double after = agreement(corrected, names, exact, tol);
        int found = switchedFrames(corrected);

        // the analysis: the truth (the same runner's 3D markers), the clean case, the corrected faulty case, and the
        // faulty case as read
        SessionResult truth = new SessionPipeline(new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS,
                options(Optional.empty(), Optional.empty())), GuidelineTable.builtIn()))
                .analyse(write("markers.txt", r.markerTable()), "markers.txt", "s");
        SessionResult clean = analyse(cleanFile, fps, Optional.empty());
        SessionResult fixed = analyse(faultyFile, fps, Optional.empty());
        double match = view == 2 ? 2.0 / fps : 0.06;
        String uncorrected;
        try {
            SessionResult u = analyse(faultyFile, fps, Optional.of(false));
            uncorrected = String.format(Locale.ROOT, "%d steps, %.0f %% of the contacts found with the right side, "
                    + "pelvic drop %.1f, FPPA %.1f deg", u.steps().size(), 100 * contactsNoSide(r, u, match),
                    u.metric("pelvic_drop_deg_mean"), u.metric("knee_fppa_deg_mean"));
        } catch (org.gaitform.model.GaitformException e) {
            uncorrected = "not analysable: " + e.getMessage();
        }
        double[] cClean = contacts(r, clean, match);
        double[] cFixed = contacts(r, fixed, match);
        double[] fppaClean = perStep(clean, truth, "knee_fppa_deg");
        double[] fppaFixed = perStep(fixed, truth, "knee_fppa_deg");
        double[] dropClean = perStep(clean, truth, "pelvic_drop_deg");
        double[] dropFixed = perStep(fixed, truth, "pelvic_drop_deg");
        double[] flex = perStep(fixed, clean, "knee_flexion_ic_deg");
        System.out.printf(Locale.ROOT, "seed %2d %-6s %2.0f fps, jitter %.1f px: injected %d leg + %d part switch runs "
                        + "(%d frames), exchanged %d (clean recording: %d); leg keypoints right in %.1f %% of frames as "
                        + "read, %.1f %% corrected; contacts clean %.0f %% (|IC| %.0f ms), corrected %.0f %% (|IC| %.0f "
                        + "ms)%s; uncorrected: %s%n",
                seed, cam.placement(), fps, jitter, faulty.legRuns(), faulty.partRuns(), faulty.switchedFrames(), found,
                switchedFrames(cleanRead), 100 * before, 100 * after, 100 * cClean[0], 1000 * cClean[1],
                100 * cFixed[0], 1000 * cFixed[1], view == 2 ? String.format(Locale.ROOT, "; knee flexion per step "
                        + "|corrected - clean| %.2f deg (%d steps)", flex[0], (int) flex[1])
                        : String.format(Locale.ROOT, "; per step against the markers, clean / corrected: FPPA %.2f / "
                        + "%.2f deg, pelvic drop %.2f / %.2f deg (%d / %d steps); session pelvic drop %.1f / %.1f "
                        + "(markers %.1f), FPPA %.1f / %.1f (markers %.1f) deg", fppaClean[0], fppaFixed[0], dropClean[0],
                        dropFixed[0], (int) fppaClean[1], (int) fppaFixed[1], clean.metric("pelvic_drop_deg_mean"),
                        fixed.metric("pelvic_drop_deg_mean"), truth.metric("pelvic_drop_deg_mean"),
                        clean.metric("knee_fppa_deg_mean"), fixed.metric("knee_fppa_deg_mean"),
                        truth.metric("knee_fppa_deg_mean")), uncorrected);

        // a recording without switches is left as it is (at most a few frames of points that are near each other, the
        // hips or shoulders in a side view), and no worse
        assertThat(switchedFrames(cleanRead)).as("frames exchanged in the clean recording")
                .isLessThanOrEqualTo(exact.length / 100);
        assertThat(agreement(cleanRead, names, exact, tol)).isGreaterThanOrEqualTo(agreement(cleanAsRead, names, exact,
                tol));
        assertThat(after).as("share of frames whose leg keypoints are right after the correction")
                .isGreaterThanOrEqualTo(0.97);
        assertThat(after).isGreaterThan(before);
        assertThat(fixed.warnings()).anyMatch(w -> w.startsWith("the pose estimator exchanged left and right keypoints"));
        // the analysis comes back within the tolerances the clean case meets (PoseStrikePropertyTest: contacts, pelvic
        // drop within 2.5 deg and FPPA within 3 deg of the markers), or within what the clean case itself reaches
        if (view == 2) {
            assertThat(cFixed[0]).as("contacts found").isGreaterThanOrEqualTo(Math.min(0.85, cClean[0]));
            assertThat(cFixed[1]).as("mean |IC error| (s)").isLessThanOrEqualTo(Math.max(1.0 / fps, cClean[1]));
            // the dropped keypoints (interpolated) move the knee angle at contact by a few degrees at 30 fps
            assertThat(flex[0]).as("per-step knee flexion |corrected - clean| (deg)").isLessThanOrEqualTo(4.0);
        } else {
            // the clean frontal case: contacts where the foot comes to rest in the image (FrontalStop)
            assertThat(cClean[0]).as("clean contacts within 60 ms").isGreaterThanOrEqualTo(0.95);
            assertThat(cClean[1]).as("clean mean |IC error| (s)").isLessThanOrEqualTo(0.040);
            assertThat(cFixed[0]).as("contacts found within 60 ms").isGreaterThanOrEqualTo(cClean[0] - 0.06);
            assertThat(cFixed[1]).as("mean |IC error| (s)").isLessThanOrEqualTo(Math.max(0.040, cClean[1] + 0.01));
            double dropTruth = truth.metric("pelvic_drop_deg_mean");
            double fppaTruth = truth.metric("knee_fppa_deg_mean");
            assertThat(Math.abs(fixed.metric("pelvic_drop_deg_mean") - dropTruth)).as("session pelvic drop error (deg)")
                    .isLessThanOrEqualTo(Math.max(2.5, Math.abs(clean.metric("pelvic_drop_deg_mean") - dropTruth) + 1.0));
            assertThat(Math.abs(fixed.metric("knee_fppa_deg_mean") - fppaTruth)).as("session FPPA error (deg)")
                    .isLessThanOrEqualTo(Math.max(3.0, Math.abs(clean.metric("knee_fppa_deg_mean") - fppaTruth) + 1.0));
            assertThat(fppaFixed[0]).as("per-step FPPA error (deg)").isLessThanOrEqualTo(fppaClean[0] + 1.0);
            assertThat(dropFixed[0]).as("per-step pelvic drop error (deg)").isLessThanOrEqualTo(dropClean[0] + 1.0);
        }
    }

    /**
     * What a real rear-view clip can do to the keypoints: many frames below the confidence threshold, the feet out of
     * the picture for part of the clip, the runner small and jittery far from the camera, or switches in most frames.
     * Each gives numbers with a quality verdict that says what is wrong, or a clear reason why nothing is analysed;
     * never a "good" verdict on values far from the markers.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"low confidence", "feet out of the picture", "far and small", "switches everywhere"})
    void hardRearViewsGiveNumbersWithAVerdictOrAReason(String what) throws IOException {
        PoseRunnerSimulator r = PoseStrikePropertyTest.runner(61, 30, 8);
        boolean far = what.equals("far and small");
        PinholeCamera cam = new PinholeCamera(far ? PinholeCamera.Placement.AHEAD : PinholeCamera.Placement.BEHIND,
                far ? r.beltMps() * r.seconds() + 30 : 4, 1.0, 1400, 1920, 1080);
        List<String> names = r.cameraPointNames();
        double[][][] exact = r.cameraPoints(cam, r.beltMps());
        EstimatorFaults faults = switch (what) {
            case "low confidence" -> new EstimatorFaults(0.5, 0.5, 10, 0.35, 1.0, 1, 61);
            case "far and small" -> new EstimatorFaults(0.5, 0.5, 10, 0.03, 0.2, 2, 61);
            case "switches everywhere" -> new EstimatorFaults(4, 4, 10, 0.03, 0.2, 1, 61);
            default -> EstimatorFaults.typical(61);
        };
        EstimatorFaults.Faulty f = faults.apply(names, exact, 30);
        if (what.equals("feet out of the picture")) {
            // the camera tilted up: the feet leave the bottom of the picture in the first half of the clip
            for (int t = 0; t < exact.length / 2; t++) {
                for (String p : List.of("Ankle", "Heel", "BigToe")) {
                    f.confidence()[t][names.indexOf("L" + p)] = 0;
                    f.confidence()[t][names.indexOf("R" + p)] = 0;
                }
            }
        }
        Path file = write("hard_keypoints.csv", PoseRunnerSimulator.keypointCsv(names, f.xy(), f.confidence()));
        SessionResult truth = new SessionPipeline(new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS,
                options(Optional.empty(), Optional.empty())), GuidelineTable.builtIn()))
                .analyse(write("markers.txt", r.markerTable()), "markers.txt", "s");
        SessionResult res;
        try {
            res = analyse(file, 30, Optional.empty());
        } catch (org.gaitform.model.GaitformException e) {
            System.out.printf(Locale.ROOT, "%s: not analysed: %s%n", what, e.getMessage());
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        double dropErr = Math.abs(res.metric("pelvic_drop_deg_mean") - truth.metric("pelvic_drop_deg_mean"));
        double fppaErr = Math.abs(res.metric("knee_fppa_deg_mean") - truth.metric("knee_fppa_deg_mean"));
        double cadenceErr = Math.abs(res.metric("cadence_spm") - r.cadenceSpm());
        System.out.printf(Locale.ROOT, "%s: %d steps, cadence %.1f (simulated %.1f), pelvic drop %.1f (markers %.1f), "
                        + "FPPA %.1f (markers %.1f) deg; quality %s: %s%n", what, res.steps().size(),
                res.metric("cadence_spm"), r.cadenceSpm(), res.metric("pelvic_drop_deg_mean"),
                truth.metric("pelvic_drop_deg_mean"), res.metric("knee_fppa_deg_mean"),
                truth.metric("knee_fppa_deg_mean"), res.quality().verdict().label(), res.quality().reasons());
        boolean wrong = !(dropErr <= 2.5) || !(fppaErr <= 3.0) || !(cadenceErr <= 2.0);
        if (wrong) {
            assertThat(res.quality().verdict()).as("verdict on wrong numbers").isNotEqualTo(
                    org.gaitform.model.Quality.GOOD);
        }
        if (what.equals("low confidence") || what.equals("feet out of the picture")) {
            assertThat(res.quality().reasons()).anyMatch(s -> s.startsWith("A leg keypoint"));
        }
        if (what.equals("switches everywhere")) {
            assertThat(res.quality().reasons()).anyMatch(s -> s.startsWith("The pose estimator exchanged"));
        }
    }
}
