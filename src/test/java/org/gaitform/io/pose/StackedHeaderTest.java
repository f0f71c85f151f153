package org.gaitform.io.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.InputKind;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.model.Keypoint;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.SharedData;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keypoint tables whose header stands on two rows, the points' names above their coordinates
 * ({@link PoseFiles#stacked}): DeepLabCut's CSV ({@code scorer}, {@code bodyparts}, {@code coords} rows, then a frame
 * index and x, y, likelihood per body part) and gaitmap's motion-capture table (marker names over x, y, z). Before,
 * both failed as IMU tables without accelerometer columns.
 */
class StackedHeaderTest {
    @TempDir
    Path dir;

    private final InputReaders readers = new InputReaders();

    private static ReadOptions fps(double fps) {
        return new ReadOptions(ImuReadOptions.DEFAULTS, new PoseReadOptions(Optional.of(fps), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
    }

    /** The sample side-view video (simulated, with truth) written as DeepLabCut writes its CSV gives the same steps. */
    @Test
    void aDeepLabCutCsvGivesTheStepsOfTheSameKeypoints() throws IOException {
        Path sample = Path.of("sample-data", "video_side_openpose_30fps.csv");
        PoseRecording rec = (PoseRecording) readers.read(sample, "sample", fps(30));
        StringBuilder scorer = new StringBuilder("scorer");
        StringBuilder parts = new StringBuilder("bodyparts");
        StringBuilder coords = new StringBuilder("coords");
        for (Keypoint k : rec.keypoints()) {
            for (String c : new String[] {"x", "y", "likelihood"}) {
                scorer.append(",DLC_resnet50_runnerJan1shuffle1_100000");
                parts.append(',').append(k.name());
                coords.append(',').append(c);
            }
        }
        StringBuilder sb = new StringBuilder().append(scorer).append('\n').append(parts).append('\n').append(coords)
                .append('\n');
        for (int f = 0; f < rec.timeS().length; f++) {
            sb.append(f);
            for (Keypoint k : rec.keypoints()) {
                boolean seen = Double.isFinite(k.x()[f]);
                sb.append(String.format(Locale.ROOT, ",%.3f,%.3f,%.4f", seen ? k.x()[f] : 0, seen ? k.y()[f] : 0,
                        seen ? k.confidence()[f] : 0.01));
            }
            sb.append('\n');
        }
        Path dlc = TempDirs.write(dir, "runDLC_resnet50.csv", sb.toString());
        assertThat(readers.kindOf(dlc)).contains(InputKind.POSE_CSV);
        PoseRecording read = (PoseRecording) readers.read(dlc, "dlc", fps(30));
        assertThat(read.keypoints()).extracting(Keypoint::name)
                .containsExactlyElementsOf(rec.keypoints().stream().map(Keypoint::name).toList());
        assertThat(read.keypoints().get(0).confidence()).isNotNull();

        AnalysisSettings settings = new AnalysisSettings(fps(30), GuidelineTable.builtIn());
        SessionResult a = new SessionPipeline(settings).analyse(sample, "sample", "a");
        SessionResult b = new SessionPipeline(settings).analyse(dlc, "dlc", "b");
        System.out.printf(Locale.ROOT, "DeepLabCut CSV: %d steps, cadence %.2f (OpenPose CSV: %d, %.2f)%n",
                b.steps().size(), b.metric("cadence_spm"), a.steps().size(), a.metric("cadence_spm"));
        assertThat(b.steps()).hasSameSizeAs(a.steps());
        for (int i = 0; i < a.steps().size(); i++) {
            assertThat(b.steps().get(i).icS()).isCloseTo(a.steps().get(i).icS(), within(1e-6));
            assertThat(b.steps().get(i).side()).isEqualTo(a.steps().get(i).side());
        }
        assertThat(b.metric("cadence_spm")).isCloseTo(a.metric("cadence_spm"), within(1e-6));
    }

    /** gaitmap's motion-capture table is now a marker table: it asks for its frame rate, not for accelerometers. */
    @Test
    void gaitmapsMocapTableIsReadAsMarkers() {
        Path mocap = SharedData.require("gaitmap-foot-imu-walking").resolve("mocap_sample.csv");
        assertThat(readers.kindOf(mocap)).contains(InputKind.POSE_CSV);
        assertThatThrownBy(() -> readers.read(mocap, "mocap_sample.csv", ReadOptions.DEFAULTS))
                .hasMessageContaining("give the frame rate with --fps");
        PoseRecording r = (PoseRecording) readers.read(mocap, "mocap_sample.csv", fps(100));
        assertThat(r.keypoints()).extracting(Keypoint::name).contains("L_TOE", "R_FCC", "L_FM5");
        assertThat(r.keypoints()).allSatisfy(k -> assertThat(k.is3d()).isTrue());
    }

    @Test
    void rowsThatAreNotNamesOverCoordinatesAreNotCombined() {
        assertThat(PoseFiles.stacked(List.of("bodyparts", "nose", "nose", "nose"), List.of("coords", "x", "y",
                "likelihood"))).containsExactly("coords", "nose_x", "nose_y", "nose_likelihood");
        assertThat(PoseFiles.stacked(List.of("", "L_TOE", "L_TOE", "L_TOE"), List.of("", "x", "y", "z")))
                .containsExactly("", "L_TOE_x", "L_TOE_y", "L_TOE_z");
        assertThat(PoseFiles.stacked(List.of("a", "b", "c"), List.of("t", "acc", "gyr"))).isNull();
        assertThat(PoseFiles.stacked(List.of("a", "", "c"), List.of("t", "x", "y"))).isNull();
        assertThat(PoseFiles.stacked(List.of("a", "b"), List.of("t", "x", "y"))).isNull();
    }
}
