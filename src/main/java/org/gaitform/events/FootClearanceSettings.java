package org.gaitform.events;

/**
 * Settings of {@link FootClearanceEvents}.
 *
 * @param clearanceLegFraction  a foot is on the ground while its lowest point is within this fraction of the
 *                              leg length of its own ground level (default 0.017, about 16 mm for a 0.9 m leg;
 *                              {@link #VIDEO} uses 0.035 for the jitter of video keypoints)
 * @param minContactS           shorter contacts are dropped as noise (s; default 0.06)
 * @param minFlightS            shorter breaks between two contacts of the same foot are closed (s; default 0.15: a
 *                              foot's swing lasts longer than that in running and in walking, so a shorter break is
 *                              noise, or the ground moving in a hip-centred frame such as BlazePose world landmarks)
 * @param maxRelativeSpeed      a contact whose foot moves faster than this fraction of the running speed
 *                              relative to the ground (or the belt) is not a contact (default 0.5)
 * @param eventLegFraction      the height (fraction of leg length) at which the events are placed: when the
 *                              contact is detected at a higher clearance (video), the crossing is carried down to
 *                              this height along the foot's vertical speed at the crossing, by at most two frames
 *                              (default 0.017, the clearance of markers)
 * @param impactMinRateHz       from this frame rate up, initial contact is timed by the heel's impact (its
 *                              deceleration, {@link LandingImpact}) or the toe reaching the ground, whichever is
 *                              first; below it by the clearance crossing alone (default 50 Hz: from about 60 fps up the
 *                              trajectories keep their full 15 Hz smoothing band, in which a landing's deceleration
 *                              is seen; at 30 fps the band is 7.5 Hz and the impact is smoothed away)
 */
public record FootClearanceSettings(double clearanceLegFraction, double minContactS, double minFlightS,
                                    double maxRelativeSpeed, double eventLegFraction, double impactMinRateHz) {
    /** For 3D markers and 3D keypoints. */
    public static final FootClearanceSettings MARKERS = new FootClearanceSettings(0.017, 0.06, 0.15, 0.5, 0.017, 50);
    /** For 2D video keypoints. */
    public static final FootClearanceSettings VIDEO = new FootClearanceSettings(0.035, 0.06, 0.15, 0.5, 0.017, 50);

    public FootClearanceSettings {
        if (!(clearanceLegFraction > 0 && clearanceLegFraction < 0.5)) {
            throw new IllegalArgumentException("clearance must be a small fraction of leg length, got " + clearanceLegFraction);
        }
    }
}
