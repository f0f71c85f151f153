package org.gaitform.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gaitform.signal.Extrema;
import org.gaitform.signal.GaussianKernel;

/**
 * Initial and final contacts of walking from a lower-trunk accelerometer, after McCamley J, Donati M, Grimpampi E,
 * Mazzà C. An enhanced estimate of initial contact and final contact instants of time using lower trunk inertial
 * sensor data. Gait Posture 2012;36(2):316–8 (after Zijlstra and Hof 2003).
 *
 * <p>McCamley integrates the vertical acceleration and differentiates it with a Gaussian continuous wavelet
 * transform: initial contacts (IC) are the extremes of that smoothed derivative, final contacts (FC) the extremes
 * of its second differentiation. Integrating and then differentiating once gives back the acceleration smoothed
 * by the Gaussian, so here: IC at the maxima of the vertical acceleration (up positive) smoothed with a Gaussian
 * of σ = {@value #SIGMA_S} s, FC at the minima of its Gaussian derivative (its steepest fall). Maxima need a
 * prominence of {@value #MIN_PROMINENCE_G} g and {@value #MIN_STEP_S} s between them. The contacts alternate
 * between the feet, so a foot's stance runs from its IC to the first FC after the next (other foot's) IC. σ,
 * the prominence and the spacing are this project's choices (σ matches McCamley's wavelet scale at 100 Hz).
 */
public final class McCamley2012WalkingEvents {
    /** Gaussian width (s). */
    public static final double SIGMA_S = 0.1;
    /** Smallest prominence of an initial-contact maximum (g). */
    public static final double MIN_PROMINENCE_G = 0.02;
    /** Shortest time between initial contacts (s). */
    public static final double MIN_STEP_S = 0.25;
    /** Longest step (s): a longer gap is a pause. */
    public static final double MAX_STEP_S = 1.5;

    /**
     * One walking step: its initial contact and the final contact of the same foot.
     *
     * @param icIndex initial contact (fractional sample index)
     * @param fcIndex final contact of the same foot, or {@code NaN} when not found
     */
    public record WalkingContact(double icIndex, double fcIndex) {
    }

    /**
     * Detects the walking contacts inside stretches.
     *
     * @param verticalG      vertical acceleration, up positive, gravity included (g)
     * @param samplingRateHz rate (Hz)
     * @param ranges         walking stretches
     */
    public List<WalkingContact> detect(double[] verticalG, double samplingRateHz, List<IndexRange> ranges) {
        double fs = samplingRateHz;
        double sigma = SIGMA_S * fs;
        // smoothed signal and its derivative, computed only around the stretches (a long run has a short warm-up):
        // a window reaching two kernel radii beyond a stretch gives exactly the values of the whole signal there
        int n = verticalG.length;
        double[] s1 = new double[n];
        double[] s2 = new double[n];
        int pad = 2 * (int) Math.ceil(4 * sigma) + 4;
        for (IndexRange r : ranges) {
            int a = Math.max(0, r.from() - pad);
            int b = Math.min(n, r.to() + pad);
            double[] w1 = GaussianKernel.smooth(Arrays.copyOfRange(verticalG, a, b), sigma);
            double[] w2 = GaussianKernel.derivative(w1, sigma);
            int from = Math.max(a, r.from() - 1);
            int to = Math.min(b, r.to() + 2);
            System.arraycopy(w1, from - a, s1, from, to - from);
            System.arraycopy(w2, from - a, s2, from, to - from);
        }
        List<WalkingContact> out = new ArrayList<>();
        int minGap = (int) Math.round(MIN_STEP_S * fs);
        for (IndexRange r : ranges) {
            List<Integer> ic = maxima(s1, r.from(), r.to(), minGap, MIN_PROMINENCE_G);
            List<Double> fc = new ArrayList<>();
            for (int i = Math.max(1, r.from()); i < Math.min(s2.length - 1, r.to()); i++) {
                if (s2[i] < s2[i - 1] && s2[i] <= s2[i + 1] && s2[i] < 0) {
                    fc.add(Extrema.parabolicVertex(s2, i));
                }
            }
            for (int k = 0; k < ic.size(); k++) {
                double a = Extrema.parabolicVertex(s1, ic.get(k));
                double f = Double.NaN;
                if (k + 1 < ic.size() && ic.get(k + 1) - ic.get(k) <= MAX_STEP_S * fs) {
                    double next = ic.get(k + 1);
                    for (double c : fc) {
                        if (c > next) {
                            if (c - next < MAX_STEP_S * fs) {
                                f = c;
                            }
                            break;
                        }
                    }
                }
                out.add(new WalkingContact(a, f));
            }
        }
        return out;
    }

    /** Local maxima in [from, to) with a prominence and spacing, largest kept when two are too close. */
    static List<Integer> maxima(double[] x, int from, int to, int minGap, double minProminence) {
        int a = Math.max(1, from);
        int b = Math.min(x.length - 1, to);
        List<Integer> cand = new ArrayList<>();
        for (int i = a; i < b; i++) {
            if (x[i] > x[i - 1] && x[i] >= x[i + 1] && prominence(x, i, from, to) >= minProminence) {
                cand.add(i);
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int c : cand) {
            if (!out.isEmpty() && c - out.get(out.size() - 1) < minGap) {
                if (x[c] > x[out.get(out.size() - 1)]) {
                    out.set(out.size() - 1, c);
                }
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /** Height of a peak above the higher of the two lowest points reached before a higher peak on each side. */
    static double prominence(double[] x, int i, int from, int to) {
        double left = x[i];
        for (int j = i - 1; j >= Math.max(0, from); j--) {
            if (x[j] > x[i]) {
                break;
            }
            left = Math.min(left, x[j]);
        }
        double right = x[i];
        for (int j = i + 1; j < Math.min(x.length, to); j++) {
            if (x[j] > x[i]) {
                break;
            }
            right = Math.min(right, x[j]);
        }
        return x[i] - Math.max(left, right);
    }
}
