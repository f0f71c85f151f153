package org.gaitform.io.watch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gaitform.model.Decision;
import org.gaitform.model.WatchChannel;
import org.gaitform.model.WatchSource;

/**
 * Chooses, when an export holds the same quantity from several devices, which device's values the analysis uses,
 * and keeps the others beside them ({@link WatchSource}): never a silent pick, never a mix of two devices'
 * definitions in one average.
 *
 * <ul>
 *   <li>Running dynamics (contact time, balance, stance-time %, vertical oscillation, vertical ratio, step length)
 *   are taken from one device: Garmin's running dynamics (an HRM-Run / HRM-Pro chest strap, a running-dynamics pod,
 *   or the watch) first — the report's contact-time, balance, oscillation and ratio bands are Garmin's colour bands,
 *   defined on Garmin's measurement, and Garmin's chest-strap contact time is within about 6 ms of force-plate data
 *   at faster speeds —, then the export's own unprefixed fields, then Stryd (contact time about 5 % short of
 *   1000 Hz video), then RunScribe, then any other. A quantity the chosen device lacks is taken from the next device
 *   that has it, and the decision says so. {@code --dynamics-device} overrides.</li>
 *   <li>Power: the export's own power field, then Stryd's, Garmin Running Power's, RunScribe's.</li>
 *   <li>Altitude: the watch's (barometric or GPS) before a foot pod's estimate.</li>
 *   <li>Cadence, heart rate, speed, distance and position: the export's own fields before a device's.</li>
 * </ul>
 */
final class WatchSources {
    /** The running-dynamics channels, chosen together from one device. */
    static final List<WatchChannel> DYNAMICS = List.of(WatchChannel.CONTACT_MS, WatchChannel.CONTACT_BALANCE_LEFT_PCT,
            WatchChannel.STANCE_TIME_PCT, WatchChannel.VERTICAL_OSCILLATION_MM, WatchChannel.VERTICAL_RATIO_PCT,
            WatchChannel.STEP_LENGTH_MM);
    /** RunScribe's foot-pod values, chosen together. */
    static final List<WatchChannel> FOOT = List.of(WatchChannel.IMPACT_G, WatchChannel.BRAKING_G,
            WatchChannel.FOOT_STRIKE_TYPE, WatchChannel.PRONATION_DEG, WatchChannel.FLIGHT_RATIO_PCT);

