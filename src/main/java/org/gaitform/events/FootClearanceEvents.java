package org.gaitform.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitform.kinematics.Body;
import org.gaitform.kinematics.FrontalPerspective;
import org.gaitform.kinematics.Landmark;
import org.gaitform.kinematics.View;
import org.gaitform.model.Side;
import org.gaitform.signal.Stats;

/**
 * Initial contact and toe-off of each foot from foot kinematics, for running: a foot is on the ground while
 * the lower of its heel and toe points is within a clearance threshold of that point's own ground level, and
 * moves with the ground (or the treadmill belt). Initial contact is where the first of heel and toe comes
 * down through the threshold, toe-off where the last leaves it (linear interpolation between frames).
 *
 * <p>This is a foot-height threshold method of the family compared against force plates by Fellin et al.
 * 2010 (heel height and velocity; Comparison of methods for kinematic identification of footstrike and
 * toe-off during overground and treadmill running, J Sci Med Sport 13:646–650), Leitch et al. 2011
 * (heel and hallux vertical profiles; Identifying gait events without a force plate during running, Gait
 * Posture 33:130–132) and De Witt 2010 (toe-off from the toe marker's vertical position during treadmill
 * running, J Biomech 43:3067–3069). No single paper's rule is reproduced, so the class is named after what it
 * does. The walking method of Zeni et al. 2008 (heel and toe relative to the pelvis) is not used: it is
 * known to fail in running.
 *
 * <p>This project's choices: heel and toe together so that rearfoot and forefoot strikers are treated alike;
 * each point's ground level is its 2nd height percentile above a ground line (a straight line fitted to the
 * lowest foot positions along the direction of travel, which absorbs a tilted camera or floor in 2D video);
 * the clearance is a fraction of leg length ({@link FootClearanceSettings}), so it works in pixels and in
 * metres alike; a candidate contact in which the foot slides faster than half the running speed relative to
 * the ground (overground) or the belt (treadmill) is rejected — a swing foot skimming the floor.
 *
 * <p>Toe-off stays the last foot point's clearance crossing. Peak knee extension, the best kinematic toe-off
 * landmark of Fellin et al. 2010 at 3.35 m/s, was measured from thigh- and shank-cluster axes on the shared
 * recordings and is not used: within 4 ms at 3–5 m/s, but 33 ms early at 2 m/s (the knee flexes again before the
 * foot leaves) and 11 ms late on a forefoot striker at 2.5 m/s (docs/pose-input.md, ToeOffCandidatesTest).
 */
public final class FootClearanceEvents {
    /** The heel's impact and the toe's arrival are looked for from this long before the clearance crossing (s). */
    static final double IMPACT_BEFORE_S = 0.05;
    /** … until this long after it (s): a heel that hovers low before a midfoot landing crosses early. */
    static final double IMPACT_AFTER_S = 0.15;

    private final FootClearanceSettings settings;

    public FootClearanceEvents(FootClearanceSettings settings) {
        this.settings = settings;
    }

    /**
     * Result.
     *
     * @param contacts   contacts of both feet in time order
     * @param beltSpeed  belt speed (body units/s, positive) on a treadmill, NaN otherwise
     * @param runSpeed   running speed (body units/s): belt speed, or the pelvis's mean forward speed; NaN when
     *                   not measurable (frontal view)
     * @param footHeight per side, the lowest foot point's height above its ground level (body units)
     * @param threshold  the clearance threshold (body units)
     * @param floorTiltDeg a side video's floor tilt in the picture (degrees, positive: rising forward): a treadmill's
     *                   belt ({@link #treadmillFloorSlope}), or overground the line through the foot positions'
     *                   lowest points ({@link #groundLine}); NaN for other views
     */
    public record Result(List<FootContact> contacts, double beltSpeed, double runSpeed, Map<Side, double[]> footHeight,
                         double threshold, double floorTiltDeg) {
    }

