package org.gaitform.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gaitform.model.Activity;
import org.gaitform.model.Side;
import org.gaitform.signal.Vec3;

/**
 * Two foot-worn IMUs with known events, for the sample data and tests. The feet are moved as rigid bodies and the
 * sensors report what an accelerometer and a gyroscope fixed to them would: the specific force (acceleration minus
 * gravity's pull, so +1 g up when still) and the angular velocity, in the sensor's own axes, for any mounting.
 *
 * <p><b>Foot kinematics</b>, per stride of one foot (foot axes: x forward along the sole, y left, z up; pitch θ
 * positive toes up, relative to the flat foot):
 * <ul>
 *   <li>landing: a heel-first foot (θ at contact above 0) reaches its most toes-up angle just before contact (by
 *       {@link Gait#icLeadS()}) and turns flat about the heel (walking {@link Gait#walkLandingS()}, running
 *       {@link Gait#runLandingS()}); a forefoot striker turns a little toes-down (up to 2°) in the last
 *       {@link Gait#forefootApproachS()} before the ball touches — so the pitch rate's zero-crossing (Falbriard et al.
 *       2018's k2) comes that much before the contact — then the heel drops (toes up) to flat about the ball; an impact transient of zero net
 *       velocity change (walking 2.5 g, running 6 g, 5 ms) follows every contact;</li>
 *   <li>mid-stance: the foot lies flat and still on the ground (or on the belt, which moves at a constant speed and
 *       so changes no acceleration);</li>
 *   <li>push-off: from {@link Gait#heelRiseShare()} of the contact the heel rises and the foot turns toes-down about
 *       the ball, fastest {@link Gait#rateMinLeadS()} before the toe-off, still turning down for a little while
 *       after it ({@link Gait#walkPushOffTailS()}, {@link Gait#runPushOffTailS()});</li>
 *   <li>swing: the foot turns toes-up to its landing angle — one hump of angular velocity, or two with
 *       {@link Gait#swingDip()} — while it travels one stride length forward on a minimum-jerk path that matches
 *       the stance's position, velocity and acceleration at toe-off and at the next contact, with a clearance hump;
 *       a small roll (the foot inverts in the swing, {@link Gait#rollDeg()}) and a constant toe-out turn it out of
 *       the sagittal plane.</li>
 * </ul>
 * Walking strides last {@link Gait#walkStrideS()} with {@link Gait#walkDuty()} contact at 1.25 m/s; running strides
 * 120 / cadence with cadence 150 + 8·speed steps/min and contact 0.345 − 0.036·speed s (as in
 * {@link TrunkImuSimulator}); stride-to-stride variation 1.5 % (running 2 %) — the same for both feet, which
 * alternate half a stride apart, also where one gait turns into another — contact 3 %, angles 2°. The
 * accelerations are the second derivative of the sensor's path, exact up to 0.25 ms finite differences; the
 * angular velocity is analytic.
 *
 * <p><b>Sensors</b>: a {@link Mounting} per foot — any rotation of the sensor on the foot, anywhere on it, with
 * right-handed or mirrored (left-handed) axes — white noise 0.02 g and 1 deg/s and constant biases (up to 0.02 g,
 * 3 deg/s per axis). The truth is every complete contact: initial contact, toe-off and the foot's angle at initial
 * contact. The shape parameters ({@link Gait#TYPICAL}) are set near the gaitmap walking recording (foot angle
 * about −60° at toe-off and +23° at initial contact, push-off rate minimum about 5 ms before toe-off) and Falbriard
 * et al. 2018 for running; {@link Gait#random} draws each from a range around them.
 */
public final class FootImuSimulator {
    private static final double G = 9.80665;
    /** Step of the finite differences for accelerations (s). */
    private static final double H_S = 0.00025;
    /** Ball of the foot (metatarsal heads) ahead of the heel's contact point (m). */
    private static final double BALL_M = 0.18;

    /** One true contact; {@code footAngleDeg} is the foot's pitch at initial contact (toes up positive). */
    public record Contact(Side side, Activity activity, double icS, double toS, double footAngleDeg) {
    }

