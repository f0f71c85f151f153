package org.gaitform.io.watch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gaitform.io.text.GuardedLineReader;
import org.gaitform.io.text.LayoutSniffer;
import org.gaitform.io.text.Numbers;
import org.gaitform.io.text.TextDecoding;
import org.gaitform.io.text.TextLayout;
import org.gaitform.io.text.TimeStamps;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.WatchChannel;
import org.gaitform.model.WatchRecording;

/**
 * Reads per-record watch exports in delimited text: one row per second (or per record) with cadence and running
 * dynamics columns, in Garmin naming ({@code cadence}, {@code stance_time}, {@code vertical_oscillation},
 * {@code stance_time_balance}, {@code step_length}, {@code vertical_ratio} — as Garmin's FitCSVTool writes them,
 * with units in brackets such as {@code stance_time[ms]}) or in Stryd/general naming ({@code Ground Time},
 * {@code Vertical Oscillation}, {@code Cadence}, {@code Leg Spring Stiffness}, {@code Form Power}, {@code Heart
 * Rate}, {@code Elevation}, …). Empty cells mean "not recorded".
 *
 * <p>Units come from the header ({@code [ms]}, {@code (cm)}, …) or, failing that, from the values: contact time
 * under 3 is in seconds, vertical oscillation under 30 in centimetres, step length under 3 in metres (and a
 * "stride length" about twice speed / cadence is halved to a step), speed above 7.5 in km/h, coordinates beyond
 * ±180 in semicircles. Times are ISO stamps, seconds of elapsed time, Unix seconds or milliseconds, or FIT time
 * stamps (seconds since 1989-12-31) in files with FitCSVTool headers. Every choice is recorded.
 */
public final class WatchCsvReader {
    /** Safety limit on rows (about 11 days at 1 Hz). */
    public static final int MAX_ROWS = 1_000_000;
    private static final Pattern UNIT = Pattern.compile("^(.*?)\\s*[\\[(]([^\\])]*)[\\])]\\s*$");

    /** What a column holds. */
    enum Role {
        TIME, CADENCE, FRACTIONAL_CADENCE, CONTACT, VERTICAL_OSCILLATION, VERTICAL_RATIO, BALANCE, STEP_LENGTH,
        STRIDE_LENGTH, STANCE_PCT, DISTANCE, SPEED, ENHANCED_SPEED, ALTITUDE, ENHANCED_ALTITUDE, HEART_RATE, POWER,
        LATITUDE, LONGITUDE, EXTRA
    }

    /** A parsed header: the role, the name without its unit, and the unit given in brackets (lower case) or empty. */
    record Header(Role role, String name, String unit) {
    }

    static Header parseHeader(String raw) {
        String h = raw.trim().replace("\"", "");
        String unit = "";
        Matcher m = UNIT.matcher(h);
        if (m.matches()) {
            h = m.group(1);
            unit = m.group(2).trim().toLowerCase(Locale.ROOT);
        }
        String n = h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        Role r = switch (n) {
            case "timestamp", "time", "date time", "datetime", "elapsed time", "elapsed", "seconds", "secs", "time s",
                 "elapsed seconds", "timer", "record time" -> Role.TIME;
            case "cadence", "run cadence", "running cadence", "step rate", "steps per minute", "cad", "cadence spm",
                 "stryd cadence" -> Role.CADENCE;
            case "fractional cadence" -> Role.FRACTIONAL_CADENCE;
            case "stance time", "ground contact time", "ground time", "gct", "contact time", "ground contact",
                 "stryd ground time" -> Role.CONTACT;
            case "vertical oscillation", "vert osc", "vo", "vertical osc", "stryd vertical oscillation" ->
                    Role.VERTICAL_OSCILLATION;
            case "vertical ratio" -> Role.VERTICAL_RATIO;
            case "stance time balance", "gct balance", "ground contact time balance", "ground time balance",
                 "contact time balance", "stance time balance left", "gct balance left" -> Role.BALANCE;
            case "step length", "step len" -> Role.STEP_LENGTH;
            case "stride length" -> Role.STRIDE_LENGTH;
            case "stance time percent" -> Role.STANCE_PCT;
            case "distance", "dist", "total distance" -> Role.DISTANCE;
            case "speed" -> Role.SPEED;
            case "enhanced speed" -> Role.ENHANCED_SPEED;
            case "altitude", "elevation", "ele", "alt" -> Role.ALTITUDE;
            case "enhanced altitude" -> Role.ENHANCED_ALTITUDE;
            case "heart rate", "hr", "heartrate", "heart rate bpm" -> Role.HEART_RATE;
            case "power", "stryd power", "watts" -> Role.POWER;
            case "position lat", "latitude", "lat" -> Role.LATITUDE;
            case "position long", "longitude", "lon", "lng", "long" -> Role.LONGITUDE;
            default -> Role.EXTRA;
        };
        return new Header(r, h.trim(), unit);
    }

