package org.gaitform.io.imu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaitform.io.TimeBase;
import org.gaitform.io.text.ColumnReader;
import org.gaitform.io.text.ColumnReader.CellKind;
import org.gaitform.io.text.LayoutSniffer;
import org.gaitform.io.text.Numbers;
import org.gaitform.io.text.TextLayout;
import org.gaitform.io.text.TimeStamps;
import org.gaitform.model.Channel;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.ImuSensor;
import org.gaitform.model.Placement;
import org.gaitform.model.Side;
import org.gaitform.signal.Stats;

/**
 * Reads IMU exports in delimited text (CSV, semicolon, tab): one time column (or none, with a rate),
 * accelerometer axes or already aligned accelerations, and optional gyroscope axes. Units are taken
 * from the headers or, failing that, from the signal: the median magnitude of the acceleration is
 * gravity (about 1 in g, 9.8 in m/s²); a gyroscope whose 99th percentile stays under 15 is in rad/s.
 * Every choice is recorded as a {@link Decision}.
 */
public final class ImuCsvReader {
    /** Safety limit on data rows (about 28 hours at 200 Hz). */
    public static final long MAX_ROWS = 20_000_000L;
    static final double STANDARD_GRAVITY = 9.80665;
    /** Sampling rates accepted from a file's preamble (Hz), as from a time column. */
    static final double MIN_RATE_HZ = 0.5;
    static final double MAX_RATE_HZ = 100_000;
    private static final double RAD_TO_DEG = 180.0 / Math.PI;
    private static final Pattern RATE_IN_PREAMBLE = Pattern.compile("([0-9]+(?:[.,][0-9]+)?)\\s*hz",
            Pattern.CASE_INSENSITIVE);

