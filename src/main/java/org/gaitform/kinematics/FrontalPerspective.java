package org.gaitform.kinematics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.model.Decision;
import org.gaitform.model.Side;
import org.gaitform.signal.Stats;
import org.gaitform.signal.ZeroPhaseButterworth;

/**
 * Removes the perspective of a frontal 2D view (camera behind or in front of the runner) in which the runner
 * moves away from or towards the camera: the runner's image grows or shrinks and the feet's ground contacts move
 * up or down the image with the distance. Positions are brought to one scale and measured from the ground under
 * the runner, frame by frame.
 *
 * <p>Geometry (a fixed, level pinhole camera): a point at height {@code h} above the floor and lateral position
 * {@code X} at distance {@code Z} is imaged at {@code x = cx + f·X/Z}, {@code y = cy + f·(H − h)/Z} ({@code H} the
 * lens height). With the runner's image scale {@code s = f/Z}, the floor under the runner is imaged on the line
 * {@code y = cy + H·s}, linear in {@code s}, and {@code (y_floor − y)/s} is the point's height above the floor
 * whatever the distance. The scale is measured by the trunk (neck, or the shoulders' midpoint, to the hips'
 * midpoint) and smoothed below {@link #SCALE_CUTOFF_HZ} (the distance changes slowly, the trunk's image length
 * also swings with each step); the floor line is fitted through the lowest foot point of each
 * {@link #WINDOW_S} of the recording (robust least squares). Lateral positions are measured from the runner's
 * smoothed path (hips' midpoint below the same cut-off). Everything is then in image units at the recording's
 * median scale, so that the leg length and the thresholds of the events keep their meaning.
 *
 * <p>A runner at one distance (on a treadmill) keeps one image size, but the belt carries the planted foot through
 * the picture, so the contacts found from the floor's image height come late in stance; such a view is recognised
 * ({@link #groundFlowUp}, decision {@link #GROUND_FLOW}), and the pipeline times its initial contacts from the
 * pelvis's descent instead ({@code PelvisDescentContacts}).
 *
 * <p>These are this project's choices, from the pinhole camera model; the tests check them against real 3D
 * markers filmed by a virtual camera behind and in front of a runner whose treadmill trial is turned into
 * overground running, and behind the treadmill itself.
 */
public final class FrontalPerspective {
    /** The runner's image scale is smoothed below this (Hz). */
    public static final double SCALE_CUTOFF_HZ = 0.5;
    /** The floor line is fitted through the lowest foot point of each window of this length (s), about a step. */
    public static final double WINDOW_S = 0.4;
    /** Below this scale change (max/min − 1) the floor is taken as flat in the image. */
    public static final double FLAT_BELOW = 0.05;
    /**
     * A foot point moving slower than this many leg lengths per second in the image (at the median scale) stands
     * still: a planted foot moves only by the keypoints' jitter and its roll, a swinging foot rises and falls by
     * 10–30 cm at 1–2 m/s.
     */
    public static final double PLANTED_LEGS_PER_S = 0.4;
    /**
     * … for at least this long (s): a heel rests for most of a stance (150–250 ms), a swinging foot turns at the top
     * of its arc for a few tens of milliseconds.
     */
    public static final double PLANTED_MIN_S = 0.06;
    /**
     * … at the lowest the foot comes within this time either side (s): its landing and take-off are higher, its
     * swing's top is higher than its own neighbourhood (the contacts before and after, at other distances from the
     * camera, are further away in time).
     */
    public static final double PLANTED_STRIDE_S = 0.15;
    /**
     * The ground's flow is looked for in the frames in which a foot is in this lowest share of its image heights
     * (a stance takes 30–40 % of a running stride, 60 % of a walking one).
     */
    static final double FLOW_LOW_SHARE = 0.35;
    /** Decision key: the ground's flow through the picture of a frontal view at one distance (leg lengths per second). */
    public static final String GROUND_FLOW = "ground_flow";
    /**
     * What a session with the ground flowing through a frontal view is told when the pelvis could not time its
     * contacts (the pipeline times them from the pelvis's descent where it can, and says so instead).
     */
    public static final String GROUND_FLOW_WARNING = "frontal view of a runner at one distance with the ground moving "
            + "through the picture (a treadmill): the contacts are timed where each foot reaches the floor's height in "
            + "the picture, which the belt carries it to only late in stance (113-185 ms late on real markers), and the "
            + "pelvis could not time them instead (it timed fewer than three quarters of them), so knee FPPA and "
            + "pelvic drop come from late stance and are not judged; film from the side for the contacts, and a "
            + "runner moving away from the camera for FPPA and pelvic drop";

