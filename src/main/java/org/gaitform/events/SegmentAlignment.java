package org.gaitform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.gaitform.model.Channel;
import org.gaitform.model.Decision;
import org.gaitform.model.ImuSensor;
import org.gaitform.signal.Stats;
import org.gaitform.signal.Vec3;

/**
 * Sensor-to-segment alignment for sensors on the foot or the shank. The vertical is the direction of
 * gravity (as for the trunk, {@link TrunkAlignment#vertical}). The medio-lateral axis is the principal
 * axis of the gyroscope: foot and shank turn mostly in the sagittal plane, about the medio-lateral axis,
 * so the direction of largest angular-velocity variance is that axis whatever way the sensor was strapped
 * on. Its sign is chosen so that the swing phase is positive (the convention of Falbriard et al. 2018 for
 * the "pitch" angular velocity): the swing is the longest stretch of one-signed rotation in every stride
 * (about 40 % of the stride in walking, 60 % in running), longer than the push-off and the landing, which
 * turn the other way.
 */
public final class SegmentAlignment {
    /** Lobes of the pitch rate above this share of its 99th percentile are compared to find the swing. */
    static final double LOBE_LEVEL = 0.2;

    private SegmentAlignment() {
    }

    /**
     * The sagittal angular velocity of a segment.
     *
     * @param pitchDps          angular velocity about the medio-lateral axis (deg/s), swing positive
     * @param mlAxis            that axis in sensor coordinates (unit vector)
     * @param principalShare    share of the gyroscope's variance about that axis (0–1)
     * @param decisions         how it was found
     */
    public record Pitch(double[] pitchDps, Vec3 mlAxis, double principalShare, List<Decision> decisions) {
    }

    /** Finds the medio-lateral axis and the sign of the pitch rate; the sensor must have a gyroscope. */
    public static Pitch pitch(ImuSensor sensor, double samplingRateHz) {
        double[] gx = sensor.channel(Channel.GYR_X);
        double[] gy = sensor.channel(Channel.GYR_Y);
        double[] gz = sensor.channel(Channel.GYR_Z);
        int n = gx.length;
        double mx = Stats.mean(gx);
        double my = Stats.mean(gy);
        double mz = Stats.mean(gz);
        double[][] c = new double[3][3];
        for (int i = 0; i < n; i++) {
            double[] v = {gx[i] - mx, gy[i] - my, gz[i] - mz};
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    c[a][b] += v[a] * v[b];
                }
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(c));
        double[] ev = eig.getRealEigenvalues();
        int k = 0;
        for (int i = 1; i < 3; i++) {
            if (ev[i] > ev[k]) {
                k = i;
            }
        }
        double total = Math.max(1e-12, ev[0] + ev[1] + ev[2]);
        Vec3 axis = new Vec3(eig.getEigenvector(k).getEntry(0), eig.getEigenvector(k).getEntry(1),
                eig.getEigenvector(k).getEntry(2)).unit();
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = gx[i] * axis.x() + gy[i] * axis.y() + gz[i] * axis.z();
        }
        double level = LOBE_LEVEL * Stats.percentile(abs(p), 99);
        double pos = typicalLobeLength(p, level, 1);
        double neg = typicalLobeLength(p, level, -1);
        if (neg > pos) {
            for (int i = 0; i < n; i++) {
                p[i] = -p[i];
            }
            axis = axis.times(-1);
        }
        double share = ev[k] / total;
        List<Decision> decisions = new ArrayList<>();
        decisions.add(new Decision("ml_axis" + suffix(sensor), String.format(Locale.ROOT, "(%.2f, %.2f, %.2f)", axis.x(),
                axis.y(), axis.z()), String.format(Locale.ROOT, "principal axis of the gyroscope (%.0f %% of its variance), "
                + "in sensor axes; signed so that the swing, the longest one-signed rotation of each stride (%.0f ms "
                + "against %.0f ms the other way), is positive", 100 * share,
                1000 * Math.max(pos, neg) / samplingRateHz, 1000 * Math.min(pos, neg) / samplingRateHz)));
        return new Pitch(p, axis, share, decisions);
    }

    private static String suffix(ImuSensor s) {
        return s.side() == org.gaitform.model.Side.UNKNOWN ? "" : "_" + s.side().label();
    }

    /** Median length (samples) of the ten longest stretches where {@code sign·x} stays above {@code level}. */
    static double typicalLobeLength(double[] x, double level, int sign) {
        List<Integer> lengths = new ArrayList<>();
        int i = 0;
        while (i < x.length) {
            if (sign * x[i] > level) {
                int j = i;
                while (j < x.length && sign * x[j] > level) {
                    j++;
                }
                lengths.add(j - i);
                i = j;
            } else {
                i++;
            }
        }
        if (lengths.isEmpty()) {
            return 0;
        }
        lengths.sort(null);
        List<Integer> top = lengths.subList(Math.max(0, lengths.size() - 10), lengths.size());
        return Stats.median(top.stream().mapToDouble(Integer::doubleValue).toArray());
    }

    private static double[] abs(double[] x) {
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = Math.abs(x[i]);
        }
        return o;
    }
}
