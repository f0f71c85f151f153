package org.gaitform.kinematics;

import java.util.Arrays;
import java.util.Map;
import java.util.OptionalDouble;
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
 * with each step); the change is its 99th over its 1st percentile. A runner passing a still camera obliquely needs no
 * correction: the path's floor is a straight line in the picture, which the contacts' floor follows
 * ({@code FootClearanceEvents}; bringing such passes to one scale with the frontal view's geometry made their contact
 * times worse, 7.4 → 30.7 ms on the simulated runners and 12.0 → 23.4 ms on real markers, measured before the floor
 * points of skimming feet were left out). A runner who stays in place
 * in the picture while changing size by {@link #TURNING_FROM} or more is followed by a turning camera, whose floor
 * also tilts frame by frame: the quality check {@code runner_distance} puts the values in doubt (docs/pose-input.md,
 * "A runner who changes size in a side view").
 */
public final class SideViewScale {
    /**
     * Decision key: the runner's size change over the recording ("×1.04"; from {@link #TURNING_FROM} "×1.41, camera
     * turns" when the runner stays in place in the picture, "×1.42, oblique pass" when the runner crosses it).
     */
    public static final String KEY = "image_scale";
    /**
     * Size change (largest over smallest) from which a runner who stays in place in the picture is taken to be
     * followed by a camera that turns, and one who crosses it to pass obliquely. A runner who keeps one distance reads
     * 1.00–1.08 (the smoothed trunk length of the simulated runner filmed on a treadmill or passing a still camera
     * square to it, 1 px of jitter, trunks of 75–120 px: 1.003–1.076; Fukuchi's and Hamner's
     * force-plate trials through the virtual side camera: 1.007–1.039; the real OpenPose side clip in ../shared: 1.054);
     * a runner passing a still camera 15° off square over 16 m, 8 m away, reads 1.40–1.51, and a camera turning to
     * follow a runner over ±45° 1.38–1.43 ({@code SideViewScaleTest}); real markers passing 15° off square over 8.4 m,
     * 6 m away, 1.36–1.40 ({@code ObliquePassAccuracyTest}).
     */
    public static final double TURNING_FROM = 1.10;

    private SideViewScale() {
    }

    /**
     * The runner's size change (largest over smallest smoothed trunk length, 1 = none), empty without a neck or
     * shoulders and hips seen in at least a tenth of the frames.
     *
     * @param tracks landmark → {fwd, up, lat} in image units, as projected into the body frame
     * @param rateHz frame rate
     */
    public static OptionalDouble measure(Map<Landmark, double[][]> tracks, double rateHz) {
        double[] trunk = FrontalPerspective.trunkLength(tracks, 0);
        if (trunk == null) {
            return OptionalDouble.empty();
        }
        double[] scale = FrontalPerspective.smoothFilled(trunk, rateHz);
        if (scale == null) {
            return OptionalDouble.empty();
        }
        double[] finite = Arrays.stream(scale).filter(Double::isFinite).toArray();
        double lo = Stats.percentile(finite, 1);
        return lo > 0 ? OptionalDouble.of(Stats.percentile(finite, 99) / lo) : OptionalDouble.empty();
    }
}
