package org.gaitform.events;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import org.gaitform.events.DetectedContact.IcMethod;
import org.gaitform.signal.Crossings;
import org.gaitform.signal.Extrema;
import org.gaitform.signal.Stats;
import org.gaitform.signal.ZeroPhaseButterworth;

/**
 * Initial contact and toe-off in running from the acceleration of a sensor on the sacrum or lower
 * trunk, by thresholds on the vertical acceleration.
 *
 * <p>Method. Patoz A, Lussiana T, Breine B, Gindre C, Malatesta D. <i>A single sacral-mounted inertial
 * measurement unit to estimate peak vertical ground reaction force, contact time, and flight time in
 * running.</i> Sensors 2022;22(3):784, doi:10.3390/s22030784 — building on Patoz et al., <i>Estimating
 * effective contact and flight times using a sacral-mounted inertial measurement unit</i>, J Biomech
 * 2021;127:110667. A sacral sensor measures roughly the body's vertical ground reaction force in body
 * weights: about 0 g in flight, well above 1 g in stance. Stance is found where the vertical
 * acceleration exceeds 1 g (the "effective contact" of the 2021 paper) and its edges are then moved out
 * to where the signal leaves and regains the flight level, as the 2022 paper moved its threshold to
 * detect actual foot-strike and toe-off.
 *
 * <p>This implementation's own choices (the papers' exact thresholds are not reproduced):
 * <ul>
 *   <li>Toe-off: where the 40 Hz low-passed vertical acceleration returns to within 0.05 g of the flight
 *       level, minus 20 ms for the trunk to reach free fall after the toes leave the ground.</li>
 *   <li>Initial contact, when an antero-posterior axis is present: midway between the forward
 *       acceleration peak just before landing and the braking trough just after it (10 Hz low-pass);
 *       otherwise where the vertical acceleration leaves the flight level by 0.2 g.</li>
 *   <li>A contact starting before the recording does is extrapolated back along its rising edge; a
 *       contact still under way when the recording ends is dropped.</li>
 * </ul>
 * Measured on Alcantara et al. 2022 (12 treadmill trials, 2.5–4.17 m/s, 0° and +5°, force-plate truth)
 * by {@code AlcantaraAccuracyTest}; the figures are in the README. Published sacral methods reach
 * initial-contact biases of 17–30 ms with limits of agreement of ±100–150 ms (Kiernan 2023) and a
 * contact-time RMSE of about 20 ms (Patoz 2022).
 */
public final class Patoz2022SacralEvents {

    private final SacralEventSettings settings;

    public Patoz2022SacralEvents(SacralEventSettings settings) {
        this.settings = settings;
    }

    public Patoz2022SacralEvents() {
        this(SacralEventSettings.DEFAULTS);
    }

    public SacralEventSettings settings() {
        return settings;
    }

    /**
     * Finds the contacts inside running stretches of a recording.
     *
     * @param signals trunk accelerations (the antero-posterior axis must be forward positive)
     * @param ranges  running stretches to search, as sample index ranges
     * @return contacts in time order, as fractional sample indices
     */
    public List<DetectedContact> detect(TrunkSignals signals, List<IndexRange> ranges) {
        double fs = signals.samplingRateHz();
        DoubleBuffer v = signals.vertical();
        double[] core = ZeroPhaseButterworth.lowPass(2, settings.contactLowPassHz()).apply(v, fs);
        double[] edge = ZeroPhaseButterworth.lowPass(2, settings.flightLowPassHz()).apply(v, fs);
        double[] ap = signals.hasAp() ? ZeroPhaseButterworth.lowPass(2, settings.apLowPassHz()).apply(signals.ap(), fs)
                : null;
        List<DetectedContact> out = new ArrayList<>();
        for (IndexRange r : ranges) {
            out.addAll(detectIn(v, core, edge, ap, fs, r));
        }
        return out;
    }

