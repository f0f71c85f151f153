package org.gaitform.events;

import java.nio.DoubleBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.gaitform.model.Channel;
import org.gaitform.model.ImuSensor;
import org.gaitform.signal.Stats;
import org.gaitform.signal.Vec3;

/**
 * The sign of a foot's or shank's sagittal rotation from physics that holds for any sensor mounting: where the
 * segment goes, not how the sensor's axes are labelled. Used by {@link SegmentAlignment} once the medio-lateral
 * axis is known up to its sign.
 *
 * <ol>
 *   <li><b>Quiet instants.</b> The foot lies still on the ground once per stride (a shank turns slowest in
 *       mid-stance): the instants of least gyroscope energy over a short window, after Rampp et al. 2015
 *       ("min_vel", the middle of the window of lowest gyroscope energy) and the angular-rate energy detector of
 *       Skog et al. 2010. One per stride; a quiet instant turns slower than {@value #QUIET_SHARE} of the
 *       recording's 99th-percentile angular speed.</li>
 *   <li><b>Planar strapdown between two quiet instants</b>, after Mariani et al. 2010: the sensor's orientation in
 *       the sagittal plane starts from gravity at the first quiet instant (the accelerometer of a still foot reads
 *       +1 g up) and follows the integrated rotation about the medio-lateral axis; the acceleration is turned into
 *       that fixed frame, gravity removed, and integrated to a velocity. A stride ends as it began (the same phase of
 *       a steady stride: the same velocity, zero for a foot on the ground, the belt's on a treadmill), so the
 *       velocity must come back to its start. Only one of the two senses of rotation makes it do so: with the
 *       other, gravity is turned the wrong way (by twice the foot's pitch, tens of degrees in every swing) and leaks
 *       metres per second into the velocity. This settles how the gyroscope's sign relates to the accelerometer's
 *       axes — for right-handed, mirrored and left-handed frames alike, since nothing here uses a cross product's
 *       handedness.</li>
 *   <li><b>Direction of travel.</b> After the velocity's drift is removed linearly between the two quiet instants
 *       (Mariani et al. 2010), its integral is the stride: one stride length forward (on a treadmill, forward
 *       relative to the belt, which carries the foot back during the stance at constant speed). A stride votes
 *       when it travels at least {@value #MIN_STRIDE_LENGTH_M} m, mostly one way.</li>
 *   <li><b>The sign.</b> Positive pitch is the rotation that turns forward towards up: toes up for a foot, the
 *       swing for a shank (the convention of Falbriard et al. 2018 and Greene et al. 2010: swing positive).</li>
 * </ol>
 * Each stride with a clear answer votes. Without an accelerometer, or with too few clear strides, the sign comes
 * from the order of the stride ({@link #orderSign}).
 *
 * <p>References: Rampp A, Barth J, Schülein S, Gaßmann KG, Klucken J, Eskofier BM. Inertial sensor-based stride
 * parameter calculation from gait sequences in geriatric patients. IEEE Trans Biomed Eng 2015;62(4):1089–97. Skog I,
 * Händel P, Nilsson JO, Rantakokko J. Zero-velocity detection — an algorithm evaluation. IEEE Trans Biomed Eng
 * 2010;57(11):2657–66. Mariani B, Hoskovec C, Rochat S, Büla C, Penders J, Aminian K. 3D gait assessment in young
 * and elderly subjects using foot-worn inertial sensors. J Biomech 2010;43(15):2999–3006.
 */
public final class SagittalStrapdown {
    /** Window of the gyroscope energy at a quiet instant (s). */
    static final double ENERGY_WINDOW_S = 0.05;
    /** A quiet instant turns (RMS over the window) slower than this share of the 99th-percentile angular speed. */
    static final double QUIET_SHARE = 0.2;
    /** At a quiet instant the acceleration's norm stays this close to 1 g (RMS over the window, g). */
    static final double STILL_ACC_G = 0.5;
    /** Two quiet instants are at least this far apart (s): no one strides faster. */
    static final double MIN_STRIDE_S = 0.4;
    /** Nor slower than this (s); a longer interval is a stop, not a stride. */
    static final double MAX_STRIDE_S = 2.5;
    /** Gravity at a quiet instant is averaged over this half-window (s). */
    static final double GRAVITY_HALF_WINDOW_S = 0.02;
    /** A stride votes when the right sense of rotation leaves at most this share of the other's velocity error. */
    static final double MAX_RESIDUAL_RATIO = 0.5;
    /** ... and it travels one way: |displacement| / path length at least this ... */
    static final double MIN_TRAVEL_CONTRAST = 0.5;
    /** ... and at least this far (m): a stride, not a shuffle or a stand. */
    static final double MIN_STRIDE_LENGTH_M = 0.1;
    /** The foot counts as on the ground while its speed stays under this share of the swing's peak speed. */
    static final double STILL_SHARE_OF_PEAK = 0.2;
    /** Fewest voting strides for a decision. */
    static final int MIN_VOTES = 3;
    /** Share of the votes that must agree. */
    static final double MIN_AGREEMENT = 0.8;
    /** A lobe of rotation counts from this share of the 99th-percentile pitch rate (order rule). */
    static final double LOBE_SHARE = 0.3;
    private static final double G_MPS2 = 9.80665;

