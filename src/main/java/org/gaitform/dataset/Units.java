package org.gaitform.dataset;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitform.io.watch.WatchUnits;

/**
 * The unit a column name ends with, spelled out: gaitform names every quantity with its unit ({@code contact_ms},
 * {@code cadence_spm}, {@code trunk_lean_deg_left}). Side and statistic qualifiers after the unit ({@code _left},
 * {@code _right}, {@code _lr_diff}, {@code _median}, {@code _sd}, {@code _mean}) keep the unit of the value they
 * qualify. Counts ({@code n_…}, {@code …_n_…}) are {@code count}; a number without a unit suffix has none ({@code duty_factor} is a
 * fraction of the stride, {@code 1}). A watch's own fields that gaitform keeps as exported carry the suffix of the
 * unit their values are in ({@code temperature_degc}, {@code total_work_kj}), from {@link WatchUnits}.
 */
public final class Units {
    private static final List<String> QUALIFIERS = List.of("_left", "_right", "_lr_diff", "_median", "_sd", "_mean");
    /** Suffix → unit; longer suffixes first where one ends another. */
    private static final List<Map.Entry<String, String>> SUFFIXES = List.of(
            Map.entry("_s_per_km", "s/km"),
            Map.entry("_kn_per_m", "kN/m"),
            Map.entry("_pct_leg", "% of leg length"),
            Map.entry("_pct", "%"),
            Map.entry("_ms", "ms"),
            Map.entry("_spm", "steps/min"),
            Map.entry("_rpm", "revolutions/min"),
            Map.entry("_bpm", "beats/min"),
            Map.entry("_dps", "deg/s"),
            Map.entry("_deg", "deg"),
            Map.entry("_mps", "m/s"),
            Map.entry("_kmh", "km/h"),
            Map.entry("_hz", "Hz"),
            Map.entry("_mm", "mm"),
            Map.entry("_cm", "cm"),
            Map.entry("_km", "km"),
            Map.entry("_m", "m"),
            Map.entry("_min", "min"),
            Map.entry("_s", "s"),
            Map.entry("_g", "g"),
            Map.entry("_w", "W"),
            Map.entry("_kg", "kg"),
            Map.entry("_kcal", "kcal"),
            Map.entry("_score", "score 0–10"),
            Map.entry("_centimeters", "cm"));
    /** Suffix → symbol of every unit a watch field can be kept in, longest suffix first. */
    private static final Map<String, String> WATCH_SUFFIXES = watchSuffixes();

    private Units() {
    }

    /** True for counts: {@code n_steps}, {@code walking_n_steps}, {@code device_n_steps}. */
    public static boolean isCount(String name) {
        return name.startsWith("n_") || name.contains("_n_");
    }

    /** The unit of a numeric column named {@code name}, or an empty string when its name names none. */
    public static String of(String name) {
        String n = name;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String q : QUALIFIERS) {
                if (n.endsWith(q) && n.length() > q.length()) {
                    n = n.substring(0, n.length() - q.length());
                    stripped = true;
                }
            }
        }
        if (isCount(n)) {
            return "count";
        }
        if (n.equals("step") || n.equals("bout") || n.equals("split")) {
            return "";
        }
        if (n.equals("duty_factor")) {
            return "1";
        }
        for (Map.Entry<String, String> e : SUFFIXES) {
            if (n.endsWith(e.getKey())) {
                return e.getValue();
            }
        }
        for (Map.Entry<String, String> e : WATCH_SUFFIXES.entrySet()) {
            if (n.endsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return "";
    }

    private static Map<String, String> watchSuffixes() {
        Map<String, String> m = new LinkedHashMap<>();
        WatchUnits.spellings().values().stream().filter(u -> !u.suffix().isEmpty() && !u.symbol().isEmpty()).distinct()
                .sorted(Comparator.comparingInt((WatchUnits.Unit u) -> -u.suffix().length()))
                .forEach(u -> m.putIfAbsent("_" + u.suffix(), u.symbol()));
        return m;
    }
}
