package org.gaitform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.gaitform.model.Channel;
import org.gaitform.model.ImuSensor;
import org.gaitform.model.Placement;
import org.gaitform.model.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The tilt correction of pre-aligned trunk exports (Moe-Nilssen 1998): a known vertical, tilted, comes back. */
class TrunkAlignmentTiltTest {
    private static final double FS = 100;
    private static final int N = 1000; // 10 s: whole periods of 3 Hz, so the true horizontal means are 0

    /** A running-like vertical (mean 1 g) and forward / sideways accelerations with mean 0. */
    private static double[][] body(long seed) {
        Random rnd = new Random(seed);
        double[][] x = new double[3][N];
        double phase = rnd.nextDouble();
        for (int i = 0; i < N; i++) {
            double t = i / FS;
            x[0][i] = 0.4 * Math.sin(2 * Math.PI * 3 * t + phase); // forward
            x[1][i] = 0.2 * Math.sin(2 * Math.PI * 1.5 * t); // right
            x[2][i] = 1 + 0.9 * Math.sin(2 * Math.PI * 3 * t + phase + 1.2); // up
        }
        return x;
    }

    private static ImuSensor export(double[] v, double[] ap, double[] ml) {
        Map<Channel, double[]> ch = new EnumMap<>(Channel.class);
        ch.put(Channel.ACC_V, v);
        if (ap != null) {
            ch.put(Channel.ACC_AP, ap);
        }
        if (ml != null) {
            ch.put(Channel.ACC_ML, ml);
        }
        return new ImuSensor("imu", Placement.SACRUM, Side.UNKNOWN, ch);
    }

    @ParameterizedTest(name = "pitch {0}°")
    @ValueSource(doubles = {-40, -12, 8, 20, 35})
    void aPitchedExportGivesBackTheVertical(double pitchDeg) {
        double[][] b = body(Double.doubleToLongBits(pitchDeg));
        double a = Math.toRadians(pitchDeg);
        double[] v = new double[N];
        double[] ap = new double[N];
        for (int i = 0; i < N; i++) {
            // the sensor's axes turned forwards by the pitch in the sagittal plane
            ap[i] = Math.cos(a) * b[0][i] - Math.sin(a) * b[2][i];
            v[i] = Math.sin(a) * b[0][i] + Math.cos(a) * b[2][i];
        }
        TrunkAlignment.Tilted t = TrunkAlignment.gravityAligned(export(v, ap, null)).orElseThrow();
        assertThat(t.tiltDeg()).isCloseTo(Math.abs(pitchDeg), within(1e-6));
        for (int i = 0; i < N; i += 37) {
            assertThat(t.verticalG()[i]).isCloseTo(b[2][i], within(1e-9));
        }
    }

    @Test
    void aPitchedAndRolledExportGivesBackTheVertical() {
        double[][] b = body(7);
        // roll 15° about the forward axis, then pitch 25° about the new right axis
        double r = Math.toRadians(15);
        double p = Math.toRadians(25);
        double[] v = new double[N];
        double[] ap = new double[N];
        double[] ml = new double[N];
        for (int i = 0; i < N; i++) {
            double f = b[0][i];
            double y = Math.cos(r) * b[1][i] - Math.sin(r) * b[2][i];
            double z = Math.sin(r) * b[1][i] + Math.cos(r) * b[2][i];
            ap[i] = Math.cos(p) * f - Math.sin(p) * z;
            ml[i] = y;
            v[i] = Math.sin(p) * f + Math.cos(p) * z;
        }
        TrunkAlignment.Tilted t = TrunkAlignment.gravityAligned(export(v, ap, ml)).orElseThrow();
        assertThat(t.tiltDeg()).isCloseTo(Math.toDegrees(Math.acos(Math.cos(r) * Math.cos(p))), within(1e-6));
        for (int i = 0; i < N; i += 41) {
            assertThat(t.verticalG()[i]).isCloseTo(b[2][i], within(1e-9));
        }
    }

    @Test
    void nearlyUprightOrVerticalOnlyExportsAreLeftAlone() {
        double[][] b = body(3);
        double a = Math.toRadians(TrunkAlignment.MIN_TILT_DEG * 0.8);
        double[] v = new double[N];
        double[] ap = new double[N];
        for (int i = 0; i < N; i++) {
            ap[i] = Math.cos(a) * b[0][i] - Math.sin(a) * b[2][i];
            v[i] = Math.sin(a) * b[0][i] + Math.cos(a) * b[2][i];
        }
        assertThat(TrunkAlignment.gravityAligned(export(v, ap, null))).isEmpty();
        assertThat(TrunkAlignment.gravityAligned(export(b[2], null, null))).isEmpty();
    }
}
