package org.gaitform.events;

/**
 * Settings of {@link Patoz2022SacralEvents}. All defaults are used for every recording; none is
 * tuned per file.
 *
 * @param contactLowPassHz      low-pass cut-off for finding stance by the 1 g level (Hz); default 20
 * @param contactLevelG         vertical acceleration above which the body is pushed up harder than gravity,
 *                              the "effective contact" of Patoz et al. 2021 (g); default 1.0
 * @param flightLowPassHz       low-pass cut-off for the edges of stance (Hz); default 40
 * @param toMarginG             toe-off is where the vertical acceleration returns to within this margin of the
 *                              flight level (g); default 0.05
 * @param toFreeFallLatencyMs   time from toe-off until the trunk reaches free fall, subtracted from that
 *                              return (ms); default 20
 * @param icMarginG             without an antero-posterior axis, initial contact is where the vertical
 *                              acceleration leaves the flight level by this margin (g); default 0.2
 * @param apLowPassHz           low-pass cut-off of the antero-posterior acceleration (Hz); default 10
 * @param apBeforeMs            how far before the vertical estimate of initial contact the forward peak is
 *                              searched (ms); default 50
 * @param apAfterMs             how far after it the braking trough is searched (ms); default 60
 * @param apSlackMs             how far after it the forward peak may still lie (ms); default 15
 * @param minStanceCoreMs       shortest time above 1 g that counts as a stance (ms); default 40
 * @param maxContactMs          longest contact that counts as a running stance (ms); default 450
 * @param edgeMarginMs          how far outside a running stretch the edges of its first and last stance may be
 *                              searched (ms); default 300
 * @param maxIcDisagreementMs   when the antero-posterior and vertical estimates of initial contact differ by
 *                              more than this, the vertical one is used (ms); default 40
 */
public record SacralEventSettings(double contactLowPassHz, double contactLevelG, double flightLowPassHz,
                                  double toMarginG, double toFreeFallLatencyMs, double icMarginG,
                                  double apLowPassHz, double apBeforeMs, double apAfterMs, double apSlackMs,
                                  double minStanceCoreMs,
                                  double maxContactMs, double edgeMarginMs, double maxIcDisagreementMs) {

    /** The defaults described above. */
    public static final SacralEventSettings DEFAULTS = new SacralEventSettings(20, 1.0, 40, 0.05, 20, 0.2, 10, 50,
            60, 15, 40, 450, 300, 40);

    public SacralEventSettings {
        if (!(contactLowPassHz > 0 && flightLowPassHz > 0 && apLowPassHz > 0)) {
            throw new IllegalArgumentException("cut-off frequencies must be positive");
        }
        if (!(toFreeFallLatencyMs >= 0 && apBeforeMs > 0 && apAfterMs > 0 && apSlackMs >= 0 && minStanceCoreMs > 0
                && edgeMarginMs >= 0)) {
            throw new IllegalArgumentException("durations must be positive");
        }
    }
}
