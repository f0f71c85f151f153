package org.gaitform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitform.model.Channel;
import org.gaitform.model.ImuSensor;
import org.gaitform.model.Placement;
import org.gaitform.model.Side;
import org.gaitform.signal.Vec3;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A synthetic shank: per stride a mid-swing peak, a sharp backward dip at initial contact (its minimum is the IC),
 * a slow backward rotation through stance and a deeper dip at toe-off (its minimum is the TO).
 */
class Greene2010ShankEventsTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void findsContactsAndIsDetectedAsAShank(long seed) {
        java.util.Random r = new java.util.Random(seed);
        double fs = new double[] {100, 200, 256}[r.nextInt(3)];
        boolean running = r.nextBoolean();
        double stride = running ? 0.7 : 1.1;
        double contact = running ? 0.24 : 0.66;
        int n = (int) (20 * fs);
        double[] p = new double[n];
        List<double[]> truth = new ArrayList<>();
        for (double ic = 1.0; ic + stride < 19; ic += stride) {
            double to = ic + contact;
            double ms = (to + ic + stride) / 2;
            truth.add(new double[] {ic, to});
            for (int i = 0; i < n; i++) {
                double t = i / fs;
                p[i] += 500 * gauss(t - ms, (ic + stride - to) / 5)
                        - 220 * gauss(t - ic, 0.012)
                        - 60 * (t > ic && t < to ? Math.sin(Math.PI * (t - ic) / contact) : 0)
                        - 280 * gauss(t - to, 0.03);
            }
        }
        List<LimbContact> found = new Greene2010ShankEvents().detect(p, fs);
        assertThat(found).hasSizeGreaterThanOrEqualTo(truth.size() - 2);
        for (LimbContact c : found) {
            double[] t = truth.stream().min((a, b) -> Double.compare(Math.abs(a[0] - c.icIndex() / fs),
                    Math.abs(b[0] - c.icIndex() / fs))).orElseThrow();
            // the 15 Hz low-pass widens the sharp dips a little: within 5 ms
            assertThat(Math.abs(c.icIndex() / fs - t[0])).as("IC at %.3f", t[0]).isLessThanOrEqualTo(0.005);
            assertThat(Math.abs(c.toIndex() / fs - t[1])).as("TO at %.3f", t[1]).isLessThanOrEqualTo(0.005);
        }
        // as a sensor: gyroscope about a random axis, gravity along a random up, no still stance
        Vec3 axis = new Vec3(r.nextGaussian(), r.nextGaussian(), r.nextGaussian()).unit();
        Vec3 up = axis.cross(new Vec3(r.nextGaussian(), r.nextGaussian(), r.nextGaussian())).unit();
        Map<Channel, double[]> ch = new EnumMap<>(Channel.class);
        double[][] g = new double[3][n];
        double[][] a = new double[3][n];
        for (int i = 0; i < n; i++) {
            double[] ax = {axis.x(), axis.y(), axis.z()};
            double[] u = {up.x(), up.y(), up.z()};
            for (int c = 0; c < 3; c++) {
                g[c][i] = ax[c] * p[i] + 2 * r.nextGaussian();
                a[c][i] = u[c] * (1 + 0.3 * Math.sin(2 * Math.PI * i / fs / stride)) + 0.05 * r.nextGaussian();
            }
        }
        ch.put(Channel.ACC_X, a[0]);
        ch.put(Channel.ACC_Y, a[1]);
        ch.put(Channel.ACC_Z, a[2]);
        ch.put(Channel.GYR_X, g[0]);
        ch.put(Channel.GYR_Y, g[1]);
        ch.put(Channel.GYR_Z, g[2]);
        ImuSensor s = new ImuSensor("shin", Placement.UNKNOWN, Side.UNKNOWN, ch);
        assertThat(PlacementDetector.detect(s, fs).placement()).isEqualTo(Placement.SHANK);
    }

    private static double gauss(double x, double sd) {
        return Math.exp(-0.5 * x * x / (sd * sd));
    }
}
