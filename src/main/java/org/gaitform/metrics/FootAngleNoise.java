package org.gaitform.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gaitform.events.FootContact;
import org.gaitform.kinematics.Body;
import org.gaitform.kinematics.BodyFrame;
import org.gaitform.kinematics.KeypointNoise;
import org.gaitform.kinematics.Landmark;
import org.gaitform.kinematics.View;
import org.gaitform.model.Decision;
import org.gaitform.signal.Stats;

/**
 * How much a side video's keypoint jitter moves the foot strike angle: the angle of the heel → toe line at initial
 * contact, a line as short as the foot in the picture. The smoothed jitter of the two points ({@link KeypointNoise})
 * across the line over the foot's median image length at initial contact gives the angle's own noise per frame; the
 * contact's timing, found from the same noisy heel and toe, moves the angle more (the foot turns fast as it lands),
 * and grows with the same ratio. The quality checks make the strike angle and class doubtful above a limit
 * ({@code foot_angle_noise}, docs/quality.md).
 */
public final class FootAngleNoise {
    /** Decision key: the strike angle's noise per frame (deg). */
    public static final String KEY = "foot_angle_noise";

    private FootAngleNoise() {
    }

    /**
     * The decision for a side video whose jitter was measured and whose steps have heel and toe, else empty.
     *
     * @param contacts the contacts of the steps (their initial contacts)
     */
    public static Optional<Decision> of(Body b, List<FootContact> contacts) {
        double pct = b.keypointJitterPctLeg();
        if (b.view() != View.SAGITTAL || !Double.isFinite(pct) || contacts.isEmpty()) {
            return Optional.empty();
        }
        List<Double> lengths = new ArrayList<>();
        for (FootContact c : contacts) {
            Landmark heel = Landmark.of("HEEL", c.side());
            Landmark toe = Landmark.of("TOE", c.side());
            int i = (int) Math.round(c.icIndex());
            if (!b.has(heel) || !b.has(toe) || i < 0 || i >= b.size()) {
                continue;
            }
            double len = Math.hypot(b.fwd(toe)[i] - b.fwd(heel)[i], b.up(toe)[i] - b.up(heel)[i]);
            if (Double.isFinite(len) && len > 0) {
                lengths.add(len);
            }
        }
        if (lengths.isEmpty()) {
            return Optional.empty();
        }
        double foot = Stats.median(lengths.stream().mapToDouble(Double::doubleValue).toArray());
        double gain = KeypointNoise.filterNoiseGain(b.rateHz(), BodyFrame.smoothingCutoffHz(b.rateHz()));
        double jitter = pct / 100 * b.legLength();
        double noiseDeg = Math.toDegrees(Math.sqrt(2) * jitter * Math.sqrt(gain) / foot);
        return Optional.of(new Decision(KEY, String.format(Locale.ROOT, "%.1f°", noiseDeg), String.format(Locale.ROOT,
                "side video: the keypoints' jitter (%.1f %% of the leg's length, smoothed to %.2f of it) across the "
                        + "heel → toe line, %.0f %% of the leg's length at initial contact (median), turns the foot "
                        + "strike angle by %.1f° per frame; the contact's timing, found from the same heel and toe, adds "
                        + "more", pct, Math.sqrt(gain), 100 * foot / b.legLength(), noiseDeg)));
    }
}