    private List<DetectedContact> detectIn(DoubleBuffer raw, double[] core, double[] edge, double[] ap, double fs,
                                           IndexRange range) {
        int n = raw.limit();
        int margin = (int) Math.round(settings.edgeMarginMs() / 1000.0 * fs);
        // stances must start inside the range; their edges may be found up to the margin outside it
        int from = range.from();
        int to = range.to();
        int searchFrom = Math.max(0, from - margin);
        int searchTo = Math.min(n, to + margin);
        List<DetectedContact> out = new ArrayList<>();
        if (range.length() < 3) {
            return out;
        }
        double level = settings.contactLevelG();
        double flight = Stats.percentile(java.util.Arrays.copyOfRange(edge, searchFrom, searchTo), 5);
        // stance cores: where the 20 Hz signal is above 1 g; cores not separated by a flight are merged
        List<int[]> cores = new ArrayList<>();
        int i = from;
        while (i < to) {
            if (core[i] >= level && (i == from || core[i - 1] < level)) {
                int j = i;
                while (j < searchTo && core[j] >= level) {
                    j++;
                }
                if (!cores.isEmpty()) {
                    int[] prev = cores.get(cores.size() - 1);
                    double lowest = Stats.min(java.util.Arrays.copyOfRange(edge, prev[1], i));
                    if (lowest > flight + settings.toMarginG() + 0.1) {
                        prev[1] = j; // a dip inside one stance
                        i = j;
                        continue;
                    }
                }
                cores.add(new int[] {i, j});
                i = j;
            } else {
                i++;
            }
        }
        int minCore = (int) Math.ceil(settings.minStanceCoreMs() / 1000.0 * fs);
        int apBefore = (int) Math.round(settings.apBeforeMs() / 1000.0 * fs);
        int apAfter = (int) Math.round(settings.apAfterMs() / 1000.0 * fs);
        int apSlack = (int) Math.round(settings.apSlackMs() / 1000.0 * fs);
        double latency = settings.toFreeFallLatencyMs() / 1000.0 * fs;
        for (int c = 0; c < cores.size(); c++) {
            int u = cores.get(c)[0];
            int d = cores.get(c)[1];
            if (d - u < minCore || d >= searchTo) {
                continue; // too short, or still in stance when the data end
            }
            int prevEnd = c > 0 ? cores.get(c - 1)[1] : searchFrom;
            int nextStart = c + 1 < cores.size() ? cores.get(c + 1)[0] : searchTo;
            // toe-off: back to the flight level, minus the free-fall latency
            double back = Crossings.firstFallAfter(edge, d, nextStart, flight + settings.toMarginG());
            if (Double.isNaN(back)) {
                continue;
            }
            double toIdx = back - latency;
            // initial contact
            double uCross = u - 1 + crossingFraction(core, u - 1, level);
            double icV = Crossings.lastRiseBefore(edge, u, prevEnd, flight + settings.icMarginG());
            IcMethod method = IcMethod.VERTICAL;
            double icIdx = icV;
            if (Double.isNaN(icV)) {
                // no flight before this stance: acceptable only when the data start during its rising edge
                if (c > 0 || searchFrom > 0 || u <= 1 || !risingFromStart(core, u)) {
                    continue;
                }
                double slope = (core[u] - core[u - 1]);
                if (!(slope > 0)) {
                    continue;
                }
                icIdx = uCross - (level - flight) / slope;
                method = IcMethod.EXTRAPOLATED;
            } else if (ap != null) {
                // the forward peak before landing and the braking trough after it, searched around the
                // vertical estimate (which is within a few samples of contact whatever the foot strike)
                int centre = (int) Math.round(icV);
                int lo = centre - apBefore;
                int hi = centre + apAfter;
                if (lo > searchFrom && hi < searchTo) {
                    int pk = Extrema.argMax(ap, lo, centre + apSlack + 1);
                    int tr = pk < 0 ? -1 : Extrema.argMin(ap, pk + 1, hi + 1);
                    boolean inside = pk > lo && pk < centre + apSlack && tr > pk && tr < hi;
                    if (inside) {
                        double icAp = (Extrema.parabolicVertex(ap, pk) + Extrema.parabolicVertex(ap, tr)) / 2.0;
                        if (Math.abs(icAp - icV) <= settings.maxIcDisagreementMs() / 1000.0 * fs) {
                            icIdx = icAp;
                            method = IcMethod.AP_BRACKET;
                        }
                    }
                }
            }
            if (!(toIdx > icIdx) || toIdx - icIdx > settings.maxContactMs() / 1000.0 * fs) {
                continue; // not a running stance
            }
            double peak = max(raw, Math.max(0, (int) Math.floor(icIdx)), Math.min(n, (int) Math.ceil(toIdx) + 1));
            out.add(new DetectedContact(icIdx, toIdx, method, peak));
        }
        return out;
    }

    /** Largest value of {@code x[from, to)} ignoring NaN; NaN when there is none. */
    private static double max(DoubleBuffer x, int from, int to) {
        double m = Double.NaN;
        for (int i = from; i < to; i++) {
            double v = x.get(i);
            if (!Double.isNaN(v) && !(v <= m)) {
                m = v;
            }
        }
        return m;
    }

    private static boolean risingFromStart(double[] x, int u) {
        for (int i = 1; i <= u; i++) {
            if (x[i] < x[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private static double crossingFraction(double[] x, int i, double level) {
        if (i < 0 || i + 1 >= x.length) {
            return 1;
        }
        double d = x[i + 1] - x[i];
        return d == 0 ? 1 : Math.max(0, Math.min(1, (level - x[i]) / d));
    }
}