    /**
     * A simulated session.
     *
     * @param rateHz    sampling rate
     * @param timeS     time axis
     * @param acc       per side (0 left, 1 right), per axis, accelerations (g)
     * @param gyr       per side, per axis, angular velocities (deg/s)
     * @param contacts  the truth, in time order
     * @param mountings the sensors' mountings (left, right)
     */
    public record Session(double rateHz, double[] timeS, double[][][] acc, double[][][] gyr, List<Contact> contacts,
                          Mounting[] mountings) {
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

    /**
     * How a sensor sits on a foot.
     *
     * @param footToSensor 3×3 matrix taking foot axes (x forward, y left, z up) to sensor axes; a rotation, or a
     *                     rotation times a mirror (determinant −1: left-handed sensor axes)
     * @param axialGyro    with a mirrored frame: true when the gyroscope follows the right-hand rule in the
     *                     mirrored axes (its readings are det·M·ω, an axial vector), false when its axes are simply
     *                     relabelled like the accelerometer's (M·ω)
     * @param offsetM      the sensor's position relative to the heel's contact point, in foot axes (m)
     * @param label        a short description
     */
    public record Mounting(double[][] footToSensor, boolean axialGyro, Vec3 offsetM, String label) {
        /** On the instep, axes along the foot tilted by {@code tiltDeg} (toes up) about its medio-lateral axis. */
        public static Mounting instep(double tiltDeg) {
            double t = Math.toRadians(tiltDeg);
            double c = Math.cos(t);
            double s = Math.sin(t);
            // sensor axes = foot axes turned toes-up by t: rows are the sensor axes in foot coordinates
            double[][] m = {{c, 0, s}, {0, 1, 0}, {-s, 0, c}};
            return new Mounting(m, false, new Vec3(0.11, 0, 0.06), String.format(Locale.ROOT, "instep, tilted %.0f°",
                    tiltDeg));
        }

        /** Any orientation (uniform over rotations), anywhere on the foot; mirrored axes one time in three. */
        public static Mounting random(Random r) {
            double[][] m = randomRotation(r);
            int kind = r.nextInt(3);
            String label = "rotated";
            if (kind > 0) {
                int axis = r.nextInt(3);
                for (int j = 0; j < 3; j++) {
                    m[axis][j] = -m[axis][j];
                }
                label = "mirrored " + "xyz".charAt(axis) + (kind == 1 ? " (gyro relabelled)" : " (gyro axial)");
            }
            Vec3 offset = new Vec3(0.16 * r.nextDouble(), 0.08 * r.nextDouble() - 0.04, 0.03 + 0.05 * r.nextDouble());
            return new Mounting(m, kind == 2, offset, label);
        }

        double det() {
            double[][] m = footToSensor;
            return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                    + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        }
    }

    /**
     * The shape of a walker's and a runner's foot movement (see the class description).
     *
     * @param walkStrideS      walking stride time (s)
     * @param walkDuty         walking contact / stride
     * @param walkStrikeDeg    foot angle at initial contact, walking (deg; toes up positive)
     * @param runStrikeDeg     foot angle at initial contact, running (deg; above about 8 rearfoot, below about −2
     *                         forefoot)
     * @param walkPushOffDeg   foot angle at the end of the push-off, walking (deg, negative)
     * @param runPushOffDeg    foot angle at the end of the push-off, running (deg, negative)
     * @param swingDip         depth of a dip in the middle of the swing's angular velocity (0 one hump, up to 0.8)
     * @param swingPeakAt      where in the swing its one hump peaks (share of the swing; without a dip)
     * @param walkLandingS     duration of the landing rotation, walking (s)
     * @param runLandingS      running (s)
     * @param heelRiseShare    heel rise starts at this share of the contact time, walking
     * @param runHeelRiseShare running
     * @param rateMinLeadS     the push-off's fastest rotation comes this long before toe-off (s)
     * @param walkPushOffTailS the foot still turns toes-down this long after toe-off, walking (s)
     * @param runPushOffTailS  running (s)
     * @param icLeadS          a heel-first foot's most toes-up instant comes this long before initial contact (s)
     * @param forefootApproachS a forefoot-first foot turns toes-down for this long before initial contact (s)
     * @param rollDeg          the foot's roll (inversion) in the middle of the swing (deg)
     * @param toeOutDeg        angle between the foot and the direction of travel (deg)
     */
    public record Gait(double walkStrideS, double walkDuty, double walkStrikeDeg, double runStrikeDeg,
                       double walkPushOffDeg, double runPushOffDeg, double swingDip, double swingPeakAt,
                       double walkLandingS,
                       double runLandingS, double heelRiseShare, double runHeelRiseShare, double rateMinLeadS,
                       double walkPushOffTailS,
                       double runPushOffTailS, double icLeadS, double forefootApproachS, double rollDeg,
                       double toeOutDeg) {
        /** A typical walker and rearfoot runner. */
        public static final Gait TYPICAL = new Gait(1.1, 0.62, 22, 15, -60, -110, 0, 0.55, 0.13, 0.045, 0.6, 0.55, 0.005,
                0.02, 0.09, 0.003, 0.01, 4, 7);

        /**
         * A random walker/runner: walking strides 0.95–1.4 s with 58–68 % contact, foot angle at initial contact
         * 8–30° walking and −15…+25° running (forefoot to rearfoot), push-off to −50…−70° walking and −90…−130°
         * running (the knee flexes in early swing and the foot points down and back), swings with one hump (peaking
         * at 45–70 % of the swing) or two, landings 90–170 ms walking and 30–60 ms running, heel rise from 35–70 %
         * of the contact walking (some walkers lift the heel early, and then turn toes-down for longer than the swing
         * turns them up) and 45–65 % running, push-off minimum 0–15 ms before toe-off, the foot still turning
         * toes-down for 10–40 ms after toe-off walking and 60–120 ms running, most toes-up instant 0–10 ms before
         * contact (forefoot: a toes-down turn of up to 2° over the last 10–25 ms), roll 0–8°, toe-out 0–15°.
         */
        public static Gait random(Random r) {
            double runStrike = -15 + 40 * r.nextDouble();
            return new Gait(0.95 + 0.45 * r.nextDouble(), 0.58 + 0.10 * r.nextDouble(), 8 + 22 * r.nextDouble(),
                    runStrike, -50 - 20 * r.nextDouble(), -90 - 40 * r.nextDouble(),
                    r.nextBoolean() ? 0 : 0.8 * r.nextDouble(), 0.45 + 0.25 * r.nextDouble(),
                    0.09 + 0.08 * r.nextDouble(),
                    0.03 + 0.03 * r.nextDouble(), 0.35 + 0.35 * r.nextDouble(), 0.45 + 0.2 * r.nextDouble(),
                    0.015 * r.nextDouble(),
                    0.01 + 0.03 * r.nextDouble(), 0.06 + 0.06 * r.nextDouble(),
                    0.01 * r.nextDouble(), 0.01 + 0.015 * r.nextDouble(), 8 * r.nextDouble(), 15 * r.nextDouble());
        }
    }

    private final double rateHz;
    private final long seed;

    public FootImuSimulator(double rateHz, long seed) {
        this.rateHz = rateHz;
        this.seed = seed;
    }

    /** Simulates a plan with a typical gait and both sensors on the instep (tilted 5–10°, right-handed axes). */
    public Session simulate(List<Part> plan) {
        Random r = new Random(seed ^ 0x5eedL);
        return simulate(plan, Gait.TYPICAL, Mounting.instep(5 + 5 * r.nextDouble()),
                Mounting.instep(5 + 5 * r.nextDouble()));
    }

    /** Simulates a plan with the given gait and sensor mountings. */
    public Session simulate(List<Part> plan, Gait gait, Mounting left, Mounting right) {
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
        Mounting[] mountings = {left, right};
        // the feet alternate: both draw the same stride-to-stride variation in each part, so that they stay half a
        // stride apart, and where one gait turns into another the right foot lands half a stride after the left
        double[] leftFirstIc = new double[plan.size()];
        java.util.Arrays.fill(leftFirstIc, Double.NaN);
        for (int side = 0; side < 2; side++) {
            Foot foot = new Foot(plan, gait, side, rnd, seed, leftFirstIc);
            Side sd = side == 0 ? Side.LEFT : Side.RIGHT;
            for (Stance s : foot.stances) {
                if (s.counted) {
                    contacts.add(new Contact(sd, s.activity, round(s.ic), round(s.to), foot.theta(s.ic)));
                }
            }
            Mounting m = mountings[side];
            double gyrSign = m.axialGyro() && m.det() < 0 ? -1 : 1;
            double[] accBias = {0.02 * (2 * rnd.nextDouble() - 1), 0.02 * (2 * rnd.nextDouble() - 1),
                0.02 * (2 * rnd.nextDouble() - 1)};
            double[] gyrBias = {3 * (2 * rnd.nextDouble() - 1), 3 * (2 * rnd.nextDouble() - 1),
                3 * (2 * rnd.nextDouble() - 1)};
            for (int i = 0; i < n; i++) {
                double ti = t[i];
                double[][] rot = foot.rotation(ti);
                Vec3 a = foot.position(ti + H_S, m.offsetM()).plus(foot.position(ti - H_S, m.offsetM()))
                        .minus(foot.position(ti, m.offsetM()).times(2)).times(1 / (H_S * H_S));
                a = a.plus(foot.impact(ti));
                Vec3 f = a.plus(new Vec3(0, 0, G)).times(1 / G);
                Vec3 fBody = transposeTimes(rot, f);
                Vec3 w = foot.angularVelocityDps(ti);
                Vec3 fs = times(m.footToSensor(), fBody);
                Vec3 ws = times(m.footToSensor(), w).times(gyrSign);
                acc[side][0][i] = fs.x() + accBias[0] + 0.02 * rnd.nextGaussian();
                acc[side][1][i] = fs.y() + accBias[1] + 0.02 * rnd.nextGaussian();
                acc[side][2][i] = fs.z() + accBias[2] + 0.02 * rnd.nextGaussian();
                gyr[side][0][i] = ws.x() + gyrBias[0] + rnd.nextGaussian();
                gyr[side][1][i] = ws.y() + gyrBias[1] + rnd.nextGaussian();
                gyr[side][2][i] = ws.z() + gyrBias[2] + rnd.nextGaussian();
            }
        }
        contacts.sort((x, y) -> Double.compare(x.icS(), y.icS()));
        return new Session(rateHz, t, acc, gyr, contacts, mountings);
    }

    /** One contact of a foot and the swing that follows it. */
    private static final class Stance {
        Activity activity;
        double ic;           // initial contact (NaN: the foot was already down, standing)
        double to;           // toe-off (+∞: the foot stays down)
        double thetaTop;     // pitch at the end of the previous swing (deg)
        double thetaIc;      // pitch at initial contact (deg)
        double landingS;
        double icLeadS;
        double heelRise;     // time the heel rises
        double rateMinLeadS;
        double pushOffTailS;
        double thetaPushOff; // pitch at the end of the push-off (deg)
        double swingDip;
        double swingPeakAt;
        double heelX;        // heel contact point along the direction of travel (m)
        double impactG;
        boolean counted;
        // the swing to the next stance: quintic coefficients per axis, clearance (m)
        double[][] quintic;
        double clearanceM;
        double swingFrom;
        double swingTo;
    }

    /** The kinematics of one foot over the whole plan. */
    private static final class Foot {
        final List<Stance> stances = new ArrayList<>();
        final double toeOut;
        final double rollDeg;

        Foot(List<Part> plan, Gait gait, int side, Random rnd, long seed, double[] leftFirstIc) {
            toeOut = Math.toRadians(gait.toeOutDeg()) * (side == 0 ? 1 : -1);
            rollDeg = gait.rollDeg() * (side == 0 ? 1 : -1);
            double start = 0;
            double ic = Double.NaN;
            double heelX = 0;
            Stance down = new Stance(); // standing at the start
            down.ic = Double.NaN;
            down.to = Double.POSITIVE_INFINITY;
            down.heelX = 0;
            down.activity = Activity.STANDING;
            stances.add(down);
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
                double stride = run ? 120 / (150 + 8 * p.speedMps()) : gait.walkStrideS();
                double contactS = run ? 0.345 - 0.036 * p.speedMps() : gait.walkDuty() * gait.walkStrideS();
                double speed = run ? p.speedMps() : 1.25;
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
                    double thisStride = stride * (1 + (run ? 0.02 : 0.015) * strides.nextGaussian());
                    double contact = contactS * (1 + 0.03 * rnd.nextGaussian());
                    double next = ic + thisStride;
                    if (side == 1 && next >= end && k + 1 < plan.size()
                            && plan.get(k + 1).activity() != Activity.STANDING && !Double.isNaN(leftFirstIc[k + 1])) {
                        Part q = plan.get(k + 1);
                        next = alternating(next, ic + contact, end, leftFirstIc[k + 1], q.activity()
                                == Activity.RUNNING ? 120 / (150 + 8 * q.speedMps()) : gait.walkStrideS());
                    }
                    boolean setDown = stopAfter && next + stride >= end;
                    Stance s;
                    if (fromStill) {
                        s = stances.get(stances.size() - 1); // the standing foot pushes off
                        s.activity = p.activity();
                        s.to = ic + contact;
                        s.heelRise = s.to - (1 - (run ? gait.runHeelRiseShare() : gait.heelRiseShare())) * contact;
                    } else {
                        s = new Stance();
                        s.activity = p.activity();
                        s.ic = ic;
                        s.to = setDown ? Double.POSITIVE_INFINITY : ic + contact;
                        double strike = (run ? gait.runStrikeDeg() : gait.walkStrikeDeg()) + 2 * rnd.nextGaussian();
                        s.icLeadS = strike >= 0 ? gait.icLeadS() : gait.forefootApproachS();
                        s.landingS = (run ? gait.runLandingS() : gait.walkLandingS()) * (1 + 0.05 * rnd.nextGaussian());
                        s.thetaIc = strike;
                        s.thetaTop = strike >= 0 ? strike : strike + Math.min(2, Math.abs(strike) / 4);
                        s.heelX = heelX;
                        s.heelRise = ic + (run ? gait.runHeelRiseShare() : gait.heelRiseShare()) * contact;
                        s.impactG = run ? 6 : 2.5;
                        s.counted = !setDown;
                        stances.add(s);
                    }
                    s.rateMinLeadS = gait.rateMinLeadS();
                    s.pushOffTailS = run ? gait.runPushOffTailS() : gait.walkPushOffTailS();
                    s.thetaPushOff = (run ? gait.runPushOffDeg() : gait.walkPushOffDeg()) + 2 * rnd.nextGaussian();
                    s.swingDip = gait.swingDip();
                    s.swingPeakAt = gait.swingPeakAt();
                    heelX += speed * thisStride;
                    fromStill = false;
                    if (setDown) {
                        ic = Double.NaN;
                        break;
                    }
                    ic = next;
                }
                start = end;
            }
            // landing angle at the end of each swing depends on the next stance: fix the heel rise after landing,
            // then the swings' paths (they need the angles of both ends)
            for (int k = 0; k < stances.size(); k++) {
                Stance s = stances.get(k);
                if (!Double.isNaN(s.ic)) {
                    double landed = s.ic - s.icLeadS + s.landingS;
                    s.heelRise = Math.max(s.heelRise, landed + 0.02);
                    if (s.heelRise > s.to - s.rateMinLeadS - 0.03) {
                        s.heelRise = s.to - s.rateMinLeadS - 0.03;
                    }
                }
            }
            for (int k = 0; k + 1 < stances.size(); k++) {
                Stance s = stances.get(k);
                Stance nx = stances.get(k + 1);
                if (Double.isInfinite(s.to) || Double.isNaN(nx.ic)) {
                    continue;
                }
                s.swingFrom = s.to;
                s.swingTo = nx.ic;
                double d = s.swingTo - s.swingFrom;
                s.quintic = new double[3][];
                double[][] a = state(k, s.to);
                double[][] b = state(k + 1, nx.ic);
                for (int ax = 0; ax < 3; ax++) {
                    s.quintic[ax] = quintic(a[0][ax], a[1][ax], a[2][ax], b[0][ax], b[1][ax], b[2][ax], d);
                }
                s.clearanceM = s.activity == Activity.RUNNING ? 0.2 : 0.12;
            }
        }

