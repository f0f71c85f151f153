package org.gaitform.events;

/**
 * Initial contact in a frontal view of a runner moving towards or away from the camera, as the moment the foot comes
 * to rest in the image. A foot point's height in such a view is seen through the perspective: its travel towards or
 * away from the camera moves it up or down the image as much as its descent does, and the floor under it is only
 * known where it stands, so a height threshold fires early or late by tens of milliseconds depending on the camera's
 * side and distance. A planted foot, however, stands still in the image whatever its distance, while a landing foot
 * still travels over the ground until it touches.
 *
 * <p>This is the foot velocity principle (O'Connor CM, Thorpe SK, O'Malley MJ, Vaughan CL. Automatic detection of gait
 * events using kinematic data. Gait Posture 2007;25(3):469–474: initial contact where the foot's velocity falls)
 * applied to the foot's speed in the image, which the perspective does not change in kind. Contact begins at the
 * first frame from the clearance crossing on at which the first of the foot's points (heel, toe) stays slower than
 * {@link #STILL_LEGS_PER_S} for {@link #REST_S}, interpolated between frames; the search runs until
 * {@link #AFTER_S} after the crossing, because a real heel glides in low before it lands and crosses the clearance
 * early (15–160 ms on Fukuchi's markers filmed from the front, FrontalViewAccuracyTest). The foot's own rest is taken
 * rather than the middle of its deceleration: real feet slow down over the last 50–100 ms before they touch (their
 * image speed falls gradually, then stops), so the middle of the fall came 50–60 ms before the markers' contact
 * within 5 m of a camera behind the runner. These windows are this project's choices (docs/tuning-split.csv).
 */
final class FrontalStop {
    /** A foot point slower than this many leg lengths per second (at the median image scale) stands still. */
    static final double STILL_LEGS_PER_S = 0.4;
    /** The rest is looked for until this long after the clearance crossing (s). */
    static final double AFTER_S = 0.2;
    /** The foot stays still for at least this long (s, at least one frame) from where it comes to rest. */
    static final double REST_S = 0.03;

    /** Contacts whose clearance crossing lies within twice this time (s) of the recording's start must be seen landing. */
    static final double SEEN_S = 0.1;

    private FrontalStop() {
    }

    /**
     * Whether a contact that begins within 2 × {@link #SEEN_S} of the recording's start was seen landing: the foot still
     * moves (faster than {@code still}) at or after its clearance crossing before it comes to rest at {@code stop}. A
     * foot already at rest at the crossing there landed before the first frames, or its descent and its travel away
     * from a camera behind cancel in the image and its floor is only extrapolated: its contact cannot be timed (it came
     * 80–100 ms early on the simulated rear views, and moved the cadence of an 8 s clip by 2–4 steps/min). A contact
     * later in the recording always counts.
     */
    static boolean landingSeen(double[] speed, double crossing, double stop, double fs, double still) {
        if (crossing > 2 * SEEN_S * fs) {
            return true;
        }
        if (!Double.isFinite(stop)) {
            return false;
        }
        for (int i = Math.max(0, (int) Math.ceil(crossing)); i <= Math.min(speed.length - 1, (int) Math.floor(stop)); i++) {
            if (speed[i] >= still) {
                return true;
            }
        }
        return false;
    }

    /**
     * The fractional frame at which the foot comes to rest, or NaN when it does not in the window.
     *
     * @param speed    the foot's image speed per frame (the slowest of its points, units/s)
     * @param crossing the clearance crossing (fractional frame)
     * @param latest   the latest frame the rest may begin at (the contact must last)
     * @param fs       frame rate
     * @param still    the speed under which the foot stands still (units/s)
     */
    static double onset(double[] speed, double crossing, double latest, double fs, double still) {
        int n = speed.length;
        int from = Math.max(1, (int) Math.floor(crossing));
        int until = (int) Math.min(Math.min(n - 1, Math.floor(latest)), Math.ceil(crossing + AFTER_S * fs));
        int rest = Math.max(1, (int) Math.round(REST_S * fs));
        for (int i = from; i <= until; i++) {
            boolean ok = true;
            for (int k = i; k < Math.min(n, i + rest) && ok; k++) {
                ok = speed[k] < still;
            }
            if (ok) {
                // between the last moving frame and the first still one
                return speed[i - 1] >= still && Double.isFinite(speed[i - 1])
                        ? Math.max(crossing, i - 1 + (speed[i - 1] - still) / (speed[i - 1] - speed[i])) : i;
            }
        }
        return Double.NaN;
    }
}
