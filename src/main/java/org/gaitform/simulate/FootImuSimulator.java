package org.gaitform.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gaitform.model.Activity;
import org.gaitform.model.Side;
import org.gaitform.signal.Vec3;

/**
 * Two foot-worn IMUs (left and right instep) with known events, for the sample data and tests. Per stride of one
 * foot, in the foot's sagittal plane (pitch rate, swing positive = toes turning up):
 * <ul>
 *   <li>landing: from initial contact the foot turns flat, a negative half-sine of 60 ms (running 50 ms), with an
 *       impact in the acceleration (walking 2.5 g, running 6 g, decaying in 10 ms);</li>
 *   <li>mid-stance: the foot lies flat and still;</li>
 *   <li>push-off: the heel rises, a negative quarter-sine whose minimum is the toe-off, easing back to zero 40 ms
 *       later;</li>
 *   <li>swing: a positive half-sine up to the next initial contact (peak 400 deg/s walking, 900 deg/s running),
 *       with the foot accelerating forward and back.</li>
 * </ul>
 * Walking strides last about 1.1 s with 62 % contact; running strides 120 / cadence with cadence
 * 150 + 8·speed steps/min and contact 0.345 − 0.036·speed s (as in {@link TrunkImuSimulator}); stride-to-stride
 * variation 1.5 % (the same for both feet, which alternate half a stride apart, also where one gait turns into
 * another) and 3 %. Each foot's sensor is strapped with its own small tilt; white noise 0.02 g and
 * 1 deg/s. The truth is the initial contact (the zero-crossing of the pitch rate) and the toe-off (the push-off
 * minimum) of every stride.
 */
public final class FootImuSimulator {
    /** One true contact. */
    public record Contact(Side side, Activity activity, double icS, double toS) {
    }

    /**
     * A simulated session.
     *
     * @param rateHz   sampling rate
     * @param timeS    time axis
     * @param acc      per side (0 left, 1 right), per axis, accelerations (g)
     * @param gyr      per side, per axis, angular velocities (deg/s)
     * @param contacts the truth, in time order
     */
    public record Session(double rateHz, double[] timeS, double[][][] acc, double[][][] gyr, List<Contact> contacts) {
    }

    /**
     * A stretch of the plan.
     *
     * @param activity walking, running or standing
     * @param seconds  duration
     * @param speedMps running speed (running only)
     */
    public record Part(Activity activity, double seconds, double speedMps) {
    }

    private final double rateHz;
    private final long seed;

    public FootImuSimulator(double rateHz, long seed) {
        this.rateHz = rateHz;
        this.seed = seed;
    }