    /** Detects contacts. */
    public Result detect(Body body) {
        double fs = body.rateHz();
        int n = body.size();
        double thr = settings.clearanceLegFraction() * body.legLength();
        double[] line = groundLine(body);
        Map<Side, double[]> heights = new LinkedHashMap<>();
        Map<Side, double[]> heelH = new LinkedHashMap<>();
        Map<Side, double[]> toeH = new LinkedHashMap<>();
        Map<Side, double[]> footFwd = new LinkedHashMap<>();
        Map<Side, double[]> heelWide = new LinkedHashMap<>();
        Map<Side, double[]> lastH = new LinkedHashMap<>();
        Map<Side, double[]> imageSpeed = new LinkedHashMap<>();
        for (Side s : new Side[] {Side.LEFT, Side.RIGHT}) {
            Landmark heel = pick(body, Landmark.of("HEEL", s), Landmark.of("ANKLE", s), Landmark.of("FOOT_CLUSTER", s));
            Landmark toe = pick(body, Landmark.of("TOE", s), Landmark.of("FOOT_CLUSTER", s));
            if (heel == null && toe == null) {
                continue;
            }
            Ground groundLine = ground(body, thr, line, s, settings.maxRelativeSpeed());
            double[] hh = heel == null ? null : relHeight(body, heel, groundLine);
            double[] th = toe == null || toe == heel ? null : relHeight(body, toe, groundLine);
            double[] low = lower(hh, th, n);
            heights.put(s, low);
            double[] hv = heel == null ? null : body.imageSpeed().get(heel);
            double[] tv = toe == null ? null : body.imageSpeed().get(toe);
            if (hv != null || tv != null) {
                // the foot stops when the first of its points stops
                imageSpeed.put(s, lower(hv, tv, n));
            }
            heelH.put(s, hh);
            toeH.put(s, th);
            heelWide.put(s, heel == null ? null : impactHeight(body, heel, groundLine));
            // the lowest of every foot point, for toe-off: the contact ends when the last point leaves the ground
            double[] last = low;
            for (String part : new String[] {"FOREFOOT_MEDIAL", "FOREFOOT_LATERAL"}) {
                Landmark f = Landmark.of(part, s);
                if (th != null && body.has(f)) {
                    double[] fh = relHeight(body, f, groundLine);
                    last = last == low ? low.clone() : last;
                    for (int i = 0; i < n; i++) {
                        if (fh[i] < last[i]) {
                            last[i] = fh[i];
                        }
                    }
                }
            }
            lastH.put(s, last);
            Landmark ref = heel != null ? heel : toe;
            footFwd.put(s, body.view() == View.FRONTAL ? null : body.fwd(ref));
        }
        // forward velocity of the feet and the ground (belt) speed
        double beltSpeed = Double.NaN;
        double runSpeed = Double.NaN;
        if (body.view() != View.FRONTAL) {
            // the foot moves with the ground while it lies flat: heel and toe both within the clearance (where the foot
            // has both); with the heel lifting and the toe still down the heel rolls forward and slows (on Hamner's
            // heel-counter marker, frames with either point down gave a belt 19-21 % slow)
            List<Double> stanceV = new ArrayList<>();
            List<Double> flatV = new ArrayList<>();
            for (Side s : heights.keySet()) {
                double[] v = derivative(footFwd.get(s), fs);
                double[] h = heights.get(s);
                double[] hh = heelH.get(s);
                double[] th = toeH.get(s);
                for (int i = 0; i < n; i++) {
                    if (h[i] < thr && Double.isFinite(v[i])) {
                        stanceV.add(v[i]);
                        if (hh != null && th != null && hh[i] < thr && th[i] < thr) {
                            flatV.add(v[i]);
                        }
                    }
                }
            }
            List<Double> used = flatV.size() >= MIN_FLAT_FRAMES ? flatV : stanceV;
            double vStance = Stats.median(used.stream().mapToDouble(Double::doubleValue).toArray());
            if (body.treadmill()) {
                beltSpeed = -vStance;
                runSpeed = Math.abs(beltSpeed);
            } else {
                runSpeed = pelvisSpeed(body);
            }
        }
        // a frontal view whose ground flows through the picture (a treadmill filmed from behind or ahead): a planted foot
        // reaches its lowest image height only at the end of its stance, so its contacts are short; they only mark
        // the steps, whose landings the pelvis times (PelvisDescentContacts)
        boolean groundFlows = body.decisions().stream().anyMatch(d -> d.key().equals(FrontalPerspective.GROUND_FLOW));
        List<FootContact> out = new ArrayList<>();
        // a frontal view sees a foot's height only through the perspective: its deceleration is not timed there
        boolean impact = fs >= settings.impactMinRateHz() && body.view() != View.FRONTAL;
        double eventThr = Math.min(thr, settings.eventLegFraction() * body.legLength());
        // the heel's impact is timed on its height in the wider impact band when the body keeps it
        double bandHz = org.gaitform.kinematics.BodyFrame.smoothingCutoffHz(fs);
        double wideHz = body.impactUp().isEmpty() ? bandHz : org.gaitform.kinematics.BodyFrame.impactCutoffHz(fs);
        double filterS = impact ? LandingImpact.filterWidthS(fs, bandHz) : 0;
        double wideFilterS = impact ? LandingImpact.filterWidthS(fs, wideHz) : 0;
        for (Side s : heights.keySet()) {
            double[] h = heights.get(s);
            double[] v = footFwd.get(s) == null ? null : derivative(footFwd.get(s), fs);
            List<double[]> spans = spans(h, thr, fs, Math.max(settings.minFlightS(), 0.3 * strideS(h, fs)), groundFlows);
            for (double[] sp : spans) {
                double ic = sp[0];
                double crossing = sp[0];
                double to = sp[1];
                double rel = Double.NaN;
                if (v != null) {
                    double belt = Double.isNaN(beltSpeed) ? 0 : beltSpeed;
                    double limit = settings.maxRelativeSpeed() * runSpeed;
                    rel = meanRelative(v, belt, ic, to);
                    if (Double.isFinite(runSpeed) && runSpeed > 0 && Math.abs(rel) > limit) {
                        // a foot that skims the floor before it lands (a low heel in late swing, or a clearance
                        // widened for video jitter): the contact starts where the foot moves with the ground
                        double start = Double.NaN;
                        for (int i = (int) Math.ceil(ic); i <= Math.floor(to); i++) {
                            if (Double.isFinite(v[i]) && Math.abs(v[i] + belt) <= limit) {
                                start = i;
                                break;
                            }
                        }
                        if (Double.isNaN(start) || (to - start) / fs < settings.minContactS()) {
                            continue;
                        }
                        double trimmed = meanRelative(v, belt, start, to);
                        if (!(Math.abs(trimmed) <= limit)) {
                            continue;
                        }
                        ic = start;
                        rel = trimmed;
                    }
                }
                double[] last = lastH.get(s);
                if (last != h) {
                    // toe-off where the last foot point rises through the clearance (a forefoot marker of the two)
                    int i = (int) Math.floor(to);
                    int limit = Math.min(n - 1, i + (int) Math.ceil(settings.minFlightS() * fs));
                    while (i < limit && last[i + 1] < thr) {
                        i++;
                    }
                    if (i < limit && last[i] < thr && Double.isFinite(last[i + 1])) {
                        to = Math.max(to, i + (thr - last[i]) / (last[i + 1] - last[i]));
                    }
                }
                double[] fv = imageSpeed.get(s);
                if (fv != null) {
                    double stop = FrontalStop.onset(fv, ic, to - settings.minContactS() * fs, fs,
                            FrontalStop.STILL_LEGS_PER_S * body.legLength());
                    // the landing must be seen: a foot already at rest where the recording begins cannot be timed
                    if (!FrontalStop.landingSeen(fv, ic, stop, fs, FrontalStop.STILL_LEGS_PER_S * body.legLength())) {
                        continue;
                    }
                    if (Double.isFinite(stop)) {
                        ic = stop;
                    }
                }
                String point = "foot";
                double[] hh = heelH.get(s);
                double[] th = toeH.get(s);
                if (hh != null && th != null) {
                    double heelIc = crossingDown(hh, thr, ic);
                    double toeIc = crossingDown(th, thr, ic);
                    point = Double.isNaN(toeIc) || (!Double.isNaN(heelIc) && heelIc <= toeIc) ? "heel" : "toe";
                    if (impact) {
                        // the heel's impact or the toe reaching the ground, whichever is first
                        // from the clearance crossing, also when the contact's start was moved to where the foot
                        // moves with the ground (a landing foot still slides forward)
                        int from = (int) Math.floor(Math.min(ic, crossing) - IMPACT_BEFORE_S * fs);
                        int until = (int) Math.ceil(Math.min(to, ic + IMPACT_AFTER_S * fs));
                        double[] hw = heelWide.get(s);
                        double heelImpact = hw != null
                                ? LandingImpact.heel(hw, fs, wideFilterS, thr, from, until, true)
                                : LandingImpact.heel(hh, fs, filterS, thr, from, until, false);
                        double toeDown = crossingDownWithin(th, eventThr, from, until);
                        // the heel's deceleration is a landing only when the heel is the lower point then (after a
                        // forefoot landing the heel is lowered onto the ground under control)
                        int at = (int) Math.round(heelImpact);
                        boolean heelLower = Double.isFinite(heelImpact) && at >= 0 && at < n
                                && !(th[at] < hh[at]);
                        if (heelLower && heelImpact > from && heelImpact < to) {
                            boolean heelFirst = !(toeDown < heelImpact);
                            double landing = heelFirst ? heelImpact : toeDown;
                            if (landing < to - settings.minContactS() * fs) {
                                ic = landing;
                                point = heelFirst ? "heel" : "toe";
                            }
                        }
                    }
                }
                out.add(new FootContact(s, ic, to, point, rel));
            }
        }
        out.sort(Comparator.comparingDouble(FootContact::icIndex));
        double tilt = body.view() == View.SAGITTAL ? Math.toDegrees(Math.atan(line[1])) : Double.NaN;
        return new Result(out, beltSpeed, runSpeed, heights, thr, tilt);
    }

