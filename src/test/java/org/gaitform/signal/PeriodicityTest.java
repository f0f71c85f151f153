package org.gaitform.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dominant lag is the lag of the highest {@link Periodicity#autocorrelation}, value for value. */
class PeriodicityTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void dominantLagIsTheBestAutocorrelation(long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[2000];
        double period = 20 + rnd.nextInt(40);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(2 * Math.PI * i / period) + 0.3 * rnd.nextGaussian() + (seed % 2 == 0 ? 0 : 5);
        }
        for (int k = 0; k < 50; k++) {
            int from = rnd.nextInt(1500) - 10;
            int to = from + 50 + rnd.nextInt(500);
            int minLag = 1 + rnd.nextInt(30);
            int maxLag = minLag + rnd.nextInt(100);
            double[] got = Periodicity.dominantLag(x, from, to, minLag, maxLag);
            int n = Math.min(x.length, to) - Math.max(0, from);
            int hi = Math.min(maxLag, n - 1);
            if (hi < minLag) {
                assertThat(got).isNull();
                continue;
            }
            int best = -1;
            double bestR = Double.NEGATIVE_INFINITY;
            for (int lag = minLag; lag <= hi; lag++) {
                double r = Periodicity.autocorrelation(x, from, to, lag);
                if (r > bestR) {
                    bestR = r;
                    best = lag;
                }
            }
            assertThat(got).containsExactly(best, bestR);
        }
        double[] flat = new double[100];
        assertThat(Periodicity.dominantLag(flat, 0, 100, 2, 10)).containsExactly(2, 0);
    }
}
