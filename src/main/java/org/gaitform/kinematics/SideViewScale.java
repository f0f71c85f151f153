package org.gaitform.kinematics;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.gaitform.signal.Stats;

/**
 * How much the runner's size changes over a 2D side view. A camera that stands still sees a runner passing square to
 * it at one depth, so at one size, and a runner on a treadmill stays at one size too. A camera that turns to follow a
 * runner passing by (a phone panned along a corridor or a track) sees the runner further away the further it turns
 * ({@code Z = D / cos ψ} at a turn ψ from square): the runner shrinks towards both ends of the pass (by 30 % at ±45°),
 * the floor under the runner rises in the picture and tilts, by {@code (H / D)·sin ψ} for a lens {@code H} above the
 * floor and {@code D} from the path (6° at 45° from 8 m with the lens at 1.2 m), and forward distances shrink by
 * {@code cos ψ}. A runner who comes closer to a still camera, or moves away from it, changes size likewise.
 *
 * <p>The size is the trunk's image length (neck, or the shoulders' midpoint, to the hips' midpoint), smoothed below
 * {@link FrontalPerspective#SCALE_CUTOFF_HZ} as for a frontal view (the trunk's image length also swings a little
 * with each step); the change is its 99th over its 1st percentile. From {@link #CORRECT_FROM} a runner who crosses the
 * picture is brought to one scale ({@link #correct}); a runner who stays in place in the picture while changing size
 * is followed by a turning camera, whose floor also tilts, and is left as it is for the quality check
 * {@code runner_distance} to put in doubt (docs/pose-input.md, "A runner who changes size in a side view").
 */
public final class SideViewScale {
    /**
     * Decision key: the runner's size change over the recording ("×1.04"; from {@link #CORRECT_FROM} followed by
     * ", taken off" or ", not taken off").
     */
    public static final String KEY = "image_scale";
    /**
     * Size change (largest over smallest) from which an overground side view is brought to one scale. A runner who
     * keeps one distance reads 1.00–1.08 (the smoothed trunk length of the simulated runner filmed on a treadmill or
     * passing a still camera square to it, 1 px of jitter, trunks of 75–120 px: 1.003–1.076; Fukuchi's and Hamner's
     * force-plate trials through the virtual side camera: 1.007–1.039; the real OpenPose side clip in ../shared: 1.054);
     * a runner passing a still camera 15° off square over 16 m, 8 m away, reads 1.41–1.51, and a camera turning to
     * follow a runner over ±45° 1.38–1.43 ({@code SideViewScaleTest}).
     */
    public static final double CORRECT_FROM = 1.10;

    private SideViewScale() {
    }

    /**
     * The runner's image scale.
     *
     * @param perFrame the smoothed trunk length per frame (image units)
     * @param change   its 99th over its 1st percentile (1 = no change)
     */
    public record Scale(double[] perFrame, double change) {
    }

    /**
     * The runner's image scale, empty without a neck or shoulders and hips seen in at least a tenth of the frames.
     *
     * @param tracks landmark → {fwd, up, lat} in image units, as projected into the body frame
     * @param rateHz frame rate
     */
    public static Optional<Scale> measure(Map<Landmark, double[][]> tracks, double rateHz) {
        double[][] top = tracks.containsKey(Landmark.NECK) ? tracks.get(Landmark.NECK)
                : mean(tracks.get(Landmark.SHOULDER_LEFT), tracks.get(Landmark.SHOULDER_RIGHT));
        double[][] hip = tracks.containsKey(Landmark.MID_HIP) ? tracks.get(Landmark.MID_HIP)
                : mean(tracks.get(Landmark.HIP_LEFT), tracks.get(Landmark.HIP_RIGHT));
        if (top == null || hip == null) {
            return Optional.empty();
        }
        int n = hip[1].length;
        double[] trunk = new double[n];
        for (int i = 0; i < n; i++) {
            trunk[i] = Math.hypot(top[0][i] - hip[0][i], top[1][i] - hip[1][i]);
        }
        double[] scale = FrontalPerspective.smoothFilled(trunk, rateHz);
        if (scale == null) {
            return Optional.empty();
        }
        double[] finite = Arrays.stream(scale).filter(Double::isFinite).toArray();
        double lo = Stats.percentile(finite, 1);
        return lo > 0 ? Optional.of(new Scale(scale, Stats.percentile(finite, 99) / lo)) : Optional.empty();
    }