    private static Landmark pick(Body b, Landmark... ls) {
        for (Landmark l : ls) {
            if (b.has(l)) {
                return l;
            }
        }
        return null;
    }

    /** Contact spans [ic, to] in fractional frames where h is below thr, complete (not touching the ends or gaps). */
    /**
     * The foot's stride period (s) from the autocorrelation of its height over its longest stretch without gaps
     * (lags 0.45–1.6 s, at least four strides long), or 0 when it cannot be told. A break shorter than 30 % of it cannot be a swing (the swing
     * takes about 40 % of the stride in walking and 55–70 % in running): it is noise, or the ground moving in a
     * hip-centred frame such as BlazePose world landmarks, where the pelvis's own oscillation shows as a hump in
     * the stance foot's height.
     */
    static double strideS(double[] h, double fs) {
        int bestFrom = 0;
        int bestLen = 0;
        int i = 0;
        while (i < h.length) {
            while (i < h.length && !Double.isFinite(h[i])) {
                i++;
            }
            int s = i;
            while (i < h.length && Double.isFinite(h[i])) {
                i++;
            }
            if (i - s > bestLen) {
                bestLen = i - s;
                bestFrom = s;
            }
        }
        int minLag = (int) Math.round(0.45 * fs);
        int maxLag = (int) Math.round(1.6 * fs);
        if (bestLen < 2 * minLag + 2) {
            return 0;
        }
        double[] lag = org.gaitform.signal.Periodicity.dominantLag(h, bestFrom, bestFrom + bestLen, minLag,
                Math.min(maxLag, bestLen / 2));
        // trusted only over at least four strides
        return lag == null || !(lag[1] > 0.3) || bestLen < 4 * lag[0] ? 0 : lag[0] / fs;
    }

