package org.gaitform.io.watch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.model.Decision;
import org.gaitform.model.WatchChannel;

/**
 * Developer fields (Connect IQ data fields of Stryd, RunScribe and others): their output column names, and
 * the running dynamics they carry when the native FIT fields are empty. Matching is by the field's name
 * (letters and digits only, case ignored) and its unit; the names are those the apps write (Stryd: "Ground
 * Time", "Vertical Oscillation", "Cadence", "Form Power", "Leg Spring Stiffness"; RunScribe: "Contact Time",
 * "Step Rate", "Stride Length").
 */
final class DeveloperFields {
    private DeveloperFields() {
    }

    /** Output column of a developer field: its name in snake case with its unit ({@code form_power_w}). */
    static String column(String name, String units) {
        String base = name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        if (base.isEmpty()) {
            base = "developer_field";
        }
        String unit = unitSuffix(units);
        String col = unit.isEmpty() || base.endsWith("_" + unit) ? base : base + "_" + unit;
        for (WatchChannel c : WatchChannel.values()) {
            if (c.column().equals(col)) {
                return "developer_" + col;
            }
        }
        return col;
    }

    static String unitSuffix(String units) {
        String u = units.trim().toLowerCase(Locale.ROOT);
        return switch (u) {
            case "" -> "";
            case "w", "watt", "watts" -> "w";
            case "kn/m" -> "kn_per_m";
            case "m", "meter", "meters", "metre", "metres" -> "m";
            case "m/s" -> "mps";
            case "km/h", "kph" -> "kmh";
            case "ms", "milliseconds" -> "ms";
            case "s", "sec", "seconds" -> "s";
            case "cm" -> "cm";
            case "mm" -> "mm";
            case "%", "percent" -> "pct";
            case "spm", "steps/min" -> "spm";
            case "rpm", "strides/min" -> "rpm";
            case "bpm" -> "bpm";
            case "g" -> "g";
            case "deg", "degrees", "°" -> "deg";
            case "c", "°c" -> "degc";
            default -> u.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        };
    }

    /** Fills empty running-dynamics channels from developer fields and records where they came from. */
    static void fillChannels(RecordTable table, List<Decision> decisions) {
        for (Map.Entry<String, double[]> e : table.extrasView().entrySet()) {
            String col = e.getKey();
            String n = col.startsWith("developer_") ? col.substring("developer_".length()) : col;
            WatchChannel target = null;
            double factor = 1;
            if (n.startsWith("ground_time") || n.startsWith("contact_time") || n.startsWith("ground_contact_time")
                    || n.equals("gct_ms") || n.startsWith("stance_time")) {
                target = WatchChannel.CONTACT_MS;
                factor = n.endsWith("_s") ? 1000 : 1;
            } else if (n.startsWith("vertical_oscillation")) {
                target = WatchChannel.VERTICAL_OSCILLATION_MM;
                factor = n.endsWith("_cm") ? 10 : n.endsWith("_m") ? 1000 : 1;
            } else if (n.startsWith("step_length")) {
                target = WatchChannel.STEP_LENGTH_MM;
                factor = n.endsWith("_mm") ? 1 : n.endsWith("_cm") ? 10 : 1000;
            }
            if (target == null || table.has(target)) {
                continue;
            }
            double[] v = e.getValue();
            boolean any = false;
            for (int i = 0; i < v.length; i++) {
                if (v[i] > 0) {
                    table.set(target, i, v[i] * factor);
                    any = true;
                }
            }
            if (any) {
                decisions.add(new Decision(target.column() + "_source", "developer field " + col,
                        "the native FIT field is empty; the developer field carries the same quantity"
                                + (factor != 1 ? " (× " + (factor == 1000 ? "1000" : "10") + " for its unit)" : "")));
            }
        }
    }
}
