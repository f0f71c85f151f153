package org.gaitform.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gaitform.model.Activity;
import org.gaitform.model.Bout;
import org.gaitform.model.Side;
import org.gaitform.signal.Vec3;

/**
 * Simulates the accelerometer and gyroscope of a sensor worn on the sacrum or lower back, with known
 * initial contacts and toe-offs. Deterministic for a given seed.
 *
 * <p>Signal model, in body axes (vertical up, forward, right), gravity included:
 * <ul>
 *   <li>Running step of step time {@code Ts} and contact time {@code tc}: vertical acceleration
 *       {@code A·sin(π·t/tc)} during contact, plus a landing transient (a Gaussian 25 ms after contact,
 *       amplitude by strike: rearfoot 1.2 g, midfoot 0.5 g, forefoot none), plus a push-off shoulder that rises to
 *       0.25 g at toe-off and fades to 0 g 28.4 ms later, so that the trunk is back within 0.03 g of free fall
 *       25 ms after the toes leave the ground (as measured on force-treadmill data), plus a rise of 0.1 g over the
 *       40 ms before landing while the swing leg is driven down. {@code A} makes the mean over the step exactly
 *       1 g (impulse balance). In flight the trunk is in free fall (0 g).</li>
 *   <li>Slopes ({@code slope} in %, positive uphill). Downhill the landing is harder: the transient of a rearfoot
 *       or midfoot strike grows by 10 % per % of slope and is followed 25 ms later by a soft-tissue rebound of
 *       0.6 times its size, which can pull the stance down to near 0 g for a moment, and the pre-landing rise grows
 *       by 0.02 g per % and starts up to 60 ms before landing. Uphill the foot lands flatter (the transient shrinks
 *       to nothing at +15 %), a bump of up to 0.4 g rises 25 ms before toe-off (at +17.6 %, i.e. 10°), and the
 *       flight gets shorter (longer contact, higher cadence).</li>
 *   <li>Forward acceleration: a forward peak 22 ms before landing and an equal braking trough 22 ms
 *       after it (Gaussians, 1.2 g, σ 9 ms), a propulsion hump late in stance, and a constant that makes the
 *       mean zero (constant speed).</li>
 *   <li>Medio-lateral acceleration: 0.25 g·sin(π·t/tc) during stance, towards the left while the right
 *       foot is down and towards the right while the left foot is down.</li>
 *   <li>Walking: 1 g ± 0.3 g at the step frequency; standing: 1 g with slight sway.</li>
 *   <li>Cadence {@code 150 + 8·speed} steps/min (plus the runner's offset), contact time
 *       {@code 0.345 − 0.036·speed} s, both varied ±1–2.5 % from step to step and changed by the slope;
 *       speed changes blend over 3 s.</li>
 *   <li>The sensor is tilted (the body axes are rotated into sensor axes by a fixed rotation) and every
 *       axis has white noise (0.01 g, 0.5 deg/s) and a small bias. Its anti-aliasing filter (a bandwidth of a
 *       quarter of the sampling rate) widens the narrow transients by a Gaussian blur that keeps their areas, so
 *       that 50 Hz data are not aliased.</li>
 * </ul>
 * The ground truth is the model's own contact times; the real-data accuracy of the detector
 * ({@code FlightPhaseTrunkEvents}) is measured separately on force-plate recordings.
 */
