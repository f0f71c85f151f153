package org.gaitform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gaitform.model.Side;
import org.gaitform.signal.Vec3;

/**
 * A simple synthetic foot IMU for tests: per stride, a push-off dip of the pitch rate (its minimum is the toe-off),
 * a swing lobe (positive), a landing dip that starts at the initial contact (the zero-crossing), then a still,
 * flat foot. The gyroscope turns about a random axis of the sensor; the accelerometer carries gravity along a
 * random "up", an impact at each contact and noise. Stride and contact times are chosen per stride.
 */
public final class FootImuFixture {
    public record Truth(Side side, double icS, double toS) {
    }

    public final double fs;
    public final int n;
    public final double[][] acc;
    public final double[][] gyr;
    public final List<Truth> truth = new ArrayList<>();

    /**
     * @param strideS   stride time (s)
     * @param contactS  contact time (s): running below half the stride, walking above
     * @param offsetS   when the first stride starts (s)
     */
    public FootImuFixture(long seed, double fs, double seconds, double strideS, double contactS, double offsetS, Side side) {
        this.fs = fs;
        this.n = (int) Math.round(seconds * fs);
        Random r = new Random(seed);
        double[] pitch = new double[n];
        double[] impact = new double[n];
        Vec3 axis = new Vec3(r.nextGaussian(), r.nextGaussian(), r.nextGaussian()).unit();
        Vec3 up = axis.cross(new Vec3(r.nextGaussian(), r.nextGaussian(), r.nextGaussian())).unit();
        double swingPeak = contactS < strideS / 2 ? 900 : 400;
        double t0 = offsetS + 1.0;
        while (t0 + 1.1 * strideS < seconds - 1.0) {
            double stride = strideS * (1 + 0.02 * r.nextGaussian());
            double contact = contactS * (1 + 0.03 * r.nextGaussian());
            double ic = t0;
            t0 += stride;
            double to = ic + contact;
            double nextIc = ic + stride;
            truth.add(new Truth(side, ic, to));
            for (int i = 0; i < n; i++) {
                double t = i / fs;
                if (t >= ic && t < ic + 0.06) { // landing: foot turns flat (negative)
                    pitch[i] += -0.6 * swingPeak * Math.sin(Math.PI * (t - ic) / 0.06);
                    impact[i] += 3 * Math.exp(-(t - ic) / 0.01);
                } else if (t >= to - 0.08 && t < to + 0.04) { // push-off dip, minimum at toe-off
                    double u = t < to ? (t - (to - 0.08)) / 0.08 : 1 + (t - to) / 0.04;
                    pitch[i] += -swingPeak * Math.sin(Math.PI * u / 2);
                } else if (t >= to + 0.04 && t < nextIc) { // swing: positive lobe ending at the next contact
                    pitch[i] += swingPeak * Math.sin(Math.PI * (t - to - 0.04) / (nextIc - to - 0.04));
                }
            }
        }
        acc = new double[3][n];
        gyr = new double[3][n];
        for (int i = 0; i < n; i++) {
            double a = 1 + impact[i] + 0.02 * r.nextGaussian();
            double[] g = {axis.x() * pitch[i], axis.y() * pitch[i], axis.z() * pitch[i]};
            double[] u = {up.x() * a, up.y() * a, up.z() * a};
            for (int c = 0; c < 3; c++) {
                gyr[c][i] = g[c] + r.nextGaussian();
                acc[c][i] = u[c] + 0.3 * Math.signum(pitch[i]) * Math.min(1, Math.abs(pitch[i]) / 500) * (c == 0 ? 1 : 0);
            }
        }
    }
}
