package org.gaitform.events;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gaitform.events.DetectedContact.IcMethod;
import org.gaitform.signal.Crossings;
import org.gaitform.signal.CubicSplineUpsampler;
import org.gaitform.signal.Stats;
import org.gaitform.signal.ZeroPhaseButterworth;

/**
 * Initial contact and toe-off in running from the acceleration of a sensor on the trunk (sacrum, lower back,
 * waist, chest): one contact between every two flight phases, found step by step.
 *
 * <p>Physics. The accelerometer reads about 0 g while the body is in the air (free fall) and well above 1 g in
 * stance, where the ground pushes the body up; over a whole step it averages 1 g. So every running step gives one
 * hump of the vertical acceleration at the step frequency, and between two humps the trunk comes down to the
 * flight level. What rides on the hump is not the centre of mass: the heel-strike transient of a rearfoot landing
 * and the ringing of the soft tissue after it (at 10 Hz and more; on a downhill the transient is large and the
 * rebound after it can drop the signal to 0 g for 20–40 ms inside the stance), a rise before the foot lands while
 * the swing leg is driven down (long on downhills), and a shoulder after toe-off. Thresholds on the raw signal
 * (1 g, as in the "effective contact" of Patoz et al. 2021) split one stance in two on those dips, and merge two
 * stances when an uphill flight is too short to show. Here the step structure comes first:
 * <ol>
 *   <li>Steps. The vertical acceleration low-passed at 5 Hz, below every transient and above the step frequency,
 *       has one hump above 1 g per step. Humps closer than a physical minimum step (200 ms) or than 0.6 of the
 *       local step period (the median of the nine nearest step intervals) are one step. This is the "one vertical
 *       peak per step, searched at least one shortest step period apart" of the sacral methods of Auvinet et al.
 *       2002, Lee et al. 2010 and Benson et al. 2019 as automated by Kiernan et al. 2023, with the period taken
 *       from the recording itself.</li>
 *   <li>Flights. Between two humps, the lowest point of the smoothed signal is in the flight; the flight is the
 *       stretch around it where the 20 Hz signal is below 1 g. Two contacts are only told apart when the trunk comes
 *       down to within 0.4 g of free fall there. In free fall an accelerometer reads 0 g on every axis whatever its
 *       tilt, plus its bias: the free-fall level is one value per running stretch, the median of the flights'
 *       floors (a floor is the densest 0.02 g band of a flight's samples within 0.1 g of its lowest point: the
 *       plateau, not the ringing of a sharp landing or of a signal clipped at 0 g, which dips below it, nor the
 *       ramps into and out of it); a flight that does not come down to it (a short uphill flight) keeps its own
 *       lowest value.</li>
 *   <li>Toe-off: searching back from the flight, the last of the stance tail that stands 0.1 g above the free-fall
 *       level (clear of any noise in flight), then forwards to where the 20 Hz vertical acceleration is back within
 *       0.03 g of it, minus 25 ms for the trunk to get there after the toes leave the ground (a "return to the
 *       flight level", after Patoz et al. 2022, who moved the threshold of their 2021 effective contact to detect
 *       actual toe-off).</li>
 *   <li>Initial contact, with a forward axis: at landing the ground starts to brake the body, so the forward
 *       acceleration falls from a peak just before landing to a braking trough after it (the forward-acceleration
 *       landmarks of Zijlstra and Hof 2003 in walking, and of Auvinet et al. 2002 and Lee et al. 2010). The
 *       trough is the deepest minimum of the 10 Hz forward acceleration between the flight and the stance hump;
 *       walking back from it, the peak is where the acceleration stops rising (a 10 % hysteresis ignores
 *       wiggles on a flat slope); initial contact is where the fall crosses the level midway between peak and
 *       trough. Without a forward axis, or when that estimate is more than 60 ms before or 40 ms after the
 *       vertical one: where the vertical acceleration has risen 0.5 g above the free-fall level, minus 6 ms. The
 *       vertical departure from free fall itself is not used: the swing leg's descent starts it up to 50 ms before
 *       landing on a downhill.</li>
 * </ol>
 * When the data start on the way up to a stance, its initial contact is extrapolated back from where the signal
 * rises through 1 g, with this runner's own time from landing to that point, and the contact is kept only when its
 * step to the next is like the stretch's other steps (data that start in the rebound after a downhill heel strike
 * would otherwise give a landing tens of milliseconds late); when they end on the way down from
 * one, its toe-off is extrapolated from where the signal falls through 1 g, with this runner's own time from there
 * to the free-fall level, and the contact is kept only if that toe-off falls inside the recording. A recording
 * sampled more slowly than {@link TrunkEventSettings#detectionRateHz()} (200 Hz) is first upsampled, by a whole
 * factor, through the cubic spline of its samples, and its events are found on that curve: at 50 Hz the fall from
 * stance to flight spans two or three samples, and straight lines between them put toe-off up to a sample late.
 * Settings, and which constants were chosen on data: {@link TrunkEventSettings}.
 *
 * <p>References. Patoz A, Lussiana T, Breine B, Gindre C, Malatesta D. Estimating effective contact and flight
 * times using a sacral-mounted inertial measurement unit. J Biomech 2021;127:110667. — Patoz A et al. A single
 * sacral-mounted inertial measurement unit to estimate peak vertical ground reaction force, contact time, and
 * flight time in running. Sensors 2022;22(3):784. — Auvinet B, Berrut G, Touzard C, et al. Reference data for
 * normal subjects obtained with an accelerometric device. Gait Posture 2002;16(2):124–134. — Zijlstra W, Hof AL.
 * Assessment of spatio-temporal gait parameters from trunk accelerations during human walking. Gait Posture
 * 2003;18(2):1–10. — Lee JB, Mellifont RB, Burkett BJ. The use of a single inertial sensor to identify stride,
 * step, and stance durations of running gait. J Sci Med Sport 2010;13(2):270–273. — Benson LC, Clermont CA,
 * Watari R, Exley T, Ferber R. Automated accelerometer-based gait event detection during multiple running
 * conditions. Sensors 2019;19(7):1483. — Kiernan D, Dunn Siino K, Hawkins DA. Unsupervised gait event
 * identification with a single wearable accelerometer and/or gyroscope: a comparison of methods across running
 * speeds, surfaces, and foot strike patterns. Sensors 2023;23(11):5022 (sacral methods: initial-contact biases of
 * about ±30 ms with limits of agreement of about ±120 ms per step).
 *
 * <p>Measured on Alcantara et al. 2022 (18 force-treadmill trials, one runner, 2.5–4.17 m/s, −10° to +10°, sacral
 * accelerometer) by {@code AlcantaraAccuracyTest}, separately on the trials the constants were chosen on and on
 * the held-out ones; the figures are in the README.
 */
