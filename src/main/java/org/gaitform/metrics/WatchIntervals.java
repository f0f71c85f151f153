package org.gaitform.metrics;

import java.util.List;
import org.gaitform.model.Activity;
import org.gaitform.model.WatchChannel;
import org.gaitform.model.WatchRecording;

/**
 * The records of a watch export as back-to-back intervals: record {@code i} stands for the time since record
 * {@code i − 1} (its values describe the steps taken since the previous record — smart recording writes a record
 * when they change). Each interval gets its duration (zero across a pause), what the runner was doing, the
 * number of steps taken, and the distance covered; every session value is a weighted sum over these intervals.
 *
 * <p>Activity of an interval: the device's own activity type when it gives one (a stopped cadence still means
 * standing); otherwise running at a cadence of at least {@link WatchMetricSettings#runningMinCadenceSpm()}, or with
 * the feet moving at a running speed; walking with the feet moving more slowly; standing with the feet still and
 * little speed; without cadence, from speed alone.
 *
 * <p>Per interval: its duration (s; 0 for the first record and across pauses), whether a pause precedes it, the
 * activity, the steps taken (cadence × duration; {@code NaN} without cadence), the distance covered (m; from the
 * export's distance, or speed × duration), the distance from the start (m) and the altitude smoothed over
 * ±{@value #ALTITUDE_HALF_WINDOW_M} m of the run (m; {@code NaN} without altitude). Immutable (an index of the
 * records with an altitude is built on first use). Look-ups by distance or time are binary searches, so that the
 * splits of a multi-day recording cost time in proportion to its records.
 */
public final class WatchIntervals {
    /** Records on each side of the altitude moving average, at least. */
    public static final int ALTITUDE_HALF_WINDOW = 5;
    /** Distance on each side of the altitude moving average (m). */
    public static final double ALTITUDE_HALF_WINDOW_M = 50;
    /** Fastest plausible running or walking speed when checking distance steps (m/s). */
    static final double MAX_SPEED_MPS = 12;

    private final double[] timeS;
    private final double[] dtS;
    private final boolean[] paused;
    private final Activity[] activity;
    private final double[] steps;
    private final double[] distanceM;
    private final double[] cumulativeM;
    private final double[] altitudeM;
    private final boolean hasCadence;

    private WatchIntervals(double[] timeS, double[] dtS, boolean[] paused, Activity[] activity, double[] steps,
                           double[] distanceM, double[] cumulativeM, double[] altitudeM) {
        this.timeS = timeS;
        this.dtS = dtS;
        this.paused = paused;
        this.activity = activity;
        this.steps = steps;
        this.distanceM = distanceM;
        this.cumulativeM = cumulativeM;
        this.altitudeM = altitudeM;
        boolean any = false;
        for (double x : steps) {
            any |= !Double.isNaN(x);
        }
        this.hasCadence = any;
    }

    /** Time of record {@code i} (s). */
    public double time(int i) {
        return timeS[i];
    }

    /** Duration of interval {@code i} (s). */
    public double dt(int i) {
        return dtS[i];
    }

    /** True when a pause precedes record {@code i}. */
    public boolean paused(int i) {
        return paused[i];
    }

    /** Activity of interval {@code i}. */
    public Activity activity(int i) {
        return activity[i];
    }

    /** Steps in interval {@code i}. */
    public double steps(int i) {
        return steps[i];
    }

    /** Distance covered in interval {@code i} (m). */
    public double distance(int i) {
        return distanceM[i];
    }

    /** Distance from the start to record {@code i} (m). */
    public double cumulative(int i) {
        return cumulativeM[i];
    }

    /** Smoothed altitude at record {@code i} (m). */
    public double altitude(int i) {
        return altitudeM[i];
    }

    /** Builds the intervals of a recording. */
    public static WatchIntervals of(WatchRecording rec, WatchMetricSettings s) {
        int n = rec.size();
        double[] t = rec.timeS();
        double[] cad = rec.channel(WatchChannel.CADENCE_SPM);
        double[] speed = rec.channel(WatchChannel.SPEED_MPS);
        double[] dist = rec.channel(WatchChannel.DISTANCE_M);
        double[] alt = rec.channel(WatchChannel.ALTITUDE_M);
        List<Activity> device = rec.deviceActivity();
        double[] dt = new double[n];
        boolean[] paused = new boolean[n];
        Activity[] act = new Activity[n];
        double[] steps = new double[n];
        double[] dd = new double[n];
        double[] cum = new double[n];
        for (int i = 0; i < n; i++) {
            double d = i == 0 ? 0 : t[i] - t[i - 1];
            paused[i] = d > s.maxIntervalS();
            dt[i] = paused[i] ? 0 : d;
            act[i] = classify(cad[i], speed[i], device.get(i), s);
            steps[i] = Double.isNaN(cad[i]) ? Double.NaN : cad[i] * dt[i] / 60.0;
            double step = 0;
            if (i > 0) {
                double delta = dist[i] - dist[i - 1];
                if (!Double.isNaN(delta) && delta >= 0 && delta <= MAX_SPEED_MPS * Math.max(d, 1)) {
                    step = delta;
                } else if (!paused[i] && speed[i] >= 0) {
                    step = speed[i] * dt[i];
                }
            }
            dd[i] = step;
            cum[i] = (i == 0 ? 0 : cum[i - 1]) + step;
        }
        return new WatchIntervals(t, dt, paused, act, steps, dd, cum, smooth(alt, cum));
    }

