package org.gaitform.events;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.gaitform.model.Channel;
import org.gaitform.model.Decision;
import org.gaitform.model.ImuSensor;
import org.gaitform.signal.Vec3;
import org.gaitform.signal.ZeroPhaseButterworth;

/**
 * Sensor-to-body alignment for trunk sensors. The vertical is the direction of gravity, found as the
 * slowly varying mean of the acceleration (a 0.3 Hz low-pass): over whole steps the trunk does not
 * accelerate on average, so what remains is gravity, even while running. In the horizontal plane the
 * antero-posterior axis is the direction of largest variance during running (braking and propulsion
 * outweigh sway); its sign is settled later from braking ({@link ApPolarity}). The medio-lateral axis
 * completes a right-handed frame: right = forward × up.
 */
public final class TrunkAlignment {
    /** Cut-off of the gravity estimate (Hz). */
    public static final double GRAVITY_LOW_PASS_HZ = 0.3;

    private TrunkAlignment() {
    }

    /**
     * The vertical acceleration of a sensor and the per-sample up direction.
     *
     * @param verticalG vertical acceleration, up positive, gravity included (g)
     * @param up        per-sample unit vectors of the up direction in sensor axes, or {@code null} for
     *                  pre-aligned exports
     * @param meanUp    mean up direction in sensor axes, or {@code null} for pre-aligned exports
     * @param decisions how the vertical was found
     */
    public record Vertical(double[] verticalG, Vec3[] up, Vec3 meanUp, List<Decision> decisions) {
    }

    /** Finds the vertical of a sensor (pre-aligned {@code acc_v}, or from gravity with raw axes). */
    public static Vertical vertical(ImuSensor sensor, double samplingRateHz) {
        List<Decision> decisions = new ArrayList<>();
        if (sensor.has(Channel.ACC_V)) {
            decisions.add(new Decision("alignment", "pre-aligned",
                    "the export has a vertical acceleration column; used as it is"));
            return new Vertical(sensor.channel(Channel.ACC_V), null, null, decisions);
        }
        double[] ax = sensor.channel(Channel.ACC_X);
        double[] ay = sensor.channel(Channel.ACC_Y);
        double[] az = sensor.channel(Channel.ACC_Z);
        ZeroPhaseButterworth lp = ZeroPhaseButterworth.lowPass(2, GRAVITY_LOW_PASS_HZ);
        double[] gx = lp.apply(ax, samplingRateHz);
        double[] gy = lp.apply(ay, samplingRateHz);
        double[] gz = lp.apply(az, samplingRateHz);
        int n = ax.length;
        Vec3[] up = new Vec3[n];
        double[] v = new double[n];
        double sx = 0;
        double sy = 0;
        double sz = 0;
        for (int i = 0; i < n; i++) {
            Vec3 g = new Vec3(gx[i], gy[i], gz[i]);
            double norm = g.norm();
            up[i] = norm > 1e-6 ? g.times(1 / norm) : new Vec3(0, 0, 1);
            v[i] = ax[i] * up[i].x() + ay[i] * up[i].y() + az[i] * up[i].z();
            sx += ax[i];
            sy += ay[i];
            sz += az[i];
        }
        Vec3 meanUp = new Vec3(sx, sy, sz);
        meanUp = meanUp.norm() > 1e-9 ? meanUp.unit() : new Vec3(0, 0, 1);
        decisions.add(new Decision("alignment", "gravity",
                String.format(java.util.Locale.ROOT, "vertical = mean acceleration direction, in sensor axes (%.2f, %.2f, %.2f)",
                        meanUp.x(), meanUp.y(), meanUp.z())));
        return new Vertical(v, up, meanUp, decisions);
    }

    /**
     * Body-axis signals of a sensor: pre-aligned columns as they are, or raw axes projected on the
     * vertical and on the horizontal principal direction over the running stretches.
     *
     * @param sensor     the sensor
     * @param vertical   its vertical, from {@link #vertical}
     * @param running    the running stretches (all samples when empty)
     * @param decisions  receives how the horizontal axes were found
     */
    public static TrunkSignals bodyAxes(ImuSensor sensor, double samplingRateHz, Vertical vertical,
                                        List<IndexRange> running, List<Decision> decisions) {
        if (vertical.up() == null) {
            double[] ap = sensor.has(Channel.ACC_AP) ? sensor.channel(Channel.ACC_AP) : null;
            double[] ml = sensor.has(Channel.ACC_ML) ? sensor.channel(Channel.ACC_ML) : null;
            return new TrunkSignals(samplingRateHz, vertical.verticalG(), ap, ml);
        }
        double[] ax = sensor.channel(Channel.ACC_X);
        double[] ay = sensor.channel(Channel.ACC_Y);
        double[] az = sensor.channel(Channel.ACC_Z);
        int n = ax.length;
        Vec3 u = vertical.meanUp();
        Vec3 helper = Math.abs(u.x()) < 0.9 ? new Vec3(1, 0, 0) : new Vec3(0, 1, 0);
        Vec3 e1 = helper.minus(u.times(helper.dot(u))).unit();
        Vec3 e2 = u.cross(e1);
        double[] h1 = new double[n];
        double[] h2 = new double[n];
        double[] vv = vertical.verticalG();
        for (int i = 0; i < n; i++) {
            Vec3 a = new Vec3(ax[i], ay[i], az[i]);
            Vec3 h = a.minus(vertical.up()[i].times(vv[i]));
            h1[i] = h.dot(e1);
            h2[i] = h.dot(e2);
        }
        List<IndexRange> use = running.isEmpty() ? List.of(new IndexRange(0, n)) : running;
        double m1 = 0;
        double m2 = 0;
        long count = 0;
        for (IndexRange r : use) {
            for (int i = r.from(); i < r.to(); i++) {
                m1 += h1[i];
                m2 += h2[i];
                count++;
            }
        }
        m1 /= count;
        m2 /= count;
        double c11 = 0;
        double c12 = 0;
        double c22 = 0;
        for (IndexRange r : use) {
            for (int i = r.from(); i < r.to(); i++) {
                double d1 = h1[i] - m1;
                double d2 = h2[i] - m2;
                c11 += d1 * d1;
                c12 += d1 * d2;
                c22 += d2 * d2;
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(new double[][] {{c11, c12}, {c12, c22}}));
        double[] ev = eig.getRealEigenvalues();
        int k = ev[0] >= ev[1] ? 0 : 1;
        double p1 = eig.getEigenvector(k).getEntry(0);
        double p2 = eig.getEigenvector(k).getEntry(1);
        Vec3 forward = e1.times(p1).plus(e2.times(p2)).unit();
        Vec3 right = forward.cross(u);
        double[] ap = new double[n];
        double[] ml = new double[n];
        for (int i = 0; i < n; i++) {
            ap[i] = h1[i] * forward.dot(e1) + h2[i] * forward.dot(e2);
            ml[i] = h1[i] * right.dot(e1) + h2[i] * right.dot(e2);
        }
        double ratio = Math.max(ev[0], ev[1]) / Math.max(1e-12, Math.min(ev[0], ev[1]));
        decisions.add(new Decision("forward_axis", String.format(java.util.Locale.ROOT, "(%.2f, %.2f, %.2f)",
                forward.x(), forward.y(), forward.z()), String.format(java.util.Locale.ROOT,
                "horizontal direction of largest variance while running (%.1f× the variance across it), in sensor axes",
                ratio)));
        return new TrunkSignals(samplingRateHz, vv, ap, ml);
    }
}
