package org.gaitform.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.model.Activity;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Trace;
import org.gaitform.model.WatchTraces;
import org.gaitform.report.CsvTables.Num;

/**
 * The tables of a watch session. A watch writes averages per record (about one per second), not individual
 * steps, so:
 *
 * <p>{@code steps.csv} has one row per device record, with the contract columns
 * {@code step,side,ic_s,to_s,contact_ms,flight_ms,step_time_s} where {@code step} numbers the records, {@code side}
 * is {@code unknown} (a record averages both feet), {@code ic_s} and {@code to_s} are empty (no contact events
 * exist), {@code contact_ms} is the device's ground-contact time, {@code step_time_s} is 60 / cadence and
 * {@code flight_ms} is step time − contact time; then {@code activity}, {@code ic_method} ({@code device_record}),
 * {@code time_s} (the record's time, seconds from the first record) and the record's other values, each column
 * named with its unit ({@code cadence_spm}, {@code vertical_oscillation_cm}, {@code step_length_m},
 * {@code distance_m}, …, developer fields such as {@code form_power_w}).
 *
 * <p>{@code splits.csv} has one row per kilometre (the last one partial): distance, time, pace, elevation change,
 * grade and terrain, and the form values over its running records.
 */
public final class WatchSessionTables {
    /** Value of the {@code ic_method} column: the row is a device record, not a detected step. */
    public static final String RECORD_METHOD = "device_record";
    private static final List<String> CONTRACT_VALUES = List.of("contact_ms", "flight_ms", "step_time_s");

    private WatchSessionTables() {
    }

    /** True for sessions read from a watch export. */
    public static boolean isWatch(SessionResult r) {
        return WatchTraces.isWatchSession(r);
    }

    /** The text of steps.csv. */
    public static String stepsCsv(SessionResult r) {
        Map<String, Trace> rec = WatchTraces.series(r.traces(), WatchTraces.RECORD);
        List<String> header = new ArrayList<>(SessionTables.STEP_COLUMNS);
        header.add("activity");
        header.add("ic_method");
        header.add("time_s");
        List<String> others = new ArrayList<>();
        for (String c : rec.keySet()) {
            if (!CONTRACT_VALUES.contains(c) && !c.equals(WatchTraces.ACTIVITY_CODE)) {
                others.add(c);
            }
        }
        header.addAll(others);
        List<List<Object>> rows = new ArrayList<>();
        Trace any = rec.values().stream().findFirst().orElse(null);
        int n = any == null ? 0 : any.size();
        double[] t = any == null ? new double[0] : any.timeS();
        double[] act = values(rec, WatchTraces.ACTIVITY_CODE, n);
        double[] contact = values(rec, "contact_ms", n);
        double[] flight = values(rec, "flight_ms", n);
        double[] stepTime = values(rec, "step_time_s", n);
        List<double[]> other = others.stream().map(c -> values(rec, c, n)).toList();
        Activity[] activities = Activity.values();
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>();
            row.add(i + 1);
            row.add("unknown");
            row.add("");
            row.add("");
            row.add(new Num(contact[i], 1));
            row.add(new Num(flight[i], 1));
            row.add(new Num(stepTime[i], 4));
            int code = Double.isNaN(act[i]) ? Activity.UNKNOWN.ordinal() : (int) act[i];
            row.add(code >= 0 && code < activities.length ? activities[code].label() : "unknown");
            row.add(RECORD_METHOD);
            row.add(new Num(t[i], 3));
            for (int c = 0; c < others.size(); c++) {
                row.add(new Num(other.get(c)[i], decimals(others.get(c))));
            }
            rows.add(row);
        }
        return CsvTables.write(header, rows);
    }

    /** The text of splits.csv (a header only when the run has no split). */
    public static String splitsCsv(SessionResult r) {
        Map<String, Trace> sp = WatchTraces.series(r.traces(), WatchTraces.SPLIT);
        List<String> header = List.of("split", "start_m", "end_m", "distance_m", "start_s", "end_s", "moving_s",
                "running_s", "pace_s_per_km", "pace", "elevation_change_m", "grade_pct", "terrain", "cadence_spm",
                "step_length_m", "contact_ms", "vertical_oscillation_cm", "vertical_ratio_pct",
                "contact_balance_left_pct", "heart_rate_bpm", "partial");
        int n = sp.isEmpty() ? 0 : sp.values().iterator().next().size();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>();
            for (String c : header) {
                switch (c) {
                    case "split" -> row.add((int) values(sp, "split", n)[i]);
                    case "pace" -> row.add(pace(values(sp, "pace_s_per_km", n)[i]));
                    case "terrain" -> row.add(terrain(values(sp, WatchTraces.TERRAIN_CODE, n)[i]));
                    case "partial" -> row.add(values(sp, "partial", n)[i] == 1 ? "yes" : "no");
                    default -> row.add(new Num(values(sp, c, n)[i], decimals(c)));
                }
            }
            rows.add(row);
        }
        return CsvTables.write(header, rows);
    }

    /** Terrain label of a code (−1, 0, +1, NaN). */
    public static String terrain(double code) {
        if (Double.isNaN(code)) {
            return "unknown";
        }
        return code < 0 ? "downhill" : code > 0 ? "uphill" : "flat";
    }

    /** A pace in seconds per kilometre as {@code m:ss /km}, empty when unknown. */
    public static String pace(double sPerKm) {
        if (!Double.isFinite(sPerKm) || sPerKm <= 0) {
            return "";
        }
        long s = Math.round(sPerKm);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static double[] values(Map<String, Trace> series, String column, int n) {
        Trace t = series.get(column);
        if (t == null) {
            double[] nan = new double[n];
            java.util.Arrays.fill(nan, Double.NaN);
            return nan;
        }
        return t.values();
    }

    static int decimals(String column) {
        if (column.equals("split") || column.startsWith("n_") || column.endsWith("_bpm") || column.endsWith("_w")) {
            return 0;
        }
        if (column.endsWith("_spm")) {
            return 1;
        }
        if (column.endsWith("_m") && !column.equals("step_length_m")) {
            return 2;
        }
        if (column.equals("step_length_m") || column.endsWith("_mps")) {
            return 3;
        }
        if (column.endsWith("_s") || column.endsWith("_s_per_km")) {
            return 1;
        }
        return SessionTables.decimalsFor(column);
    }
}