    /**
     * Result.
     *
     * @param tracks          the corrected tracks (forward NaN, up above the floor, lateral from the runner's path)
     * @param groundHeights   per foot point, its height above where it stands in each contact (a runner moving
     *                        towards or away from the camera), for the contact events; empty otherwise
     * @param imageSpeed      per foot point, its speed in the image (image units per second at the median scale), when
     *                        {@code groundHeights} are given: a planted foot stands still in the image
     * @param scaleChange     largest over smallest smoothed scale (1 = no change)
     * @param floorResidual   RMS distance of the windows' lowest foot points from the fitted floor (image units at
     *                        the median scale), NaN when not fitted
     * @param pelvisDrift     range of the corrected pelvis height below {@link #SCALE_CUTOFF_HZ} over the recording
     *                        (image units at the median scale): near zero when the perspective is removed, large when
     *                        the camera moved or tilted
     * @param decisions       what was decided
     * @param warnings        what was noticed
     */
    public record Result(Map<Landmark, double[][]> tracks, Map<Landmark, double[]> groundHeights,
                         Map<Landmark, double[]> imageSpeed, double scaleChange,
                         double floorResidual, double pelvisDrift, List<Decision> decisions, List<String> warnings) {
    }

    private FrontalPerspective() {
    }

    /**
     * Corrects the tracks of a frontal view.
     *
     * @param tracks  landmark → {fwd (NaN), up, lat} in image units (up = −image y)
     * @param rateHz  frame rate
     * @param unit    image unit, for the messages
     * @param legRaw  leg length in image units (medians over frames)
     * @return the corrected tracks, or the tracks unchanged (with a warning) when the trunk is not seen
     */
    public static Result apply(Map<Landmark, double[][]> tracks, double rateHz, String unit, double legRaw) {
        List<Decision> decisions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        double[] trunk = trunkLength(tracks, 2);
        if (trunk == null) {
            warnings.add("frontal view without the neck or shoulders and the hips: the runner's distance from the camera "
                    + "cannot be followed, positions are not corrected for perspective (vertical oscillation is not "
                    + "reported)");
            return new Result(tracks, Map.of(), Map.of(), Double.NaN, Double.NaN, Double.NaN, decisions, warnings);
        }
        double[][] hip = hips(tracks);
        int n = trunk.length;
        double[] scale = smoothFilled(trunk, rateHz);
        double[] path = smoothFilled(hip[2], rateHz);
        if (scale == null || path == null) {
            warnings.add("frontal view: the trunk is seen in too few frames to follow the runner's distance; positions "
                    + "are not corrected for perspective (vertical oscillation is not reported)");
            return new Result(tracks, Map.of(), Map.of(), Double.NaN, Double.NaN, Double.NaN, decisions, warnings);
        }
        double ref = Stats.median(finite(scale));
        double lo = Stats.percentile(finite(scale), 1);
        double hi = Stats.percentile(finite(scale), 99);
        double change = hi / lo;
        // the floor: up_floor = a + b · scale, through the lowest foot point of each window
        List<double[]> lows = lowestFootPoints(tracks, scale, rateHz);
        double[] line = fitFloor(lows, change);
        double residual = Double.NaN;
        if (line != null) {
            double ss = 0;
            int k = 0;
            for (double[] p : lows) {
                if (p[2] > 0) {
                    double d = (p[1] - (line[0] + line[1] * p[0])) * ref / p[0];
                    ss += d * d;
                    k++;
                }
            }
            residual = k > 0 ? Math.sqrt(ss / k) : Double.NaN;
        }
        Map<Landmark, double[][]> out = new EnumMap<>(Landmark.class);
        boolean moving = change - 1 >= FLAT_BELOW;
        Map<Landmark, double[]> ground = new EnumMap<>(Landmark.class);
        Map<Landmark, double[]> speeds = new EnumMap<>(Landmark.class);
        for (Map.Entry<Landmark, double[][]> e : tracks.entrySet()) {
            double[][] t = e.getValue();
            double[] up = new double[n];
            double[] lat = new double[n];
            for (int i = 0; i < n; i++) {
                double k = scale[i] / ref;
                double floor = line == null ? 0 : line[0] + line[1] * scale[i];
                up[i] = (t[1][i] - floor) / k;
                lat[i] = (t[2][i] - path[i]) / k;
            }
            if (moving && isFoot(e.getKey())) {
                boolean[] still = pointStill(t, scale, ref, rateHz, legRaw);
                double[] own = plantedFloor(t, still, scale, ref, rateHz, legRaw, line);
                if (own != null) {
                    double[] h = new double[n];
                    for (int i = 0; i < n; i++) {
                        h[i] = (t[1][i] - own[i]) / (scale[i] / ref);
                    }
                    ground.put(e.getKey(), h);
                    speeds.put(e.getKey(), imageSpeed(t, scale, ref, rateHz));
                }
            }
            out.put(e.getKey(), new double[][] {t[0], up, lat});
        }
        // the pelvis keeps one mean height when the pace is even: what is left of its slow drift (the floor line is
        // only as good as its model) is taken off every point alike, so that angles within a frame do not change
        double drift = Double.NaN;
        double[][] mid = out.get(Landmark.MID_HIP);
        double[] slow = mid == null ? null : smoothFilled(mid[1], rateHz);
        if (slow != null) {
            int cut = n / 10;
            double[] core = Arrays.copyOfRange(slow, cut, n - cut);
            drift = Stats.max(core) - Stats.min(core);
            double m = Stats.mean(finite(slow));
            for (double[][] t : out.values()) {
                for (int i = 0; i < n; i++) {
                    t[1][i] -= slow[i] - m;
                }
            }
        }
        decisions.add(new Decision("perspective", String.format(Locale.ROOT, "scale ×%.2f", change), String.format(
                Locale.ROOT, "frontal view: the runner's image size (trunk length) changes by a factor %.2f over the "
                        + "recording (moving %s the camera); positions are scaled frame by frame to the median trunk "
                        + "length (%.1f %s) and heights measured from the floor under the runner%s", change,
                scale[firstFinite(scale)] > scale[lastFinite(scale)] ? "away from" : "towards", ref, unit,
                line == null ? " (the feet's lowest points could not be fitted: heights from the lowest foot position)"
                        : String.format(Locale.ROOT, ", a line through the feet's lowest point per %.1f s (%d points, "
                        + "residual %.1f %s)", WINDOW_S, lows.size(), residual, unit))
                + String.format(Locale.ROOT, "; the pelvis height's remaining slow drift (%.1f %s) is taken off", drift,
                unit)
                + (!ground.isEmpty() ? "; for the contacts each foot point's height is measured from where it stands "
                + "still on the ground in each contact (a planted foot does not move in the image, whatever its distance)"
                : "")));
        if (!moving) {
            // at one distance the ground may flow through the picture (a treadmill, or a camera travelling with the
            // runner): the planted foot then moves instead of standing still, and reaches the floor's image height
            // only late in stance
            double flowUp = groundFlowUp(tracks, scale, ref, rateHz, legRaw);
            if (Double.isFinite(flowUp)) {
                decisions.add(new Decision(GROUND_FLOW, String.format(Locale.ROOT, "%.2f legs/s",
                        Math.abs(flowUp) / legRaw), String.format(Locale.ROOT, "frontal view at one distance: low in the "
                        + "picture, where a foot stands, its heel, ankle and toe most often move together at %.0f %s/s "
                        + "(%.2f leg lengths per second) instead of standing still, as when the ground moves through the "
                        + "picture (a treadmill, or a camera travelling with the runner)", Math.abs(flowUp), unit,
                        Math.abs(flowUp) / legRaw)));
            }
        }
        return new Result(out, ground, speeds, change, residual, drift, decisions, warnings);
    }