    private List<double[]> spans(double[] h, double thr, double fs, double minBreakS, boolean groundFlows) {
        int n = h.length;
        List<double[]> raw = new ArrayList<>();
        int i = 1;
        while (i < n) {
            if (h[i] < thr && h[i - 1] >= thr) {
                int s = i;
                while (i < n && h[i] < thr) {
                    i++;
                }
                if (i >= n || Double.isNaN(h[i])) {
                    continue;
                }
                double ic = s - 1 + (h[s - 1] - thr) / (h[s - 1] - h[s]);
                double to = i - 1 + (thr - h[i - 1]) / (h[i] - h[i - 1]);
                double eventThr = Math.min(thr, settings.eventLegFraction() / settings.clearanceLegFraction() * thr);
                if (eventThr < thr) {
                    double down = h[s - 1] - h[s];
                    double upv = h[i] - h[i - 1];
                    double icShift = down > 0 ? Math.min(2, (thr - eventThr) / down) : 0;
                    double toShift = upv > 0 ? Math.min(2, (thr - eventThr) / upv) : 0;
                    double room = 0.3 * (to - ic);
                    ic += Math.min(icShift, room);
                    to -= Math.min(toShift, room);
                }
                raw.add(new double[] {ic, to});
            } else {
                i++;
            }
        }
        // close short breaks, drop short contacts
        List<double[]> merged = new ArrayList<>();
        for (double[] sp : raw) {
            if (!merged.isEmpty() && (sp[0] - merged.get(merged.size() - 1)[1]) / fs < minBreakS) {
                merged.get(merged.size() - 1)[1] = sp[1];
            } else {
                merged.add(sp.clone());
            }
        }
        double minContactS = groundFlows ? settings.minContactS() * GROUND_FLOW_CONTACT_SHARE : settings.minContactS();
        merged.removeIf(sp -> (sp[1] - sp[0]) / fs < minContactS);
        return merged;
    }

    /** Mean of v + belt over the frames of [from, to] (body units/s), NaN when none is finite. */
    private static double meanRelative(double[] v, double belt, double from, double to) {
        double sum = 0;
        int k = 0;
        for (int i = (int) Math.ceil(from); i <= Math.floor(to); i++) {
            if (Double.isFinite(v[i])) {
                sum += v[i] + belt;
                k++;
            }
        }
        return k == 0 ? Double.NaN : sum / k;
    }

