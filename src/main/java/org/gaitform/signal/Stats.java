package org.gaitform.signal;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

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

    /** The values that are not {@code NaN}, in order. */
    private static double[] numbers(double[] x) {
        double[] v = new double[x.length];
        int n = 0;
        for (double a : x) {
            if (!Double.isNaN(a)) {
                v[n++] = a;
            }
        }
        return n == v.length ? v : Arrays.copyOf(v, n);
    }

    public static double mean(double[] x) {
        double[] v = numbers(x);
        return v.length == 0 ? Double.NaN : new Mean().evaluate(v);
    }

    public static double median(double[] x) {
        return percentile(x, 50);
    }

    /** Sample standard deviation (n − 1); {@code NaN} for fewer than two values. */
    public static double sd(double[] x) {
        double[] v = numbers(x);
        return v.length < 2 ? Double.NaN : Math.sqrt(new Variance().evaluate(v));
    }

    /**
     * Percentile {@code p} in 0..100 (linear interpolation between order statistics). The two order statistics
     * are found by selection, not by sorting (linear time: these run over whole recordings).
     */
    public static double percentile(double[] x, double p) {
        double[] v = new double[x.length];
        int n = 0;
        for (double a : x) {
            if (!Double.isNaN(a)) {
                v[n++] = a == 0 ? 0.0 : a; // one zero: -0.0 and 0.0 are the same value here
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        if (n == 1) {
            return v[0];
        }
        double pos = p / 100.0 * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(n - 1, lo + 1);
        double f = pos - lo;
        select(v, n, lo);
        double vLo = v[lo];
        double vHi = vLo;
        if (hi > lo) {
            vHi = v[hi];
            for (int i = hi + 1; i < n; i++) {
                vHi = Math.min(vHi, v[i]);
            }
        }
        return vLo * (1 - f) + vHi * f;
    }

    /**
     * Rearranges {@code v[0..n)} so that {@code v[k]} is its k-th smallest value, with no larger value before it
     * and no smaller one after it (quickselect, three-way partitions around a median of three; a sort of the
     * remaining part when the partitions stop shrinking).
     */
    static void select(double[] v, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        int rounds = 0;
        int maxRounds = 2 * (32 - Integer.numberOfLeadingZeros(n)) + 8;
        while (hi > lo) {
            if (hi - lo < 32 || ++rounds > maxRounds) {
                Arrays.sort(v, lo, hi + 1);
                return;
            }
            double a = v[lo];
            double b = v[(lo + hi) >>> 1];
            double c = v[hi];
            double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                double x = v[i];
                if (x < pivot) {
                    v[i++] = v[lt];
                    v[lt++] = x;
                } else if (x > pivot) {
                    v[i] = v[gt];
                    v[gt--] = x;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return;
            }
        }
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