public final class FlightPhaseTrunkEvents {
    /** Longest running step period used to look for a flight before the first and after the last step (s). */
    static final double MAX_STEP_S = 0.6;
    /** Band above the lowest point of a flight whose samples make its floor (g). */
    static final double FLOOR_BAND_G = 0.1;
    /** Where the ground pushes with body weight: the "effective" contact and toe-off of Patoz et al. 2021 (g). */
    static final double EFFECTIVE_G = 1.0;
    /** Width of the band in which the floor's samples are densest (g). */
    static final double FLOOR_WINDOW_G = 0.02;

    private final TrunkEventSettings settings;

    public FlightPhaseTrunkEvents(TrunkEventSettings settings) {
        this.settings = settings;
    }

    public FlightPhaseTrunkEvents() {
        this(TrunkEventSettings.DEFAULTS);
    }

    public TrunkEventSettings settings() {
        return settings;
    }

    /**
     * Finds the contacts inside running stretches of a recording.
     *
     * @param signals trunk accelerations (the antero-posterior axis, when present, must be forward positive)
     * @param ranges  running stretches to search, as sample index ranges, in time order
     * @return contacts in time order, as fractional sample indices
     */
    public List<DetectedContact> detect(TrunkSignals signals, List<IndexRange> ranges) {
        int factor = upsamplingFactor(signals.samplingRateHz());
        // the spline needs every sample (the readers fill short gaps; a sample missing anyway leaves the rate as is)
        boolean finite = factor > 1 && finite(signals.vertical()) && (!signals.hasAp() || finite(signals.ap()));
        return finite ? detectUpsampled(signals, ranges, factor) : detectAtRate(signals, ranges);
    }

