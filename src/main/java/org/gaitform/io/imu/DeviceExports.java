package org.gaitform.io.imu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.io.text.ColumnReader;
import org.gaitform.io.text.TextLayout;
import org.gaitform.io.text.TimeStamps;
import org.gaitform.model.Channel;
import org.gaitform.model.Placement;

/**
 * Device exports whose data rows have no header row, recognised from their preamble. Today: the
 * GENEActiv PC software's CSV export (about 100 lines of {@code key,value} metadata such as
 * {@code Device Type,GENEActiv} and {@code Measurement Frequency,50.0 Hz}, then rows of
 * {@code timestamp, x, y, z, light, button, temperature} with accelerations in g and stamps written
 * {@code 2019-08-06 10:25:50:000}).
 */
public final class DeviceExports {

    private DeviceExports() {
    }

    /**
     * Column roles of a recognised headerless export.
     *
     * @param timeColumn  index of the time-stamp column
     * @param roles       accelerometer (and gyroscope) columns
     * @param accUnit     the acceleration unit the preamble states, if any
     * @param description what the columns were taken to be
     * @param reason      why
     */
    public record Columns(int timeColumn, Map<Channel, Integer> roles, Optional<String> accUnit, String description,
                          String reason) {
    }

    /** True when a preamble names a GENEActiv device. */
    static boolean isGeneActiv(Map<String, String> preamble) {
        Map<String, String> pre = lowerKeys(preamble);
        return pre.getOrDefault("device type", "").toLowerCase(Locale.ROOT).contains("geneactiv");
    }

    /** The columns of a headerless device export, or empty when the file is not one gaitform recognises. */
    static Optional<Columns> headerless(TextLayout layout, Path file, String source) throws IOException {
        if (layout.hasHeader() || layout.columnCount() < 4) {
            return Optional.empty();
        }
        Map<String, String> pre = lowerKeys(layout.preamble());
        String type = pre.getOrDefault("device type", "");
        boolean geneactiv = type.toLowerCase(Locale.ROOT).contains("geneactiv")
                || pre.getOrDefault("sensor type", "").toLowerCase(Locale.ROOT).contains("accelerometer x");
        if (!geneactiv) {
            return Optional.empty();
        }
        String[] first = ColumnReader.firstDataRow(file, source, layout);
        if (first == null || !TimeStamps.looksLikeTimestamp(first[0])) {
            return Optional.empty();
        }
        Map<Channel, Integer> roles = new EnumMap<>(Channel.class);
        roles.put(Channel.ACC_X, 1);
        roles.put(Channel.ACC_Y, 2);
        roles.put(Channel.ACC_Z, 3);
        String units = pre.getOrDefault("units", "").trim().toLowerCase(Locale.ROOT);
        Optional<String> unit = units.equals("g") ? Optional.of("g") : Optional.empty();
        return Optional.of(new Columns(0, roles, unit,
                "GENEActiv: time stamp, acc_x, acc_y, acc_z" + (layout.columnCount() >= 7 ? ", light, button, temperature" : ""),
                "headerless rows below a GENEActiv preamble ('Device Type: " + type.trim() + "'), laid out as the "
                        + "GENEActiv PC software exports them" + (unit.isPresent() ? "; the preamble gives the unit g" : "")));
    }

    /**
     * Where the device says it was worn ({@code Device Location Code} in a GENEActiv preamble, or a
     * {@code placement} / {@code location} key), when that names a placement gaitform knows.
     *
     * @return the placement and the preamble text it came from
     */
    public static Optional<Map.Entry<Placement, String>> placementFromPreamble(Map<String, String> preamble) {
        Map<String, String> pre = lowerKeys(preamble);
        for (String key : new String[] {"device location code", "placement", "sensor location", "location",
            "body location"}) {
            String v = pre.get(key);
            if (v == null || v.isBlank()) {
                continue;
            }
            String words = v.trim().toLowerCase(Locale.ROOT).replaceAll("\\b(left|right)\\b", "").trim();
            Optional<Placement> p = Placement.parse(words);
            if (p.isPresent() && p.get() != Placement.UNKNOWN) {
                return Optional.of(Map.entry(p.get(), key + ": " + v.trim()));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> lowerKeys(Map<String, String> m) {
        Map<String, String> out = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : m.entrySet()) {
            out.putIfAbsent(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue());
        }
        return out;
    }
}
