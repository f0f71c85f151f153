package org.gaitform.events;

import java.util.Locale;
import org.gaitform.model.Channel;
import org.gaitform.model.ImuSensor;
import org.gaitform.model.Placement;
import org.gaitform.signal.Stats;
import org.gaitform.signal.ZeroPhaseButterworth;

/**
 * Where a sensor was worn, told from its signal alone (used when neither {@code --placement}, the file's metadata
 * nor its name says). The rules, this project's own and deliberately few, use what distinguishes the body parts
 * during walking and running:
 * <ul>
 *   <li>feet and shanks swing through large angles about one axis: the gyroscope's 99th percentile exceeds
 *       {@value #LEG_GYRO_DPS} deg/s (or {@value #SLOW_LEG_GYRO_DPS} deg/s for a slow walker whose sensor stops once a
 *       stride and travels a stride length between stops) and its principal axis holds at least half its variance;</li>
 *   <li>a foot lies still on the ground in every stance (a shank keeps turning), and its push-off turns it as fast
 *       as the swing does (a shank's toe-off rotation is much smaller than its swing);</li>
 *   <li>the trunk turns slowly (gyroscope 99th percentile under {@value #TRUNK_GYRO_DPS} deg/s) and keeps its
 *       tilt (the direction of the 1 Hz low-passed acceleration stays within a few degrees of its mean);</li>
 *   <li>an arm swings like a pendulum: as fast forward as back, never still, with soft accelerations; that and
 *       anything else — a phone turning in a pocket — is a limb-worn sensor whose exact place the
 *       signal cannot tell reliably: it is reported as not determined and analysed for cadence only.</li>
 * </ul>
 * Exports already aligned to body axes ({@code acc_v}) are trunk exports.
 */
public final class PlacementDetector {
    /** Gyroscope 99th percentile above which a sensor is on a leg segment (deg/s). */
    public static final double LEG_GYRO_DPS = 250;
    /**
     * A slower leg segment (a slow walker's foot turns at 200–250 deg/s) is recognised from this 99th percentile
     * (deg/s) when it also stops once a stride and travels a stride length between stops ({@link SagittalStrapdown}): at least
     * {@value #SLOW_LEG_MIN_STRIDES} strides of at least {@value #SLOW_LEG_MIN_STRIDE_M} m. A trunk sensor never stops
     * (it moves on at the walking speed), an arm swings back and forth.
     */
    public static final double SLOW_LEG_GYRO_DPS = 150;
    /** See {@link #SLOW_LEG_GYRO_DPS}. */
    public static final int SLOW_LEG_MIN_STRIDES = 3;
    /** See {@link #SLOW_LEG_GYRO_DPS} (m). */
    public static final double SLOW_LEG_MIN_STRIDE_M = 0.3;
    /** Gyroscope 99th percentile under which a sensor may be on the trunk (deg/s). */
    public static final double TRUNK_GYRO_DPS = 200;
    /** Largest SD of the trunk's tilt (deg). */
    public static final double TRUNK_TILT_SD_DEG = 12;
    /** Share of the gyroscope variance about its principal axis for a leg segment. */
    public static final double LEG_PRINCIPAL_SHARE = 0.5;
    /** A foot is still (angular speed under 6 % of its 99th percentile) for at least this share of the time. */
    public static final double FOOT_STILL_SHARE = 0.12;
    /** A foot's push-off rotation reaches at least this share of its swing rotation. */
    public static final double FOOT_PUSH_OFF_RATIO = 0.75;

    /** An arm swing is never still (under this share of the time) ... */
    public static final double ARM_MAX_STILL_SHARE = 0.05;
    /** ... turns about as fast both ways (ratio within 1/1.25 … 1.25) ... */
    public static final double ARM_SYMMETRY = 1.25;
    /** ... and has soft peaks (99.5th percentile of the acceleration under this, g). */
    public static final double ARM_MAX_ACC_G = 3.0;

    private PlacementDetector() {
    }

    /**
     * The outcome.
     *
     * @param placement the placement, or {@link Placement#UNKNOWN} for a limb whose place cannot be told
     * @param limb      true when the sensor is on an arm, in a pocket or elsewhere on a limb (cadence only)
     * @param reason    the features behind the choice, in words
     */
    public record Result(Placement placement, boolean limb, String reason) {
    }

