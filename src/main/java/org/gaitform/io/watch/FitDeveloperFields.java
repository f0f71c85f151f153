package org.gaitform.io.watch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaitform.io.fit.FitField;
import org.gaitform.io.fit.FitFile;
import org.gaitform.io.fit.FitMessage;
import org.gaitform.io.fit.FitProfile;
import org.gaitform.io.watch.WatchFields.Match;
import org.gaitform.io.watch.WatchFields.Role;
import org.gaitform.io.watch.WatchFields.Side;
import org.gaitform.model.Decision;
import org.gaitform.model.WatchChannel;

/**
 * The developer (Connect IQ) fields of a FIT activity: which app wrote them, what each holds and in which unit, and
 * where its values go — a device's channel (Stryd's "Ground Time", RunScribe's impact), or an extra column. The app
 * is known from the file's {@code developer_data_id} (Stryd's and RunScribe's application ids, or Stryd as the
 * developer's manufacturer), else from the file's maker and the field names; what a field holds from its name
 * ({@link WatchFields}, whole names), else from the native field its description says it stands for; its unit from its
 * description ({@link WatchUnits}), else from its values ({@link FieldUnits}).
 *
 * <p>RunScribe's first data field (v1) writes short names ({@code BG}, {@code IG}, {@code FS}, {@code P},
 * {@code FR}, {@code GCT}, with {@code _L} / {@code _R}) or none at all; its fields are then named from their numbers
 * as its source lays them out (ScribeLabs/garmin-connect-iq-runscribe-light, MIT): 0–5 braking, impact, foot-strike
 * type, pronation, flight ratio and contact time of the left foot (or of both feet when no right foot is recorded),
 * 6–11 the same for the right foot, 12–17 of both feet, 18 power; a field in watts is power whatever its number.
 */
final class FitDeveloperFields {
    /** Stryd's Connect IQ application id (as written in {@code developer_data_id}). */
    static final Set<String> STRYD_APPS = Set.of("660a581e5301460c8f2f034c8b6dc90f");
    /** RunScribe's application ids (RunScribe Light and Plus data fields, and their store ids). */
    static final Set<String> RUNSCRIBE_APPS = Set.of("502092b3b0dd45ad89b3472ab2060ab6",
            "c1f5c80a5a054e8a97b3fda34e957035", "aee3c518b4bf11e7abc4cec278b6b50a", "1841a964b8a111e7abc4cec278b6b50a");
    private static final String RAW = "\u0000dev:";
    private static final Pattern UNNAMED = Pattern.compile("developer_(\\d+)_(\\d+)");

    private record Description(int index, int number, String name, String units, int nativeMessage, int nativeField) {
    }

    /** How one developer field is read. */
    private record Field(String key, String name, String units, String device, Match match, String column) {
    }

    private final Map<Integer, String> appDevice = new HashMap<>();
    private final Map<Long, Description> descriptions = new HashMap<>();
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final String fileDevice;
    private final Set<Integer> runScribeNumbers = new java.util.HashSet<>();

