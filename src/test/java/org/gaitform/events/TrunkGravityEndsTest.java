package org.gaitform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.DoubleBuffer;
import org.gaitform.signal.ZeroPhaseButterworth;
import org.junit.jupiter.api.Test;

/**
 * Gravity at the ends of a recording: a running trunk's axis reads 1 g on average and swings ±0.8 g at the step
 * frequency; its first and last samples can be anywhere in the swing. The gravity estimate must stay at 1 g there.
 */
class TrunkGravityEndsTest {
    private static final double FS = 200;

    private static double[] runningAxis(double firstG, double lastG) {
        double[] x = new double[1000]; // 5 s, as a force-plate trial
        for (int i = 0; i < x.length; i++) {
            x[i] = 1.0 + 0.8 * Math.sin(2 * Math.PI * 2.9 * i / FS + 0.4);
        }
        x[0] = firstG;
        x[x.length - 1] = lastG;
        return x;
    }

    private static double maxOff(double[] g) {
        double m = 0;
        for (double v : g) {
            m = Math.max(m, Math.abs(v - 1.0));
        }
        return m;
    }

    @Test
    void aSpikeAtEitherEndDoesNotTiltTheVertical() {
        double[] x = runningAxis(3.0, 0.0);
        double[] g = TrunkAlignment.gravity(DoubleBuffer.wrap(x), FS);
        assertThat(g).hasSize(x.length);
        assertThat(maxOff(g)).as("gravity within 0.08 g of 1 g over the whole recording").isLessThan(0.08);
        // the filter's own reflection about the end samples, which the vertical used before, is far off there
        double[] plain = ZeroPhaseButterworth.lowPass(2, TrunkAlignment.GRAVITY_LOW_PASS_HZ).apply(x, FS);
        System.out.printf("gravity off by at most %.3f g (filter alone: %.3f g)%n", maxOff(g), maxOff(plain));
        assertThat(maxOff(plain)).isGreaterThan(0.3);
    }

    @Test
    void veryShortSignalsAndABufferPositionAreHandled() {
        assertThat(TrunkAlignment.gravity(DoubleBuffer.wrap(new double[] {0.9}), FS)).containsExactly(0.9);
        assertThat(TrunkAlignment.gravity(DoubleBuffer.wrap(new double[0]), FS)).isEmpty();
        double[] x = runningAxis(1.0, 1.0);
        double[] padded = new double[x.length + 7];
        System.arraycopy(x, 0, padded, 7, x.length);
        DoubleBuffer b = DoubleBuffer.wrap(padded);
        b.position(7);
        assertThat(TrunkAlignment.gravity(b, FS)).containsExactly(TrunkAlignment.gravity(DoubleBuffer.wrap(x), FS));
        assertThat(b.position()).isEqualTo(7);
    }
}
