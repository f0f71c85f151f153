package org.gaitform.metrics;

/**
 * Settings of the watch-session analysis. The defaults are this project's choices, explained per field.
 *
 * @param maxIntervalS          a gap between records longer than this is a pause, not running (s); default 30 —
 *                              smart recording writes a record at least every few seconds while moving
 * @param runningMinCadenceSpm  a record at or above this cadence is running (steps/min); default 140 — walking
 *                              rarely exceeds 130, running rarely falls below 150
 * @param runningMinSpeedMps    a record with the feet moving at or above this speed is running whatever its
 *                              cadence (m/s); default 2.2 — faster than walking (a device's cadence lags when the
 *                              runner slows)
 * @param standingMaxSpeedMps   without cadence, a record below this speed is standing (m/s); default 0.5
 * @param splitLengthM          length of a split (m); default 1000 (per-kilometre splits)
 * @param shortSplitLengthM     length of the shorter stretches used for the downhill/flat comparison when the run
 *                              has no downhill or no flat kilometre (m); default 250
 * @param flatGradePct          a split whose grade is within ± this is flat; steeper ones are uphill or downhill
 *                              (%); default 2
 * @param minPartialFraction    a last, partial split shorter than this fraction of a split is left out (it has too
 *                              few records for an average); default 0.25
 * @param elevationHysteresisM  a climb or descent counts once the altitude has moved this far from its last turning
 *                              point (m); default 2 — hides barometric and GPS noise
 * @param maxVerticalSpeedMps   an altitude change faster than this between records is a re-calibration jump of
 *                              the altimeter, not a climb, and is not counted (m/s); default 2 — no runner climbs
 *                              2 m per second
 * @param minTerrainChangeM     a split is downhill or uphill only when its altitude also changes by at least this
 *                              much (m), besides its grade; default 5 — below that a barometric altimeter's drift or
 *                              a GPS altitude's error can make the slope
 * @param minDownhillDistanceM  the downhill/flat comparison is made only when the downhill splits add up to at least
 *                              this distance (m); default 500 — a verdict on a single short stretch would follow the
 *                              altitude's noise
 */
public record WatchMetricSettings(double maxIntervalS, double runningMinCadenceSpm, double runningMinSpeedMps,
                                  double standingMaxSpeedMps, double splitLengthM, double shortSplitLengthM,
                                  double flatGradePct, double minPartialFraction, double elevationHysteresisM,
                                  double maxVerticalSpeedMps, double minTerrainChangeM, double minDownhillDistanceM) {
    /** The defaults described above. */
    public static final WatchMetricSettings DEFAULTS = new WatchMetricSettings(30, 140, 2.2, 0.5, 1000, 250, 2.0, 0.25,
            2.0, 2.0, 5, 500);

    public WatchMetricSettings {
        if (!(maxIntervalS > 0) || !(splitLengthM > 0) || !(shortSplitLengthM > 0) || !(flatGradePct >= 0)) {
            throw new IllegalArgumentException("watch metric settings must be positive");
        }
    }
}