    /**
     * Reads one file.
     *
     * @param file    the file
     * @param source  the name to report it by
     * @param options user overrides
     */
    public ImuRecording read(Path file, String source, ImuReadOptions options) throws IOException {
        TextLayout layout = LayoutSniffer.sniff(file, source);
        List<Decision> decisions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        decisions.add(new Decision("encoding", layout.decoding().charset().name(), layout.decoding().reason()));
        decisions.add(new Decision("separator", layout.separatorName(), "splits the data rows into "
                + layout.columnCount() + " consistent, numeric fields"));
        decisions.add(new Decision("decimal_mark", layout.decimalComma() ? "comma" : "point",
                layout.decimalComma() ? "numbers such as 9,81 in " + layout.separatorName() + "-separated rows"
                        : "numbers written with a decimal point"));
        decisions.add(new Decision("header_rows", String.valueOf(layout.headerRows().size()),
                "data start on line " + layout.firstDataLine()));
        List<String> names = layout.columnNames();

        // ---- column roles
        Map<Channel, Integer> roleColumn = new EnumMap<>(Channel.class);
        Map<Channel, HeaderName> roleHeader = new EnumMap<>(Channel.class);
        Integer timeColumn = null;
        HeaderName timeHeader = null;
        for (Map.Entry<Channel, String> e : options.columns().entrySet()) {
            int idx = findColumn(source, names, e.getValue(), e.getKey().role());
            roleColumn.put(e.getKey(), idx);
            roleHeader.put(e.getKey(), HeaderName.parse(names.get(idx)));
            decisions.add(new Decision("column_" + e.getKey().role(), names.get(idx), "override"));
        }
        if (options.timeColumn().isPresent()) {
            timeColumn = findColumn(source, names, options.timeColumn().get(), "time");
            timeHeader = HeaderName.parse(names.get(timeColumn));
            decisions.add(new Decision("column_time", names.get(timeColumn), "override"));
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            if (roleColumn.containsValue(c) || (timeColumn != null && timeColumn == c)) {
                continue;
            }
            HeaderName h = HeaderName.parse(names.get(c));
            if (h.isTime() && timeColumn == null) {
                timeColumn = c;
                timeHeader = h;
                decisions.add(new Decision("column_time", names.get(c), "header names a time"));
            } else if (h.role().isPresent()) {
                groups.computeIfAbsent(h.group(), g -> new ArrayList<>()).add(c);
            }
        }
        List<GroupSpec> specs = new ArrayList<>();
        if (groups.size() > 1 && options.columns().isEmpty()) {
            for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
                Map<Channel, Integer> rc = new EnumMap<>(Channel.class);
                Map<Channel, HeaderName> rh = new EnumMap<>(Channel.class);
                for (int c : g.getValue()) {
                    HeaderName h = HeaderName.parse(names.get(c));
                    Channel role = h.role().orElseThrow();
                    if (!rc.containsKey(role)) {
                        rc.put(role, c);
                        rh.put(role, h);
                    } else {
                        warnings.add("column '" + ColumnReader.abbreviate(names.get(c)) + "' also looks like " + role.role()
                                + " of sensor '" + ColumnReader.abbreviate(g.getKey()) + "'; using '"
                                + ColumnReader.abbreviate(names.get(rc.get(role))) + "'");
                    }
                }
                String label = g.getKey().isEmpty() ? "ungrouped columns"
                        : "sensor '" + ColumnReader.abbreviate(g.getKey()) + "'";
                specs.add(checkedSpec(source, g.getKey().isEmpty() ? "imu" : g.getKey(), rc, rh, names, warnings, label));
            }
            decisions.add(new Decision("sensors", String.join(", ", groups.keySet()), "the headers group the columns into "
                    + groups.size() + " sensors sharing one time axis; they are analysed together as one session"));
        } else {
            for (List<Integer> cols : groups.values()) {
                for (int c : cols) {
                    HeaderName h = HeaderName.parse(names.get(c));
                    Channel role = h.role().orElseThrow();
                    if (!roleColumn.containsKey(role)) {
                        roleColumn.put(role, c);
                        roleHeader.put(role, h);
                        decisions.add(new Decision("column_" + role.role(), names.get(c), "header name"));
                    } else if (!options.columns().containsKey(role)) {
                        warnings.add("column '" + names.get(c) + "' also looks like " + role.role() + "; using '"
                                + names.get(roleColumn.get(role)) + "'");
                    }
                }
            }
            if (roleColumn.isEmpty() && timeColumn == null) {
                Optional<DeviceExports.Columns> device = DeviceExports.headerless(layout, file, source);
                if (device.isEmpty() && DeviceExports.isGeneActiv(layout.preamble())) {
                    throw GaitformException.badInput(source, "line " + layout.firstDataLine(), "rows of GENEActiv "
                            + "samples below the preamble (time stamp, x, y, z, light, button, temperature)",
                            "none; the file ends with " + layout.columnCount() + "-column lines (a preamble without "
                                    + "data, or a damaged export?)");
                }
                if (device.isPresent()) {
                    DeviceExports.Columns dc = device.get();
                    roleColumn.putAll(dc.roles());
                    timeColumn = dc.timeColumn();
                    timeHeader = HeaderName.parse("time");
                    decisions.add(new Decision("columns", dc.description(), dc.reason()));
                    dc.accUnit().ifPresent(u -> {
                        for (Channel ch : dc.roles().keySet()) {
                            roleHeader.put(ch, new HeaderName(names.get(dc.roles().get(ch)), Optional.of(ch), false,
                                    Optional.of(u), ""));
                        }
                    });
                }
            }
            String name = groups.keySet().stream().filter(g -> !g.isEmpty()).findFirst().orElse("imu");
            specs.add(checkedSpec(source, name, roleColumn, roleHeader, names, warnings, "the file"));
        }

        // ---- read
        List<int[]> flat = new ArrayList<>();
        int k = 0;
        List<List<Channel>> specRoles = new ArrayList<>();
        for (GroupSpec spec : specs) {
            List<Channel> roles = new ArrayList<>(spec.roleColumn().keySet());
            specRoles.add(roles);
            k += roles.size();
        }
        k += timeColumn == null ? 0 : 1;
        int[] cols = new int[k];
        CellKind[] kinds = new CellKind[k];
        int at = 0;
        for (int s = 0; s < specs.size(); s++) {
            for (Channel role : specRoles.get(s)) {
                cols[at] = specs.get(s).roleColumn().get(role);
                kinds[at] = CellKind.NUMBER;
                at++;
            }
        }
        boolean stamp = false;
        if (timeColumn != null) {
            cols[k - 1] = timeColumn;
            stamp = firstCellIsStamp(file, source, layout, timeColumn);
            kinds[k - 1] = stamp ? CellKind.TIMESTAMP : CellKind.NUMBER;
        }
        double[][] data = ColumnReader.read(file, source, layout, cols, kinds, MAX_ROWS);
        int n = data[0].length;
        if (n == 0) {
            throw GaitformException.badInput(source, "", "rows of data below the header", "a header only");
        }

