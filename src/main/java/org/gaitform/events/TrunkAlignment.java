package org.gaitform.events;

import java.nio.DoubleBuffer;
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
    /**
     * Key of the decision that carries the mean length of a raw-axis sensor's gravity estimate (g, "1.003"), which the
     * quality check {@code gravity_magnitude} reads. The length at each sample, not that of the mean vector: a sensor
     * that turns during the recording (a sit, a turn of the pouch) shortens the mean vector, not its gravity.
     */
    public static final String GRAVITY_ESTIMATE = "gravity_estimate_g";
    /** Cut-off of the gravity estimate (Hz). */
    public static final double GRAVITY_LOW_PASS_HZ = 0.3;

    private TrunkAlignment() {
    }

    /**
     * The vertical acceleration of a sensor and the horizontal acceleration in a fixed horizontal frame.
     *
     * @param verticalG   vertical acceleration, up positive, gravity included (g)
     * @param horizontal1 acceleration along {@code e1}, the first horizontal axis (g), or {@code null} for
     *                    pre-aligned exports
     * @param horizontal2 acceleration along {@code e2 = meanUp × e1} (g), or {@code null} for pre-aligned exports
     * @param meanUp      mean up direction in sensor axes, or {@code null} for pre-aligned exports
     * @param e1          first horizontal axis (perpendicular to {@code meanUp}) in sensor axes, or {@code null}
     * @param decisions   how the vertical was found
     */
    public record Vertical(double[] verticalG, double[] horizontal1, double[] horizontal2, Vec3 meanUp, Vec3 e1,
                           List<Decision> decisions) {
    }

    /**
     * Finds the vertical of a sensor (pre-aligned {@code acc_v}, or from gravity with raw axes). With raw
     * axes, the acceleration minus its vertical part at each sample (the vertical follows slow changes
     * of the sensor's tilt) is kept in a fixed horizontal frame for {@link #bodyAxes}.
     */
    public static Vertical vertical(ImuSensor sensor, double samplingRateHz) {
        List<Decision> decisions = new ArrayList<>();
        if (sensor.has(Channel.ACC_V)) {
            decisions.add(new Decision("alignment", "pre-aligned",
                    "the export has a vertical acceleration column; used as it is"));
            return new Vertical(sensor.channel(Channel.ACC_V), null, null, null, null, decisions);
        }
        DoubleBuffer ax = sensor.samples(Channel.ACC_X);
        DoubleBuffer ay = sensor.samples(Channel.ACC_Y);
        DoubleBuffer az = sensor.samples(Channel.ACC_Z);
        int n = ax.limit();
        double sx = 0;
        double sy = 0;
        double sz = 0;
        for (int i = 0; i < n; i++) {
            sx += ax.get(i);
            sy += ay.get(i);
            sz += az.get(i);
        }
        Vec3 meanUp = new Vec3(sx, sy, sz);
        meanUp = meanUp.norm() > 1e-9 ? meanUp.unit() : new Vec3(0, 0, 1);
        Vec3 helper = Math.abs(meanUp.x()) < 0.9 ? new Vec3(1, 0, 0) : new Vec3(0, 1, 0);
        Vec3 e1 = helper.minus(meanUp.times(helper.dot(meanUp))).unit();
        Vec3 e2 = meanUp.cross(e1);
        // gravity (the low-passed acceleration) gives the up direction at each sample
        double[] gx = gravity(ax, samplingRateHz);
        double[] gy = gravity(ay, samplingRateHz);
        double[] gz = gravity(az, samplingRateHz);
        double[] v = gz; // reused in place: gz[i] is read before v[i] is written
        double[] h1 = gx;
        double[] h2 = gy;
        double normSum = 0;
        for (int i = 0; i < n; i++) {
            double x = gx[i];
            double y = gy[i];
            double z = gz[i];
            double norm = Math.sqrt(x * x + y * y + z * z);
            normSum += norm;
            double ux = 0;
            double uy = 0;
            double uz = 1;
            if (norm > 1e-6) {
                double inv = 1 / norm;
                ux = x * inv;
                uy = y * inv;
                uz = z * inv;
            }
            double a = ax.get(i);
            double b = ay.get(i);
            double c = az.get(i);
            double vi = a * ux + b * uy + c * uz;
            // horizontal part of the acceleration: a − (a·up) up, in the fixed frame (e1, e2)
            double hx = a - ux * vi;
            double hy = b - uy * vi;
            double hz = c - uz * vi;
            v[i] = vi;
            h1[i] = hx * e1.x() + hy * e1.y() + hz * e1.z();
            h2[i] = hx * e2.x() + hy * e2.y() + hz * e2.z();
        }
        decisions.add(new Decision("alignment", "gravity",
                String.format(java.util.Locale.ROOT, "vertical = mean acceleration direction, in sensor axes (%.2f, %.2f, %.2f)",
                        meanUp.x(), meanUp.y(), meanUp.z())));
        decisions.add(new Decision(GRAVITY_ESTIMATE, String.format(java.util.Locale.ROOT, "%.3f",
                n > 0 ? normSum / n : Double.NaN), "the length of the gravity estimate (the acceleration low-passed at "
                + GRAVITY_LOW_PASS_HZ + " Hz), averaged over the recording: 1 g for a calibrated sensor whose readings "
                + "are whole, whatever its tilt (over whole steps the trunk does not accelerate on average)"));
        return new Vertical(v, h1, h2, meanUp, e1, decisions);
    }

    /**
     * One axis of gravity: the acceleration low-passed at {@value #GRAVITY_LOW_PASS_HZ} Hz, its ends mirrored first
     * (three periods of the cut-off, at most the whole signal). The filter's own padding reflects the signal about
     * its first and last sample; a running trunk's single sample can be 2 g off its mean, and over the seconds that a
     * 0.3 Hz filter remembers that tilts the vertical at both ends of a recording (on 5 s force-plate trials turned
     * into sensor axes the first or last contact was then lost on 6 of 18). Mirroring keeps the level of the ends.
     */
    static double[] gravity(DoubleBuffer x, double samplingRateHz) {
        return ZeroPhaseButterworth.lowPass(2, GRAVITY_LOW_PASS_HZ).applyMirrored(x, samplingRateHz);
    }

    /**
     * Below this tilt of a pre-aligned export (°) its vertical column is taken as vertical: it then reads at most 0.4 %
     * less of gravity (1 − cos 5°) and 9 % of the forward acceleration (sin 5°).
     */
    public static final double MIN_TILT_DEG = 5.0;

    /**
     * The vertical column of a pre-aligned export turned onto gravity.
     *
     * @param verticalG the acceleration along the mean acceleration's direction (g)
     * @param tiltDeg   angle between the export's vertical column and that direction (°)
     */
    public record Tilted(double[] verticalG, double tiltDeg) {
    }

    /**
     * The vertical of a pre-aligned export ({@code acc_v} with {@code acc_ap} and/or {@code acc_ml}) turned onto
     * gravity, when its columns are tilted. A sensor taped to the trunk is rarely exactly upright: tilted forwards,
     * its "vertical" column reads part of the forward acceleration. Over a recording the trunk does not accelerate
     * on average, so the mean acceleration is gravity, and the acceleration along it is the vertical (the static
     * tilt correction of Moe-Nilssen 1998, in three dimensions when both horizontal columns are there). A column
     * clipped by the sensor biases the mean and so the angle; the correction is then approximate.
     *
     * <p>Moe-Nilssen R. A new method for evaluating motor control in gait under real-life environmental conditions.
     * Part 1: The instrument. Clin Biomech 1998;13(4–5):320–327.
     *
     * @return the turned vertical, or empty when the export is not pre-aligned, has no horizontal column, or is
     *         tilted by less than {@value #MIN_TILT_DEG}°
     */
    public static java.util.Optional<Tilted> gravityAligned(ImuSensor sensor) {
        if (!sensor.has(Channel.ACC_V) || !sensor.has(Channel.ACC_AP) && !sensor.has(Channel.ACC_ML)) {
            return java.util.Optional.empty();
        }
        double[] v = sensor.channel(Channel.ACC_V);
        double[] ap = sensor.has(Channel.ACC_AP) ? sensor.channel(Channel.ACC_AP) : null;
        double[] ml = sensor.has(Channel.ACC_ML) ? sensor.channel(Channel.ACC_ML) : null;
        Vec3 mean = new Vec3(ap == null ? 0 : mean(ap), ml == null ? 0 : mean(ml), mean(v));
        if (!(mean.norm() > 1e-9) || !(mean.z() > 0)) {
            return java.util.Optional.empty();
        }
        Vec3 up = mean.unit();
        double tiltDeg = Math.toDegrees(Math.acos(Math.min(1, up.z())));
        if (!(tiltDeg >= MIN_TILT_DEG)) {
            return java.util.Optional.empty();
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (ap == null ? 0 : ap[i]) * up.x() + (ml == null ? 0 : ml[i]) * up.y() + v[i] * up.z();
        }
        return java.util.Optional.of(new Tilted(out, tiltDeg));
    }

    /** Mean of the finite values of {@code x} (0 when there is none). */
    private static double mean(double[] x) {
        double sum = 0;
        int m = 0;
        for (double d : x) {
            if (Double.isFinite(d)) {
                sum += d;
                m++;
            }
        }
        return m == 0 ? 0 : sum / m;
    }

    /**
     * Body-axis signals of a sensor: pre-aligned columns as they are, or the horizontal acceleration
     * rotated onto the horizontal principal direction over the running stretches. The vertical's arrays
     * are taken over (its horizontal arrays become the forward and rightward accelerations): do not use
     * {@code vertical} afterwards.
     *
     * @param sensor     the sensor
     * @param vertical   its vertical, from {@link #vertical}
     * @param running    the running stretches (all samples when empty)
     * @param decisions  receives how the horizontal axes were found
     */
    public static TrunkSignals bodyAxes(ImuSensor sensor, double samplingRateHz, Vertical vertical,
                                        List<IndexRange> running, List<Decision> decisions) {
        if (vertical.horizontal1() == null) {
            double[] ap = sensor.has(Channel.ACC_AP) ? sensor.channel(Channel.ACC_AP) : null;
            double[] ml = sensor.has(Channel.ACC_ML) ? sensor.channel(Channel.ACC_ML) : null;
            return TrunkSignals.adopt(samplingRateHz, vertical.verticalG(), ap, ml);
        }
        double[] h1 = vertical.horizontal1();
        double[] h2 = vertical.horizontal2();
        double[] vv = vertical.verticalG();
        int n = vv.length;
        Vec3 u = vertical.meanUp();
        Vec3 e1 = vertical.e1();
        Vec3 e2 = u.cross(e1);
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
        double f1 = forward.dot(e1);
        double f2 = forward.dot(e2);
        double r1 = right.dot(e1);
        double r2 = right.dot(e2);
        // the horizontal arrays become the forward and rightward accelerations, in place
        for (int i = 0; i < n; i++) {
            double a = h1[i];
            double b = h2[i];
            h1[i] = a * f1 + b * f2;
            h2[i] = a * r1 + b * r2;
        }
        double ratio = Math.max(ev[0], ev[1]) / Math.max(1e-12, Math.min(ev[0], ev[1]));
        decisions.add(new Decision("forward_axis", String.format(java.util.Locale.ROOT, "(%.2f, %.2f, %.2f)",
                forward.x(), forward.y(), forward.z()), String.format(java.util.Locale.ROOT,
                "horizontal direction of largest variance while running (%.1f× the variance across it), in sensor axes",
                ratio)));
        return TrunkSignals.adopt(samplingRateHz, vv, h1, h2);
    }
}
