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
        if (groups.size() > 1 && options.columns().isEmpty()) {
            List<String> named = new ArrayList<>();
            for (String g : groups.keySet()) {
                named.add(g.isEmpty() ? "columns without a sensor name" : "'" + ColumnReader.abbreviate(g) + "'");
            }
            throw GaitformException.notAnalysable(source, "the file holds several sensors (" + String.join(", ", named)
                    + "); multi-sensor files are read as one bilateral session only for foot "
                    + "and shank sensors. Choose one trunk sensor's columns with --column acc_x=HEADER …");
        }
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
            throw GaitformException.badInput(source, "header",
                    "accelerometer columns: acc_x, acc_y and acc_z (also written ax, accX, 'Acceleration x (m/s^2)', …)"
                            + " or a vertical acc_v; name them with --column acc_x=HEADER",
                    (partial.isEmpty() ? "none" : "only " + String.join(", ", partial)) + " among the headers "
                            + quoteList(names));
        }
        int gyrCount = (roleColumn.containsKey(Channel.GYR_X) ? 1 : 0) + (roleColumn.containsKey(Channel.GYR_Y) ? 1 : 0)
                + (roleColumn.containsKey(Channel.GYR_Z) ? 1 : 0);
        if (gyrCount > 0 && gyrCount < 3) {
            warnings.add("only " + gyrCount + " of 3 gyroscope axes found; the gyroscope is not used");
            roleColumn.remove(Channel.GYR_X);
            roleColumn.remove(Channel.GYR_Y);
            roleColumn.remove(Channel.GYR_Z);
        }
        if (hasRaw && hasAligned) {
            warnings.add("the file has both raw axes and aligned accelerations; the aligned ones are used");
            roleColumn.remove(Channel.ACC_X);
            roleColumn.remove(Channel.ACC_Y);
            roleColumn.remove(Channel.ACC_Z);
        }

        // ---- read
        List<Channel> roles = new ArrayList<>(roleColumn.keySet());
        int k = roles.size() + (timeColumn == null ? 0 : 1);
        int[] cols = new int[k];
        CellKind[] kinds = new CellKind[k];
        for (int i = 0; i < roles.size(); i++) {
            cols[i] = roleColumn.get(roles.get(i));
            kinds[i] = CellKind.NUMBER;
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

        // ---- units and channels
        Map<Channel, double[]> channels = new EnumMap<>(Channel.class);
        for (int i = 0; i < roles.size(); i++) {
            channels.put(roles.get(i), tb == null ? data[i] : tb.align(data[i]));
        }
        String accUnit = accelerationUnit(source, channels, roleHeader, options, decisions);
        if (accUnit.equals("mps2")) {
            for (Channel c : Channel.values()) {
                if (c.isAcceleration() && channels.containsKey(c)) {
                    channels.put(c, scale(channels.get(c), 1.0 / STANDARD_GRAVITY));
                }
            }
        }
        if (channels.containsKey(Channel.GYR_X)) {
            String gyrUnit = gyroscopeUnit(channels, roleHeader, options, decisions);
            if (gyrUnit.equals("rads")) {
                for (Channel c : new Channel[] {Channel.GYR_X, Channel.GYR_Y, Channel.GYR_Z}) {
                    channels.put(c, scale(channels.get(c), RAD_TO_DEG));
                }
            }
        }
        Placement placement = options.placement().orElse(Placement.UNKNOWN);
        if (options.placement().isPresent()) {
            decisions.add(new Decision("placement", placement.label(), "override"));
        }
        ImuSensor sensor = ImuSensor.adopt(groups.keySet().stream().filter(g -> !g.isEmpty()).findFirst().orElse("imu"),
                placement, Side.UNKNOWN, channels);
        return ImuRecording.adopt(source, timeS, rate, List.of(sensor), decisions, warnings);
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
