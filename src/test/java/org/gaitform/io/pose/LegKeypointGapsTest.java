package org.gaitform.io.pose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.kinematics.BodyFrame;
import org.gaitform.model.Decision;
import org.gaitform.model.PoseRecording;
import org.gaitform.model.Quality;
import org.gaitform.model.QualityCheck;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.simulate.PinholeCamera;
import org.gaitform.simulate.PoseRunnerSimulator;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frames missing a leg keypoint, split by what becomes of them: a gap of a few frames is interpolated (its
 * values can be wrong), a keypoint gone for longer (the feet out of the picture while the runner is close to the
 * camera) leaves its steps without values. The quality check makes a session poor only for interpolated frames.
 */
class LegKeypointGapsTest {
    @TempDir
    Path dir;

    /** Share of the frames at the start in which the feet are out of the picture. */
    private static final double CUT = 0.55;

    /**
     * A rear view at 30 fps: the feet out of the picture in the first {@link #CUT} of the frames, one heel dropped in
     * single frames every 10 frames after that.
     */
    private Path clip() throws IOException {
        PoseRunnerSimulator r = new PoseRunnerSimulator(30, 8, 170, 0.25, 3.0, 8.0, 0.20, 15, 6, 0.03, false);
        PinholeCamera cam = new PinholeCamera(PinholeCamera.Placement.BEHIND, 4, 1.0, 1400, 1920, 1080);
        List<String> names = r.cameraPointNames();
        double[][][] xy = r.cameraPoints(cam, r.beltMps());
        int n = xy.length;
        double[][] conf = new double[n][names.size()];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < names.size(); p++) {
                String name = names.get(p);
                boolean foot = name.contains("Ankle") || name.contains("Heel") || name.contains("Toe");
                boolean cut = foot && i < CUT * n;
                boolean dropped = name.equals("LHeel") && i >= CUT * n + 5 && i % 10 == 0;
                conf[i][p] = cut || dropped ? 0 : 0.9;
            }
        }
        return TempDirs.write(dir, "rear.csv", PoseRunnerSimulator.keypointCsv(names, xy, conf));
    }

    private static PoseReadOptions options() {
        return new PoseReadOptions(Optional.of(30.0), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void framesInShortGapsAreToldApartFromLongOnes() throws IOException {
        Path f = clip();
        PoseRecording rec = (PoseRecording) new org.gaitform.io.InputReaders().read(f, "rear.csv",
                new ReadOptions(ImuReadOptions.DEFAULTS, options()));
        int n = rec.timeS().length;
        int cut = (int) Math.ceil(CUT * n);
        int drops = 0;
        for (int i = cut + 5; i < n; i++) {
            drops += i % 10 == 0 ? 1 : 0;
        }
        assertThat(value(rec.decisions(), "leg_keypoints_missing")).isEqualTo((cut + drops) + " of " + n);
        assertThat(value(rec.decisions(), "leg_keypoints_interpolated")).isEqualTo(drops + " of " + n);
        // the gaps the reader calls short are those the body frame fills
        assertThat(PoseAssembler.INTERPOLATED_GAP_S).isEqualTo(BodyFrame.MAX_FILLED_GAP_S);
    }

    @Test
    void feetOutOfThePictureMakeTheSessionDoubtfulNotPoor() throws IOException {
        // more than half of the frames miss a leg keypoint, but almost all of them in one long gap
        Path f = clip();
        SessionResult r = new SessionPipeline(new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS,
                options()), GuidelineTable.builtIn())).analyse(f, "rear.csv", "s");
        QualityCheck c = r.quality().checks().stream().filter(q -> q.id().equals("keypoints_missing")).findFirst()
                .orElseThrow();
        assertThat(c.outcome()).as(c.sentence()).isEqualTo(Quality.DOUBTFUL);
        assertThat(c.sentence()).contains("the gap is longer than can be interpolated, and those steps have no values "
                + "from the keypoints");
    }

    private static String value(List<Decision> decisions, String key) {
        return decisions.stream().filter(d -> d.key().equals(key)).map(Decision::value).findFirst().orElseThrow();
    }
}
