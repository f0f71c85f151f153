package org.gaitform.signal;

/** Dominant period of a roughly periodic signal from its normalised autocorrelation. */
public final class Periodicity {
    private Periodicity() {
    }

    /**
     * Normalised autocorrelation of {@code x[from..to)} at one lag (−1..1); the mean of the range is removed.
     */
    public static double autocorrelation(double[] x, int from, int to, int lag) {
        int a = Math.max(0, from);
        int b = Math.min(x.length, to);
        int n = b - a;
        if (lag <= 0 || lag >= n) {
            return Double.NaN;
        }
        double mean = 0;
        for (int i = a; i < b; i++) {
            mean += x[i];
        }
        mean /= n;
        double num = 0;
        double den = 0;
        for (int i = a; i < b; i++) {
            double d = x[i] - mean;
            den += d * d;
            if (i + lag < b) {
                num += d * (x[i + lag] - mean);
            }
        }
        return den == 0 ? 0 : num / den;
    }

    /**
     * The lag in {@code [minLag, maxLag]} with the highest autocorrelation over {@code x[from..to)}.
     *
     * @return the best lag (samples) and its autocorrelation, or {@code null} when the range is too short
     */
    public static double[] dominantLag(double[] x, int from, int to, int minLag, int maxLag) {
        int n = Math.min(x.length, to) - Math.max(0, from);
        int hi = Math.min(maxLag, n - 1);
        if (minLag < 1 || hi < minLag) {
            return null;
        }
        // the mean and the denominator do not depend on the lag: computed once, in autocorrelation's order, so that
        // every lag's value is exactly autocorrelation(x, from, to, lag)
        int a = Math.max(0, from);
        int b = Math.min(x.length, to);
        double mean = 0;
        for (int i = a; i < b; i++) {
            mean += x[i];
        }
        mean /= n;
        double den = 0;
        for (int i = a; i < b; i++) {
            double d = x[i] - mean;
            den += d * d;
        }
        int best = -1;
        double bestR = Double.NEGATIVE_INFINITY;
        for (int lag = minLag; lag <= hi; lag++) {
            double num = 0;
            for (int i = a; i + lag < b; i++) {
                num += (x[i] - mean) * (x[i + lag] - mean);
            }
            double r = den == 0 ? 0 : num / den;
            if (r > bestR) {
                bestR = r;
                best = lag;
            }
        }
        return new double[] {best, bestR};
    }
}