        // ---- time axis
        double[] timeS;
        double rate;
        TimeBase.Result tb = null;
        Optional<Double> preambleRate = timeColumn == null && options.rateHz().isEmpty()
                ? rateFromPreamble(source, layout.preamble()) : Optional.empty();
        if (timeColumn != null) {
            tb = TimeBase.build(source, names.get(timeColumn), data[k - 1], timeHeader.unit(), stamp,
                    layout.firstDataLine());
            decisions.addAll(tb.decisions());
            warnings.addAll(tb.warnings());
            timeS = tb.timeS();
            rate = tb.samplingRateHz();
            if (options.rateHz().isPresent() && Math.abs(options.rateHz().get() - rate) > 0.02 * rate) {
                warnings.add("--rate " + TimeBase.fmt(options.rateHz().get()) + " Hz disagrees with the time column ("
                        + TimeBase.fmt(rate) + " Hz); the time column is used");
            }
            if (preambleRate.isPresent() && Math.abs(preambleRate.get() - rate) > 0.02 * rate) {
                warnings.add("the preamble states " + TimeBase.fmt(preambleRate.get()) + " Hz but the time stamps give "
                        + TimeBase.fmt(rate) + " Hz; the time stamps are used");
            }
        } else if (options.rateHz().isPresent()) {
            rate = options.rateHz().get();
            timeS = TimeBase.fromRate(n, rate);
            decisions.add(new Decision("time_unit", "none", "no time column; times are sample index / rate"));
            decisions.add(new Decision("sampling_rate_hz", TimeBase.fmt(rate), "override"));
        } else if (preambleRate.isPresent()) {
            rate = preambleRate.get();
            timeS = TimeBase.fromRate(n, rate);
            decisions.add(new Decision("time_unit", "none", "no time column; times are sample index / rate"));
            decisions.add(new Decision("sampling_rate_hz", TimeBase.fmt(rate), "stated in the file's preamble"));
        } else {
            throw GaitformException.badInput(source, "header",
                    "a time column (time, t, timestamp, 'Time (s)', seconds_elapsed, …) or the sampling rate "
                            + "given with --rate HZ", "neither among the headers " + quoteList(names));
        }
        if (n < 2) {
            throw GaitformException.notAnalysable(source, "only one row of data");
        }

