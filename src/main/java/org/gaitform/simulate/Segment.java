package org.gaitform.simulate;

import java.util.Objects;
import org.gaitform.model.Activity;

/**
 * One part of a simulated session.
 *
 * @param activity  standing, walking or running
 * @param durationS how long (s)
 * @param speedMps  running or walking speed (m/s); ignored when standing
 * @param slopePct  treadmill or road gradient (%), positive uphill
 */
public record Segment(Activity activity, double durationS, double speedMps, double slopePct) {
    public Segment {
        Objects.requireNonNull(activity, "activity");
        if (!(durationS > 0)) {
            throw new IllegalArgumentException("segment duration must be positive");
        }
    }

    public static Segment stand(double s) {
        return new Segment(Activity.STANDING, s, 0, 0);
    }

    public static Segment walk(double s, double speedMps) {
        return new Segment(Activity.WALKING, s, speedMps, 0);
    }

    public static Segment run(double s, double speedMps) {
        return new Segment(Activity.RUNNING, s, speedMps, 0);
    }

    public static Segment run(double s, double speedMps, double slopePct) {
        return new Segment(Activity.RUNNING, s, speedMps, slopePct);
    }
}