    FitDeveloperFields(FitFile fit) {
        for (FitMessage m : fit.messages("developer_data_id")) {
            double index = m.value("developer_data_index");
            if (Double.isNaN(index)) {
                continue;
            }
            String app = m.field("application_id").map(f -> hex(f.values())).orElse("");
            double maker = m.value("manufacturer_id");
            // Stryd's app, or a Stryd developer; RunScribe's apps; a Garmin app (Garmin Running Power writes "Power")
            String device = STRYD_APPS.contains(app) || maker == 95 ? "stryd" : RUNSCRIBE_APPS.contains(app)
                    ? "runscribe" : maker == 1 ? "garmin_rp" : "";
            if (!device.isEmpty()) {
                appDevice.put((int) index, device);
            }
        }
        boolean strydNames = false;
        for (FitMessage m : fit.messages("field_description")) {
            double index = m.value("developer_data_index");
            double number = m.value("field_definition_number");
            if (Double.isNaN(index) || Double.isNaN(number)) {
                continue;
            }
            String name = m.text("field_name").filter(x -> !x.isBlank()).orElse("developer_" + (int) index + "_"
                    + (int) number).trim();
            double nm = m.value("native_mesg_num");
            double nf = m.value("native_field_num");
            descriptions.put(((long) index << 8) | (long) number, new Description((int) index, (int) number, name,
                    m.text("units").orElse("").trim(), Double.isNaN(nm) ? -1 : (int) nm, Double.isNaN(nf) ? -1 : (int) nf));
            String n = WatchFields.normalise(name);
            strydNames |= n.equals("form power") || n.equals("leg spring stiffness");
            if ("runscribe".equals(appDevice.get((int) index))) {
                runScribeNumbers.add((int) number);
            }
        }
        double maker = fit.messages("file_id").isEmpty() ? Double.NaN : fit.messages("file_id").get(0).value("manufacturer");
        fileDevice = maker == 95 || strydNames ? "stryd" : "developer";
    }