    /** Device ids to how reports name them. */
    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("hrm", "Garmin HRM chest strap (running dynamics)");
        LABELS.put("garmin", "Garmin running dynamics");
        LABELS.put("watch", "the watch's own fields");
        LABELS.put("export", "the export's own columns");
        LABELS.put("stryd", "Stryd foot pod");
        LABELS.put("runscribe", "RunScribe foot pods");
        LABELS.put("garmin_rp", "Garmin Running Power (Connect IQ)");
        LABELS.put("polar", "Polar sensor");
        LABELS.put("coros", "COROS sensor");
        LABELS.put("suunto", "Suunto sensor");
        LABELS.put("wahoo", "Wahoo TICKR");
        LABELS.put("milestone", "Milestone pod");
        LABELS.put("zephyr", "Zephyr sensor");
        LABELS.put("pod", "a foot pod");
        LABELS.put("developer", "a Connect IQ developer field");
    }

    private WatchSources() {
    }

    /** How reports name a device id. */
    static String label(String id) {
        return LABELS.getOrDefault(id, id.replace('_', ' ') + " device");
    }

    private static int dynamicsRank(String id) {
        return switch (id) {
            case "hrm" -> 0;
            case "garmin" -> 1;
            case "watch", "export" -> 2;
            case "stryd" -> 3;
            case "runscribe" -> 4;
            case "polar", "coros", "suunto", "wahoo", "milestone", "zephyr" -> 5;
            case "pod" -> 6;
            default -> 7;
        };
    }

    private static int powerRank(String id) {
        return switch (id) {
            case "watch", "export" -> 0;
            case "stryd" -> 1;
            case "garmin_rp", "garmin" -> 2;
            case "runscribe" -> 3;
            default -> 4;
        };
    }

    private static int altitudeRank(String id) {
        return switch (id) {
            case "watch", "export" -> 0;
            case "garmin", "hrm", "polar", "coros", "suunto" -> 1;
            case "stryd", "runscribe", "pod", "milestone" -> 3;
            default -> 2;
        };
    }

    private static boolean isFootPod(String id) {
        return id.equals("stryd") || id.equals("runscribe") || id.equals("pod") || id.equals("milestone");
    }

    /**
     * Places every device's values: the chosen device's into the table's channels, the others into
     * {@link WatchSource}s (kept by the table for {@link RecordTable#build}).
     *
     * @param table     the records; its own channels are the export's own fields, device {@code nativeId}
     * @param nativeId  the id of the export's own fields ({@code watch}, {@code hrm}, {@code garmin}, {@code export}, …)
     * @param labels    labels for ids, overriding the defaults (the native fields' sensor, a FitCSVTool export)
     * @param override  the user's {@code --dynamics-device}, if any
     * @param decisions where the choices are recorded
     * @param info      where the chosen dynamics device is recorded ({@code dynamics_device}, {@code dynamics_devices})
     */
    static void resolve(RecordTable table, String nativeId, Map<String, String> labels, Optional<String> override,
                        List<Decision> decisions, List<String> warnings, Map<String, String> info) {
        Map<String, Map<WatchChannel, double[]>> all = new LinkedHashMap<>();
        EnumMap<WatchChannel, double[]> own = new EnumMap<>(WatchChannel.class);
        for (WatchChannel c : WatchChannel.values()) {
            if (table.has(c)) {
                own.put(c, table.values(c));
            }
        }
        all.put(nativeId, own);
        table.sourcesView().forEach((d, m) -> {
            Map<WatchChannel, double[]> merged = all.computeIfAbsent(d, k -> new EnumMap<>(WatchChannel.class));
            m.forEach((c, v) -> {
                if (any(v)) {
                    merged.merge(c, v, WatchSources::fill);
                }
            });
        });
        Map<String, String> names = new LinkedHashMap<>();
        for (String id : all.keySet()) {
            names.put(id, labels.getOrDefault(id, label(id)));
        }
        Map<String, EnumMap<WatchChannel, double[]>> leftOver = new LinkedHashMap<>();
        all.forEach((id, m) -> leftOver.put(id, new EnumMap<>(m)));
        // running dynamics: one device
        List<String> dyn = devicesWith(all, DYNAMICS);
        if (!dyn.isEmpty()) {
            List<String> order = new ArrayList<>(dyn);
            order.sort((a, b) -> Integer.compare(dynamicsRank(a), dynamicsRank(b)));
            String why;
            String chosen = order.get(0);
            if (override.isPresent()) {
                String want = override.get().toLowerCase(Locale.ROOT);
                if (dyn.contains(want)) {
                    order.remove(want);
                    order.add(0, want);
                    chosen = want;
                    why = "chosen with --dynamics-device " + want;
                } else {
                    warnings.add("--dynamics-device " + want + ": the export has no running dynamics of that device "
                            + "(it has " + String.join(", ", dyn) + "); " + chosen + " is used");
                    why = dynamicsReason(chosen, dyn);
                }
            } else {
                why = dynamicsReason(chosen, dyn);
            }
            List<String> filled = new ArrayList<>();
            for (WatchChannel c : DYNAMICS) {
                for (String id : order) {
                    double[] v = all.get(id).get(c);
                    if (v != null && any(v)) {
                        table.replace(c, v);
                        leftOver.get(id).remove(c);
                        if (!id.equals(chosen)) {
                            filled.add(c.column() + " from " + names.get(id));
                        }
                        break;
                    }
                }
            }
            if (!filled.isEmpty()) {
                why += "; " + names.get(chosen) + " has no " + String.join(", ", filled).replaceAll(" from [^,]*", "")
                        + ": taken from the next device (" + String.join("; ", filled) + ")";
            }
            decisions.add(new Decision("dynamics_device", chosen, (dyn.size() > 1 ? names.get(chosen) + " drives the "
                    + "findings: " : "") + why));
            info.put("dynamics_device", chosen);
            info.put("dynamics_device_label", names.get(chosen));
            info.put("dynamics_devices", String.join(",", order));
            for (String id : order) {
                info.put("dynamics_device_label_" + id, names.get(id));
            }
        }
        choose(table, all, leftOver, names, List.of(WatchChannel.POWER_W), WatchSources::powerRank, "power_w_source",
                decisions, id -> id.equals(nativeId) ? "the export's own power field" : "the power of " + names.get(id),
                true, info);
        choose(table, all, leftOver, names, List.of(WatchChannel.ALTITUDE_M), WatchSources::altitudeRank,
                "altitude_source", decisions, id -> (id.equals(nativeId) ? "the watch's altitude (barometric or GPS)"
                        : "the altitude of " + names.get(id)) + (isFootPod(id) ? ", a foot pod's estimate: no watch "
                        + "altitude in the export" : ""), false, info);
        choose(table, all, leftOver, names, FOOT, id -> id.equals("runscribe") ? 0 : 1, "foot_pod_source", decisions,
                names::get, false, info);
        for (WatchChannel c : new WatchChannel[] {WatchChannel.CADENCE_SPM, WatchChannel.HEART_RATE_BPM,
            WatchChannel.SPEED_MPS, WatchChannel.DISTANCE_M, WatchChannel.LATITUDE_DEG, WatchChannel.LONGITUDE_DEG}) {
            choose(table, all, leftOver, names, List.of(c), id -> id.equals(nativeId) ? 0 : 1, c.column() + "_source",
                    decisions, names::get, false, new LinkedHashMap<>());
        }
        List<WatchSource> others = new ArrayList<>();
        leftOver.forEach((id, m) -> {
            m.values().removeIf(v -> !any(v));
            if (!m.isEmpty()) {
                others.add(new WatchSource(id, names.get(id), m));
            }
        });
        // the chosen dynamics device's own record of quantities placed elsewhere is no other source of them
        table.clearSources(others);
    }

    private static String dynamicsReason(String chosen, List<String> devices) {
        String others = devices.size() > 1 ? "; the others (" + String.join(", ", devices.stream()
                .filter(d -> !d.equals(chosen)).toList()) + ") are shown beside it" : "";
        return switch (chosen) {
            case "hrm", "garmin" -> "Garmin's running dynamics: the report's bands for contact time, balance, oscillation "
                    + "and ratio are Garmin's colour bands, defined on its measurement, and Garmin's chest-strap contact "
                    + "time is within about 6 ms of force-plate data at faster speeds" + others;
            case "watch" -> "the watch's own running-dynamics fields (Garmin's, in a FIT file): the report's bands "
                    + "for contact time, balance, oscillation and ratio are Garmin's colour bands, defined on its "
                    + "measurement" + others;
            case "export" -> "the export's own running-dynamics columns" + others;
            case "stryd" -> "Stryd's running dynamics (no Garmin dynamics in the export); Stryd's contact time reads "
                    + "about 5 % short of 1000 Hz video" + others;
            case "runscribe" -> "RunScribe's foot pods (no Garmin or Stryd dynamics in the export)" + others;
            default -> "the only running dynamics in the export" + others;
        };
    }

    private interface Rank {
        int of(String id);
    }

    private interface Why {
        String of(String id);
    }

    private static void choose(RecordTable table, Map<String, Map<WatchChannel, double[]>> all,
                               Map<String, EnumMap<WatchChannel, double[]>> leftOver, Map<String, String> names,
                               List<WatchChannel> group, Rank rank, String key, List<Decision> decisions, Why why,
                               boolean always, Map<String, String> info) {
        List<String> have = devicesWith(all, group);
        if (have.isEmpty()) {
            return;
        }
        List<String> order = new ArrayList<>(have);
        order.sort((a, b) -> Integer.compare(rank.of(a), rank.of(b)));
        String chosen = order.get(0);
        for (WatchChannel c : group) {
            for (String id : order) {
                double[] v = all.get(id).get(c);
                if (v != null && any(v)) {
                    table.replace(c, v);
                    leftOver.get(id).remove(c);
                    break;
                }
            }
        }
        info.put(key, chosen);
        info.put(key + "_label", names.get(chosen));
        if (always || have.size() > 1) {
            decisions.add(new Decision(key, chosen, why.of(chosen) + (have.size() > 1 ? "; also in the export: "
                    + String.join(", ", order.subList(1, order.size()).stream().map(names::get).toList())
                    + " (shown beside it)" : "")));
        }
    }

    private static List<String> devicesWith(Map<String, Map<WatchChannel, double[]>> all, List<WatchChannel> group) {
        Set<String> out = new LinkedHashSet<>();
        all.forEach((id, m) -> {
            for (WatchChannel c : group) {
                double[] v = m.get(c);
                if (v != null && any(v)) {
                    out.add(id);
                }
            }
        });
        return new ArrayList<>(out);
    }

    private static double[] fill(double[] a, double[] b) {
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                out[i] = b[i];
            }
        }
        return out;
    }

    static boolean any(double[] v) {
        for (double x : v) {
            if (!Double.isNaN(x)) {
                return true;
            }
        }
        return false;
    }
}