    private static boolean isFoot(Landmark l) {
        String n = l.name();
        return n.startsWith("HEEL") || n.startsWith("TOE") || n.startsWith("ANKLE_") && !n.startsWith("ANKLE_MEDIAL");
    }

    /**
     * A point's velocity in the image {up, lateral} per frame (units/s at the median scale), central differences over
     * ±25 ms (at least one frame), so that keypoint jitter at high frame rates does not make a planted foot move.
     */
    static double[][] imageVelocity(double[][] t, double[] scale, double ref, double rateHz) {
        int n = scale.length;
        double[][] v = new double[2][n];
        Arrays.fill(v[0], Double.NaN);
        Arrays.fill(v[1], Double.NaN);
        int w = Math.max(1, (int) Math.round(0.025 * rateHz));
        for (int i = w; i + w < n; i++) {
            double k = scale[i] / ref;
            v[0][i] = (t[1][i + w] - t[1][i - w]) / (2 * w) / k * rateHz;
            v[1][i] = (t[2][i + w] - t[2][i - w]) / (2 * w) / k * rateHz;
        }
        return v;
    }

    /** A point's speed in the image (units/s at the median scale), from {@link #imageVelocity}. */
    static double[] imageSpeed(double[][] t, double[] scale, double ref, double rateHz) {
        double[][] v = imageVelocity(t, scale, ref, rateHz);
        double[] speed = new double[scale.length];
        for (int i = 0; i < speed.length; i++) {
            speed[i] = Math.hypot(v[0][i], v[1][i]);
        }
        return speed;
    }