    private SagittalStrapdown() {
    }

    /**
     * One stride between two quiet instants.
     *
     * @param from              first quiet instant (sample)
     * @param to                next quiet instant (sample)
     * @param residualMps       velocity error at the end of the stride with the chosen sense of rotation (m/s)
     * @param otherResidualMps  with the other sense (m/s)
     * @param lengthM           distance travelled along the direction of travel (m; relative to the belt on a
     *                          treadmill): the stride length for a foot
     * @param peakSpeedMps      the highest forward speed relative to the first quiet instant (m/s): the swing
     * @param vote              +1 or −1: the sign that makes the pitch rate positive toes-up / swing forward, 0 when
     *                          the stride is not clear enough to vote
     * @param stillShare        share of the stride during which the segment's forward speed, relative to its speed
     *                          at the quiet instant, stays under {@value #STILL_SHARE_OF_PEAK} of the peak (the foot
     *                          on the ground)
     */
    public record Stride(int from, int to, double residualMps, double otherResidualMps, double lengthM,
                         double peakSpeedMps, int vote, double stillShare) {
    }

    /**
     * The outcome.
     *
     * @param sign     +1 or −1 to apply to the pitch rate, 0 when undetermined
     * @param agree    strides voting for that sign
     * @param disagree strides voting against
     * @param strides  every stride examined
     */
    public record Result(int sign, int agree, int disagree, List<Stride> strides) {
        /** Median residual of the voting strides with the chosen sense, and with the other sense (m/s). */
        public double[] medianResiduals() {
            double[] a = strides.stream().filter(s -> s.vote() != 0).mapToDouble(Stride::residualMps).toArray();
            double[] b = strides.stream().filter(s -> s.vote() != 0).mapToDouble(Stride::otherResidualMps).toArray();
            return new double[] {Stats.median(a), Stats.median(b)};
        }

        /** Median length of the voting strides (m). */
        public double medianStrideLengthM() {
            return Stats.median(strides.stream().filter(s -> s.vote() != 0).mapToDouble(Stride::lengthM).toArray());
        }
    }

