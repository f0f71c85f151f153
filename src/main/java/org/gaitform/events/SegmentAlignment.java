package org.gaitform.events;

import java.nio.DoubleBuffer;
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
 * on. Its sign makes the pitch rate positive when the segment turns forward towards up — toes up for a
 * foot, the swing for a shank (the "swing positive" convention of Falbriard et al. 2018 and Greene et al.
 * 2010) — and is decided from physics that does not depend on the mounting, in this order:
 * <ol>
 *   <li>the accelerometer and the gyroscope together ({@link SagittalStrapdown#physicsSign}): gravity at the
 *       quiet instants of the stance, the one sense of rotation that brings the velocity back to its start
 *       after each stride, and the direction in which the foot travels during the swing;</li>
 *   <li>without an accelerometer, or when too few strides are clear, the order of the stride
 *       ({@link SagittalStrapdown#orderSign}): after the quiet stance a foot first turns toes-down to push off;</li>
 *   <li>with neither (no quiet stance, as on a shank without an accelerometer), the fastest rotation is the
 *       swing (Salarian et al. 2004; Greene et al. 2010).</li>
 * </ol>
 * The choice, its evidence and the number of strides behind it are written to the decision
 * {@code ml_axis[_side]}. An earlier rule — "the longest one-signed rotation of a stride is the swing" —
 * failed on a walker whose push-off lasted longer than the swing stayed above its level; it is no longer used.
 */
public final class SegmentAlignment {
    private SegmentAlignment() {
    }

    /**
     * The sagittal angular velocity of a segment.
     *
     * @param pitchDps          angular velocity about the medio-lateral axis (deg/s), swing positive
     * @param mlAxis            that axis in sensor coordinates (unit vector)
     * @param principalShare    share of the gyroscope's variance about that axis (0–1)
     * @param decisions         how it was found
     * @param strapdown         the strides of the planar strapdown behind the sign (empty without an accelerometer)
     * @param signBasis         what settled the sign: {@code accelerometer}, {@code stride order} or
     *                          {@code fastest rotation}
     * @param quietInstants     the stillest instant of each stance ({@link SagittalStrapdown#quietInstants}), samples
     */
    public record Pitch(double[] pitchDps, Vec3 mlAxis, double principalShare, List<Decision> decisions,
                        SagittalStrapdown.Result strapdown, String signBasis, List<Integer> quietInstants) {
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
        double[] speed = new double[n];
        for (int i = 0; i < n; i++) {
            speed[i] = Math.sqrt(gx[i] * gx[i] + gy[i] * gy[i] + gz[i] * gz[i]);
        }
        double[] accNorm = null;
        if (sensor.hasRawAccelerometer()) {
            DoubleBuffer ax = sensor.samples(Channel.ACC_X);
            DoubleBuffer ay = sensor.samples(Channel.ACC_Y);
            DoubleBuffer az = sensor.samples(Channel.ACC_Z);
            accNorm = new double[n];
            for (int i = 0; i < n; i++) {
                accNorm[i] = Math.sqrt(ax.get(i) * ax.get(i) + ay.get(i) * ay.get(i) + az.get(i) * az.get(i));
            }
        }
        List<Integer> quiet = SagittalStrapdown.quietInstants(speed, accNorm, samplingRateHz);
        SagittalStrapdown.Result phys = SagittalStrapdown.physicsSign(sensor, samplingRateHz, axis, p, quiet);
        int[] order = SagittalStrapdown.orderSign(p, samplingRateHz, quiet);
        int sign;
        String basis;
        String evidence;
        if (phys.sign() != 0) {
            sign = phys.sign();
            basis = "accelerometer";
            double[] res = phys.medianResiduals();
            evidence = String.format(Locale.ROOT, "from gravity and the direction of travel (%d of %d clear strides "
                    + "agree): integrated between the quiet instants of the stance, the velocity returns to its start "
                    + "only with this sense of rotation (median error %.2f against %.2f m/s), and each stride carries the "
                    + "segment forward (median %.2f m); positive = turning forward towards up (toes up, swing)",
                    phys.agree(), phys.agree() + phys.disagree(), res[0], res[1], phys.medianStrideLengthM());
            if (order[0] != 0) {
                evidence += order[0] == phys.sign()
                        ? String.format(Locale.ROOT, "; the order of the stride agrees (toes-down first after the quiet "
                        + "stance in %d of %d strides)", order[1], order[1] + order[2])
                        : String.format(Locale.ROOT, "; the order of the stride alone would say the opposite (%d of %d "
                        + "strides): the accelerometer is followed", order[1], order[1] + order[2]);
            }
        } else {
            String why = !sensor.hasRawAccelerometer() ? "no accelerometer axes to tell the direction of travel"
                    : String.format(Locale.ROOT, "the accelerometer was not conclusive (%d for, %d against, of %d "
                    + "strides)", phys.agree(), phys.disagree(), phys.strides().size());
            if (order[0] != 0) {
                sign = order[0];
                basis = "stride order";
                evidence = String.format(Locale.ROOT, "%s; from the order of the stride: after the quiet stance the "
                        + "segment first turns toes-down to push off (%d of %d strides agree)", why, order[1],
                        order[1] + order[2]);
            } else {
                sign = Stats.percentile(p, 99) >= -Stats.percentile(p, 1) ? 1 : -1;
                basis = "fastest rotation";
                evidence = why + "; no quiet stance to order the stride: the fastest rotation is taken to be the swing";
            }
        }
        if (sign < 0) {
            for (int i = 0; i < n; i++) {
                p[i] = -p[i];
            }
            axis = axis.times(-1);
        }
        double share = ev[k] / total;
        List<Decision> decisions = new ArrayList<>();
        decisions.add(new Decision("ml_axis" + suffix(sensor), String.format(Locale.ROOT, "(%.2f, %.2f, %.2f)", axis.x(),
                axis.y(), axis.z()), String.format(Locale.ROOT, "principal axis of the gyroscope (%.0f %% of its variance), "
                + "in sensor axes; sign %s", 100 * share, evidence)));
        return new Pitch(p, axis, share, decisions, phys, basis, List.copyOf(quiet));
    }

    private static String suffix(ImuSensor s) {
        return s.side() == org.gaitform.model.Side.UNKNOWN ? "" : "_" + s.side().label();
    }
}
