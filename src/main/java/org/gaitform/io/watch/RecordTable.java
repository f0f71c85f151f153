package org.gaitform.io.watch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitform.model.Activity;
import org.gaitform.model.Decision;
import org.gaitform.model.WatchChannel;
import org.gaitform.model.WatchLap;
import org.gaitform.model.WatchRecording;

/**
 * Collects the records of a watch export row by row (absolute times in seconds since 1970, or seconds of an
 * elapsed-time column) and builds a {@link WatchRecording}: rows are put in time order, rows with the same
 * time are merged (a later value wins), and the time axis starts at zero at the first record.
 */
final class RecordTable {
    private double[] time = new double[1024];
    private final EnumMap<WatchChannel, double[]> channels = new EnumMap<>(WatchChannel.class);
    private final Map<String, double[]> extras = new LinkedHashMap<>();
    /** Values of devices other than the export's own fields, by device id (see {@link WatchSources}). */
    private final Map<String, EnumMap<WatchChannel, double[]>> sources = new LinkedHashMap<>();
    private final List<org.gaitform.model.WatchSource> resolvedOthers = new ArrayList<>();
    private Activity[] activity = new Activity[1024];
    private int n;

    /** Adds a row at a time (s) and returns its index. */
    int add(double timeS) {
        if (n == time.length) {
            int cap = n * 2;
            time = Arrays.copyOf(time, cap);
            activity = Arrays.copyOf(activity, cap);
            channels.replaceAll((k, v) -> grow(v, cap));
            extras.replaceAll((k, v) -> grow(v, cap));
            sources.values().forEach(m -> m.replaceAll((k, v) -> grow(v, cap)));
        }
        time[n] = timeS;
        activity[n] = Activity.UNKNOWN;
        return n++;
    }

    private static double[] grow(double[] v, int cap) {
        double[] g = Arrays.copyOf(v, cap);
        Arrays.fill(g, v.length, cap, Double.NaN);
        return g;
    }

    /** Sets a channel's value in a row (NaN and infinities are ignored). */
    void set(WatchChannel c, int row, double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        channels.computeIfAbsent(c, k -> nans(time.length))[row] = value;
    }

    /** Sets an extra value in a row. */
    void setExtra(String name, int row, double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        extras.computeIfAbsent(name, k -> nans(time.length))[row] = value;
    }

    /** Sets a value that a device other than the export's own fields wrote (NaN and infinities are ignored). */
    void setSource(String device, WatchChannel c, int row, double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        sources.computeIfAbsent(device, k -> new EnumMap<>(WatchChannel.class))
                .computeIfAbsent(c, k -> nans(time.length))[row] = value;
    }

    /** The devices with values of their own so far, each with its channels (copies trimmed to the rows). */
    Map<String, Map<WatchChannel, double[]>> sourcesView() {
        Map<String, Map<WatchChannel, double[]>> out = new LinkedHashMap<>();
        sources.forEach((d, m) -> {
            EnumMap<WatchChannel, double[]> c = new EnumMap<>(WatchChannel.class);
            m.forEach((k, v) -> c.put(k, Arrays.copyOf(v, n)));
            out.put(d, c);
        });
        return out;
    }

    /** Forgets the other devices' values (once {@link WatchSources} has placed them). */
    void clearSources(List<org.gaitform.model.WatchSource> others) {
        sources.clear();
        resolvedOthers.clear();
        resolvedOthers.addAll(others);
    }

    /** An activity per row (a copy). */
    Activity activity(int row) {
        return activity[row];
    }

    /**
     * Keeps the device's activity per record only when it tells activities apart: a file whose every record says
     * "running" states the sport, not what the runner did second by second (a Forerunner 965 writes running through
     * the walking breaks of an interval session), so cadence and speed decide instead. Returns the decision, or
     * {@code null} when the activities are kept.
     */
    Decision dropConstantRunning(String what) {
        int running = 0;
        int other = 0;
        for (int i = 0; i < n; i++) {
            if (activity[i] == Activity.RUNNING) {
                running++;
            } else if (activity[i] != Activity.UNKNOWN) {
                other++;
            }
        }
        if (running == 0 || other > 0) {
            return null;
        }
        Arrays.fill(activity, 0, n, Activity.UNKNOWN);
        return new Decision("activity_source", "cadence and speed", "every record's " + what + " says running: that "
                + "is the sport, not a per-record detection, so running, walking and standing are told apart by cadence "
                + "and speed");
    }

    void setActivity(int row, Activity a) {
        activity[row] = a;
    }

    int size() {
        return n;
    }

    double time(int row) {
        return time[row];
    }

    /** A channel's values so far (a copy, NaN where unset), or {@code null} when never set. */
    double[] values(WatchChannel c) {
        double[] v = channels.get(c);
        return v == null ? null : Arrays.copyOf(v, n);
    }