    /** Classifies one sensor. */
    public static Result detect(ImuSensor s, double fs) {
        if (s.has(Channel.ACC_V)) {
            return new Result(Placement.SACRUM, false, "the export has a vertical acceleration column (acc_v), as "
                    + "trunk-worn sensors' exports do; a trunk sensor (sacrum / lower back) is assumed");
        }
        double tiltSd = tiltSdDeg(s, fs);
        if (!s.hasGyroscope()) {
            if (tiltSd <= TRUNK_TILT_SD_DEG) {
                return new Result(Placement.SACRUM, false, String.format(Locale.ROOT, "no gyroscope; the sensor keeps "
                        + "its tilt (SD %.1f° ≤ %.0f°) as on the trunk; sacrum / lower back assumed", tiltSd,
                        TRUNK_TILT_SD_DEG));
            }
            return new Result(Placement.UNKNOWN, true, String.format(Locale.ROOT, "no gyroscope; the sensor's tilt "
                    + "swings (SD %.1f° > %.0f°) as on an arm or a leg: its place cannot be told, cadence only", tiltSd,
                    TRUNK_TILT_SD_DEG));
        }
        double[] speed = speed(s);
        double p99 = Stats.percentile(speed, 99);
        // the pitch axis matters only for fast rotation (a leg segment, or the final message)
        SegmentAlignment.Pitch pitch = p99 >= SLOW_LEG_GYRO_DPS ? SegmentAlignment.pitch(s, fs) : null;
        boolean travels = pitch != null && walksLikeALeg(pitch);
        if (pitch != null && pitch.principalShare() >= LEG_PRINCIPAL_SHARE && (p99 >= LEG_GYRO_DPS || travels)) {
            double still = stillShare(s, speed, p99);
            double pushOff = -Stats.percentile(pitch.pitchDps(), 1) / Math.max(1e-9, Stats.percentile(pitch.pitchDps(), 99));
            String slow = p99 >= LEG_GYRO_DPS ? "" : String.format(Locale.ROOT, ", stopping once a stride and "
                    + "travelling %.1f m between stops (a slow walker's foot or shank)",
                    pitch.strapdown().medianStrideLengthM());
            String f = String.format(Locale.ROOT, "angular speed 99th percentile %.0f deg/s, %.0f %% about one axis%s: "
                    + "a leg segment; still for %.0f %% of the time, push-off turning %.0f %% as fast as the swing",
                    p99, 100 * pitch.principalShare(), slow, 100 * still, 100 * pushOff);
            double accP995 = Stats.percentile(accMagnitude(s), 99.5);
            if (still < ARM_MAX_STILL_SHARE && pushOff >= 1 / ARM_SYMMETRY && pushOff <= ARM_SYMMETRY
                    && accP995 < ARM_MAX_ACC_G) {
                return new Result(Placement.UNKNOWN, true, f + String.format(Locale.ROOT, ", a symmetric pendulum that "
                        + "is never still with soft peaks (%.1f g): an arm swing (wrist or armband) rather than a leg; "
                        + "cadence only", accP995));
            }
            if (still >= FOOT_STILL_SHARE || pushOff >= FOOT_PUSH_OFF_RATIO) {
                return new Result(Placement.FOOT, false, f + " (a foot lies flat in stance and pushes off hard)");
            }
            return new Result(Placement.SHANK, false, f + " (a shank keeps turning through stance)");
        }
        if (p99 < TRUNK_GYRO_DPS && tiltSd <= TRUNK_TILT_SD_DEG) {
            return new Result(Placement.SACRUM, false, String.format(Locale.ROOT, "slow rotation (angular speed 99th "
                    + "percentile %.0f deg/s) and a steady tilt (SD %.1f°), as on the trunk; sacrum / lower back assumed",
                    p99, tiltSd));
        }
        if (pitch == null) {
            pitch = SegmentAlignment.pitch(s, fs);
        }
        return new Result(Placement.UNKNOWN, true, String.format(Locale.ROOT, "angular speed 99th percentile %.0f deg/s, "
                + "%.0f %% about one axis, tilt SD %.1f°: neither a leg segment nor the trunk; an arm, wrist or pocket, "
                + "which the signal cannot tell apart reliably: cadence only", p99, 100 * pitch.principalShare(), tiltSd));
    }

