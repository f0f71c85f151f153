package org.gaitform.events;

import org.gaitform.signal.ZeroPhaseButterworth;

/**
 * The heel's landing from its own descent and deceleration: the moment a descending heel starts to be stopped
 * by the ground. Used by {@link FootClearanceEvents} to place initial contact for every foot strike: a rearfoot
 * or midfoot landing is timed by the heel's impact, a forefoot landing by the toe reaching the ground (the
 * earlier of the two is the initial contact).
 *
 * <p>Literature: Leitch et al. 2011 found initial contact in rearfoot running best from the vertical
 * acceleration of the posterior heel marker together with the vertical position of the hallux marker, and in
 * midfoot running from the heel and metatarsal markers' vertical velocity (Identifying gait events without a
 * force plate during running: a comparison of methods, Gait Posture 33:130–132); Handsaker et al. 2016 timed
 * touchdown by the vertical acceleration peak of the heel or the first metatarsal marker, whichever came
 * first, for rearfoot and forefoot strikers at 2.5–5 m/s (A kinematic algorithm to identify gait events during
 * running at different speeds and with different footstrike types, J Biomech 49:4128–4133). Heel height
 * thresholds, in contrast, fire 20–60 ms early on a heel that glides down (Fellin et al. 2010, J Sci Med
 * Sport 13:646–650, report 22–25 ms mean absolute errors for heel-position rules).
 *
 * <p>This project's choices: the heel's impact is the largest upward-acceleration peak of the heel in the
 * 60 ms before it first stops descending near its ground level (its vertical velocity turns from down to up
 * within {@link #REST_FRACTION} of the clearance). A marker above the shoe's sole keeps moving down while the
 * sole compresses, so its deceleration lasts longer than an outsole marker's; the contact begins at the
 * start of that deceleration, not at its peak. The deceleration's duration is its width at half height
 * (above the preceding level, or above zero when the heel was being driven down) with the smoothing
 * filter's own width at half height removed in quadrature, and the contact is placed half that duration
 * before its peak. In the impact band (below) a landing that stops in stages — the sole's touch, then the heel
 * pad and midsole settling — shows separate peaks: there an earlier peak that reaches the half height within
 * {@link #STAGE_GAP_S} of the largest opens the deceleration, and the contact is placed half its duration before its
 * middle. A sharp stop therefore keeps the peak, a soft one moves
 * to the onset. Acceleration is only resolved when the frame rate is high enough
 * ({@link FootClearanceSettings#impactMinRateHz()}).
 *
 * <p>The heel's height is taken in the impact band ({@link org.gaitform.kinematics.BodyFrame#impactCutoffHz},
 * 25 Hz, at most a quarter of the frame rate) rather than the trajectories' 15 Hz band: a touchdown's
 * deceleration lasts 20–40 ms and its frequency content lies at 10–20 Hz (Gruber et al. 2014, Impact shock
 * frequency components and attenuation in rearfoot and forefoot running, J Sport Health Sci 3:113–121). The
 * 15 Hz filter's response is 38 ms wide at half height at 100 Hz, wider than the deceleration itself, so the
 * duration above came out as zero and the contact fell on the peak — 11 and 18 ms after the force plate's
 * contact on Hamner &amp; Delp's (2013) heel-counter marker at 4 and 5 m/s, where the peak is the end of the
 * heel pad's and midsole's compression.
 */
final class LandingImpact {
    /** The heel stops within this fraction of the clearance above its ground level. */
    static final double REST_FRACTION = 0.3;
    /** The impact peak is looked for within this time before the heel stops (s). */
    static final double PEAK_WINDOW_S = 0.06;
    /**
     * The stages of one landing lie within its impact phase: the vertical force's impact peak comes 20–40 ms after
     * touchdown (Cavanagh &amp; Lafortune 1980, Ground reaction forces in distance running, J Biomech 13:397–406), so
     * an earlier deceleration peak further than this from the largest one is the descent being slowed (s).
     */
    static final double STAGE_GAP_S = 0.04;
    /** The level before the impact is the lowest acceleration within this time before the peak (s). */
    static final double BASE_WINDOW_S = 0.05;

    private LandingImpact() {
    }

    /**
     * Width at half height of the zero-phase low-pass filter's impulse response (s): the spread the smoothing
     * gives an instantaneous change of velocity.
     */
    static double filterWidthS(double rateHz, double cutoffHz) {
        if (!(cutoffHz < rateHz / 2 * 0.99)) {
            return 0;
        }
        int n = (int) Math.ceil(8 * rateHz / cutoffHz) * 2 + 1;
        double[] x = new double[n];
        x[n / 2] = 1;
        double[] y = ZeroPhaseButterworth.lowPass(4, cutoffHz).apply(x, rateHz);
        int p = n / 2;
        for (int i = 0; i < n; i++) {
            if (y[i] > y[p]) {
                p = i;
            }
        }
        double half = y[p] / 2;
        return (cross(y, p, half, +1) - cross(y, p, half, -1)) / rateHz;
    }

