package org.gaitform.kinematics;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.model.Side;
import org.gaitform.signal.Stats;

/**
 * Which way a runner in a 2D frontal view faces, and whether the pose estimator's left and right labels agree with it.
 *
 * <p>Pose estimators learn mostly from people who face the camera and often label a person seen from behind as seen
 * from the front: every left point is called right and every right point left, for the whole recording (exchanges in
 * some frames only are {@code LeftRightSwitchCorrection}'s; a whole-body mirror leaves every trajectory smooth, so
 * that correction cannot see it). The labels then put the right hip on the image's left, which gaitform reads as a
 * front view, and every value per side (knee FPPA, pelvic drop, contact side) is given to the other leg.
 *
 * <p>A runner runs forwards. One whose image shrinks over the recording moves away from the camera and shows their
 * back; one whose image grows comes closer and shows their front. When the trunk's image length (neck or shoulders
 * to hips) changes by at least {@link #MIN_SIZE_CHANGE} between the first and the last quarter of the frames that
 * show it, or {@code --view rear} / {@code --view front} says which side faces the camera, and the labels say
 * otherwise (a rear view has the right hip on the image's right), left and right are exchanged for the whole
 * recording. A runner at one distance (a treadmill) shows neither, and keeps the labels unless {@code --view} says.
 */
final class FrontalFacing {
    /**
     * Size change (last quarter's median trunk length over the first quarter's, or its inverse) from which the
     * direction of travel is taken as known; the same factor from which a frontal view's steps are tracked as a runner
     * moving away or coming closer ({@code PelvisStepTracking.MIN_SCALE_CHANGE}); a runner at one distance wavers by up
     * to 5 % under 3 px of jitter.
     */
    static final double MIN_SIZE_CHANGE = 1.25;
    /** Fewest frames showing the trunk for the size change to be measured. */
    static final int MIN_FRAMES = 8;

    private FrontalFacing() {
    }

    /** The side of the runner that faces the camera. */
    enum Facing {
        /** The runner's back: a rear view, the runner's right on the image's right. */
        REAR,
        /** The runner's front: the runner's right on the image's left. */
        FRONT
    }

    /**
     * What is known of the facing.
     *
     * @param facing   the side facing the camera, when known
     * @param why      how it is known (empty when not)
     * @param exchange true when the labels contradict it and left and right are to be exchanged
     */
    record Result(Optional<Facing> facing, String why, boolean exchange) {
    }

    /**
     * Checks the labels.
     *
     * @param raw          image tracks ({x, y} per landmark, in pixels, as read)
     * @param viewOverride {@code --view} as given ({@code rear}, {@code back} or {@code front} name the side facing
     *                     the camera; {@code frontal} does not)
     * @param rightSign    +1 when the labelled right hip is on the image's right, −1 on its left, NaN when not seen
     */
    static Result check(Map<Landmark, double[][]> raw, Optional<String> viewOverride, double rightSign) {
        Optional<Facing> facing = Optional.empty();
        String why = "";
        String v = viewOverride.map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("");
        if (v.equals("rear") || v.equals("back")) {
            facing = Optional.of(Facing.REAR);
            why = "override (--view " + v + ")";
        } else if (v.equals("front")) {
            facing = Optional.of(Facing.FRONT);
            why = "override (--view front)";
        } else {
            double change = sizeChange(raw);
            if (change <= 1 / MIN_SIZE_CHANGE) {
                facing = Optional.of(Facing.REAR);
                why = String.format(Locale.ROOT, "the runner's image shrinks to ×%.2f (trunk length, last quarter of "
                        + "the frames against the first): moving away from the camera, so the back faces it", change);
            } else if (change >= MIN_SIZE_CHANGE) {
                facing = Optional.of(Facing.FRONT);
                why = String.format(Locale.ROOT, "the runner's image grows to ×%.2f (trunk length, last quarter of "
                        + "the frames against the first): coming closer to the camera, so the front faces it", change);
            }
        }
        boolean exchange = facing.isPresent() && !Double.isNaN(rightSign)
                && (facing.get() == Facing.REAR) != (rightSign > 0);
        return new Result(facing, why, exchange);
    }

    /**
     * The trunk's image length in the last quarter of the frames that show it over that in the first quarter
     * (medians); NaN when the trunk is seen in fewer than {@link #MIN_FRAMES} frames.
     */
    static double sizeChange(Map<Landmark, double[][]> raw) {
        double[] trunk = FrontalPerspective.trunkLength(raw, 0);
        if (trunk == null) {
            return Double.NaN;
        }
        double[] seen = Arrays.stream(trunk).filter(x -> Double.isFinite(x) && x > 0).toArray();
        if (seen.length < MIN_FRAMES) {
            return Double.NaN;
        }
        int q = seen.length / 4;
        double first = Stats.median(Arrays.copyOfRange(seen, 0, q));
        double last = Stats.median(Arrays.copyOfRange(seen, seen.length - q, seen.length));
        return last / first;
    }

    /** The same map with every left landmark called right and every right one left (midline points unchanged). */
    static <T> Map<Landmark, T> exchanged(Map<Landmark, T> m) {
        Map<Landmark, T> out = new EnumMap<>(Landmark.class);
        for (Map.Entry<Landmark, T> e : m.entrySet()) {
            out.put(mirror(e.getKey()), e.getValue());
        }
        return out;
    }

    /** The landmark of the same kind on the other side; a midline landmark itself. */
    static Landmark mirror(Landmark l) {
        if (l.side() == Side.UNKNOWN) {
            return l;
        }
        String part = l.name().substring(0, l.name().length() - l.side().name().length() - 1);
        return Landmark.of(part, l.side() == Side.LEFT ? Side.RIGHT : Side.LEFT);
    }
}
