package org.gaitform.signal;

/** Resampling of irregularly timed samples onto a uniform grid by linear interpolation. */
public final class Resampler {
    private Resampler() {
    }

    /**
     * The uniform grid {@code t0, t0 + 1/rate, …} that covers {@code [times[0], times[last]]}.
     *
     * @param timesS         strictly increasing times (s)
     * @param samplingRateHz target rate (Hz)
     */
    public static double[] uniformGrid(double[] timesS, double samplingRateHz) {
        double t0 = timesS[0];
        double span = timesS[timesS.length - 1] - t0;
        int n = (int) Math.floor(span * samplingRateHz + 1e-9) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = t0 + i / samplingRateHz;
        }
        return g;
    }

    /**
     * Values of {@code (timesS, values)} at the grid times, linearly interpolated.
     *
     * @param timesS strictly increasing sample times (s)
     * @param values samples
     * @param gridS  increasing target times within the sample times' range
     */
    public static double[] interpolate(double[] timesS, double[] values, double[] gridS) {
        double[] out = new double[gridS.length];
        int j = 0;
        for (int i = 0; i < gridS.length; i++) {
            double t = gridS[i];
            while (j < timesS.length - 2 && timesS[j + 1] < t) {
                j++;
            }
            if (t <= timesS[0]) {
                out[i] = values[0];
            } else if (t >= timesS[timesS.length - 1]) {
                out[i] = values[values.length - 1];
            } else {
                double t1 = timesS[j];
                double t2 = timesS[j + 1];
                double f = (t - t1) / (t2 - t1);
                out[i] = values[j] * (1 - f) + values[j + 1] * f;
            }
        }
        return out;
    }
}
