package org.gaitform.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.pose.PoseReadOptions;
import org.gaitform.kinematics.BodyFrame;
import org.gaitform.model.Side;
import org.gaitform.model.Quality;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Step;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.quality.QualityChecks;
import org.gaitform.support.ClusterReconstruction;
import org.gaitform.support.KeypointTables;
import org.gaitform.simulate.PinholeCamera;
import org.gaitform.support.MarkerCamera;
import org.gaitform.support.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runner filmed from behind while moving away from the camera, and from the front while coming closer, made from
 * real 3D markers: Fukuchi et al. 2017 (PeerJ 5:e3298) treadmill trials, their knee and ankle markers carried from
 * the standing trial by the shank clusters ({@link ClusterReconstruction}), the treadmill motion turned into
 * overground running at the belt speed, and a pinhole camera at 1 m height (also 0.3 m, a phone on the ground, where
 * the hips sink in the picture as the runner moves away, and 1.6 m, held at eye level) ({@link MarkerCamera}) writing
 * OpenPose-style keypoints at 30 fps with 2 px of jitter. The frontal-plane knee angle (FPPA) and the pelvic drop
 * per step from this video are compared with gaitform's values from the same markers in 3D (the frontal-plane
 * projection, without perspective); the vertical oscillation must be plausible and close to the 3D value, or not
 * reported with a reason.
 */
class FrontalViewAccuracyTest {
    private static final String FUKUCHI = "fukuchi2017-treadmill-markers";
    private static final double FPS = 30;
    private static final double FROM_S = 2;
    private static final double SECONDS = 5;

    @TempDir
    static Path tmp;

    /** The markers with their carried knees and ankles, and gaitform's 3D result on them, per running trial. */
    private record Reference(Path markers, SessionResult result, MarkerCamera.Tracks tracks) {
    }

    private static final Map<String, Reference> REFERENCES = new java.util.concurrent.ConcurrentHashMap<>();

