package org.gaitform.io.imu;

import java.util.Locale;
import java.util.Map;
import org.gaitform.io.TimeBase;
import org.gaitform.model.Channel;
import org.gaitform.model.GaitformException;
import org.gaitform.signal.IsolatedSpikes;

/**
 * Physically impossible IMU samples, repaired before anything is inferred from the signal (units, placement, events),
 * so that one corrupted row never steers a detection: in a 100 Hz sacral file, one row of 1000 g made the placement
 * unknown and emptied contact time, 1e30 g changed the cadence from 176.9 to 209.4 steps/min (issue 11).
 *
 * <p>Two passes per channel. Before the units are known ({@link #repairAbsurd}): samples that jump away from their
 * neighbours by more than {@value #ABSURD_FACTOR} times anything else in the channel and {@value #ABSURD_RANGE} times
 * its whole range — values no unit can make sense of. In g and deg/s ({@link #repairImpossible}): samples beyond the
 * range of any body-worn IMU (|acceleration| over {@value #MAX_ACC_G} g — consumer IMUs measure ±16–32 g, impact
 * sensors ±200–400 g; |angular velocity| over {@value #MAX_GYR_DPS} deg/s — gyroscopes measure up to ±2000–4000
 * deg/s), and isolated spikes ({@link IsolatedSpikes}: a jump of at least {@value #SPIKE_MIN_ACC_G} g or
 * {@value #SPIKE_MIN_GYR_DPS} deg/s, {@value #SPIKE_FACTOR} times the sharpest jumps the channel has again and again,
 * half its range; unless more than one per {@value #SECONDS_PER_SPIKE} s (and {@value #MAX_SPIKES}) come within
 * half of those bars: then they recur and are the signal's own, such as the landing impacts of a foot sensor in a short
 * recording). Repaired samples are
 * interpolated from their neighbours and counted in one warning. A run of impossible samples longer than
 * {@value #MAX_REPAIR_S} s is not repaired: the recording is damaged there, and says so.
 */
final class ImpossibleSamples {
    /** Largest acceleration any body-worn IMU measures (g). */
    static final double MAX_ACC_G = 400;
    /** Largest angular velocity any body-worn IMU measures (deg/s). */
    static final double MAX_GYR_DPS = 5000;
    /** Longest run of impossible samples that is interpolated (s). */
    static final double MAX_REPAIR_S = 0.1;
    static final double ABSURD_FACTOR = 20;
    static final double ABSURD_RANGE = 5;
    static final double SPIKE_FACTOR = 5;
    static final double SPIKE_MIN_ACC_G = 3;
    static final double SPIKE_MIN_GYR_DPS = 300;
    /**
     * Most isolated spikes a channel may have: one per {@value #SECONDS_PER_SPIKE} s of recording and never fewer than
     * {@value #MAX_SPIKES}, counted at half the spike thresholds; when more stand out or come close, they recur and are
     * the signal's own — the landing impacts of a foot or shank sensor in a short or low-rate recording (a dozen steps
     * at 60 Hz: each impact one or two samples, the hardest ones over the bar, the others near it) — and are left
     * alone. One corrupted row is one spike, far above everything else.
     */
    static final int MAX_SPIKES = 3;
    static final double SECONDS_PER_SPIKE = 10;

    private ImpossibleSamples() {
    }

    /** What was repaired in a recording, for one warning. */
    static final class Tally {
        int beyondRange;
        int spikes;
        String first = "";

        int total() {
            return beyondRange + spikes;
        }

        private void note(String sensor, Channel c, double timeS, double value, String unit) {
            if (first.isEmpty()) {
                first = String.format(Locale.ROOT, "the first at %s s (%s%s: %s%s)", TimeBase.fmt(timeS),
                        sensor.isEmpty() ? "" : sensor + " ", c.name().toLowerCase(Locale.ROOT), fmt(value), unit);
            }
        }

        /** The warning, or empty when nothing was repaired. */
        String warning() {
            if (total() == 0) {
                return "";
            }
            java.util.List<String> what = new java.util.ArrayList<>();
            if (beyondRange > 0) {
                what.add(beyondRange + " beyond the range of any body-worn IMU (over " + (int) MAX_ACC_G + " g or "
                        + (int) MAX_GYR_DPS + " deg/s)");
            }
            if (spikes > 0) {
                what.add(spikes + " isolated spike(s) far beyond the rest of the signal (a corrupted row, or a knock on "
                        + "the sensor)");
            }
            return total() + " impossible or implausible sample(s) were repaired (interpolated from their neighbours) "
                    + "before the analysis: " + String.join(", ", what) + "; " + first + ". Check the sensor or the "
                    + "export if there are many";
        }
    }

