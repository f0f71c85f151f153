package org.gaitform.io.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.model.Keypoint;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keypoint tables written one row per tracked person (SLEAP's analysis CSV: {@code track, frame_idx,
 * instance.score, <node>.x, <node>.y, <node>.score, …}). One track is read as the runner's frames; several tracks in
 * one table repeat each frame number: the rows of a frame are its people, and the runner is chosen among them as in
 * an OpenPose video (before: they were read as a recording twice as long, cadence 82 steps/min for a runner at 164,
 * judged {@code poor}; then refused). Frames left out of the table are
 * frames without a person (before: the rows were read as consecutive frames, cadence 179 for 164, {@code poor}).
 */
class TrackTablesTest {
    @TempDir
    Path dir;

    private final InputReaders readers = new InputReaders();

    private static ReadOptions fps30() {
        return new ReadOptions(ImuReadOptions.DEFAULTS, new PoseReadOptions(Optional.of(30.0), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
    }

    /** SLEAP's analysis CSV header for the keypoints of {@code rec}, with its line end. */
    private static StringBuilder sleapHeader(PoseRecording rec) {
        StringBuilder sb = new StringBuilder("track,frame_idx,instance.score");
        for (Keypoint k : rec.keypoints()) {
            sb.append(',').append(k.name()).append(".x,").append(k.name()).append(".y,").append(k.name())
                    .append(".score");
        }
        return sb.append('\n');
    }

    /** The sample side-view video as SLEAP's analysis CSV, with {@code tracks} tracks (the same runner each). */
    private String sleap(PoseRecording rec, int tracks) {
        return sleap(rec, tracks, f -> true, f -> false);
    }

    /**
     * The same, with the rows of the frames that {@code kept} refuses left out and those of {@code blank} written with
     * empty keypoint cells.
     */
    private String sleap(PoseRecording rec, int tracks, java.util.function.IntPredicate kept,
                         java.util.function.IntPredicate blank) {
        StringBuilder sb = sleapHeader(rec);
        for (int f = 0; f < rec.timeS().length; f++) {
            if (!kept.test(f)) {
                continue;
            }
            for (int t = 0; t < tracks; t++) {
                sb.append("track_").append(t).append(',').append(f).append(",0.95");
                for (Keypoint k : rec.keypoints()) {
                    sb.append(Double.isFinite(k.x()[f]) && !blank.test(f) ? String.format(Locale.ROOT, ",%.3f,%.3f,%.4f", k.x()[f],
                            k.y()[f], k.confidence()[f]) : ",,,");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void oneTrackIsTheRunnersFrames() throws IOException {
        Path sample = Path.of("sample-data", "video_side_openpose_30fps.csv");
        PoseRecording rec = (PoseRecording) readers.read(sample, "sample", fps30());
        Path one = TempDirs.write(dir, "run.analysis.csv", sleap(rec, 1));
        AnalysisSettings settings = new AnalysisSettings(fps30(), GuidelineTable.builtIn());
        SessionResult a = new SessionPipeline(settings).analyse(sample, "sample", "a");
        SessionResult b = new SessionPipeline(settings).analyse(one, "one", "b");
        assertThat(b.steps()).hasSameSizeAs(a.steps());
        assertThat(b.metric("cadence_spm")).isCloseTo(a.metric("cadence_spm"), within(1e-6));
    }

    /**
     * SLEAP's analysis CSV leaves out the frames in which it found nobody; other exporters do the same. The rows are
     * placed on their frame numbers, so the steps come out as from the same table with those frames present and empty
     * (before, the rows were read as consecutive frames: the clip came out shorter and the cadence too high).
     */
    @Test
    void framesLeftOutOfTheTableAreFramesWithoutAPerson() throws IOException {
        Path sample = Path.of("sample-data", "video_side_openpose_30fps.csv");
        PoseRecording rec = (PoseRecording) readers.read(sample, "sample", fps30());
        java.util.function.IntPredicate gone = f -> (f >= 90 && f < 102) || f % 25 == 7;
        Path leftOut = TempDirs.write(dir, "left_out.analysis.csv", sleap(rec, 1, gone.negate(), f -> false));
        Path empty = TempDirs.write(dir, "empty.analysis.csv", sleap(rec, 1, f -> true, gone));
        AnalysisSettings settings = new AnalysisSettings(fps30(), GuidelineTable.builtIn());
        SessionResult all = new SessionPipeline(settings).analyse(sample, "sample", "a");
        SessionResult a = new SessionPipeline(settings).analyse(empty, "empty", "b");
        SessionResult b = new SessionPipeline(settings).analyse(leftOut, "left_out", "c");
        int missing = (int) java.util.stream.IntStream.range(0, rec.timeS().length).filter(gone).count();
        assertThat(b.decisions()).filteredOn(d -> d.key().equals("frame_numbers")).singleElement()
                .satisfies(d -> assertThat(d.value()).isEqualTo(missing + " missing"));
        assertThat(b.steps()).hasSameSizeAs(a.steps());
        for (int i = 0; i < a.steps().size(); i++) {
            assertThat(b.steps().get(i).icS()).isCloseTo(a.steps().get(i).icS(), within(1e-9));
        }
        assertThat(b.metric("cadence_spm")).isCloseTo(a.metric("cadence_spm"), within(1e-9));
        assertThat(b.metric("cadence_spm")).as("against the whole clip").isCloseTo(all.metric("cadence_spm"),
                within(1.0));
    }

    @Test
    void frameNumbersPlaceRowsOnlyWhenTheyCountFramesAndSkipSome() {
        assertThat(PoseCsvReader.framePlaces(new double[] {3, 4, 6, 7, 8})).containsExactly(0, 1, 3, 4, 5);
        assertThat(PoseCsvReader.framePlaces(new double[] {0, 1, 2, 3})).as("none skipped").isNull();
        assertThat(PoseCsvReader.framePlaces(new double[] {0, 2, 4, 6, 9})).as("every other frame").isNull();
        assertThat(PoseCsvReader.framePlaces(new double[] {0, 1, 2.5, 4})).as("not whole numbers").isNull();
        assertThat(PoseCsvReader.framePlaces(new double[] {0, 1, Double.NaN, 4})).as("names").isNull();
    }

    /**
     * One table, one row per person and frame (SLEAP's tracks, or any long-format export): the runner, someone standing
     * by in every frame, and the runner's own motion shifted sideways as a second person seen in the first 120 frames
     * only. The rows of each frame are its people and the runner is chosen as in an OpenPose video with several
     * people; {@code --person 2} takes the other one.
     */
    @Test
    void severalPeopleInOneTableAreThePeopleOfEachFrame() throws IOException {
        Path sample = Path.of("sample-data", "video_side_openpose_30fps.csv");
        PoseRecording rec = (PoseRecording) readers.read(sample, "sample", fps30());
        int frames = rec.timeS().length;
        // {sideways shift (px), first frame, last frame, standing still}
        double[][] crowd = {{0, 0, frames - 1, 0}, {-700, 0, frames - 1, 1}, {900, 0, 119, 0}};
        Path table = TempDirs.write(dir, "people.analysis.csv", people(rec, crowd));
        Path second = TempDirs.write(dir, "second.analysis.csv", people(rec, new double[][] {crowd[2]}));
        AnalysisSettings settings = new AnalysisSettings(fps30(), GuidelineTable.builtIn());
        SessionResult alone = new SessionPipeline(settings).analyse(sample, "sample", "a");
        SessionResult all = new SessionPipeline(settings).analyse(table, "people", "b");
        assertThat(all.decisions()).filteredOn(d -> d.key().equals("rows_per_frame")).singleElement()
                .satisfies(d -> assertThat(d.value()).isEqualTo((2 * frames + 120) + " rows in " + frames + " frames"));
        assertThat(all.decisions()).filteredOn(d -> d.key().equals("people")).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("person 1 (analysed): " + frames + " frames"));
        assertThat(all.steps()).hasSameSizeAs(alone.steps());
        for (int i = 0; i < alone.steps().size(); i++) {
            assertThat(all.steps().get(i).icS()).isCloseTo(alone.steps().get(i).icS(), within(1e-9));
        }
        assertThat(all.metric("cadence_spm")).isCloseTo(alone.metric("cadence_spm"), within(1e-9));
        assertThat(all.quality().checks()).filteredOn(c -> c.id().equals("runner_choice")).singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(org.gaitform.model.Quality.GOOD));

        ReadOptions person2 = new ReadOptions(ImuReadOptions.DEFAULTS, fps30().pose().withPerson(Optional.of(2)));
        SessionResult b = new SessionPipeline(new AnalysisSettings(person2, GuidelineTable.builtIn()))
                .analyse(table, "people", "c");
        SessionResult c = new SessionPipeline(settings).analyse(second, "second", "d");
        assertThat(b.steps()).hasSameSizeAs(c.steps());
        assertThat(b.metric("cadence_spm")).isCloseTo(c.metric("cadence_spm"), within(1e-9));
        ReadOptions person4 = new ReadOptions(ImuReadOptions.DEFAULTS, fps30().pose().withPerson(Optional.of(4)));
        assertThatThrownBy(() -> readers.read(table, "people.analysis.csv", person4))
                .hasMessageContaining("people.analysis.csv").hasMessageContaining("--person 4")
                .hasMessageContaining("a person from 1 to 3");
    }

    /**
     * The sample's runner as the people of {@code specs} ({sideways shift in px, first frame, last frame, 1 to stand
     * still in the first frame's pose}), one row per person and frame, sorted by frame.
     */
    private static String people(PoseRecording rec, double[][] specs) {
        StringBuilder sb = sleapHeader(rec);
        for (int f = 0; f < rec.timeS().length; f++) {
            for (int t = 0; t < specs.length; t++) {
                if (f < specs[t][1] || f > specs[t][2]) {
                    continue;
                }
                int at = specs[t][3] == 1 ? 0 : f;
                sb.append("track_").append(t).append(',').append(f).append(",0.95");
                for (Keypoint k : rec.keypoints()) {
                    sb.append(Double.isFinite(k.x()[at]) ? String.format(Locale.ROOT, ",%.3f,%.3f,%.4f",
                            k.x()[at] + specs[t][0], k.y()[at], k.confidence()[at]) : ",,,");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void hipsAndAnklesAreFoundByTheirNames() {
        assertThat(PersonTracks.Layout.of(java.util.List.of("Nose", "LHip", "RHip", "LAnkle", "RAnkle")))
                .isEqualTo(new PersonTracks.Layout(-1, 1, 2, 3, 4));
        assertThat(PersonTracks.Layout.of(java.util.List.of("right_ankle", "left_ankle", "pelvis", "hip.R", "hip.L")))
                .isEqualTo(new PersonTracks.Layout(2, 4, 3, 1, 0));
        assertThat(PersonTracks.Layout.of(java.util.List.of("MidHip", "LeftAnkle", "RightAnkle")).legs()).isTrue();
        assertThat(PersonTracks.Layout.of(java.util.List.of("LKnee", "RKnee", "LHip", "RHip")).legs())
                .as("no ankles").isFalse();
        assertThat(PersonTracks.Layout.BODY_25).isEqualTo(PersonTracks.Layout.of(KeypointNames.BODY_25));
    }

    @Test
    void bodyPartsForThePictureAreFoundByTheirNames() {
        Map<String, Integer> body25 = PersonTracks.roles(KeypointNames.BODY_25);
        assertThat(body25).containsEntry("head", 0).containsEntry("neck", 1).containsEntry("hip_left", 12)
                .containsEntry("toe_left", KeypointNames.BODY_25.indexOf("LBigToe"))
                .containsEntry("heel_right", KeypointNames.BODY_25.indexOf("RHeel"))
                .containsEntry("wrist_right", KeypointNames.BODY_25.indexOf("RWrist")).doesNotContainKey("hip");
        Map<String, Integer> whole = PersonTracks.roles(CocoKeypointsReader.WHOLE_BODY_FEET);
        assertThat(whole).containsEntry("toe_left", 17).containsEntry("heel_left", 19)
                .containsEntry("ankle_right", 16).containsEntry("head", 0);
    }

    @Test
    void rowsOutOfFrameOrderAreRefusedWithTheLine() throws IOException {
        Path back = TempDirs.write(dir, "back.csv", "frame,LHip_x,LHip_y,LKnee_x,LKnee_y,LAnkle_x,LAnkle_y,RHip_x,RHip_y\n"
                + "1,1,2,3,4,5,6,7,8\n2,1,2,3,4,5,6,7,8\n1,1,2,3,4,5,6,7,8\n");
        assertThatThrownBy(() -> readers.read(back, "back.csv", fps30())).hasMessageContaining("line 4, column 'frame'")
                .hasMessageContaining("above the previous row's (2)").hasMessageContaining("found 1")
                .hasMessageContaining("sorted by frame");
        Path markers = TempDirs.write(dir, "markers.csv", "frame,LHEE_X,LHEE_Y,LHEE_Z,RHEE_X,RHEE_Y,RHEE_Z,LTOE_X,LTOE_Y,"
                + "LTOE_Z,RTOE_X,RTOE_Y,RTOE_Z\n1,1,2,3,4,5,6,7,8,9,10,11,12\n1,1,2,3,4,5,6,7,8,9,10,11,12\n");
        assertThatThrownBy(() -> readers.read(markers, "markers.csv", fps30()))
                .hasMessageContaining("line 3, column 'frame'").hasMessageContaining("found 1 again")
                .hasMessageContaining("a marker table holds one row per frame");
    }
}
