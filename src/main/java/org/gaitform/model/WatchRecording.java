package org.gaitform.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The records of a watch export (FIT, TCX, GPX or a per-second CSV): one value per record and channel, on
 * one time axis. Records are usually one per second; "smart recording" writes them irregularly. Values a
 * record does not have are {@code NaN}.
 *
 * @param source        the input
 * @param format        {@code fit}, {@code tcx}, {@code gpx} or {@code csv}
 * @param timeS         record times (s) from the first record, strictly increasing
 * @param startEpochS   time of the first record, seconds since 1970-01-01 UTC ({@code NaN} when unknown)
 * @param utcOffsetS    local time minus UTC at the start (s), {@code NaN} when unknown
 * @param channels      per-record values of the channels the export has, each as long as {@code timeS}
 * @param extras        further per-record values (developer fields such as Stryd's form power), keyed by
 *                      unit-named output names
 * @param deviceActivity what the device says the runner was doing at each record ({@link Activity#UNKNOWN} when
 *                      it does not say)
 * @param laps          the device's laps
 * @param deviceSummary the device's own session averages keyed by unit-named names ({@code device_contact_ms}, …)
 * @param info          textual facts (device, sport, where the running dynamics come from)
 * @param decisions     what the reader decided
 * @param warnings      what the reader noticed
 * @param otherSources  the values of the export's other devices for quantities the channels already hold (a second
 *                      device's running dynamics, a foot pod's elevation, a second power source): kept to be shown
 *                      beside the chosen device's and compared, never mixed into the channels
 */
public record WatchRecording(String source, String format, double[] timeS, double startEpochS, double utcOffsetS,
                             Map<WatchChannel, double[]> channels, Map<String, double[]> extras,
                             List<Activity> deviceActivity, List<WatchLap> laps, Map<String, Double> deviceSummary,
                             Map<String, String> info, List<Decision> decisions, List<String> warnings,
                             List<WatchSource> otherSources)
        implements Recording {

    /** A recording whose export has one device per quantity. */
    public WatchRecording(String source, String format, double[] timeS, double startEpochS, double utcOffsetS,
                          Map<WatchChannel, double[]> channels, Map<String, double[]> extras,
                          List<Activity> deviceActivity, List<WatchLap> laps, Map<String, Double> deviceSummary,
                          Map<String, String> info, List<Decision> decisions, List<String> warnings) {
        this(source, format, timeS, startEpochS, utcOffsetS, channels, extras, deviceActivity, laps, deviceSummary, info,
                decisions, warnings, List.of());
    }

    public WatchRecording {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        int n = timeS.length;
        for (int i = 1; i < n; i++) {
            if (!(timeS[i] > timeS[i - 1])) {
                throw new IllegalArgumentException("record times must increase: " + timeS[i - 1] + " then " + timeS[i]);
            }
        }
        EnumMap<WatchChannel, double[]> ch = new EnumMap<>(WatchChannel.class);
        for (Map.Entry<WatchChannel, double[]> e : channels.entrySet()) {
            if (e.getValue().length != n) {
                throw new IllegalArgumentException(e.getKey().column() + " has " + e.getValue().length + " values for "
                        + n + " records");
            }
            ch.put(e.getKey(), e.getValue().clone());
        }
        LinkedHashMap<String, double[]> ex = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : extras.entrySet()) {
            if (e.getValue().length != n) {
                throw new IllegalArgumentException(e.getKey() + " has " + e.getValue().length + " values for " + n
                        + " records");
            }
            ex.put(e.getKey(), e.getValue().clone());
        }
        if (deviceActivity.size() != n) {
            throw new IllegalArgumentException("device activity has " + deviceActivity.size() + " values for " + n
                    + " records");
        }
        for (WatchSource o : otherSources) {
            for (Map.Entry<WatchChannel, double[]> e : o.channels().entrySet()) {
                if (e.getValue().length != n) {
                    throw new IllegalArgumentException(o.id() + " " + e.getKey().column() + " has "
                            + e.getValue().length + " values for " + n + " records");
                }
            }
        }
        otherSources = List.copyOf(otherSources);
        timeS = timeS.clone();
        channels = Collections.unmodifiableMap(ch);
        extras = Collections.unmodifiableMap(ex);
        deviceActivity = List.copyOf(deviceActivity);
        laps = List.copyOf(laps);
        deviceSummary = Collections.unmodifiableMap(new LinkedHashMap<>(deviceSummary));
        info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
        decisions = List.copyOf(decisions);
        warnings = List.copyOf(warnings);
    }

    @Override
    public double[] timeS() {
        return timeS.clone();
    }

    @Override
    public Map<WatchChannel, double[]> channels() {
        EnumMap<WatchChannel, double[]> out = new EnumMap<>(WatchChannel.class);
        channels.forEach((k, v) -> out.put(k, v.clone()));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public Map<String, double[]> extras() {
        LinkedHashMap<String, double[]> out = new LinkedHashMap<>();
        extras.forEach((k, v) -> out.put(k, v.clone()));
        return Collections.unmodifiableMap(out);
    }

    /** Number of records. */
    public int size() {
        return timeS.length;
    }

    /** True when the export has the channel with at least one value. */
    public boolean has(WatchChannel c) {
        return WatchSource.anyValue(channels.get(c));
    }

    /** A copy of a channel's values; all {@code NaN} when the export does not have it. */
    public double[] channel(WatchChannel c) {
        double[] v = channels.get(c);
        if (v == null) {
            double[] nan = new double[timeS.length];
            java.util.Arrays.fill(nan, Double.NaN);
            return nan;
        }
        return v.clone();
    }

    /** The other device of this id, if the export has one. */
    public java.util.Optional<WatchSource> otherSource(String id) {
        return otherSources.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** A copy with the channels replaced (the rest unchanged). */
    public WatchRecording withChannels(Map<WatchChannel, double[]> replaced) {
        EnumMap<WatchChannel, double[]> ch = new EnumMap<>(WatchChannel.class);
        ch.putAll(channels);
        ch.putAll(replaced);
        return new WatchRecording(source, format, timeS, startEpochS, utcOffsetS, ch, extras, deviceActivity, laps,
                deviceSummary, info, decisions, warnings, otherSources);
    }

    /** Seconds from the first to the last record. */
    public double durationS() {
        return timeS.length < 2 ? 0 : timeS[timeS.length - 1] - timeS[0];
    }
}
