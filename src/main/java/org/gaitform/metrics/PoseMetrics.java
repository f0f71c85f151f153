package org.gaitform.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gaitform.events.FootContact;
import org.gaitform.kinematics.Body;
import org.gaitform.kinematics.Landmark;
import org.gaitform.kinematics.View;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.signal.Stats;

/**
 * Running-form indicators from body landmarks, per step and per session. Distances are in cm when the body
 * is calibrated ({@code _cm}) and always as % of leg length ({@code _pct_leg}); angles in degrees.
 *
 * <p>Per step (at the step's initial contact unless said otherwise):
 * <ul>
 *   <li>{@code overstride_cm}, {@code overstride_pct_leg}: forward distance from the hip midpoint (centre of
 *       mass proxy) to the heel (or the foot point that landed), positive when the foot lands ahead;</li>
 *   <li>{@code shank_angle_deg}: knee → ankle line from vertical in the sagittal plane, positive with the ankle
 *       ahead of the knee;</li>
 *   <li>{@code knee_flexion_ic_deg}: 180° minus the hip–knee–ankle angle;</li>
 *   <li>{@code foot_strike_angle_deg}: heel → toe line against the ground, minus the same angle at mid-stance
 *       (flat foot), positive toe up; classes after Altman &amp; Davis 2012: above 8° rearfoot, −1.6…8° midfoot,
 *       below −1.6° forefoot;</li>
 *   <li>{@code trunk_lean_deg}: hip midpoint → shoulder midpoint from vertical in the sagittal plane, positive
 *       forward, mean over the step;</li>
 *   <li>{@code step_length_cm}, {@code step_length_pct_leg}: belt speed × step time on a treadmill, else the
 *       forward distance between the two feet's mid-stance positions;</li>
 *   <li>{@code vertical_oscillation_cm}, {@code _pct_leg}: pelvis height range from this IC to the next;</li>
 *   <li>frontal and 3D: {@code knee_fppa_deg} (2D frontal-plane projection angle around mid-stance: the mean over the
 *       middle third of the stance and the lowest pelvis point, positive knee medial — an indicator, not 3D knee
 *       abduction; in 3D from the joints' centres between lateral and medial markers when both are tracked),
 *       {@code knee_abduction_deg} (3D, with medial and lateral knee markers: the angle between the knee's
 *       medio-lateral axis and the shank's long axis minus 90°, after the floating axis of Grood &amp; Suntay
 *       1983, positive valgus), {@code pelvic_drop_deg} (largest drop of the opposite hip during stance
 *       relative to the recording's mean pelvic obliquity), {@code wrist_crossing_pct} (100 when a wrist crosses
 *       the pelvis midline during the step, else 0, so that the session's mean is the share of such steps),
 *       {@code foot_midline_pct_leg} and {@code crossover_pct} (the stance foot's distance across the midline at
 *       mid-stance, positive across it, measured from the line of progression, and 100 when the foot is placed across
 *       it, else 0: {@link #centredOnTheLineOfProgression}).</li>
 * </ul>
 */
public final class PoseMetrics {
    /** Foot-strike angle above which a landing is rearfoot (°), after Altman &amp; Davis 2012. */
    public static final double REARFOOT_ABOVE_DEG = 8.0;
    /** Foot-strike angle below which a landing is forefoot (°). */
    public static final double FOREFOOT_BELOW_DEG = -1.6;

    private PoseMetrics() {
    }

    /** Per-step values added to the steps as extras; {@code contacts} and {@code steps} are parallel lists. */
    public static List<Step> perStep(Body b, List<FootContact> contacts, List<Step> steps) {
        return perStep(b, contacts, steps, new double[] {Double.NaN, Double.NaN});
    }

    /**
     * Per-step values; {@code standingFootDeg} holds the standing foot angle {left, right} of a static trial
     * (NaN when there is none: the strike angle is then measured from the flat foot in stance).
     */
    public static List<Step> perStep(Body b, List<FootContact> contacts, List<Step> steps, double[] standingFootDeg) {
        HEIGHTS.get().clear();
        try {
            return measure(b, contacts, steps, standingFootDeg);
        } finally {
            HEIGHTS.get().clear();
        }
    }