public final class TrunkImuSimulator {
    /** Time from toe-off until the trunk is in free fall, as modelled (s): back within 0.03 g of it after 25 ms. */
    static final double SHOULDER_END_S = 0.0284;
    static final double SHOULDER_G = 0.25;
    static final double SHOULDER_START_S = 0.040;
    static final double AP_BRACKET_S = 0.022;
    static final double AP_SIGMA_S = 0.009;
    static final double AP_BRACKET_G = 1.2;
    static final double IMPACT_DELAY_S = 0.025;
    static final double IMPACT_SIGMA_S = 0.008;
    static final double ML_G = 0.25;
    /** Rise of the vertical acceleration before landing on the flat (g) and how long before landing it starts (s). */
    static final double PRE_LANDING_G = 0.1;
    static final double PRE_LANDING_S = 0.040;
    /** Downhill growth of the landing transient and of the pre-landing rise, per % of slope. */
    static final double DOWNHILL_IMPACT_PER_PCT = 0.10;
    static final double DOWNHILL_PRE_LANDING_G_PER_PCT = 0.02;
    /** Soft-tissue rebound after a downhill landing transient: its delay after the transient (s) and relative size. */
    static final double REBOUND_DELAY_S = 0.025;
    static final double REBOUND_RATIO = 0.6;
    /** Uphill slope at which the landing transient has vanished (%), and the late-stance bump at 10° (g). */
    static final double UPHILL_FLAT_LANDING_PCT = 15;
    static final double UPHILL_BUMP_G = 0.4;
    static final double UPHILL_BUMP_BEFORE_TO_S = 0.025;
    static final double TEN_DEGREES_PCT = 17.6;
    static final double NOISE_ACC_G = 0.01;
    static final double NOISE_GYR_DPS = 0.5;

    private final RunnerProfile runner;
    private final double rateHz;
    private final long seed;
    private final Vec3 forwardInSensor;
    private final Vec3 upInSensor;

    /**
     * @param runner          how the runner runs
     * @param rateHz          sampling rate (Hz)
     * @param seed            random seed
     * @param forwardInSensor the body's forward direction in sensor axes
     * @param upInSensor      the body's up direction in sensor axes (made orthogonal to forward)
     */
    public TrunkImuSimulator(RunnerProfile runner, double rateHz, long seed, Vec3 forwardInSensor, Vec3 upInSensor) {
        this.runner = runner;
        this.rateHz = rateHz;
        this.seed = seed;
        Vec3 f = forwardInSensor.unit();
        Vec3 u = upInSensor.minus(f.times(upInSensor.dot(f))).unit();
        this.forwardInSensor = f;
        this.upInSensor = u;
    }