        // ---- units and channels, per sensor
        Placement placement = options.placement().orElse(Placement.UNKNOWN);
        if (options.placement().isPresent()) {
            decisions.add(new Decision("placement", placement.label(), "override"));
        } else {
            Optional<Map.Entry<Placement, String>> meta = DeviceExports.placementFromPreamble(layout.preamble());
            if (meta.isPresent()) {
                placement = meta.get().getKey();
                decisions.add(new Decision("placement", placement.label(), "the file's metadata says '"
                        + meta.get().getValue() + "'"));
            }
        }
        List<ImuSensor> sensors = new ArrayList<>();
        ImpossibleSamples.Tally impossible = new ImpossibleSamples.Tally();
        at = 0;
        for (int s = 0; s < specs.size(); s++) {
            GroupSpec spec = specs.get(s);
            Map<Channel, double[]> channels = new EnumMap<>(Channel.class);
            for (Channel role : specRoles.get(s)) {
                channels.put(role, tb == null ? data[at] : tb.align(data[at]));
                at++;
            }
            String suffix = s == 0 ? "" : "_" + safeKey(spec.name());
            String sensorName = specs.size() > 1 ? spec.name() : "";
            // before the units are inferred from the signal: one absurd row must not decide them
            ImpossibleSamples.repairAbsurd(channels, timeS, sensorName, impossible);
            List<Decision> unitDecisions = new ArrayList<>();
            String accUnit = accelerationUnit(source, channels, spec.roleHeader(), options, unitDecisions);
            if (accUnit.equals("mps2")) {
                for (Channel c : Channel.values()) {
                    if (c.isAcceleration() && channels.containsKey(c)) {
                        channels.put(c, scale(channels.get(c), 1.0 / STANDARD_GRAVITY));
                    }
                }
            }
            if (channels.containsKey(Channel.GYR_X)) {
                String gyrUnit = gyroscopeUnit(channels, spec.roleHeader(), options, unitDecisions);
                Optional<String> implausible = Optional.empty();
                if (options.gyrUnit().isEmpty()) {
                    implausible = GyroUnitCheck.check(source + (specs.size() > 1 ? " (sensor '" + spec.name() + "')" : ""),
                            gyrUnit, p99Speed(channels), accMagnitudeSd(channels));
                }
                if (implausible.isPresent()) {
                    warnings.add(implausible.get());
                    unitDecisions.removeIf(d -> d.key().equals("gyr_unit"));
                    channels.remove(Channel.GYR_X);
                    channels.remove(Channel.GYR_Y);
                    channels.remove(Channel.GYR_Z);
                } else if (gyrUnit.equals("rads")) {
                    for (Channel c : new Channel[] {Channel.GYR_X, Channel.GYR_Y, Channel.GYR_Z}) {
                        channels.put(c, scale(channels.get(c), RAD_TO_DEG));
                    }
                }
            }
            for (Decision d : unitDecisions) {
                decisions.add(new Decision(d.key() + suffix, d.value(), d.reason()));
            }
            ImpossibleSamples.repairImpossible(channels, timeS, rate, source, sensorName, impossible);
            Side side = specs.size() > 1 ? sideOf(spec.name()) : Side.UNKNOWN;
            sensors.add(ImuSensor.adopt(spec.name(), placement, side, channels));
        }
        if (impossible.total() > 0) {
            warnings.add(impossible.warning());
        }
        return ImuRecording.adopt(source, timeS, rate, sensors, decisions, warnings);
    }

    private static double p99Speed(Map<Channel, double[]> ch) {
        double[] x = ch.get(Channel.GYR_X);
        double[] y = ch.get(Channel.GYR_Y);
        double[] z = ch.get(Channel.GYR_Z);
        double[] m = new double[x.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.sqrt(x[i] * x[i] + y[i] * y[i] + z[i] * z[i]);
        }
        return Stats.percentile(m, 99);
    }

    /** SD of the acceleration magnitude (g; the channels are already in g). */
    private static double accMagnitudeSd(Map<Channel, double[]> ch) {
        if (ch.containsKey(Channel.ACC_X)) {
            double[] x = ch.get(Channel.ACC_X);
            double[] y = ch.get(Channel.ACC_Y);
            double[] z = ch.get(Channel.ACC_Z);
            double[] m = new double[x.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = Math.sqrt(x[i] * x[i] + y[i] * y[i] + z[i] * z[i]);
            }
            return Stats.sd(m);
        }
        return ch.containsKey(Channel.ACC_V) ? Stats.sd(ch.get(Channel.ACC_V)) : 0;
    }

    /** The columns of one sensor. */
    private record GroupSpec(String name, Map<Channel, Integer> roleColumn, Map<Channel, HeaderName> roleHeader) {
    }

    /** Checks that a sensor's columns are usable (accelerometer present, gyroscope complete) and returns them. */
    private static GroupSpec checkedSpec(String source, String name, Map<Channel, Integer> roleColumn,
                                         Map<Channel, HeaderName> roleHeader, List<String> names, List<String> warnings,
                                         String label) {
        boolean hasRaw = roleColumn.containsKey(Channel.ACC_X) && roleColumn.containsKey(Channel.ACC_Y)
                && roleColumn.containsKey(Channel.ACC_Z);
        boolean hasAligned = roleColumn.containsKey(Channel.ACC_V);
        if (!hasRaw && !hasAligned) {
            List<String> partial = new ArrayList<>();
            for (Channel c : new Channel[] {Channel.ACC_X, Channel.ACC_Y, Channel.ACC_Z, Channel.ACC_AP, Channel.ACC_ML}) {
                if (roleColumn.containsKey(c)) {
                    partial.add(c.role() + "='" + names.get(roleColumn.get(c)) + "'");
                }
            }
            throw GaitformException.badInput(source, "header" + (label.equals("the file") ? "" : " (" + label + ")"),
                    "accelerometer columns: acc_x, acc_y and acc_z (also written ax, accX, 'Acceleration x (m/s^2)', …)"
                            + " or a vertical acc_v; name them with --column acc_x=HEADER",
                    (partial.isEmpty() ? "none" : "only " + String.join(", ", partial)) + " among the headers "
                            + quoteList(names));
        }
        int gyrCount = (roleColumn.containsKey(Channel.GYR_X) ? 1 : 0) + (roleColumn.containsKey(Channel.GYR_Y) ? 1 : 0)
                + (roleColumn.containsKey(Channel.GYR_Z) ? 1 : 0);
        if (gyrCount > 0 && gyrCount < 3) {
            warnings.add("only " + gyrCount + " of 3 gyroscope axes found in " + label + "; the gyroscope is not used");
            roleColumn.remove(Channel.GYR_X);
            roleColumn.remove(Channel.GYR_Y);
            roleColumn.remove(Channel.GYR_Z);
        }
        if (hasRaw && hasAligned) {
            warnings.add(label + " has both raw axes and aligned accelerations; the aligned ones are used");
            roleColumn.remove(Channel.ACC_X);
            roleColumn.remove(Channel.ACC_Y);
            roleColumn.remove(Channel.ACC_Z);
        }
        return new GroupSpec(name, roleColumn, roleHeader);
    }

    /** The leg a sensor group name points to ({@code left_sensor}, {@code L}, {@code right_foot}, …). */
    static Side sideOf(String group) {
        List<String> t = HeaderName.tokens(group);
        for (String w : t) {
            if (w.equals("left") || w.equals("l") || w.equals("lf") || w.equals("lt") || w.equals("links")
                    || w.equals("gauche")) {
                return Side.LEFT;
            }
            if (w.equals("right") || w.equals("r") || w.equals("rf") || w.equals("rt") || w.equals("rechts")
                    || w.equals("droite")) {
                return Side.RIGHT;
            }
        }
        return Side.UNKNOWN;
    }

    private static String safeKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static boolean firstCellIsStamp(Path file, String source, TextLayout layout, int column) throws IOException {
        String[] row = ColumnReader.firstDataRow(file, source, layout);
        return row != null && column < row.length && !Numbers.isNumber(row[column], layout.decimalComma())
                && TimeStamps.looksLikeTimestamp(row[column]);
    }

    private static int findColumn(String source, List<String> names, String wanted, String role) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(wanted)) {
                return i;
            }
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(wanted.trim())) {
                return i;
            }
        }
        throw GaitformException.badInput(source, "--column " + role + "=" + wanted, "one of the headers " + quoteList(names),
                "no column named '" + wanted + "'");
    }

    private static String accelerationUnit(String source, Map<Channel, double[]> ch, Map<Channel, HeaderName> headers,
                                           ImuReadOptions options, List<Decision> decisions) {
        if (options.accUnit().isPresent()) {
            decisions.add(new Decision("acc_unit", options.accUnit().get(), "override"));
            return options.accUnit().get();
        }
        for (Channel c : new Channel[] {Channel.ACC_X, Channel.ACC_Y, Channel.ACC_Z, Channel.ACC_V, Channel.ACC_AP, Channel.ACC_ML}) {
            HeaderName h = headers.get(c);
            if (h != null && ch.containsKey(c) && h.unit().filter(HeaderName::isAccUnit).isPresent()) {
                String u = h.unit().get();
                decisions.add(new Decision("acc_unit", u, "named by the header '" + h.header() + "'"));
                return u;
            }
        }
        double level;
        String what;
        if (ch.containsKey(Channel.ACC_X) && ch.containsKey(Channel.ACC_Y) && ch.containsKey(Channel.ACC_Z)) {
            double[] x = ch.get(Channel.ACC_X);
            double[] y = ch.get(Channel.ACC_Y);
            double[] z = ch.get(Channel.ACC_Z);
            // the mean acceleration vector over the recording is gravity, even while running
            double mx = Stats.mean(x);
            double my = Stats.mean(y);
            double mz = Stats.mean(z);
            level = Math.sqrt(mx * mx + my * my + mz * mz);
            what = "the mean acceleration vector has length " + TimeBase.fmt(level);
        } else {
            level = Stats.mean(ch.get(Channel.ACC_V));
            what = "the mean vertical acceleration is " + TimeBase.fmt(level);
        }
        String unit;
        if (level > 0.5 && level < 2.0) {
            unit = "g";
        } else if (level > 5 && level < 20) {
            unit = "mps2";
        } else {
            throw GaitformException.badInput(source, "accelerometer columns",
                    "gravity in the signal (a mean near 1 g or 9.81 m/s²) or the unit given with --acc-unit g|mps2",
                    what);
        }
        decisions.add(new Decision("acc_unit", unit, what + ", which is gravity in " + (unit.equals("g") ? "g" : "m/s²")));
        return unit;
    }

    private static String gyroscopeUnit(Map<Channel, double[]> ch, Map<Channel, HeaderName> headers,
                                        ImuReadOptions options, List<Decision> decisions) {
        if (options.gyrUnit().isPresent()) {
            decisions.add(new Decision("gyr_unit", options.gyrUnit().get(), "override"));
            return options.gyrUnit().get();
        }
        for (Channel c : new Channel[] {Channel.GYR_X, Channel.GYR_Y, Channel.GYR_Z}) {
            HeaderName h = headers.get(c);
            if (h != null && h.unit().filter(HeaderName::isGyroUnit).isPresent()) {
                decisions.add(new Decision("gyr_unit", h.unit().get(), "named by the header '" + h.header() + "'"));
                return h.unit().get();
            }
        }
        double[] mag = new double[ch.get(Channel.GYR_X).length];
        double[] x = ch.get(Channel.GYR_X);
        double[] y = ch.get(Channel.GYR_Y);
        double[] z = ch.get(Channel.GYR_Z);
        for (int i = 0; i < mag.length; i++) {
            mag[i] = Math.sqrt(x[i] * x[i] + y[i] * y[i] + z[i] * z[i]);
        }
        double p99 = Stats.percentile(mag, 99);
        String unit = p99 < 15 ? "rads" : "dps";
        decisions.add(new Decision("gyr_unit", unit, "99th percentile of the angular speed is " + TimeBase.fmt(p99)
                + (unit.equals("rads") ? ", too small for deg/s in moving people" : ", typical of deg/s")
                + " (no unit in the headers; --gyr-unit overrides)"));
        return unit;
    }

    private static Optional<Double> rateFromPreamble(String source, Map<String, String> preamble) {
        for (Map.Entry<String, String> e : preamble.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (key.contains("frequency") || key.contains("rate")) {
                Matcher m = RATE_IN_PREAMBLE.matcher(e.getValue());
                if (m.find()) {
                    double v = Numbers.parse(m.group(1), m.group(1).contains(","));
                    if (!(v >= MIN_RATE_HZ && v <= MAX_RATE_HZ)) {
                        throw GaitformException.badInput(source, "preamble '" + ColumnReader.abbreviate(e.getKey()) + "'",
                                "a sampling rate between 0.5 Hz and 100 kHz",
                                (Double.isNaN(v) ? ColumnReader.abbreviate(m.group(1)) : TimeBase.fmt(v)) + " Hz");
                    }
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    private static double[] scale(double[] v, double f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * f;
        }
        return out;
    }

    static String quoteList(List<String> names) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < names.size() && i < 30; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('\'').append(ColumnReader.abbreviate(names.get(i))).append('\'');
        }
        if (names.size() > 30) {
            sb.append(", … (").append(names.size()).append(" columns)");
        }
        return sb.append(']').toString();
    }
}