    /** The extra columns so far (copies trimmed to the rows). */
    Map<String, double[]> extrasView() {
        Map<String, double[]> out = new LinkedHashMap<>();
        extras.forEach((k, v) -> out.put(k, Arrays.copyOf(v, n)));
        return out;
    }

    /** Removes an extra column and returns its values (trimmed to the rows), or {@code null}. */
    double[] removeExtra(String name) {
        double[] v = extras.remove(name);
        return v == null ? null : Arrays.copyOf(v, n);
    }

    /** Replaces a channel's values. */
    void replace(WatchChannel c, double[] values) {
        double[] v = nans(time.length);
        System.arraycopy(values, 0, v, 0, n);
        channels.put(c, v);
    }

    /** Removes a channel. */
    void remove(WatchChannel c) {
        channels.remove(c);
    }

    boolean has(WatchChannel c) {
        double[] v = channels.get(c);
        if (v == null) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(v[i])) {
                return true;
            }
        }
        return false;
    }

    private static double[] nans(int len) {
        double[] v = new double[len];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    /**
     * Builds the recording.
     *
     * @param epochTimes true when the row times are seconds since 1970-01-01 UTC
     * @param laps       laps with start and end on the same clock as the rows (they are shifted with it)
     */
    WatchRecording build(String source, String format, boolean epochTimes, double utcOffsetS, List<WatchLap> laps,
                         Map<String, Double> deviceSummary, Map<String, String> info, List<Decision> decisions,
                         List<String> warnings) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = time[i] > time[i - 1];
        }
        List<String> warn = new ArrayList<>(warnings);
        if (!sorted) {
            Arrays.sort(order, (a, b) -> Double.compare(time[a], time[b]));
        }
        // merge rows with the same time
        List<List<Integer>> groups = new ArrayList<>();
        int backwards = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && order[i] < order[i - 1]) {
                backwards++;
            }
            int r = order[i];
            // the same time once the first is subtracted (huge damaged times can differ and still collapse)
            if (!groups.isEmpty() && time[groups.get(groups.size() - 1).get(0)] - time[order[0]]
                    == time[r] - time[order[0]]) {
                groups.get(groups.size() - 1).add(r);
            } else {
                List<Integer> g = new ArrayList<>();
                g.add(r);
                groups.add(g);
            }
        }
        int merged = n - groups.size();
        if (backwards > 0) {
            warn.add(backwards + " record(s) were out of time order and were sorted");
        }
        if (merged > 0) {
            warn.add(merged + " record(s) repeated the time of the record before and were merged with it");
        }
        int m = groups.size();
        double t0 = m == 0 ? 0 : time[groups.get(0).get(0)];
        double[] t = new double[m];
        List<Activity> act = new ArrayList<>(m);
        Map<WatchChannel, double[]> ch = new EnumMap<>(WatchChannel.class);
        Map<String, double[]> ex = new LinkedHashMap<>();
        for (int j = 0; j < m; j++) {
            List<Integer> g = groups.get(j);
            t[j] = time[g.get(0)] - t0;
            Activity a = Activity.UNKNOWN;
            for (int r : g) {
                if (activity[r] != Activity.UNKNOWN) {
                    a = activity[r];
                }
            }
            act.add(a);
        }
        for (Map.Entry<WatchChannel, double[]> e : channels.entrySet()) {
            ch.put(e.getKey(), gather(e.getValue(), groups));
        }
        for (Map.Entry<String, double[]> e : extras.entrySet()) {
            ex.put(e.getKey(), gather(e.getValue(), groups));
        }
        List<org.gaitform.model.WatchSource> others = new ArrayList<>();
        for (org.gaitform.model.WatchSource o : resolvedOthers) {
            Map<WatchChannel, double[]> oc = new EnumMap<>(WatchChannel.class);
            o.channels().forEach((k, v) -> oc.put(k, gather(grow(v, Math.max(v.length, n)), groups)));
            others.add(new org.gaitform.model.WatchSource(o.id(), o.label(), oc));
        }
        List<WatchLap> shifted = new ArrayList<>();
        for (WatchLap l : laps) {
            shifted.add(new WatchLap(l.number(), l.startS() - t0, l.endS() - t0, l.distanceM(), l.deviceValues()));
        }
        return new WatchRecording(source, format, t, epochTimes && m > 0 ? t0 : Double.NaN, utcOffsetS, ch, ex, act,
                shifted, deviceSummary, info, decisions, warn, others);
    }

    private static double[] gather(double[] v, List<List<Integer>> groups) {
        double[] out = new double[groups.size()];
        for (int j = 0; j < out.length; j++) {
            double x = Double.NaN;
            for (int r : groups.get(j)) {
                if (!Double.isNaN(v[r])) {
                    x = v[r];
                }
            }
            out[j] = x;
        }
        return out;
    }
}