    /** Simulates a session made of the given segments, starting at time {@code t0S}. */
    public SimulatedSession simulate(List<Segment> plan, double t0S) {
        Random rnd = new Random(seed);
        double total = plan.stream().mapToDouble(Segment::durationS).sum();
        int n = (int) Math.floor(total * rateHz);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = t0S + i / rateHz;
        }
        double[] v = new double[n];
        double[] ap = new double[n];
        double[] ml = new double[n];
        double[] gRoll = new double[n];
        double[] gPitch = new double[n];
        double[] gYaw = new double[n];
        List<SimulatedSession.TruthStep> steps = new ArrayList<>();
        List<Bout> bouts = new ArrayList<>();
        double segStart = t0S;
        double prevSpeed = Double.NaN;
        double nextIc = Double.NaN; // next initial contact when running goes on into the next segment
        Side side = rnd.nextBoolean() ? Side.RIGHT : Side.LEFT;
        for (int k = 0; k < plan.size(); k++) {
            Segment seg = plan.get(k);
            boolean runningGoesOn = k + 1 < plan.size() && plan.get(k + 1).activity() == Activity.RUNNING;
            double segEnd = segStart + seg.durationS();
            bouts.add(new Bout(segStart, segEnd, seg.activity()));
            switch (seg.activity()) {
                case RUNNING -> {
                    // a run starts with a flight phase (the push-off from the last walking step)
                    double tt = Double.isNaN(nextIc) ? segStart + 0.12 : nextIc;
                    while (true) {
                        double blend = Double.isNaN(prevSpeed) ? 1 : Math.min(1, (tt - segStart) / 3.0);
                        double speed = Double.isNaN(prevSpeed) ? seg.speedMps()
                                : prevSpeed + (seg.speedMps() - prevSpeed) * blend;
                        double cad = runner.cadenceSpm(speed, seg.slopePct()) * (1 + 0.012 * rnd.nextGaussian());
                        double ts = 60.0 / cad;
                        double tc = runner.contactS(speed, seg.slopePct()) * (1 + 0.025 * rnd.nextGaussian());
                        // a step may run on into a following running segment, never into walking or standing
                        if ((runningGoesOn ? tt + tc : tt + ts) + 0.05 > segEnd) {
                            break;
                        }
                        addRunningStep(t, v, ap, ml, gRoll, gPitch, gYaw, tt, ts, tc, side, seg.slopePct());
                        steps.add(new SimulatedSession.TruthStep(side, tt, tt + tc, speed, seg.slopePct()));
                        side = side.opposite();
                        tt += ts;
                    }
                    prevSpeed = seg.speedMps();
                    nextIc = tt;
                }
                case WALKING -> {
                    addWalking(t, v, ap, ml, gRoll, gPitch, gYaw, segStart, segEnd, 60.0 / (100 + 10 * seg.speedMps()));
                    prevSpeed = Double.NaN;
                    nextIc = Double.NaN;
                }
                default -> {
                    addStanding(t, v, segStart, segEnd);
                    prevSpeed = Double.NaN;
                    nextIc = Double.NaN;
                }
            }
            segStart = segEnd;
        }
        // body → sensor axes, with noise and bias
        Vec3 right = forwardInSensor.cross(upInSensor);
        double[][] acc = new double[3][n];
        double[][] gyr = new double[3][n];
        double[] biasA = {0.01 * rnd.nextGaussian(), 0.01 * rnd.nextGaussian(), 0.01 * rnd.nextGaussian()};
        double[] biasG = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
        for (int i = 0; i < n; i++) {
            Vec3 a = upInSensor.times(v[i]).plus(forwardInSensor.times(ap[i])).plus(right.times(ml[i]));
            Vec3 w = forwardInSensor.times(gRoll[i]).plus(right.times(gPitch[i])).plus(upInSensor.times(gYaw[i]));
            acc[0][i] = a.x() + biasA[0] + NOISE_ACC_G * rnd.nextGaussian();
            acc[1][i] = a.y() + biasA[1] + NOISE_ACC_G * rnd.nextGaussian();
            acc[2][i] = a.z() + biasA[2] + NOISE_ACC_G * rnd.nextGaussian();
            gyr[0][i] = w.x() + biasG[0] + NOISE_GYR_DPS * rnd.nextGaussian();
            gyr[1][i] = w.y() + biasG[1] + NOISE_GYR_DPS * rnd.nextGaussian();
            gyr[2][i] = w.z() + biasG[2] + NOISE_GYR_DPS * rnd.nextGaussian();
        }
        return new SimulatedSession(rateHz, t, acc, gyr, new double[][] {v, ap, ml}, steps, bouts);
    }

    private void addRunningStep(double[] t, double[] v, double[] ap, double[] ml, double[] gRoll, double[] gPitch,
                                double[] gYaw, double ic, double ts, double tc, Side side, double slopePct) {
        double down = Math.max(0, -slopePct);
        double up = Math.max(0, slopePct);
        double impact = runner.strike().impactG() * (1 + DOWNHILL_IMPACT_PER_PCT * down)
                * Math.max(0, 1 - up / UPHILL_FLAT_LANDING_PCT);
        double rebound = down > 0 ? REBOUND_RATIO * impact : 0;
        double preG = PRE_LANDING_G * Math.max(0, 1 - up / TEN_DEGREES_PCT) + DOWNHILL_PRE_LANDING_G_PER_PCT * down;
        double preS = PRE_LANDING_S + 0.001 * down;
        double bump = UPHILL_BUMP_G * Math.min(1, up / TEN_DEGREES_PCT);
        // the sensor's anti-aliasing filter (a bandwidth of a quarter of the sampling rate) widens the narrow
        // transients and lowers their peaks, keeping their areas: Gaussians blurred by a Gaussian
        double blurS = 2 / (Math.PI * rateHz);
        double impactSigma = Math.sqrt(IMPACT_SIGMA_S * IMPACT_SIGMA_S + 2 * blurS * blurS);
        double impactScale = IMPACT_SIGMA_S / impactSigma;
        impact *= impactScale;
        rebound *= impactScale;
        bump *= impactScale;
        double apSigma = Math.sqrt(AP_SIGMA_S * AP_SIGMA_S + blurS * blurS);
        double apBracket = AP_BRACKET_G * AP_SIGMA_S / apSigma;
        double gaussArea = impactSigma * Math.sqrt(Math.PI);
        double impactArea = (impact - rebound) * gaussArea + bump * gaussArea;
        double shoulderArea = SHOULDER_G * (SHOULDER_START_S + SHOULDER_END_S) / 2;
        double preArea = preG * preS / 2;
        double amp = (ts - impactArea - shoulderArea - preArea) * Math.PI / (2 * tc);
        double to = ic + tc;
        double propCentre = ic + 0.7 * tc;
        double propSigma = 0.12 * tc;
        double propAmp = 0.5;
        double propArea = propAmp * propSigma * Math.sqrt(2 * Math.PI);
        double apOffset = -propArea / ts;
        double mlSign = side == Side.RIGHT ? -1 : 1;
        int from = index(t, ic - 0.1);
        int until = index(t, ic + ts + 0.1);
        for (int i = from; i < until && i < t.length; i++) {
            double x = t[i];
            double d = x - ic;
            if (d >= 0 && d < tc) {
                v[i] += amp * Math.sin(Math.PI * d / tc);
                ml[i] += mlSign * ML_G * Math.sin(Math.PI * d / tc);
            }
            if (d >= -preS && d < 0) {
                v[i] += preG * (1 + d / preS);
            }
            v[i] += impact * Math.exp(-Math.pow((d - IMPACT_DELAY_S) / impactSigma, 2));
            if (rebound > 0) {
                v[i] -= rebound * Math.exp(-Math.pow((d - IMPACT_DELAY_S - REBOUND_DELAY_S) / impactSigma, 2));
            }
            double s = x - to;
            if (bump > 0) {
                v[i] += bump * Math.exp(-Math.pow((s + UPHILL_BUMP_BEFORE_TO_S) / impactSigma, 2));
            }
            if (s >= -SHOULDER_START_S && s <= 0) {
                v[i] += SHOULDER_G * (1 + s / SHOULDER_START_S);
            } else if (s > 0 && s < SHOULDER_END_S) {
                v[i] += SHOULDER_G * (1 - s / SHOULDER_END_S);
            }
            ap[i] += apBracket * (gauss(d + AP_BRACKET_S, apSigma) - gauss(d - AP_BRACKET_S, apSigma));
            ap[i] += propAmp * Math.exp(-0.5 * Math.pow((x - propCentre) / propSigma, 2));
            if (d >= 0 && d < ts) {
                ap[i] += apOffset;
                double phase = 2 * Math.PI * d / ts;
                gPitch[i] += 15 * Math.sin(phase);
                gRoll[i] += mlSign * 20 * Math.sin(phase / 2);
                gYaw[i] += mlSign * 30 * Math.sin(phase / 2 + 0.6);
            }
        }
    }

    private static double gauss(double d, double sigma) {
        return Math.exp(-0.5 * (d / sigma) * (d / sigma));
    }

    private static void addWalking(double[] t, double[] v, double[] ap, double[] ml, double[] gRoll, double[] gPitch,
                                   double[] gYaw, double start, double end, double stepS) {
        for (int i = index(t, start); i < t.length && t[i] < end; i++) {
            double p = 2 * Math.PI * (t[i] - start) / stepS;
            v[i] += 1 + 0.3 * Math.sin(p) + 0.08 * Math.sin(2 * p + 0.5);
            ap[i] += 0.15 * Math.sin(p + 1.2);
            ml[i] += 0.08 * Math.sin(p / 2);
            gPitch[i] += 8 * Math.sin(p);
            gRoll[i] += 6 * Math.sin(p / 2);
            gYaw[i] += 12 * Math.sin(p / 2 + 0.4);
        }
    }

    private static void addStanding(double[] t, double[] v, double start, double end) {
        for (int i = index(t, start); i < t.length && t[i] < end; i++) {
            v[i] += 1 + 0.005 * Math.sin(2 * Math.PI * 0.3 * (t[i] - start));
        }
    }

    private static int index(double[] t, double time) {
        if (t.length == 0) {
            return 0;
        }
        double rate = t.length > 1 ? 1 / (t[1] - t[0]) : 1;
        return Math.max(0, (int) Math.ceil((time - t[0]) * rate - 1e-9));
    }
}
