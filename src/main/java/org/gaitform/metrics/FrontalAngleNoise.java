package org.gaitform.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.events.FootContact;
import org.gaitform.kinematics.Body;
import org.gaitform.kinematics.BodyFrame;
import org.gaitform.kinematics.KeypointNoise;
import org.gaitform.kinematics.Landmark;
import org.gaitform.model.Decision;
import org.gaitform.model.Step;

/**
 * Leaves out the frontal-view angles of the steps in which the video keypoints' own noise would decide them: the
 * runner is small in the picture (far from the camera), so one pixel of jitter turns the hip line or the knee by
 * degrees. Per step, the noise the smoothed keypoints leave in the value ({@link Body#angleNoiseDeg}, from the jitter
 * measured on the recording, {@link KeypointNoise}) is compared with a limit: pelvic drop (the largest drop of the
 * hip line over the stance) with the mean noise of the hip line's angle over the stance, the knee's frontal-plane
 * projection angle (a mean over the middle third of the stance) with the noise of that mean. Above the limit the
 * value is not given for that step; the session's values come from the other steps.
 *
 * <p>The limits are this project's choices: two thirds of the uncertainty that {@code measurement-uncertainty.csv}
 * gives video for the two angles (±3° pelvic drop, ±6° knee FPPA), so that a kept step's noise alone stays within the
 * stated uncertainty at 1.5 standard deviations. The largest drop over a stance also picks up the noise's own peaks,
 * so the hip line is low-passed again at {@link #OBLIQUITY_CUTOFF_HZ} first. Measured (docs/pose-input.md): on
 * Fukuchi's markers filmed by a virtual camera with 1 px of jitter the kept steps' pelvic drop differs from the 3D
 * value by 0.2–2.7° on average per step (it was 2.4–4.2° over every step); on 24 simulated runners run after the limits
 * were fixed, by at most 3.2° on any kept step.
 */
public final class FrontalAngleNoise {
    /** Largest per-step noise of the pelvic drop (deg) at which it is given. */
    public static final double MAX_PELVIC_DROP_NOISE_DEG = 2.0;
    /**
     * A video's hip line is low-passed again below this (Hz) before its largest drop is taken: the largest value of
     * a noisy series picks up the noise's peaks, the more the more independent frames a stance holds (twice as many at
     * 60 fps, whose tracks keep up to 15 Hz), while the drop itself rises and falls once per stance (a stride's
     * rhythm, 1.3–1.5 Hz, and its harmonics).
     */
    public static final double OBLIQUITY_CUTOFF_HZ = 5.0;
    /** Largest per-step noise of the knee's frontal-plane projection angle (deg) at which it is given. */
    public static final double MAX_FPPA_NOISE_DEG = 4.0;

    /**
     * Result.
     *
     * @param steps     the steps, without the values left out
     * @param decisions what was decided (one per value with any step measured or left out)
     */
    public record Result(List<Step> steps, List<Decision> decisions) {
    }

    private FrontalAngleNoise() {
    }