        /** The stance a time belongs to (its initial contact, or its landing, has begun) and the phase. */
        int stanceAt(double t) {
            int lo = 0;
            int hi = stances.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                Stance s = stances.get(mid);
                if (Double.isNaN(s.ic) || s.ic - s.icLeadS <= t) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }

        /** Pitch (deg, toes up positive) and its rate (deg/s). */
        double[] pitch(double t) {
            int k = stanceAt(t);
            Stance s = stances.get(k);
            if (!Double.isNaN(s.ic)) {
                double a = s.ic - s.icLeadS;
                if (s.thetaIc >= 0) {
                    if (t < a + s.landingS) { // landing: thetaTop → 0 from a
                        return lobe(t, a, a + s.landingS, s.thetaTop, 0, 0.3, 1, 2, 0);
                    }
                } else {
                    if (t < s.ic) { // toes-down approach: thetaTop → thetaIc
                        return lobe(t, a, s.ic, s.thetaTop, s.thetaIc, 0.5, 1, 1, 0);
                    }
                    if (t < s.ic + s.landingS) { // heel drop: thetaIc → 0
                        return lobe(t, s.ic, s.ic + s.landingS, s.thetaIc, 0, 0.3, 1, 2, 0);
                    }
                }
            }
            if (Double.isInfinite(s.to) || t < s.heelRise) {
                return new double[] {0, 0};
            }
            double tail = s.to + s.pushOffTailS;
            if (t < tail) { // push-off: 0 → thetaPushOff, fastest at to − rateMinLead
                double peakAt = (s.to - s.rateMinLeadS - s.heelRise) / (tail - s.heelRise);
                return lobe(t, s.heelRise, tail, 0, s.thetaPushOff, peakAt, 2, 1, 0);
            }
            if (k + 1 < stances.size() && !Double.isNaN(stances.get(k + 1).ic)) {
                Stance nx = stances.get(k + 1);
                return lobe(t, tail, nx.ic - nx.icLeadS, s.thetaPushOff, nx.thetaTop, s.swingPeakAt, 1, 1, s.swingDip);
            }
            return new double[] {s.thetaPushOff, 0};
        }