    private List<DetectedContact> detectAtRate(TrunkSignals signals, List<IndexRange> ranges) {
        double fs = signals.samplingRateHz();
        DoubleBuffer v = signals.vertical();
        double[] step = ZeroPhaseButterworth.lowPass(2, settings.stepLowPassHz()).apply(v, fs);
        double[] edge = ZeroPhaseButterworth.lowPass(2, settings.edgeLowPassHz()).apply(v, fs);
        double[] ap = signals.hasAp() ? ZeroPhaseButterworth.lowPass(2, settings.apLowPassHz()).apply(signals.ap(), fs)
                : null;
        List<DetectedContact> out = new ArrayList<>();
        for (IndexRange r : ranges) {
            out.addAll(detectIn(v, step, edge, ap, fs, r));
        }
        return out;
    }

    /**
     * By how much a recording at this rate is upsampled before its events are found: the smallest whole factor that
     * brings it to {@link TrunkEventSettings#detectionRateHz()}, 1 at or above it.
     */
    int upsamplingFactor(double samplingRateHz) {
        return samplingRateHz >= settings.detectionRateHz() ? 1
                : (int) Math.ceil(settings.detectionRateHz() / samplingRateHz - 1e-9);
    }

    /**
     * The contacts of a slowly sampled recording, found on its cubic spline at {@code factor} times the rate and
     * given back in the recording's own (fractional) sample indices; each contact's peak is that of the recorded
     * samples, not of the curve between them.
     */
    private List<DetectedContact> detectUpsampled(TrunkSignals signals, List<IndexRange> ranges, int factor) {
        TrunkSignals fine = TrunkSignals.adopt(signals.samplingRateHz() * factor,
                CubicSplineUpsampler.upsample(signals.vertical(), factor),
                signals.hasAp() ? CubicSplineUpsampler.upsample(signals.ap(), factor) : null, null);
        int n = fine.size();
        List<IndexRange> fineRanges = ranges.stream().map(r -> new IndexRange(Math.min(n, r.from() * factor),
                (int) Math.min(n, (long) r.to() * factor))).toList();
        DoubleBuffer raw = signals.vertical();
        List<DetectedContact> out = new ArrayList<>();
        for (DetectedContact c : detectAtRate(fine, fineRanges)) {
            double ic = c.icIndex() / factor;
            double to = c.toIndex() / factor;
            double peak = max(raw, Math.max(0, (int) Math.floor(ic)), Math.min(raw.limit(), (int) Math.ceil(to) + 1));
            out.add(new DetectedContact(ic, to, c.icMethod(), peak));
        }
        return out;
    }

    /**
     * A flight phase: where the searches for the toe-off before it and the initial contact after it start (its
     * lowest point; for a flight the data cut, the last or first sample), its lowest value, the level of free fall
     * the trunk comes back to (see {@link #detectIn}), and whether the data start or end inside it before the trunk
     * is back at that level.
     */
    private record Flight(int toSide, int icSide, double lowestG, double floorG, double levelG, boolean cut) {
        Flight withLevel(double freeFallG) {
            return new Flight(toSide, icSide, lowestG, floorG, cut ? freeFallG : Math.max(freeFallG, lowestG), cut);
        }

        /** Where the stance before this flight came back to the flight level. */
        double returnAfter(double[] edge, int hump, double marginG) {
            return returnToFloor(edge, toSide, hump, levelG, marginG);
        }
    }

