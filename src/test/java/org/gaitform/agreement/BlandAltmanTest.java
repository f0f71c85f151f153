package org.gaitform.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bias, SD, limits of agreement, MAE: a case checked by hand and a property test against a plain computation. */
class BlandAltmanTest {
    @Test
    void handCheckedCase() {
        // differences 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squared deviations 32, sample SD sqrt(32/7) = 2.138
        BlandAltman b = BlandAltman.of(new double[] {12, 14, 14, 14, 15, 15, 17, 19}, new double[] {10, 10, 10, 10, 10,
            10, 10, 10});
        assertThat(b.n()).isEqualTo(8);
        assertThat(b.bias()).isEqualTo(5.0);
        assertThat(b.sd()).isCloseTo(2.13809, within(1e-5));
        assertThat(b.loaLow()).isCloseTo(5 - 1.96 * 2.13809, within(1e-4));
        assertThat(b.loaHigh()).isCloseTo(5 + 1.96 * 2.13809, within(1e-4));
        assertThat(b.loaLow()).isCloseTo(0.80934, within(1e-4));
        assertThat(b.loaHigh()).isCloseTo(9.19066, within(1e-4));
        assertThat(b.mae()).isEqualTo(5.0);
        assertThat(b.rmse()).isCloseTo(Math.sqrt(232 / 8.0), within(1e-12));
        // signs matter for the bias, not for the MAE
        BlandAltman s = BlandAltman.of(new double[] {-3, 1});
        assertThat(s.bias()).isEqualTo(-1.0);
        assertThat(s.mae()).isEqualTo(2.0);
        assertThat(s.sd()).isCloseTo(Math.sqrt(8), within(1e-12));
    }

    @Test
    void emptyAndSingleValues() {
        assertThat(BlandAltman.of(new double[0]).n()).isZero();
        assertThat(BlandAltman.of(new double[0]).bias()).isNaN();
        BlandAltman one = BlandAltman.of(new double[] {Double.NaN, 3});
        assertThat(one.n()).isEqualTo(1);
        assertThat(one.bias()).isEqualTo(3);
        assertThat(one.sd()).isNaN();
        assertThat(one.loaLow()).isNaN();
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 25).mapToObj(i -> 77L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void agreesWithAPlainComputation(long seed) {
        Random rnd = new Random(seed);
        int n = 2 + rnd.nextInt(300);
        double bias = (rnd.nextDouble() - 0.5) * 40;
        double spread = rnd.nextDouble() * 30;
        double[] m = new double[n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = 150 + rnd.nextDouble() * 200;
            m[i] = r[i] + bias + spread * rnd.nextGaussian();
        }
        double sum = 0;
        double sumAbs = 0;
        for (int i = 0; i < n; i++) {
            sum += m[i] - r[i];
            sumAbs += Math.abs(m[i] - r[i]);
        }
        double mean = sum / n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (m[i] - r[i] - mean) * (m[i] - r[i] - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        BlandAltman b = BlandAltman.of(m, r);
        assertThat(b.n()).isEqualTo(n);
        assertThat(b.bias()).isCloseTo(mean, within(1e-9));
        assertThat(b.sd()).isCloseTo(sd, within(1e-9));
        assertThat(b.loaLow()).isCloseTo(mean - 1.96 * sd, within(1e-9));
        assertThat(b.loaHigh()).isCloseTo(mean + 1.96 * sd, within(1e-9));
        assertThat(b.mae()).isCloseTo(sumAbs / n, within(1e-9));
        // about 95 % of the differences fall within the limits when they are normal
        if (n >= 200 && spread > 1) {
            long inside = IntStream.range(0, n).filter(i -> m[i] - r[i] >= b.loaLow() && m[i] - r[i] <= b.loaHigh())
                    .count();
            assertThat(100.0 * inside / n).isBetween(90.0, 99.5);
        }
    }
}