        double theta(double t) {
            return pitch(t)[0];
        }

        /**
         * A lobe of rotation from angle {@code from} to {@code to} over [a, b]: the rate rises as sin^q to its peak at
         * {@code peakAt} of the span and falls as cos^q. With q = 2 an end joins smoothly (zero rate and zero
         * angular acceleration: the foot settling flat, the heel starting to rise); with q = 1 the rate passes zero
         * steeply (the ground reversing the foot at contact, the swing taking over from the push-off at the toe-off
         * tail). A dip removes {@code dip} of the peak in the middle of the span (a swing with two humps).
         */
        static double[] lobe(double t, double a, double b, double from, double to, double peakAt, int riseQ, int fallQ,
                             double dip) {
            double d = b - a;
            double u = Math.max(0, Math.min(1, (t - a) / d));
            double p = Math.max(0.05, Math.min(0.95, peakAt));
            double shape;
            double cum;
            if (u <= p) {
                double v = u / p;
                shape = riseQ == 1 ? Math.sin(Math.PI / 2 * v) : Math.pow(Math.sin(Math.PI / 2 * v), 2);
                cum = p * (riseQ == 1 ? (1 - Math.cos(Math.PI / 2 * v)) * 2 / Math.PI
                        : v / 2 - Math.sin(Math.PI * v) / (2 * Math.PI));
            } else {
                double v = (u - p) / (1 - p);
                shape = fallQ == 1 ? Math.cos(Math.PI / 2 * v) : Math.pow(Math.cos(Math.PI / 2 * v), 2);
                cum = p * (riseQ == 1 ? 2 / Math.PI : 0.5) + (1 - p) * (fallQ == 1 ? Math.sin(Math.PI / 2 * v) * 2 / Math.PI
                        : v / 2 + Math.sin(Math.PI * v) / (2 * Math.PI));
            }
            double total = p * (riseQ == 1 ? 2 / Math.PI : 0.5) + (1 - p) * (fallQ == 1 ? 2 / Math.PI : 0.5);
            if (dip > 0) {
                // minus dip·sin²(π·y) over the middle 40 % (y = (u − 0.3) / 0.4)
                double y = Math.max(0, Math.min(1, (u - 0.3) / 0.4));
                shape -= dip * Math.pow(Math.sin(Math.PI * y), 2);
                cum -= dip * 0.4 * (y / 2 - Math.sin(2 * Math.PI * y) / (4 * Math.PI));
                total -= dip * 0.2;
            }
            double area = to - from;
            return new double[] {from + area * cum / total, area / d * shape / total};
        }

