package org.gaitform.signal;

/**
 * Smoothing and differentiation with a Gaussian kernel (a continuous wavelet transform at one scale with the
 * Gaussian and its first derivative). The signal is mirrored at both ends.
 */
public final class GaussianKernel {
    private GaussianKernel() {
    }

    /** The signal convolved with a unit-area Gaussian of standard deviation {@code sigmaSamples}. */
    public static double[] smooth(double[] x, double sigmaSamples) {
        return convolve(x, kernel(sigmaSamples, false));
    }

    /** The derivative (per sample) of the Gaussian-smoothed signal. */
    public static double[] derivative(double[] x, double sigmaSamples) {
        return convolve(x, kernel(sigmaSamples, true));
    }

    private static double[] kernel(double sigma, boolean derivative) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be positive, got " + sigma);
        }
        int r = (int) Math.ceil(4 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            double g = Math.exp(-0.5 * i * i / (sigma * sigma));
            k[i + r] = g;
            sum += g;
        }
        for (int i = -r; i <= r; i++) {
            k[i + r] /= sum;
            if (derivative) {
                // d/dt of the smoothed signal: out[t] = Σ g'(i) x[t − i] with g'(i) = −i/σ² g(i)
                k[i + r] *= -i / (sigma * sigma);
            }
        }
        if (derivative) {
            // scale so that a ramp of slope 1 gives exactly 1 despite the truncated tails
            double moment = 0;
            for (int i = -r; i <= r; i++) {
                moment += k[i + r] * -i;
            }
            for (int i = 0; i < k.length; i++) {
                k[i] /= moment;
            }
        }
        return k;
    }

    private static double[] convolve(double[] x, double[] k) {
        int n = x.length;
        int r = k.length / 2;
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            double s = 0;
            if (t >= r && t + r < n) { // the kernel inside the signal: no reflection at its ends (the same sum)
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * x[t - i];
                }
                out[t] = s;
                continue;
            }
            for (int i = -r; i <= r; i++) {
                int j = t - i;
                if (j < 0) {
                    j = -j;
                }
                if (j >= n) {
                    j = 2 * (n - 1) - j;
                }
                j = Math.max(0, Math.min(n - 1, j));
                s += k[i + r] * x[j];
            }
            out[t] = s;
        }
        return out;
    }
}
