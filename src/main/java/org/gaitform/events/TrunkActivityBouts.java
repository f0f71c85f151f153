package org.gaitform.events;

import java.util.ArrayList;
import java.util.List;
import org.gaitform.model.Activity;
import org.gaitform.signal.ZeroPhaseButterworth;

/**
 * Splits a trunk recording into running, walking and standing bouts from the vertical acceleration.
 *
 * <p>Each step makes one cycle of the vertical acceleration around 1 g. Running is looked for a second time in the
 * cycles of the signal low-passed at 5 Hz (one hump per step), because a heel-strike transient and its soft-tissue
 * rebound, or a push-off bump, can start a second cycle in one running step of the 20 Hz signal and break the
 * bout. A running step has a flight
 * phase, in which the trunk is in free fall and the acceleration drops near 0 g, and a stance peak well
 * above 1 g; a walking step never leaves the ground, so its acceleration stays well above 0 g. Stretches
 * without cycles are standing when they are still, otherwise unknown (fidgeting, getting on a
 * treadmill). Bouts need a few consecutive cycles; nearby bouts of the same activity are joined.
 */
public final class TrunkActivityBouts {
    /** Low-pass cut-off of the step-band signal, one hump per step: above the step frequency of walking and running
     * (at most 4 Hz up to 240 steps/min), below the landing transients and their rebound (Hz). */
    static final double STEP_BAND_HZ = 5;

    private final TrunkActivitySettings settings;

    public TrunkActivityBouts(TrunkActivitySettings settings) {
        this.settings = settings;
    }

    public TrunkActivityBouts() {
        this(TrunkActivitySettings.DEFAULTS);
    }

    /**
     * Labels every sample of a recording.
     *
     * @param verticalG      vertical acceleration, gravity included (g)
     * @param samplingRateHz rate (Hz)
     * @return consecutive labelled ranges covering {@code [0, n)}
     */
    public List<LabelledRange> classify(double[] verticalG, double samplingRateHz) {
        int n = verticalG.length;
        double fs = samplingRateHz;
        double[] v = ZeroPhaseButterworth.lowPass(2, settings.lowPassHz()).apply(verticalG, fs);
        double h = settings.hysteresisG();
        Activity[] label = new Activity[n];
        java.util.Arrays.fill(label, Activity.UNKNOWN);
        labelRuns(label, cycleStarts(v, h), v, fs, true);
        // running again, with the cycles of the step-band signal: a heel-strike transient and the soft-tissue
        // rebound after it can dip under 1 − h inside one stance (down to 0 g on a downhill), and a push-off bump
        // can rise over 1 + h after toe-off, so the 20 Hz signal may start two cycles in one step and break a
        // running bout into pieces; low-passed at 5 Hz it has one hump per step
        Activity[] running = new Activity[n];
        java.util.Arrays.fill(running, Activity.UNKNOWN);
        labelRuns(running, cycleStarts(ZeroPhaseButterworth.lowPass(2, STEP_BAND_HZ).apply(verticalG, fs), h), v, fs,
                false);
        for (int i = 0; i < n; i++) {
            if (running[i] == Activity.RUNNING) {
                label[i] = Activity.RUNNING;
            }
        }
        // stillness where no bout was found
        int win = Math.max(2, (int) Math.round(fs));
        double[] sd = movingSd(verticalG, win);
        for (int i = 0; i < n; i++) {
            if (label[i] == Activity.UNKNOWN && sd[i] < settings.stillSdG()) {
                label[i] = Activity.STANDING;
            }
        }
        List<LabelledRange> ranges = toRanges(label);
        return mergeShortGaps(ranges, (int) Math.round(settings.mergeGapS() * fs));
    }

