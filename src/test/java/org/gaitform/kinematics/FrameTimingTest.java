package org.gaitform.kinematics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link FrameTiming} on synthetic moving points with known lost and repeated frames (seeded). */
class FrameTimingTest {
    /**
     * Two feet swinging (sine, 200 px, 1.4 Hz) and a hip bouncing (8 px, 2.8 Hz) at 60 fps for 10 s, 1 px of
     * jitter; {@code lost} frames of the true sequence left out, {@code repeated} frames written twice in place of the
     * next.
     */
    private static Map<Landmark, double[][]> track(long seed, IntPredicate lost, IntPredicate repeated) {
        Random r = new Random(seed);
        int n = 600;
        double[][] left = new double[2][n];
        double[][] right = new double[2][n];
        double[][] hip = new double[2][n];
        int m = 0;
        for (int k = 0; k < n && m < n; k++) {
            if (lost.test(k)) {
                continue;
            }
            int src = k;
            for (int copy = 0; copy < (repeated.test(k) ? 2 : 1) && m < n; copy++) {
                double t = src / 60.0;
                left[0][m] = 500 + 200 * Math.sin(2 * Math.PI * 1.4 * t) + r.nextGaussian();
                left[1][m] = 900 - 40 * Math.max(0, Math.sin(2 * Math.PI * 1.4 * t)) + r.nextGaussian();
                right[0][m] = 500 - 200 * Math.sin(2 * Math.PI * 1.4 * t) + r.nextGaussian();
                right[1][m] = 900 - 40 * Math.max(0, -Math.sin(2 * Math.PI * 1.4 * t)) + r.nextGaussian();
                hip[0][m] = 500 + r.nextGaussian();
                hip[1][m] = 450 + 8 * Math.sin(2 * Math.PI * 2.8 * t) + r.nextGaussian();
                m++;
            }
            if (repeated.test(k)) {
                k++; // the next frame is the one the copy replaced
            }
        }
        Map<Landmark, double[][]> out = new EnumMap<>(Landmark.class);
        out.put(Landmark.HEEL_LEFT, new double[][] {java.util.Arrays.copyOf(left[0], m), java.util.Arrays.copyOf(left[1], m)});
        out.put(Landmark.HEEL_RIGHT, new double[][] {java.util.Arrays.copyOf(right[0], m), java.util.Arrays.copyOf(right[1], m)});
        out.put(Landmark.HIP_LEFT, new double[][] {java.util.Arrays.copyOf(hip[0], m), java.util.Arrays.copyOf(hip[1], m)});
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void lostFramesAreFoundAndOthersAreNot(long seed) {
        FrameTiming.Result intact = FrameTiming.measure(track(seed, k -> false, k -> false), 1);
        FrameTiming.Result lost = FrameTiming.measure(track(seed, k -> k % 25 == 7, k -> false), 1);
        FrameTiming.Result repeated = FrameTiming.measure(track(seed, k -> false, k -> k % 25 == 7), 1);
        assertThat(intact.skipped()).isZero();
        assertThat(intact.judged()).isGreaterThan(300);
        // 24 frames lost in 600; a few fall where the feet turn and the points barely move (not judged)
        assertThat(lost.skipped()).isBetween(15, 24);
        assertThat(lost.skippedShare()).isGreaterThan(0.02);
        assertThat(repeated.skipped()).isZero();
    }
}
