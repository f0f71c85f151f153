package org.gaitform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.json.JsonReader;
import org.gaitform.io.pose.KeypointNames;
import org.gaitform.io.pose.PoseReadOptions;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Step;
import org.gaitform.simulate.EstimatorFaults;
import org.gaitform.simulate.PoseRunnerSimulator;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A video of a runner in which the pose estimator also finds other people: someone standing by, nearer the camera
 * than the runner (so larger in the picture), and someone walking across the picture who hides the runner while
 * passing. OpenPose writes every person it finds in each frame, in no fixed order. The runner is followed from frame
 * to frame and told from the others by how much their legs move ({@code PersonTracks}); the analysis must come out as
 * it does from the runner's keypoints alone.
 *
 * <p>Before {@code PersonTracks}, the reader took the largest person of the first frame and then, in each frame, the
 * person nearest the one taken before: it followed whoever stood by.
 */
class SeveralPeopleTest {
    @TempDir
    Path dir;

    private static SessionResult analyse(Path folder) {
        return analyse(folder, Optional.empty());
    }

    /** The analysis with {@code --person}. */
    private static SessionResult analyse(Path folder, Optional<Integer> person) {
        PoseReadOptions po = new PoseReadOptions(Optional.of(30.0), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()).withPerson(person);
        return new SessionPipeline(new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS, po),
                GuidelineTable.builtIn())).analyse(folder, folder.getFileName().toString(), "s");
    }

    /** Where a person is in the picture: the mean of the detected keypoints, and their height. */
    private record Box(double cx, double cy, double size) {
        static Box of(double[] v) {
            double sx = 0;
            double sy = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            int m = 0;
            for (int j = 0; j < v.length / 3; j++) {
                if (v[3 * j + 2] > 0) {
                    sx += v[3 * j];
                    sy += v[3 * j + 1];
                    lo = Math.min(lo, v[3 * j + 1]);
                    hi = Math.max(hi, v[3 * j + 1]);
                    m++;
                }
            }
            return m == 0 ? null : new Box(sx / m, sy / m, hi - lo);
        }
    }

    /** Writes one OpenPose frame file per entry: the people of the frame as BODY_25 triplets, in the given order. */
    private static void writeFrames(Path folder, List<List<double[]>> frames) throws IOException {
        Files.createDirectories(folder);
        for (int f = 0; f < frames.size(); f++) {
            StringBuilder sb = new StringBuilder("{\"version\":1.3,\"people\":[");
            for (int p = 0; p < frames.get(f).size(); p++) {
                sb.append(p == 0 ? "" : ",").append("{\"person_id\":[-1],\"pose_keypoints_2d\":[");
                double[] v = frames.get(f).get(p);
                for (int i = 0; i < v.length; i++) {
                    sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", v[i]));
                }
                sb.append("]}");
            }
            sb.append("]}");
            Files.writeString(folder.resolve(String.format(Locale.ROOT, "clip_%012d_keypoints.json", f)), sb);
        }
    }

    /** A person standing still: {@code pose} scaled about its first keypoint's place and moved, with jitter. */
    private static double[] standing(double[] pose, double scale, double dx, double dy, Random rnd) {
        double[] v = pose.clone();
        double ox = 0;
        double oy = 0;
        for (int j = 0; j < v.length / 3; j++) {
            if (v[3 * j + 2] > 0) {
                ox = v[3 * j];
                oy = v[3 * j + 1];
                break;
            }
        }
        for (int j = 0; j < v.length / 3; j++) {
            if (v[3 * j + 2] > 0) {
                v[3 * j] = ox + dx + scale * (v[3 * j] - ox) + rnd.nextGaussian();
                v[3 * j + 1] = oy + dy + scale * (v[3 * j + 1] - oy) + rnd.nextGaussian();
            }
        }
        return v;
    }

    /**
     * The shared real OpenPose clip (a runner filmed from the side, one person per frame) with someone standing by, a
     * third larger than the runner and listed first in every other frame: the steps come out as from the clip alone.
     */
    @Test
    void aBystanderInTheRealSideClipChangesNothing() throws IOException, JsonReader.JsonException {
        Path json = SharedData.require("openpose-running-side").resolve("json");
        List<Path> files;
        try (Stream<Path> s = Files.list(json)) {
            files = s.filter(p -> p.getFileName().toString().endsWith("_keypoints.json")).sorted().toList();
        }
        List<List<double[]>> alone = new ArrayList<>();
        double[] fullest = null;
        int most = 0;
        for (Path p : files) {
            List<double[]> people = new ArrayList<>();
            Map<?, ?> doc = (Map<?, ?>) JsonReader.parse(Files.readString(p));
            for (Object person : (List<?>) doc.get("people")) {
                List<?> kp = (List<?>) ((Map<?, ?>) person).get("pose_keypoints_2d");
                double[] v = new double[kp.size()];
                int seen = 0;
                for (int i = 0; i < v.length; i++) {
                    v[i] = ((Number) kp.get(i)).doubleValue();
                    seen += i % 3 == 2 && v[i] > 0 ? 1 : 0;
                }
                people.add(v);
                if (seen > most) {
                    most = seen;
                    fullest = v;
                }
            }
            alone.add(people);
        }
        Random rnd = new Random(7);
        List<List<double[]>> crowded = new ArrayList<>();
        for (int f = 0; f < alone.size(); f++) {
            List<double[]> people = new ArrayList<>(alone.get(f));
            people.add(f % 2 == 0 ? 0 : people.size(), standing(fullest, 1.35, 150, -60, rnd));
            crowded.add(people);
        }
        Path one = dir.resolve("alone");
        Path two = dir.resolve("crowded");
        writeFrames(one, alone);
        writeFrames(two, crowded);
        SessionResult a = analyse(one);
        SessionResult b = analyse(two);
        System.out.printf(Locale.ROOT, "real side clip: %d steps, cadence %.1f alone; %d steps, cadence %.1f with a "
                        + "bystander; %s%n", a.steps().size(), a.metric("cadence_spm"), b.steps().size(),
                b.metric("cadence_spm"), b.decisions().stream().filter(d -> d.key().equals("people")).toList());
        // the runner's frames: all but a few partial detections at the picture's edges (63 frames show the runner)
        assertThat(b.decisions()).filteredOn(d -> d.key().equals("people")).singleElement().satisfies(d -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("runner in (\\d+) frames").matcher(d.value());
            assertThat(m.find()).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isBetween(58, 63);
        });
        assertThat(b.warnings()).anyMatch(w -> w.contains("frames do not show the runner")
                && w.contains("show only other people"));
        assertThat(b.steps()).extracting(Step::icS).containsExactlyElementsOf(a.steps().stream().map(Step::icS).toList());
        assertThat(b.metric("cadence_spm")).isEqualTo(a.metric("cadence_spm"));
        assertThat(b.quality().verdict()).isEqualTo(a.quality().verdict());
    }

    /**
     * A simulated runner filmed from behind while running away (3-5 m behind the start, 30 fps, 10 s, the estimator's
     * typical faults), someone standing by nearer the camera in every frame, and someone walking across the picture
     * between 3 and 6 s, twice the runner's size, who hides the runner while in front of them. The same runner filmed
     * alone, hidden in the same frames, is the yardstick: the steps, cadence and knee FPPA must agree.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {300, 301, 302, 303, 304, 305, 320, 321, 322, 323, 324, 325, 326, 327})
    void theRunnerIsFollowedPastABystanderAndAPasserBy(long seed) throws IOException {
        crowd(seed, false);
    }

    /**
     * The same with people passing close to the camera who hide the runner for 2.5 s (from 4 to 6.5 s), longer than a
     * track is kept unseen ({@code PersonTracks.LOST_S}), and are seen only then: the runner's track ends and a new
     * one starts when the runner is found again, and the two must be joined without the people in between.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {306, 307, 308, 309, 330, 331, 332, 333, 334, 335, 336, 337})
    void theRunnerIsFoundAgainAfterPeoplePassingHideThemLongerThanATrackIsKept(long seed) throws IOException {
        crowd(seed, true);
    }

    /** The simulated runner's frames as BODY_25 triplets (all zero where the estimator found nobody). */
    private static double[][] body25(FrontalRunnerOutOfSightTest.RearView view) {
        List<String> names = view.names();
        EstimatorFaults.Faulty f = view.faulty();
        int n = f.xy().length;
        int[] body25 = names.stream().mapToInt(KeypointNames.BODY_25::indexOf).toArray();
        double[][] runner = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] v = new double[3 * KeypointNames.BODY_25.size()];
            for (int p = 0; p < names.size(); p++) {
                if (body25[p] >= 0 && f.confidence()[i][p] > 0) {
                    v[3 * body25[p]] = f.xy()[i][p][0];
                    v[3 * body25[p] + 1] = f.xy()[i][p][1];
                    v[3 * body25[p] + 2] = f.confidence()[i][p];
                }
            }
            runner[i] = v;
        }
        return runner;
    }

    /**
     * A second runner beside the first in every frame (another simulated runner filmed by the same camera, moved
     * sideways by 1.5 of the runner's heights): two people move their legs in as many frames, so which one is the
     * runner rests on a few frames. The session must say so (quality check {@code runner_choice} doubtful, and the
     * verdict not good), whatever the values; with one runner and people passing it passes (the cases above).
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {340, 341, 342, 343})
    void aSecondRunnerInEveryFrameMakesTheChoiceDoubtful(long seed) throws IOException {
        double fps = 30;
        double[][] one = body25(FrontalRunnerOutOfSightTest.filmedFromBehind(seed, fps));
        double[][] two = body25(FrontalRunnerOutOfSightTest.filmedFromBehind(seed + 100, fps));
        List<List<double[]>> frames = new ArrayList<>();
        List<List<double[]>> firstAlone = new ArrayList<>();
        List<List<double[]>> secondAlone = new ArrayList<>();
        Random rnd = new Random(seed);
        for (int i = 0; i < Math.min(one.length, two.length); i++) {
            List<double[]> people = new ArrayList<>();
            firstAlone.add(new ArrayList<>());
            secondAlone.add(new ArrayList<>());
            Box a = Box.of(one[i]);
            if (a != null) {
                people.add(one[i]);
                firstAlone.get(i).add(one[i]);
            }
            Box b = Box.of(two[i]);
            if (b != null) {
                double[] v = two[i].clone();
                double shift = 1.5 * (a != null ? a.size() : b.size());
                for (int j = 0; j < v.length / 3; j++) {
                    if (v[3 * j + 2] > 0) {
                        v[3 * j] += shift;
                    }
                }
                people.add(rnd.nextInt(people.size() + 1), v);
                secondAlone.get(i).add(v);
            }
            frames.add(people);
        }
        Path folder = dir.resolve("two_runners_" + seed);
        writeFrames(folder, frames);
        SessionResult res = analyse(folder);
        // --person names either runner: 1 is the default choice, 2 the other one; each as from their frames alone
        Path first = dir.resolve("first_" + seed);
        Path second = dir.resolve("second_" + seed);
        writeFrames(first, firstAlone);
        writeFrames(second, secondAlone);
        SessionResult one1 = analyse(first);
        SessionResult two2 = analyse(second);
        SessionResult asked1 = analyse(folder, Optional.of(1));
        SessionResult asked2 = analyse(folder, Optional.of(2));
        SessionResult taken = res.metric("cadence_spm") == one1.metric("cadence_spm") ? one1 : two2;
        SessionResult other = taken == one1 ? two2 : one1;
        System.out.printf(Locale.ROOT, "    alone: %.2f and %.2f steps/min; default %.2f, --person 1 %.2f, --person 2 "
                + "%.2f%n", one1.metric("cadence_spm"), two2.metric("cadence_spm"), res.metric("cadence_spm"),
                asked1.metric("cadence_spm"), asked2.metric("cadence_spm"));
        assertThat(res.metric("cadence_spm")).as("the default choice is one of the two runners")
                .isIn(one1.metric("cadence_spm"), two2.metric("cadence_spm"));
        assertThat(asked1.steps()).hasSameSizeAs(taken.steps());
        assertThat(asked1.metric("cadence_spm")).isEqualTo(taken.metric("cadence_spm"));
        assertThat(asked2.steps()).hasSameSizeAs(other.steps());
        assertThat(asked2.metric("cadence_spm")).isEqualTo(other.metric("cadence_spm"));
        assertThat(asked2.metric("knee_fppa_deg_mean")).isEqualTo(other.metric("knee_fppa_deg_mean"));
        assertThat(asked2.decisions()).filteredOn(d -> d.key().equals("people")).singleElement()
                .satisfies(d -> assertThat(d.value()).contains("person 2"));
        // named, the choice is not in doubt
        assertThat(asked2.quality().checks()).noneMatch(c -> c.id().equals("runner_choice"));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> analyse(folder, Optional.of(3))))
                .hasMessageContaining("--person 3").hasMessageContaining("a person from 1 to 2");
        double rival = res.decisions().stream().filter(d -> d.key().equals("people_rival"))
                .mapToDouble(d -> Double.parseDouble(d.value())).findFirst().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "seed %d: two runners, rival %.2f, %d steps, cadence %.2f, quality %s %s%n", seed,
                rival, res.steps().size(), res.metric("cadence_spm"), res.quality().verdict().label(),
                res.quality().reasons());
        assertThat(rival).as("the other runner's score against the runner's").isGreaterThan(0.8);
        assertThat(res.quality().checks()).filteredOn(c -> c.id().equals("runner_choice")).singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(org.gaitform.model.Quality.DOUBTFUL));
        assertThat(res.quality().verdict()).isNotEqualTo(org.gaitform.model.Quality.GOOD);
        assertThat(res.quality().reasons()).anyMatch(w -> w.contains("may be that person's"));
    }

    private void crowd(long seed, boolean longHide) throws IOException {
        double fps = 30;
        FrontalRunnerOutOfSightTest.RearView view = FrontalRunnerOutOfSightTest.filmedFromBehind(seed, fps);
        Random rnd = view.rnd();
        PoseRunnerSimulator r = view.runner();
        double[][] runner = body25(view);
        int n = runner.length;
        Box first = Box.of(runner[0]);
        double side = rnd.nextBoolean() ? 1 : -1;
        double[] bystander = standing(runner[0], 1.4, side * 2.2 * first.size(), 0.1 * first.size(), rnd);
        List<List<double[]>> alone = new ArrayList<>();
        List<List<double[]>> crowded = new ArrayList<>();
        int hidden = 0;
        for (int i = 0; i < n; i++) {
            double t = i / fps;
            Box me = Box.of(runner[i]);
            List<double[]> people = new ArrayList<>();
            double[] walker = null;
            double from = longHide ? 4 : 3;
            double to = longHide ? 6.5 : 6;
            if (t >= from && t < to && me != null) {
                // the walker: the runner's own moving pose at twice the size, crossing the picture at a steady pace
                double across = -side * (1 - 2 * (t - from) / (to - from)) * (longHide ? 1 : 3) * me.size();
                walker = new double[runner[i].length];
                for (int j = 0; j < walker.length / 3; j++) {
                    if (runner[i][3 * j + 2] > 0) {
                        walker[3 * j] = me.cx() + across + 2 * (runner[i][3 * j] - me.cx());
                        walker[3 * j + 1] = me.cy() + 0.6 * me.size() + 2 * (runner[i][3 * j + 1] - me.cy());
                        walker[3 * j + 2] = runner[i][3 * j + 2];
                    }
                }
            }
            boolean runnerHidden = walker != null && (longHide || Math.abs(Box.of(walker).cx() - me.cx())
                    < 0.8 * me.size());
            if (me != null && !runnerHidden) {
                people.add(runner[i]);
            }
            hidden += runnerHidden ? 1 : 0;
            alone.add(new ArrayList<>(people));
            if (walker != null) {
                people.add(rnd.nextInt(people.size() + 1), walker);
            }
            double[] still = bystander.clone();
            for (int j = 0; j < still.length / 3; j++) {
                if (still[3 * j + 2] > 0) {
                    still[3 * j] += rnd.nextGaussian();
                    still[3 * j + 1] += rnd.nextGaussian();
                }
            }
            people.add(rnd.nextInt(people.size() + 1), still);
            crowded.add(people);
        }
        Path one = dir.resolve("alone_" + seed);
        Path two = dir.resolve("crowded_" + seed);
        writeFrames(one, alone);
        writeFrames(two, crowded);
        SessionResult a = analyse(one);
        SessionResult b = analyse(two);
        double fppaA = a.metric("knee_fppa_deg_mean");
        double fppaB = b.metric("knee_fppa_deg_mean");
        System.out.printf(Locale.ROOT, "seed %d: runner hidden in %d frames; alone %d steps, cadence %.2f (truth %.2f), "
                        + "FPPA %.2f, %s; with the others %d steps, cadence %.2f, FPPA %.2f, %s; %s%n", seed, hidden,
                a.steps().size(), a.metric("cadence_spm"), r.cadenceSpm(), fppaA, a.quality().verdict().label(),
                b.steps().size(), b.metric("cadence_spm"), fppaB, b.quality().verdict().label(),
                b.decisions().stream().filter(d -> d.key().startsWith("people")).map(d -> d.value() + ": "
                        + d.reason()).toList());
        assertThat(hidden).as("frames in which the passer-by hides the runner").isGreaterThan(longHide ? 70 : 5);
        assertThat(b.decisions()).anyMatch(d -> d.key().equals("people"));
        assertThat(b.steps().size()).as("steps").isBetween(a.steps().size() - 1, a.steps().size() + 1);
        assertThat(b.metric("cadence_spm")).as("cadence").isCloseTo(a.metric("cadence_spm"),
                org.assertj.core.data.Offset.offset(0.5));
        if (!Double.isNaN(fppaA)) {
            assertThat(fppaB).as("knee FPPA").isCloseTo(fppaA, org.assertj.core.data.Offset.offset(0.5));
        }
        assertThat(b.quality().verdict()).isEqualTo(a.quality().verdict());
        // the people passing move their legs too, in fewer frames than the runner: the choice is not in doubt
        assertThat(b.quality().checks()).filteredOn(c -> c.id().equals("runner_choice")).singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(org.gaitform.model.Quality.GOOD));
        // the report shows one frame with everyone in it and the runner marked; not for the runner alone
        assertThat(b.figures()).filteredOn(fig -> fig.view().equals("picture")).hasSizeGreaterThanOrEqualTo(2)
                .filteredOn(fig -> fig.key().equals("people_p1_analysed")).singleElement()
                .satisfies(fig -> assertThat(fig.points()).hasSizeGreaterThanOrEqualTo(6)); // some dropped by the faults
        assertThat(a.figures()).noneMatch(fig -> fig.view().equals("picture"));
        assertThat(org.gaitform.report.PoseCharts.forSession(b)).anyMatch(c -> c.name().equals("people"));
    }
}
