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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.pose.PoseReadOptions;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Step;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.simulate.PinholeCamera;
import org.gaitform.support.ClusterReconstruction;
import org.gaitform.support.MarkerCamera;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Running or walking, decided automatically from a frontal view of a person moving away from the camera: Fukuchi et
 * al. 2017's four treadmill runners (2.5–4.5 m/s, real markers with their knees and ankles carried from the standing
 * trial, turned into overground running at the belt speed, 6 s of each) and OpenCap's walker (1.4 m/s, its whole
 * trial), all filmed from behind by the same seventeen cameras: a tripod at hip height, a phone on the ground close
 * behind, one held at eye level, 1080p landscape, an upright phone and 4K, 24, 25, 30, 60 and 120 fps, 1–3 px of
 * jitter.
 *
 * <p>Found with it: in a frontal view the feet's own contacts start early (a heel that hovers low before landing
 * seems to stand still in the picture), so the slow midfoot runner's (RBDS002, 2.5 m/s) overlapped by 26–79 ms per
 * step and it was refused as walking by 8 of the first 11 cameras (30 and 60 fps), its steps never tracked on
 * the pelvis: no FPPA, no pelvic drop. At 25 fps, the other way round, the walker's feet seemed to leave the ground
 * between steps and two cameras analysed it as running. Now, unless the pelvis vaults over the feet's contacts, the
 * cadence decides, the pelvis's bounce or, when it cannot be tracked, the feet's own steps: at least
 * {@code PoseAnalysis.RUNNING_MIN_CADENCE_SPM} (140 steps/min; this runner 149–150) is running; the walker's pelvis
 * bounces at 107–111 steps/min (without that gate three of the first eleven cameras analysed it as running). Every
 * runner must be analysed as running without {@code --activity running}, and the walker refused, by every camera.
 *
 * <p>The same clips hold the quality check's yardstick (the cadence from the signal's periodicity,
 * {@code SignalCadence.pose}) to within {@value #YARDSTICK_LIMIT_SPM} steps/min of the clip's own 3D cadence: without
 * dividing each frame by the runner's image scale it read up to 1.43 steps/min high (the slow runner), and 7 of that
 * runner's 11 clips were `doubtful` for a disagreement its contacts did not cause; now −0.52 to +0.62 on the first
 * eleven cameras, −0.72 to +0.62 (mean |error| 0.31) on all seventeen.
 */
class FrontalGaitDecisionTest {
    private static final String FUKUCHI = "fukuchi2017-treadmill-markers";
    private static final double CLIP_S = 6;
    private static final String[][] RUNNERS = {
        {"RBDS0041runT352.txt", "RBDS0041static.txt", "3.5"},
        {"RBDS0041runT452.txt", "RBDS0041static.txt", "4.5"},
        {"RBDS008runT35markers.txt", "RBDS008static.txt", "3.5"},
        {"RBDS002runT25markers.txt", "RBDS002static.txt", "2.5"},
    };
    /** The quality check's yardstick (the signal's periodicity) against the clip's own 3D cadence, steps/min. */
    private static final double YARDSTICK_LIMIT_SPM = 1.0;
    private static final Pattern CADENCES = Pattern.compile("from the contacts ([0-9.]+) steps/min, from the signal's "
            + "periodicity ([0-9.]+) steps/min");
    private static final Map<String, Runner> RUNNERS_SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    @TempDir
    static Path tmp;

    /** A runner's landmarks, with the knees and ankles carried from the standing trial, and its 3D steps. */
    private record Runner(MarkerCamera.Tracks tracks, List<Step> steps) {
    }

    private static Runner runner(Path dir, String run, String standing) {
        return RUNNERS_SEEN.computeIfAbsent(run, r -> {
            try {
                Path markers = ClusterReconstruction.withAnatomicalMarkers(dir.resolve(r), dir.resolve(standing),
                        tmp.resolve(r.replace(".txt", "_knees.txt")));
                return new Runner(MarkerCamera.landmarks(markers), analyse(markers, Optional.empty()).steps());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest(name = "camera behind {1} m at {0} m, {3}×{4}, {5} fps, {6} px")
    @CsvSource({
        "1.0, 3.5, 1400, 1920, 1080, 30, 1",
        "1.0, 3.5, 1400, 1920, 1080, 60, 1",
        "1.0, 5.0, 1400, 1920, 1080, 30, 2",
        "1.0, 2.0, 1400, 1920, 1080, 30, 2",
        "1.0, 1.5, 1400, 1920, 1080, 30, 2",
        "0.3, 1.5, 1400, 1920, 1080, 60, 2",
        "0.15, 2.0, 2900, 3840, 2160, 30, 2",
        "0.3, 3.0, 2900, 3840, 2160, 30, 3",
        "0.15, 2.0, 1500, 1080, 1920, 30, 2",
        "0.5, 2.5, 1500, 1080, 1920, 60, 3",
        "1.6, 3.0, 1400, 1920, 1080, 30, 2",
        "1.0, 3.5, 1400, 1920, 1080, 25, 1",
        "1.0, 2.0, 1400, 1920, 1080, 25, 2",
        "0.3, 1.5, 1400, 1920, 1080, 24, 2",
        "0.15, 2.0, 1500, 1080, 1920, 25, 2",
        "1.0, 3.5, 1400, 1920, 1080, 120, 2",
        "0.3, 2.0, 2900, 3840, 2160, 120, 2",
    })
    void runnersAreRunningTheWalkerIsWalkingAndTheYardstickHolds(double heightM, double distanceM, double focalPx,
                                                                  int widthPx, int heightPx, double fps,
                                                                  double jitterPx) throws IOException {
        Path dir = SharedData.require(FUKUCHI);
        PinholeCamera cam = new PinholeCamera(PinholeCamera.Placement.BEHIND, distanceM, heightM, focalPx, widthPx,
                heightPx);
        String camName = String.format(Locale.ROOT, "behind %.1f m at %.2f m, %d×%d, %.0f fps, %.0f px", distanceM,
                heightM, widthPx, heightPx, fps, jitterPx);
        List<String> wrong = new ArrayList<>();
        for (String[] r : RUNNERS) {
            Runner runner = runner(dir, r[0], r[1]);
            MarkerCamera.Tracks tr = runner.tracks();
            double t0 = tr.timeS()[0] + 2;
            Path video = tmp.resolve(r[0].replace(".txt", "") + "_" + camName.replaceAll("[^0-9a-z]+", "_") + ".csv");
            Files.writeString(video, MarkerCamera.keypointCsv(tr, cam, fps, Double.parseDouble(r[2]), jitterPx, 11, t0,
                    CLIP_S, 0));
            // the clip's own cadence, from the 3D contacts within it
            List<Step> inClip = runner.steps().stream().filter(st -> st.icS() > t0 && st.icS() < t0 + CLIP_S).toList();
            double truth = 60 * (inClip.size() - 1) / (inClip.get(inClip.size() - 1).icS() - inClip.get(0).icS());
            try {
                SessionResult res = analyse(video, Optional.of(fps));
                Decision activity = decision(res, "activity").orElseThrow();
                String overlap = activity.reason().contains("overlapped") ? activity.reason()
                        .replaceAll(".*overlapped by (\\d+) ms.*bounces at (\\d+) steps/min.*", "feet overlapped $1 ms, "
                        + "pelvis $2 steps/min") : "feet show flight";
                Matcher m = CADENCES.matcher(res.quality().checks().stream().filter(c -> c.id().equals(
                        "cadence_agreement")).map(c -> c.sentence()).findFirst().orElse(""));
                double yardstick = m.find() ? Double.parseDouble(m.group(2)) - truth : Double.NaN;
                System.out.printf(Locale.ROOT, "%-36s %-26s %s, %s, %d steps, cadence %+.2f steps/min from the clip's "
                        + "(%.1f), the signal's periodicity %+.2f, %s%n", camName, r[0], activity.value(), overlap,
                        res.steps().size(), res.metric("cadence_spm") - truth, truth, yardstick,
                        res.quality().verdict().label());
                if (!activity.value().equals("running") || activity.reason().startsWith("override")) {
                    wrong.add(r[0] + ": " + activity);
                }
                if (!(Math.abs(yardstick) <= YARDSTICK_LIMIT_SPM)) {
                    wrong.add(String.format(Locale.ROOT, "%s: the signal's periodicity %+.2f steps/min from the clip's "
                            + "cadence", r[0], yardstick));
                }
            } catch (GaitformException refused) {
                System.out.printf(Locale.ROOT, "%-36s %-26s REFUSED: %s%n", camName, r[0], refused.getMessage());
                wrong.add(r[0] + " refused: " + refused.getMessage());
            }
        }
        MarkerCamera.Tracks walker = FrontalTreadmillWalkingTest.walker();
        double[] t = walker.timeS();
        Path walk = tmp.resolve("walk_" + camName.replaceAll("[^0-9a-z]+", "_") + ".csv");
        Files.writeString(walk, MarkerCamera.keypointCsv(walker, cam, fps, 0, jitterPx, 11, t[0], t[t.length - 1] - t[0],
                0));
        try {
            SessionResult res = analyse(walk, Optional.of(fps));
            System.out.printf(Locale.ROOT, "%-36s %-26s ANALYSED: %d steps, cadence %.1f steps/min, %s%n", camName,
                    "OpenCap walker", res.steps().size(), res.metric("cadence_spm"),
                    decision(res, "activity").map(Decision::toString).orElse("?"));
            wrong.add("the walker was analysed as running");
        } catch (GaitformException refused) {
            System.out.printf(Locale.ROOT, "%-36s %-26s refused: %s%n", camName, "OpenCap walker",
                    refused.getMessage().replaceAll("^[^:]*: ", ""));
        }
        assertThat(wrong).as("runners refused, the yardstick off, or the walker analysed, " + camName).isEmpty();
    }

    private static Optional<Decision> decision(SessionResult res, String key) {
        return res.decisions().stream().filter(d -> d.key().equals(key)).findFirst();
    }

    private static SessionResult analyse(Path f, Optional<Double> fps) {
        PoseReadOptions po = new PoseReadOptions(fps, Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        return new SessionPipeline(new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS, po),
                GuidelineTable.builtIn())).analyse(f, f.getFileName().toString(), "s");
    }
}