    /**
     * Pass 1, in the units as read (not yet known): absurd values — isolated samples that jump away from their
     * neighbours by far more than anything else in the channel (1000 g, 1e30, …) — are interpolated, so that they
     * cannot mislead the unit detection.
     */
    static void repairAbsurd(Map<Channel, double[]> channels, double[] timeS, String sensor, Tally tally) {
        for (Map.Entry<Channel, double[]> e : channels.entrySet()) {
            double[] x = e.getValue();
            boolean[] f = IsolatedSpikes.find(x, ABSURD_FACTOR, ABSURD_RANGE, 0);
            int first = firstFlag(f);
            if (first >= 0) {
                tally.note(sensor, e.getKey(), timeS[first], x[first], " as read");
                tally.spikes += IsolatedSpikes.repair(x, f);
            }
        }
    }

    /**
     * Pass 2, in g and deg/s: samples beyond the range of any body-worn IMU and isolated spikes are interpolated.
     *
     * @throws GaitformException when impossible samples last longer than {@value #MAX_REPAIR_S} s
     */
    static void repairImpossible(Map<Channel, double[]> channels, double[] timeS, double rateHz, String source,
                                 String sensor, Tally tally) {
        int maxRun = Math.max(1, (int) Math.round(MAX_REPAIR_S * rateHz));
        for (Map.Entry<Channel, double[]> e : channels.entrySet()) {
            Channel c = e.getKey();
            double[] x = e.getValue();
            boolean acc = c.isAcceleration();
            double max = acc ? MAX_ACC_G : MAX_GYR_DPS;
            String unit = acc ? " g" : " deg/s";
            boolean[] range = new boolean[x.length];
            int beyond = 0;
            int run = 0;
            for (int i = 0; i < x.length; i++) {
                range[i] = !(Math.abs(x[i]) <= max);
                run = range[i] ? run + 1 : 0;
                if (range[i]) {
                    beyond++;
                }
                if (run > maxRun) {
                    int start = i - run + 1;
                    throw GaitformException.notAnalysable(source, String.format(Locale.ROOT, "from %s s on, %s%s stays "
                            + "beyond the range of any body-worn IMU (%s%s, more than %d%s) for more than %s s: the "
                            + "recording is damaged there", TimeBase.fmt(timeS[start]), sensor.isEmpty() ? ""
                            : "sensor '" + sensor + "' ", c.name().toLowerCase(Locale.ROOT), fmt(x[start]), unit,
                            (int) max, unit, TimeBase.fmt(MAX_REPAIR_S)));
                }
            }
            boolean[] spike = IsolatedSpikes.find(x, SPIKE_FACTOR, 0.5, acc ? SPIKE_MIN_ACC_G : SPIKE_MIN_GYR_DPS);
            int spikes = 0;
            for (int i = 0; i < x.length; i++) {
                if (spike[i] && !range[i]) {
                    spikes++;
                }
            }
            // do other samples come close? a landing impact recurs at every step, in varying size (some over the bar, many
            // near it); a corrupted row stands alone
            int near = 0;
            if (spikes > 0) {
                boolean[] half = IsolatedSpikes.find(x, SPIKE_FACTOR / 2, 0.25, (acc ? SPIKE_MIN_ACC_G : SPIKE_MIN_GYR_DPS) / 2);
                for (int i = 0; i < x.length; i++) {
                    if (half[i] && !range[i]) {
                        near++;
                    }
                }
            }
            boolean recurring = near > Math.max(MAX_SPIKES, x.length / (SECONDS_PER_SPIKE * rateHz));
            if (recurring) {
                spikes = 0;
            }
            for (int i = 0; i < x.length; i++) {
                spike[i] = recurring ? range[i] : spike[i] || range[i];
            }
            int first = firstFlag(spike);
            if (first >= 0) {
                tally.note(sensor, c, timeS[first], x[first], unit);
                IsolatedSpikes.repair(x, spike);
                tally.beyondRange += beyond;
                tally.spikes += spikes;
            }
        }
    }

    private static int firstFlag(boolean[] f) {
        for (int i = 0; i < f.length; i++) {
            if (f[i]) {
                return i;
            }
        }
        return -1;
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 1e6 || (Math.abs(v) < 1e-3 && v != 0) ? String.format(Locale.ROOT, "%.3g", v)
                : TimeBase.fmt(v);
    }
}