    private static List<Step> measure(Body b, List<FootContact> contacts, List<Step> steps, double[] standingFootDeg) {
        double leg = b.legLength();
        boolean cm = b.calibrated();
        double[] obliquity = obliquity(b);
        double meanObliquity = obliquity == null ? Double.NaN : Stats.mean(finite(obliquity));
        Landmark pelvis = pelvis(b);
        double[] trunkLean = b.view() != View.FRONTAL ? trunkLean(b) : null;
        List<Step> out = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            FootContact c = contacts.get(k);
            Side side = c.side();
            int ic = (int) Math.round(c.icIndex());
            int to = (int) Math.round(c.toIndex());
            int next = k + 1 < contacts.size() && !Double.isNaN(s.nextIcS()) ? (int) Math.round(contacts.get(k + 1).icIndex())
                    : -1;
            int ms = midStance(b, pelvis, ic, to);
            Map<String, Double> x = new LinkedHashMap<>();
            Landmark heel = pick(b, Landmark.of("HEEL", side), Landmark.of("ANKLE", side), Landmark.of("FOOT_CLUSTER", side));
            Landmark toe = pick(b, Landmark.of("TOE", side), Landmark.of("FOOT_CLUSTER", side));
            Landmark knee = pick(b, Landmark.of("KNEE", side));
            Landmark ankle = pick(b, Landmark.of("ANKLE", side), Landmark.of("HEEL", side));
            Landmark hip = pick(b, Landmark.of("HIP", side), Landmark.MID_HIP);
            if (b.view() != View.FRONTAL) {
                Landmark landing = heel;
                if (pelvis != null && landing != null) {
                    double d = b.fwd(landing)[ic] - b.fwd(pelvis)[ic];
                    putDist(x, "overstride", d, leg, cm);
                }
                if (knee != null && ankle != null) {
                    double a = Math.toDegrees(Math.atan2(b.fwd(ankle)[ic] - b.fwd(knee)[ic], b.up(knee)[ic] - b.up(ankle)[ic]));
                    x.put("shank_angle_deg", a);
                }
                if (knee != null && ankle != null && hip != null) {
                    x.put("knee_flexion_ic_deg", flexion(b, hip, knee, ankle, ic));
                }
                if (heel != null && toe != null && heel != toe) {
                    double st = standingFootDeg[side == Side.LEFT ? 0 : 1];
                    x.put("foot_strike_angle_deg", Double.isFinite(st) ? footAngle(b, heel, toe, ic) - st
                            : strikeAngle(b, heel, toe, ic));
                }
                double lean = meanOver(trunkLean, ic, next >= 0 ? next : to);
                if (Double.isFinite(lean)) {
                    x.put("trunk_lean_deg", lean);
                }
                if (next >= 0) {
                    double len;
                    if (b.treadmill() && Double.isFinite(b.beltSpeed())) {
                        len = b.beltSpeed() * s.stepTimeS();
                    } else {
                        FootContact nc = contacts.get(k + 1);
                        Landmark nh = pick(b, Landmark.of("HEEL", nc.side()), Landmark.of("ANKLE", nc.side()),
                                Landmark.of("FOOT_CLUSTER", nc.side()));
                        int nms = (int) Math.round((nc.icIndex() + nc.toIndex()) / 2);
                        int tms = (int) Math.round((c.icIndex() + c.toIndex()) / 2);
                        len = nh == null || heel == null ? Double.NaN : b.fwd(nh)[nms] - b.fwd(heel)[tms];
                    }
                    putDist(x, "step_length", len, leg, cm);
                }
            }
            if (pelvis != null && next >= 0) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = ic; i <= next; i++) {
                    double v = b.up(pelvis)[i];
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                if (hi > lo) {
                    putDist(x, "vertical_oscillation", hi - lo, leg, cm);
                }
            }
            if (b.view() != View.SAGITTAL) {
                frontal(b, x, side, ic, to, next, ms, obliquity, meanObliquity, leg, cm);
            }
            Step st = s;
            for (Map.Entry<String, Double> e : x.entrySet()) {
                if (Double.isFinite(e.getValue())) {
                    st = st.withExtra(e.getKey(), e.getValue());
                }
            }
            out.add(st);
        }
        return centredOnTheLineOfProgression(out);
    }

    /**
     * The feet's placement across the midline measured from the line of progression: the pelvis's path moved sideways
     * by the session's constant offset so that it runs halfway between the left and the right footprints. A runner's
     * centre of mass is, over the strides, as far to one side as the feet it stands on (the sideways force averages to
     * zero), so a pelvis midpoint that lies steadily to one side of the footprints is an offset of the landmarks (a
     * pelvis marker or keypoint placed off centre, a heel marker on the side of the shoe), not a foot crossing over:
     * measured from the pelvis alone, Fukuchi's RBDS001 had every left step across the midline and no right one (the
     * footprints 2.5 % of leg length to the right of the pelvis on average). The offset is half the difference of the
     * two sides' mean distances; each step keeps its own deviation from its side's mean, and a step lands across the
     * line when its foot is past it ({@code crossover_pct} 100). With one side only, the pelvis is taken as it is.
     */
    static List<Step> centredOnTheLineOfProgression(List<Step> steps) {
        double left = mean(steps, "foot_midline_pct_leg", Side.LEFT);
        double right = mean(steps, "foot_midline_pct_leg", Side.RIGHT);
        if (!Double.isFinite(left) || !Double.isFinite(right)) {
            return steps;
        }
        double offset = (left - right) / 2;
        List<Step> out = new ArrayList<>(steps.size());
        for (Step s : steps) {
            Double d = s.extras().get("foot_midline_pct_leg");
            if (d == null || (s.side() != Side.LEFT && s.side() != Side.RIGHT)) {
                out.add(s);
                continue;
            }
            double centred = d - (s.side() == Side.LEFT ? offset : -offset);
            out.add(s.withExtra("foot_midline_pct_leg", centred).withExtra("crossover_pct", centred > 0 ? 100.0 : 0.0));
        }
        return out;
    }

    private static void frontal(Body b, Map<String, Double> x, Side side, int ic, int to, int next, int ms,
                                double[] obliquity, double meanObliquity, double leg, boolean cm) {
        Landmark hip = pick(b, Landmark.of("HIP", side));
        Landmark knee = pick(b, Landmark.of("KNEE", side));
        Landmark ankle = pick(b, Landmark.of("ANKLE", side), Landmark.of("HEEL", side));
        double medial = side == Side.LEFT ? 1 : -1;
        if (hip != null && knee != null && ankle != null && ms >= 0) {
            // around mid-stance: the mean over the middle third of the stance (at least the mid-stance frame), so that
            // one frame's keypoint jitter or a frame's offset in video does not decide the value
            int[] window = fppaWindow(ic, to, ms);
            int a = window[0];
            int z = window[1];
            double sum = 0;
            int k = 0;
            // 3D markers on both sides of the knee and of the ankle: the joint centres between them (a lateral marker
            // alone lies about 5 cm outside the joint and reads a varus knee)
            double[][] kc = jointCentre(b, knee, Landmark.of("KNEE_MEDIAL", side));
            double[][] ac = ankle == Landmark.of("ANKLE", side) ? jointCentre(b, ankle, Landmark.of("ANKLE_MEDIAL", side))
                    : new double[][] {b.lat(ankle), b.up(ankle)};
            double[] hipLat = b.lat(hip);
            double[] hipUp = b.up(hip);
            for (int i = a; i <= z; i++) {
                double thigh = Math.atan2(kc[0][i] - hipLat[i], hipUp[i] - kc[1][i]);
                double shank = Math.atan2(ac[0][i] - kc[0][i], kc[1][i] - ac[1][i]);
                // knee medial: thigh goes medially, shank comes back laterally
                double fppa = Math.toDegrees(thigh - shank) * medial;
                if (Double.isFinite(fppa)) {
                    sum += fppa;
                    k++;
                }
            }
            if (k > 0) {
                x.put("knee_fppa_deg", sum / k);
            }
        }
        Landmark kneeMed = pick(b, Landmark.of("KNEE_MEDIAL", side));
        if (b.view() == View.THREE_D && knee != null && kneeMed != null && ms >= 0) {
            Landmark ankleMed = pick(b, Landmark.of("ANKLE_MEDIAL", side));
            double[] e1 = sub(point(b, knee, ms), point(b, kneeMed, ms));
            double[] kc = mid(point(b, knee, ms), point(b, kneeMed, ms));
            double[] ac = ankle == null ? null : ankleMed == null ? point(b, ankle, ms)
                    : mid(point(b, ankle, ms), point(b, ankleMed, ms));
            if (ac != null) {
                double[] e3 = sub(kc, ac);
                double cos = dot(e1, e3) / (norm(e1) * norm(e3));
                x.put("knee_abduction_deg", Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos)))) - 90);
            }
        }
        if (obliquity != null && Double.isFinite(meanObliquity)) {
            // stance on `side`: the opposite hip should not drop; obliquity = right hip above left (deg)
            double worst = Double.NEGATIVE_INFINITY;
            for (int i = ic; i <= to; i++) {
                double o = obliquity[i] - meanObliquity;
                double drop = side == Side.LEFT ? -o : o;
                if (Double.isFinite(drop)) {
                    worst = Math.max(worst, drop);
                }
            }
            if (Double.isFinite(worst)) {
                x.put("pelvic_drop_deg", worst);
            }
        }
        Landmark pel = pelvis(b);
        if (pel != null) {
            int end = next >= 0 ? next : to;
            boolean any = false;
            boolean seen = false;
            for (Side w : new Side[] {Side.LEFT, Side.RIGHT}) {
                Landmark wr = pick(b, Landmark.of("WRIST", w));
                if (wr == null) {
                    continue;
                }
                double m = w == Side.LEFT ? 1 : -1;
                for (int i = ic; i <= end; i++) {
                    double d = (b.lat(wr)[i] - b.lat(pel)[i]) * m;
                    if (Double.isFinite(d)) {
                        seen = true;
                        any |= d > 0;
                    }
                }
            }
            if (seen) {
                x.put("wrist_crossing_pct", any ? 100.0 : 0.0);
            }
            Landmark foot = pick(b, Landmark.of("HEEL", side), Landmark.of("ANKLE", side), Landmark.of("FOOT_CLUSTER", side));
            if (foot != null && ms >= 0) {
                double d = (b.lat(foot)[ms] - b.lat(pel)[ms]) * medial;
                if (Double.isFinite(d)) {
                    x.put("foot_midline_pct_leg", 100 * d / leg);
                    x.put("crossover_pct", d > 0 ? 100.0 : 0.0);
                }
            }
        }
    }

    /**
     * {lat[], up[]} of a joint: between its lateral and medial markers in 3D when both are tracked, else the point
     * itself (a video keypoint is the joint's centre already).
     */
    private static double[][] jointCentre(Body b, Landmark point, Landmark medial) {
        double[] lat = b.lat(point);
        double[] up = b.up(point);
        if (b.view() != View.THREE_D || !b.has(medial)) {
            return new double[][] {lat, up};
        }
        double[] mLat = b.lat(medial);
        double[] mUp = b.up(medial);
        double[] cLat = new double[lat.length];
        double[] cUp = new double[up.length];
        for (int i = 0; i < lat.length; i++) {
            cLat[i] = (lat[i] + mLat[i]) / 2;
            cUp[i] = (up[i] + mUp[i]) / 2;
        }
        return new double[][] {cLat, cUp};
    }

    /** Session means of the per-step values over the running steps, with left, right and right − left. */
    public static Map<String, Double> session(List<Step> steps) {
        Set<String> keys = new LinkedHashSet<>();
        for (Step s : steps) {
            keys.addAll(s.extras().keySet());
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (String k : keys) {
            double all = mean(steps, k, null);
            double l = mean(steps, k, Side.LEFT);
            double r = mean(steps, k, Side.RIGHT);
            m.put(k, all);
            m.put(k + "_left", l);
            m.put(k + "_right", r);
            m.put(k + "_lr_diff", r - l);
            if (k.equals("knee_fppa_deg") || k.equals("pelvic_drop_deg") || k.equals("knee_abduction_deg")) {
                // the guideline judges the worse side
                double worse = Double.isNaN(l) ? r : Double.isNaN(r) ? l : Math.max(l, r);
                m.put(k, worse);
                m.put(k + "_mean", all);
            }
        }
        double fsa = m.getOrDefault("foot_strike_angle_deg", Double.NaN);
        if (Double.isFinite(fsa)) {
            int[] n = new int[3];
            int tot = 0;
            for (Step s : steps) {
                Double a = s.extras().get("foot_strike_angle_deg");
                if (a != null) {
                    n[strikeClass(a)]++;
                    tot++;
                }
            }
            m.put("rearfoot_strike_pct", 100.0 * n[0] / tot);
            m.put("midfoot_strike_pct", 100.0 * n[1] / tot);
            m.put("forefoot_strike_pct", 100.0 * n[2] / tot);
        }
        if (m.containsKey("vertical_oscillation_pct_leg") && m.containsKey("step_length_pct_leg")) {
            m.put("vertical_ratio_pct", 100 * m.get("vertical_oscillation_pct_leg") / m.get("step_length_pct_leg"));
        }
        return m;
    }

    /**
     * The session's foot-strike class: the class most steps show (ties go to the class of the mean angle), or null
     * when no step has a strike angle.
     */
    public static String modalStrike(List<Step> steps) {
        int[] n = new int[3];
        List<Double> all = new ArrayList<>();
        for (Step s : steps) {
            Double a = s.extras().get("foot_strike_angle_deg");
            if (a != null && Double.isFinite(a)) {
                n[strikeClass(a)]++;
                all.add(a);
            }
        }
        if (all.isEmpty()) {
            return null;
        }
        int meanClass = strikeClass(all.stream().mapToDouble(Double::doubleValue).average().orElse(0));
        int best = meanClass;
        for (int k = 0; k < 3; k++) {
            if (n[k] > n[best]) {
                best = k;
            }
        }
        return new String[] {"rearfoot", "midfoot", "forefoot"}[best];
    }

    /** 0 rearfoot, 1 midfoot, 2 forefoot. */
    public static int strikeClass(double angleDeg) {
        return angleDeg > REARFOOT_ABOVE_DEG ? 0 : angleDeg < FOREFOOT_BELOW_DEG ? 2 : 1;
    }

    /** Name of a strike class. */
    public static String strikeName(double angleDeg) {
        return switch (strikeClass(angleDeg)) {
            case 0 -> "rearfoot";
            case 1 -> "midfoot";
            default -> "forefoot";
        };
    }

    /** Trunk lean per frame (deg, positive forward); NaN without shoulders or in a frontal view. */
    public static double[] trunkLean(Body b) {
        int n = b.size();
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        Landmark hipL = pick(b, Landmark.HIP_LEFT, Landmark.MID_HIP, Landmark.PELVIS_CLUSTER);
        Landmark hipR = pick(b, Landmark.HIP_RIGHT, Landmark.MID_HIP, Landmark.PELVIS_CLUSTER);
        Landmark shL = pick(b, Landmark.SHOULDER_LEFT, Landmark.NECK);
        Landmark shR = pick(b, Landmark.SHOULDER_RIGHT, Landmark.NECK);
        if (b.view() == View.FRONTAL || hipL == null || shL == null) {
            return out;
        }
        double[] hlf = b.fwd(hipL);
        double[] hrf = b.fwd(hipR);
        double[] hlu = b.up(hipL);
        double[] hru = b.up(hipR);
        double[] slf = b.fwd(shL);
        double[] srf = b.fwd(shR);
        double[] slu = b.up(shL);
        double[] sru = b.up(shR);
        for (int i = 0; i < n; i++) {
            double hf = (hlf[i] + hrf[i]) / 2;
            double hu = (hlu[i] + hru[i]) / 2;
            double sf = (slf[i] + srf[i]) / 2;
            double su = (slu[i] + sru[i]) / 2;
            out[i] = Math.toDegrees(Math.atan2(sf - hf, su - hu));
        }
        return out;
    }

    /** Mean of the finite values of {@code t} over frames {@code from}..{@code to}. */
    private static double meanOver(double[] t, int from, int to) {
        return Stats.mean(finite(java.util.Arrays.copyOfRange(t, Math.max(0, from), Math.min(t.length, to + 1))));
    }

    /** Pelvis: the hip midpoint (mid-hip), else the pelvis cluster, else one hip. */
    public static Landmark pelvis(Body b) {
        return pick(b, Landmark.MID_HIP, Landmark.PELVIS_CLUSTER, Landmark.HIP_LEFT, Landmark.HIP_RIGHT);
    }

    /** Frames {from, to} over which a step's knee FPPA is averaged: the middle third of the stance, with mid-stance. */
    static int[] fppaWindow(int ic, int to, int midStance) {
        int third = (to - ic) / 3;
        return new int[] {Math.min(midStance, ic + third), Math.max(midStance, to - third)};
    }

    static int midStance(Body b, Landmark pelvis, int ic, int to) {
        if (pelvis == null) {
            return (ic + to) / 2;
        }
        int best = -1;
        for (int i = ic; i <= to; i++) {
            double v = b.up(pelvis)[i];
            if (Double.isFinite(v) && (best < 0 || v < b.up(pelvis)[best])) {
                best = i;
            }
        }
        return best < 0 ? (ic + to) / 2 : best;
    }

    private static double[] obliquity(Body b) {
        Landmark l = pick(b, Landmark.HIP_LEFT, Landmark.ASIS_LEFT);
        Landmark r = pick(b, Landmark.HIP_RIGHT, Landmark.ASIS_RIGHT);
        if (l == null || r == null || b.view() == View.SAGITTAL) {
            return null;
        }
        double[] o = new double[b.size()];
        for (int i = 0; i < o.length; i++) {
            o[i] = Math.toDegrees(Math.atan2(b.up(r)[i] - b.up(l)[i], b.lat(r)[i] - b.lat(l)[i]));
        }
        if (b.angleNoiseDeg().containsKey(Body.PELVIC_OBLIQUITY)) {
            // a frontal video's keypoint noise: the hip line low-passed again before its largest drop is taken
            o = org.gaitform.kinematics.BodyFrame.smooth(o, b.rateHz(), FrontalAngleNoise.OBLIQUITY_CUTOFF_HZ);
        }
        return o;
    }

    /**
     * Foot angle at a frame relative to the flat foot: the heel → toe line's rise above the position in which both
     * rest on the ground (each point's height above its own ground level), over the heel–toe distance along the
     * ground. Positive toe up.
     */
    private static double strikeAngle(Body b, Landmark heel, Landmark toe, int i) {
        double[] hh = heightCache(b, heel);
        double[] th = heightCache(b, toe);
        double df = b.fwd(toe)[i] - b.fwd(heel)[i];
        if (b.view() == View.THREE_D) {
            double dl = b.lat(toe)[i] - b.lat(heel)[i];
            df = Math.copySign(Math.hypot(df, dl), df);
        }
        return Math.toDegrees(Math.atan2(th[i] - hh[i], Math.abs(df)));
    }

    private static double[] heightCache(Body b, Landmark l) {
        return HEIGHTS.get().computeIfAbsent(b.up(l), k -> org.gaitform.events.FootClearanceEvents.heightAboveGround(
                b, l, org.gaitform.events.FootClearanceSettings.MARKERS.clearanceLegFraction() * b.legLength()));
    }

    /** Heights above the ground of the body being measured, by track, for one {@link #perStep} call. */
    private static final ThreadLocal<java.util.Map<double[], double[]>> HEIGHTS =
            ThreadLocal.withInitial(java.util.IdentityHashMap::new);

    /** Median heel → toe angle (deg, toe up positive) of each foot over a standing trial's frames: {left, right}. */
    public static double[] standingFootAngles(Body standing) {
        double[] out = new double[2];
        Side[] sides = {Side.LEFT, Side.RIGHT};
        for (int k = 0; k < 2; k++) {
            Landmark heel = pick(standing, Landmark.of("HEEL", sides[k]));
            Landmark toe = pick(standing, Landmark.of("TOE", sides[k]));
            if (heel == null || toe == null || standing.view() != View.THREE_D) {
                out[k] = Double.NaN;
                continue;
            }
            double[] a = new double[standing.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = footAngle(standing, heel, toe, i);
            }
            out[k] = Stats.median(finite(a));
        }
        return out;
    }

    /** Heel → toe angle against the horizontal (deg, toe up positive). */
    private static double footAngle(Body b, Landmark heel, Landmark toe, int i) {
        double df = b.fwd(toe)[i] - b.fwd(heel)[i];
        double du = b.up(toe)[i] - b.up(heel)[i];
        if (b.view() == View.THREE_D) {
            double dl = b.lat(toe)[i] - b.lat(heel)[i];
            df = Math.copySign(Math.hypot(df, dl), df);
        }
        return Math.toDegrees(Math.atan2(du, Math.abs(df)));
    }

    private static double flexion(Body b, Landmark hip, Landmark knee, Landmark ankle, int i) {
        double[] h = point(b, hip, i);
        double[] k = point(b, knee, i);
        double[] a = point(b, ankle, i);
        if (b.view() == View.SAGITTAL) {
            h[2] = 0;
            k[2] = 0;
            a[2] = 0;
        }
        double[] u = sub(h, k);
        double[] v = sub(a, k);
        double cos = dot(u, v) / (norm(u) * norm(v));
        return 180 - Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }

    private static double[] point(Body b, Landmark l, int i) {
        double f = b.fwd(l)[i];
        double lat = b.lat(l)[i];
        return new double[] {Double.isNaN(f) && b.view() == View.FRONTAL ? 0 : f, b.up(l)[i],
            Double.isNaN(lat) && b.view() == View.SAGITTAL ? 0 : lat};
    }

    private static double[] sub(double[] a, double[] c) {
        return new double[] {a[0] - c[0], a[1] - c[1], a[2] - c[2]};
    }

    private static double[] mid(double[] a, double[] c) {
        return new double[] {(a[0] + c[0]) / 2, (a[1] + c[1]) / 2, (a[2] + c[2]) / 2};
    }

    private static double dot(double[] a, double[] c) {
        return a[0] * c[0] + a[1] * c[1] + a[2] * c[2];
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void putDist(Map<String, Double> x, String base, double d, double leg, boolean cm) {
        if (!Double.isFinite(d)) {
            return;
        }
        if (cm) {
            x.put(base + "_cm", d * 100);
        }
        x.put(base + "_pct_leg", 100 * d / leg);
    }

    private static Landmark pick(Body b, Landmark... ls) {
        for (Landmark l : ls) {
            if (b.has(l)) {
                return l;
            }
        }
        return null;
    }

    private static double mean(List<Step> steps, String key, Side side) {
        return Stats.mean(steps.stream().filter(s -> side == null || s.side() == side)
                .map(s -> s.extras().get(key)).filter(v -> v != null && Double.isFinite(v))
                .mapToDouble(Double::doubleValue).toArray());
    }

    private static double[] finite(double[] x) {
        return java.util.Arrays.stream(x).filter(Double::isFinite).toArray();
    }
}