    private List<DetectedContact> detectIn(DoubleBuffer raw, double[] step, double[] edge, double[] ap, double fs,
                                           IndexRange range) {
        List<DetectedContact> out = new ArrayList<>();
        int n = raw.limit();
        if (range.length() < 3) {
            return out;
        }
        int margin = (int) Math.round(settings.edgeMarginMs() / 1000.0 * fs);
        int searchFrom = Math.max(0, range.from() - margin);
        int searchTo = Math.min(n, range.to() + margin);
        int[] humps = stanceHumps(step, range.from(), range.to(), fs);
        if (humps.length == 0) {
            return out;
        }
        int period = humps.length > 1 ? (int) Math.round(Stats.median(gaps(humps)))
                : (int) Math.round(MAX_STEP_S * fs);
        // interior flights: around the lowest point of the smoothed signal between two humps
        Flight[] flights = new Flight[humps.length + 1];
        double[] floors = new double[humps.length - 1];
        for (int k = 0; k + 1 < humps.length; k++) {
            flights[k + 1] = flight(step, edge, humps[k], humps[k + 1] + 1, searchFrom, searchTo, period, Double.NaN);
            floors[k] = flights[k + 1] == null ? Double.NaN : flights[k + 1].floorG();
        }
        // in free fall an accelerometer reads 0 g on every axis, whatever its tilt, plus its bias: one level for the
        // whole stretch, the median of the flights' floors, and a flight that does not come down to it (a short
        // uphill flight) keeps its own lowest value
        double freeFall = Stats.count(floors) > 0 ? Stats.median(floors) : 0.0;
        for (int k = 1; k < humps.length; k++) {
            flights[k] = flights[k] == null ? null : flights[k].withLevel(freeFall);
        }
        flights[0] = flight(step, edge, Math.max(searchFrom, humps[0] - period), humps[0] + 1, searchFrom, searchTo,
                period, freeFall);
        int last = humps[humps.length - 1];
        flights[humps.length] = flight(step, edge, last, Math.min(searchTo, last + period + 1), searchFrom, searchTo,
                period, freeFall);
        for (int k : new int[] {0, humps.length}) {
            flights[k] = flights[k] == null ? null : flights[k].withLevel(freeFall);
        }
        // contacts between two flights seen whole; then the ones the start or the end of the data cut
        DetectedContact[] found = new DetectedContact[humps.length];
        for (int k = 0; k < humps.length; k++) {
            if (flights[k] != null && flights[k + 1] != null && !flights[k].cut() && !flights[k + 1].cut()) {
                double toEdge = flights[k + 1].returnAfter(edge, humps[k], settings.toMarginG());
                found[k] = contact(raw, edge, ap, fs, flights[k], toEdge, humps[k]);
            }
        }
        if (humps.length > 1 && flights[0] != null && flights[0].cut() && flights[1] != null && !flights[1].cut()) {
            double ic = extrapolatedRise(edge, flights, humps, found);
            double toEdge = flights[1].returnAfter(edge, humps[0], settings.toMarginG());
            found[0] = Double.isNaN(ic) || Double.isNaN(toEdge) ? null
                    : finish(raw, ic, toEdge - settings.toFreeFallLatencyMs() / 1000.0 * fs, IcMethod.EXTRAPOLATED, fs);
            if (found[0] != null && !stepLikeTheOthers(found)) {
                found[0] = null;
            }
        }
        int k = humps.length - 1;
        if (k > 0 && flights[k + 1] != null && flights[k + 1].cut() && flights[k] != null && !flights[k].cut()) {
            double toEdge = extrapolatedFall(edge, flights, humps, flights[k + 1], humps[k]);
            // a toe-off after the end of the data was not seen: that contact is still under way
            if (!Double.isNaN(toEdge) && toEdge - settings.toFreeFallLatencyMs() / 1000.0 * fs <= n - 1) {
                found[k] = contact(raw, edge, ap, fs, flights[k], toEdge, humps[k]);
            }
        }
        for (DetectedContact c : found) {
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The contact after a flight: initial contact from the braking of the forward acceleration, or from the
     * vertical rise; toe-off from where the vertical acceleration fell back to the next flight's level
     * ({@code toEdge}). {@code null} when it is not a running stance.
     */
    private DetectedContact contact(DoubleBuffer raw, double[] edge, double[] ap, double fs, Flight before,
                                    double toEdge, int hump) {
        double icV = Crossings.firstRiseAfter(edge, before.icSide(), hump, before.levelG() + settings.icLevelG());
        if (Double.isNaN(toEdge) || Double.isNaN(icV)) {
            return null;
        }
        double toIdx = toEdge - settings.toFreeFallLatencyMs() / 1000.0 * fs;
        double icIdx = icV - settings.icLatencyMs() / 1000.0 * fs;
        IcMethod method = IcMethod.VERTICAL;
        if (ap != null) {
            double icAp = braking(ap, before.icSide(), hump, Math.max(0, before.icSide()
                    - (int) Math.round(settings.apPeakBeforeFlightMs() / 1000.0 * fs)));
            if (!Double.isNaN(icAp) && icAp >= icIdx - settings.maxIcBeforeVerticalMs() / 1000.0 * fs
                    && icAp <= icIdx + settings.maxIcAfterVerticalMs() / 1000.0 * fs) {
                icIdx = icAp;
                method = IcMethod.AP_BRACKET;
            }
        }
        return finish(raw, icIdx, toIdx, method, fs);
    }

    /**
     * Whether the first contact, whose landing was extrapolated, is one step before the next like the stretch's other
     * steps (within {@link TrunkEventSettings#cutStepFraction()} of their median); true when fewer than two other
     * steps show the runner's step.
     */
    private boolean stepLikeTheOthers(DetectedContact[] found) {
        if (found.length < 2 || found[1] == null) {
            return true;
        }
        List<Double> steps = new ArrayList<>();
        for (int k = 1; k + 1 < found.length; k++) {
            if (found[k] != null && found[k + 1] != null) {
                steps.add(found[k + 1].icIndex() - found[k].icIndex());
            }
        }
        if (steps.size() < 2) {
            return true;
        }
        double median = Stats.median(steps.stream().mapToDouble(Double::doubleValue).toArray());
        return Math.abs(found[1].icIndex() - found[0].icIndex() - median) <= settings.cutStepFraction() * median;
    }

    /** The contact, or {@code null} when it is not a running stance (no positive duration, or too long). */
    private DetectedContact finish(DoubleBuffer raw, double icIdx, double toIdx, IcMethod method, double fs) {
        if (!(toIdx > icIdx) || toIdx - icIdx > settings.maxContactMs() / 1000.0 * fs) {
            return null;
        }
        int n = raw.limit();
        double peak = max(raw, Math.max(0, (int) Math.floor(icIdx)), Math.min(n, (int) Math.ceil(toIdx) + 1));
        return new DetectedContact(icIdx, toIdx, method, peak);
    }

    /**
     * The first initial contact when the data start on its way up to the stance: where the vertical acceleration
     * rises through 1 g (the ground pushes with body weight: the "effective" contact of Patoz et al. 2021), minus
     * the median time this runner's other contacts of the stretch took from initial contact to that point.
     *
     * @return fractional index (before the first sample when the contact began before the recording), or
     *         {@code NaN} when fewer than two other contacts show the way up
     */
    private double extrapolatedRise(double[] edge, Flight[] flights, int[] humps, DetectedContact[] found) {
        double at = Crossings.firstRiseAfter(edge, flights[0].icSide(), humps[0], EFFECTIVE_G);
        List<Double> rise = new ArrayList<>();
        for (int j = 1; j < humps.length; j++) {
            if (found[j] != null) {
                double up = Crossings.firstRiseAfter(edge, flights[j].icSide(), humps[j], EFFECTIVE_G);
                if (!Double.isNaN(up)) {
                    rise.add(up - found[j].icIndex());
                }
            }
        }
        if (Double.isNaN(at) || rise.size() < 2) {
            return Double.NaN;
        }
        return at - Stats.median(rise.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Where the last stance's vertical acceleration comes back to the flight level when the data end on its way
     * down: where it does, when the data reach it; otherwise where it falls through 1 g (the "effective" toe-off
     * of Patoz et al. 2021), plus the median time this runner's complete stances of the stretch took from there
     * down to the flight level.
     *
     * @return fractional index, or {@code NaN} when fewer than two complete stances show the way down
     */
    private double extrapolatedFall(double[] edge, Flight[] flights, int[] humps, Flight cut, int hump) {
        if (edge[cut.toSide()] < cut.levelG() + settings.toMarginG()) {
            // already back at the flight level when the data end
            return cut.returnAfter(edge, hump, settings.toMarginG());
        }
        double from = Crossings.lastFallBefore(edge, cut.toSide(), hump, EFFECTIVE_G);
        List<Double> fall = new ArrayList<>();
        for (int j = 0; j + 1 < humps.length; j++) {
            Flight a = flights[j + 1];
            if (a == null || a.cut() || flights[j] == null || flights[j].cut()) {
                continue;
            }
            double top = Crossings.lastFallBefore(edge, a.toSide(), humps[j], EFFECTIVE_G);
            double bottom = a.returnAfter(edge, humps[j], settings.toMarginG());
            if (!Double.isNaN(top) && !Double.isNaN(bottom) && bottom >= top) {
                fall.add(bottom - top);
            }
        }
        if (Double.isNaN(from) || fall.size() < 2) {
            return Double.NaN;
        }
        return from + Stats.median(fall.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The stance humps of a running stretch: local maxima above 1 g of the step-band signal inside
     * {@code [from, to)}, one per step.
     */
    int[] stanceHumps(double[] step, int from, int to, double fs) {
        int minGap = (int) Math.ceil(settings.minStepMs() / 1000.0 * fs);
        List<Integer> found = new ArrayList<>();
        for (int i = Math.max(1, from); i < Math.min(to, step.length - 1); i++) {
            if (step[i] > 1.0 && step[i] > step[i - 1] && step[i] >= step[i + 1]) {
                int lastIdx = found.size() - 1;
                if (lastIdx >= 0 && i - found.get(lastIdx) < minGap) {
                    if (step[i] > step[found.get(lastIdx)]) {
                        found.set(lastIdx, i);
                    }
                } else {
                    found.add(i);
                }
            }
        }
        int[] h = found.stream().mapToInt(Integer::intValue).toArray();
        if (h.length < 3) {
            return h;
        }
        // humps closer than a fraction of the local step period are one step (keep the higher)
        double[] g = gaps(h);
        int[] kept = new int[h.length];
        int m = 0;
        kept[m++] = h[0];
        for (int j = 1; j < h.length; j++) {
            double local = Stats.median(Arrays.copyOfRange(g, Math.max(0, j - 1 - 4), Math.min(g.length, j - 1 + 5)));
            if (h[j] - kept[m - 1] < settings.stepMergeFraction() * local) {
                if (step[h[j]] > step[kept[m - 1]]) {
                    kept[m - 1] = h[j];
                }
            } else {
                kept[m++] = h[j];
            }
        }
        return Arrays.copyOf(kept, m);
    }

    private static double[] gaps(int[] h) {
        double[] g = new double[h.length - 1];
        for (int i = 0; i + 1 < h.length; i++) {
            g[i] = h[i + 1] - h[i];
        }
        return g;
    }

    /**
     * The flight in {@code [a, b)}: around the lowest point of the step-band signal, the stretch where the edge
     * signal is below 1 g; {@code null} when the trunk does not come down near free fall there. Its floor is the
     * plateau of free fall. When the data start on the way up to a stance (below the 1 g of the effective contact)
     * or end on the way down from one (below the initial-contact level), the flight is cut and takes the stretch's
     * free-fall level.
     *
     * @param freeFallG the stretch's free-fall level, for a cut flight ({@code NaN}: no cut flight is used)
     */
    private Flight flight(double[] step, double[] edge, int a, int b, int searchFrom, int searchTo, int period,
                          double freeFallG) {
        if (b - a < 2) {
            return null;
        }
        int c = a;
        for (int i = a + 1; i < b; i++) {
            if (step[i] < step[c]) {
                c = i;
            }
        }
        if (edge[c] >= 1.0) {
            // a very short flight next to the smoothed minimum: the nearest stretch below 1 g, within a quarter step
            int reach = Math.max(1, period / 4);
            int found = -1;
            for (int d = 1; d <= reach && found < 0; d++) {
                if (c - d >= Math.max(a, searchFrom) && edge[c - d] < 1.0) {
                    found = c - d;
                } else if (c + d < Math.min(b, searchTo) && edge[c + d] < 1.0) {
                    found = c + d;
                }
            }
            if (found < 0) {
                return null;
            }
            c = found;
        }
        int lo = c;
        while (lo > searchFrom && edge[lo - 1] < 1.0) {
            lo--;
        }
        int hi = c;
        while (hi + 1 < searchTo && edge[hi + 1] < 1.0) {
            hi++;
        }
        int core = lo;
        for (int i = lo + 1; i <= hi; i++) {
            if (edge[i] < edge[core]) {
                core = i;
            }
        }
        boolean startCut = lo == searchFrom && core == lo;
        boolean endCut = hi == searchTo - 1 && core == hi;
        if (startCut || endCut) {
            // the data start on the way up to the next stance (still below the 1 g of the effective contact), or
            // end on the way down from the last one (already below the initial-contact level)
            if (Double.isNaN(freeFallG) || startCut && edge[lo] >= freeFallG + 1.0
                    || endCut && edge[hi] >= freeFallG + settings.icLevelG()) {
                return null;
            }
            return new Flight(endCut ? hi : core, startCut ? lo : core, edge[core], freeFallG, freeFallG, true);
        }
        if (edge[core] > settings.flightMaxG()) {
            return null; // the trunk never comes down near free fall: no flight between these steps
        }
        double floor = floor(edge, lo, hi, edge[core]);
        return new Flight(core, core, edge[core], floor, floor, false);
    }

    /**
     * The floor of {@code x[lo..hi]}: the level where the samples within {@value #FLOOR_BAND_G} g of {@code lowest}
     * are densest (the median of the most populated {@value #FLOOR_WINDOW_G} g wide band), that is, the plateau of
     * free fall rather than the ramps into and out of it.
     */
    private static double floor(double[] x, int lo, int hi, double lowest) {
        int count = 0;
        for (int i = lo; i <= hi; i++) {
            if (x[i] <= lowest + FLOOR_BAND_G) {
                count++;
            }
        }
        double[] near = new double[count];
        int m = 0;
        for (int i = lo; i <= hi; i++) {
            if (x[i] <= lowest + FLOOR_BAND_G) {
                near[m++] = x[i];
            }
        }
        Arrays.sort(near);
        int bestFrom = 0;
        int bestTo = 1;
        int j = 0;
        for (int i = 0; i < near.length; i++) {
            while (j < near.length && near[j] <= near[i] + FLOOR_WINDOW_G) {
                j++;
            }
            if (j - i > bestTo - bestFrom) {
                bestFrom = i;
                bestTo = j;
            }
        }
        return Stats.median(Arrays.copyOfRange(near, bestFrom, bestTo));
    }

    /**
     * Where the stance before a flight ends: searching back from the flight's lowest point to the last sample of
     * the stance tail that stands {@value #FLOOR_BAND_G} g above the floor (clear of any noise in flight), then
     * forwards to where the signal comes back within the margin of the floor.
     *
     * @return fractional index, or {@code NaN} when there is no such fall between the hump and the flight
     */
    private static double returnToFloor(double[] edge, int from, int hump, double levelG, double marginG) {
        double tail = Crossings.lastFallBefore(edge, from, hump, levelG + Math.max(FLOOR_BAND_G, marginG));
        if (Double.isNaN(tail)) {
            return Double.NaN;
        }
        return Crossings.firstFallAfter(edge, (int) Math.floor(tail) + 1, from, levelG + marginG);
    }

    /**
     * Initial contact from the forward acceleration: where it falls through the level midway between its peak
     * before landing and the braking trough after it. The trough is the deepest local minimum after the flight's
     * lowest point and before the stance hump.
     *
     * @param flightCore lowest point of the flight before the contact, on its initial-contact side
     * @param hump       the stance hump
     * @param lowest     how far back the peak may be searched
     * @return fractional index, or {@code NaN} when no clear peak and trough are found
     */
    private double braking(double[] ap, int flightCore, int hump, int lowest) {
        int trough = -1;
        for (int j = flightCore + 1; j < hump && j + 1 < ap.length; j++) {
            if (ap[j] < ap[j - 1] && ap[j] <= ap[j + 1] && (trough < 0 || ap[j] < ap[trough])) {
                trough = j;
            }
        }
        if (trough < 0) {
            return Double.NaN;
        }
        int peak = trough;
        double top = ap[trough];
        boolean passed = false;
        for (int j = trough - 1; j >= lowest; j--) {
            if (ap[j] > top) {
                top = ap[j];
                peak = j;
            } else if (ap[j] < top - Math.max(0.02, settings.apPeakHysteresis() * (top - ap[trough]))) {
                passed = true;
                break;
            }
        }
        if (peak == trough || !passed && peak == lowest) {
            return Double.NaN; // the rise before the trough runs out of the search: no clear peak
        }
        double mid = (ap[peak] + ap[trough]) / 2;
        int j = peak;
        while (j < trough && ap[j + 1] > mid) {
            j++;
        }
        double d = ap[j] - ap[j + 1];
        return d > 0 ? j + (ap[j] - mid) / d : j;
    }

    private static boolean finite(DoubleBuffer x) {
        for (int i = x.position(); i < x.limit(); i++) {
            if (!Double.isFinite(x.get(i))) {
                return false;
            }
        }
        return true;
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
}
