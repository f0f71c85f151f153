package org.gaitform.events;

/**
 * Settings of {@link FlightPhaseTrunkEvents}. The same defaults are used for every recording; none is tuned
 * per file. The four marked "chosen on data" were chosen on the Alcantara et al. 2022 trials listed as
 * {@code tuning} in {@code docs/tuning-split.csv}, never on the ones listed as {@code held-out}.
 *
 * @param stepLowPassHz        low-pass cut-off that leaves one hump of the vertical acceleration per step (Hz):
 *                             above the step frequency (at most 4 Hz up to 240 steps/min), below the landing
 *                             transients and soft-tissue ringing (10 Hz and more); default 5
 * @param minStepMs            stance humps closer than this are one step: a cadence of 300 steps/min (ms);
 *                             default 200
 * @param stepMergeFraction    stance humps closer than this fraction of the local step period (the median of
 *                             the nine nearest step intervals) are one step; default 0.6
 * @param edgeLowPassHz        low-pass cut-off for the edges of stance (Hz); default 20
 * @param flightMaxG           between two steps the trunk must come down to within this of free fall (0 g) for
 *                             the two contacts to be told apart (g); default 0.4
 * @param toMarginG            toe-off is where the vertical acceleration, after the last of the stance tail that
 *                             stands 0.1 g above the free-fall level, comes back within this of that level (g);
 *                             default 0.03 (chosen on data: of 0.01–0.05 g, the margin that gave the narrowest range
 *                             of the tuning trials' mean contact-time errors, ±10.3 ms; all gave ±10–11 ms)
 * @param toFreeFallLatencyMs  time from toe-off until the trunk is back at that level, subtracted (ms); default 25
 *                             (chosen on data: the middle of the range of the tuning trials' mean contact-time
 *                             errors)
 * @param icLevelG             without a forward axis, initial contact is where the vertical acceleration has
 *                             risen this far above the flight level (g); default 0.5 (chosen on data, of 0.3–1 g)
 * @param icLatencyMs          ... minus this (ms); default 6 (chosen on data: the middle of the range of the tuning
 *                             trials' mean initial-contact errors)
 * @param apLowPassHz          low-pass cut-off of the forward acceleration (Hz); default 10
 * @param apPeakBeforeFlightMs how far before the lowest point of the flight the forward peak before landing may
 *                             lie (ms); default 50
 * @param apPeakHysteresis     walking back from the braking trough, the forward peak is passed once the
 *                             acceleration has dropped by this fraction of the peak-to-trough range (at least
 *                             0.02 g) below the highest value so far; default 0.1
 * @param maxIcBeforeVerticalMs the forward-axis estimate of initial contact is used when it lies at most this long
 *                             before the vertical one (ms; the vertical rise is slow after a flat or forefoot
 *                             landing); default 60
 * @param maxIcAfterVerticalMs ... and at most this long after it (ms; the trunk cannot be 0.5 g above free fall long
 *                             before the foot lands); default 40. Otherwise the vertical estimate is used.
 * @param maxContactMs         longest contact that counts as a running stance (ms); default 450
 * @param edgeMarginMs         how far outside a running stretch the flights around its first and last stance
 *                             may be searched (ms); default 300
 * @param cutStepFraction      a contact whose landing the start of the data cut (its initial contact extrapolated
 *                             back) is kept only when its step to the next contact is within this fraction of the
 *                             median of the stretch's other steps: data that start inside a stance, in the rebound
 *                             after a downhill heel strike, otherwise give a landing tens of milliseconds late and a
 *                             step that short; default 0.1 (running stride times vary by a few per cent from
 *                             stride to stride, Nakayama et al. 2010, Gait Posture 31:331; not chosen on data)
 * @param detectionRateHz      a recording sampled more slowly than this is first upsampled, by a whole factor,
 *                             to at least this rate through the cubic spline of its samples, and its events are
 *                             found there (Hz); default 200. At 50 Hz a sample lies 20 ms from the next, half of
 *                             the 30–40 ms fall from stance to flight: straight lines between samples put the return
 *                             to the flight level, and so every toe-off, up to a sample late (Alcantara's trials
 *                             decimated to 50 Hz: contact times 18–25 ms long on average, 4–5 ms with the
 *                             spline; {@code TrunkRateAccuracyTest}). Not chosen on data: set before that measurement,
 *                             a rate at which the fall spans six samples or more, and that keeps the upsampled
 *                             recording no longer than one recorded at 200 Hz
 */
public record TrunkEventSettings(double stepLowPassHz, double minStepMs, double stepMergeFraction,
                                 double edgeLowPassHz, double flightMaxG, double toMarginG,
                                 double toFreeFallLatencyMs, double icLevelG, double icLatencyMs,
                                 double apLowPassHz, double apPeakBeforeFlightMs, double apPeakHysteresis,
                                 double maxIcBeforeVerticalMs, double maxIcAfterVerticalMs, double maxContactMs,
                                 double edgeMarginMs, double cutStepFraction, double detectionRateHz) {

    /** The defaults described above. */
    public static final TrunkEventSettings DEFAULTS = new TrunkEventSettings(5, 200, 0.6, 20, 0.4, 0.03, 25, 0.5, 6,
            10, 50, 0.1, 60, 40, 450, 300, 0.1, 200);

    public TrunkEventSettings {
        if (!(stepLowPassHz > 0 && edgeLowPassHz > 0 && apLowPassHz > 0)) {
            throw new IllegalArgumentException("cut-off frequencies must be positive");
        }
        if (!(cutStepFraction > 0 && detectionRateHz > 0)) {
            throw new IllegalArgumentException("the cut step fraction and the detection rate must be positive");
        }
        if (!(minStepMs > 0 && stepMergeFraction > 0 && stepMergeFraction < 1)) {
            throw new IllegalArgumentException("the step spacing rules need a positive duration and a fraction in (0, 1)");
        }
        if (!(toFreeFallLatencyMs >= 0 && icLatencyMs >= 0 && apPeakBeforeFlightMs >= 0 && maxIcBeforeVerticalMs > 0
                && maxIcAfterVerticalMs > 0
                && maxContactMs > 0 && edgeMarginMs >= 0)) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (!(flightMaxG > 0 && toMarginG > 0 && icLevelG > 0 && apPeakHysteresis > 0 && apPeakHysteresis < 1)) {
            throw new IllegalArgumentException("levels must be positive (and the hysteresis a fraction)");
        }
    }

    /** These settings with another time from toe-off to the free-fall level (ms). */
    public TrunkEventSettings withToFreeFallLatencyMs(double ms) {
        return new TrunkEventSettings(stepLowPassHz, minStepMs, stepMergeFraction, edgeLowPassHz, flightMaxG, toMarginG,
                ms, icLevelG, icLatencyMs, apLowPassHz, apPeakBeforeFlightMs, apPeakHysteresis, maxIcBeforeVerticalMs,
                maxIcAfterVerticalMs, maxContactMs, edgeMarginMs, cutStepFraction, detectionRateHz);
    }
}
