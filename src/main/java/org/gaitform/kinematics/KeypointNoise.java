package org.gaitform.kinematics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gaitform.signal.Stats;

/**
 * The frame-to-frame noise (jitter) of video keypoints, measured on the recording itself, and what it leaves in the
 * smoothed tracks.
 *
 * <p>A keypoint's jitter is what a local cubic fit does not follow: each coordinate is compared with the centre of a
 * 5-frame Savitzky–Golay cubic fit through its neighbours (Savitzky &amp; Golay 1964, Anal Chem 36:1627–1639; weights
 * −3, 12, 17, 12, −3 over 35). For white noise of standard deviation σ the difference has a standard deviation of
 * σ·√(18/35); a body's own motion passes the fit almost unchanged (at 30 fps the pelvis's 2.8 Hz bounce keeps 99 %),
 * so the difference is the noise. The robust spread (1.4826 × the median absolute difference) keeps a few exchanged
 * or misplaced frames out. The trunk's points (hips, shoulders, neck) are used: they move slowly, while the feet's
 * impacts would pass for noise.
 *
 * <p>After the tracks are smoothed ({@link BodyFrame#smoothingCutoffHz}) what is left of white noise is
 * σ·√{@link #filterNoiseGain}; an angle between two points a distance {@code L} apart then varies by about
 * √2·σ·√gain / L radians (for the hip line, the noise of the right-minus-left difference is measured directly, so that
 * noise both hips share, as when the whole person is placed a little differently, does not count). These are this
 * project's choices.
 */
public final class KeypointNoise {
    /** Savitzky–Golay 5-point cubic (= quadratic) smoothing weights, over 35. */
    private static final double[] SG5 = {-3 / 35.0, 12 / 35.0, 17 / 35.0, 12 / 35.0, -3 / 35.0};
    /** Standard deviation of the residual of {@link #SG5} for unit white noise: √(18/35). */
    static final double RESIDUAL_FACTOR = Math.sqrt(18.0 / 35.0);
    /** Fewest residuals from which a jitter is given. */
    static final int MIN_RESIDUALS = 20;
    /**
     * Most windows used per coordinate series (evenly spaced over a longer recording): 10 000 residuals give the
     * jitter to about 1 %, and a 30-minute video at 60 fps would otherwise give 108 000 per coordinate.
     */
    static final int MAX_WINDOWS = 10_000;

    private KeypointNoise() {
    }

    /**
     * Jitter (standard deviation per coordinate, the tracks' unit) of one or more coordinate series of the same
     * point, NaN with fewer than {@link #MIN_RESIDUALS} complete 5-frame windows.
     */
    public static double jitter(double[]... coordinates) {
        int size = 0;
        for (double[] x : coordinates) {
            size += Math.min(MAX_WINDOWS, Math.max(0, x.length - 4));
        }
        double[] abs = new double[size];
        int k = 0;
        for (double[] x : coordinates) {
            // a long recording is sampled evenly: its noise is known well long before every window is used
            int stride = Math.max(1, (x.length - 4 + MAX_WINDOWS - 1) / MAX_WINDOWS);
            for (int i = 2; i + 2 < x.length && k < abs.length; i += stride) {
                double fit = 0;
                boolean ok = true;
                for (int j = -2; j <= 2 && ok; j++) {
                    double v = x[i + j];
                    ok = Double.isFinite(v);
                    fit += SG5[j + 2] * v;
                }
                if (ok) {
                    abs[k++] = Math.abs(x[i] - fit);
                }
            }
        }
        if (k < MIN_RESIDUALS) {
            return Double.NaN;
        }
        return 1.4826 * Stats.median(Arrays.copyOf(abs, k)) / RESIDUAL_FACTOR;
    }

    /**
     * The share of white noise's variance that the smoothing of the tracks lets through: the sum of the squared
     * impulse response of the zero-phase Butterworth low-pass ({@link BodyFrame#smooth}), or of several applied one
     * after the other; 1 when nothing is smoothed.
     */
    public static double filterNoiseGain(double rateHz, double... cutoffsHz) {
        double lowest = Double.POSITIVE_INFINITY;
        for (double c : cutoffsHz) {
            lowest = Math.min(lowest, c);
        }
        if (!(lowest < rateHz / 2 * 0.99)) {
            return 1;
        }
        int n = (int) Math.max(201, Math.ceil(40 * rateHz / lowest)) | 1;
        double[] h = new double[n];
        h[n / 2] = 1;
        for (double c : cutoffsHz) {
            // one low-pass after the other, as the tracks are smoothed and an angle from them is smoothed again
            h = BodyFrame.smooth(h, rateHz, c);
        }
        double g = 0;
        for (double v : h) {
            g += v * v;
        }
        return g;
    }

