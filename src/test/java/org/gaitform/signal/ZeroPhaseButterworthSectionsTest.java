package org.gaitform.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.me.berndporr.iirj.Butterworth;

/**
 * {@link ZeroPhaseButterworth}'s own run of iirj's sections gives bit for bit what iirj's {@code filter(double)} gives
 * sample by sample, forward and backward, for low- and high-pass designs of every order at several rates and cut-offs,
 * on noise, steps and spikes — so that the faster loop changes no result (and a different iirj is caught here).
 */
class ZeroPhaseButterworthSectionsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void sameSamplesAsIirj(int order) {
        Random rnd = new Random(order);
        for (double rateHz : new double[] {50, 100, 204.8, 1000}) {
            for (double cutoffHz : new double[] {0.3, 2, 6, 20}) {
                if (cutoffHz >= rateHz / 2 * 0.99) {
                    continue;
                }
                for (boolean lowPass : new boolean[] {true, false}) {
                    double[] x = new double[500 + rnd.nextInt(3000)];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = rnd.nextGaussian() * 3 + (i > x.length / 3 ? 9.81 : 0) + (rnd.nextInt(200) == 0 ? 1e4 : 0);
                    }
                    for (boolean backward : new boolean[] {false, true}) {
                        Butterworth lib = design(lowPass, order, rateHz, cutoffHz);
                        double[] expected = x.clone();
                        for (int k = 0; k < x.length; k++) {
                            int i = backward ? x.length - 1 - k : k;
                            expected[i] = lib.filter(expected[i]);
                        }
                        Butterworth own = design(lowPass, order, rateHz, cutoffHz);
                        assertThat(ZeroPhaseButterworth.sections(own)).as("coefficients readable").isNotNull();
                        double[] actual = x.clone();
                        ZeroPhaseButterworth.filter(own, actual, backward);
                        for (int i = 0; i < x.length; i++) {
                            assertThat(Double.doubleToLongBits(actual[i]))
                                    .as("order %d, %s Hz, cut-off %s Hz, low-pass %s, backward %s, sample %d", order,
                                            rateHz, cutoffHz, lowPass, backward, i)
                                    .isEqualTo(Double.doubleToLongBits(expected[i]));
                        }
                    }
                }
            }
        }
    }

    private static Butterworth design(boolean lowPass, int order, double rateHz, double cutoffHz) {
        Butterworth b = new Butterworth();
        if (lowPass) {
            b.lowPass(order, rateHz, cutoffHz);
        } else {
            b.highPass(order, rateHz, cutoffHz);
        }
        return b;
    }
}
