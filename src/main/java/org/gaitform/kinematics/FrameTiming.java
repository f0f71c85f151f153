package org.gaitform.kinematics;

import java.util.Map;

/**
 * Whether a video's keypoint frames follow at one rate: frames lost without a trace (a decoder or a re-encoding that
 * dropped them, a phone's variable frame rate read as constant) shorten the time axis, and every time, cadence and
 * contact time scales with it. A keypoint table carries no timestamps, so the loss is found from the motion: across a
 * lost frame every moving point travels about twice as far as its neighbouring frames predict.
 *
 * <p>Per interval {@code i} (frame {@code i−1} to {@code i}), with {@code d(i)} each point's displacement and
 * {@code v(i) = (d(i−1) + d(i+1)) / 2} the displacement its neighbours predict, the step in frame periods is the
 * least-squares λ of {@code d(i) ≈ λ·v(i)} over all points seen in the four frames: about 1 for an interval of one
 * period, about 2 across one lost frame (the two intervals around it read about 2/3), about 0 for a repeated frame.
 * An interval is skipped when λ is at least {@link #SKIPPED_STEP} and the intervals on both sides read more than
 * {@link #NEIGHBOUR_STEP} (a repeated frame followed by a double step keeps the time right and is not counted).
 * Intervals in which the points move less than {@link #MOTION_JITTERS} times the keypoints' own jitter per frame
 * (root mean square over the points) are not judged: the jitter would decide them.
 */
public final class FrameTiming {
    /** Decision key: the intervals across which frames look lost, of those judged. */
    public static final String KEY = "frames_skipped";
    /** λ from which an interval spans a lost frame. */
    static final double SKIPPED_STEP = 1.6;
    /** λ the intervals beside a lost frame exceed (they read about 2/3; a repeated frame reads about 0). */
    static final double NEIGHBOUR_STEP = 0.4;
    /** Root-mean-square predicted displacement, in the keypoints' jitters, below which an interval is not judged. */
    static final double MOTION_JITTERS = 5;

    private FrameTiming() {
    }

    /**
     * Result.
     *
     * @param judged  intervals judged
     * @param skipped intervals across which a frame looks lost
     */
    public record Result(int judged, int skipped) {
        /** Lost frames as a share of the intervals judged (0 when none was judged). */
        public double skippedShare() {
            return judged == 0 ? 0 : (double) skipped / judged;
        }
    }

    /**
     * The frames' timing from the raw 2D keypoints (landmark → {x[], y[]}, NaN where missing), before any smoothing.
     *
     * @param jitter the keypoints' own noise per coordinate (input units, {@link KeypointNoise}); 0 when unknown
     */
    public static Result measure(Map<Landmark, double[][]> raw, double jitter) {
        double minMotion = MOTION_JITTERS * (Double.isFinite(jitter) ? jitter : 0);
        int n = raw.values().stream().mapToInt(t -> t[0].length).max().orElse(0);
        double[] lambda = new double[n];
        java.util.Arrays.fill(lambda, Double.NaN);
        for (int i = 2; i + 1 < n; i++) {
            double num = 0;
            double den = 0;
            int points = 0;
            for (double[][] t : raw.values()) {
                double[] x = t[0];
                double[] y = t[1];
                if (!(Double.isFinite(x[i - 2]) && Double.isFinite(x[i - 1]) && Double.isFinite(x[i])
                        && Double.isFinite(x[i + 1]) && Double.isFinite(y[i - 2]) && Double.isFinite(y[i - 1])
                        && Double.isFinite(y[i]) && Double.isFinite(y[i + 1]))) {
                    continue;
                }
                double dx = x[i] - x[i - 1];
                double dy = y[i] - y[i - 1];
                double vx = (x[i - 1] - x[i - 2] + x[i + 1] - x[i]) / 2;
                double vy = (y[i - 1] - y[i - 2] + y[i + 1] - y[i]) / 2;
                num += dx * vx + dy * vy;
                den += vx * vx + vy * vy;
                points++;
            }
            if (points > 0 && den > 0 && den / points >= minMotion * minMotion) {
                lambda[i] = num / den;
            }
        }
        int judged = 0;
        int skipped = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(lambda[i])) {
                continue;
            }
            judged++;
            if (lambda[i] >= SKIPPED_STEP && i > 0 && i + 1 < n && lambda[i - 1] > NEIGHBOUR_STEP
                    && lambda[i + 1] > NEIGHBOUR_STEP) {
                skipped++;
            }
        }
        return new Result(judged, skipped);
    }
}