    /** The first downward threshold crossing of h within [from, to] (fractional frame), or NaN. */
    private static double crossingDownWithin(double[] h, double thr, int from, int to) {
        for (int i = Math.max(1, from); i <= Math.min(h.length - 1, to); i++) {
            if (h[i - 1] >= thr && h[i] < thr) {
                return i - 1 + (h[i - 1] - thr) / (h[i - 1] - h[i]);
            }
        }
        return Double.NaN;
    }

    /** The downward threshold crossing of h nearest before or shortly after {@code near}, or NaN. */
    private static double crossingDown(double[] h, double thr, double near) {
        int n = h.length;
        int from = Math.max(1, (int) Math.floor(near) - 30);
        int to = Math.min(n - 1, (int) Math.ceil(near) + 30);
        double best = Double.NaN;
        for (int i = from; i <= to; i++) {
            if (h[i - 1] >= thr && h[i] < thr) {
                double c = i - 1 + (h[i - 1] - thr) / (h[i - 1] - h[i]);
                if (Double.isNaN(best) || Math.abs(c - near) < Math.abs(best - near)) {
                    best = c;
                }
            }
        }
        return best;
    }

    /**
     * A heel's height above its own ground level from its up coordinate in the impact band
     * ({@link Body#impactUp()}), or null when the body keeps none for it.
     */
    private static double[] impactHeight(Body b, Landmark l, Ground ground) {
        double[] up = b.impactUp().get(l);
        if (up == null || b.groundHeights().containsKey(l)) {
            return null;
        }
        double[] fwd = b.fwd(l);
        double[] h = new double[up.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = up[i] - ground.at(Double.isFinite(fwd[i]) ? fwd[i] : Double.NaN);
        }
        double p2 = Stats.percentile(Arrays.stream(h).filter(Double::isFinite).toArray(), 2);
        for (int i = 0; i < h.length; i++) {
            h[i] -= p2;
        }
        return h;
    }

    /** A landmark's height above its own ground level (body units): 0 when it rests on the ground. */
    public static double[] heightAboveGround(Body b, Landmark l, double thresholdHeight) {
        return relHeight(b, l, ground(b, thresholdHeight, groundLine(b), l.side(),
                FootClearanceSettings.MARKERS.maxRelativeSpeed()));
    }

    /** The ground's height at a forward position (body units). */
    @FunctionalInterface
    interface Ground {
        double at(double fwd);
    }

