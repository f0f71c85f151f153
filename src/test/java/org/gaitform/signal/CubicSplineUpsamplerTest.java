package org.gaitform.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.DoubleBuffer;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CubicSplineUpsamplerTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void passesThroughEverySampleAndFollowsASmoothSignal(long seed) {
        Random rnd = new Random(seed);
        int n = 50 + rnd.nextInt(200);
        int factor = 2 + rnd.nextInt(9);
        // a few sines below a fifth of the sampling rate, as an accelerometer low-passed before it is sampled
        double[] f = new double[4];
        double[] a = new double[4];
        double[] p = new double[4];
        for (int k = 0; k < 4; k++) {
            f[k] = rnd.nextDouble() * 0.2;
            a[k] = rnd.nextDouble();
            p[k] = rnd.nextDouble() * 2 * Math.PI;
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = signal(i, f, a, p);
        }
        double[] y = CubicSplineUpsampler.upsample(DoubleBuffer.wrap(x), factor);
        assertThat(y).hasSize((n - 1) * factor + 1);
        double worstInside = 0;
        double worstLinear = 0;
        for (int j = 0; j < y.length; j++) {
            double t = (double) j / factor;
            if (j % factor == 0) {
                assertThat(y[j]).as("sample %d", j / factor).isCloseTo(x[j / factor], within(1e-12));
            }
            // away from the ends, where the natural spline's zero curvature is an assumption
            if (t > 5 && t < n - 6) {
                worstInside = Math.max(worstInside, Math.abs(y[j] - signal(t, f, a, p)));
                int i = (int) Math.floor(t);
                double u = t - i;
                double linear = (1 - u) * x[i] + u * x[i + 1];
                worstLinear = Math.max(worstLinear, Math.abs(linear - signal(t, f, a, p)));
            }
        }
        assertThat(worstInside).as("spline error against the signal (straight lines: %.4f)", worstLinear)
                .isLessThan(0.25 * worstLinear + 1e-9).isLessThan(0.02);
    }

    @Test
    void aStraightLineStaysStraight() {
        double[] x = {1, 3, 5, 7, 9};
        double[] y = CubicSplineUpsampler.upsample(DoubleBuffer.wrap(x), 4);
        for (int j = 0; j < y.length; j++) {
            assertThat(y[j]).isCloseTo(1 + 2 * j / 4.0, within(1e-12));
        }
    }

    @Test
    void readsFromTheBuffersPositionAndLeavesItAlone() {
        DoubleBuffer b = DoubleBuffer.wrap(new double[] {9, 0, 1, 2});
        b.position(1);
        assertThat(CubicSplineUpsampler.upsample(b, 2)).containsExactly(0, 0.5, 1, 1.5, 2);
        assertThat(b.position()).isEqualTo(1);
        assertThat(CubicSplineUpsampler.upsample(b, 1)).containsExactly(0, 1, 2);
        assertThat(CubicSplineUpsampler.upsample(DoubleBuffer.wrap(new double[] {4}), 3)).containsExactly(4);
    }

    @Test
    void refusesGapsAndFactorsBelowOne() {
        assertThatThrownBy(() -> CubicSplineUpsampler.upsample(DoubleBuffer.wrap(new double[] {1, Double.NaN, 2}), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> CubicSplineUpsampler.upsample(DoubleBuffer.wrap(new double[] {1, 2}), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    private static double signal(double t, double[] f, double[] a, double[] p) {
        double s = 0;
        for (int k = 0; k < f.length; k++) {
            s += a[k] * Math.sin(2 * Math.PI * f[k] * t + p[k]);
        }
        return s;
    }
}