    /** True when the strapdown found strides of a leg: stops once a stride, a stride length between them. */
    static boolean walksLikeALeg(SegmentAlignment.Pitch pitch) {
        SagittalStrapdown.Result r = pitch.strapdown();
        return r != null && r.sign() != 0 && r.agree() >= SLOW_LEG_MIN_STRIDES
                && r.medianStrideLengthM() >= SLOW_LEG_MIN_STRIDE_M;
    }

    /**
     * RMS angle (deg) between the 1 Hz low-passed acceleration and its slowly varying direction (0.1 Hz low-pass):
     * how much the sensor tilts back and forth within a few strides. Posture changes (sitting down, lying) are
     * slow and do not count; an arm's or a thigh's swing does.
     */
    static double tiltSdDeg(ImuSensor s, double fs) {
        if (!s.hasRawAccelerometer()) {
            return 0;
        }
        ZeroPhaseButterworth lp = ZeroPhaseButterworth.lowPass(2, 1.0);
        ZeroPhaseButterworth slow = ZeroPhaseButterworth.lowPass(2, 0.1);
        double[] ax = s.channel(Channel.ACC_X);
        double[] ay = s.channel(Channel.ACC_Y);
        double[] az = s.channel(Channel.ACC_Z);
        double[] x = lp.applyMirrored(ax, fs);
        double[] y = lp.applyMirrored(ay, fs);
        double[] z = lp.applyMirrored(az, fs);
        double[] sx = slow.applyMirrored(ax, fs);
        double[] sy = slow.applyMirrored(ay, fs);
        double[] sz = slow.applyMirrored(az, fs);
        double[] ang = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            // Vec3.norm and Vec3.angleDeg written out (the same operations in the same order): no two objects per
            // sample, which the C1 compiler of a short run (--outputs tables) would allocate
            double vx = x[i];
            double vy = y[i];
            double vz = z[i];
            double mx = sx[i];
            double my = sy[i];
            double mz = sz[i];
            double vn = Math.sqrt(vx * vx + vy * vy + vz * vz);
            double mn = Math.sqrt(mx * mx + my * my + mz * mz);
            double c = (vx * mx + vy * my + vz * mz) / (vn * mn);
            ang[i] = vn < 1e-9 || mn < 1e-9 ? 0 : Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c))));
        }
        return Math.sqrt(Stats.mean(square(ang)));
    }

    private static double stillShare(ImuSensor s, double[] speed, double p99) {
        double[] acc = new double[speed.length];
        double[] ax = s.channel(Channel.ACC_X);
        double[] ay = s.channel(Channel.ACC_Y);
        double[] az = s.channel(Channel.ACC_Z);
        int moving = 0;
        int still = 0;
        // only between the first and last fast rotation: standing before and after does not count
        int first = -1;
        int last = -1;
        for (int i = 0; i < speed.length; i++) {
            acc[i] = Math.sqrt(ax[i] * ax[i] + ay[i] * ay[i] + az[i] * az[i]);
            if (speed[i] > 0.5 * p99) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        for (int i = Math.max(0, first); i <= last; i++) {
            moving++;
            if (speed[i] < 0.06 * p99 && Math.abs(acc[i] - 1) < 0.15) {
                still++;
            }
        }
        return moving == 0 ? 0 : still / (double) moving;
    }

    private static double[] accMagnitude(ImuSensor s) {
        double[] x = s.channel(Channel.ACC_X);
        double[] y = s.channel(Channel.ACC_Y);
        double[] z = s.channel(Channel.ACC_Z);
        double[] m = new double[x.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.sqrt(x[i] * x[i] + y[i] * y[i] + z[i] * z[i]);
        }
        return m;
    }

    private static double[] speed(ImuSensor s) {
        double[] x = s.channel(Channel.GYR_X);
        double[] y = s.channel(Channel.GYR_Y);
        double[] z = s.channel(Channel.GYR_Z);
        double[] m = new double[x.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.sqrt(x[i] * x[i] + y[i] * y[i] + z[i] * z[i]);
        }
        return m;
    }

    private static double[] square(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = v[i] * v[i];
        }
        return o;
    }
}
