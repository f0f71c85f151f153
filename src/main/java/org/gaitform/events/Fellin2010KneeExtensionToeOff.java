package org.gaitform.events;

import java.util.ArrayList;
import java.util.List;
import org.gaitform.kinematics.Body;
import org.gaitform.kinematics.Landmark;
import org.gaitform.model.Side;

/**
 * Toe-off at the knee's peak extension in late stance, for feet seen only at the ankle (a pose model without heel and
 * toe keypoints, such as COCO's 17 points) or at the heel without a toe ({@link #heelWithoutToe}): Fellin, Rose, Royer
 * &amp; Davis 2010, "Comparison of methods for kinematic identification of footstrike and toe-off during overground
 * and treadmill running", J Sci Med Sport 13:646–650, found toe-off from peak knee extension 4.9 ms (overground) and
 * 5.2 ms (treadmill) from the force plate on average at 3.35 m/s.
 *
 * <p>The ankle leaves its ground level as the heel rises, long before the toe leaves: on the sample side-view video
 * written with COCO's 17 points the ankle's clearance put the toe-offs 65 ms early and the contact times 56 ms
 * short; the knee's peak extension, 17 ms early and 8 ms short ({@code Fellin2010KneeExtensionToeOffTest}).
 * The knee extends through push-off and flexes again once the foot is in the air, so its greatest extension between
 * mid-stance and the other foot's landing marks the toe-off. Measured on the shared treadmill recordings' thigh and
 * shank clusters ({@code ToeOffCandidatesTest}, docs/pose-input.md): within 4 ms at 3–5 m/s, 11 ms late on a forefoot
 * runner at 2.5 m/s and 33 ms early at 2 m/s, where the knee starts to flex before the foot leaves, as in walking.
 */
public final class Fellin2010KneeExtensionToeOff {
    /** The search starts this share of the way from the initial contact to the ankle's toe-off (about mid-stance). */
    static final double FROM_SHARE = 0.5;
    /** ... and ends at the other foot's landing, or this long after the ankle's toe-off (s), whichever is first. */
    static final double AFTER_ANKLE_S = 0.2;

    private Fellin2010KneeExtensionToeOff() {
    }

    /**
     * The contacts with their toe-offs re-timed.
     *
     * @param contacts the contacts
     * @param retimed  how many toe-offs moved to the knee's peak extension
     * @param sides    the sides whose feet are seen at the ankle only or at the heel without a toe (the others are
     *                 unchanged)
     * @param meanShiftMs the mean move of the re-timed toe-offs (ms, positive: later), NaN when none moved
     */
    public record Result(List<FootContact> contacts, int retimed, List<Side> sides, double meanShiftMs) {
    }

    /** True when the foot of {@code side} is seen at the ankle only (no heel, toe or foot cluster). */
    public static boolean ankleOnly(Body body, Side side) {
        return body.has(Landmark.of("ANKLE", side)) && !body.has(Landmark.of("HEEL", side))
                && !body.has(Landmark.of("TOE", side)) && !body.has(Landmark.of("FOOT_CLUSTER", side));
    }

    /**
     * True when the foot of {@code side} has a heel but nothing at the front of the foot (no toe, forefoot or foot
     * cluster point): toe keypoints below the estimator's confidence throughout (hidden), or a keypoint set without them.
     * The heel leaves the ground as it rises, long before the toe: on Fukuchi's and Hamner's force-plate markers filmed
     * by a virtual side camera without toes the heel's clearance put the toe-offs 91–146 ms early and the contact times
     * 76–110 ms short (docs/pose-input.md, "Heels without toes").
     */
    public static boolean heelWithoutToe(Body body, Side side) {
        return body.has(Landmark.of("HEEL", side)) && !body.has(Landmark.of("TOE", side))
                && !body.has(Landmark.of("FOOT_CLUSTER", side)) && !body.has(Landmark.of("FOREFOOT_MEDIAL", side))
                && !body.has(Landmark.of("FOREFOOT_LATERAL", side));
    }