    /**
     * The ground under one foot: flat on a treadmill and in frontal views; in overground side views (where a tilted
     * camera or lens makes the floor slope and bend in the image) a line through the lowest foot positions
     * ({@link #groundLine}), refined to a piecewise-linear floor through that foot's lowest point in each of its
     * candidate contacts (found with three times the clearance), each point's height taken as the line's plus the
     * lowest foot point's height above it (the foot point's own lowest level taken off, as for the contacts). The feet
     * are refined apart: the far foot stands further from the camera and meets the floor higher in the picture (by
     * 8 px, 3.5 % of the leg, 6 m from a phone whose lens is 1 m up), and the heel and toe keypoints or markers sit at
     * their own heights above the sole; one floor through both feet's contacts, each at its point's own image height,
     * zigzagged by those differences and left the contact times of real markers passing a still camera 26.6 ms off on
     * average (12.0 ms with a floor per foot; 11.7 ms for the same stretches on the treadmill,
     * {@code ObliquePassAccuracyTest}), and on the real OpenPose side clip in ../shared missed the first contact and
     * timed three of the other four 42–53 ms later than now (read frame by frame, its keypoints agree with the new
     * contacts to within a frame). A candidate whose lowest point moves faster than {@code maxRelativeSpeed} of the
     * running speed (the pelvis's) is a swing foot skimming the floor, as for the contacts themselves, and gives no
     * floor point: the lower of heel and toe of Hamner's runner at 2 m/s, moved forward at the belt's speed, passes
     * 3.9–4.2 cm above its lowest level in mid-swing (under three times the clearance, 4.7 cm), and taken for the floor
     * there it merged stances (9 of 14 contacts, {@code MarkerEventAccuracyTest.overgroundMarkers}).
     *
     * @param side             the foot; {@code null} for a floor through both feet's contacts
     * @param maxRelativeSpeed the fastest a foot standing on the floor moves, as a fraction of the running speed
     */
    static Ground ground(Body b, double thr, double[] line, Side side, double maxRelativeSpeed) {
        if (b.treadmill() && line[1] != 0) {
            // a treadmill's belt is one straight line in the picture, tilted when the camera is not level; below
            // LEVEL_FLOOR_SLOPE it is taken as level
            double slope = Math.abs(line[1]) < LEVEL_FLOOR_SLOPE ? 0 : line[1];
            return x -> line[0] + (Double.isFinite(x) ? slope * x : 0);
        }
        if (line[1] == 0) {
            return x -> line[0];
        }
        Ground first = x -> line[0] + (Double.isFinite(x) ? line[1] * x : 0);
        double stillBelow = maxRelativeSpeed * pelvisSpeed(b);
        List<double[]> pts = new ArrayList<>();
        for (Side s : side == null ? new Side[] {Side.LEFT, Side.RIGHT} : new Side[] {side}) {
            List<Landmark> foot = new ArrayList<>();
            for (Landmark l : new Landmark[] {Landmark.of("HEEL", s), Landmark.of("TOE", s), Landmark.of("ANKLE", s)}) {
                if (b.has(l)) {
                    foot.add(l);
                    if (foot.size() == 2) {
                        break;
                    }
                }
            }
            if (foot.isEmpty()) {
                continue;
            }
            int n = b.size();
            double[] low = new double[n];
            int[] which = new int[n];
            Arrays.fill(low, Double.NaN);
            for (int k = 0; k < foot.size(); k++) {
                double[] h = relHeight(b, foot.get(k), first);
                for (int i = 0; i < n; i++) {
                    if (Double.isFinite(h[i]) && (Double.isNaN(low[i]) || h[i] < low[i])) {
                        low[i] = h[i];
                        which[i] = k;
                    }
                }
            }
            int i = 0;
            while (i < n) {
                if (!(low[i] < 3 * thr)) {
                    i++;
                    continue;
                }
                int best = i;
                while (i < n && low[i] < 3 * thr) {
                    if (low[i] < low[best]) {
                        best = i;
                    }
                    i++;
                }
                Landmark l = foot.get(which[best]);
                double x = b.fwd(l)[best];
                double[] f = b.fwd(l);
                double speed = best > 0 && best < n - 1 ? Math.abs(f[best + 1] - f[best - 1]) / 2 * b.rateHz() : Double.NaN;
                if (Double.isFinite(x) && !(speed > stillBelow)) {
                    pts.add(new double[] {x, first.at(x) + low[best]});
                }
            }
        }
        if (pts.size() < 2) {
            return first;
        }
        pts.sort(Comparator.comparingDouble(p -> p[0]));
        // contacts of the two feet at nearly the same place are merged by taking the lower
        List<double[]> floor = new ArrayList<>();
        for (double[] p : pts) {
            if (!floor.isEmpty() && Math.abs(p[0] - floor.get(floor.size() - 1)[0]) < 1e-9) {
                floor.get(floor.size() - 1)[1] = Math.min(floor.get(floor.size() - 1)[1], p[1]);
            } else {
                floor.add(p.clone());
            }
        }
        return x -> {
            if (!Double.isFinite(x)) {
                return floor.get(0)[1];
            }
            if (x <= floor.get(0)[0]) {
                return floor.get(0)[1] + line[1] * (x - floor.get(0)[0]);
            }
            double[] last = floor.get(floor.size() - 1);
            if (x >= last[0]) {
                return last[1] + line[1] * (x - last[0]);
            }
            for (int k = 1; k < floor.size(); k++) {
                double[] a = floor.get(k - 1);
                double[] c = floor.get(k);
                if (x <= c[0]) {
                    return a[1] + (c[1] - a[1]) * (x - a[0]) / (c[0] - a[0]);
                }
            }
            return last[1];
        };
    }