    private static String hex(double[] bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (Double.isNaN(bytes[i]) ? 0 : (int) bytes[i]);
        }
        return HexFormat.of().formatHex(b);
    }

    /** Stores a developer field's value of a record (raw, until {@link #place} reads every value). */
    void add(RecordTable table, int row, FitField f) {
        String key = key(f);
        fields.computeIfAbsent(key, k -> describe(k, f));
        table.setExtra(RAW + key, row, f.value());
    }

    private String key(FitField f) {
        Matcher m = UNNAMED.matcher(f.name());
        if (m.matches()) {
            return m.group(1) + ":" + m.group(2);
        }
        for (Description d : descriptions.values()) {
            if (d.number() == f.number() && d.name().equals(f.name())) {
                return d.index() + ":" + d.number();
            }
        }
        return "?:" + f.number() + ":" + f.name();
    }

    private Field describe(String key, FitField f) {
        int index = key.startsWith("?") ? -1 : Integer.parseInt(key.substring(0, key.indexOf(':')));
        Description d = index < 0 ? null : descriptions.get(((long) index << 8) | f.number());
        String device = appDevice.getOrDefault(index, fileDevice);
        boolean runScribe = device.equals("runscribe");
        Match match = WatchFields.match(f.name(), runScribe);
        if (!match.known() && runScribe) {
            match = runScribeByNumber(f.number(), f.units());
        }
        if (!match.known() && d != null && d.nativeMessage() == FitProfile.RECORD && d.nativeField() >= 0) {
            // the description says which native field the developer field stands for
            FitProfile.Field nat = FitProfile.message(FitProfile.RECORD).fields().get(d.nativeField());
            if (nat != null) {
                match = WatchFields.match(nat.name());
            }
        }
        if (!match.device().isEmpty()) {
            device = match.device();
        }
        String column = match.known() ? "" : column(f.name(), f.units());
        return new Field(key, f.name(), f.units(), device, match, column);
    }

    /** RunScribe's field layout by number (see the class comment). */
    private Match runScribeByNumber(int number, String units) {
        Optional<WatchUnits.Unit> u = WatchUnits.parse(units);
        if (u.isPresent() && u.get().dimension() == WatchUnits.Dimension.POWER || number == 18) {
            return new Match(Role.POWER, "runscribe", Side.BOTH, Optional.empty());
        }
        if (number > 17) {
            return new Match(Role.EXTRA, "runscribe", Side.BOTH, Optional.empty());
        }
        Role[] roles = {Role.BRAKING, Role.IMPACT, Role.FOOT_STRIKE_TYPE, Role.PRONATION, Role.FLIGHT_RATIO,
            Role.CONTACT_TIME};
        boolean rightRecorded = runScribeNumbers.stream().anyMatch(n -> n >= 6 && n < 12);
        Side side = number >= 12 ? Side.BOTH : number >= 6 ? Side.RIGHT : rightRecorded ? Side.LEFT : Side.BOTH;
        return new Match(roles[number % 6], "runscribe", side, Optional.empty());
    }

    /** Output column of an extra developer field: its name in snake case with its unit ({@code form_power_w}). */
    static String column(String name, String units) {
        return withSuffix(name, WatchUnits.parse(units).map(WatchUnits.Unit::suffix).orElse(WatchFields.normalise(units)
                .replace(' ', '_')));
    }

    /** Output column of a field whose values are in {@code unit}: its name in snake case with the unit's suffix. */
    static String column(String name, WatchUnits.Unit unit) {
        return withSuffix(name, unit.suffix());
    }

    private static String withSuffix(String name, String unit) {
        String base = WatchFields.normalise(name).replace(' ', '_');
        if (base.isEmpty()) {
            base = "developer_field";
        }
        String col = unit.isEmpty() || base.endsWith("_" + unit) ? base : base + "_" + unit;
        for (WatchChannel c : WatchChannel.values()) {
            if (c.column().equals(col)) {
                return "developer_" + col;
            }
        }
        return col;
    }

    /**
     * Reads every developer field's values: into a device's channels (converted to the channel's unit) or into an
     * extra column, and records what was done.
     */
    void place(RecordTable table, List<Decision> decisions, List<String> warnings, WatchReadOptions options) {
        if (fields.isEmpty()) {
            return;
        }
        List<String> read = new ArrayList<>();
        Map<String, Map<WatchChannel, double[][]>> sides = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            double[] raw = table.removeExtra(RAW + f.key());
            if (raw == null) {
                continue;
            }
            Role role = f.match().role();
            String what = "developer field '" + f.name() + "'";
            FieldUnits.Choice unit = FieldUnits.of(role, f.units(), f.match().unit(), raw, what);
            unit.warning().ifPresent(warnings::add);
            WatchChannel channel = channel(role);
            String label = f.name() + (f.units().isEmpty() ? "" : " (" + f.units() + ")");
            if (channel == null) {
                String col = f.column().isEmpty() ? extraColumn(role, f) : f.column();
                double[] v = unit.convert(role, raw);
                for (int i = 0; i < v.length; i++) {
                    table.setExtra(col, i, v[i]);
                }
                read.add(label + " → " + col);
                continue;
            }
            double[] v = unit.convert(role, raw);
            if (role == Role.CADENCE) {
                v = cadence(raw, unit, table, options);
            }
            // a zero is "not measured" for running dynamics, a foot pod's values and heart rate; a zero cadence,
            // power or speed is a runner standing still
            boolean zeroIsMissing = WatchSources.DYNAMICS.contains(channel) || WatchSources.FOOT.contains(channel)
                    || channel == WatchChannel.HEART_RATE_BPM;
            if (zeroIsMissing) {
                for (int i = 0; i < v.length; i++) {
                    if (!(v[i] > 0)) {
                        v[i] = Double.NaN;
                    }
                }
            }
            if (f.match().side() != Side.BOTH) {
                String col = channel.column() + (f.match().side() == Side.LEFT ? "_left" : "_right");
                for (int i = 0; i < v.length; i++) {
                    table.setExtra(f.device().equals("runscribe") ? col : f.device() + "_" + col, i, v[i]);
                }
                sides.computeIfAbsent(f.device(), k -> new LinkedHashMap<>()).computeIfAbsent(channel,
                        k -> new double[2][])[f.match().side() == Side.LEFT ? 0 : 1] = v;
                read.add(label + " → " + f.device() + " " + col + " (" + unit.reason() + ")");
                continue;
            }
            for (int i = 0; i < v.length; i++) {
                table.setSource(f.device(), channel, i, v[i]);
            }
            read.add(label + " → " + f.device() + " " + channel.column() + (unit.identity(role) ? ""
                    : " (" + unit.reason() + ")"));
        }
        // a value of both feet from the left and right ones where the device wrote none
        sides.forEach((device, m) -> m.forEach((channel, lr) -> {
            double[] l = lr[0];
            double[] r = lr[1];
            int n = l != null ? l.length : r.length;
            for (int i = 0; i < n; i++) {
                double a = l == null ? Double.NaN : l[i];
                double b = r == null ? Double.NaN : r[i];
                double both = Double.isNaN(a) ? b : Double.isNaN(b) ? a : (a + b) / 2;
                table.setSource(device, channel, i, both);
            }
        }));
        decisions.add(new Decision("developer_fields", String.valueOf(fields.size()), "developer (Connect IQ) fields: "
                + String.join("; ", read)));
    }

    private static String extraColumn(Role role, Field f) {
        return switch (role) {
            case FORM_POWER -> "form_power_w";
            case LEG_SPRING_STIFFNESS -> "leg_spring_stiffness_kn_per_m";
            case TEMPERATURE -> "developer_temperature_degc";
            case STRIDE_LENGTH -> f.device() + "_stride_length_mm";
            case PACE -> f.device() + "_pace_min_per_km";
            default -> column(f.name(), f.units());
        };
    }

    /** A developer cadence in steps/min: its unit says whether it counts steps or strides, else its values do. */
    private static double[] cadence(double[] raw, FieldUnits.Choice unit, RecordTable table, WatchReadOptions options) {
        WatchUnits.Counts counts = unit.unit().counts();
        CadenceUnit cu = counts == WatchUnits.Counts.STRIDES ? CadenceUnit.STRIDES : counts == WatchUnits.Counts.STEPS
                ? CadenceUnit.STEPS : options.cadenceUnit();
        return CadenceUnits.normalise(raw, table.values(WatchChannel.SPEED_MPS), cu, "developer cadence").stepsPerMin();
    }

    /** The channel a role fills, or {@code null} for roles kept as extra columns. */
    static WatchChannel channel(Role role) {
        return switch (role) {
            case CADENCE -> WatchChannel.CADENCE_SPM;
            case CONTACT_TIME -> WatchChannel.CONTACT_MS;
            case CONTACT_BALANCE -> WatchChannel.CONTACT_BALANCE_LEFT_PCT;
            case STANCE_TIME_PCT -> WatchChannel.STANCE_TIME_PCT;
            case VERTICAL_OSCILLATION -> WatchChannel.VERTICAL_OSCILLATION_MM;
            case VERTICAL_RATIO -> WatchChannel.VERTICAL_RATIO_PCT;
            case STEP_LENGTH -> WatchChannel.STEP_LENGTH_MM;
            case DISTANCE -> WatchChannel.DISTANCE_M;
            case SPEED, ENHANCED_SPEED -> WatchChannel.SPEED_MPS;
            case ALTITUDE, ENHANCED_ALTITUDE -> WatchChannel.ALTITUDE_M;
            case HEART_RATE -> WatchChannel.HEART_RATE_BPM;
            case POWER -> WatchChannel.POWER_W;
            case LATITUDE -> WatchChannel.LATITUDE_DEG;
            case LONGITUDE -> WatchChannel.LONGITUDE_DEG;
            case IMPACT -> WatchChannel.IMPACT_G;
            case BRAKING -> WatchChannel.BRAKING_G;
            case FOOT_STRIKE_TYPE -> WatchChannel.FOOT_STRIKE_TYPE;
            case PRONATION -> WatchChannel.PRONATION_DEG;
            case FLIGHT_RATIO -> WatchChannel.FLIGHT_RATIO_PCT;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return fields.values().stream().map(f -> f.name() + "→" + f.device() + ":" + f.match().role()).toList()
                .toString().toLowerCase(Locale.ROOT);
    }
}
