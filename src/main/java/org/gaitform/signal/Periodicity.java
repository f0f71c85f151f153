package org.gaitform.signal;

import java.util.List;

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
        double[] d = new double[b - a]; // each sample's difference from the mean, once (the same values every lag uses)
        for (int i = a; i < b; i++) {
            d[i - a] = x[i] - mean;
            den += d[i - a] * d[i - a];
        }
        int best = -1;
        double bestR = Double.NEGATIVE_INFINITY;
        for (int lag = minLag; lag <= hi; lag++) {
            double num = 0;
            for (int i = 0; i + lag < d.length; i++) {
                num += d[i] * d[i + lag];
            }
            double r = den == 0 ? 0 : num / den;
            if (r > bestR) {
                bestR = r;
                best = lag;
            }
        }
        return new double[] {best, bestR};
    }

    /**
     * Autocorrelation function of several stretches of a signal, pooled: for every lag {@code 0..maxLag} the sum of
     * products of deviations from each stretch's own mean, over the pairs of samples {@code lag} apart inside the
     * same stretch, divided by the pooled sum of squares (the biased estimate, so that 1 is reached only at lag 0
     * and longer lags, which have fewer pairs, weigh less). Samples that are {@code NaN} are left out of every sum.
     *
     * @param x       the signal
     * @param ranges  stretches {from, to} (sample indices, {@code to} exclusive; clamped to the signal)
     * @param maxLag  the longest lag (samples)
     * @return the function at lags {@code 0..maxLag}, {@code NaN} everywhere when the signal is flat or missing
     */
    public static double[] pooledAutocorrelation(double[] x, List<int[]> ranges, int maxLag) {
        return pooledAutocorrelation(x, ranges, maxLag, false);
    }

    /**
     * The same, biased as above or unbiased: with {@code unbiased} each lag's sum is divided by its own number of
     * pairs (and the sum of squares by the number of samples), so that the function is not tapered towards long
     * lags and its peaks lie at the signal's periods even in short stretches.
     */
    public static double[] pooledAutocorrelation(double[] x, List<int[]> ranges, int maxLag, boolean unbiased) {
        return pooledAutocorrelations(x, ranges, maxLag)[unbiased ? 1 : 0];
    }

    /**
     * Both functions above, the biased one first and the unbiased one second, from one pass over the products (they
     * differ only in how each lag's sum is divided).
     */
    public static double[][] pooledAutocorrelations(double[] x, List<int[]> ranges, int maxLag) {
        double[] num = new double[maxLag + 1];
        long[] pairs = new long[maxLag + 1];
        long samples = 0;
        double den = 0;
        for (int[] r : ranges) {
            int a = Math.max(0, r[0]);
            int b = Math.min(x.length, r[1]);
            if (b - a < 2) {
                continue;
            }
            double sum = 0;
            int n = 0;
            for (int i = a; i < b; i++) {
                if (!Double.isNaN(x[i])) {
                    sum += x[i];
                    n++;
                }
            }
            if (n < 2) {
                continue;
            }
            double mean = sum / n;
            double[] d = new double[b - a];
            boolean finite = true;
            for (int i = a; i < b; i++) {
                d[i - a] = Double.isNaN(x[i]) ? Double.NaN : x[i] - mean;
                finite &= Double.isFinite(d[i - a]);
            }
            for (double v : d) {
                if (!Double.isNaN(v)) {
                    den += v * v;
                    samples++;
                }
            }
            int top = Math.min(maxLag, d.length - 1);
            for (int lag = 1; lag <= top; lag++) {
                double acc = 0;
                int count = 0;
                if (finite) { // no product of finite values is NaN: every pair counts (the same sum, without a test)
                    for (int i = 0; i + lag < d.length; i++) {
                        acc += d[i] * d[i + lag];
                    }
                    count = d.length - lag;
                } else {
                    for (int i = 0; i + lag < d.length; i++) {
                        double p = d[i] * d[i + lag];
                        if (!Double.isNaN(p)) {
                            acc += p;
                            count++;
                        }
                    }
                }
                num[lag] += acc;
                pairs[lag] += count;
            }
        }
        double[] biased = new double[maxLag + 1];
        double[] flat = new double[maxLag + 1];
        if (!(den > 0)) {
            java.util.Arrays.fill(biased, Double.NaN);
            java.util.Arrays.fill(flat, Double.NaN);
            return new double[][] {biased, flat};
        }
        biased[0] = 1;
        flat[0] = 1;
        for (int lag = 1; lag <= maxLag; lag++) {
            biased[lag] = num[lag] / den;
            flat[lag] = pairs[lag] == 0 ? Double.NaN : (num[lag] / pairs[lag]) / (den / samples);
        }
        return new double[][] {biased, flat};
    }

    /**
     * Refines a period found at a peak of an autocorrelation function with its multiples: the peak near each
     * multiple {@code k × period} that fits in the function is located to a fraction of a sample (parabola through
     * the peak and its neighbours), and the period is the least-squares slope of those peak lags against {@code k}
     * (a line through the origin). Using the multiples divides the sampling resolution by about their number.
     *
     * @param acf     the autocorrelation function (lag 0 first)
     * @param period  the period (samples, may be fractional), near a peak
     * @return the refined period (samples) and the number of multiples used, or the period unchanged with 1
     */
    public static double[] refinedPeriod(double[] acf, double period) {
        double sxy = 0;
        double sxx = 0;
        int used = 0;
        int half = (int) Math.max(1, Math.round(0.15 * period));
        for (int k = 1; k * period + half < acf.length - 1; k++) {
            int centre = (int) Math.round(k * period);
            int best = -1;
            for (int i = Math.max(1, centre - half); i <= Math.min(acf.length - 2, centre + half); i++) {
                if (!Double.isNaN(acf[i]) && acf[i] >= acf[i - 1] && acf[i] >= acf[i + 1]
                        && (best < 0 || acf[i] > acf[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            double lag = Extrema.parabolicVertex(acf, best);
            sxy += k * lag;
            sxx += (double) k * k;
            used++;
        }
        return used == 0 ? new double[] {period, 1} : new double[] {sxy / sxx, used};
    }
}
