package org.gaitform.events;

import java.util.ArrayList;
import java.util.List;
import org.gaitform.model.Activity;
import org.gaitform.signal.ZeroPhaseButterworth;

/**
 * Splits a trunk recording into running, walking and standing bouts from the vertical acceleration.
 *
 * <p>Each step makes one cycle of the vertical acceleration around 1 g, found on the signal low-passed at
 * 5 Hz (a heel-strike transient and the soft-tissue rebound after it can dip under 1 g inside one stance and
 * would otherwise start a second, spurious cycle). A running step has a flight
 * phase, in which the trunk is in free fall and the acceleration drops near 0 g, and a stance peak well
 * above 1 g; a walking step never leaves the ground, so its acceleration stays well above 0 g. Stretches
 * without cycles are standing when they are still, otherwise unknown (fidgeting, getting on a
 * treadmill). Bouts need a few consecutive cycles; nearby bouts of the same activity are joined.
 */
public final class TrunkActivityBouts {

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
        double h = settings.hysteresisG();
        List<Integer> starts = cycleStarts(verticalG, fs, h);
        double[] v = ZeroPhaseButterworth.lowPass(2, settings.lowPassHz()).apply(verticalG, fs);
        Activity[] label = new Activity[n];
        java.util.Arrays.fill(label, Activity.UNKNOWN);
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
            } else if (period >= settings.walkPeriodS()[0] && period <= settings.walkPeriodS()[1]
                    && lo >= settings.runFlightMaxG() && hi - lo >= settings.walkMinRangeG()) {
                act = Activity.WALKING;
            }
            cycles.add(new int[] {a, b});
            cycleLabels.add(act);
        }
        // keep runs of at least minCycles consecutive cycles of the same activity
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

    /**
     * Where cycles start: rises of the step-band signal from below {@code 1 − h} to above {@code 1 + h}, moved
     * back to where the rise leaves 1 g; one per step, since the dips of a landing transient inside a stance are
     * filtered out.
     */
    private List<Integer> cycleStarts(double[] verticalG, double fs, double h) {
        double[] s = ZeroPhaseButterworth.lowPass(2, settings.cycleLowPassHz()).apply(verticalG, fs);
        List<Integer> starts = new ArrayList<>();
        boolean armed = false;
        for (int i = 0; i < s.length; i++) {
            if (s[i] < 1 - h) {
                armed = true;
            } else if (armed && s[i] > 1 + h) {
                int k = i;
                while (k > 0 && s[k - 1] > 1.0 && s[k - 1] < s[k]) {
                    k--;
                }
                starts.add(k);
                armed = false;
            }
        }
        return starts;
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