        /** Roll (rad): the foot inverts during the swing (sin² over the swing) and is level in stance. */
        double roll(double t) {
            double[] u = swingShare(t);
            return u == null ? 0 : Math.toRadians(rollDeg) * Math.pow(Math.sin(Math.PI * u[0]), 2);
        }

        double rollRate(double t) {
            double[] u = swingShare(t);
            return u == null ? 0 : Math.toRadians(rollDeg) * Math.PI / u[1] * Math.sin(2 * Math.PI * u[0]);
        }

        /** {share of the swing elapsed, swing duration} when the foot is in the air, else null. */
        private double[] swingShare(double t) {
            int k = stanceAt(t);
            Stance s = stances.get(k);
            Stance sw = !Double.isNaN(s.ic) && t < s.ic && k > 0 ? stances.get(k - 1) : t > s.to ? s : null;
            if (sw == null || sw.quintic == null) {
                return null;
            }
            double d = sw.swingTo - sw.swingFrom;
            return new double[] {Math.max(0, Math.min(1, (t - sw.swingFrom) / d)), d};
        }

        /** Foot-to-world rotation: toe-out about z, roll about x, pitch (toes up) about −y. */
        double[][] rotation(double t) {
            double th = Math.toRadians(theta(t));
            return mul(mul(rotZ(toeOut), rotX(roll(t))), rotY(-th));
        }

