package org.gaitform.signal;

/**
 * Isolated spikes in a sampled signal: one to {@value #MAX_RUN} samples that jump away from their neighbours far more
 * than the signal ever does elsewhere — a corrupted row, a transmission error — found and replaced by linear
 * interpolation between the nearest good samples.
 *
 * <p>The jump of sample {@code i} is its distance from the median of its four neighbours ({@code i − 2 … i + 2}
 * without {@code i}); a spike of up to two samples does not move that median. A sample is a spike when its jump is
 * more than {@code factor} times the jump that {@link #reference} samples reach (the 99.9th percentile, and never fewer
 * than {@value #MIN_REFERENCE} samples, so that the sharpest features the signal has again and again — a landing
 * impact at every step — are never spikes, and a few spikes with their neighbours cannot raise the reference), more
 * than {@code rangeShare} of the signal's range (between the same order statistics of the values) and more than
 * {@code minJump}; runs of more than {@value #MAX_RUN} such samples are not isolated and are left alone. Linear time.
 */
public final class IsolatedSpikes {
    /** Longest run of samples that counts as one isolated spike. */
    public static final int MAX_RUN = 3;
    /** Fewest samples above the reference jump (and beyond the range's ends). */
    public static final int MIN_REFERENCE = 25;

    private IsolatedSpikes() {
    }

    /**
     * The isolated spikes of {@code x}.
     *
     * @param x          samples (not changed)
     * @param factor     how many times the 99.9th percentile of the jumps a spike's jump exceeds
     * @param rangeShare how much of the signal's range (0.1th–99.9th percentile) a spike's jump exceeds
     * @param minJump    least jump of a spike (in the signal's unit; 0 for none)
     * @return a flag per sample
     */
    public static boolean[] find(double[] x, double factor, double rangeShare, double minJump) {
        int n = x.length;
        boolean[] spike = new boolean[n];
        if (n < 2 * MAX_RUN + 3) {
            return spike;
        }
        double[] jump = jumps(x);
        int above = reference(n);
        double maxJump = 0;
        boolean finite = true;
        for (int i = 0; i < n; i++) {
            maxJump = Math.max(maxJump, jump[i]);
            finite &= Double.isFinite(x[i]);
        }
        double p999 = upperOrderStatistic(jump, n - 1 - above);
        if (finite && !(maxJump > Math.max(minJump, factor * p999))) {
            return spike; // no jump stands out: nothing else to look at (the usual case, in one pass and a selection)
        }
        double[] work = x.clone();
        double hi = orderStatistic(work, n - 1 - above);
        double lo = orderStatistic(work, above);
        double threshold = Math.max(minJump, Math.max(factor * p999, rangeShare * (hi - lo)));
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            threshold = Math.max(minJump, Double.MIN_NORMAL);
        }
        // rounds: the largest jumps first (a sample whose jump is the largest around it), repaired on a working copy
        // before the next round, so that the neighbours a spike pulls along are never taken for spikes themselves
        double[] y = x.clone();
        for (int round = 0; round < MAX_RUN; round++) {
            double[] d = round == 0 ? jump : jumps(y);
            boolean found = false;
            for (int i = 0; i < n; i++) {
                boolean peak = (i == 0 || d[i] >= d[i - 1]) && (i == n - 1 || d[i] >= d[i + 1]);
                if (!spike[i] && (d[i] > threshold && peak || !Double.isFinite(y[i]))) {
                    spike[i] = true;
                    found = true;
                }
            }
            if (!found) {
                break;
            }
            repair(y, spike);
        }
        // only isolated ones: a longer run is the signal, not a corrupted sample
        int i = 0;
        while (i < n) {
            if (!spike[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && spike[j]) {
                j++;
            }
            if (j - i > MAX_RUN || i == 0 && j == n) {
                for (int k = i; k < j; k++) {
                    spike[k] = !Double.isFinite(x[k]);
                }
            }
            i = j;
        }
        return spike;
    }

