package org.gaitform.io.pose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The shape of the picture, found from the runner's legs when the keypoints are shares of the picture's width and
 * height and its size is not given. A thigh or a shank keeps its length while it turns; measured with the wrong width
 * against height, its length in the picture grows and shrinks as it turns, the more the more it turns. The shape is
 * the width-to-height ratio under which the thighs' and shanks' lengths vary least over the clip (the robust spread of
 * their logarithms, pooled over the segments).
 *
 * <p>This needs segments that turn: in a side view thighs and shanks swing through 60–100° in the picture, while seen
 * from behind or ahead they stay near vertical and their lengths hardly depend on the ratio. The estimate is only used
 * when the segments' orientation in the picture spans at least {@link #MIN_TURN_DEG} (between the 10th and the 90th
 * percentile) and the best ratio lies inside the range searched; a ratio within {@link #SNAP} of a common video shape
 * (16:9, 4:3, 1:1 and their portrait forms) is taken as the nearest. A ratio far from all of them is reported but not
 * used by {@link PoseAssembler}: no video has that shape, and a view at an angle to the runner's path, whose
 * foreshortening also shortens the legs as they turn, gives such ratios (filmed at 45°, a side view's forward
 * distances shrink by about 30 %, which reads as a ratio 1.4 times the picture's).
 *
 * <p>Measured ({@code ImageAspectTest}): the shared real OpenPose side-view clip (88 frames, four steps), its pixels
 * divided by a 16:9, 9:16, 4:3, 3:4 or square size, gives ratios 1.6–1.7 % above the true ones, each taken as the
 * right shape; a simulated side view in 9:16 is taken as 9:16; a simulated view from behind gives no estimate. The
 * estimate is made before the left/right correction, which then compares distances in the picture's proportions.
 */
final class ImageAspect {
    /** Smallest spread of the segments' orientation (degrees) for the shape to be told. */
    static final double MIN_TURN_DEG = 40;
    /**
     * Largest relative distance from a common shape for the estimate to be taken as it: less than half the distance
     * between the nearest two (4:3 and 16:9, 33 %), more than the estimate's error on the real clip (6 %).
     */
    static final double SNAP = 0.12;
    /** Ratios searched (width over height). */
    static final double MIN_RATIO = 0.25;
    static final double MAX_RATIO = 4.0;
    /** Frames looked at, at most (evenly spread). */
    static final int MAX_FRAMES = 3_000;

    private static final String[] NAMES = {"16:9", "9:16", "4:3", "3:4", "1:1"};
    private static final double[] RATIOS = {16.0 / 9, 9.0 / 16, 4.0 / 3, 3.0 / 4, 1.0};

    /**
     * The estimate.
     *
     * @param ratio     width over height used (the common shape's when snapped)
     * @param estimate  width over height where the lengths vary least
     * @param shape     the common shape's name, or empty
     * @param spreadPct the lengths' spread at the estimate (%, robust standard deviation of their logarithms)
     * @param turnDeg   the segments' orientation spread (degrees)
     */
    record Estimate(double ratio, double estimate, String shape, double spreadPct, double turnDeg) {
        String describe() {
            return String.format(Locale.ROOT, "thigh and shank lengths in the picture vary least (%.1f %%) with its "
                    + "width %.3f times its height, as the segments turn through %.0f°%s", spreadPct, estimate,
                    turnDeg, shape.isEmpty() ? " (not a common video shape)" : ": taken as " + shape);
        }
    }

    private ImageAspect() {
    }

    /**
     * Estimates the picture's width-to-height ratio from the thighs and shanks ({@code x}, {@code y}: per segment end,
     * hip, knee and ankle of each side that has them, shares of the picture, NaN where unseen); empty when the
     * segments do not turn enough or the ratio is out of range.
     */
    static Optional<Estimate> of(List<double[][]> segments) {
        List<double[][]> used = new ArrayList<>();
        for (double[][] s : segments) {
            double[][] kept = seen(s);
            if (kept[0].length >= 30) {
                used.add(kept);
            }
        }
        if (used.isEmpty()) {
            return Optional.empty();
        }
        int steps = 120;
        double best = Double.NaN;
        double bestCost = Double.POSITIVE_INFINITY;
        int bestAt = -1;
        for (int i = 0; i <= steps; i++) {
            double a = MIN_RATIO * Math.pow(MAX_RATIO / MIN_RATIO, (double) i / steps);
            double c = cost(used, a);
            if (c < bestCost) {
                bestCost = c;
                best = a;
                bestAt = i;
            }
        }
        if (bestAt <= 0 || bestAt >= steps) {
            return Optional.empty();
        }
        // refine between the neighbours (golden-section search on the log of the ratio)
        double lo = Math.log(MIN_RATIO * Math.pow(MAX_RATIO / MIN_RATIO, (double) (bestAt - 1) / steps));
        double hi = Math.log(MIN_RATIO * Math.pow(MAX_RATIO / MIN_RATIO, (double) (bestAt + 1) / steps));
        double g = (Math.sqrt(5) - 1) / 2;
        for (int k = 0; k < 40; k++) {
            double m1 = hi - g * (hi - lo);
            double m2 = lo + g * (hi - lo);
            if (cost(used, Math.exp(m1)) <= cost(used, Math.exp(m2))) {
                hi = m2;
            } else {
                lo = m1;
            }
        }
        best = Math.exp((lo + hi) / 2);
        double turn = 0;
        for (double[][] s : used) {
            turn = Math.max(turn, turnDeg(s, best));
        }
        if (turn < MIN_TURN_DEG) {
            return Optional.empty();
        }
        String shape = "";
        double ratio = best;
        double nearest = Math.log1p(SNAP);
        for (int i = 0; i < RATIOS.length; i++) {
            double d = Math.abs(Math.log(best / RATIOS[i]));
            if (d <= nearest) {
                nearest = d;
                shape = NAMES[i];
                ratio = RATIOS[i];
            }
        }
        return Optional.of(new Estimate(ratio, best, shape, 100 * cost(used, best), turn));
    }

    /** The frames where both ends are seen, at most {@link #MAX_FRAMES} of them evenly spread: {x1, y1, x2, y2}. */
    private static double[][] seen(double[][] s) {
        int n = s[0].length;
        int[] idx = new int[n];
        int m = 0;
        for (int f = 0; f < n; f++) {
            if (Double.isFinite(s[0][f]) && Double.isFinite(s[1][f]) && Double.isFinite(s[2][f])
                    && Double.isFinite(s[3][f]) && (s[0][f] != s[2][f] || s[1][f] != s[3][f])) {
                idx[m++] = f;
            }
        }
        int keep = Math.min(m, MAX_FRAMES);
        double[][] out = new double[4][keep];
        for (int i = 0; i < keep; i++) {
            int f = idx[(int) ((long) i * m / keep)];
            for (int d = 0; d < 4; d++) {
                out[d][i] = s[d][f];
            }
        }
        return out;
    }

    /** Root mean square over the segments of the robust spread of their log lengths with width {@code a}. */
    private static double cost(List<double[][]> used, double a) {
        double sum = 0;
        for (double[][] s : used) {
            int n = s[0].length;
            double[] l = new double[n];
            for (int i = 0; i < n; i++) {
                l[i] = 0.5 * Math.log(sq(a * (s[0][i] - s[2][i])) + sq(s[1][i] - s[3][i]));
            }
            double mad = 1.4826 * mad(l);
            sum += mad * mad;
        }
        return Math.sqrt(sum / used.size());
    }

    /** Spread of the segment's direction in the picture, 10th to 90th percentile (degrees). */
    private static double turnDeg(double[][] s, double a) {
        int n = s[0].length;
        double[] ang = new double[n];
        for (int i = 0; i < n; i++) {
            // direction from the upper end (hip or knee) to the lower, against the picture's vertical
            ang[i] = Math.toDegrees(Math.atan2(a * (s[2][i] - s[0][i]), s[3][i] - s[1][i]));
        }
        Arrays.sort(ang);
        return ang[(int) Math.floor(0.9 * (n - 1))] - ang[(int) Math.ceil(0.1 * (n - 1))];
    }

    private static double mad(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        double med = median(c);
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.abs(c[i] - med);
        }
        Arrays.sort(c);
        return median(c);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double sq(double v) {
        return v * v;
    }
}
