package org.gaitform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerticalOscillationTest {
    /** A trunk bouncing h·sin(ωt) per step, with a constant bias and drift in the acceleration: VO = 2h. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void recoversThePeakToPeakExcursionDespiteBias(long seed) {
        java.util.Random r = new java.util.Random(seed);
        double fs = new double[] {100, 200, 500}[r.nextInt(3)];
        double stepS = 0.3 + 0.1 * r.nextDouble();
        double hM = 0.03 + 0.02 * r.nextDouble();
        double bias = 0.05 * r.nextGaussian();
        double w = 2 * Math.PI / stepS;
        int n = (int) Math.round(10 * stepS * fs);
        double[] vg = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / fs;
            vg[i] = 1 + (-w * w * hM * Math.sin(w * t)) / 9.80665 + bias;
        }
        int a = (int) Math.round(2 * stepS * fs);
        int b = (int) Math.round(3 * stepS * fs);
        assertThat(VerticalOscillation.stepCm(vg, a, b, fs)).isCloseTo(200 * hM, offset(0.15));
    }
}