        /** Angular velocity in foot axes (deg/s): roll rate about x seen after the pitch, pitch rate about −y. */
        Vec3 angularVelocityDps(double t) {
            double[] p = pitch(t);
            double th = Math.toRadians(p[0]);
            double rr = Math.toDegrees(rollRate(t));
            // for R = Rz(ψ)·Rx(ρ)·Ry(−θ): ω_body = ρ'·Ry(−θ)ᵀ·e_x − θ'·e_y, with Ry(−θ)ᵀ·e_x = (cos θ, 0, −sin θ)
            return new Vec3(rr * Math.cos(th), -p[1], -rr * Math.sin(th));
        }

        /** The sensor's position (m, world: x travel, y left, z up) at a stance's pivot. */
        Vec3 stancePosition(int k, double t, Vec3 offset) {
            Stance s = stances.get(k);
            double th = Math.toRadians(theta(t));
            double[][] r = mul(rotZ(toeOut), rotY(-th));
            Vec3 heel = new Vec3(s.heelX, 0, 0);
            if (th >= 0) { // toes up: on the heel
                return heel.plus(times(r, offset));
            }
            Vec3 ballFoot = new Vec3(BALL_M, 0, 0);
            Vec3 ball = heel.plus(times(rotZ(toeOut), ballFoot));
            return ball.plus(times(r, offset.minus(ballFoot)));
        }

