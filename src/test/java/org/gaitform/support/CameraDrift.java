package org.gaitform.support;

import java.util.Locale;
import java.util.Random;

/**
 * A hand-held camera for tests: an OpenPose-style keypoint table ({@code frame,<Name>_x,_y,_c}) with the whole picture
 * moved per frame by a smooth random drift, as a phone held in the hand moves — Gaussian noise averaged over
 * {@code 2 × halfWindow + 1} frames, scaled to {@code driftPx} pixels (standard deviation), drawn independently for x
 * and y. Keypoints written as missing (confidence 0) stay missing.
 */
public final class CameraDrift {
    private CameraDrift() {
    }

    /** The table with the picture moved by the drift (seeded). */
    public static String apply(String csv, double driftPx, int halfWindow, long seed) {
        String[] lines = csv.split("\n");
        int n = lines.length - 1;
        Random r = new Random(seed);
        double[] dx = smoothNoise(r, n, halfWindow);
        double[] dy = smoothNoise(r, n, halfWindow);
        StringBuilder sb = new StringBuilder(lines[0]).append('\n');
        for (int k = 0; k < n; k++) {
            String[] v = lines[k + 1].split(",");
            for (int c = 1; c + 2 < v.length; c += 3) {
                if (Double.parseDouble(v[c + 2]) > 0) {
                    v[c] = String.format(Locale.ROOT, "%.2f", Double.parseDouble(v[c]) + driftPx * dx[k]);
                    v[c + 1] = String.format(Locale.ROOT, "%.2f", Double.parseDouble(v[c + 1]) + driftPx * dy[k]);
                }
            }
            sb.append(String.join(",", v)).append('\n');
        }
        return sb.toString();
    }

    /** Unit-variance Gaussian noise averaged over 2 × half + 1 samples. */
    private static double[] smoothNoise(Random r, int n, int half) {
        double[] x = new double[n + 2 * half];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = i; j <= i + 2 * half; j++) {
                s += x[j];
            }
            out[i] = s / Math.sqrt(2 * half + 1);
        }
        return out;
    }
}