    /** Simulates a plan. */
    public Session simulate(List<Part> plan) {
        double total = plan.stream().mapToDouble(Part::seconds).sum();
        int n = (int) Math.round(total * rateHz);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = Math.round(i / rateHz * 1e6) / 1e6;
        }
        Random rnd = new Random(seed);
        double[][][] acc = new double[2][3][n];
        double[][][] gyr = new double[2][3][n];
        List<Contact> contacts = new ArrayList<>();
        // the feet alternate: both draw the same stride-to-stride variation in each part, so that they stay half a
        // stride apart, and where one gait turns into another the right foot lands half a stride after the left
        double[] leftFirstIc = new double[plan.size()];
        java.util.Arrays.fill(leftFirstIc, Double.NaN);
        for (int side = 0; side < 2; side++) {
            double[] pitch = new double[n];
            double[] impact = new double[n];
            double[] fwd = new double[n];
            double start = 0;
            double ic = Double.NaN;
            for (int k = 0; k < plan.size(); k++) {
                Part p = plan.get(k);
                double end = start + p.seconds();
                if (p.activity() == Activity.STANDING) {
                    start = end;
                    ic = Double.NaN;
                    continue;
                }
                boolean stopAfter = k + 1 == plan.size() || plan.get(k + 1).activity() == Activity.STANDING;
                boolean run = p.activity() == Activity.RUNNING;
                double stride = run ? 120 / (150 + 8 * p.speedMps()) : 1.1;
                double contactS = run ? 0.345 - 0.036 * p.speedMps() : 0.62 * 1.1;
                double peak = run ? 900 : 400;
                boolean fromStill = Double.isNaN(ic);
                if (fromStill) {
                    // starting from standing: the foot is already down; its first event is a toe-off
                    ic = start + 0.3 + (side == 1 ? stride / 2 : 0);
                }
                Random strides = new Random(seed * 1_000_003L + 7919L * k);
                if (side == 0 && ic < end) {
                    leftFirstIc[k] = ic;
                }
                while (ic < end) {
                    double thisStride = stride * (1 + 0.015 * strides.nextGaussian());
                    double contact = contactS * (1 + 0.03 * rnd.nextGaussian());
                    double to = ic + contact;
                    double next = ic + thisStride;
                    if (side == 1 && next >= end && k + 1 < plan.size()
                            && plan.get(k + 1).activity() != Activity.STANDING && !Double.isNaN(leftFirstIc[k + 1])) {
                        next = alternating(next, to, end, leftFirstIc[k + 1], strideOf(plan.get(k + 1)));
                    }
                    boolean setDown = stopAfter && next + stride >= end;
                    double landing = run ? 0.05 : 0.06;
                    double land = run ? 6 : 2.5;
                    if (!fromStill && !setDown) {
                        contacts.add(new Contact(side == 0 ? Side.LEFT : Side.RIGHT, p.activity(), round(ic), round(to)));
                    }
                    for (int i = (int) Math.max(0, Math.floor((ic - 0.1) * rateHz)); i < n && t[i] < next + 0.1; i++) {
                        double s = t[i];
                        if (s >= ic && s < ic + landing && !fromStill) {
                            pitch[i] += -0.6 * peak * Math.sin(Math.PI * (s - ic) / landing);
                            impact[i] += land * Math.exp(-(s - ic) / 0.01);
                        } else if (s >= to - 0.08 && s < to + 0.04 && !setDown) {
                            double u = s < to ? (s - (to - 0.08)) / 0.08 : 1 + (s - to) / 0.04;
                            pitch[i] += -peak * Math.sin(Math.PI * u / 2);
                        } else if (s >= to + 0.04 && s < next && !setDown) {
                            double u = (s - to - 0.04) / (next - to - 0.04);
                            pitch[i] += peak * Math.sin(Math.PI * u);
                            fwd[i] += (run ? 2.0 : 0.8) * Math.sin(2 * Math.PI * u);
                        }
                    }
                    fromStill = false;
                    if (setDown) {
                        // the last contact of the part: the foot stays down (no toe-off, no swing)
                        ic = Double.NaN;
                        break;
                    }
                    ic = next;
                }
                start = end;
            }
            // sensor axes: foot frame (x forward, y left, z up) tilted by a few degrees
            double tilt = Math.toRadians(5 + 5 * rnd.nextDouble());
            Vec3 up = new Vec3(Math.sin(tilt), 0, Math.cos(tilt));
            Vec3 forward = new Vec3(Math.cos(tilt), 0, -Math.sin(tilt));
            Vec3 ml = side == 0 ? new Vec3(0, 1, 0) : new Vec3(0, -1, 0);
            for (int i = 0; i < n; i++) {
                double a = 1 + impact[i];
                Vec3 av = up.times(a).plus(forward.times(fwd[i]));
                Vec3 gv = ml.times(side == 0 ? -pitch[i] : pitch[i]);
                acc[side][0][i] = av.x() + 0.02 * rnd.nextGaussian();
                acc[side][1][i] = av.y() + 0.02 * rnd.nextGaussian();
                acc[side][2][i] = av.z() + 0.02 * rnd.nextGaussian();
                gyr[side][0][i] = gv.x() + rnd.nextGaussian();
                gyr[side][1][i] = gv.y() + rnd.nextGaussian();
                gyr[side][2][i] = gv.z() + rnd.nextGaussian();
            }
        }
        contacts.sort((x, y) -> Double.compare(x.icS(), y.icS()));
        return new Session(rateHz, t, acc, gyr, contacts);
    }

    /** Typical stride of a moving part (s). */
    private static double strideOf(Part p) {
        return p.activity() == Activity.RUNNING ? 120 / (150 + 8 * p.speedMps()) : 1.1;
    }

    /**
     * The right foot's first landing in the next part: half a stride before or after one of the left foot's landings
     * there, the one nearest the landing the current stride would give, at least 0.1 s after toe-off.
     */
    private static double alternating(double natural, double to, double end, double leftFirst, double stride) {
        double best = natural;
        double bestGap = Double.POSITIVE_INFINITY;
        for (int m = -2; m <= 2; m++) {
            double c = leftFirst + stride / 2 + m * stride;
            if (c >= end && c > to + 0.1 && Math.abs(c - natural) < bestGap) {
                best = c;
                bestGap = Math.abs(c - natural);
            }
        }
        return best;
    }

    /** The session as CSV: {@code time_s} then {@code left_acc_x_g … right_gyr_z_dps}. */
    public static String csv(Session s) {
        StringBuilder sb = new StringBuilder(s.timeS().length * 110);
        sb.append("time_s");
        for (String side : new String[] {"left", "right"}) {
            for (String a : new String[] {"x", "y", "z"}) {
                sb.append(',').append(side).append("_acc_").append(a).append("_g");
            }
            for (String a : new String[] {"x", "y", "z"}) {
                sb.append(',').append(side).append("_gyr_").append(a).append("_dps");
            }
        }
        sb.append('\n');
        for (int i = 0; i < s.timeS().length; i++) {
            sb.append(String.format(Locale.ROOT, "%.3f", s.timeS()[i]));
            for (int side = 0; side < 2; side++) {
                for (int a = 0; a < 3; a++) {
                    sb.append(',').append(num(s.acc()[side][a][i], 3));
                }
                for (int a = 0; a < 3; a++) {
                    sb.append(',').append(num(s.gyr()[side][a][i], 1));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The truth as CSV: {@code step,side,activity,ic_s,to_s,contact_ms}. */
    public static String truthCsv(Session s) {
        StringBuilder sb = new StringBuilder("step,side,activity,ic_s,to_s,contact_ms\n");
        int k = 1;
        for (Contact c : s.contacts()) {
            sb.append(k++).append(',').append(c.side().label()).append(',').append(c.activity().label()).append(',')
                    .append(num(c.icS(), 4)).append(',').append(num(c.toS(), 4)).append(',')
                    .append(num((c.toS() - c.icS()) * 1000, 1)).append('\n');
        }
        return sb.toString();
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static String num(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0\\.0*") ? s.substring(1) : s;
    }
}