    /** The jump of each sample: its distance from the median of its (up to four) neighbours within two samples. */
    static double[] jumps(double[] x) {
        int n = x.length;
        double[] d = new double[n];
        for (int i = 2; i < n - 2; i++) {
            double a = x[i - 2];
            double b = x[i - 1];
            double c = x[i + 1];
            double e = x[i + 2];
            double min = Math.min(Math.min(a, b), Math.min(c, e));
            double max = Math.max(Math.max(a, b), Math.max(c, e));
            d[i] = Math.abs(x[i] - (a + b + c + e - min - max) * 0.5);
        }
        double[] nb = new double[4];
        for (int i = 0; i < n; i++) {
            if (i >= 2 && i < n - 2) {
                i = n - 3; // the interior is done
                continue;
            }
            int k = 0;
            for (int j = i - 2; j <= i + 2; j++) {
                if (j != i && j >= 0 && j < n) {
                    nb[k++] = x[j];
                }
            }
            double med;
            if (k == 4) {
                double min = Math.min(Math.min(nb[0], nb[1]), Math.min(nb[2], nb[3]));
                double max = Math.max(Math.max(nb[0], nb[1]), Math.max(nb[2], nb[3]));
                med = (nb[0] + nb[1] + nb[2] + nb[3] - min - max) / 2;
            } else if (k == 3) {
                med = Math.max(Math.min(nb[0], nb[1]), Math.min(Math.max(nb[0], nb[1]), nb[2]));
            } else if (k == 2) {
                med = (nb[0] + nb[1]) / 2;
            } else {
                med = k == 1 ? nb[0] : x[i];
            }
            d[i] = Math.abs(x[i] - med);
        }
        return d;
    }

    /** How many samples lie above the reference jump: a thousandth of them, at least {@value #MIN_REFERENCE}. */
    static int reference(int n) {
        return Math.min(n / 4, Math.max(MIN_REFERENCE, n / 1000));
    }

    /**
     * The {@code k}-th smallest value of {@code v} as {@link #orderStatistic} gives it, {@code v} unchanged, and quick
     * when few values lie above it (the 99.9th percentile): the values above a threshold that a strided sample puts
     * below the answer are the only candidates, selected among; when the sample misjudged (fewer values above its
     * threshold than lie above the answer), all values are.
     */
    static double upperOrderStatistic(double[] v, int k) {
        int n = v.length;
        int at = Math.min(n - 1, Math.max(0, k));
        int above = n - at; // values at the answer's place or above it
        int samples = n / SAMPLE_STRIDE;
        if (samples >= 64 && above * 8 < n) {
            double[] s = new double[samples];
            for (int i = 0; i < samples; i++) {
                s[i] = ordered(v[i * SAMPLE_STRIDE]);
            }
            int r = samples - 1 - Math.min(samples - 1, 3 * above / SAMPLE_STRIDE + 2); // some three times as many
            Stats.select(s, samples, r);
            double threshold = s[r];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (ordered(v[i]) >= threshold) {
                    count++;
                }
            }
            if (count >= above) { // every value from the answer's place up is a candidate
                double[] c = new double[count];
                int j = 0;
                for (int i = 0; i < n; i++) {
                    double y = ordered(v[i]);
                    if (y >= threshold) {
                        c[j++] = y;
                    }
                }
                Stats.select(c, count, count - above);
                return c[count - above];
            }
        }
        return orderStatistic(v.clone(), k);
    }

    private static final int SAMPLE_STRIDE = 16;

    /** A value as {@link #orderStatistic} orders it: NaN and infinities at the ends. */
    private static double ordered(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? (Double.isNaN(v) || v > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE)
                : v;
    }

    /** The {@code k}-th smallest value of {@code v} (rearranged in place; NaN and infinities sort at the ends). */
    static double orderStatistic(double[] v, int k) {
        int n = v.length;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(v[i]) || Double.isInfinite(v[i])) {
                v[i] = Double.isNaN(v[i]) || v[i] > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE;
            }
        }
        int at = Math.min(n - 1, Math.max(0, k));
        Stats.select(v, n, at);
        return v[at];
    }

    /**
     * Replaces the flagged samples by linear interpolation between the nearest unflagged samples (the nearest one at
     * either end of the signal).
     *
     * @return the number of samples replaced
     */
    public static int repair(double[] x, boolean[] flagged) {
        int n = x.length;
        int count = 0;
        int i = 0;
        while (i < n) {
            if (!flagged[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && flagged[j]) {
                j++;
            }
            double a = i > 0 ? x[i - 1] : j < n ? x[j] : 0;
            double b = j < n ? x[j] : a;
            for (int k = i; k < j; k++) {
                double f = (k - i + 1) / (double) (j - i + 1);
                x[k] = i > 0 && j < n ? a + f * (b - a) : i > 0 ? a : b;
                count++;
            }
            i = j;
        }
        return count;
    }
}
