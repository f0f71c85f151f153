package org.gaitform.signal;

/** Positions of extreme values inside index ranges. */
public final class Extrema {
    private Extrema() {
    }

    /** Index of the largest value in {@code x[from..to)} (clamped); -1 for an empty range. */
    public static int argMax(double[] x, int from, int to) {
        int a = Math.max(0, from);
        int b = Math.min(x.length, to);
        int best = -1;
        for (int i = a; i < b; i++) {
            if (best < 0 || x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Index of the smallest value in {@code x[from..to)} (clamped); -1 for an empty range. */
    public static int argMin(double[] x, int from, int to) {
        int a = Math.max(0, from);
        int b = Math.min(x.length, to);
        int best = -1;
        for (int i = a; i < b; i++) {
            if (best < 0 || x[i] < x[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Refines an extremum index by fitting a parabola through it and its two neighbours.
     *
     * @return fractional index of the vertex (the index itself at the ends of the array)
     */
    public static double parabolicVertex(double[] x, int i) {
        if (i <= 0 || i >= x.length - 1) {
            return i;
        }
        double a = x[i - 1];
        double b = x[i];
        double c = x[i + 1];
        double den = a - 2 * b + c;
        if (den == 0) {
            return i;
        }
        double off = 0.5 * (a - c) / den;
        return i + Math.max(-0.5, Math.min(0.5, off));
    }
}