    /**
     * How much of the smoothed noise of one frame is left in the mean of {@code frames} consecutive frames (a standard
     * deviation ratio, at most 1): the smoothing makes neighbouring frames' noise alike, so a mean over a few of them
     * removes less than 1/√frames.
     */
    public static double windowMeanFactor(double rateHz, double cutoffHz, int frames) {
        if (frames <= 1) {
            return 1;
        }
        if (cutoffHz >= rateHz / 2 * 0.99) {
            return 1 / Math.sqrt(frames);
        }
        int n = (int) Math.max(201, Math.ceil(40 * rateHz / cutoffHz) + frames) | 1;
        double[] box = new double[n];
        for (int i = 0; i < frames; i++) {
            box[n / 2 - frames / 2 + i] = 1.0 / frames;
        }
        double[] h = BodyFrame.smooth(box, rateHz, cutoffHz);
        double v = 0;
        for (double x : h) {
            v += x * x;
        }
        return Math.min(1, Math.sqrt(v / filterNoiseGain(rateHz, cutoffHz)));
    }

    /**
     * What the session's keypoints carry.
     *
     * @param pointPx          jitter of one keypoint coordinate (the median over the trunk's points), raw units
     * @param hipDifferencePx  jitter of the right-minus-left hip vector's coordinates, raw units (NaN without both hips)
     * @param filterGain       {@link #filterNoiseGain} of the tracks' smoothing
     */
    public record Estimate(double pointPx, double hipDifferencePx, double filterGain) {
        /** Standard deviation left by the smoothing in one coordinate of one point. */
        public double smoothedPointPx() {
            return pointPx * Math.sqrt(filterGain);
        }

        /** … in one coordinate of the right-minus-left hip vector. */
        public double smoothedHipDifferencePx() {
            return hipDifferencePx * Math.sqrt(filterGain);
        }
    }

    /**
     * Measures the jitter of raw (unsmoothed) 2D keypoint tracks ({x, y} per landmark).
     *
     * @return the estimate, or null when no trunk point has enough complete windows
     */
    public static Estimate measure(java.util.Map<Landmark, double[][]> raw, double rateHz, double cutoffHz) {
        List<Double> per = new ArrayList<>();
        for (Landmark l : new Landmark[] {Landmark.HIP_LEFT, Landmark.HIP_RIGHT, Landmark.SHOULDER_LEFT,
            Landmark.SHOULDER_RIGHT, Landmark.NECK}) {
            double[][] t = raw.get(l);
            if (t != null) {
                double j = jitter(t[0], t[1]);
                if (Double.isFinite(j)) {
                    per.add(j);
                }
            }
        }
        if (per.isEmpty()) {
            return null;
        }
        double point = Stats.median(per.stream().mapToDouble(Double::doubleValue).toArray());
        double diff = Double.NaN;
        double[][] l = raw.get(Landmark.HIP_LEFT);
        double[][] r = raw.get(Landmark.HIP_RIGHT);
        if (l != null && r != null) {
            double[][] d = new double[2][l[0].length];
            for (int k = 0; k < 2; k++) {
                for (int i = 0; i < d[k].length; i++) {
                    d[k][i] = r[k][i] - l[k][i];
                }
            }
            diff = jitter(d[0], d[1]);
        }
        return new Estimate(point, diff, filterNoiseGain(rateHz, cutoffHz));
    }

    /**
     * Per frame, the standard deviation (deg) that the smoothed keypoints' noise leaves in the angle of the line
     * between two points {@code a} and {@code b} ({x, y} tracks, smoothed, raw units), whose difference carries the
     * noise {@code differencePx} per coordinate: the noise across the line over its length.
     */
    public static double[] lineAngleNoiseDeg(double[][] a, double[][] b, double differencePx) {
        int n = a[0].length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double len = Math.hypot(b[0][i] - a[0][i], b[1][i] - a[1][i]);
            out[i] = len > 0 ? Math.toDegrees(differencePx / len) : Double.NaN;
        }
        return out;
    }

    /**
     * Per frame, the standard deviation (deg) that the smoothed keypoints' noise ({@code pointPx} per coordinate and
     * point, independent) leaves in the angle between the thigh (hip → knee) and the shank (knee → ankle): the knee's
     * noise moves both.
     */
    public static double[] kneeAngleNoiseDeg(double[][] hip, double[][] knee, double[][] ankle, double pointPx) {
        int n = hip[0].length;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < n; i++) {
            double l1 = Math.hypot(knee[0][i] - hip[0][i], knee[1][i] - hip[1][i]);
            double l2 = Math.hypot(ankle[0][i] - knee[0][i], ankle[1][i] - knee[1][i]);
            if (l1 > 0 && l2 > 0) {
                double v = 1 / (l1 * l1) + Math.pow(1 / l1 + 1 / l2, 2) + 1 / (l2 * l2);
                out[i] = Math.toDegrees(pointPx * Math.sqrt(v));
            }
        }
        return out;
    }
}
