package org.gaitform.io.watch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gaitform.io.text.GuardedLineReader;
import org.gaitform.io.text.LayoutSniffer;
import org.gaitform.io.text.Numbers;
import org.gaitform.io.text.TextDecoding;
import org.gaitform.io.text.TextLayout;
import org.gaitform.io.text.TimeStamps;
import org.gaitform.io.watch.WatchFields.Match;
import org.gaitform.io.watch.WatchFields.Role;
import org.gaitform.io.watch.WatchFields.Side;
import org.gaitform.model.Activity;
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
 * <p>What a column holds comes from its whole name ({@link WatchFields}); columns prefixed with a device
 * ({@code hrm_stance_time}, {@code stryd_stance_time}) are that device's, and every device's values are kept
 * ({@link WatchSources} chooses the one the findings use). In a FitCSVTool export the developer fields (named in
 * their app's words, {@code Ground Time[Milliseconds]}) are a second device beside the watch's own fields. Units come
 * from the header ({@code [ms]}, {@code (cm)}, {@code [Centimeters]}, {@code [sec]}, …, looked up whole in
 * {@link WatchUnits}) or, failing that, from the values ({@link FieldUnits}); a "stride length" about twice speed /
 * cadence is halved to a step; coordinates beyond ±180 are semicircles. An {@code activity_type} column (FIT codes
 * or words: running, walking, standing) says what the runner was doing. Times are ISO stamps, seconds of elapsed
 * time, Unix seconds or milliseconds, or FIT time stamps (seconds since 1989-12-31) in files with FitCSVTool headers.
 * Every choice is recorded.
 */
public final class WatchCsvReader {
    /** Safety limit on rows (about 11 days at 1 Hz). */
    public static final int MAX_ROWS = 1_000_000;
    private static final Pattern UNIT = Pattern.compile("^(.*?)\\s*[\\[(]([^\\])]*)[\\])]\\s*$");

    /** A parsed header: its name without the unit, the unit text in brackets (or empty), and what it holds. */
    record Header(String name, String unit, Match match) {
        Role role() {
            return match.role();
        }
    }

    static Header parseHeader(String raw) {
        String h = raw.trim().replace("\"", "");
        String unit = "";
        Matcher m = UNIT.matcher(h);
        if (m.matches()) {
            h = m.group(1);
            unit = m.group(2).trim();
        }
        return new Header(h.trim(), unit, WatchFields.match(h));
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
                    for (String cell : line.split(String.valueOf(sep == '\t' ? "\t" : sep))) {
                        Role role = parseHeader(cell).role();
                        cadence |= role == Role.CADENCE;
                        watch |= role == Role.CONTACT_TIME || role == Role.VERTICAL_OSCILLATION
                                || role == Role.CONTACT_BALANCE || role == Role.VERTICAL_RATIO || role == Role.SPEED
                                || role == Role.ENHANCED_SPEED || role == Role.DISTANCE || role == Role.HEART_RATE
                                || role == Role.LATITUDE || role == Role.PACE;
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

    /** A column used: its index, header, and the device it belongs to. */
    private record Column(int index, Header header, String device) {
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
        String nativeId = fitCsvTool ? "watch" : "export";
        // developer fields in a FitCSVTool export are named in their app's words, not FIT's snake case
        boolean strydNames = names.stream().map(n -> WatchFields.normalise(parseHeader(n).name()))
                .anyMatch(n -> n.equals("form power") || n.equals("leg spring stiffness"));
        String developerId = strydNames ? "stryd" : "developer";
        Map<String, Column> columns = new LinkedHashMap<>();
        Map<Integer, Header> extras = new LinkedHashMap<>();
        Column timeColumn = null;
        for (int c = 0; c < names.size(); c++) {
            Header h = parseHeader(names.get(c));
            if (!h.match().known()) {
                if (!h.name().equalsIgnoreCase("unknown") && !h.name().isBlank()) {
                    extras.put(c, h);
                }
                continue;
            }
            String device = h.match().device();
            if (device.isEmpty()) {
                device = fitCsvTool && !h.name().matches("[a-z0-9_]+") ? developerId : nativeId;
            }
            if (h.role() == Role.TIME) {
                if (timeColumn == null) {
                    timeColumn = new Column(c, h, device);
                } else {
                    warnings.add("column '" + names.get(c) + "' is a second time column and was ignored");
                }
                continue;
            }
            String key = device + "|" + h.role() + "|" + h.match().side();
            Column before = columns.putIfAbsent(key, new Column(c, h, device));
            if (before != null) {
                warnings.add("column '" + names.get(c) + "' repeats the role of '" + names.get(before.index())
                        + "' and was ignored");
            }
        }
        if (timeColumn == null) {
            throw GaitformException.badInput(source, "header", "a time column (timestamp, time, elapsed time, …)",
                    "the columns " + names);
        }
        // read every row as text cells
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
        if (fitCsvTool) {
            runningSessions(file, source, rows, lines, timeColumn.index(), layout, decisions);
        }
        int n = rows.size();
        Rows data = new Rows(rows, lines, layout, names, source);
        // time
        int tc = timeColumn.index();
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
        String timeUnitText = timeColumn.header().unit();
        WatchUnits.Unit timeUnit = WatchUnits.parse(timeUnitText).filter(u -> u.dimension()
                == WatchUnits.Dimension.TIME).orElse(null);
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
        } else if (timeUnit == WatchUnits.MS || (timeUnit == null && first > 1e11)) {
            epoch = first > 1e11;
            for (int i = 0; i < n; i++) {
                time[i] /= 1000.0;
            }
            decisions.add(new Decision("time_unit", epoch ? "Unix milliseconds" : "ms", timeUnit == null
                    ? "values above 1e11 are milliseconds since 1970" : "named by the header"));
        } else if (first > 9e8 && (timeUnit == null || timeUnit == WatchUnits.S)) {
            epoch = true;
            decisions.add(new Decision("time_unit", "Unix seconds", "values above 9e8 are seconds since 1970"));
        } else if (timeUnit != null && timeUnit != WatchUnits.S) {
            epoch = false;
            for (int i = 0; i < n; i++) {
                time[i] = timeUnit.toBase(time[i]);
            }
            decisions.add(new Decision("time_unit", timeUnit.symbol(), "named by the header"));
        } else {
            epoch = false;
            decisions.add(new Decision("time_unit", "s", "elapsed seconds"));
        }
        RecordTable table = new RecordTable();
        for (int i = 0; i < n; i++) {
            table.add(time[i]);
        }
        Map<String, String> info = new LinkedHashMap<>();
        // FitCSVTool writes speed and enhanced_speed, altitude and enhanced_altitude: the enhanced one has the full range
        for (String d : columns.values().stream().map(Column::device).distinct().toList()) {
            if (columns.containsKey(d + "|" + Role.ENHANCED_SPEED + "|" + Side.BOTH)) {
                columns.remove(d + "|" + Role.SPEED + "|" + Side.BOTH);
            }
            if (columns.containsKey(d + "|" + Role.ENHANCED_ALTITUDE + "|" + Side.BOTH)) {
                columns.remove(d + "|" + Role.ALTITUDE + "|" + Side.BOTH);
            }
        }
        // speed and distance first: cadence and stride checks need them
        List<Column> ordered = new ArrayList<>(columns.values());
        ordered.sort((a, b) -> Integer.compare(order(a.header().role()), order(b.header().role())));
        Map<String, Map<WatchChannel, double[][]>> sides = new LinkedHashMap<>();
        for (Column col : ordered) {
            Role role = col.header().role();
            String device = col.device();
            String label = "column '" + names.get(col.index()) + "'";
            if (role == Role.ACTIVITY_TYPE) {
                activities(table, data, col, decisions, warnings);
                continue;
            }
            if (role == Role.FRACTIONAL_CADENCE) {
                continue; // added to the cadence of its device
            }
            if (role == Role.PACE && (columns.containsKey(device + "|" + Role.SPEED + "|" + Side.BOTH)
                    || columns.containsKey(device + "|" + Role.ENHANCED_SPEED + "|" + Side.BOTH))) {
                continue;
            }
            if (role == Role.STRIDE_LENGTH && columns.containsKey(device + "|" + Role.STEP_LENGTH + "|"
                    + col.header().match().side())) {
                continue;
            }
            double[] raw = role == Role.PACE ? data.pace(col.index()) : data.column(col.index());
            if (raw == null) {
                continue;
            }
            FieldUnits.Choice unit = FieldUnits.of(role == Role.STRIDE_LENGTH ? Role.STEP_LENGTH : role,
                    col.header().unit(), col.header().match().unit(), raw, label);
            unit.warning().ifPresent(warnings::add);
            boolean primary = device.equals(nativeId);
            double[] v;
            WatchChannel channel;
            String unitDecision = null;
            switch (role) {
                case CADENCE -> {
                    double[] frac = data.column(columnIndex(columns, device, Role.FRACTIONAL_CADENCE));
                    v = raw.clone();
                    if (frac != null) {
                        for (int i = 0; i < n; i++) {
                            if (!Double.isNaN(frac[i]) && !Double.isNaN(v[i])) {
                                v[i] += frac[i];
                            }
                        }
                    }
                    v = cadence(v, unit, col.header().unit(), label, options, table, warnings, decisions, info, primary);
                    channel = WatchChannel.CADENCE_SPM;
                }
                case PACE -> {
                    v = new double[n];
                    for (int i = 0; i < n; i++) {
                        double secPerM = unit.unit().toBase(raw[i]);
                        v[i] = secPerM > 0 ? 1 / secPerM : Double.NaN;
                    }
                    channel = WatchChannel.SPEED_MPS;
                    if (primary) {
                        decisions.add(new Decision("speed_source", "pace", label + " in " + unit.unit().symbol() + " ("
                                + unit.reason() + "); speed = 1 / pace"));
                    }
                }
                case STRIDE_LENGTH, STEP_LENGTH -> {
                    v = positive(unit.convert(Role.STEP_LENGTH, raw));
                    double ratio = strideRatio(v, table.values(WatchChannel.SPEED_MPS),
                            table.values(WatchChannel.CADENCE_SPM));
                    boolean stride = !Double.isNaN(ratio) && ratio > 1.6 && ratio < 2.4;
                    if (stride) {
                        scale(v, 0.5);
                    }
                    if (primary) {
                        decisions.add(new Decision("step_length_unit", unit.unit().symbol() + (stride
                                ? ", a stride (two steps), halved" : ""), unit.reason() + (Double.isNaN(ratio) ? ""
                                : String.format(Locale.ROOT, "; %.2f × speed / cadence", ratio))));
                    }
                    channel = WatchChannel.STEP_LENGTH_MM;
                }
                case LATITUDE, LONGITUDE -> {
                    boolean semi = col.header().unit().toLowerCase(Locale.ROOT).contains("semicircle")
                            || maxAbs(raw) > 180;
                    v = raw.clone();
                    if (semi) {
                        scale(v, 180.0 / 2147483648.0);
                        if (role == Role.LATITUDE) {
                            decisions.add(new Decision("position_unit", "semicircles", "values beyond ±180 (FIT "
                                    + "semicircles)"));
                        }
                    }
                    channel = FitDeveloperFields.channel(role);
                }
                default -> {
                    channel = FitDeveloperFields.channel(role);
                    v = unit.convert(role, raw);
                    if (channel != null && (WatchSources.DYNAMICS.contains(channel) || WatchSources.FOOT.contains(channel))) {
                        v = positive(v);
                    }
                    unitDecision = switch (role) {
                        case CONTACT_TIME -> "contact_unit";
                        case VERTICAL_OSCILLATION -> "vertical_oscillation_unit";
                        case SPEED, ENHANCED_SPEED -> "speed_unit";
                        case DISTANCE -> "distance_unit";
                        default -> null;
                    };
                }
            }
            if (v == null) {
                continue;
            }
            if (unitDecision != null && (primary || !decided(decisions, unitDecision)) && (!unit.identity(role)
                    || role == Role.CONTACT_TIME || role == Role.VERTICAL_OSCILLATION)) {
                decisions.add(new Decision(unitDecision, unit.unit().symbol(), unit.reason()
                        + (primary ? "" : " (" + WatchSources.label(device) + ")")));
            }
            if (channel == null) {
                String name = switch (role) {
                    case FORM_POWER -> "form_power_w";
                    case LEG_SPRING_STIFFNESS -> "leg_spring_stiffness_kn_per_m";
                    // the values were converted into the role's stored unit, whatever unit the header named
                    default -> role.stored() != null ? FitDeveloperFields.column(col.header().name(), role.stored())
                            : FitDeveloperFields.column(col.header().name(), col.header().unit());
                };
                for (int i = 0; i < n; i++) {
                    table.setExtra(name, i, v[i]);
                }
                continue;
            }
            Side side = col.header().match().side();
            if (side != Side.BOTH) {
                String name = (primary ? "" : device + "_") + channel.column() + (side == Side.LEFT ? "_left" : "_right");
                for (int i = 0; i < n; i++) {
                    table.setExtra(name, i, v[i]);
                }
                sides.computeIfAbsent(device, k -> new LinkedHashMap<>()).computeIfAbsent(channel,
                        k -> new double[2][])[side == Side.LEFT ? 0 : 1] = v;
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (primary) {
                    table.set(channel, i, v[i]);
                } else {
                    table.setSource(device, channel, i, v[i]);
                }
            }
        }
        sides.forEach((device, m) -> m.forEach((channel, lr) -> {
            if (device.equals(nativeId) ? table.has(channel) : false) {
                return;
            }
            for (int i = 0; i < n; i++) {
                double a = lr[0] == null ? Double.NaN : lr[0][i];
                double b = lr[1] == null ? Double.NaN : lr[1][i];
                double both = Double.isNaN(a) ? b : Double.isNaN(b) ? a : (a + b) / 2;
                if (device.equals(nativeId)) {
                    table.set(channel, i, both);
                } else {
                    table.setSource(device, channel, i, both);
                }
            }
        }));
        for (Map.Entry<Integer, Header> e : extras.entrySet()) {
            double[] v = new double[n];
            boolean numeric = true;
            for (int i = 0; i < n && numeric; i++) {
                String cell = cell(rows.get(i), e.getKey());
                v[i] = cell.isEmpty() ? Double.NaN : Numbers.parse(cell, layout.decimalComma());
                numeric = cell.isEmpty() || !Double.isNaN(v[i]);
            }
            if (numeric) {
                String col = FitDeveloperFields.column(e.getValue().name(), e.getValue().unit());
                for (int i = 0; i < n; i++) {
                    table.setExtra(col, i, v[i]);
                }
            }
        }
        DerivedChannels.distanceFromPositions(table, decisions);
        DerivedChannels.speedFromDistance(table, decisions);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(nativeId, fitCsvTool ? "the watch's own fields (FitCSVTool export)" : "the export's own columns");
        WatchSources.resolve(table, nativeId, labels, options.dynamicsDevice(), decisions, warnings, info);
        info.put("sport", "running");
        if (fitCsvTool) {
            info.put("device", "FitCSVTool export");
        }
        return table.build(source, "csv", epoch, Double.NaN, List.of(), Map.of(), info, decisions, warnings);
    }

    /**
     * A FIT CSV tool records table with the file's session table beside it ({@link FitCsvSessions}): only the records
     * inside the running sessions are kept, as the FIT file itself is read. Rows whose time is not a FIT time stamp
     * are left alone.
     */
    private static void runningSessions(Path file, String source, List<String[]> rows, List<Long> lines, int tc,
                                        TextLayout layout, List<Decision> decisions) throws IOException {
        Optional<FitCsvSessions> found = FitCsvSessions.beside(file, source);
        if (found.isEmpty()) {
            return;
        }
        FitCsvSessions sessions = found.get();
        if (sessions.running().isEmpty()) {
            throw GaitformException.notAnalysable(source, "no running in this file: its session table "
                    + sessions.table() + " holds " + sessions.sessions() + " session(s) of "
                    + String.join(", ", sessions.otherSports()));
        }
        int outside = 0;
        for (int i = rows.size() - 1; i >= 0; i--) {
            double t = Numbers.parse(cell(rows.get(i), tc), layout.decimalComma());
            if (Double.isFinite(t) && !sessions.inRunning(t)) {
                rows.remove(i);
                lines.remove(i);
                outside++;
            }
        }
        decisions.add(new Decision("sessions", sessions.running().size() + " running of " + sessions.sessions(),
                "from " + sessions.table() + " beside the records" + (sessions.otherSports().isEmpty() ? ""
                        : "; only the running session(s) are analysed; skipped: "
                        + String.join(", ", sessions.otherSports()))));
        if (outside > 0) {
            decisions.add(new Decision("records_outside_running", String.valueOf(outside), "records of the other "
                    + "sessions (or between sessions) are not analysed"));
        }
        if (rows.isEmpty()) {
            throw GaitformException.notAnalysable(source, "the running session(s) of " + sessions.table()
                    + " hold no records");
        }
    }

    /** Columns are read in this order: speed and distance before cadence, cadence before step length. */
    private static int order(Role r) {
        return switch (r) {
            case ENHANCED_SPEED, SPEED, PACE, DISTANCE -> 0;
            case CADENCE -> 1;
            case STEP_LENGTH, STRIDE_LENGTH -> 3;
            default -> 2;
        };
    }

    private static int columnIndex(Map<String, Column> columns, String device, Role role) {
        Column c = columns.get(device + "|" + role + "|" + Side.BOTH);
        return c == null ? -1 : c.index();
    }

    private static boolean decided(List<Decision> decisions, String key) {
        return decisions.stream().anyMatch(d -> d.key().equals(key));
    }

    /** A cadence column in steps/min: the header's unit (steps or strides, checked against the values) or the values. */
    private static double[] cadence(double[] raw, FieldUnits.Choice unit, String headerUnit, String what,
                                    WatchReadOptions options, RecordTable table, List<String> warnings,
                                    List<Decision> decisions, Map<String, String> info, boolean primary) {
        double[] speed = table.values(WatchChannel.SPEED_MPS);
        CadenceUnit cu = options.cadenceUnit();
        WatchUnits.Counts counts = unit.reason().startsWith("named") ? unit.unit().counts() : WatchUnits.Counts.NONE;
        if (cu == CadenceUnit.AUTO && counts == WatchUnits.Counts.STEPS) {
            cu = CadenceUnit.STEPS;
            what += " (header unit " + headerUnit + ")";
        } else if (cu == CadenceUnit.AUTO && counts == WatchUnits.Counts.STRIDES) {
            CadenceUnits.Result check = CadenceUnits.normalise(raw, speed, CadenceUnit.AUTO, what);
            if (check.factor() == 1) {
                warnings.add(what + " says " + headerUnit + " but its values look like steps/min already: "
                        + check.decision().reason());
                cu = CadenceUnit.STEPS;
            } else {
                cu = CadenceUnit.STRIDES;
                what += " (header unit " + headerUnit + ", per leg)";
            }
        }
        CadenceUnits.Result c = CadenceUnits.normalise(raw, speed, cu, what);
        if (primary) {
            Decision d = c.decision();
            if (options.cadenceUnit() == CadenceUnit.AUTO && counts != WatchUnits.Counts.NONE) {
                d = new Decision(d.key(), d.value(), what + (c.factor() == 2 ? " taken as strides/min, as its header "
                        + "says and its values agree, and doubled to steps/min" : " taken as steps/min"));
            }
            decisions.add(d);
            info.put("cadence_source_unit", c.factor() == 2 ? "strides/min (per leg), doubled"
                    : "steps/min (already doubled)");
        }
        return c.stepsPerMin();
    }

    /** Activity per row from an activity-type column: FIT codes (1 running, 6 walking, 8 standing) or words. */
    private static void activities(RecordTable table, Rows data, Column col, List<Decision> decisions,
                                   List<String> warnings) {
        int n = table.size();
        int[] counts = new int[Activity.values().length];
        int unknown = 0;
        for (int i = 0; i < n; i++) {
            String cell = cell(data.rows.get(i), col.index()).toLowerCase(Locale.ROOT);
            if (cell.isEmpty()) {
                continue;
            }
            Activity a = activity(cell, data.layout.decimalComma());
            if (a == Activity.UNKNOWN) {
                unknown++;
            }
            table.setActivity(i, a);
            counts[a.ordinal()]++;
        }
        Decision constant = table.dropConstantRunning("column '" + data.names.get(col.index()) + "'");
        if (constant != null) {
            decisions.add(constant);
            return;
        }
        decisions.add(new Decision("activity_source", "column '" + data.names.get(col.index()) + "'", String.format(
                Locale.ROOT, "the export's own activity type per record: %d running, %d walking, %d standing, %d other",
                counts[Activity.RUNNING.ordinal()], counts[Activity.WALKING.ordinal()],
                counts[Activity.STANDING.ordinal()], counts[Activity.UNKNOWN.ordinal()])));
        if (unknown > 0) {
            warnings.add(unknown + " record(s) of column '" + data.names.get(col.index()) + "' name an activity gaitform "
                    + "does not know; they are classified from cadence and speed");
        }
    }

    static Activity activity(String cell, boolean decimalComma) {
        double code = Numbers.parse(cell, decimalComma);
        if (!Double.isNaN(code)) {
            return code == 1 ? Activity.RUNNING : code == 6 ? Activity.WALKING : code == 8 ? Activity.STANDING
                    : Activity.UNKNOWN;
        }
        String c = cell.trim().toLowerCase(Locale.ROOT);
        if (c.startsWith("run") || c.equals("jog") || c.equals("jogging")) {
            return Activity.RUNNING;
        }
        if (c.startsWith("walk") || c.equals("hike") || c.equals("hiking")) {
            return Activity.WALKING;
        }
        if (c.equals("sedentary") || c.startsWith("stand") || c.equals("stopped") || c.equals("stop") || c.equals("rest")
                || c.equals("idle") || c.equals("paused")) {
            return Activity.STANDING;
        }
        return Activity.UNKNOWN;
    }

    /** The rows as text, and how to read a column of numbers from them. */
    private record Rows(List<String[]> rows, List<Long> lines, TextLayout layout, List<String> names, String source) {
        /** A column's numbers ({@code NaN} for empty cells), or {@code null} when it has none. */
        double[] column(int c) {
            if (c < 0) {
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

        /** A pace column: numbers, or minutes:seconds ({@code 4:52}) read as decimal minutes. */
        double[] pace(int c) {
            double[] v = new double[rows.size()];
            boolean any = false;
            for (int i = 0; i < v.length; i++) {
                String cell = cell(rows.get(i), c);
                if (cell.isEmpty() || cell.equals("--")) {
                    v[i] = Double.NaN;
                    continue;
                }
                Matcher m = Pattern.compile("(\\d{1,3}):(\\d{2}(?:[.,]\\d+)?)").matcher(cell);
                v[i] = m.matches() ? Integer.parseInt(m.group(1)) + Double.parseDouble(m.group(2).replace(',', '.')) / 60
                        : Numbers.parse(cell, layout.decimalComma());
                if (Double.isNaN(v[i])) {
                    throw GaitformException.badInput(source, "line " + lines.get(i) + ", column '" + names.get(c) + "'",
                            "a pace (minutes:seconds or a number) or an empty cell", "'" + cell + "'");
                }
                any = true;
            }
            return any ? v : null;
        }
    }

    private static String cell(String[] row, int c) {
        String s = c < row.length && row[c] != null ? row[c].trim() : "";
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
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
        if (stepMm == null || speed == null || cadenceSpm == null) {
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
}