    static Activity classify(double cadence, double speed, Activity device, WatchMetricSettings s) {
        boolean feetStill = cadence == 0;
        if (device != Activity.UNKNOWN) {
            if (feetStill && !(speed >= s.runningMinSpeedMps())) {
                return Activity.STANDING;
            }
            return device;
        }
        if (!Double.isNaN(cadence)) {
            if (cadence >= s.runningMinCadenceSpm()) {
                return Activity.RUNNING;
            }
            if (cadence > 0) {
                return speed >= s.runningMinSpeedMps() ? Activity.RUNNING : Activity.WALKING;
            }
            return speed > 1.0 ? Activity.UNKNOWN : Activity.STANDING;
        }
        if (Double.isNaN(speed)) {
            return Activity.UNKNOWN;
        }
        if (speed >= s.runningMinSpeedMps()) {
            return Activity.RUNNING;
        }
        return speed >= s.standingMaxSpeedMps() ? Activity.WALKING : Activity.STANDING;
    }

    /**
     * Altitude smoothed along the run: the mean of the altitudes within ±{@value #ALTITUDE_HALF_WINDOW_M} m of
     * distance (and at least ±{@value #ALTITUDE_HALF_WINDOW} records, so that a standing runner's altitude is still
     * averaged). GPS altitude jitters by metres from second to second and a barometric or foot-pod altitude steps by
     * its resolution; a 100 m window removes both while keeping every hill a runner would call one. Linear time.
     */
    static double[] smooth(double[] v, double[] cum) {
        int n = v.length;
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        int lo = 0;
        int hi = -1;
        double sum = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            // widen the window to every record within the distance (and the minimum count)
            while (hi + 1 < n && (hi + 1 <= i + ALTITUDE_HALF_WINDOW || cum[hi + 1] - cum[i] <= ALTITUDE_HALF_WINDOW_M)) {
                hi++;
                if (!Double.isNaN(v[hi])) {
                    sum += v[hi];
                    k++;
                }
            }
            while (lo < i - ALTITUDE_HALF_WINDOW && cum[i] - cum[lo] > ALTITUDE_HALF_WINDOW_M) {
                if (!Double.isNaN(v[lo])) {
                    sum -= v[lo];
                    k--;
                }
                lo++;
            }
            out[i] = k == 0 || Double.isNaN(v[i]) && k < ALTITUDE_HALF_WINDOW ? Double.NaN : sum / k;
        }
        return out;
    }

    /** True when the export has a cadence (intervals then carry steps). */
    public boolean hasCadence() {
        return hasCadence;
    }

    /** Number of records. */
    public int size() {
        return timeS.length;
    }

    /** True when interval {@code i} is running and not paused. */
    public boolean running(int i) {
        return activity[i] == Activity.RUNNING && dtS[i] > 0;
    }

    /** The distance (m) along the run at a time (s), interpolated between records. */
    public double distanceAt(double time) {
        return interpolate(timeS, cumulativeM, time);
    }

    /** The time (s) at which the run reaches a distance (m), interpolated; the first record's time before it. */
    public double timeAtDistance(double metres) {
        int n = cumulativeM.length;
        if (n == 0) {
            return Double.NaN;
        }
        if (metres <= cumulativeM[0]) {
            return timeS[0];
        }
        // the first record at or beyond the distance (the distance never decreases: a binary search)
        int i = firstAtLeast(cumulativeM, metres, 1, n);
        if (i < n) {
            double span = cumulativeM[i] - cumulativeM[i - 1];
            double f = span > 0 ? (metres - cumulativeM[i - 1]) / span : 1;
            return timeS[i - 1] + f * (timeS[i] - timeS[i - 1]);
        }
        return timeS[n - 1];
    }

    /** The first index in [from, to) where the non-decreasing {@code v} is at least {@code x}, or {@code to}. */
    private static int firstAtLeast(double[] v, double x, int from, int to) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v[mid] >= x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Records with an altitude, in order (built on first use). */
    private int[] withAltitude;

    private int[] withAltitude() {
        if (withAltitude == null) {
            int[] idx = new int[altitudeM.length];
            int k = 0;
            for (int i = 0; i < altitudeM.length; i++) {
                if (!Double.isNaN(altitudeM[i])) {
                    idx[k++] = i;
                }
            }
            withAltitude = java.util.Arrays.copyOf(idx, k);
        }
        return withAltitude;
    }

    /** The smoothed altitude (m) at a distance along the run, interpolated; {@code NaN} without altitude there. */
    public double altitudeAtDistance(double metres) {
        int[] idx = withAltitude();
        if (idx.length == 0) {
            return Double.NaN;
        }
        // the last record with an altitude at or before the distance, and the next one (a binary search)
        int lo = 0;
        int hi = idx.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeM[idx[mid]] <= metres) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int before = lo - 1 >= 0 ? idx[lo - 1] : -1;
        int after = lo < idx.length ? idx[lo] : -1;
        if (before < 0) {
            return altitudeM[after];
        }
        if (after < 0) {
            return altitudeM[before];
        }
        double span = cumulativeM[after] - cumulativeM[before];
        double f = span > 0 ? (metres - cumulativeM[before]) / span : 0;
        return altitudeM[before] + f * (altitudeM[after] - altitudeM[before]);
    }

    private static double interpolate(double[] x, double[] y, double at) {
        int n = x.length;
        if (n == 0) {
            return Double.NaN;
        }
        if (at <= x[0]) {
            return y[0];
        }
        int i = firstAtLeast(x, at, 1, n); // times increase: a binary search
        if (i < n) {
            double f = (at - x[i - 1]) / (x[i] - x[i - 1]);
            return y[i - 1] + f * (y[i] - y[i - 1]);
        }
        return y[n - 1];
    }
}
