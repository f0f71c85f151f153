package org.gaitform.signal;

import java.nio.DoubleBuffer;

/**
 * Upsampling of a uniformly sampled signal by a whole factor through the natural cubic spline of its samples: the
 * smooth curve through every sample with a continuous slope and curvature, zero curvature at both ends. For a signal
 * sampled well above its own bandwidth (an accelerometer low-passed before it is sampled) the curve between two
 * samples is close to the signal's, where straight lines between them cut its peaks and turn a smooth fall into
 * corners at the samples (de Boor C, A Practical Guide to Splines, Springer 1978, ch. IV; Unser M, Splines: a perfect
 * fit for signal and image processing, IEEE Signal Process Mag 1999;16(6):22–38).
 */
public final class CubicSplineUpsampler {
    private CubicSplineUpsampler() {
    }

    /**
     * The spline at {@code 0, 1/factor, 2/factor, …, n − 1} (in samples): {@code (n − 1) · factor + 1} values, the
     * input's samples at every {@code factor}-th place.
     *
     * @param x      the samples from the buffer's position to its limit, all finite (not changed)
     * @param factor whole upsampling factor, at least 1 (1 returns a copy)
     */
    public static double[] upsample(DoubleBuffer x, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("upsampling factor " + factor + " must be at least 1");
        }
        int n = x.remaining();
        double[] y = new double[n];
        x.duplicate().get(y);
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the spline needs finite samples; found " + v);
            }
        }
        if (factor == 1 || n < 2) {
            return y;
        }
        double[] m = curvatures(y);
        double[] out = new double[(n - 1) * factor + 1];
        for (int i = 0; i + 1 < n; i++) {
            double a = m[i] / 6;
            double b = m[i + 1] / 6;
            for (int j = 0; j < factor; j++) {
                double u = (double) j / factor;
                double w = 1 - u;
                out[i * factor + j] = w * y[i] + u * y[i + 1] + (w * w * w - w) * a + (u * u * u - u) * b;
            }
        }
        out[out.length - 1] = y[n - 1];
        return out;
    }

    /**
     * The second derivatives of the natural spline through {@code y} at unit spacing: {@code m[i−1] + 4 m[i] +
     * m[i+1] = 6 (y[i−1] − 2 y[i] + y[i+1])}, {@code m[0] = m[n−1] = 0}, solved by the Thomas algorithm.
     */
    private static double[] curvatures(double[] y) {
        int n = y.length;
        double[] m = new double[n];
        if (n < 3) {
            return m;
        }
        // forward sweep over the interior unknowns 1..n-2 (diagonal 4, off-diagonals 1)
        double[] c = new double[n];
        double[] d = new double[n];
        for (int i = 1; i < n - 1; i++) {
            double rhs = 6 * (y[i - 1] - 2 * y[i] + y[i + 1]);
            double denom = 4 - (i > 1 ? c[i - 1] : 0);
            c[i] = 1 / denom;
            d[i] = (rhs - (i > 1 ? d[i - 1] : 0)) / denom;
        }
        m[n - 2] = d[n - 2];
        for (int i = n - 3; i >= 1; i--) {
            m[i] = d[i] - c[i] * m[i + 1];
        }
        return m;
    }
}
