package org.gaitform.metrics;

/**
 * Foot strike angle from a foot-worn gyroscope: the sagittal angle of the foot at initial contact relative to
 * the flat foot of mid-stance, found by integrating the pitch angular velocity from initial contact to the
 * quietest instant of the stance (the smallest angular speed over 30 ms, when the foot lies flat). Positive means toes up
 * (the heel lands first); about 0 is a flat, midfoot landing; negative means toes down (forefoot). Short
 * integration spans keep gyroscope drift negligible. Altman and Davis (2012) classify foot angles above about
 * 8° as rearfoot and below −1.6° as forefoot (bands not confirmed for IMUs).
 */
public final class FootStrike {
    /** The flat-foot instant is the least angular speed averaged over this much either side (s). */
    static final double FLAT_HALF_WINDOW_S = 0.015;

    private FootStrike() {
    }

    /**
     * The foot angle at initial contact (deg).
     *
     * @param pitchDps     sagittal angular velocity, swing positive (toes turning up), deg/s
     * @param speedDps     angular speed (norm of the gyroscope), deg/s
     * @param icIndex      initial contact (fractional index)
     * @param toIndex      toe-off (fractional index)
     * @param fs           sampling rate (Hz)
     * @return the angle, or {@code NaN} when the stance is too short to hold a flat-foot instant
     */
    public static double angleDeg(double[] pitchDps, double[] speedDps, double icIndex, double toIndex, double fs) {
        return angleDeg(pitchDps, speedDps, icIndex, toIndex, fs, -1);
    }

    /**
     * The foot angle at initial contact (deg), with the flat-foot instant given when known (the stance's quiet
     * instant, where the foot neither turns nor accelerates; {@code -1} to find it from the angular speed alone).
     */
    public static double angleDeg(double[] pitchDps, double[] speedDps, double icIndex, double toIndex, double fs,
                                  int flatIndex) {
        int a = (int) Math.ceil(icIndex);
        int b = (int) Math.floor(toIndex);
        if (b - a < 3 || a < 1 || b >= pitchDps.length) {
            return Double.NaN;
        }
        if (flatIndex > a && flatIndex < b) {
            return integrate(pitchDps, icIndex, a, flatIndex, fs);
        }
        // the flat foot: the least angular speed averaged over ±FLAT_HALF_WINDOW_S (one sample at a steep zero
        // crossing of the landing is not the foot lying flat)
        int h = Math.max(1, (int) Math.round(FLAT_HALF_WINDOW_S * fs));
        int flat = a;
        double best = Double.POSITIVE_INFINITY;
        for (int i = a; i <= b; i++) {
            double sum = 0;
            int cnt = 0;
            if (i - h < a && b - a > 2 * h) {
                continue; // a window cut short by the contact itself
            }
            for (int j = Math.max(a, i - h); j <= Math.min(b, i + h); j++) {
                sum += speedDps[j];
                cnt++;
            }
            if (sum / cnt < best) {
                best = sum / cnt;
                flat = i;
            }
        }
        return integrate(pitchDps, icIndex, a, flat, fs);
    }

    /** −∫ of the pitch rate from the fractional initial contact to the flat instant (trapezoids), deg. */
    private static double integrate(double[] pitchDps, double icIndex, int a, int flat, double fs) {
        double f = a - icIndex;
        double pIc = pitchDps[a - 1] + (pitchDps[a] - pitchDps[a - 1]) * (1 - f);
        double sum = 0.5 * (pIc + pitchDps[a]) * f;
        for (int i = a; i < flat; i++) {
            sum += 0.5 * (pitchDps[i] + pitchDps[i + 1]);
        }
        return -sum / fs;
    }
}
