package org.gaitform.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.ReadOptions;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.pose.PoseReadOptions;
import org.gaitform.kinematics.Landmark;
import org.gaitform.model.GaitformException;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.simulate.PinholeCamera;
import org.gaitform.support.MarkerCamera;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A walker on a treadmill filmed from behind: OpenCap's walking keypoints (the shared {@code opencap-markerless-walking}
 * trial, 1.4 m/s overground) with the hips' travel taken off, so that the walker stays at one distance and the planted
 * foot moves back as on a belt, through a camera 3.5 m behind at 1 m. Frontal views of a runner at one distance have
 * their initial contacts timed from the pelvis ({@code PelvisDescentContacts}); a walker's pelvis is highest in
 * mid-stance, so its fastest descent comes before the landing. The walk must still be told from running and refused;
 * so must the same walker filmed while it walks away or comes closer, whose steps are not tracked on the pelvis when
 * the feet's contacts show a walk.
 */
class FrontalTreadmillWalkingTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} fps")
    @ValueSource(doubles = {30, 60})
    void aTreadmillWalkerFilmedFromBehindIsStillAWalker(double fps) throws IOException {
        MarkerCamera.Tracks still = withoutTravel(walker());
        PinholeCamera cam = new PinholeCamera(PinholeCamera.Placement.BEHIND, 3.5, 1.0, 1400, 1920, 1080);
        assertThatThrownBy(() -> analyse(still, cam, fps, "treadmill_walk_rear.csv"))
                .isInstanceOf(GaitformException.class).hasMessageContaining("walking, not running");
    }

    /**
     * The same walker as recorded, walking away from a camera 3.5 m behind its start or towards one 9 m ahead (its image
     * grows or shrinks about 2.5 times over the clip): frontal views of a runner moving away or coming closer have their
     * steps tracked on the pelvis's bounce ({@code PelvisStepTracking}), not for a walk the feet's contacts show, so
     * the walk is still told from running and refused.
     */
    @ParameterizedTest(name = "{0} at {1} fps")
    @CsvSource({"BEHIND, 3.5, 30", "BEHIND, 3.5, 60", "AHEAD, 9, 30"})
    void aWalkerMovingAwayOrComingCloserIsStillAWalker(String where, double distanceM, double fps) throws IOException {
        PinholeCamera cam = new PinholeCamera(PinholeCamera.Placement.valueOf(where), distanceM, 1.0, 1400, 1920, 1080);
        // refused as walking, and told how to override the decision should it be wrong
        assertThatThrownBy(() -> analyse(walker(), cam, fps, "walk_frontal.csv")).isInstanceOf(GaitformException.class)
                .hasMessageContaining("walking, not running").hasMessageContaining("--activity running overrides");
    }

    /** OpenCap's walker (the shared trial's keypoints, m). */
    static MarkerCamera.Tracks walker() {
        return MarkerCamera.landmarks(SharedData.require("opencap-markerless-walking").resolve("walk.trc"));
    }

    /** The tracks filmed by the camera over the whole trial (1 px of jitter) and analysed as a video at that rate. */
    private void analyse(MarkerCamera.Tracks tracks, PinholeCamera cam, double fps, String name) throws IOException {
        double[] t = tracks.timeS();
        Path f = dir.resolve(name);
        Files.writeString(f, MarkerCamera.keypointCsv(tracks, cam, fps, 0, 1, 3, t[0], t[t.length - 1] - t[0], 0));
        PoseReadOptions po = new PoseReadOptions(Optional.of(fps), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        new SessionPipeline(new AnalysisSettings(new ReadOptions(ImuReadOptions.DEFAULTS, po), GuidelineTable.builtIn()))
                .analyse(f, "walk", "s");
    }

    /**
     * The walker's travel taken off every point (a line fitted to the hips' midpoint over time, in both horizontal
     * axes), and the walking direction turned to +x (forward, away from a camera behind).
     */
    private static MarkerCamera.Tracks withoutTravel(MarkerCamera.Tracks tr) {
        double[] t = tr.timeS();
        int n = t.length;
        double[][] hl = tr.points().get(Landmark.HIP_LEFT);
        double[][] hr = tr.points().get(Landmark.HIP_RIGHT);
        double[] slope = new double[3];
        for (int d : new int[] {0, 2}) {
            double st = 0;
            double sy = 0;
            double stt = 0;
            double sty = 0;
            for (int i = 0; i < n; i++) {
                double y = (hl[d][i] + hr[d][i]) / 2;
                st += t[i];
                sy += y;
                stt += t[i] * t[i];
                sty += t[i] * y;
            }
            slope[d] = (n * sty - st * sy) / (n * stt - st * st);
        }
        // OpenCap's walker goes along +x at 1.4 m/s (z within 0.1 m/s)
        assertThat(slope[0]).as("walking speed along x (m/s)").isBetween(1.0, 1.8);
        Map<Landmark, double[][]> out = new EnumMap<>(Landmark.class);
        for (Map.Entry<Landmark, double[][]> e : tr.points().entrySet()) {
            double[][] p = e.getValue();
            double[][] q = new double[3][n];
            for (int i = 0; i < n; i++) {
                q[0][i] = p[0][i] - slope[0] * (t[i] - t[0]);
                q[1][i] = p[1][i];
                q[2][i] = p[2][i] - slope[2] * (t[i] - t[0]);
            }
            out.put(e.getKey(), q);
        }
        return new MarkerCamera.Tracks(t, out);
    }
}