    /**
     * The quiet instants of a sensor: local minima of the gyroscope energy (mean squared angular speed over
     * {@value #ENERGY_WINDOW_S} s) that are the lowest within {@value #MIN_STRIDE_S} s either side, quiet enough, and
     * where the accelerometer reads gravity alone (RMS of |a| − 1 g under {@value #STILL_ACC_G} g over the window; the
     * two conditions of Skog et al. 2010's stance hypothesis: no rotation, specific force equal to gravity). A swing
     * that turns slowly for a moment is not a stance: its accelerometer reads far from 1 g.
     *
     * @param speedDps angular speed (norm of the gyroscope), deg/s
     * @param accNormG norm of the acceleration (g), or {@code null} without an accelerometer
     */
    public static List<Integer> quietInstants(double[] speedDps, double[] accNormG, double fs) {
        int n = speedDps.length;
        int half = Math.max(1, (int) Math.round(ENERGY_WINDOW_S * fs / 2));
        double[] cum = new double[n + 1];
        double[] cumAcc = new double[n + 1];
        for (int i = 0; i < n; i++) {
            cum[i + 1] = cum[i] + speedDps[i] * speedDps[i];
            double d = accNormG == null ? 0 : accNormG[i] - 1;
            cumAcc[i + 1] = cumAcc[i] + d * d;
        }
        double[] e = new double[n];
        double[] ea = new double[n];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - half);
            int b = Math.min(n, i + half + 1);
            e[i] = (cum[b] - cum[a]) / (b - a);
            ea[i] = (cumAcc[b] - cumAcc[a]) / (b - a);
        }
        double quiet = QUIET_SHARE * Stats.percentile(speedDps, 99);
        double quietEnergy = quiet * quiet;
        int gap = Math.max(1, (int) Math.round(MIN_STRIDE_S * fs));
        // sliding-window minimum over [i − gap, i + gap] (monotone deque of indices)
        List<Integer> out = new ArrayList<>();
        Deque<Integer> dq = new ArrayDeque<>();
        int next = 0;
        for (int i = 0; i < n; i++) {
            while (next < n && next <= i + gap) {
                while (!dq.isEmpty() && e[dq.peekLast()] > e[next]) {
                    dq.pollLast();
                }
                dq.addLast(next++);
            }
            while (dq.peekFirst() < i - gap) {
                dq.pollFirst();
            }
            if (dq.peekFirst() == i && e[i] <= quietEnergy && ea[i] <= STILL_ACC_G * STILL_ACC_G
                    && (out.isEmpty() || i - out.get(out.size() - 1) >= gap)) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * The sign of the pitch rate from the accelerometer and the gyroscope (see the class description).
     *
     * @param sensor   the sensor (raw accelerometer axes in g, gyroscope in deg/s)
     * @param axis     the medio-lateral axis in sensor axes, either sign
     * @param pitchDps the angular velocity about {@code axis} (deg/s)
     * @param quiet    the quiet instants ({@link #quietInstants})
     * @return the votes; sign 0 when the accelerometer does not settle it
     */
    public static Result physicsSign(ImuSensor sensor, double fs, Vec3 axis, double[] pitchDps, List<Integer> quiet) {
        List<Stride> strides = new ArrayList<>();
        if (!sensor.hasRawAccelerometer()) {
            return new Result(0, 0, 0, strides);
        }
        DoubleBuffer ax = sensor.samples(Channel.ACC_X);
        DoubleBuffer ay = sensor.samples(Channel.ACC_Y);
        DoubleBuffer az = sensor.samples(Channel.ACC_Z);
        int w = Math.max(0, (int) Math.round(GRAVITY_HALF_WINDOW_S * fs));
        int minLen = (int) Math.round(MIN_STRIDE_S * fs);
        int maxLen = (int) Math.round(MAX_STRIDE_S * fs);
        double dt = 1 / fs;
        for (int q = 0; q + 1 < quiet.size(); q++) {
            int a = quiet.get(q);
            int b = quiet.get(q + 1);
            if (b - a < minLen || b - a > maxLen || a - w < 0 || b >= ax.limit()) {
                continue;
            }
            double ux = 0;
            double uy = 0;
            double uz = 0;
            for (int i = a - w; i <= a + w; i++) {
                ux += ax.get(i);
                uy += ay.get(i);
                uz += az.get(i);
            }
            Vec3 u = new Vec3(ux, uy, uz).times(1.0 / (2 * w + 1));
            Vec3 up = u.minus(axis.times(u.dot(axis)));
            double g = up.norm();
            if (!(g > 0.5 && g < 1.5)) {
                continue; // not a quasi-static instant: the accelerometer does not read gravity here
            }
            Vec3 e2 = up.times(1 / g);
            Vec3 e1 = axis.cross(e2).unit();
            int len = b - a + 1;
            double[] a1 = new double[len];
            double[] a2 = new double[len];
            double[] phi = new double[len];
            for (int i = 0; i < len; i++) {
                int k = a + i;
                a1[i] = ax.get(k) * e1.x() + ay.get(k) * e1.y() + az.get(k) * e1.z();
                a2[i] = ax.get(k) * e2.x() + ay.get(k) * e2.y() + az.get(k) * e2.z();
                if (i > 0) {
                    phi[i] = phi[i - 1] + Math.toRadians(0.5 * (pitchDps[k - 1] + pitchDps[k])) * dt;
                }
            }
            double[][] v = new double[2][];
            double[] residual = new double[2];
            for (int s = 0; s < 2; s++) {
                int sense = s == 0 ? 1 : -1;
                double[] v1 = new double[len];
                double[] v2 = new double[len];
                double w1Prev = 0;
                double w2Prev = 0;
                for (int i = 0; i < len; i++) {
                    double c = Math.cos(sense * phi[i]);
                    double sn = Math.sin(sense * phi[i]);
                    double w1 = a1[i] * c - a2[i] * sn;
                    double w2 = a1[i] * sn + a2[i] * c - g;
                    if (i > 0) {
                        v1[i] = v1[i - 1] + 0.5 * (w1Prev + w1) * dt * G_MPS2;
                        v2[i] = v2[i - 1] + 0.5 * (w2Prev + w2) * dt * G_MPS2;
                    }
                    w1Prev = w1;
                    w2Prev = w2;
                }
                residual[s] = Math.hypot(v1[len - 1], v2[len - 1]);
                v[s] = v1;
            }
            int best = residual[0] <= residual[1] ? 0 : 1;
            int sense = best == 0 ? 1 : -1;
            double[] v1 = v[best];
            double end = v1[len - 1];
            double[] d = new double[len];
            for (int i = 0; i < len; i++) {
                d[i] = v1[i] - end * i / (len - 1.0);
            }
            // the displacement over the stride: one stride length forward (relative to the belt on a treadmill)
            double disp = 0;
            double path = 0;
            for (int i = 1; i < len; i++) {
                disp += 0.5 * (d[i - 1] + d[i]) * dt;
                path += 0.5 * (Math.abs(d[i - 1]) + Math.abs(d[i])) * dt;
            }
            int forward = disp >= 0 ? 1 : -1;
            double ratio = residual[best] / Math.max(1e-9, residual[1 - best]);
            double contrast = Math.abs(disp) / Math.max(1e-9, path);
            int vote = ratio <= MAX_RESIDUAL_RATIO && contrast >= MIN_TRAVEL_CONTRAST
                    && Math.abs(disp) >= MIN_STRIDE_LENGTH_M ? sense * forward : 0;
            double peak = 0;
            for (double x : d) {
                peak = Math.max(peak, forward * x);
            }
            int still = 0;
            for (double x : d) {
                if (Math.abs(x) < STILL_SHARE_OF_PEAK * peak) {
                    still++;
                }
            }
            strides.add(new Stride(a, b, residual[best], residual[1 - best], Math.abs(disp), peak, vote,
                    still / (double) len));
        }
        int plus = (int) strides.stream().filter(s -> s.vote() > 0).count();
        int minus = (int) strides.stream().filter(s -> s.vote() < 0).count();
        int votes = plus + minus;
        int sign = votes >= MIN_VOTES && Math.max(plus, minus) >= MIN_AGREEMENT * votes ? (plus > minus ? 1 : -1) : 0;
        return new Result(sign, Math.max(plus, minus), Math.min(plus, minus), strides);
    }

    /**
     * The sign from the order of a stride, with the gyroscope alone: after the quiet stance a foot first turns
     * toes-down (the heel rises and the foot pushes off, Rampp et al. 2015), and only then swings toes-up. Each quiet
     * instant followed within a stride by a lobe of rotation (above {@value #LOBE_SHARE} of the 99th-percentile
     * rate) votes for the sign that makes that first lobe negative.
     *
     * @return {sign (0 when fewer than {@value #MIN_VOTES} votes or no clear majority), agreeing, disagreeing votes}
     */
    public static int[] orderSign(double[] pitchDps, double fs, List<Integer> quiet) {
        int n = pitchDps.length;
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(pitchDps[i]);
        }
        double level = LOBE_SHARE * Stats.percentile(abs, 99);
        int maxLen = (int) Math.round(MAX_STRIDE_S * fs);
        int plus = 0;
        int minus = 0;
        for (int a : quiet) {
            int j = a + 1;
            while (j < n && j - a < maxLen && abs[j] <= level) {
                j++;
            }
            if (j >= n || j - a >= maxLen) {
                continue;
            }
            // the lobe's extreme decides its sign
            int k = j;
            double peak = pitchDps[j];
            while (k < n && abs[k] > level && Math.signum(pitchDps[k]) == Math.signum(pitchDps[j])) {
                if (Math.abs(pitchDps[k]) > Math.abs(peak)) {
                    peak = pitchDps[k];
                }
                k++;
            }
            if (peak < 0) {
                plus++;
            } else {
                minus++;
            }
        }
        int votes = plus + minus;
        int sign = votes >= MIN_VOTES && Math.max(plus, minus) >= MIN_AGREEMENT * votes ? (plus > minus ? 1 : -1) : 0;
        return new int[] {sign, Math.max(plus, minus), Math.min(plus, minus)};
    }
}
