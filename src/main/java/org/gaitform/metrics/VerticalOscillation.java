package org.gaitform.metrics;

/**
 * Vertical oscillation of the trunk per running step: the peak-to-peak vertical excursion from one initial contact
 * to the next, by double integration of the vertical acceleration with drift removed step by step. Over a whole
 * step of steady running the trunk neither gains vertical speed nor height, so within each step the mean
 * acceleration is removed before the first integration, the mean velocity before the second, and the residual
 * linear trend of the height afterwards (this project's implementation of the usual per-step drift removal, as in
 * Lee et al. 2010 and the Garmin definition of vertical oscillation). Typical values are 6.7–10 cm.
 */
public final class VerticalOscillation {
    /** The method in words, for the report. */
    public static final String METHOD = "vertical oscillation: peak-to-peak height of the trunk over each running step "
            + "(initial contact to the next), by double integration of the vertical acceleration with the step's mean "
            + "acceleration, mean velocity and height trend removed (per-step drift removal).";
    private static final double G = 9.80665;

    private VerticalOscillation() {
    }

    /**
     * Vertical oscillation of one step (cm).
     *
     * @param verticalG vertical acceleration, up positive, gravity included (g)
     * @param from      index of the step's initial contact
     * @param to        index of the next initial contact
     * @param fs        sampling rate (Hz)
     * @return the excursion, or {@code NaN} when the step is too short or outside the signal
     */
    public static double stepCm(double[] verticalG, int from, int to, double fs) {
        if (from < 0 || to > verticalG.length - 1 || to - from < 4) {
            return Double.NaN;
        }
        int n = to - from + 1;
        double[] a = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            a[i] = (verticalG[from + i] - 1) * G;
            mean += a[i];
        }
        mean /= n;
        double dt = 1 / fs;
        double[] v = new double[n];
        for (int i = 1; i < n; i++) {
            v[i] = v[i - 1] + 0.5 * (a[i - 1] + a[i] - 2 * mean) * dt;
        }
        double vMean = 0;
        for (double x : v) {
            vMean += x;
        }
        vMean /= n;
        double[] h = new double[n];
        for (int i = 1; i < n; i++) {
            h[i] = h[i - 1] + 0.5 * (v[i - 1] + v[i] - 2 * vMean) * dt;
        }
        double slope = h[n - 1] / (n - 1);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double y = h[i] - slope * i;
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        return (hi - lo) * 100;
    }
}
