package org.gaitform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.gaitform.io.pose.PoseCsvReader;
import org.gaitform.io.pose.PoseReadOptions;
import org.gaitform.model.PoseRecording;
import org.gaitform.quality.SignalCadence;
import org.gaitform.simulate.PinholeCamera;
import org.gaitform.simulate.PoseRunnerSimulator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quality check's yardstick on a frontal video of a runner moving along the camera's axis (docs/quality.md): the
 * same runners and cameras, without jitter, once with the runner travelling (its image shrinks or grows three to five
 * times over the clip) and once on a treadmill at the camera's first distance. The left-minus-right heel difference
 * read +0.8 to +2.3 steps/min high on the travelling runners (−0.3 to +0.2 on the treadmill): a foot's image height
 * mixes its depth with its height, and the mix changes with the distance. Each heel taken from its own knee
 * (SignalCadence.pose for a frontal view) reads +0.0 to +0.9 there, and divided by the runner's image scale per frame
 * (2026-12-07, evening) +0.03 to +0.74; a residual above 0.5 steps/min is printed as a known gap (2 of 12), and a
 * change that brings back the old bias fails.
 */
class FrontalSignalCadenceTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112})
    void aRunnerTravellingAlongTheCameraAxisReadsHighTheTreadmillDoesNot(long seed) throws IOException {
        // the cameras of PoseStrikePropertyTest.frontalAnglesUnderKeypointNoise, without jitter
        Random rnd = new Random(seed * 31 + 7);
        double fps = seed % 2 == 0 ? 60 : 30;
        PoseRunnerSimulator r = PoseStrikePropertyTest.runner(seed, fps, 6);
        PinholeCamera cam = PoseStrikePropertyTest.movingFrontalCamera(r, seed % 4 < 2, rnd);
        double travelling = signalCadence(r, cam, r.beltMps(), fps) - r.cadenceSpm();
        double treadmill = signalCadence(r, cam, 0, fps) - r.cadenceSpm();
        System.out.printf(Locale.ROOT, "frontal signal cadence seed %d (%s, %.0f fps, %.0f steps/min): runner travelling "
                + "%+.2f steps/min, on a treadmill %+.2f steps/min%s%n", seed, cam.placement(), fps, r.cadenceSpm(),
                travelling, treadmill, travelling > 0.5 ? "  KNOWN GAP: the travelling runner's yardstick still reads high" : "");
        assertThat(treadmill).as("treadmill, signal cadence - true (steps/min)").isBetween(-0.5, 0.5);
        assertThat(travelling).as("travelling, signal cadence - true (steps/min)").isBetween(-0.5, 1.2);
    }

    private double signalCadence(PoseRunnerSimulator r, PinholeCamera cam, double travelMps, double fps)
            throws IOException {
        List<String> names = r.cameraPointNames();
        double[][][] xy = r.cameraPoints(cam, travelMps);
        Path f = dir.resolve("frontal.csv");
        Files.writeString(f, PoseRunnerSimulator.keypointCsv(names, xy, null));
        PoseReadOptions po = new PoseReadOptions(Optional.of(fps), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        PoseRecording rec = new PoseCsvReader().read(f, "frontal.csv", po);
        int edge = (int) Math.round(0.5 * fps);
        SignalCadence.Estimate e = SignalCadence.pose(rec, true).orElseThrow().estimate(
                List.of(new int[] {edge, rec.size() - edge}), false);
        assertThat(e.available()).as(e.basis()).isTrue();
        return e.cadenceSpm();
    }
}
