package org.gaitform.events;

/**
 * Settings of {@link TrunkActivityBouts}.
 *
 * @param lowPassHz          low-pass cut-off of the vertical acceleration (Hz); default 20
 * @param hysteresisG        a cycle starts when the signal rises from below {@code 1 − h} to above {@code 1 + h} (g); default 0.1
 * @param runFlightMaxG      a running cycle dips below this (flight, near free fall) (g); default 0.4
 * @param runPeakMinG        and peaks above this (g); default 1.6
 * @param runPeriodS         running step periods, min and max (s); default 0.2–0.55
 * @param walkPeriodS        walking step periods, min and max (s); default 0.35–1.0
 * @param walkMinRangeG      a walking cycle spans at least this from lowest to highest (g); default 0.2
 * @param stillSdG           a stretch without cycles whose 1 s standard deviation stays below this is standing (g); default 0.05
 * @param minCycles          fewest consecutive cycles that make a running or walking bout; default 4
 * @param mergeGapS          bouts of the same activity closer than this are joined (s); default 1.0
 */
public record TrunkActivitySettings(double lowPassHz, double hysteresisG, double runFlightMaxG, double runPeakMinG,
                                    double[] runPeriodS, double[] walkPeriodS, double walkMinRangeG, double stillSdG,
                                    int minCycles, double mergeGapS) {

    /** The defaults described above. */
    public static final TrunkActivitySettings DEFAULTS = new TrunkActivitySettings(20, 0.1, 0.4, 1.6,
            new double[] {0.2, 0.55}, new double[] {0.35, 1.0}, 0.2, 0.05, 4, 1.0);

    public TrunkActivitySettings {
        runPeriodS = runPeriodS.clone();
        walkPeriodS = walkPeriodS.clone();
        if (runPeriodS.length != 2 || walkPeriodS.length != 2 || minCycles < 1) {
            throw new IllegalArgumentException("bad activity settings");
        }
    }

    @Override
    public double[] runPeriodS() {
        return runPeriodS.clone();
    }

    @Override
    public double[] walkPeriodS() {
        return walkPeriodS.clone();
    }
}