    /**
     * Moves the toe-off of each contact of a foot seen at the ankle only, or at the heel without a toe (with its knee
     * and hip), to the knee's peak
     * extension (the largest sagittal angle between thigh and shank) from {@link #FROM_SHARE} of the way to the
     * ankle's toe-off until the other foot lands (or {@link #AFTER_ANKLE_S} after the ankle's toe-off); a contact whose
     * knee reaches no peak inside that window keeps its toe-off.
     */
    public static Result retime(Body body, List<FootContact> contacts) {
        List<Side> sides = new ArrayList<>();
        double[][] knee = new double[2][];
        for (Side s : new Side[] {Side.LEFT, Side.RIGHT}) {
            if ((ankleOnly(body, s) || heelWithoutToe(body, s)) && body.has(Landmark.of("KNEE", s))
                    && body.has(Landmark.of("HIP", s))) {
                sides.add(s);
                knee[s == Side.LEFT ? 0 : 1] = kneeAngleDeg(body, s);
            }
        }
        if (sides.isEmpty()) {
            return new Result(contacts, 0, List.of(), Double.NaN);
        }
        double fs = body.rateHz();
        List<FootContact> out = new ArrayList<>();
        int moved = 0;
        double shift = 0;
        for (int c = 0; c < contacts.size(); c++) {
            FootContact fc = contacts.get(c);
            double[] k = sides.contains(fc.side()) ? knee[fc.side() == Side.LEFT ? 0 : 1] : null;
            if (k == null) {
                out.add(fc);
                continue;
            }
            double end = fc.toIndex() + AFTER_ANKLE_S * fs;
            for (int d = c + 1; d < contacts.size(); d++) {
                if (contacts.get(d).icIndex() > fc.icIndex()) {
                    end = Math.min(end, contacts.get(d).icIndex());
                    break;
                }
            }
            int from = (int) Math.ceil(fc.icIndex() + FROM_SHARE * (fc.toIndex() - fc.icIndex()));
            int to = Math.min(k.length - 1, (int) Math.floor(end));
            int best = -1;
            for (int i = from; i <= to; i++) {
                if (Double.isFinite(k[i]) && (best < 0 || k[i] > k[best])) {
                    best = i;
                }
            }
            // a peak inside the window, not its edge (a knee still extending when the other foot lands is no peak)
            if (best <= from || best >= to || !Double.isFinite(k[best - 1]) || !Double.isFinite(k[best + 1])) {
                out.add(fc);
                continue;
            }
            double y0 = k[best - 1];
            double y1 = k[best];
            double y2 = k[best + 1];
            double den = y0 - 2 * y1 + y2;
            double at = best + (den < 0 ? 0.5 * (y0 - y2) / den : 0);
            if (!(at > fc.icIndex())) {
                out.add(fc);
                continue;
            }
            out.add(new FootContact(fc.side(), fc.icIndex(), at, fc.icPoint(), fc.relSpeed()));
            moved++;
            shift += 1000 * (at - fc.toIndex()) / fs;
        }
        return new Result(out, moved, List.copyOf(sides), moved == 0 ? Double.NaN : shift / moved);
    }

    /** The knee's sagittal angle between thigh and shank (deg; 180 straight), NaN where a point is missing. */
    static double[] kneeAngleDeg(Body body, Side s) {
        double[] hf = body.fwd(Landmark.of("HIP", s));
        double[] hu = body.up(Landmark.of("HIP", s));
        double[] kf = body.fwd(Landmark.of("KNEE", s));
        double[] ku = body.up(Landmark.of("KNEE", s));
        double[] af = body.fwd(Landmark.of("ANKLE", s));
        double[] au = body.up(Landmark.of("ANKLE", s));
        double[] out = new double[body.size()];
        for (int i = 0; i < out.length; i++) {
            double ax = hf[i] - kf[i];
            double ay = hu[i] - ku[i];
            double bx = af[i] - kf[i];
            double by = au[i] - ku[i];
            double na = Math.hypot(ax, ay);
            double nb = Math.hypot(bx, by);
            out[i] = na > 0 && nb > 0 ? Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, (ax * bx + ay * by)
                    / (na * nb))))) : Double.NaN;
        }
        return out;
    }
}