    /**
     * Per frame, whether a foot point stands still in the image: it moves slower than {@link #PLANTED_LEGS_PER_S} leg
     * lengths per second (scaled to the median size). A planted foot does not move, whatever its distance.
     */
    private static boolean[] pointStill(double[][] t, double[] scale, double ref, double rateHz, double legRaw) {
        int n = scale.length;
        boolean[] still = new boolean[n];
        double[] v = imageSpeed(t, scale, ref, rateHz);
        double limit = PLANTED_LEGS_PER_S * legRaw;
        for (int i = 0; i < n; i++) {
            still[i] = Double.isFinite(v[i]) && v[i] < limit;
        }
        return still;
    }

    /**
     * The ground's vertical velocity in the picture (units/s at the median scale, up positive) for a runner at one
     * distance from a frontal camera, or NaN when the ground does not visibly move (a planted foot stands still, as
     * when the camera and the floor are fixed) or it cannot be told.
     *
     * <p>On a treadmill filmed from behind the belt carries the planted foot towards the camera, down the picture, at
     * 1–2 leg lengths per second 2–5 m from the camera (and up the picture from ahead). A planted foot's heel, ankle
     * and toe move together with it. So the flow is found on the frames in which a foot is low in the picture (the
     * lowest {@link #FLOW_LOW_SHARE} of its image heights, where it stands; a swinging foot that hardly turns also
     * moves as one) and its points move together (their velocities within {@link #PLANTED_LEGS_PER_S} leg lengths per
     * second of each other): the median of the vertical velocities around which most such frames of both feet lie
     * (within the same bound), when that is faster than the bound. These are this project's choices.
     */
    static double groundFlowUp(Map<Landmark, double[][]> tracks, double[] scale, double ref, double rateHz,
                                double legRaw) {
        double tol = PLANTED_LEGS_PER_S * legRaw;
        List<Double> together = new ArrayList<>(); // the up velocities of the frames in which a foot moves as one
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            List<double[][]> v = new ArrayList<>();
            double[] height = new double[scale.length];
            for (String part : new String[] {"HEEL", "ANKLE", "TOE"}) {
                double[][] t = tracks.get(Landmark.of(part, side));
                if (t != null) {
                    v.add(imageVelocity(t, scale, ref, rateHz));
                    for (int i = 0; i < height.length; i++) {
                        height[i] += t[1][i];
                    }
                }
            }
            if (v.size() < 2) {
                continue;
            }
            // a planted foot is low in the picture: the frames in which the foot is in the lowest part of its range, a
            // stance's share of the stride (a foot in swing also moves as one when it hardly turns)
            double[] finiteHeight = finite(height);
            if (finiteHeight.length == 0) {
                continue;
            }
            double lowBand = Stats.percentile(finiteHeight, 100 * FLOW_LOW_SHARE);
            for (int i = 0; i < scale.length; i++) {
                if (!(height[i] <= lowBand)) {
                    continue;
                }
                double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
                double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
                double[] sum = new double[2];
                int k = 0;
                for (double[][] p : v) {
                    if (Double.isFinite(p[0][i]) && Double.isFinite(p[1][i])) {
                        for (int d = 0; d < 2; d++) {
                            lo[d] = Math.min(lo[d], p[d][i]);
                            hi[d] = Math.max(hi[d], p[d][i]);
                            sum[d] += p[d][i];
                        }
                        k++;
                    }
                }
                if (k >= 2 && hi[0] - lo[0] < tol && hi[1] - lo[1] < tol) {
                    together.add(sum[0] / k);
                }
            }
        }
        if (together.size() < 3) {
            return Double.NaN;
        }
        // the vertical velocity with the most such frames within the bound (a sliding window over the sorted values)
        double[] ups = together.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int best = 0;
        double centre = Double.NaN;
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < ups.length; i++) {
            while (ups[i] - ups[lo] > tol) {
                lo++;
            }
            hi = Math.max(hi, i);
            while (hi + 1 < ups.length && ups[hi + 1] - ups[i] <= tol) {
                hi++;
            }
            if (hi - lo + 1 > best) {
                best = hi - lo + 1;
                centre = ups[i];
            }
        }
        double c = centre;
        double[] members = Arrays.stream(ups).filter(u -> Math.abs(u - c) <= tol).toArray();
        double paceUp = Stats.median(members);
        return members.length >= 3 && Math.abs(paceUp) >= tol ? paceUp : Double.NaN;
    }

    /**
     * A foot point's own floor, in image up coordinates per frame, for a runner moving towards or away from the
     * camera: while the foot is planted it stands still in the image (its speed, scaled to the median size, stays
     * under {@link #PLANTED_LEGS_PER_S} leg lengths per second for at least {@link #PLANTED_MIN_S}), and where it
     * stands is the floor at its own distance, which differs from the floor under the hips by the foot's distance
     * ahead of or behind them. Between two such stretches the floor is interpolated; before the first and after the
     * last it keeps that stretch's place relative to the floor line, at each frame's scale (without a floor line, its
     * level). Null with fewer than three.
     */
    static double[] plantedFloor(double[][] t, boolean[] still, double[] scale, double ref, double rateHz,
                                 double legRaw, double[] line) {
        int n = scale.length;
        int minLen = Math.max(2, (int) Math.round(PLANTED_MIN_S * rateHz));
        List<double[]> seg = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (!still[i]) {
                i++;
                continue;
            }
            int a = i;
            while (i < n && still[i]) {
                i++;
            }
            if (i - a >= minLen) {
                double[] rows = Arrays.copyOfRange(t[1], a, i);
                // where it stands: the median of the still stretch (a low percentile would sit below it by the
                // keypoints' noise, which grows as the runner's image shrinks)
                double row = Stats.median(finite(rows));
                // a foot also stands still for an instant at the top of its swing: a planted foot is at the lowest
                // of its neighbourhood (within a tenth of a leg, at the scale of that moment)
                int around = (int) Math.round(PLANTED_STRIDE_S * rateHz);
                double low = Stats.min(finite(Arrays.copyOfRange(t[1], Math.max(0, a - around), Math.min(n, i + around))));
                double k = scale[(a + i) / 2] / ref;
                if (row - low <= 0.1 * legRaw * k) {
                    seg.add(new double[] {a, i - 1, row});
                }
            }
        }
        if (seg.size() < 3) {
            return null;
        }
        double[] floor = new double[n];
        for (int k = 0; k < n; k++) {
            floor[k] = Double.NaN;
        }
        for (double[] g : seg) {
            for (int k = (int) g[0]; k <= (int) g[1]; k++) {
                floor[k] = g[2];
            }
        }
        for (int q = 0; q + 1 < seg.size(); q++) {
            double[] a = seg.get(q);
            double[] b = seg.get(q + 1);
            for (int k = (int) a[1] + 1; k < (int) b[0]; k++) {
                floor[k] = a[2] + (b[2] - a[2]) * (k - a[1]) / (b[0] - a[1]);
            }
        }
        // before the first and after the last planted stretch: that stretch's height above the floor under the hips
        // (the floor line), at the scale of each frame: the foot's contacts keep about the same place relative to the
        // runner while the runner's distance changes; without a floor line, that stretch's level
        double[] first = seg.get(0);
        double[] lastSeg = seg.get(seg.size() - 1);
        for (int k = 0; k < (int) first[0]; k++) {
            floor[k] = extended(first, k, scale, line);
        }
        for (int k = (int) lastSeg[1] + 1; k < n; k++) {
            floor[k] = extended(lastSeg, k, scale, line);
        }
        return floor;
    }

    /** A planted stretch's level carried to frame k along the floor line (held when there is none). */
    private static double extended(double[] seg, int k, double[] scale, double[] line) {
        int mid = (int) Math.round((seg[0] + seg[1]) / 2);
        if (line == null || !(line[1] != 0) || !Double.isFinite(scale[k]) || !(scale[mid] > 0)) {
            return seg[2];
        }
        double offset = seg[2] - (line[0] + line[1] * scale[mid]);
        return line[0] + line[1] * scale[k] + offset * scale[k] / scale[mid];
    }

    /** {scale, up, weight} of the lowest foot point in each window; weight 0 for windows without feet. */
    private static List<double[]> lowestFootPoints(Map<Landmark, double[][]> tracks, double[] scale, double rateHz) {
        List<double[][]> feet = new ArrayList<>();
        for (Landmark l : new Landmark[] {Landmark.HEEL_LEFT, Landmark.HEEL_RIGHT, Landmark.TOE_LEFT, Landmark.TOE_RIGHT,
            Landmark.ANKLE_LEFT, Landmark.ANKLE_RIGHT}) {
            if (tracks.containsKey(l)) {
                feet.add(tracks.get(l));
            }
        }
        List<double[]> out = new ArrayList<>();
        if (feet.isEmpty()) {
            return out;
        }
        int n = scale.length;
        int w = Math.max(3, (int) Math.round(WINDOW_S * rateHz));
        for (int a = 0; a + w / 2 < n; a += w) {
            double best = Double.POSITIVE_INFINITY;
            int at = -1;
            for (int i = a; i < Math.min(n, a + w); i++) {
                for (double[][] f : feet) {
                    double u = f[1][i];
                    if (Double.isFinite(u) && Double.isFinite(scale[i]) && u < best) {
                        best = u;
                        at = i;
                    }
                }
            }
            if (at >= 0) {
                out.add(new double[] {scale[at], best, 1});
            }
        }
        return out;
    }

    /**
     * {a, b} of up = a + b · scale through the points (least squares, then again without the points further than
     * three robust standard deviations); b = 0 when the scale hardly changes; null with fewer than three points.
     */
    static double[] fitFloor(List<double[]> pts, double change) {
        if (pts.size() < 3) {
            return null;
        }
        boolean flat = !(change - 1 >= FLAT_BELOW);
        double[] line = fit(pts, flat);
        for (int round = 0; round < 2; round++) {
            double[] res = new double[pts.size()];
            for (int i = 0; i < res.length; i++) {
                double[] p = pts.get(i);
                res[i] = Math.abs(p[1] - (line[0] + line[1] * p[0]));
            }
            double mad = Stats.median(res) * 1.4826;
            for (int i = 0; i < res.length; i++) {
                pts.get(i)[2] = mad > 0 && res[i] > 3 * mad ? 0 : 1;
            }
            line = fit(pts, flat);
        }
        return line;
    }

    private static double[] fit(List<double[]> pts, boolean flat) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : pts) {
            double w = p[2];
            sw += w;
            sx += w * p[0];
            sy += w * p[1];
            sxx += w * p[0] * p[0];
            sxy += w * p[0] * p[1];
        }
        double mx = sx / sw;
        double my = sy / sw;
        double vxx = sxx / sw - mx * mx;
        if (flat || !(vxx > 0)) {
            // the lowest points' median: a flat floor
            double[] ys = pts.stream().filter(p -> p[2] > 0).mapToDouble(p -> p[1]).toArray();
            return new double[] {Stats.median(ys), 0};
        }
        double b = (sxy / sw - mx * my) / vxx;
        return new double[] {my - b * mx, b};
    }

    /**
     * Gaps filled linearly (ends held), then low-passed below {@link #SCALE_CUTOFF_HZ}; null when under 10 % finite.
     * Also the quality check's yardstick's image scale ({@code SignalCadence.imageScale}).
     */
    public static double[] smoothFilled(double[] x, double rateHz) {
        int n = x.length;
        int first = firstFinite(x);
        if (first < 0 || Stats.count(x) < 0.1 * n) {
            return null;
        }
        double[] y = x.clone();
        double last = y[first];
        for (int i = 0; i < first; i++) {
            y[i] = last;
        }
        int i = first;
        while (i < n) {
            if (Double.isFinite(y[i])) {
                last = y[i++];
                continue;
            }
            int s = i;
            while (i < n && !Double.isFinite(y[i])) {
                i++;
            }
            double end = i < n ? y[i] : last;
            for (int k = s; k < i; k++) {
                y[k] = last + (end - last) * (k - s + 1) / (i - s + 1);
            }
        }
        if (n < 15 || SCALE_CUTOFF_HZ >= rateHz / 2 * 0.99) {
            return y;
        }
        return ZeroPhaseButterworth.lowPass(2, SCALE_CUTOFF_HZ).apply(y, rateHz);
    }

    /**
     * Per frame, the trunk's image length: neck (or the shoulders' midpoint) to the hips' midpoint, in the up axis and
     * the given horizontal one (0 forward in a side view, 2 lateral in a frontal one); null when either end is missing.
     */
    static double[] trunkLength(Map<Landmark, double[][]> tracks, int across) {
        double[][] top = tracks.containsKey(Landmark.NECK) ? tracks.get(Landmark.NECK)
                : midpoint(tracks.get(Landmark.SHOULDER_LEFT), tracks.get(Landmark.SHOULDER_RIGHT));
        double[][] hip = hips(tracks);
        if (top == null || hip == null) {
            return null;
        }
        double[] trunk = new double[hip[1].length];
        for (int i = 0; i < trunk.length; i++) {
            trunk[i] = Math.hypot(top[across][i] - hip[across][i], top[1][i] - hip[1][i]);
        }
        return trunk;
    }

    /** The hips' midpoint track: the mid-hip point, or the midpoint of the two hips; null when not seen. */
    private static double[][] hips(Map<Landmark, double[][]> tracks) {
        return tracks.containsKey(Landmark.MID_HIP) ? tracks.get(Landmark.MID_HIP)
                : midpoint(tracks.get(Landmark.HIP_LEFT), tracks.get(Landmark.HIP_RIGHT));
    }

    /** The midpoint of two tracks, axis by axis (NaN where either is); null when either is missing. */
    private static double[][] midpoint(double[][] a, double[][] b) {
        if (a == null || b == null) {
            return null;
        }
        int n = a[1].length;
        double[][] m = new double[a.length][n];
        for (int d = 0; d < a.length; d++) {
            for (int i = 0; i < n; i++) {
                m[d][i] = (a[d][i] + b[d][i]) / 2;
            }
        }
        return m;
    }

    private static double[] finite(double[] x) {
        return Arrays.stream(x).filter(Double::isFinite).toArray();
    }

    private static int firstFinite(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i])) {
                return i;
            }
        }
        return -1;
    }

    private static int lastFinite(double[] x) {
        for (int i = x.length - 1; i >= 0; i--) {
            if (Double.isFinite(x[i])) {
                return i;
            }
        }
        return -1;
    }
}
