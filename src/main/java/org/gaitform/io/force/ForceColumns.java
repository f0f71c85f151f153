package org.gaitform.io.force;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaitform.model.Side;

/**
 * Recognises force columns by their header names: explicit vertical forces ({@code vGRF}, {@code grf_normal_bw},
 * {@code vertical_force}) and force components grouped by plate ({@code Fx Fy Fz}, {@code ground_force_vx/vy/vz},
 * {@code l_ground_force_vy}, {@code force_z}, {@code FP1_Fz}); the unit from a header token ({@code N}, {@code kN},
 * {@code BW}); the foot from a prefix ({@code l_}, {@code left}, {@code R_}, …).
 */
final class ForceColumns {
    private static final Pattern COMPONENT = Pattern.compile(
            "^(?<prefix>.*?)(?<base>ground_force_v|ground_force|force|grf|f)_?(?<axis>[xyz])$");

    private ForceColumns() {
    }

    /**
     * One recognised column.
     *
     * @param index     0-based column
     * @param header    the header as written
     * @param plate     the plate key (the prefix before the force name, normalised)
     * @param axis      {@code x}, {@code y}, {@code z}, or {@code v} for an explicitly vertical force
     * @param unitToken {@code n}, {@code kn}, {@code bw}, or empty when the header names none
     */
    record Column(int index, String header, String plate, String axis, String unitToken) {
    }

    /** Lower case, runs of other characters as one underscore, no underscore at either end. */
    static String normalise(String h) {
        return h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    /** The recognised force columns of a header, in column order. */
    static List<Column> find(List<String> headers) {
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String raw = headers.get(i);
            String n = normalise(raw);
            String unit = "";
            for (String u : new String[] {"kn", "bw", "n", "newton", "newtons"}) {
                if (n.endsWith("_" + u) || (n.contains("_" + u + "_") && u.equals("bw"))) {
                    unit = u.startsWith("newton") ? "n" : u;
                    n = n.endsWith("_" + u) ? n.substring(0, n.length() - u.length() - 1) : n.replace("_" + u + "_", "_");
                    break;
                }
            }
            List<String> tokens = List.of(n.split("_"));
            boolean vertical = tokens.contains("vgrf") || (tokens.contains("grf") && (tokens.contains("v")
                    || tokens.contains("vert") || tokens.contains("vertical") || tokens.contains("normal")))
                    || ((tokens.contains("force") || tokens.contains("f")) && (tokens.contains("vertical")
                    || tokens.contains("normal")));
            if (vertical) {
                String plate = n.replaceAll("(^|_)(vgrf|grf|v|vert|vertical|normal|force|f)(?=_|$)", "")
                        .replaceAll("^_+|_+$", "");
                out.add(new Column(i, raw, plate, "v", unit));
                continue;
            }
            Matcher m = COMPONENT.matcher(n);
            // a prefix is a plate or a foot: empty or ending in '_' (so that a marker such as LTHF_X is not a force)
            if (m.matches() && (m.group("prefix").isEmpty() || m.group("prefix").endsWith("_")) && !n.startsWith("cop")
                    && !n.contains("torque") && !n.contains("moment")) {
                out.add(new Column(i, raw, m.group("prefix").replaceAll("_+$", ""), m.group("axis"), unit));
            }
        }
        return out;
    }

    /** True when a header names an explicitly vertical force (vGRF, grf_normal_bw, vertical_force, …). */
    static boolean hasExplicitVertical(List<String> headers) {
        return find(headers).stream().anyMatch(c -> c.axis().equals("v"));
    }

    /** The columns grouped by plate, in order of first appearance. */
    static Map<String, List<Column>> byPlate(List<Column> cols) {
        Map<String, List<Column>> m = new LinkedHashMap<>();
        for (Column c : cols) {
            m.computeIfAbsent(c.plate(), k -> new ArrayList<>()).add(c);
        }
        return m;
    }

    /** The foot a plate prefix names ({@code l}, {@code left}, {@code lt}, {@code r}, …), else unknown. */
    static Side side(String plate) {
        for (String t : plate.split("_")) {
            switch (t) {
                case "l", "left", "lt", "lfoot", "leftfoot" -> {
                    return Side.LEFT;
                }
                case "r", "right", "rt", "rfoot", "rightfoot" -> {
                    return Side.RIGHT;
                }
                default -> {
                }
            }
        }
        return Side.UNKNOWN;
    }
}