    /** Where cycles start: rises of {@code x} from below {@code 1 − h} to above {@code 1 + h}, moved back to 1 g. */
    private static List<Integer> cycleStarts(double[] x, double h) {
        List<Integer> starts = new ArrayList<>();
        boolean armed = false;
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 1 - h) {
                armed = true;
            } else if (armed && x[i] > 1 + h) {
                int k = i;
                while (k > 0 && x[k - 1] > 1.0 && x[k - 1] < x[k]) {
                    k--;
                }
                starts.add(k);
                armed = false;
            }
        }
        return starts;
    }

    /**
     * Labels the cycles between consecutive starts (running: a flight near 0 g and a stance peak; walking: no
     * flight and a clear swing), and keeps runs of at least {@code minCycles} consecutive cycles of one activity,
     * with up to one more step before and after.
     *
     * @param v       the 20 Hz vertical acceleration (g), for the levels of each cycle
     * @param walking whether walking cycles are labelled too (otherwise running only)
     */
    private void labelRuns(Activity[] label, List<Integer> starts, double[] v, double fs, boolean walking) {
        int n = label.length;
        List<int[]> cycles = new ArrayList<>();
        List<Activity> cycleLabels = new ArrayList<>();
        for (int c = 0; c + 1 < starts.size(); c++) {
            int a = starts.get(c);
            int b = starts.get(c + 1);
            double period = (b - a) / fs;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = a; i < b; i++) {
                lo = Math.min(lo, v[i]);
                hi = Math.max(hi, v[i]);
            }
            Activity act = Activity.UNKNOWN;
            if (period >= settings.runPeriodS()[0] && period <= settings.runPeriodS()[1]
                    && lo < settings.runFlightMaxG() && hi > settings.runPeakMinG()) {
                act = Activity.RUNNING;
            } else if (walking && period >= settings.walkPeriodS()[0] && period <= settings.walkPeriodS()[1]
                    && lo >= settings.runFlightMaxG() && hi - lo >= settings.walkMinRangeG()) {
                act = Activity.WALKING;
            }
            cycles.add(new int[] {a, b});
            cycleLabels.add(act);
        }
        int c = 0;
        while (c < cycles.size()) {
            int e = c;
            while (e + 1 < cycles.size() && cycleLabels.get(e + 1) == cycleLabels.get(c)
                    && cycles.get(e + 1)[0] == cycles.get(e)[1]) {
                e++;
            }
            Activity act = cycleLabels.get(c);
            if (act != Activity.UNKNOWN && e - c + 1 >= settings.minCycles()) {
                int a = cycles.get(c)[0];
                int b = cycles.get(e)[1];
                // up to one more step before the first and after the last full cycle belongs to the bout
                int typical = (b - a) / (e - c + 1);
                for (int i = Math.max(0, a - typical); i < Math.min(n, b + typical); i++) {
                    if (label[i] == Activity.UNKNOWN || (i >= a && i < b)) {
                        label[i] = act;
                    }
                }
            }
            c = e + 1;
        }
    }

    private static double[] movingSd(double[] x, int win) {
        int n = x.length;
        double[] out = new double[n];
        double s = 0;
        double s2 = 0;
        int half = win / 2;
        int lo = 0;
        int hi = 0; // window [lo, hi)
        for (int i = 0; i < n; i++) {
            int wantLo = Math.max(0, i - half);
            int wantHi = Math.min(n, i + half + 1);
            while (hi < wantHi) {
                s += x[hi];
                s2 += x[hi] * x[hi];
                hi++;
            }
            while (lo < wantLo) {
                s -= x[lo];
                s2 -= x[lo] * x[lo];
                lo++;
            }
            int m = hi - lo;
            double mean = s / m;
            out[i] = Math.sqrt(Math.max(0, s2 / m - mean * mean));
        }
        return out;
    }

    private static List<LabelledRange> toRanges(Activity[] label) {
        List<LabelledRange> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= label.length; i++) {
            if (i == label.length || label[i] != label[start]) {
                out.add(new LabelledRange(new IndexRange(start, i), label[start]));
                start = i;
            }
        }
        return out;
    }

    private static List<LabelledRange> mergeShortGaps(List<LabelledRange> in, int maxGap) {
        List<LabelledRange> out = new ArrayList<>(in);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 1; i + 1 < out.size(); i++) {
                LabelledRange prev = out.get(i - 1);
                LabelledRange mid = out.get(i);
                LabelledRange next = out.get(i + 1);
                boolean gait = prev.activity() == Activity.RUNNING || prev.activity() == Activity.WALKING;
                if (gait && prev.activity() == next.activity() && mid.range().length() <= maxGap) {
                    out.set(i - 1, new LabelledRange(new IndexRange(prev.range().from(), next.range().to()),
                            prev.activity()));
                    out.remove(i + 1);
                    out.remove(i);
                    changed = true;
                    break;
                }
            }
        }
        return out;
    }
}