    /** Applies the limits to the steps of a body whose angles carry a known noise; unchanged otherwise. */
    public static Result apply(Body b, List<FootContact> contacts, List<Step> steps) {
        if (b.angleNoiseDeg().isEmpty()) {
            return new Result(steps, List.of());
        }
        double cutoff = BodyFrame.smoothingCutoffHz(b.rateHz());
        double[] obliquity = b.angleNoiseDeg().get(Body.PELVIC_OBLIQUITY);
        if (obliquity != null) {
            // the hip line's angle is low-passed again (PoseMetrics): its noise with it
            double k = Math.sqrt(KeypointNoise.filterNoiseGain(b.rateHz(), cutoff, OBLIQUITY_CUTOFF_HZ)
                    / KeypointNoise.filterNoiseGain(b.rateHz(), cutoff));
            obliquity = obliquity.clone();
            for (int i = 0; i < obliquity.length; i++) {
                obliquity[i] *= k;
            }
        }
        Landmark pelvis = PoseMetrics.pelvis(b);
        List<Step> out = new ArrayList<>(steps.size());
        // a window's noise factor depends only on its length in frames: a few lengths serve every step
        Map<Integer, Double> meanFactors = new java.util.HashMap<>();
        List<Double> keptDrop = new ArrayList<>();
        List<Double> leftDrop = new ArrayList<>();
        List<Double> keptFppa = new ArrayList<>();
        List<Double> leftFppa = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            FootContact c = contacts.get(k);
            int ic = (int) Math.round(c.icIndex());
            int to = (int) Math.round(c.toIndex());
            double drop = obliquity == null ? Double.NaN : meanOver(obliquity, ic, to);
            double fppa = Double.NaN;
            double[] knee = b.angleNoiseDeg().get(Body.kneeFppa(c.side()));
            if (knee != null) {
                // the window PoseMetrics averages the knee angle over: the middle third of the stance
                int[] w = PoseMetrics.fppaWindow(ic, to, PoseMetrics.midStance(b, pelvis, ic, to));
                fppa = meanOver(knee, w[0], w[1]) * meanFactors.computeIfAbsent(w[1] - w[0] + 1,
                        frames -> KeypointNoise.windowMeanFactor(b.rateHz(), cutoff, frames));
            }
            Map<String, Double> x = new LinkedHashMap<>(s.extras());
            limit(x, "pelvic_drop_deg", drop, MAX_PELVIC_DROP_NOISE_DEG, keptDrop, leftDrop);
            limit(x, "knee_fppa_deg", fppa, MAX_FPPA_NOISE_DEG, keptFppa, leftFppa);
            out.add(x.size() == s.extras().size() ? s
                    : new Step(s.number(), s.side(), s.activity(), s.icS(), s.toS(), s.nextIcS(), s.icMethod(), x));
        }
        List<Decision> decisions = new ArrayList<>();
        decision("pelvic_drop_steps", "pelvic drop", keptDrop, leftDrop, MAX_PELVIC_DROP_NOISE_DEG, decisions);
        decision("knee_fppa_steps", "knee frontal-plane projection angle", keptFppa, leftFppa, MAX_FPPA_NOISE_DEG,
                decisions);
        return new Result(out, decisions);
    }

    /** Leaves {@code key} out of a step's values when its noise is above {@code max}; counts it either way. */
    private static void limit(Map<String, Double> x, String key, double noise, double max, List<Double> kept,
                              List<Double> left) {
        if (!x.containsKey(key) || !Double.isFinite(noise)) {
            return;
        }
        if (noise > max) {
            x.remove(key);
            left.add(noise);
        } else {
            kept.add(noise);
        }
    }

    private static void decision(String key, String what, List<Double> kept, List<Double> left, double limit,
                                 List<Decision> out) {
        int n = kept.size() + left.size();
        if (n == 0) {
            return;
        }
        StringBuilder r = new StringBuilder(kept.isEmpty()
                ? String.format(Locale.ROOT, "the video keypoints' noise would decide the %s of every step (limit %.1f°)",
                        what, limit)
                : String.format(Locale.ROOT, "the video keypoints' noise leaves %s° in the %s of %d step(s) (limit "
                        + "%.1f°)", range(kept), what, kept.size(), limit));
        if (!left.isEmpty()) {
            r.append(String.format(Locale.ROOT, "; %d step(s) with %s° are left out: the runner is too small in the "
                    + "picture there for the keypoints' jitter (film closer, or at a higher resolution)", left.size(),
                    range(left)));
        }
        out.add(new Decision(key, kept.size() + " of " + n, r.toString()));
    }

    private static String range(List<Double> v) {
        double lo = v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double hi = v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, lo == hi || Math.abs(hi - lo) < 0.05 ? "%.1f" : "%.1f–%.1f", lo, hi);
    }

    private static double meanOver(double[] t, int from, int to) {
        double sum = 0;
        int k = 0;
        for (int i = Math.max(0, from); i <= Math.min(t.length - 1, to); i++) {
            if (Double.isFinite(t[i])) {
                sum += t[i];
                k++;
            }
        }
        return k == 0 ? Double.NaN : sum / k;
    }
}
