package org.gaitform.support;

import java.util.Locale;
import java.util.Random;

/**
 * A vertical ground-reaction force with known contacts: half-sine bumps during each contact, zero in flight, a little
 * noise. The mean over whole steps is about {@code weightN}.
 */
public final class SyntheticForce {
    /** Contact onsets (s). */
    public final double[] icS;
    /** Contact ends (s). */
    public final double[] toS;
    /** Force (N), one value per sample. */
    public final double[] forceN;
    public final double rateHz;

    /**
     * @param rateHz   sampling rate
     * @param n        number of contacts
     * @param firstS   first initial contact (s)
     * @param stepS    time between initial contacts (s)
     * @param contactS contact time (s)
     * @param weightN  body weight (N)
     * @param seed     noise seed
     */
    public SyntheticForce(double rateHz, int n, double firstS, double stepS, double contactS, double weightN, long seed) {
        this.rateHz = rateHz;
        icS = new double[n];
        toS = new double[n];
        int samples = (int) Math.ceil((firstS + n * stepS + 0.3) * rateHz);
        forceN = new double[samples];
        double peak = weightN * stepS / contactS * Math.PI / 2;
        Random rnd = new Random(seed);
        for (int k = 0; k < n; k++) {
            icS[k] = firstS + k * stepS;
            toS[k] = icS[k] + contactS;
        }
        for (int i = 0; i < samples; i++) {
            double t = i / rateHz;
            double f = 0;
            for (int k = 0; k < n; k++) {
                if (t >= icS[k] && t < toS[k]) {
                    f = peak * Math.sin(Math.PI * (t - icS[k]) / contactS);
                }
            }
            forceN[i] = Math.max(0, f + (f > 0 ? rnd.nextGaussian() * 3 : Math.abs(rnd.nextGaussian()) * 2));
        }
    }

    /** The samples of the first initial contact above a threshold (the reference's own definition). */
    public double firstAbove(double from, double threshold) {
        for (int i = (int) Math.floor(from * rateHz); i < forceN.length; i++) {
            if (forceN[i] > threshold) {
                return i / rateHz;
            }
        }
        return Double.NaN;
    }

    /** A table {@code header} then {@code time,fx,fy,fz}-like rows: the vertical force in column {@code vertical}. */
    public String table(String header, int vertical, double scale, boolean sampleNumbers) {
        StringBuilder sb = new StringBuilder(header).append('\n');
        String[] cols = header.split("[,\t]");
        char sep = header.contains("\t") ? '\t' : ',';
        for (int i = 0; i < forceN.length; i++) {
            sb.append(sampleNumbers ? String.valueOf(i + 1) : String.format(Locale.ROOT, "%.5f", i / rateHz));
            for (int c = 1; c < cols.length; c++) {
                double v = c == vertical ? forceN[i] * scale : (c == 1 ? 12.5 : -3.0) + 0.001 * i % 1;
                sb.append(sep).append(String.format(Locale.ROOT, "%.3f", v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