    /**
     * True when the file's header names a cadence column with watch columns beside it (contact time, vertical
     * oscillation, balance, speed, distance, heart rate or position) and no accelerometer columns, so that it is a
     * watch export, not IMU samples.
     */
    public static boolean looksLikeWatchCsv(Path file) {
        try {
            TextDecoding dec = TextDecoding.detect(file);
            try (GuardedLineReader r = new GuardedLineReader(dec.open(file), file.toString())) {
                String line;
                int seen = 0;
                while ((line = r.readLine()) != null && seen < 30) {
                    if (line.isBlank()) {
                        continue;
                    }
                    seen++;
                    String lower = line.toLowerCase(Locale.ROOT);
                    if (lower.matches(".*\\b(acc|accel|acceleration|gyr|gyro|gyroscope)[ _]?[xyz]?\\b.*")
                            || lower.contains("acc_") || lower.contains("accx") || lower.contains("gyr_")) {
                        return false;
                    }
                    char sep = lower.indexOf(';') >= 0 && lower.indexOf(',') < 0 ? ';' : lower.indexOf('\t') >= 0 ? '\t' : ',';
                    boolean cadence = false;
                    boolean watch = false;
                    for (String cell : lower.split(String.valueOf(sep == '\t' ? "\t" : sep))) {
                        Role role = parseHeader(cell).role();
                        cadence |= role == Role.CADENCE;
                        watch |= role == Role.CONTACT || role == Role.VERTICAL_OSCILLATION || role == Role.BALANCE
                                || role == Role.VERTICAL_RATIO || role == Role.SPEED || role == Role.ENHANCED_SPEED
                                || role == Role.DISTANCE || role == Role.HEART_RATE || role == Role.LATITUDE;
                    }
                    if (cadence && watch) {
                        return true;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /** Reads a file. */
    public WatchRecording read(Path file, String source, WatchReadOptions options) throws IOException {
        TextLayout layout = LayoutSniffer.sniff(file);
        if (!layout.hasHeader()) {
            throw GaitformException.badInput(source, "first line", "a header row naming the columns (cadence, stance_time, "
                    + "vertical_oscillation, …)", "no header");
        }
        List<Decision> decisions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        decisions.add(new Decision("format", "watch CSV", layout.separatorName() + "-separated, "
                + layout.columnCount() + " columns, data from line " + layout.firstDataLine()));
        List<String> names = layout.columnNames();
        boolean fitCsvTool = names.stream().anyMatch(n -> n.contains("[") && (n.startsWith("stance_time")
                || n.startsWith("position_lat") || n.startsWith("timestamp[")));
        Map<Role, Integer> columns = new EnumMap<>(Role.class);
        Map<Role, Header> headers = new EnumMap<>(Role.class);
        Map<Integer, Header> extras = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            Header h = parseHeader(names.get(c));
            if (h.role() == Role.EXTRA) {
                if (!h.name().equalsIgnoreCase("unknown") && !h.name().isBlank()) {
                    extras.put(c, h);
                }
            } else if (!columns.containsKey(h.role())) {
                columns.put(h.role(), c);
                headers.put(h.role(), h);
            } else {
                warnings.add("column '" + names.get(c) + "' repeats the role of '" + names.get(columns.get(h.role()))
                        + "' and was ignored");
            }
        }
        if (!columns.containsKey(Role.TIME)) {
            throw GaitformException.badInput(source, "header", "a time column (timestamp, time, elapsed time, …)",
                    "the columns " + names);
        }
        // read every row as text cells of the columns we use
        int[] used = columns.values().stream().mapToInt(Integer::intValue).toArray();
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (GuardedLineReader r = new GuardedLineReader(layout.decoding().open(file), source)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (r.lineNumber() < layout.firstDataLine() || line.isBlank()) {
                    continue;
                }
                String[] f = layout.split(line);
                if (f.length < layout.columnCount()) {
                    f = Arrays.copyOf(f, layout.columnCount()); // cells not recorded at the end of a row
                } else if (f.length > layout.columnCount() && !(f.length == layout.columnCount() + 1
                        && f[f.length - 1].isBlank())) {
                    throw GaitformException.badInput(source, "line " + r.lineNumber(), layout.columnCount()
                            + " fields like the header", f.length + " fields");
                }
                rows.add(f);
                lines.add(r.lineNumber());
                if (rows.size() > MAX_ROWS) {
                    throw GaitformException.badInput(source, "line " + r.lineNumber(), "at most " + MAX_ROWS + " rows",
                            "more");
                }
            }
        }
        if (rows.isEmpty()) {
            throw GaitformException.badInput(source, "", "rows of data under the header", "none");
        }
        int n = rows.size();
        // time
        int tc = columns.get(Role.TIME);
        double[] time = new double[n];
        boolean stamps = false;
        for (int i = 0; i < n; i++) {
            String cell = cell(rows.get(i), tc);
            double v = Numbers.parse(cell, layout.decimalComma());
            if (Double.isNaN(v)) {
                TimeStamps.Stamp s = TimeStamps.parse(cell);
                if (s == null) {
                    throw GaitformException.badInput(source, "line " + lines.get(i) + ", column '" + names.get(tc) + "'",
                            "a time (seconds or a date-time)", cell.isEmpty() ? "an empty cell" : "'" + cell + "'");
                }
                v = s.epochS();
                stamps = true;
            }
            time[i] = v;
        }
        boolean epoch;
        String timeUnit = headers.get(Role.TIME).unit();
        double first = time[0];
        if (stamps) {
            epoch = true;
            decisions.add(new Decision("time_unit", "date-time stamps", "column '" + names.get(tc) + "' holds ISO dates"));
        } else if (fitCsvTool && first > 1e8 && first < 2e9) {
            epoch = true;
            for (int i = 0; i < n; i++) {
                time[i] += FitActivityReader.FIT_EPOCH_S;
            }
            decisions.add(new Decision("time_unit", "FIT time stamps", "a FitCSVTool export: seconds since "
                    + "1989-12-31 00:00 UTC"));
        } else if (timeUnit.equals("ms") || (timeUnit.isEmpty() && first > 1e11)) {
            epoch = first > 1e11;
            for (int i = 0; i < n; i++) {
                time[i] /= 1000.0;
            }
            decisions.add(new Decision("time_unit", epoch ? "Unix milliseconds" : "ms", timeUnit.isEmpty()
                    ? "values above 1e11 are milliseconds since 1970" : "named by the header"));
        } else if (first > 9e8) {
            epoch = true;
            decisions.add(new Decision("time_unit", "Unix seconds", "values above 9e8 are seconds since 1970"));
        } else {
            epoch = false;
            decisions.add(new Decision("time_unit", "s", "elapsed seconds"));
        }
        RecordTable table = new RecordTable();
        for (int i = 0; i < n; i++) {
            table.add(time[i]);
        }
        Map<WatchChannel, double[]> raw = new EnumMap<>(WatchChannel.class);
        double[] cadence = column(rows, lines, columns, Role.CADENCE, layout, names, source);
        double[] frac = column(rows, lines, columns, Role.FRACTIONAL_CADENCE, layout, names, source);
        double[] speed = first(column(rows, lines, columns, Role.ENHANCED_SPEED, layout, names, source),
                column(rows, lines, columns, Role.SPEED, layout, names, source));
        double[] altitude = first(column(rows, lines, columns, Role.ENHANCED_ALTITUDE, layout, names, source),
                column(rows, lines, columns, Role.ALTITUDE, layout, names, source));
        String speedUnit = headers.containsKey(Role.ENHANCED_SPEED) ? headers.get(Role.ENHANCED_SPEED).unit()
                : headers.containsKey(Role.SPEED) ? headers.get(Role.SPEED).unit() : "";
        if (speed != null) {
            double f = speedUnit.contains("km") ? 1 / 3.6 : speedUnit.contains("mph") || speedUnit.contains("mi")
                    ? 0.44704 : speedUnit.isEmpty() && median(speed) > 7.5 ? 1 / 3.6 : 1;
            if (f != 1) {
                scale(speed, f);
                decisions.add(new Decision("speed_unit", f < 0.3 ? "km/h" : "mph", speedUnit.isEmpty()
                        ? "median speed above 7.5 cannot be m/s for running" : "named by the header"));
            }
            raw.put(WatchChannel.SPEED_MPS, speed);
        }
        if (altitude != null) {
            raw.put(WatchChannel.ALTITUDE_M, altitude);
        }
        double[] distance = column(rows, lines, columns, Role.DISTANCE, layout, names, source);
        if (distance != null) {
            String u = headers.get(Role.DISTANCE).unit();
            if (u.equals("km") || u.equals("mi") || u.equals("miles")) {
                scale(distance, u.equals("km") ? 1000 : 1609.344);
                decisions.add(new Decision("distance_unit", u, "named by the header"));
            }
            raw.put(WatchChannel.DISTANCE_M, distance);
        }
        put(raw, WatchChannel.HEART_RATE_BPM, column(rows, lines, columns, Role.HEART_RATE, layout, names, source));
        put(raw, WatchChannel.POWER_W, column(rows, lines, columns, Role.POWER, layout, names, source));
        put(raw, WatchChannel.STANCE_TIME_PCT, positive(column(rows, lines, columns, Role.STANCE_PCT, layout, names, source)));
        put(raw, WatchChannel.VERTICAL_RATIO_PCT, positive(column(rows, lines, columns, Role.VERTICAL_RATIO, layout, names,
                source)));
        put(raw, WatchChannel.CONTACT_BALANCE_LEFT_PCT, positive(column(rows, lines, columns, Role.BALANCE, layout, names,
                source)));
        double[] contact = positive(column(rows, lines, columns, Role.CONTACT, layout, names, source));
        if (contact != null) {
            String u = headers.get(Role.CONTACT).unit();
            boolean seconds = u.equals("s") || (u.isEmpty() && median(contact) < 3);
            if (seconds) {
                scale(contact, 1000);
            }
            decisions.add(new Decision("contact_unit", seconds ? "s" : "ms", u.isEmpty() ? "typical value "
                    + fmt(median(contact) * (seconds ? 0.001 : 1)) : "named by the header"));
            raw.put(WatchChannel.CONTACT_MS, contact);
        }
        double[] vo = positive(column(rows, lines, columns, Role.VERTICAL_OSCILLATION, layout, names, source));
        if (vo != null) {
            String u = headers.get(Role.VERTICAL_OSCILLATION).unit();
            boolean cm = u.equals("cm") || (u.isEmpty() && median(vo) < 30);
            if (cm) {
                scale(vo, 10);
            }
            decisions.add(new Decision("vertical_oscillation_unit", cm ? "cm" : "mm", u.isEmpty() ? "typical value "
                    + fmt(median(vo) / (cm ? 10 : 1)) + (cm ? " (under 30: centimetres)" : " (millimetres)")
                    : "named by the header"));
            raw.put(WatchChannel.VERTICAL_OSCILLATION_MM, vo);
        }
        if (cadence != null) {
            if (frac != null) {
                for (int i = 0; i < n; i++) {
                    if (!Double.isNaN(frac[i]) && !Double.isNaN(cadence[i])) {
                        cadence[i] += frac[i];
                    }
                }
            }
            String u = headers.get(Role.CADENCE).unit();
            CadenceUnit cu = options.cadenceUnit();
            String what = "column '" + names.get(columns.get(Role.CADENCE)) + "'";
            if (cu == CadenceUnit.AUTO && (u.equals("spm") || u.equals("steps/min"))) {
                cu = CadenceUnit.STEPS;
                what += " (header unit " + u + ")";
            } else if (cu == CadenceUnit.AUTO && (u.equals("rpm") || u.equals("strides/min"))) {
                CadenceUnits.Result check = CadenceUnits.normalise(cadence, speed, CadenceUnit.AUTO, what);
                if (check.factor() == 1) {
                    warnings.add(what + " says " + u + " but its values look like steps/min already: "
                            + check.decision().reason());
                    cu = CadenceUnit.STEPS;
                } else {
                    cu = CadenceUnit.STRIDES;
                    what += " (header unit " + u + ", per leg)";
                }
            }
            CadenceUnits.Result c = CadenceUnits.normalise(cadence, speed, cu, what);
            decisions.add(c.decision());
            raw.put(WatchChannel.CADENCE_SPM, c.stepsPerMin());
        }
        double[] step = positive(column(rows, lines, columns, Role.STEP_LENGTH, layout, names, source));
        Role stepRole = Role.STEP_LENGTH;
        if (step == null) {
            step = positive(column(rows, lines, columns, Role.STRIDE_LENGTH, layout, names, source));
            stepRole = Role.STRIDE_LENGTH;
        }
        if (step != null) {
            String u = headers.get(stepRole).unit();
            double med = median(step);
            double f = u.equals("mm") ? 1 : u.equals("cm") ? 10 : u.equals("m") ? 1000
                    : med < 3 ? 1000 : med < 300 ? 10 : 1;
            scale(step, f);
            double ratio = strideRatio(step, raw.get(WatchChannel.SPEED_MPS), raw.get(WatchChannel.CADENCE_SPM));
            boolean stride = !Double.isNaN(ratio) && ratio > 1.6 && ratio < 2.4;
            if (stride) {
                scale(step, 0.5);
            }
            decisions.add(new Decision("step_length_unit", (f == 1000 ? "m" : f == 10 ? "cm" : "mm")
                    + (stride ? ", a stride (two steps), halved" : ""), (u.isEmpty() ? "typical value " + fmt(med)
                    : "named by the header") + (Double.isNaN(ratio) ? "" : String.format(Locale.ROOT,
                    "; %.2f × speed / cadence", ratio))));
            raw.put(WatchChannel.STEP_LENGTH_MM, step);
        }
        double[] lat = column(rows, lines, columns, Role.LATITUDE, layout, names, source);
        double[] lon = column(rows, lines, columns, Role.LONGITUDE, layout, names, source);
        if (lat != null && lon != null) {
            boolean semi = headers.get(Role.LATITUDE).unit().contains("semicircle") || maxAbs(lat) > 180;
            if (semi) {
                scale(lat, 180.0 / 2147483648.0);
                scale(lon, 180.0 / 2147483648.0);
                decisions.add(new Decision("position_unit", "semicircles", "values beyond ±180 (FIT semicircles)"));
            }
            raw.put(WatchChannel.LATITUDE_DEG, lat);
            raw.put(WatchChannel.LONGITUDE_DEG, lon);
        }
        for (Map.Entry<WatchChannel, double[]> e : raw.entrySet()) {
            double[] v = e.getValue();
            for (int i = 0; i < n; i++) {
                table.set(e.getKey(), i, v[i]);
            }
        }
        for (Map.Entry<Integer, Header> e : extras.entrySet()) {
            double[] v = new double[n];
            boolean numeric = true;
            for (int i = 0; i < n && numeric; i++) {
                String cell = cell(rows.get(i), e.getKey());
                v[i] = cell.isEmpty() ? Double.NaN : Numbers.parse(cell, layout.decimalComma());
                numeric = cell.isEmpty() || !Double.isNaN(v[i]);
            }
            if (numeric) {
                String col = DeveloperFields.column(e.getValue().name(), e.getValue().unit());
                for (int i = 0; i < n; i++) {
                    table.setExtra(col, i, v[i]);
                }
            }
        }
        DerivedChannels.distanceFromPositions(table, decisions);
        DerivedChannels.speedFromDistance(table, decisions);
        Map<String, String> info = new LinkedHashMap<>();
        info.put("sport", "running");
        if (fitCsvTool) {
            info.put("device", "FitCSVTool export");
        }
        return table.build(source, "csv", epoch, Double.NaN, List.of(), Map.of(), info, decisions, warnings);
    }

    private static String cell(String[] row, int c) {
        String s = c < row.length && row[c] != null ? row[c].trim() : "";
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    private static double[] column(List<String[]> rows, List<Long> lines, Map<Role, Integer> columns, Role role,
                                   TextLayout layout, List<String> names, String source) {
        Integer c = columns.get(role);
        if (c == null) {
            return null;
        }
        double[] v = new double[rows.size()];
        boolean any = false;
        for (int i = 0; i < v.length; i++) {
            String cell = cell(rows.get(i), c);
            if (cell.isEmpty() || cell.equals("--") || cell.equalsIgnoreCase("nan")) {
                v[i] = Double.NaN;
                continue;
            }
            v[i] = Numbers.parse(cell, layout.decimalComma());
            if (Double.isNaN(v[i])) {
                throw GaitformException.badInput(source, "line " + lines.get(i) + ", column '" + names.get(c) + "'",
                        "a number or an empty cell", "'" + cell + "'");
            }
            any = true;
        }
        return any ? v : null;
    }

    private static double[] first(double[] a, double[] b) {
        return a != null ? a : b;
    }

    private static void put(Map<WatchChannel, double[]> m, WatchChannel c, double[] v) {
        if (v != null) {
            m.put(c, v);
        }
    }

    /** Zeros mean "not measured" for running dynamics. */
    private static double[] positive(double[] v) {
        if (v == null) {
            return null;
        }
        boolean any = false;
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0)) {
                v[i] = Double.NaN;
            } else {
                any = true;
            }
        }
        return any ? v : null;
    }

    private static void scale(double[] v, double f) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= f;
        }
    }

    private static double median(double[] v) {
        double[] s = Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m;
    }

    /** Median of length / (speed × 60 / cadence): about 1 for steps, 2 for strides; NaN without speed and cadence. */
    private static double strideRatio(double[] stepMm, double[] speed, double[] cadenceSpm) {
        if (speed == null || cadenceSpm == null) {
            return Double.NaN;
        }
        double[] r = new double[stepMm.length];
        int k = 0;
        for (int i = 0; i < stepMm.length; i++) {
            if (stepMm[i] > 0 && speed[i] > 1.5 && cadenceSpm[i] > 100) {
                r[k++] = (stepMm[i] / 1000.0) / (speed[i] * 60.0 / cadenceSpm[i]);
            }
        }
        if (k < 10) {
            return Double.NaN;
        }
        double[] s = Arrays.copyOf(r, k);
        Arrays.sort(s);
        return s[k / 2];
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
