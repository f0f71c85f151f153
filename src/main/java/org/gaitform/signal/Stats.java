package org.gaitform.signal;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/** Summary statistics that skip {@code NaN} values. An empty selection gives {@code NaN}. */
public final class Stats {
    private Stats() {
    }

    private static DescriptiveStatistics of(double[] x) {
        DescriptiveStatistics d = new DescriptiveStatistics();
        for (double v : x) {
            if (!Double.isNaN(v)) {
                d.addValue(v);
            }
        }
        return d;
    }

    /** Number of values that are not {@code NaN}. */
    public static int count(double[] x) {
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    public static double mean(double[] x) {
        DescriptiveStatistics d = of(x);
        return d.getN() == 0 ? Double.NaN : d.getMean();
    }

    public static double median(double[] x) {
        return percentile(x, 50);
    }

    /** Sample standard deviation (n − 1); {@code NaN} for fewer than two values. */
    public static double sd(double[] x) {
        DescriptiveStatistics d = of(x);
        return d.getN() < 2 ? Double.NaN : d.getStandardDeviation();
    }

    /** Percentile {@code p} in 0..100 (linear interpolation between order statistics). */
    public static double percentile(double[] x, double p) {
        double[] v = Arrays.stream(x).filter(a -> !Double.isNaN(a)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        if (v.length == 1) {
            return v[0];
        }
        double pos = p / 100.0 * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        double f = pos - lo;
        return v[lo] * (1 - f) + v[hi] * f;
    }

    public static double min(double[] x) {
        DescriptiveStatistics d = of(x);
        return d.getN() == 0 ? Double.NaN : d.getMin();
    }

    public static double max(double[] x) {
        DescriptiveStatistics d = of(x);
        return d.getN() == 0 ? Double.NaN : d.getMax();
    }

    /** Mean of {@code x[from..to)} (indices clamped to the array). */
    public static double mean(double[] x, int from, int to) {
        int a = Math.max(0, from);
        int b = Math.min(x.length, to);
        if (b <= a) {
            return Double.NaN;
        }
        double s = 0;
        int n = 0;
        for (int i = a; i < b; i++) {
            if (!Double.isNaN(x[i])) {
                s += x[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Standard deviation of {@code x[from..to)}. */
    public static double sd(double[] x, int from, int to) {
        int a = Math.max(0, from);
        int b = Math.min(x.length, to);
        return sd(Arrays.copyOfRange(x, a, Math.max(a, b)));
    }
}