    /** Per sample the lower of two series, either of which may be absent ({@code null}) or NaN in places. */
    private static double[] lower(double[] x, double[] y, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double a = x == null ? Double.NaN : x[i];
            double b = y == null ? Double.NaN : y[i];
            out[i] = Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
        }
        return out;
    }

    /**
     * Height above the ground line minus the point's own 2nd percentile; in a frontal view of a runner moving towards
     * or away from the camera, the height above where the point stands in each contact ({@link Body#groundHeights}).
     */
    private static double[] relHeight(Body b, Landmark l, Ground ground) {
        if (b.groundHeights().containsKey(l)) {
            // already measured from where the point stands in each contact
            return b.groundHeights().get(l).clone();
        }
        double[] up = b.up(l);
        double[] fwd = b.fwd(l);
        int n = up.length;
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = up[i] - ground.at(Double.isFinite(fwd[i]) ? fwd[i] : Double.NaN);
        }
        double p2 = Stats.percentile(Arrays.stream(h).filter(Double::isFinite).toArray(), 2);
        for (int i = 0; i < n; i++) {
            h[i] -= p2;
        }
        return h;
    }

    /**
     * Share of {@link FootClearanceSettings#minContactS()} that a contact must last in a frontal view whose ground
     * flows through the picture ({@link FrontalPerspective#GROUND_FLOW}, a treadmill filmed from behind or ahead). The
     * belt carries the planted foot towards (or away from) the camera, so a foot point reaches its lowest image height,
     * and comes within the clearance of it, only in the last 50–70 ms of the stance; the contacts found there mark the
     * steps, and the pelvis times their landings ({@link PelvisDescentContacts}). With the full 60 ms, heels without
     * toe keypoints (hidden behind the heel from behind) lost their contacts on four of five views of Fukuchi's markers
     * filmed behind a treadmill: 0–4 of 11–12 contacts within 60 ms, cadence up to 82 steps/min low, `poor`; with a
     * third, every contact, as with toes (docs/pose-input.md, "Heels without toes").
     */
    static final double GROUND_FLOW_CONTACT_SHARE = 1.0 / 3;

    /**
     * Fewest frames with a foot lying flat (heel and toe both within the clearance) from which the belt speed is taken
     * from them alone; with fewer (a forefoot runner whose heel stays up, a foot without a toe point) every frame with
     * the foot down counts.
     */
    static final int MIN_FLAT_FRAMES = 10;

    /** Most foot positions the ground line is fitted to; longer recordings are sampled evenly. */
    static final int GROUND_SAMPLE = 200_000;

    /**
     * The ground as {intercept, slope} of height over forward position: flat (slope 0) in frontal and 3D views and on
     * a treadmill seen other than from the side; a treadmill's belt as measured in a side video
     * ({@link #treadmillFloorSlope}); in overground sagittal video a line through the lowest foot positions of each
     * stretch of the travel.
     */
    static double[] groundLine(Body b) {
        List<double[]> ups = new ArrayList<>();
        List<double[]> fwds = new ArrayList<>();
        int total = 0;
        for (Landmark l : new Landmark[] {Landmark.HEEL_LEFT, Landmark.HEEL_RIGHT, Landmark.TOE_LEFT, Landmark.TOE_RIGHT,
            Landmark.ANKLE_LEFT, Landmark.ANKLE_RIGHT, Landmark.FOOT_CLUSTER_LEFT, Landmark.FOOT_CLUSTER_RIGHT}) {
            if (b.has(l)) {
                ups.add(b.up(l));
                fwds.add(b.fwd(l));
                total += b.size();
            }
        }
        // the finite foot positions, as two parallel primitive arrays; beyond GROUND_SAMPLE positions (about nine
        // minutes of 60 fps video) every k-th frame, an even sample of the whole recording; shorter ones are unchanged
        int every = Math.max(1, (total + GROUND_SAMPLE - 1) / GROUND_SAMPLE);
        double[] fwdAll = new double[total / every + ups.size()];
        double[] upAll = new double[fwdAll.length];
        int m = 0;
        for (int k = 0; k < ups.size(); k++) {
            double[] up = ups.get(k);
            double[] fwd = fwds.get(k);
            for (int i = 0; i < up.length; i += every) {
                if (Double.isFinite(up[i])) {
                    fwdAll[m] = fwd[i];
                    upAll[m++] = up[i];
                }
            }
        }
        fwdAll = Arrays.copyOf(fwdAll, m);
        upAll = Arrays.copyOf(upAll, m);
        double low = Stats.percentile(upAll, 2);
        if (b.treadmill() && b.view() == View.SAGITTAL) {
            // the belt's slope as measured (ground() takes it as level below LEVEL_FLOOR_SLOPE)
            return new double[] {low, treadmillFloorSlope(b)};
        }
        if (b.treadmill() || b.view() == View.FRONTAL) {
            return new double[] {low, 0};
        }
        double lo = Stats.percentile(fwdAll, 1);
        double hi = Stats.percentile(fwdAll, 99);
        int bins = 6;
        List<double[]> mins = new ArrayList<>();
        for (int k = 0; k < bins; k++) {
            double a = lo + (hi - lo) * k / bins;
            double c = lo + (hi - lo) * (k + 1) / bins;
            double[] inBin = new double[m];
            int q = 0;
            for (int i = 0; i < m; i++) {
                if (fwdAll[i] >= a && fwdAll[i] < c) {
                    inBin[q++] = upAll[i];
                }
            }
            if (q >= 5) {
                mins.add(new double[] {(a + c) / 2, Stats.percentile(Arrays.copyOf(inBin, q), 5)});
            }
        }
        if (mins.size() < 3) {
            return new double[] {low, 0};
        }
        double mx = mins.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double my = mins.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (double[] p : mins) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        double slope = sxx > 0 ? sxy / sxx : 0;
        return new double[] {my - slope * mx, slope};
    }

    /**
     * The slope (up per forward unit) of a treadmill's belt in a side video: a camera that is not level, or that sees
     * the belt obliquely, shows the belt as a tilted line, along which the planted foot slides back. Per heel, toe and
     * ankle, a least-squares line through its positions in the lowest quarter of its heights (the planted foot, which
     * sweeps some 30 % of a leg length along the belt in each stance; a point whose lowest positions span less than a
     * tenth of a leg length is skipped); the median slope, 0 when no point gives one. A level camera square to the belt
     * gives about 0 (below {@link #LEVEL_FLOOR_SLOPE} the belt is taken as level); a camera rolled by 3° moved the
     * simulated runner's contact times by 45 ms before the belt's tilt was followed (docs/pose-input.md, "A camera that
     * is not level").
     */
    static double treadmillFloorSlope(Body b) {
        // the lowest quarter is taken across the line found so far: a quarter chosen by height alone leans to the low
        // end of a tilted sweep and flattens the line (a 3° roll read as 2°), so the choice and the fit are repeated
        double slope = 0;
        for (int pass = 0; pass < FLOOR_SLOPE_PASSES; pass++) {
            List<Double> slopes = new ArrayList<>();
            for (Landmark l : new Landmark[] {Landmark.HEEL_LEFT, Landmark.HEEL_RIGHT, Landmark.TOE_LEFT,
                Landmark.TOE_RIGHT, Landmark.ANKLE_LEFT, Landmark.ANKLE_RIGHT}) {
                if (b.has(l)) {
                    double s = lowestQuarterSlope(b.fwd(l), b.up(l), slope, 0.1 * b.legLength());
                    if (Double.isFinite(s)) {
                        slopes.add(s);
                    }
                }
            }
            if (slopes.isEmpty()) {
                return 0;
            }
            slope = Stats.median(slopes.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return slope;
    }

    /** Passes of {@link #treadmillFloorSlope}'s choice and fit. */
    private static final int FLOOR_SLOPE_PASSES = 4;

    /**
     * The least-squares slope of up over forward through a point's positions in the lowest quarter of its heights above
     * the line of slope {@code across}; NaN with fewer than 10 such positions or when they span less than
     * {@code minSpan} forward.
     */
    private static double lowestQuarterSlope(double[] fwd, double[] up, double across, double minSpan) {
        int n = up.length;
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = up[i] - across * fwd[i];
        }
        double q = Stats.percentile(Arrays.stream(h).filter(Double::isFinite).toArray(), 25);
        double sx = 0;
        double sy = 0;
        int m = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (h[i] <= q) {
                sx += fwd[i];
                sy += up[i];
                m++;
                lo = Math.min(lo, fwd[i]);
                hi = Math.max(hi, fwd[i]);
            }
        }
        if (m < 10 || hi - lo < minSpan) {
            return Double.NaN;
        }
        double mx = sx / m;
        double my = sy / m;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            if (h[i] <= q) {
                sxy += (fwd[i] - mx) * (up[i] - my);
                sxx += (fwd[i] - mx) * (fwd[i] - mx);
            }
        }
        return sxy / sxx;
    }

    /** A belt slope below this (up per forward unit, about 1°) is taken as level. */
    static final double LEVEL_FLOOR_SLOPE = Math.tan(Math.toRadians(1));

    /** Central-difference derivative (units/s); NaN where a neighbour is missing. */
    public static double[] derivative(double[] x, double fs) {
        int n = x.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - 1);
            int c = Math.min(n - 1, i + 1);
            d[i] = c > a ? (x[c] - x[a]) * fs / (c - a) : Double.NaN;
        }
        return d;
    }

    private static double pelvisSpeed(Body b) {
        Landmark p = pick(b, Landmark.MID_HIP, Landmark.PELVIS_CLUSTER, Landmark.HIP_LEFT, Landmark.HIP_RIGHT);
        if (p == null) {
            return Double.NaN;
        }
        double[] v = derivative(b.fwd(p), b.rateHz());
        return Math.abs(Stats.median(Arrays.stream(v).filter(Double::isFinite).toArray()));
    }
}