        /** Position, velocity and acceleration at a stance's pivot (finite differences of the rigid motion). */
        double[][] state(int k, double t) {
            Vec3 off = OFFSET_PROBE;
            Vec3 p0 = stancePosition(k, t, off);
            Vec3 p1 = stancePosition(k, t + H_S, off);
            Vec3 pm = stancePosition(k, t - H_S, off);
            Vec3 v = p1.minus(pm).times(1 / (2 * H_S));
            Vec3 a = p1.plus(pm).minus(p0.times(2)).times(1 / (H_S * H_S));
            return new double[][] {{p0.x(), p0.y(), p0.z()}, {v.x(), v.y(), v.z()}, {a.x(), a.y(), a.z()}};
        }

        /** The sensor's position at any time (m). */
        Vec3 position(double t, Vec3 offset) {
            int k = stanceAt(t);
            Stance s = stances.get(k);
            if (!Double.isNaN(s.ic) && t < s.ic && k > 0) {
                return swingPosition(k - 1, t, offset); // approach: still in the air
            }
            if (t <= s.to || s.quintic == null) {
                return stancePosition(k, t, offset);
            }
            return swingPosition(k, t, offset);
        }

        private Vec3 swingPosition(int k, double t, Vec3 offset) {
            Stance s = stances.get(k);
            if (s.quintic == null) {
                return stancePosition(k, t, offset);
            }
            // the path was planned for the probe offset; another offset moves rigidly with the foot's pitch
            double u = Math.max(0, Math.min(s.swingTo - s.swingFrom, t - s.swingFrom));
            double[] q = new double[3];
            for (int ax = 0; ax < 3; ax++) {
                double[] c = s.quintic[ax];
                q[ax] = c[0] + u * (c[1] + u * (c[2] + u * (c[3] + u * (c[4] + u * c[5]))));
            }
            double v = u / (s.swingTo - s.swingFrom);
            q[2] += s.clearanceM * 64 * Math.pow(v * (1 - v), 3);
            Vec3 probe = new Vec3(q[0], q[1], q[2]);
            if (offset.equals(OFFSET_PROBE)) {
                return probe;
            }
            // the same rigid motion as in stance (toe-out and pitch; the small roll turns the axes only)
            double[][] r = mul(rotZ(toeOut), rotY(-Math.toRadians(theta(t))));
            return probe.plus(times(r, offset.minus(OFFSET_PROBE)));
        }

