package org.gaitform.io.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.batch.BatchResult;
import org.gaitform.batch.BatchRunner;
import org.gaitform.batch.BatchListener;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.InputKind;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.model.GaitformException;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.simulate.PoseRunnerSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formats, options and bad input of the pose readers, on files written here. */
class PoseInputTest {
    @TempDir
    Path dir;

    private final InputReaders readers = new InputReaders();

    private static PoseReadOptions opts(Optional<Double> fps, Optional<Integer> w, Optional<Integer> h) {
        return new PoseReadOptions(fps, w, h, Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private SessionResult analyse(Path f, PoseReadOptions o) {
        AnalysisSettings s = new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS, o), GuidelineTable.builtIn());
        return new SessionPipeline(s).analyse(f, f.getFileName().toString(), "s");
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static final Map<String, String> BLAZE = Map.ofEntries(Map.entry("Nose", "nose"),
            Map.entry("LShoulder", "left_shoulder"), Map.entry("RShoulder", "right_shoulder"),
            Map.entry("LWrist", "left_wrist"), Map.entry("RWrist", "right_wrist"), Map.entry("LHip", "left_hip"),
            Map.entry("RHip", "right_hip"), Map.entry("LKnee", "left_knee"), Map.entry("RKnee", "right_knee"),
            Map.entry("LAnkle", "left_ankle"), Map.entry("RAnkle", "right_ankle"), Map.entry("LHeel", "left_heel"),
            Map.entry("RHeel", "right_heel"), Map.entry("LBigToe", "left_foot_index"),
            Map.entry("RBigToe", "right_foot_index"));

    /** The synthetic side view as a MediaPipe CSV: named or indexed columns, normalised to a 1920×1080 image. */
    private static String mediapipe(PoseRunnerSimulator r, boolean indexed) {
        String[] lines = r.keypointTable(false, 600).split("\n");
        String[] head = lines[0].split(",");
        List<Integer> keep = new ArrayList<>();
        List<String> out = new ArrayList<>();
        StringBuilder h = new StringBuilder("frame");
        for (int c = 1; c < head.length; c += 3) {
            String name = head[c].substring(0, head[c].length() - 2);
            String b = BLAZE.get(name);
            if (b == null) {
                continue;
            }
            keep.add(c);
            if (indexed) {
                int i = KeypointNames.BLAZEPOSE.indexOf(b);
                h.append(",x").append(i).append(",y").append(i).append(",z").append(i).append(",v").append(i);
            } else {
                h.append(',').append(b).append("_x,").append(b).append("_y,").append(b).append("_z,").append(b)
                        .append("_visibility");
            }
        }
        out.add(h.toString());
        for (int l = 1; l < lines.length; l++) {
            String[] f = lines[l].split(",");
            StringBuilder sb = new StringBuilder(f[0]);
            for (int c : keep) {
                sb.append(String.format(Locale.ROOT, ",%.6f,%.6f,%.4f,0.95", Double.parseDouble(f[c]) / 1920,
                        Double.parseDouble(f[c + 1]) / 1080, -0.1));
            }
            out.add(sb.toString());
        }
        return String.join("\n", out) + "\n";
    }

    @Test
    void mediaPipeNamedAndIndexedGiveTheSameSession() throws IOException {
        PoseRunnerSimulator r = new PoseRunnerSimulator(30, 8, 170, 0.26, 3.0, 8.0, 0.20, 15, 6, 0.03, false);
        Path named = write("mp_named.csv", mediapipe(r, false));
        Path indexed = write("mp_indexed.csv", mediapipe(r, true));
        assertThat(readers.kindOf(named)).contains(InputKind.POSE_CSV);
        PoseReadOptions o = opts(Optional.of(30.0), Optional.of(1920), Optional.of(1080));
        SessionResult a = analyse(named, o);
        SessionResult b = analyse(indexed, o);
        assertThat(a.inputKind()).isEqualTo("mediapipe-csv");
        assertThat(a.info().get("view")).isEqualTo("sagittal");
        assertThat(a.metric("cadence_spm")).isCloseTo(170, within(1.5));
        assertThat(a.metric("trunk_lean_deg")).isCloseTo(8, within(1.0));
        assertThat(b.metrics()).isEqualTo(a.metrics());
        assertThat(a.decisions()).anyMatch(d -> d.key().equals("image_size") && d.value().equals("1920x1080"));
        assertThat(a.decisions()).anyMatch(d -> d.key().equals("mediapipe_coordinates") && d.value().equals("image"));
        // without --image-size the picture's shape is found from the legs of this side view (ImageAspect)
        SessionResult c = analyse(named, opts(Optional.of(30.0), Optional.empty(), Optional.empty()));
        assertThat(c.decisions()).anyMatch(d -> d.key().equals("image_aspect") && d.value().equals("16:9"));
        assertThat(c.metric("trunk_lean_deg")).isCloseTo(a.metric("trunk_lean_deg"), within(0.05));
        assertThat(c.warnings()).noneMatch(w -> w.contains("--image-size"));
    }

    @Test
    void mediaPipeWorldCoordinatesAreMetresIn3d() throws IOException {
        PoseRunnerSimulator r = new PoseRunnerSimulator(30, 8, 170, 0.26, 3.0, 8.0, 0.20, 15, 6, 0.03, false);
        int frames = (int) Math.round(r.seconds() * r.fs());
        StringBuilder sb = new StringBuilder("frame");
        List<String> names = new ArrayList<>(BLAZE.keySet());
        for (String n : names) {
            String b = BLAZE.get(n);
            sb.append(',').append(b).append("_x,").append(b).append("_y,").append(b).append("_z,").append(b)
                    .append("_visibility");
        }
        sb.append('\n');
        for (int i = 0; i < frames; i++) {
            Map<String, double[]> p = r.pose(i / r.fs());
            double[] lh = p.get("LHip");
            double[] rh = p.get("RHip");
            double cy = (lh[1] + rh[1]) / 2;
            sb.append(i);
            for (String n : names) {
                double[] v = p.get(n);
                // BlazePose world landmarks: metres, origin between the hips, x to the image right, y down
                sb.append(String.format(Locale.ROOT, ",%.5f,%.5f,%.5f,0.99", v[2], -(v[1] - cy), -v[0]));
            }
            sb.append('\n');
        }
        Path f = write("mp_world.csv", sb.toString());
        SessionResult res = analyse(f, opts(Optional.of(30.0), Optional.empty(), Optional.empty()));
        if (System.getProperty("debugEvents") != null) {
            res.steps().stream().limit(8).forEach(System.out::println);
            res.decisions().forEach(System.out::println);
        }
        assertThat(res.inputKind()).isEqualTo("mediapipe-csv");
        assertThat(res.decisions()).anyMatch(d -> d.key().equals("mediapipe_coordinates") && d.value().equals("world"));
        assertThat(res.decisions()).anyMatch(d -> d.key().equals("coordinate_unit") && d.value().equals("m"));
        assertThat(res.decisions()).anyMatch(d -> d.key().equals("vertical_axis") && d.value().equals("-y"));
        assertThat(res.info().get("view")).isEqualTo("3d");
        assertThat(res.metric("cadence_spm")).isCloseTo(170, within(1.5));
        assertThat(res.metric("trunk_lean_deg")).isCloseTo(8, within(1.0));
        assertThat(res.metric("leg_length_cm")).isCloseTo(90, within(2.0));
    }

    @Test
    void frameRateAssumedForVideoWithoutOneAndTakenFromFps() throws IOException {
        PoseRunnerSimulator r = new PoseRunnerSimulator(60, 6, 170, 0.26, 3.0, 8.0, 0.20, 15, 6, 0.03, false);
        Path f = write("side.csv", r.keypointTable(false, 600));
        PoseRecording assumed = (PoseRecording) readers.read(f, "side.csv", ReadOptions.DEFAULTS);
        assertThat(assumed.frameRateHz()).isEqualTo(30.0);
        assertThat(assumed.warnings()).anyMatch(w -> w.contains("--fps"));
        PoseRecording given = (PoseRecording) readers.read(f, "side.csv",
                new ReadOptions(ImuReadOptions.DEFAULTS, opts(Optional.of(60.0), Optional.empty(), Optional.empty())));
        assertThat(given.frameRateHz()).isEqualTo(60.0);
        assertThat(given.timeS()[60]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void personLeavingTheFrameIsSkippedWithAWarning() throws IOException {
        PoseRunnerSimulator r = new PoseRunnerSimulator(60, 10, 170, 0.26, 3.0, 8.0, 0.20, 15, 6, 0.03, false);
        String[] lines = r.keypointTable(false, 600).split("\n");
        StringBuilder sb = new StringBuilder(lines[0]).append('\n');
        int cols = lines[0].split(",").length;
        for (int l = 1; l < lines.length; l++) {
            if (l > 420) {
                sb.append(l - 1).append(",0,0,0".repeat((cols - 1) / 3)).append('\n');
            } else {
                sb.append(lines[l]).append('\n');
            }
        }
        SessionResult res = analyse(write("leaves.csv", sb.toString()), opts(Optional.of(60.0), Optional.empty(),
                Optional.empty()));
        assertThat(res.warnings()).anyMatch(w -> w.contains("frames have no person"));
        assertThat(res.steps()).isNotEmpty().allMatch(s -> s.icS() < 7.0);
        assertThat(res.metric("cadence_spm")).isCloseTo(170, within(1.5));
    }

    @Test
    void badInputGivesOneClearMessage() throws IOException {
        // a table without foot keypoints
        Path noFeet = write("upper_body.csv", "frame,Nose_x,Nose_y,Nose_c,Neck_x,Neck_y,Neck_c,RShoulder_x,RShoulder_y,"
                + "RShoulder_c,LShoulder_x,LShoulder_y,LShoulder_c,RWrist_x,RWrist_y,RWrist_c\n"
                + "0,1,2,0.9,3,4,0.9,5,6,0.9,7,8,0.9,9,10,0.9\n1,1,2,0.9,3,4,0.9,5,6,0.9,7,8,0.9,9,10,0.9\n");
        assertThatThrownBy(() -> analyse(noFeet, PoseReadOptions.DEFAULTS)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("upper_body.csv").hasMessageContaining("foot points");
        // every confidence 0
        StringBuilder zero = new StringBuilder("frame");
        for (String n : KeypointNames.BODY_25) {
            zero.append(',').append(n).append("_x,").append(n).append("_y,").append(n).append("_c");
        }
        zero.append('\n');
        for (int i = 0; i < 5; i++) {
            zero.append(i).append(",100,200,0".repeat(25)).append('\n');
        }
        Path zeros = write("zeros.csv", zero.toString());
        assertThatThrownBy(() -> readers.read(zeros, "zeros.csv", ReadOptions.DEFAULTS)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("every confidence is 0");
        // a malformed frame in an OpenPose folder
        Path folder = Files.createDirectories(dir.resolve("op"));
        Files.writeString(folder.resolve("run_000000000000_keypoints.json"), "{\"version\":1.3,\"people\":[]}");
        Files.writeString(folder.resolve("run_000000000001_keypoints.json"), "{\"version\":1.3,\"people\":[{\"pose_"
                + "keypoints_2d\":[1,2,]}]}");
        assertThat(readers.kindOf(folder)).contains(InputKind.OPENPOSE_JSON);
        assertThatThrownBy(() -> readers.read(folder, "op", ReadOptions.DEFAULTS)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("run_000000000001_keypoints.json").hasMessageContaining("line 1, column");
        Files.writeString(folder.resolve("run_000000000001_keypoints.json"), "{\"version\":1.3,\"people\":[{\"pose_"
                + "keypoints_2d\":[1,2,3]}]}");
        assertThatThrownBy(() -> readers.read(folder, "op", ReadOptions.DEFAULTS)).isInstanceOf(GaitformException.class)
                .hasMessageContaining("75 numbers");
    }

    @Test
    void aBadPoseInputDoesNotStopTheBatchNorLeaveHalfAFolder() throws IOException {
        PoseRunnerSimulator r = new PoseRunnerSimulator(60, 8, 170, 0.26, 3.0, 8.0, 0.20, 15, 6, 0.03, false);
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a_side.csv"), r.keypointTable(false, 600));
        Path op = Files.createDirectories(in.resolve("b_openpose"));
        Files.writeString(op.resolve("x_000000000000_keypoints.json"), "{\"people\": [");
        Path trc = in.resolve("c_truncated.c3d");
        Files.write(trc, java.util.Arrays.copyOf(C3dReaderTest.c3d(3, 300, true, 84, 100f, 0), 3000));
        Path out = dir.resolve("out");
        AnalysisSettings s = new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS,
                opts(Optional.of(60.0), Optional.empty(), Optional.empty())), GuidelineTable.builtIn());
        BatchResult res = new BatchRunner(s, "test").run(List.of(in), out, new BatchListener() {
            @Override
            public void started(int total) {
            }

            @Override
            public void finished(org.gaitform.batch.Outcome o, int done, int total) {
            }
        });
        assertThat(res.okCount()).isEqualTo(1);
        assertThat(res.failedCount()).isEqualTo(2);
        assertThat(out.resolve("a_side").resolve("report.pdf")).exists();
        assertThat(out.resolve("a_side").resolve("charts").resolve("stick_ic_sagittal.png")).exists();
        assertThat(out.resolve("b_openpose")).doesNotExist();
        assertThat(out.resolve("c_truncated")).doesNotExist();
        assertThat(res.outcomes().get(1).message()).contains("x_000000000000_keypoints.json");
        assertThat(res.outcomes().get(2).message()).contains("truncated");
    }

    @Test
    void trcHeaderGivesRateAndUnits() throws IOException {
        PoseRunnerSimulator r = new PoseRunnerSimulator(100, 6, 170, 0.26, 3.0, 8.0, 0.20, 15, 6, 0.03, false);
        String[] lines = r.markerTable().split("\n");
        String[] head = lines[0].split("\t");
        List<String> names = new ArrayList<>();
        for (int c = 1; c < head.length; c += 3) {
            names.add(head[c].substring(0, head[c].length() - 1));
        }
        StringBuilder sb = new StringBuilder("PathFileType\t4\t(X/Y/Z)\tsynthetic.trc\n"
                + "DataRate\tCameraRate\tNumFrames\tNumMarkers\tUnits\tOrigDataRate\n100\t100\t" + (lines.length - 1) + "\t"
                + names.size() + "\tmm\t100\nFrame#\tTime");
        for (String n : names) {
            sb.append('\t').append(n).append("\t\t");
        }
        sb.append("\n\t");
        for (int i = 1; i <= names.size(); i++) {
            sb.append("\tX").append(i).append("\tY").append(i).append("\tZ").append(i);
        }
        sb.append("\n\n");
        for (int l = 1; l < lines.length; l++) {
            sb.append(l).append('\t').append(lines[l]).append('\n');
        }
        Path f = write("synthetic.trc", sb.toString());
        PoseRecording rec = (PoseRecording) readers.read(f, "synthetic.trc", ReadOptions.DEFAULTS);
        assertThat(rec.frameRateHz()).isEqualTo(100.0);
        assertThat(rec.unit()).isEqualTo("mm");
        SessionResult res = analyse(f, PoseReadOptions.DEFAULTS);
        assertThat(res.metric("cadence_spm")).isCloseTo(170, within(0.5));
        assertThat(res.metric("trunk_lean_deg")).isCloseTo(8, within(0.5));
    }
}