    /**
     * The heel's impact (fractional frame), or NaN.
     *
     * @param h          the heel's height above its ground level (body units), smoothed
     * @param rateHz     frame rate
     * @param filterS    the smoothing filter's width at half height ({@link #filterWidthS})
     * @param clearance  the contact clearance (body units)
     * @param from       first frame to look at (the stop is searched from here)
     * @param to         last frame to look at
     * @param stages     true when {@code h} is in the impact band, which resolves a landing's stages (the
     *                   sole's touch, then the heel pad and midsole settling) as separate peaks: the deceleration
     *                   is then opened by an earlier stage and placed by its middle; false in the trajectories'
     *                   band, where the stages merge into one peak and an earlier peak is noise (video jitter)
     */
    static double heel(double[] h, double rateHz, double filterS, double clearance, int from, int to, boolean stages) {
        int n = h.length;
        int a = Math.max(2, from);
        int b = Math.min(n - 3, to);
        int stop = -1;
        for (int i = a; i <= b; i++) {
            double vPrev = h[i] - h[i - 1];
            double vNext = h[i + 1] - h[i];
            if (vPrev < 0 && vNext >= 0 && h[i] < REST_FRACTION * clearance) {
                stop = i;
                break;
            }
        }
        if (stop < 0) {
            return Double.NaN;
        }
        // the acceleration over a window around the stop only (long recordings have thousands of contacts)
        int lo0 = Math.max(1, stop - (int) Math.ceil((PEAK_WINDOW_S + BASE_WINDOW_S) * rateHz) - 2);
        int hi0 = Math.min(n - 2, stop + (int) Math.ceil(PEAK_WINDOW_S * rateHz) + 2);
        double[] acc = new double[hi0 - lo0 + 1];
        for (int i = lo0; i <= hi0; i++) {
            acc[i - lo0] = (h[i + 1] - 2 * h[i] + h[i - 1]) * rateHz * rateHz;
        }
        int s0 = stop - lo0;
        int lo = Math.max(1, s0 - (int) Math.round(PEAK_WINDOW_S * rateHz));
        int peak = -1;
        for (int i = lo; i <= s0 && i + 1 < acc.length; i++) {
            if (acc[i] > 0 && acc[i] >= acc[i - 1] && acc[i] > acc[i + 1] && (peak < 0 || acc[i] > acc[peak])) {
                peak = i;
            }
        }
        if (peak < 0) {
            return Double.NaN;
        }
        double base = Double.POSITIVE_INFINITY;
        for (int i = Math.max(0, peak - (int) Math.round(BASE_WINDOW_S * rateHz)); i <= peak; i++) {
            if (Double.isFinite(acc[i])) {
                base = Math.min(base, acc[i]);
            }
        }
        base = Math.max(0, base);
        double half = (acc[peak] + base) / 2;
        double left = cross(acc, peak, half, -1);
        double right = cross(acc, peak, half, +1);
        if (Double.isNaN(left) || Double.isNaN(right)) {
            return Double.NaN;
        }
        // a landing can stop in stages (the sole's touch, then the heel pad and midsole settling), which the impact
        // band resolves as separate peaks: an earlier stage that reaches the half height opens the deceleration
        for (int i = Math.max(1, lo); stages && i < (int) Math.floor(left); i++) {
            if (acc[i] >= half && acc[i] >= acc[i - 1] && acc[i] > acc[i + 1]) {
                double earlier = cross(acc, i, half, -1);
                // only within the impact phase: an earlier deceleration belongs to the descent, not to the landing
                if (!Double.isNaN(earlier) && (peak - i) / rateHz <= STAGE_GAP_S) {
                    left = earlier;
                }
                break;
            }
        }
        double widthS = (right - left) / rateHz;
        double durationS = Math.sqrt(Math.max(0, widthS * widthS - filterS * filterS));
        if (stages) {
            // the deceleration's middle (its peak for a single symmetric stop) less half its duration
            return lo0 + (left + right) / 2 - durationS / 2 * rateHz;
        }
        // the peak to a fraction of a frame (parabola through the peak and its neighbours)
        double den = acc[peak - 1] - 2 * acc[peak] + acc[peak + 1];
        double exact = peak + (den < 0 ? 0.5 * (acc[peak - 1] - acc[peak + 1]) / den : 0);
        return lo0 + exact - durationS / 2 * rateHz;
    }

    /** Where x falls through {@code level} going from {@code p} in direction {@code step} (fractional), or NaN. */
    private static double cross(double[] x, int p, double level, int step) {
        int i = p;
        while (i + step >= 0 && i + step < x.length) {
            int j = i + step;
            if (!Double.isFinite(x[j])) {
                return Double.NaN;
            }
            if (x[j] <= level) {
                return i + step * (x[i] - level) / (x[i] - x[j]);
            }
            i = j;
        }
        return Double.NaN;
    }
}