    private static Reference reference(Path dir, String run, String standing) {
        return REFERENCES.computeIfAbsent(run, r -> {
            try {
                Path markers = ClusterReconstruction.withAnatomicalMarkers(dir.resolve(r), dir.resolve(standing),
                        tmp.resolve(r.replace(".txt", "_knees.txt")));
                return new Reference(markers, analyse(markers, Optional.empty()), MarkerCamera.landmarks(markers));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static SessionResult analyse(Path f, Optional<Double> fps) {
        return analyse(f, fps, false);
    }

    private static SessionResult analyse(Path f, Optional<Double> fps, boolean running) {
        return analyse(f, fps, running, Optional.empty());
    }

    /** With {@code --activity running} when {@code running}, and {@code --view} when given. */
    private static SessionResult analyse(Path f, Optional<Double> fps, boolean running, Optional<String> view) {
        PoseReadOptions po = new PoseReadOptions(fps, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), view, Optional.empty(), Optional.empty());
        AnalysisSettings s = new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS, po), GuidelineTable.builtIn());
        return new SessionPipeline(running ? s.withActivity(org.gaitform.model.Activity.RUNNING) : s)
                .analyse(f, f.getFileName().toString(), "s");
    }

    /**
     * One case; {@code activity} is {@code auto} (gaitform decides) or {@code running} ({@code --activity running}).
     * Every row now lets gaitform decide: the slow midfoot runner (RBDS002, 2.5 m/s) used to be taken for a walker
     * here, its feet's contacts overlapping in a 30 fps frontal view, and needed {@code --activity running}; the
     * pelvis's running cadence now decides ({@code PoseAnalysis.RUNNING_MIN_CADENCE_SPM}). Its per-step FPPA keeps
     * the wider limit it had then (5.8° coming closer obliquely).
     */
    @ParameterizedTest(name = "{0} camera {3} {4} m at {7} m height pitched {10} deg ({11}), runner {8} m sideways, jitter {5} "
            + "px, activity {6}: {9}")
    @CsvSource({
        // the runner where the lab recorded it, about 1.5 m to the side of the camera's axis (an oblique view)
        "RBDS0041runT352.txt, RBDS0041static.txt, 3.5, BEHIND, 4, 0, auto, 1.0, lab, ok, 0, landscape",
        "RBDS0041runT352.txt, RBDS0041static.txt, 3.5, BEHIND, 4, 1, auto, 1.0, lab, ok, 0, landscape",
        "RBDS0041runT352.txt, RBDS0041static.txt, 3.5, AHEAD, 22, 1, auto, 1.0, lab, ok, 0, landscape",
        "RBDS0041runT452.txt, RBDS0041static.txt, 4.5, BEHIND, 4, 1, auto, 1.0, lab, ok, 0, landscape",
        "RBDS008runT35markers.txt, RBDS008static.txt, 3.5, BEHIND, 4, 1, auto, 1.0, lab, ok, 0, landscape",
        "RBDS002runT25markers.txt, RBDS002static.txt, 2.5, AHEAD, 16, 1, auto, 1.0, lab, ok, 0, landscape",
        "RBDS0041runT352.txt, RBDS0041static.txt, 3.5, BEHIND, 4, 1, auto, 0.3, lab, ok, 0, landscape",
        "RBDS008runT35markers.txt, RBDS008static.txt, 3.5, BEHIND, 4, 1, auto, 1.6, lab, ok, 0, landscape",
        // the runner on the camera's axis, as a clinic films
        "RBDS0041runT352.txt, RBDS0041static.txt, 3.5, BEHIND, 4, 0, auto, 1.0, 0, ok, 0, landscape",
        "RBDS0041runT452.txt, RBDS0041static.txt, 4.5, BEHIND, 4, 1, auto, 1.0, 0, ok, 0, landscape",
        "RBDS008runT35markers.txt, RBDS008static.txt, 3.5, BEHIND, 4, 1, auto, 1.0, 0, ok, 0, landscape",
        "RBDS0041runT352.txt, RBDS0041static.txt, 3.5, BEHIND, 4, 1, auto, 1.0, 0, ok, 0, landscape",
        "RBDS0041runT352.txt, RBDS0041static.txt, 3.5, AHEAD, 22, 1, auto, 1.0, 0, ok, 0, landscape",
        "RBDS002runT25markers.txt, RBDS002static.txt, 2.5, AHEAD, 16, 1, auto, 1.0, 0, ok, 0, landscape",
        "RBDS0041runT352.txt, RBDS0041static.txt, 3.5, BEHIND, 4, 1, auto, 0.3, 0, ok, 0, landscape",
        "RBDS008runT35markers.txt, RBDS008static.txt, 3.5, BEHIND, 4, 1, auto, 1.6, 0, ok, 0, landscape",
        // a treadmill filmed from behind: the runner stays at one distance, the belt flows through the picture; the
        // feet reach the floor's image height late in stance, so the initial contacts are timed from the pelvis
        // (PelvisDescentContacts, its delay taken from the 3D pelvis markers of Hamner's trials and RBDS001, none of
        // these); the gap left is the knee angle's perspective off the camera's axis (close to the camera it was a gap
        // too while the camera took the knee's lateral marker for the knee, until 2026-12-08)
        "RBDS0041runT352.txt, RBDS0041static.txt, 0, BEHIND, 3, 1, auto, 1.0, 0, ok, 0, landscape",
        "RBDS0041runT452.txt, RBDS0041static.txt, 0, BEHIND, 3, 1, auto, 1.0, 0, ok, 0, landscape",
        "RBDS008runT35markers.txt, RBDS008static.txt, 0, BEHIND, 3, 1, auto, 1.0, 0, ok, 0, landscape",
        "RBDS0041runT352.txt, RBDS0041static.txt, 0, BEHIND, 3, 1, auto, 1.0, 0.5, gap, 0, landscape",
        "RBDS002runT25markers.txt, RBDS002static.txt, 0, BEHIND, 3, 1, auto, 1.0, 0, ok, 0, landscape",
        "RBDS008runT35markers.txt, RBDS008static.txt, 0, BEHIND, 5, 1, auto, 1.6, 0, ok, 0, landscape",
        "RBDS008runT35markers.txt, RBDS008static.txt, 0, BEHIND, 3, 3, auto, 1.0, 0, ok, 0, landscape",
        // ... and from ahead: the belt carries the planted foot away from the camera, up the picture
        "RBDS008runT35markers.txt, RBDS008static.txt, 0, AHEAD, 4, 1, auto, 1.0, 0, ok, 0, landscape",
        "RBDS0041runT452.txt, RBDS0041static.txt, 0, AHEAD, 4, 1, auto, 1.0, 0, ok, 0, landscape",
        // a phone upright on a tripod close behind the treadmill, tilted down to keep the feet in the picture
        "RBDS0041runT352.txt, RBDS0041static.txt, 0, BEHIND, 2.5, 1, auto, 1.0, 0, ok, 10, portrait",
        "RBDS008runT35markers.txt, RBDS008static.txt, 0, BEHIND, 2.5, 1, auto, 1.2, 0, ok, 15, portrait",
        "RBDS0041runT452.txt, RBDS0041static.txt, 0, BEHIND, 2, 1, auto, 1.0, 0, ok, 15, portrait",
        // 3 px of jitter, as OpenPose gives on a 1080p video (3.2-3.6 px on the shared side-view clip's hips): the
        // runner is 35-70 px tall in the trunk from 10 m on, so pelvic drop is left out of every step; the contacts
        // lose steps
        "RBDS0041runT352.txt, RBDS0041static.txt, 3.5, BEHIND, 4, 3, auto, 1.0, 0, ok, 0, landscape",
        "RBDS0041runT452.txt, RBDS0041static.txt, 4.5, BEHIND, 4, 3, auto, 1.0, 0, gap, 0, landscape",
        "RBDS008runT35markers.txt, RBDS008static.txt, 3.5, BEHIND, 4, 3, auto, 1.0, 0, ok, 0, landscape",
        "RBDS002runT25markers.txt, RBDS002static.txt, 2.5, BEHIND, 4, 3, auto, 1.0, 0, ok, 0, landscape",
    })
    void fppaAndPelvicDropFromAMovingRunner(String run, String standing, double speed, String where, double distance,
                                            double jitterPx, String activity, double cameraHeightM, String lateral,
                                            String expect, double pitchDeg, String frame)
            throws IOException {
        Path dir = SharedData.require(FUKUCHI);
        Reference reference = reference(dir, run, standing);
        SessionResult ref = reference.result();
        // a landscape video camera, or a phone held upright (a wider view)
        boolean portrait = frame.equals("portrait");
        PinholeCamera cam = new PinholeCamera(PinholeCamera.Placement.valueOf(where), distance, cameraHeightM,
                portrait ? 1500 : 1400, portrait ? 1080 : 1920, portrait ? 1920 : 1080, pitchDeg);
        Path video = tmp.resolve(run.replace(".txt", "_" + where.toLowerCase(Locale.ROOT) + "_keypoints.csv"));
        MarkerCamera.Tracks tracks = reference.tracks();
        double t0 = tracks.timeS()[0] + FROM_S;
        Files.writeString(video, MarkerCamera.keypointCsv(tracks, cam, FPS, speed, jitterPx, 11, t0, SECONDS,
                lateral.equals("lab") ? Double.NaN : Double.parseDouble(lateral)));
        SessionResult res;
        try {
            res = analyse(video, Optional.of(FPS), activity.equals("running"));
        } catch (org.gaitform.model.GaitformException e) {
            if (!expect.equals("gap")) {
                throw e;
            }
            // KNOWN GAP: refused with a message rather than measured wrongly
            System.out.printf(Locale.ROOT, "%n%s %.1f m/s, camera %s %.1f m at %.1f m height pitched %.0f deg: KNOWN GAP "
                    + "(not analysed): %s%n", run, speed, where, distance, cameraHeightM, pitchDeg, e.getMessage());
            return;
        }

        if (System.getProperty("debugFrontal") != null) {
            res.steps().forEach(s -> System.out.printf(Locale.ROOT, "2D %s %.3f-%.3f %s%n", s.side(), s.icS(), s.toS(), s.extras()));
            ref.steps().stream().filter(s -> s.icS() > t0 - 0.2 && s.icS() < t0 + SECONDS + 0.2).forEach(s -> System.out.printf(
                    Locale.ROOT, "3D %s %.3f-%.3f %s%n", s.side(), s.icS() - t0, s.toS() - t0, s.extras()));
            res.decisions().forEach(System.out::println);
        }
        List<double[]> pairs = new ArrayList<>();
        for (Step s : res.steps()) {
            Step best = ref.steps().stream().min((a, b) -> Double.compare(Math.abs(a.icS() - t0 - s.icS()),
                    Math.abs(b.icS() - t0 - s.icS()))).orElseThrow();
            if (Math.abs(best.icS() - t0 - s.icS()) > 0.06 || best.side() != s.side()) {
                continue;
            }
            pairs.add(new double[] {val(s, "knee_fppa_deg"), val(best, "knee_fppa_deg"), val(s, "pelvic_drop_deg"),
                val(best, "pelvic_drop_deg"), Math.abs(best.icS() - t0 - s.icS())});
        }
        System.out.printf(Locale.ROOT, "%n    IC - nearest 3D IC per step (ms): %s", res.steps().stream().map(st -> {
            double near = ref.steps().stream().filter(r -> r.side() == st.side()).mapToDouble(r -> r.icS() - t0)
                    .reduce(Double.NaN, (x, y) -> Double.isNaN(x) || Math.abs(y - st.icS()) < Math.abs(x - st.icS()) ? y : x);
            return String.format(Locale.ROOT, "%+.0f", 1000 * (st.icS() - near));
        }).collect(java.util.stream.Collectors.joining(" ")));
        double dFppa = meanAbsDiff(pairs, 0);
        double dDrop = meanAbsDiff(pairs, 2);
        double icMs = 1000 * pairs.stream().mapToDouble(p -> p[4]).average().orElse(Double.NaN);
        double vo = res.metric("vertical_oscillation_pct_leg");
        double voRef = ref.metric("vertical_oscillation_pct_leg");
        String voNote = res.warnings().stream().filter(w -> w.startsWith("vertical oscillation")).findFirst().orElse("");
        System.out.printf(Locale.ROOT, "%n%s %.1f m/s, camera %s %.1f m at %.1f m height pitched %.0f deg (%s), runner %s m sideways, %d fps, jitter %.0f px (%s): %d steps (%d matched to 3D, "
                        + "|IC - 3D IC| %.1f ms), FPPA mean |diff| %.2f deg (2D %.1f vs 3D %.1f), pelvic drop mean |diff| %.2f deg (2D %.1f vs 3D "
                        + "%.1f), vertical oscillation %s%n", run, speed, where, distance, cameraHeightM, pitchDeg, frame, lateral, (int) FPS, jitterPx,
                res.decisions().stream().filter(d -> d.key().equals("perspective")).map(d -> d.value()).findFirst()
                        .orElse("no perspective correction"), res.steps().size(), pairs.size(), icMs, dFppa,
                res.metric("knee_fppa_deg_mean"), ref.metric("knee_fppa_deg_mean"), dDrop,
                res.metric("pelvic_drop_deg_mean"), ref.metric("pelvic_drop_deg_mean"), Double.isFinite(vo)
                        ? String.format(Locale.ROOT, "%.1f %% leg (3D %.1f %%)", vo, voRef) : "not reported: " + voNote);
        // what the contacts' durations would say (not reported from a frontal view): the steps' mean against the 3D one
        System.out.printf(Locale.ROOT, "    steps' mean contact %.0f ms against the 3D markers' %.0f ms (not reported)%n",
                res.steps().stream().filter(st -> st.toS() > st.icS()).mapToDouble(Step::contactMs).average()
                        .orElse(Double.NaN), ref.metric("contact_ms"));

        assertThat(res.info().get("view")).isEqualTo("frontal");
        // contact durations are not reported from a frontal view (42 ms short to 47 ms long on these runners moving,
        // 24-55 ms long behind a treadmill, where the initial contacts come from the pelvis)
        assertThat(res.metric("contact_ms")).as("contact time from a frontal view").isNaN();
        assertThat(res.metric("duty_factor")).as("duty factor from a frontal view").isNaN();
        assertThat(res.warnings()).anyMatch(w -> w.startsWith("contact time, flight and duty factor are not reported"));
        assertThat(res.findings()).filteredOn(f -> f.metricKey().equals("contact_ms")).allSatisfy(f ->
                assertThat(f.status()).isEqualTo(org.gaitform.model.FindingStatus.NOT_MEASURABLE));
        double cadenceDiff = Math.abs(res.metric("cadence_spm") - ref.metric("cadence_spm"));
        double fppaMeanDiff = Math.abs(res.metric("knee_fppa_deg_mean") - ref.metric("knee_fppa_deg_mean"));
        int needMatched = (int) Math.ceil(0.9 * res.steps().size());
        double fppaLimit = run.startsWith("RBDS002") ? 7.5 : 5.5;
        // with jitter the drop (the largest value of a noisy angle in stance) reads high far from the camera: the steps
        // whose hip line the keypoints' noise would decide are left out (FrontalAngleNoise), the others must hold
        double dropLimit = jitterPx == 0 ? 1.0 : 2.5;
        boolean dropGiven = pairs.stream().anyMatch(p -> Double.isFinite(p[2]));
        String dropSteps = res.decisions().stream().filter(d -> d.key().equals("pelvic_drop_steps"))
                .map(d -> d.value()).findFirst().orElse("");
        System.out.printf(Locale.ROOT, "    pelvic drop given on %s steps, knee FPPA on %s (keypoint noise %s)%n", dropSteps,
                res.decisions().stream().filter(d -> d.key().equals("knee_fppa_steps")).map(d -> d.value()).findFirst()
                        .orElse("-"), res.decisions().stream().filter(d -> d.key().equals("keypoint_noise"))
                        .map(d -> d.value()).findFirst().orElse("not measured"));
        if (!dropGiven) {
            // left out of every matched step: told, with none or few of the steps kept
            assertThat(dropSteps).as("pelvic drop's steps decision").isNotEmpty();
        }
        if (jitterPx > 0) {
            // the jitter is measured on the recording, within a quarter of what was added; a runner filmed from 3 m is
            // 230 px tall in the trunk, and the markers' own quick motion, which a 5-frame cubic does not follow, adds
            // about 0.8 px
            double measured = res.decisions().stream().filter(d -> d.key().equals("keypoint_noise"))
                    .mapToDouble(d -> Double.parseDouble(d.value().split(" ")[0])).findFirst().orElse(Double.NaN);
            assertThat(measured).as("measured keypoint jitter (px)").isCloseTo(jitterPx,
                    org.assertj.core.api.Assertions.within(0.25 * jitterPx + (speed == 0 ? 0.35 : 0)));
        }
        if (speed == 0) {
            // the ground flows through the picture: found and told, and the initial contacts are timed from the pelvis
            // (PelvisDescentContacts), so the quality check ground_flow passes
            assertThat(res.decisions()).anyMatch(d -> d.key().equals("ground_flow"));
            assertThat(res.decisions()).anyMatch(d -> d.key().equals("initial_contact_from_pelvis"));
            assertThat(res.warnings()).anyMatch(w -> w.startsWith("frontal view of a runner at one distance with the "
                    + "ground moving") && w.contains("pelvis"));
            assertThat(res.quality().checks()).anyMatch(c -> c.id().equals("ground_flow")
                    && c.outcome() == org.gaitform.model.Quality.GOOD);
            // the stance windows: from behind the feet's toe-offs come late, from ahead the pelvis's lowest point
            // gives them (the feet seemed to leave 130-180 ms early): the steps' contacts within 60 ms of the markers'
            double meanContact = res.steps().stream().filter(st -> st.toS() > st.icS()).mapToDouble(Step::contactMs)
                    .average().orElse(Double.NaN);
            assertThat(meanContact).as("steps' mean contact (ms), not reported")
                    .isCloseTo(ref.metric("contact_ms"), org.assertj.core.api.Assertions.within(60.0));
        }
        if (expect.equals("gap")) {
            // KNOWN GAP (docs/pose-input.md): printed with what misses; this fails once every limit below is met, so
            // that the row is marked ok and the docs are updated
            List<String> misses = new ArrayList<>();
            if (cadenceDiff > 2.5) {
                misses.add(String.format(Locale.ROOT, "cadence %.1f steps/min off", cadenceDiff));
            }
            if (pairs.size() < needMatched) {
                misses.add(String.format(Locale.ROOT, "%d of %d steps within 60 ms (%d needed)", pairs.size(),
                        res.steps().size(), needMatched));
            }
            if (!(icMs <= 40)) {
                misses.add(String.format(Locale.ROOT, "IC %.0f ms from the 3D contacts", icMs));
            }
            if (!(dFppa <= fppaLimit) || !(fppaMeanDiff <= 2.5)) {
                misses.add(String.format(Locale.ROOT, "FPPA %.1f deg per step, %.1f in the mean", dFppa, fppaMeanDiff));
            }
            if (dropGiven && !(dDrop <= dropLimit)) {
                misses.add(String.format(Locale.ROOT, "pelvic drop %.1f deg per step", dDrop));
            }
            System.out.printf(Locale.ROOT, "KNOWN GAP (verdict %s): %s%n", res.quality().verdict().label(),
                    String.join("; ", misses));
            assertThat(misses).as("a known gap that now meets every limit: mark the row ok, update docs/pose-input.md")
                    .isNotEmpty();
            return;
        }
        assertThat(cadenceDiff).as("cadence against the whole 3D trial's").isLessThanOrEqualTo(2.5);
        // a runner moving towards or away from the camera, or at one distance with the ground flowing through the
        // picture (a treadmill): frontal video's own measurement kind
        // (a treadmill's contacts come from the pelvis, with a video's own uncertainty: pose-2d)
        assertThat(res.info().get("measurement_kind")).isEqualTo(speed == 0 ? "pose-2d" : "pose-2d-frontal");
        assertThat(res.info().get("accuracy")).contains("Filmed from behind or ahead", "not reported from this view");
        // about 2.6 steps a second; the first and last contacts of a clip are cut
        assertThat(res.steps().size()).as("steps in %.0f s", SECONDS).isGreaterThanOrEqualTo(7);
        // initial contact where the foot comes to rest in the image, or moves with the ground (FrontalStop): the slow
        // midfoot runner's contacts are timed worst (one foot's heel hovers low before landing and comes to rest
        // 110-150 ms early)
        assertThat(pairs.size()).as("steps matched to the 3D steps (IC within 60 ms, same side)")
                .isGreaterThanOrEqualTo(needMatched);
        assertThat(icMs).as("mean |IC - 3D IC| of the matched steps (ms)").isLessThanOrEqualTo(40.0);
        if (speed > 0) {
            // a runner moving away or coming closer: the steps are tracked on the pelvis's bounce (PelvisStepTracking),
            // 4-16 ms from the 3D contacts on these rows with 0-3 px of jitter (10-35 ms from the feet before, with
            // contacts lost or split)
            assertThat(res.decisions()).anyMatch(d -> d.key().equals(QualityChecks.PELVIS_TRACKING));
            assertThat(icMs).as("mean |IC - 3D IC| of the matched steps, tracked on the pelvis (ms)")
                    .isLessThanOrEqualTo(25.0);
        }
        // the per-step FPPA of the steps within 5 m of the camera differs from the 3D projection by up to 7 deg (the
        // thigh and shank are seen at different depths); the more of them are matched, the larger the mean
        assertThat(dFppa).as("FPPA per step, 2D video vs 3D markers (deg)").isLessThanOrEqualTo(fppaLimit);
        assertThat(fppaMeanDiff).as("FPPA, mean").isLessThanOrEqualTo(2.5);
        // a row marked ok keeps pelvic drop on some matched steps (near the camera) and must hold there; with 3 px of
        // jitter the noise would decide it on every step (FrontalAngleNoise), which the decision says (above)
        if (jitterPx < 3) {
            assertThat(dropGiven).as("pelvic drop given on a matched step").isTrue();
        }
        if (dropGiven) {
            assertThat(dDrop).as("pelvic drop per step, 2D video vs 3D markers (deg)").isLessThanOrEqualTo(dropLimit);
        }
        if (Double.isFinite(vo)) {
            assertThat(vo).as("vertical oscillation, % leg").isCloseTo(voRef, org.assertj.core.api.Assertions.within(2.0));
        } else {
            assertThat(voNote).isNotEmpty();
        }
    }

    /**
     * The steps tracked on the pelvis over other jitter draws than the rows above (seeds 12 and 13, where the rows use
     * 11): the four runners on the camera's axis, behind (4 m) and ahead (16 m for the slow midfoot runner, 22 m for
     * the others), with 1 and 3 px. Every 3D contact between 0.3 and 4.5 s of the clip must have a 2D contact of the
     * same side within 60 ms, apart from one per clip, and the cadence must be within 2.5 steps/min of the whole 3D
     * trial's. Before the pelvis tracked the steps, the feet found 60 % of these landings in a first look (over
     * seeds 11-14).
     */
    @ParameterizedTest(name = "{0} {1} jitter {2} px seed {3}")
    @CsvSource({
        "RBDS0041runT352.txt, RBDS0041static.txt, 3.5, BEHIND, 4, 1, 12",
        "RBDS0041runT352.txt, RBDS0041static.txt, 3.5, AHEAD, 22, 3, 13",
        "RBDS0041runT452.txt, RBDS0041static.txt, 4.5, BEHIND, 4, 3, 12",
        "RBDS0041runT452.txt, RBDS0041static.txt, 4.5, AHEAD, 22, 1, 13",
        "RBDS008runT35markers.txt, RBDS008static.txt, 3.5, BEHIND, 4, 1, 13",
        "RBDS008runT35markers.txt, RBDS008static.txt, 3.5, AHEAD, 22, 3, 12",
        "RBDS002runT25markers.txt, RBDS002static.txt, 2.5, BEHIND, 4, 1, 13",
        "RBDS002runT25markers.txt, RBDS002static.txt, 2.5, AHEAD, 16, 3, 12",
    })
    void trackedStepsOverOtherJitterDraws(String run, String standing, double speed, String where, double distance,
                                          double jitterPx, long seed) throws IOException {
        Path dir = SharedData.require(FUKUCHI);
        Reference reference = reference(dir, run, standing);
        SessionResult ref = reference.result();
        PinholeCamera cam = new PinholeCamera(PinholeCamera.Placement.valueOf(where), distance, 1.0, 1400, 1920, 1080);
        Path video = tmp.resolve(run.replace(".txt", "_" + where.toLowerCase(Locale.ROOT) + "_" + seed + ".csv"));
        double t0 = reference.tracks().timeS()[0] + FROM_S;
        Files.writeString(video, MarkerCamera.keypointCsv(reference.tracks(), cam, FPS, speed, jitterPx, seed, t0,
                SECONDS, 0));
        // every runner decided automatically, the slow midfoot one too
        SessionResult res = analyse(video, Optional.of(FPS), false);
        List<Step> truth = ref.steps().stream().filter(st -> st.icS() - t0 > 0.3 && st.icS() - t0 < 4.5).toList();
        double[] within = within60Ms(truth, res, t0);
        int found = (int) within[0];
        double sumAbs = within[1];
        double cadenceDiff = res.metric("cadence_spm") - ref.metric("cadence_spm");
        System.out.printf(Locale.ROOT, "tracked %s %s %.0f m, %.0f px, seed %d: %d of %d 3D contacts within 60 ms, "
                + "|IC| %.1f ms, cadence %+.1f steps/min, quality %s%n", run, where, distance, jitterPx, seed, found,
                truth.size(), 1000 * sumAbs / found, cadenceDiff, res.quality().verdict().label()
                        + (res.quality().reasons().isEmpty() ? "" : " " + res.quality().reasons()));
        assertThat(res.decisions()).anyMatch(d -> d.key().equals(QualityChecks.PELVIS_TRACKING));
        assertThat(found).as("3D contacts with a 2D contact of the same side within 60 ms")
                .isGreaterThanOrEqualTo(truth.size() - 1);
        assertThat(Math.abs(cadenceDiff)).as("cadence against the whole 3D trial's (steps/min)").isLessThanOrEqualTo(2.5);
    }

    /**
     * A treadmill filmed from behind or ahead with heel keypoints but no toe keypoints (from behind the toes are hidden
     * behind the heel; every toe written as OpenPose writes a missing keypoint). The belt carries the planted foot
     * through the picture, so a heel reaches its lowest image height only in the last 50–70 ms of its stance; with
     * contacts held to the usual 60 ms, every other contact was lost (0–4 of 11–12 within 60 ms, cadence 54–82
     * steps/min low, `poor`; docs/pose-input.md, "Heels without toes"). Every 3D contact must have a 2D contact of the
     * same side within 60 ms but one, the cadence within 2.5 steps/min of the whole 3D trial's, and a session whose
     * knee FPPA or pelvic drop is more than 2.5° from the 3D value must not be `good`.
     */
    @ParameterizedTest(name = "{0} camera {2} {3} m at {4} m height, heels without toes")
    @CsvSource({
        "RBDS0041runT352.txt, RBDS0041static.txt, BEHIND, 3, 1.0",
        "RBDS0041runT452.txt, RBDS0041static.txt, BEHIND, 3, 1.0",
        "RBDS008runT35markers.txt, RBDS008static.txt, BEHIND, 3, 1.0",
        "RBDS002runT25markers.txt, RBDS002static.txt, BEHIND, 3, 1.0",
        "RBDS008runT35markers.txt, RBDS008static.txt, BEHIND, 5, 1.6",
        "RBDS008runT35markers.txt, RBDS008static.txt, AHEAD, 4, 1.0",
        "RBDS0041runT452.txt, RBDS0041static.txt, AHEAD, 4, 1.0",
    })
    void treadmillHeelsWithoutToes(String run, String standing, String where, double distance, double cameraHeightM)
            throws IOException {
        Path dir = SharedData.require(FUKUCHI);
        Reference reference = reference(dir, run, standing);
        SessionResult ref = reference.result();
        PinholeCamera cam = new PinholeCamera(PinholeCamera.Placement.valueOf(where), distance, cameraHeightM, 1400, 1920,
                1080);
        double t0 = reference.tracks().timeS()[0] + FROM_S;
        String csv = KeypointTables.without(MarkerCamera.keypointCsv(reference.tracks(), cam, FPS, 0, 1, 13, t0, SECONDS,
                0), "Toe");
        Path video = tmp.resolve(run.replace(".txt", "_" + where.toLowerCase(Locale.ROOT) + "_no_toes.csv"));
        Files.writeString(video, csv);
        SessionResult res = analyse(video, Optional.of(FPS));
        List<Step> truth = ref.steps().stream().filter(st -> st.icS() - t0 > 0.3 && st.icS() - t0 < 4.5).toList();
        double[] within = within60Ms(truth, res, t0);
        int found = (int) within[0];
        double sumAbs = within[1];
        double cadenceDiff = res.metric("cadence_spm") - ref.metric("cadence_spm");
        double fppaDiff = res.metric("knee_fppa_deg") - ref.metric("knee_fppa_deg");
        double dropDiff = res.metric("pelvic_drop_deg") - ref.metric("pelvic_drop_deg");
        System.out.printf(Locale.ROOT, "heels without toes, %s %s %.0f m at %.1f m: %d of %d 3D contacts within 60 ms, |IC| "
                + "%.1f ms, cadence %+.1f steps/min, knee FPPA %+.1f°, pelvic drop %+.1f° against 3D, quality %s %s%n", run,
                where, distance, cameraHeightM, found, truth.size(), 1000 * sumAbs / found, cadenceDiff, fppaDiff,
                dropDiff, res.quality().verdict().label(), res.quality().checks().stream().filter(c -> c.failed())
                        .map(c -> c.id()).toList());
        assertThat(found).as("3D contacts with a 2D contact of the same side within 60 ms")
                .isGreaterThanOrEqualTo(truth.size() - 1);
        assertThat(Math.abs(cadenceDiff)).as("cadence against the whole 3D trial's (steps/min)").isLessThanOrEqualTo(2.5);
        if (Math.abs(fppaDiff) > 2.5 || Math.abs(dropDiff) > 2.5) {
            assertThat(res.quality().verdict()).as("verdict of a session whose angles are off").isNotEqualTo(Quality.GOOD);
        }
    }

    /**
     * A pose estimator that labels a runner's back as their front (or the other way round) for the whole clip, as
     * estimators trained mostly on people facing the camera often do: every left keypoint is written as right and every
     * right one as left. The clip must give the very steps, sides and knee angles of the same clip labelled right
     * ({@code FrontalFacing}): for a runner moving away or coming closer from the change in size, for a treadmill (one
     * distance, which shows neither) only with {@code --view rear}; and the rightly labelled clips keep their labels.
     * Before, every value per side went to the other leg: no 3D contact had a 2D contact of the same side.
     */
    @ParameterizedTest(name = "{0} camera {3} {4} m, labels mirrored, --view {5}")
    @CsvSource({
        "RBDS0041runT352.txt, RBDS0041static.txt, 3.5, BEHIND, 4, frontal, exchanged",
        "RBDS008runT35markers.txt, RBDS008static.txt, 3.5, BEHIND, 4, frontal, exchanged",
        "RBDS002runT25markers.txt, RBDS002static.txt, 2.5, BEHIND, 4, frontal, exchanged",
        "RBDS0041runT452.txt, RBDS0041static.txt, 4.5, AHEAD, 22, frontal, exchanged",
        "RBDS008runT35markers.txt, RBDS008static.txt, 0, BEHIND, 3, frontal, kept",
        "RBDS008runT35markers.txt, RBDS008static.txt, 0, BEHIND, 3, rear, exchanged",
    })
    void labelsMirroredForTheWholeClip(String run, String standing, double speed, String where, double distance,
                                       String view, String expect) throws IOException {
        Path dir = SharedData.require(FUKUCHI);
        Reference reference = reference(dir, run, standing);
        PinholeCamera cam = new PinholeCamera(PinholeCamera.Placement.valueOf(where), distance, 1.0, 1400, 1920, 1080);
        double t0 = reference.tracks().timeS()[0] + FROM_S;
        String csv = MarkerCamera.keypointCsv(reference.tracks(), cam, FPS, speed, 1, 11, t0, SECONDS, 0);
        String base = run.replace(".txt", "_" + where.toLowerCase(Locale.ROOT) + "_" + view);
        Path plain = tmp.resolve(base + "_labelled.csv");
        Path mirrored = tmp.resolve(base + "_mirrored.csv");
        Files.writeString(plain, csv);
        int eol = csv.indexOf('\n');
        Files.writeString(mirrored, csv.substring(0, eol).replaceAll("\\b([LR])([A-Z][A-Za-z]*_[xyc])\\b", "#$1$2")
                .replace("#L", "R").replace("#R", "L") + csv.substring(eol));
        SessionResult right = analyse(plain, Optional.of(FPS), false, Optional.of(view));
        SessionResult res = analyse(mirrored, Optional.of(FPS), false, Optional.of(view));
        String decision = res.decisions().stream().filter(d -> d.key().equals(BodyFrame.LR_LABELS)).map(d -> d.value())
                .findFirst().orElse("none");
        List<Step> truth = reference.result().steps().stream().filter(st -> st.icS() - t0 > 0.3 && st.icS() - t0 < 4.5)
                .toList();
        int found = (int) within60Ms(truth, res, t0)[0];
        System.out.printf(Locale.ROOT, "mirrored labels, %s %s %.0f m, --view %s: lr_labels %s (the clip labelled right: "
                + "%s), %d of %d 3D contacts with a 2D contact of the same side within 60 ms, knee FPPA left %.1f right "
                + "%.1f° (labelled right: %.1f, %.1f)%n", run, where, distance, view, decision, right.decisions().stream()
                .filter(d -> d.key().equals(BodyFrame.LR_LABELS)).map(d -> d.value()).findFirst().orElse("none"), found,
                truth.size(), sideMean(res, Side.LEFT), sideMean(res, Side.RIGHT), sideMean(right, Side.LEFT),
                sideMean(right, Side.RIGHT));
        assertThat(right.decisions()).noneMatch(d -> d.key().equals(BodyFrame.LR_LABELS) && d.value().equals("exchanged"));
        if (expect.equals("kept")) {
            // a runner at one distance shows no direction of travel: the labels are kept (told in the docs), and every
            // side is the other leg's
            assertThat(decision).isEqualTo("none");
            return;
        }
        assertThat(decision).isEqualTo("exchanged");
        assertThat(res.warnings()).anyMatch(w -> w.startsWith("left and right were exchanged for the whole recording"));
        assertThat(res.info().get("side_method")).contains("exchanged for the whole recording");
        // said on page 1 when gaitform inferred it, not when --view said which side faces the camera
        if (view.equals("rear")) {
            assertThat(res.quality().assumedInputs()).noneMatch(a -> a.startsWith("left and right"));
        } else {
            assertThat(res.quality().assumedInputs()).anyMatch(a -> a.startsWith("left and right from the runner's "
                    + "direction of travel: the pose estimator labelled the " + (where.equals("BEHIND") ? "back as the "
                    + "front" : "front as the back")));
        }
        assertThat(res.steps()).hasSameSizeAs(right.steps());
        for (int i = 0; i < res.steps().size(); i++) {
            Step a = res.steps().get(i);
            Step b = right.steps().get(i);
            assertThat(a.side()).as("side of step %d", i).isEqualTo(b.side());
            assertThat(a.icS()).as("initial contact of step %d", i).isCloseTo(b.icS(),
                    org.assertj.core.api.Assertions.within(1e-9));
            assertThat(val(a, "knee_fppa_deg")).as("knee FPPA of step %d", i).isCloseTo(val(b, "knee_fppa_deg"),
                    org.assertj.core.api.Assertions.within(1e-6));
        }
        assertThat(found).as("3D contacts with a 2D contact of the same side within 60 ms")
                .isGreaterThanOrEqualTo(truth.size() - 1);
    }

    private static double sideMean(SessionResult r, Side side) {
        return r.steps().stream().filter(s -> s.side() == side).mapToDouble(s -> val(s, "knee_fppa_deg"))
                .filter(Double::isFinite).average().orElse(Double.NaN);
    }

    /**
     * {contacts of {@code truth} with a contact of {@code res} of the same side within 60 ms, the sum of their |IC
     * differences| (s)}; {@code t0} is where the video starts in the 3D recording's time.
     */
    private static double[] within60Ms(List<Step> truth, SessionResult res, double t0) {
        int found = 0;
        double sumAbs = 0;
        for (Step st : truth) {
            double best = res.steps().stream().filter(v -> v.side() == st.side())
                    .mapToDouble(v -> Math.abs(v.icS() - (st.icS() - t0))).min().orElse(Double.NaN);
            if (best <= 0.06) {
                found++;
                sumAbs += best;
            }
        }
        return new double[] {found, sumAbs};
    }

    private static double val(Step s, String k) {
        Double v = s.extras().get(k);
        return v == null ? Double.NaN : v;
    }

    private static double meanAbsDiff(List<double[]> pairs, int i) {
        return pairs.stream().filter(p -> Double.isFinite(p[i]) && Double.isFinite(p[i + 1]))
                .mapToDouble(p -> Math.abs(p[i] - p[i + 1])).average().orElse(Double.NaN);
    }
}
