package org.gaitform.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a watch session's per-record series and per-split table travel in {@link SessionResult#traces()}: a watch
 * has no individual steps, so the session keeps its records (one trace per column, named
 * {@code record:<column>}) and its distance splits (one trace per column, named {@code split:<column>}, on the
 * splits' end times). Column names carry their units, as in the output tables.
 */
public final class WatchTraces {
    /** Prefix of per-record series. */
    public static final String RECORD = "record:";
    /** Prefix of per-split series. */
    public static final String SPLIT = "split:";
    /** Per-record activity, coded as {@link Activity#ordinal()}. */
    public static final String ACTIVITY_CODE = "activity_code";
    /** Per-split terrain: −1 downhill, 0 flat, +1 uphill, NaN unknown. */
    public static final String TERRAIN_CODE = "terrain_code";

    private WatchTraces() {
    }

    /** A per-record trace. */
    public static Trace record(String column, double[] timeS, double[] values) {
        return new Trace(RECORD + column, unitOf(column), timeS, values);
    }

    /** A per-split trace. */
    public static Trace split(String column, double[] endS, double[] values) {
        return new Trace(SPLIT + column, unitOf(column), endS, values);
    }

    /** The series with one prefix, keyed by column name, in order. */
    public static Map<String, Trace> series(List<Trace> traces, String prefix) {
        Map<String, Trace> out = new LinkedHashMap<>();
        for (Trace t : traces) {
            if (t.name().startsWith(prefix)) {
                out.put(t.name().substring(prefix.length()), t);
            }
        }
        return out;
    }

    /** One series, if present. */
    public static Optional<Trace> find(List<Trace> traces, String prefix, String column) {
        return traces.stream().filter(t -> t.name().equals(prefix + column)).findFirst();
    }

    /** True when a session carries watch records. */
    public static boolean isWatchSession(SessionResult r) {
        return r.inputKind().startsWith("watch-");
    }

    /** The unit implied by a column name's suffix. */
    public static String unitOf(String column) {
        String[][] suffixes = {{"_spm", "steps/min"}, {"_ms", "ms"}, {"_s", "s"}, {"_mps", "m/s"}, {"_m", "m"},
            {"_cm", "cm"}, {"_mm", "mm"}, {"_pct", "%"}, {"_bpm", "bpm"}, {"_w", "W"}, {"_deg", "°"},
            {"_s_per_km", "s/km"}, {"_kn_per_m", "kN/m"}};
        String best = "";
        int len = 0;
        for (String[] s : suffixes) {
            if (column.endsWith(s[0]) && s[0].length() > len) {
                best = s[1];
                len = s[0].length();
            }
        }
        return best;
    }

    /** Column names of a list of traces without their prefix. */
    public static List<String> columns(Map<String, Trace> series) {
        return new ArrayList<>(series.keySet());
    }
}
