package org.gaitform.signal;

/**
 * Threshold crossings located between samples by linear interpolation. Positions are fractional
 * sample indices.
 */
public final class Crossings {
    private Crossings() {
    }

    /**
     * Searching backwards from {@code start}, the last position before it where {@code x} rises through
     * {@code level} (that is, the first sample at or below the level, interpolated to the level).
     *
     * @return fractional index, or {@code NaN} when the signal stays above the level down to {@code stop}
     */
    public static double lastRiseBefore(double[] x, int start, int stop, double level) {
        int k = Math.min(start, x.length - 1);
        int lo = Math.max(0, stop);
        while (k > lo && x[k] > level) {
            k--;
        }
        if (x[k] > level || k + 1 >= x.length) {
            return Double.NaN;
        }
        return k + fraction(x[k], x[k + 1], level);
    }

    /**
     * Searching forwards from {@code start}, the first position where {@code x} falls through {@code level}.
     *
     * @return fractional index, or {@code NaN} when the signal stays above the level up to {@code stop}
     */
    public static double firstFallAfter(double[] x, int start, int stop, double level) {
        int hi = Math.min(stop, x.length - 1);
        int k = Math.max(start, 1);
        while (k < hi && x[k] > level) {
            k++;
        }
        if (x[k] > level) {
            return Double.NaN;
        }
        return (k - 1) + fraction(x[k - 1], x[k], level);
    }

    /**
     * Searching forwards from {@code start}, the first position where {@code x} rises through {@code level}
     * (the first sample at or above it, interpolated to the level).
     *
     * @return fractional index, or {@code NaN} when the signal stays below the level up to {@code stop}, or is
     *         already at or above it at {@code start}
     */
    public static double firstRiseAfter(double[] x, int start, int stop, double level) {
        int hi = Math.min(stop, x.length - 1);
        int k = Math.max(start, 0);
        if (k > hi || x[k] >= level) {
            return Double.NaN;
        }
        while (k < hi && x[k] < level) {
            k++;
        }
        if (x[k] < level) {
            return Double.NaN;
        }
        return (k - 1) + fraction(x[k - 1], x[k], level);
    }

    /**
     * Searching backwards from {@code start}, the last position before it where {@code x} falls through
     * {@code level} (the last sample at or above it, interpolated to the level).
     *
     * @return fractional index, or {@code NaN} when the signal stays below the level down to {@code stop}, or is
     *         at or above it at {@code start}
     */
    public static double lastFallBefore(double[] x, int start, int stop, double level) {
        int k = Math.min(start, x.length - 1);
        int lo = Math.max(0, stop);
        if (k < lo || x[k] >= level) {
            return Double.NaN;
        }
        while (k > lo && x[k] < level) {
            k--;
        }
        if (x[k] < level) {
            return Double.NaN;
        }
        return k + fraction(x[k], x[k + 1], level);
    }

    /** Fraction in [0, 1] of the way from a to b where the line reaches {@code level}. */
    static double fraction(double a, double b, double level) {
        double d = b - a;
        if (d == 0) {
            return 0;
        }
        double f = (level - a) / d;
        return Math.max(0, Math.min(1, f));
    }

    /** Value of {@code x} at a fractional index, linearly interpolated and clamped to the ends. */
    public static double valueAt(double[] x, double index) {
        if (index <= 0) {
            return x[0];
        }
        if (index >= x.length - 1) {
            return x[x.length - 1];
        }
        int i = (int) Math.floor(index);
        double f = index - i;
        return x[i] * (1 - f) + x[i + 1] * f;
    }
}
