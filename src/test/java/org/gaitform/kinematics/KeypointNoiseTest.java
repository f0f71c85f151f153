package org.gaitform.kinematics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link KeypointNoise} on synthetic keypoints with a known jitter: a trunk point that sways and bounces as a runner's
 * does (1.4 Hz sideways, 2.8 Hz up and down, a slow drift as the runner moves away), with Gaussian noise added.
 */
class KeypointNoiseTest {
    /** {x, y} of a running trunk point at {@code fs} for {@code n} frames, with jitter {@code sigma} (px). */
    private static double[][] trunkPoint(double fs, int n, double sigma, double swayPx, double bouncePx, Random rnd) {
        double[][] t = new double[2][n];
        double phase = rnd.nextDouble() * 2 * Math.PI;
        for (int i = 0; i < n; i++) {
            double s = i / fs;
            t[0][i] = 960 + swayPx * Math.sin(2 * Math.PI * 1.4 * s + phase) + 3 * s + sigma * rnd.nextGaussian();
            t[1][i] = 540 + bouncePx * Math.sin(2 * Math.PI * 2.8 * s + 2 * phase) - 10 * s + sigma * rnd.nextGaussian();
        }
        return t;
    }

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        long seed = 1;
        for (double fs : new double[] {30, 60, 120}) {
            for (double sigma : new double[] {0.5, 1, 3}) {
                b.add(Arguments.of(seed++, fs, sigma));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "seed {0}: {1} fps, jitter {2} px")
    @MethodSource("cases")
    void theJitterAddedToARunningTrunkIsMeasured(long seed, double fs, double sigma) {
        Random rnd = new Random(seed);
        // 20 s: the estimate's own spread is then about 5 % at 30 fps (8 % over 6 s)
        double[][] p = trunkPoint(fs, (int) (20 * fs), sigma, 25, 20, rnd);
        assertThat(KeypointNoise.jitter(p[0], p[1])).isCloseTo(sigma, within(0.15 * sigma + 0.05));
    }

    @ParameterizedTest(name = "{0} fps")
    @ValueSource(doubles = {30, 60, 120})
    void aSmoothBodyWithoutJitterHasNearlyNone(double fs) {
        // the trunk's own sway and bounce (20-25 px, as a runner 3-4 m from a 1080p camera) pass the cubic fit
        double[][] p = trunkPoint(fs, (int) (6 * fs), 0, 25, 20, new Random(3));
        assertThat(KeypointNoise.jitter(p[0], p[1])).isLessThan(0.2);
    }

    @Test
    void afewExchangedOrMisplacedFramesDoNotCount() {
        Random rnd = new Random(11);
        double[][] p = trunkPoint(30, 180, 1, 25, 20, rnd);
        for (int i = 5; i < 180; i += 33) {
            p[0][i] += 40; // a keypoint placed on the other hip for one frame
        }
        assertThat(KeypointNoise.jitter(p[0], p[1])).isCloseTo(1, within(0.2));
    }

    @Test
    void aLongRecordingIsSampledAndStillMeasured() {
        // 30 minutes at 60 fps: more windows than are used (every 11th)
        double[][] p = trunkPoint(60, 108_000, 2, 25, 20, new Random(17));
        assertThat(p[0].length - 4).isGreaterThan(KeypointNoise.MAX_WINDOWS);
        assertThat(KeypointNoise.jitter(p[0], p[1])).isCloseTo(2, within(0.06));
    }

    @Test
    void tooFewCompleteWindowsGiveNoJitter() {
        double[] x = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 3 == 0 ? Double.NaN : i;
        }
        assertThat(KeypointNoise.jitter(x)).isNaN();
        assertThat(KeypointNoise.jitter(new double[10])).isNaN();
    }

    @ParameterizedTest(name = "{0} fps")
    @ValueSource(doubles = {30, 60, 120, 25})
    void theFilterGainIsTheShareOfWhiteNoiseTheSmoothingLetsThrough(double fs) {
        Random rnd = new Random(5);
        double[] noise = new double[40_000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = rnd.nextGaussian();
        }
        double cutoff = BodyFrame.smoothingCutoffHz(fs);
        double[] y = BodyFrame.smooth(noise, fs, cutoff);
        assertThat(variance(y, 100)).isCloseTo(KeypointNoise.filterNoiseGain(fs, cutoff), within(0.04
                * KeypointNoise.filterNoiseGain(fs, cutoff)));
        // the mean of a few neighbouring smoothed frames keeps more than 1/sqrt(frames) of the noise
        for (int frames : new int[] {1, 3, 5, 9}) {
            double[] means = new double[y.length - frames];
            for (int i = 0; i < means.length; i++) {
                double s = 0;
                for (int k = 0; k < frames; k++) {
                    s += y[i + k];
                }
                means[i] = s / frames;
            }
            double factor = KeypointNoise.windowMeanFactor(fs, cutoff, frames);
            assertThat(Math.sqrt(variance(means, 100) / variance(y, 100))).as("%d frames", frames)
                    .isCloseTo(factor, within(0.04 * factor));
            assertThat(factor).isBetween(1 / Math.sqrt(frames) - 1e-9, 1.0);
        }
    }