        /** Impact transient after each initial contact (m/s², world): zero net change of velocity. */
        Vec3 impact(double t) {
            int k = stanceAt(t);
            Stance s = stances.get(k);
            if (Double.isNaN(s.ic) || t < s.ic) {
                return Vec3.ZERO;
            }
            double tau = 0.005;
            double x = (t - s.ic) / tau;
            if (x > 12) {
                return Vec3.ZERO;
            }
            double a = s.impactG * G * (1 - x) * Math.exp(-x);
            return new Vec3(-0.3 * a, 0, a);
        }
    }

    /** The point whose path the swing plans: the middle of the foot, a little above the sole. */
    private static final Vec3 OFFSET_PROBE = new Vec3(0.09, 0, 0.05);

    /** Quintic from (p0, v0, a0) at 0 to (p1, v1, a1) at d: coefficients c0..c5 of u^0..u^5. */
    static double[] quintic(double p0, double v0, double a0, double p1, double v1, double a1, double d) {
        double d2 = d * d;
        double d3 = d2 * d;
        double d4 = d3 * d;
        double d5 = d4 * d;
        double c3 = (20 * (p1 - p0) - (8 * v1 + 12 * v0) * d - (3 * a0 - a1) * d2) / (2 * d3);
        double c4 = (30 * (p0 - p1) + (14 * v1 + 16 * v0) * d + (3 * a0 - 2 * a1) * d2) / (2 * d4);
        double c5 = (12 * (p1 - p0) - 6 * (v1 + v0) * d - (a0 - a1) * d2) / (2 * d5);
        return new double[] {p0, v0, a0 / 2, c3, c4, c5};
    }

    static double[][] rotX(double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return new double[][] {{1, 0, 0}, {0, c, -s}, {0, s, c}};
    }

    static double[][] rotY(double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return new double[][] {{c, 0, s}, {0, 1, 0}, {-s, 0, c}};
    }

    static double[][] rotZ(double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return new double[][] {{c, -s, 0}, {s, c, 0}, {0, 0, 1}};
    }

    static double[][] mul(double[][] x, double[][] y) {
        double[][] o = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                o[i][j] = x[i][0] * y[0][j] + x[i][1] * y[1][j] + x[i][2] * y[2][j];
            }
        }
        return o;
    }

    static Vec3 times(double[][] m, Vec3 v) {
        return new Vec3(m[0][0] * v.x() + m[0][1] * v.y() + m[0][2] * v.z(),
                m[1][0] * v.x() + m[1][1] * v.y() + m[1][2] * v.z(),
                m[2][0] * v.x() + m[2][1] * v.y() + m[2][2] * v.z());
    }

    static Vec3 transposeTimes(double[][] m, Vec3 v) {
        return new Vec3(m[0][0] * v.x() + m[1][0] * v.y() + m[2][0] * v.z(),
                m[0][1] * v.x() + m[1][1] * v.y() + m[2][1] * v.z(),
                m[0][2] * v.x() + m[1][2] * v.y() + m[2][2] * v.z());
    }

    /** A uniformly random rotation matrix (normalised Gaussian quaternion). */
    public static double[][] randomRotation(Random r) {
        double a = r.nextGaussian();
        double b = r.nextGaussian();
        double c = r.nextGaussian();
        double d = r.nextGaussian();
        double n = Math.sqrt(a * a + b * b + c * c + d * d);
        a /= n;
        b /= n;
        c /= n;
        d /= n;
        return new double[][] {
            {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
            {2 * (b * c + a * d), a * a - b * b + c * c - d * d, 2 * (c * d - a * b)},
            {2 * (b * d - a * c), 2 * (c * d + a * b), a * a - b * b - c * c + d * d}};
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
        StringBuilder sb = new StringBuilder(s.timeS().length * 90);
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
        // milliseconds when the interval is a whole number of them, else microseconds (no rounding jitter)
        int timeDecimals = Math.abs(1000 / s.rateHz() - Math.rint(1000 / s.rateHz())) < 1e-9 ? 3 : 6;
        for (int i = 0; i < s.timeS().length; i++) {
            fixed(sb, s.timeS()[i], timeDecimals);
            for (int side = 0; side < 2; side++) {
                for (int a = 0; a < 3; a++) {
                    fixed(sb.append(','), s.acc()[side][a][i], 3);
                }
                for (int a = 0; a < 3; a++) {
                    fixed(sb.append(','), s.gyr()[side][a][i], 1);
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Appends {@code v} with a fixed number of decimals (half away from zero; no "-0"). */
    static StringBuilder fixed(StringBuilder sb, double v, int decimals) {
        long scale = 1;
        for (int k = 0; k < decimals; k++) {
            scale *= 10;
        }
        long r = Math.round(Math.abs(v) * scale);
        if (r != 0 && v < 0) {
            sb.append('-');
        }
        sb.append(r / scale);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(r % scale);
            for (int k = frac.length(); k < decimals; k++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb;
    }

    /** The truth as CSV: {@code step,side,activity,ic_s,to_s,contact_ms,foot_angle_deg}. */
    public static String truthCsv(Session s) {
        StringBuilder sb = new StringBuilder("step,side,activity,ic_s,to_s,contact_ms,foot_angle_deg\n");
        int k = 1;
        for (Contact c : s.contacts()) {
            sb.append(k++).append(',').append(c.side().label()).append(',').append(c.activity().label()).append(',')
                    .append(num(c.icS(), 4)).append(',').append(num(c.toS(), 4)).append(',')
                    .append(num((c.toS() - c.icS()) * 1000, 1)).append(',').append(num(c.footAngleDeg(), 1))
                    .append('\n');
        }
        return sb.toString();
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static String num(double v, int decimals) {
        return fixed(new StringBuilder(), v, decimals).toString();
    }
}