    /**
     * The tracks of a runner passing a still camera obliquely brought to one scale: every point's height measured
     * from the floor under the runner — a line {@code up = a + b·s} in the runner's scale {@code s}, fitted through
     * the lowest foot point of each {@link FrontalPerspective#WINDOW_S} ({@link FrontalPerspective#fitFloor}) — and
     * its height and forward distance from the hips' smoothed path divided by the scale over its median. Exact for a
     * level pinhole camera that stands still, where the floor under a runner at depth {@code Z} is imaged at
     * {@code y = cy + f·H/Z}; not for a camera that turns, which also tilts the floor in the picture. Empty when the
     * floor cannot be fitted (fewer than three windows with a foot).
     *
     * @param tracks   landmark → {fwd, up, lat} in image units
     * @param impactUp per foot point, its up coordinate before smoothing (corrected alike)
     * @param scale    the runner's scale ({@link #measure})
     * @param rateHz   frame rate
     * @return {corrected tracks, corrected impactUp}
     */
    public static Optional<Corrected> correct(Map<Landmark, double[][]> tracks, Map<Landmark, double[]> impactUp,
                                              Scale scale, double rateHz) {
        double[][] hip = tracks.containsKey(Landmark.MID_HIP) ? tracks.get(Landmark.MID_HIP)
                : mean(tracks.get(Landmark.HIP_LEFT), tracks.get(Landmark.HIP_RIGHT));
        double[] s = scale.perFrame();
        double[] path = hip == null ? null : FrontalPerspective.smoothFilled(hip[0], rateHz);
        java.util.List<double[]> lows = FrontalPerspective.lowestFootPoints(tracks, s, rateHz);
        double[] line = FrontalPerspective.fitFloor(lows, scale.change());
        if (path == null || line == null) {
            return Optional.empty();
        }
        double ref = Stats.median(Arrays.stream(s).filter(Double::isFinite).toArray());
        int n = s.length;
        Map<Landmark, double[][]> out = new EnumMap<>(Landmark.class);
        for (Map.Entry<Landmark, double[][]> e : tracks.entrySet()) {
            double[][] t = e.getValue();
            double[] fwd = new double[n];
            double[] up = new double[n];
            for (int i = 0; i < n; i++) {
                double k = s[i] / ref;
                fwd[i] = path[i] + (t[0][i] - path[i]) / k;
                up[i] = (t[1][i] - (line[0] + line[1] * s[i])) / k;
            }
            out.put(e.getKey(), new double[][] {fwd, up, t[2]});
        }
        Map<Landmark, double[]> impact = new EnumMap<>(Landmark.class);
        for (Map.Entry<Landmark, double[]> e : impactUp.entrySet()) {
            double[] u = e.getValue();
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                c[i] = (u[i] - (line[0] + line[1] * s[i])) / (s[i] / ref);
            }
            impact.put(e.getKey(), c);
        }
        return Optional.of(new Corrected(out, impact, ref, lows.size()));
    }

    /**
     * Corrected tracks.
     *
     * @param tracks      landmark → {fwd, up, lat}, at the median scale, heights above the floor under the runner
     * @param impactUp    the foot points' unsmoothed heights, alike
     * @param medianTrunk the median trunk length the tracks are scaled to (image units)
     * @param floorPoints the foot points the floor line was fitted through
     */
    public record Corrected(Map<Landmark, double[][]> tracks, Map<Landmark, double[]> impactUp, double medianTrunk,
                            int floorPoints) {
    }

    /** The midpoint of two points' forward and up coordinates; null when either is missing. */
    private static double[][] mean(double[][] a, double[][] b) {
        if (a == null || b == null) {
            return null;
        }
        int n = a[1].length;
        double[][] m = new double[2][n];
        for (int d = 0; d < 2; d++) {
            for (int i = 0; i < n; i++) {
                m[d][i] = (a[d][i] + b[d][i]) / 2;
            }
        }
        return m;
    }
}
