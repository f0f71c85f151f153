package org.gaitform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gaitform.io.pose.CocoKeypointsReader;
import org.gaitform.simulate.PoseRunnerSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** The pose options of {@code gaitform analyze}: exit codes and messages. */
class PoseOptionsCliTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = GaitformCli.run(args, new PrintWriter(o, true), new PrintWriter(e, true));
        return new Run(code, o.toString(), e.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--image-size|1920by1080|--image-size must be WIDTHxHEIGHT",
        "--landmark|elbow_knee=X|unknown landmark 'elbow_knee'",
        "--view|oblique|--view must be sagittal, frontal, rear, front or 3d",
        "--vertical|up|an axis must be x, y or z",
        "--height-cm|20|--height-cm must be a body height",
        "--unit|inch|--unit must be px, mm, cm, m or normalised",
        "--fps|0|--fps must be a frame rate",
        "--activity|jogging|--activity must be running or walking",
        "--lr-switch-correction|maybe|--lr-switch-correction must be auto, on or off",
        "--person|0|--person must be 1 (the person gaitform takes), 2 (the next) or more"})
    void badOptionValuesAreUsageErrors(String option, String value, String message) throws IOException {
        Path f = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");
        Run r = run("analyze", f.toString(), option, value, "--out", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains(message);
    }

    /**
     * A COCO results file with two people (the sample's runner and a copy of them 700 px to the right): analysed with
     * the choice reported, {@code --person 2} analyses the other one, {@code --person 3} is a failed input with one
     * message naming the file, the option, what was expected and what was found.
     */
    @Test
    void personChoosesAmongThePeopleOfACocoFile() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("sample-data", "video_side_openpose_30fps.csv"));
        List<String> head = List.of(lines.get(0).split(","));
        List<String> names = CocoKeypointsReader.HALPE_26;
        Map<String, String> toHalpe = Map.of("LHip", "left_hip", "RHip", "right_hip", "LKnee", "left_knee", "RKnee",
                "right_knee", "LAnkle", "left_ankle", "RAnkle", "right_ankle", "LHeel", "left_heel", "RHeel",
                "right_heel", "LBigToe", "left_big_toe", "RBigToe", "right_big_toe");
        StringBuilder sb = new StringBuilder("[");
        for (int f = 1; f < lines.size(); f++) {
            String[] cells = lines.get(f).split(",", -1);
            for (int person = 0; person < 2; person++) {
                double[] v = new double[3 * names.size()];
                toHalpe.forEach((b25, halpe) -> {
                    int x = head.indexOf(b25 + "_x");
                    int j = names.indexOf(halpe);
                    if (!cells[x].isEmpty()) {
                        v[3 * j] = Double.parseDouble(cells[x]);
                        v[3 * j + 1] = Double.parseDouble(cells[x + 1]);
                        v[3 * j + 2] = Double.parseDouble(cells[x + 2]);
                    }
                });
                if (person == 1) {
                    for (int j = 0; j < names.size(); j++) {
                        v[3 * j] += v[3 * j + 2] > 0 ? 700 : 0;
                    }
                }
                sb.append(sb.length() > 1 ? "," : "").append("{\"image_id\":").append(f).append(",\"keypoints\":")
                        .append(java.util.Arrays.toString(v)).append('}');
            }
        }
        Path f = Files.writeString(dir.resolve("two.json"), sb.append("]").toString());
        Run one = run("analyze", f.toString(), "--fps", "30", "--out", dir.resolve("out1").toString());
        assertThat(one.code()).as(one.err()).isEqualTo(ExitCode.OK);
        assertThat(one.out()).contains("quality doubtful");
        String summary = Files.readString(dir.resolve("out1").resolve("two").resolve("summary.json"));
        assertThat(summary).contains("\"decision_people\": \"2 followed, runner in 300 frames\"",
                "the values may be that person's");
        Run two = run("analyze", f.toString(), "--fps", "30", "--person", "2", "--out", dir.resolve("out2").toString());
        assertThat(two.code()).as(two.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(dir.resolve("out2").resolve("two").resolve("summary.json")))
                .contains("\"decision_people\": \"2 followed, person 2 in 300 frames\"");
        Run three = run("analyze", f.toString(), "--fps", "30", "--person", "3", "--out",
                dir.resolve("out3").toString());
        assertThat(three.code()).isEqualTo(ExitCode.NOTHING_ANALYSED);
        assertThat(three.out() + three.err()).contains("two.json: --person 3: expected a person from 1 to 2 (the "
                + "people followed in the frames), found person 3").doesNotContain("Exception");
    }

    @Test
    void aKeypointTableNamedStaticIsSaidToBeTakenForACalibrationTrial() throws IOException {
        PoseRunnerSimulator s = new PoseRunnerSimulator(60, 8, 170, 0.26, 3.0, 8.0, 0.20, 15, 6, 0.03, false);
        Path f = Files.writeString(dir.resolve("run_static_camera.csv"), s.keypointTable(false, 600));
        Run r = run("analyze", f.toString(), "--fps", "60", "--out", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(ExitCode.NOTHING_ANALYSED);
        assertThat(r.out() + r.err()).contains("run_static_camera.csv: expected a recording gaitform reads",
                "found a standing calibration trial (its name contains \"static\"), which gaitform reads only to "
                        + "calibrate the run recorded beside it; rename the file if it is a run");
        Path renamed = Files.move(f, dir.resolve("run_still_camera.csv"));
        assertThat(run("analyze", renamed.toString(), "--fps", "60", "--out", dir.resolve("out2").toString()).code())
                .isEqualTo(ExitCode.OK);
    }

    @Test
    void treadmillAndOvergroundExcludeEachOther() throws IOException {
        Path f = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");
        Run r = run("analyze", f.toString(), "--treadmill", "--overground", "--out", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("exclude each other");
    }

    @Test
    void analysesVideoKeypointsWithFpsHeightAndOverrides() throws IOException {
        PoseRunnerSimulator s = new PoseRunnerSimulator(60, 8, 170, 0.26, 3.0, 8.0, 0.20, 15, 6, 0.03, false);
        Path f = Files.writeString(dir.resolve("side.csv"), s.keypointTable(false, 600));
        Path out = dir.resolve("out");
        Run r = run("analyze", f.toString(), "--fps", "60", "--height-cm", "183", "--view", "sagittal", "--treadmill",
                "--landmark", "heel_left=LHeel", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        String summary = Files.readString(out.resolve("side").resolve("summary.json"));
        assertThat(summary).contains("\"decision_frame_rate_hz\": \"60\"", "\"decision_view_reason\": \"override (--view)\"",
                "\"decision_treadmill_reason\": \"override (--treadmill)\"", "\"overstride_cm\"", "\"trunk_lean_deg\"");
        assertThat(Files.readString(out.resolve("side").resolve("steps.csv")).lines().findFirst().orElseThrow())
                .startsWith("step,side,ic_s,to_s,contact_ms,flight_ms,step_time_s,activity,ic_method")
                .contains("overstride_cm", "overstride_pct_leg", "shank_angle_deg", "trunk_lean_deg",
                        "foot_strike_angle_deg");
        assertThat(out.resolve("side").resolve("charts").resolve("trunk_lean.png")).exists();
        assertThat(out.resolve("side").resolve("charts").resolve("overstride.png")).exists();
    }

    @Test
    void helpListsThePoseOptions() {
        Run r = run("analyze", "--help");
        assertThat(r.out()).contains("--fps", "--image-size", "--landmark", "--vertical", "--forward", "--view",
                "--height-cm", "--treadmill", "--overground", "--unit", "--activity", "--lr-switch-correction",
                "--person");
    }

    @Test
    void activityOverridesTheDecisionAndIsRecorded() throws IOException {
        PoseRunnerSimulator s = new PoseRunnerSimulator(30, 6, 170, 0.26, 3.0, 6.0, 0.15, 12, 6, 0.03, false);
        org.gaitform.simulate.PinholeCamera cam = new org.gaitform.simulate.PinholeCamera(
                org.gaitform.simulate.PinholeCamera.Placement.BEHIND, 4, 1.0, 1400, 1920, 1080);
        Path f = Files.writeString(dir.resolve("rear.csv"), s.cameraKeypointTable(cam, 3.0, 0, 1));
        Path out = dir.resolve("out");
        Run running = run("analyze", f.toString(), "--fps", "30", "--activity", "running", "--out", out.toString());
        assertThat(running.code()).as(running.err()).isEqualTo(ExitCode.OK);
        String summary = Files.readString(out.resolve("rear").resolve("summary.json"));
        assertThat(summary).contains("\"decision_activity\": \"running\"", "override (--activity running)",
                "\"decision_view\": \"frontal\"", "\"decision_perspective\"", "\"pelvic_drop_deg\"",
                "\"knee_fppa_deg\"");
        Run walking = run("analyze", f.toString(), "--fps", "30", "--activity", "walk", "--out",
                dir.resolve("out2").toString());
        assertThat(walking.code()).isEqualTo(ExitCode.NOTHING_ANALYSED);
        assertThat(walking.err() + walking.out()).contains("walking (--activity walking)");
    }

    @Test
    void leftRightSwitchesAreUndoneAndCountedUnlessTurnedOff() throws IOException {
        PoseRunnerSimulator s = new PoseRunnerSimulator(30, 8, 170, 0.26, 3.0, 6.0, 0.15, 12, 6, 0.03, false);
        org.gaitform.simulate.PinholeCamera cam = new org.gaitform.simulate.PinholeCamera(
                org.gaitform.simulate.PinholeCamera.Placement.BEHIND, 4, 1.0, 1400, 1920, 1080);
        java.util.List<String> names = s.cameraPointNames();
        org.gaitform.simulate.EstimatorFaults.Faulty faulty = new org.gaitform.simulate.EstimatorFaults(1, 0, 6, 0, 0,
                0.5, 3).apply(names, s.cameraPoints(cam, 3.0), 30);
        Path f = Files.writeString(dir.resolve("rear.csv"), PoseRunnerSimulator.keypointCsv(names, faulty.xy(),
                faulty.confidence()));
        Path out = dir.resolve("out");
        Run on = run("analyze", f.toString(), "--fps", "30", "--out", out.toString());
        assertThat(on.code()).as(on.err()).isEqualTo(ExitCode.OK);
        String summary = Files.readString(out.resolve("rear").resolve("summary.json"));
        assertThat(summary).contains("\"decision_lr_switch_correction\": \"on\"", "\"decision_lr_switched_frames\": \""
                + faulty.switchedFrames() + " of 240\"", "the pose estimator exchanged left and right keypoints");
        Run off = run("analyze", f.toString(), "--fps", "30", "--lr-switch-correction", "off", "--out",
                dir.resolve("out2").toString());
        String offSummary = off.code() == ExitCode.OK ? Files.readString(dir.resolve("out2").resolve("rear")
                .resolve("summary.json")) : off.err();
        assertThat(offSummary).doesNotContain("decision_lr_switched_frames");
        if (off.code() == ExitCode.OK) {
            assertThat(offSummary).contains("override (--lr-switch-correction off)");
        }
    }
}