    @Test
    void anAnglesNoiseFollowsFromItsPointsNoise() {
        Random rnd = new Random(9);
        // a hip line 30 px long and a leg of 45 + 45 px, as a runner 10 m from a 1080p camera
        double[][] l = {{100}, {200}};
        double[][] r = {{130}, {203}};
        double[][] hip = {{100}, {200}};
        double[][] knee = {{103}, {155}};
        double[][] ankle = {{101}, {110}};
        double diffSd = 1.5;
        double pointSd = 1.0;
        int n = 200_000;
        double[] line = new double[n];
        double[] knees = new double[n];
        for (int i = 0; i < n; i++) {
            double dx = r[0][0] - l[0][0] + diffSd * rnd.nextGaussian();
            double dy = r[1][0] - l[1][0] + diffSd * rnd.nextGaussian();
            line[i] = Math.toDegrees(Math.atan2(dy, dx));
            double[] h = {hip[0][0] + pointSd * rnd.nextGaussian(), hip[1][0] + pointSd * rnd.nextGaussian()};
            double[] k = {knee[0][0] + pointSd * rnd.nextGaussian(), knee[1][0] + pointSd * rnd.nextGaussian()};
            double[] a = {ankle[0][0] + pointSd * rnd.nextGaussian(), ankle[1][0] + pointSd * rnd.nextGaussian()};
            double thigh = Math.atan2(k[0] - h[0], h[1] - k[1]);
            double shank = Math.atan2(a[0] - k[0], k[1] - a[1]);
            knees[i] = Math.toDegrees(thigh - shank);
        }
        double predictedLine = KeypointNoise.lineAngleNoiseDeg(l, r, diffSd)[0];
        double predictedKnee = KeypointNoise.kneeAngleNoiseDeg(hip, knee, ankle, pointSd)[0];
        assertThat(Math.sqrt(variance(line, 0))).isCloseTo(predictedLine, within(0.05 * predictedLine));
        assertThat(Math.sqrt(variance(knees, 0))).isCloseTo(predictedKnee, within(0.05 * predictedKnee));
    }

    @Test
    void noiseBothHipsShareDoesNotTurnTheHipLine() {
        Random rnd = new Random(21);
        int n = 600;
        double fs = 60;
        double[][] l = trunkPoint(fs, n, 0.5, 25, 20, new Random(1));
        double[][] r = new double[2][n];
        for (int i = 0; i < n; i++) {
            // the whole person placed up to 3 px differently in each frame, both hips alike
            double cx = 3 * rnd.nextGaussian();
            double cy = 3 * rnd.nextGaussian();
            // the right hip: the left one's place (with its own 0.5 px jitter) 30 px over, and 0.5 px of its own
            r[0][i] = l[0][i] + 30 + cx + 0.5 * rnd.nextGaussian();
            r[1][i] = l[1][i] + cy + 0.5 * rnd.nextGaussian();
            l[0][i] += cx;
            l[1][i] += cy;
        }
        Map<Landmark, double[][]> raw = new EnumMap<>(Landmark.class);
        raw.put(Landmark.HIP_LEFT, l);
        raw.put(Landmark.HIP_RIGHT, r);
        KeypointNoise.Estimate e = KeypointNoise.measure(raw, fs, BodyFrame.smoothingCutoffHz(fs));
        assertThat(e.pointPx()).isCloseTo(Math.hypot(3, 0.5), within(0.4));
        // the right-minus-left vector carries only the right hip's own 0.5 px, not the 3 px both share
        assertThat(e.hipDifferencePx()).isCloseTo(0.5, within(0.1));
        assertThat(e.smoothedPointPx()).isLessThan(e.pointPx());
    }

    @Test
    void withoutTrunkPointsNothingIsMeasured() {
        Map<Landmark, double[][]> raw = new EnumMap<>(Landmark.class);
        raw.put(Landmark.HEEL_LEFT, trunkPoint(30, 100, 1, 20, 20, new Random(2)));
        assertThat(KeypointNoise.measure(raw, 30, 7.5)).isNull();
    }

    private static double variance(double[] x, int skip) {
        double s = 0;
        double ss = 0;
        int n = 0;
        for (int i = skip; i < x.length - skip; i++) {
            s += x[i];
            ss += x[i] * x[i];
            n++;
        }
        double m = s / n;
        return ss / n - m * m;
    }
}
