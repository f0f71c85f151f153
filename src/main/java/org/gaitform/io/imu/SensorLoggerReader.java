package org.gaitform.io.imu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.io.TimeBase;
import org.gaitform.io.archive.ZipArchive;
import org.gaitform.io.text.ByteSource;
import org.gaitform.io.text.ColumnReader;
import org.gaitform.io.text.ColumnReader.CellKind;
import org.gaitform.io.text.LayoutSniffer;
import org.gaitform.io.text.TextLayout;
import org.gaitform.model.Channel;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.ImuSensor;
import org.gaitform.model.Placement;
import org.gaitform.model.Side;
import org.gaitform.signal.Resampler;
import org.gaitform.signal.Stats;

/**
 * Reads a Sensor Logger export (the phone app by Kelvin Choi): a folder, or a zip of one, with one CSV per
 * stream — {@code Accelerometer.csv}, {@code Gyroscope.csv}, {@code Gravity.csv}, {@code TotalAcceleration.csv},
 * … — each with the columns {@code time} (nanoseconds since 1970, one clock for every stream),
 * {@code seconds_elapsed} and the axes in the order {@code z, y, x}.
 *
 * <p>The streams are merged onto one uniform time axis: the overlap of all streams, at the fastest stream's
 * rate, every stream linearly interpolated onto it. Times are the accelerometer's {@code seconds_elapsed}.
 * The acceleration must include gravity: {@code TotalAcceleration.csv} when present, else
 * {@code Accelerometer.csv} (which the app writes without gravity) plus {@code Gravity.csv}. Units are
 * m/s² and rad/s as the app writes them, checked against the signal (gravity ≈ 9.8; a gyroscope whose
 * 99th percentile exceeds 40 cannot be rad/s).
 */
public final class SensorLoggerReader {
    /** Stream files, as the app names them. */
    static final String ACCELEROMETER = "Accelerometer.csv";
    static final String TOTAL = "TotalAcceleration.csv";
    static final String GRAVITY = "Gravity.csv";
    static final String GYROSCOPE = "Gyroscope.csv";
    /** Streams must overlap by at least this share of the shorter one. */
    static final double MIN_OVERLAP_SHARE = 0.5;
    private static final double G = 9.80665;

    /** True when a folder holds a Sensor Logger export. */
    public static boolean isExportFolder(Path dir) {
        return Files.isDirectory(dir) && (find(dir, ACCELEROMETER).isPresent() || find(dir, TOTAL).isPresent());
    }

    /** True when a zip file holds a Sensor Logger export. */
    public static boolean isExportZip(Path zip) {
        if (!Files.isRegularFile(zip)) {
            return false;
        }
        return ZipArchive.names(zip).stream().map(SensorLoggerReader::baseName)
                .anyMatch(n -> n.equalsIgnoreCase(ACCELEROMETER) || n.equalsIgnoreCase(TOTAL));
    }

    /**
     * The bytes the streams gaitform reads from a Sensor Logger zip unpack to, as its directory states them (reading
     * verifies them: an entry that unpacks to more is refused), or the file's size when it cannot be told. This is
     * what the analysis holds in memory, not the compressed size.
     */
    public static long unpackedSize(Path zip) {
        try (ZipArchive z = ZipArchive.open(zip, zip.toString())) {
            long sum = 0;
            for (ZipArchive.Entry e : needed(z.entries())) {
                sum += e.size();
            }
            return Math.min(sum, (long) ZipArchive.MAX_UNPACKED_MIB << 20);
        } catch (IOException | RuntimeException e) {
            try {
                return Files.size(zip);
            } catch (IOException ex) {
                return 0;
            }
        }
    }

    /** The streams of an export: by lower-case file name, where to read them. */
    private record Export(Map<String, ByteSource> streams, List<String> csvNames) {
        Optional<ByteSource> find(String name) {
            return Optional.ofNullable(streams.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * Reads an export.
     *
     * @param path    the folder or zip
     * @param source  the name to report it by
     * @param options user overrides (units, placement)
     */
    public ImuRecording read(Path path, String source, ImuReadOptions options) throws IOException {
        if (Files.isDirectory(path)) {
            Map<String, ByteSource> streams = new LinkedHashMap<>();
            for (String name : List.of(TOTAL, ACCELEROMETER, GRAVITY, GYROSCOPE)) {
                find(path, name).ifPresent(f -> streams.put(name.toLowerCase(Locale.ROOT), ByteSource.of(f)));
            }
            return read(new Export(streams, listCsv(path)), source, options);
        }
        try (ZipArchive z = ZipArchive.open(path, source)) {
            return read(zipExport(z, source), source, options);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            // EOFException: found by fuzzing, a file that ends inside the zip's own directory records
            throw GaitformException.badInput(source, "", "a zip archive", "a damaged or non-zip file ("
                    + (e.getMessage() == null ? "it ends too early" : e.getMessage()) + ")");
        }
    }

    /**
     * The streams of a zipped export, streamed from the archive without extracting anything: only the entries the
     * analysis reads, after their stated sizes were checked against the limits.
     */
    private static Export zipExport(ZipArchive z, String source) {
        List<String> names = new ArrayList<>();
        List<String> csv = new ArrayList<>();
        for (ZipArchive.Entry e : z.entries()) {
            names.add(e.name());
            checkEntryName(source, e.name());
            String n = e.baseName();
            if (!e.isDirectory() && n.toLowerCase(Locale.ROOT).endsWith(".csv") && !n.startsWith(".")) {
                csv.add(n);
            }
        }
        List<ZipArchive.Entry> needed = needed(z.entries());
        Map<String, ByteSource> streams = new LinkedHashMap<>();
        for (ZipArchive.Entry e : needed) {
            String key = e.baseName().toLowerCase(Locale.ROOT);
            if (streams.containsKey(key)) {
                throw GaitformException.badInput(source, "entry '" + shown(e.name()) + "'", "one export in the "
                        + "archive", "a second " + e.baseName() + " (the archive holds several exports; zip each alone)");
            }
            streams.put(key, () -> z.open(e));
        }
        if (!streams.containsKey(ACCELEROMETER.toLowerCase(Locale.ROOT)) && !streams.containsKey(TOTAL.toLowerCase(Locale.ROOT))) {
            throw GaitformException.badInput(source, "", "a Sensor Logger export with Accelerometer.csv",
                    "the entries " + names.stream().limit(20).map(SensorLoggerReader::shown).toList());
        }
        z.requireWithinBounds(needed, MAX_STREAM_BYTES, "a stream");
        csv.sort(null);
        return new Export(streams, csv);
    }

    /** The entries the analysis reads: the acceleration with gravity (one way or the other) and the gyroscope. */
    private static List<ZipArchive.Entry> needed(List<ZipArchive.Entry> entries) {
        boolean total = entries.stream().anyMatch(e -> !e.isDirectory() && e.baseName().equalsIgnoreCase(TOTAL));
        List<String> want = total ? List.of(TOTAL, GYROSCOPE) : List.of(ACCELEROMETER, GRAVITY, GYROSCOPE);
        return entries.stream().filter(e -> !e.isDirectory() && want.stream().anyMatch(w -> w.equalsIgnoreCase(
                e.baseName()))).toList();
    }

    /** Largest stream read from a zip (bytes). */
    static final long MAX_STREAM_BYTES = 1L << 30;

    /** Entry names that would climb out of the folder they are extracted into are refused. */
    private static void checkEntryName(String source, String name) {
        ZipArchive.checkName(source, name, "entry names inside the archive (Sensor Logger writes Accelerometer.csv, "
                + "Gyroscope.csv, …)");
    }

    private static String shown(String name) {
        return ZipArchive.shown(name);
    }

    private record Stream3(String file, double[] timeNs, double[] elapsedS, double[] x, double[] y, double[] z,
                           double rateHz) {
        double startS() {
            return timeNs[0] * 1e-9;
        }

        double endS() {
            return timeNs[timeNs.length - 1] * 1e-9;
        }
    }

    private ImuRecording read(Export export, String source, ImuReadOptions options) throws IOException {
        List<Decision> decisions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<ByteSource> total = export.find(TOTAL);
        Optional<ByteSource> acc = export.find(ACCELEROMETER);
        Optional<ByteSource> grav = export.find(GRAVITY);
        Optional<ByteSource> gyr = export.find(GYROSCOPE);
        List<String> present = export.csvNames();
        if (total.isEmpty() && acc.isEmpty()) {
            throw GaitformException.badInput(source, "", "a Sensor Logger stream Accelerometer.csv (or TotalAcceleration.csv)",
                    "only " + present);
        }
        Stream3 accel;
        String accWhat;
        Map<String, Stream3> streams = new LinkedHashMap<>();
        if (total.isPresent()) {
            accel = stream(total.get(), TOTAL, source);
            accWhat = TOTAL + " (acceleration with gravity)";
            streams.put("acc", accel);
        } else {
            accel = stream(acc.get(), ACCELEROMETER, source);
            streams.put("acc", accel);
            double mean = Math.sqrt(sq(Stats.mean(accel.x())) + sq(Stats.mean(accel.y())) + sq(Stats.mean(accel.z())));
            if (mean > 4) {
                accWhat = ACCELEROMETER + " (its mean of " + TimeBase.fmt(mean) + " shows it includes gravity)";
            } else if (grav.isPresent()) {
                streams.put("gravity", stream(grav.get(), GRAVITY, source));
                accWhat = ACCELEROMETER + " + " + GRAVITY + " (the app writes the accelerometer without gravity)";
            } else {
                throw GaitformException.badInput(source, ACCELEROMETER,
                        "acceleration including gravity (TotalAcceleration.csv, or Accelerometer.csv with Gravity.csv)",
                        "an accelerometer stream without gravity (mean " + TimeBase.fmt(mean) + " m/s²) and no Gravity.csv "
                                + "among " + present + "; gaitform needs gravity to find the vertical");
            }
        }
        if (gyr.isPresent()) {
            streams.put("gyr", stream(gyr.get(), GYROSCOPE, source));
        } else {
            warnings.add("the export has no Gyroscope.csv (streams found: " + String.join(", ", present) + "); the "
                    + "analysis uses the accelerometer alone");
        }
        // ---- one clock, one rate
        double start = Double.NEGATIVE_INFINITY;
        double end = Double.POSITIVE_INFINITY;
        double fastest = 0;
        StringBuilder rates = new StringBuilder();
        for (Map.Entry<String, Stream3> e : streams.entrySet()) {
            Stream3 s = e.getValue();
            start = Math.max(start, s.startS());
            end = Math.min(end, s.endS());
            fastest = Math.max(fastest, s.rateHz());
            rates.append(rates.length() == 0 ? "" : ", ").append(s.file()).append(' ').append(TimeBase.fmt(s.rateHz()))
                    .append(" Hz");
        }
        for (Stream3 s : streams.values()) {
            if (s == accel) {
                continue;
            }
            double len = s.endS() - s.startS();
            double from = Math.max(s.startS(), accel.startS());
            double to = Math.min(s.endS(), accel.endS());
            if (!(to > from) || (to - from) < MIN_OVERLAP_SHARE * Math.min(len, accel.endS() - accel.startS())) {
                throw GaitformException.badInput(source, s.file() + ", column 'time'",
                        "streams recorded on one clock, overlapping in time (Sensor Logger writes nanoseconds since 1970)",
                        String.format(Locale.ROOT, "%s covering %.1f–%.1f s but %s covering %.1f–%.1f s", accel.file(),
                                accel.startS(), accel.endS(), s.file(), s.startS(), s.endS())
                                + (to > from ? " (they overlap for only " + TimeBase.fmt(to - from) + " s)" : ""));
            }
        }
        double slowest = streams.values().stream().mapToDouble(Stream3::rateHz).min().orElse(fastest);
        if (slowest < 0.95 * fastest) {
            warnings.add("the streams have different rates (" + rates + "); every stream was interpolated onto "
                    + TimeBase.fmt(fastest) + " Hz, so the slower ones carry no detail above "
                    + TimeBase.fmt(slowest / 2) + " Hz");
        }
        int n = (int) Math.floor((end - start) * fastest) + 1;
        if (n < 2) {
            throw GaitformException.notAnalysable(source, "the streams overlap for less than two samples");
        }
        double[] gridAbs = new double[n];
        for (int i = 0; i < n; i++) {
            gridAbs[i] = start + i / fastest;
        }
        // the input's own time axis: the accelerometer's seconds_elapsed
        double offset = accel.elapsedS()[0] - accel.startS();
        double[] timeS = new double[n];
        for (int i = 0; i < n; i++) {
            timeS[i] = Math.round((gridAbs[i] + offset) * 1e9) / 1e9;
        }
        decisions.add(new Decision("format", "Sensor Logger", "the input holds " + String.join(", ", present)));
        decisions.add(new Decision("acceleration_stream", accWhat, "gaitform needs the acceleration including gravity"));
        decisions.add(new Decision("time_unit", "ns", "Sensor Logger's 'time' column counts nanoseconds; the streams "
                + "were merged on it and times are reported as the accelerometer's seconds_elapsed"));
        decisions.add(new Decision("sampling_rate_hz", TimeBase.fmt(fastest), "the fastest stream (" + rates
                + "), over the " + TimeBase.fmt(end - start) + " s that every stream covers"));

        Map<Channel, double[]> ch = new EnumMap<>(Channel.class);
        Stream3 a = streams.get("acc");
        double[] ax = onGrid(a, a.x(), gridAbs);
        double[] ay = onGrid(a, a.y(), gridAbs);
        double[] az = onGrid(a, a.z(), gridAbs);
        Stream3 g = streams.get("gravity");
        if (g != null) {
            add(ax, onGrid(g, g.x(), gridAbs));
            add(ay, onGrid(g, g.y(), gridAbs));
            add(az, onGrid(g, g.z(), gridAbs));
        }
        // one absurd row must not decide the unit (nor, later, the placement or the events)
        ImpossibleSamples.Tally impossible = new ImpossibleSamples.Tally();
        Map<Channel, double[]> rawAcc = new EnumMap<>(Channel.class);
        rawAcc.put(Channel.ACC_X, ax);
        rawAcc.put(Channel.ACC_Y, ay);
        rawAcc.put(Channel.ACC_Z, az);
        ImpossibleSamples.repairAbsurd(rawAcc, timeS, "", impossible);
        double meanMag = Math.sqrt(sq(Stats.mean(ax)) + sq(Stats.mean(ay)) + sq(Stats.mean(az)));
        String accUnit = options.accUnit().orElse(meanMag < 2 ? "g" : "mps2");
        decisions.add(new Decision("acc_unit", accUnit, options.accUnit().isPresent() ? "override"
                : "the mean acceleration vector has length " + TimeBase.fmt(meanMag) + ", gravity in "
                        + (accUnit.equals("g") ? "g" : "m/s² (as Sensor Logger writes it)")));
        double accScale = accUnit.equals("g") ? 1 : 1 / G;
        ch.put(Channel.ACC_X, scale(ax, accScale));
        ch.put(Channel.ACC_Y, scale(ay, accScale));
        ch.put(Channel.ACC_Z, scale(az, accScale));
        Stream3 w = streams.get("gyr");
        if (w != null) {
            double[] gx = onGrid(w, w.x(), gridAbs);
            double[] gy = onGrid(w, w.y(), gridAbs);
            double[] gz = onGrid(w, w.z(), gridAbs);
            Map<Channel, double[]> rawGyr = new EnumMap<>(Channel.class);
            rawGyr.put(Channel.GYR_X, gx);
            rawGyr.put(Channel.GYR_Y, gy);
            rawGyr.put(Channel.GYR_Z, gz);
            ImpossibleSamples.repairAbsurd(rawGyr, timeS, "", impossible);
            double[] mag = new double[n];
            for (int i = 0; i < n; i++) {
                mag[i] = Math.sqrt(gx[i] * gx[i] + gy[i] * gy[i] + gz[i] * gz[i]);
            }
            double p99 = Stats.percentile(mag, 99);
            String unit;
            if (options.gyrUnit().isPresent()) {
                unit = options.gyrUnit().get();
                decisions.add(new Decision("gyr_unit", unit, "override"));
            } else if (p99 > GyroUnitCheck.MAX_PLAUSIBLE_RADS) {
                unit = null;
                warnings.add(GyroUnitCheck.implausibleRadsMessage(GYROSCOPE, p99));
            } else {
                unit = "rads";
                decisions.add(new Decision("gyr_unit", "rads", "Sensor Logger writes rad/s; the 99th percentile of the "
                        + "angular speed, " + TimeBase.fmt(p99) + ", fits"));
            }
            if (unit != null) {
                double f = unit.equals("rads") ? 180 / Math.PI : 1;
                ch.put(Channel.GYR_X, scale(gx, f));
                ch.put(Channel.GYR_Y, scale(gy, f));
                ch.put(Channel.GYR_Z, scale(gz, f));
            }
        }
        ImpossibleSamples.repairImpossible(ch, timeS, fastest, source, "", impossible);
        if (impossible.total() > 0) {
            warnings.add(impossible.warning());
        }
        Placement placement = options.placement().orElse(Placement.UNKNOWN);
        if (options.placement().isPresent()) {
            decisions.add(new Decision("placement", placement.label(), "override"));
        }
        ImuSensor sensor = new ImuSensor("phone", placement, Side.UNKNOWN, ch);
        return new ImuRecording(source, timeS, fastest, List.of(sensor), decisions, warnings);
    }

    private static Stream3 stream(ByteSource file, String fileName, String source) throws IOException {
        String where = source + "/" + fileName;
        TextLayout layout;
        try {
            layout = LayoutSniffer.sniff(file, fileName);
        } catch (GaitformException e) {
            // name the export as well as the stream
            throw new GaitformException(e.kind(), source + "/" + e.getMessage());
        }
        List<String> names = layout.columnNames();
        int t = indexOf(names, "time");
        int el = indexOf(names, "seconds_elapsed");
        int x = indexOf(names, "x");
        int y = indexOf(names, "y");
        int z = indexOf(names, "z");
        if (t < 0 || x < 0 || y < 0 || z < 0) {
            throw GaitformException.badInput(where, "header", "Sensor Logger columns time, seconds_elapsed, z, y, x",
                    "the headers " + names);
        }
        int[] cols = el >= 0 ? new int[] {t, el, x, y, z} : new int[] {t, x, y, z};
        CellKind[] kinds = new CellKind[cols.length];
        java.util.Arrays.fill(kinds, CellKind.NUMBER);
        double[][] d = ColumnReader.read(file, where, layout, cols, kinds, ImuCsvReader.MAX_ROWS);
        int n = d[0].length;
        if (n < 2) {
            throw GaitformException.badInput(where, "", "rows of samples", n == 0 ? "a header only" : "one row");
        }
        double[] timeNs = d[0];
        for (int i = 1; i < n; i++) {
            if (!(timeNs[i] > timeNs[i - 1])) {
                throw GaitformException.badInput(where, "line " + (layout.firstDataLine() + i) + ", column 'time'",
                        "time that increases from row to row", timeNs[i] == timeNs[i - 1] ? "a repeated time"
                                : "time going backwards");
            }
        }
        double[] dt = new double[n - 1];
        for (int i = 1; i < n; i++) {
            dt[i - 1] = (timeNs[i] - timeNs[i - 1]) * 1e-9;
        }
        double typical = Stats.median(dt);
        if (!(typical > 1e-5 && typical < 2)) {
            throw GaitformException.badInput(where, "column 'time'", "nanoseconds since 1970 (Sensor Logger)",
                    "a typical interval of " + TimeBase.fmt(typical * 1e9) + " units");
        }
        for (int i = 0; i < dt.length; i++) {
            if (dt[i] > Math.max(TimeBase.MAX_FILLED_GAP_S, TimeBase.GAP_FACTOR * typical)) {
                throw GaitformException.badInput(where, "line " + (layout.firstDataLine() + i + 1) + ", column 'time'",
                        "samples every " + TimeBase.fmt(typical * 1000) + " ms without gaps longer than "
                                + TimeBase.fmt(TimeBase.MAX_FILLED_GAP_S * 1000) + " ms",
                        "a gap of " + TimeBase.fmt(dt[i]) + " s");
            }
        }
        double[] elapsed = el >= 0 ? d[1] : timeNs.clone();
        if (el < 0) {
            for (int i = 0; i < n; i++) {
                elapsed[i] = (timeNs[i] - timeNs[0]) * 1e-9;
            }
        }
        int o = el >= 0 ? 2 : 1;
        // the rate from the whole span: nanosecond stamps near 1.7e18 are held to about 0.3 µs in a double
        double rate = (n - 1) / ((timeNs[n - 1] - timeNs[0]) * 1e-9);
        return new Stream3(fileName, timeNs, elapsed, d[o], d[o + 1], d[o + 2], rate);
    }

    private static double[] onGrid(Stream3 s, double[] v, double[] gridAbs) {
        double[] t = new double[s.timeNs().length];
        double t0 = s.timeNs()[0];
        for (int i = 0; i < t.length; i++) {
            t[i] = (s.timeNs()[i] - t0) * 1e-9;
        }
        double[] g = new double[gridAbs.length];
        double t0s = t0 * 1e-9;
        for (int i = 0; i < g.length; i++) {
            g[i] = gridAbs[i] - t0s;
        }
        return Resampler.interpolate(t, v, g);
    }

    private static int indexOf(List<String> names, String want) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).trim().equalsIgnoreCase(want)) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Path> find(Path dir, String name) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (p.getFileName().toString().equalsIgnoreCase(name)) {
                    return Optional.of(p);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static List<String> listCsv(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{csv,CSV}")) {
            for (Path p : ds) {
                out.add(p.getFileName().toString());
            }
        }
        out.sort(null);
        return out;
    }

    private static String baseName(String entry) {
        String e = entry.replace('\\', '/');
        return e.substring(e.lastIndexOf('/') + 1);
    }

    private static double sq(double v) {
        return v * v;
    }

    private static void add(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
    }

    private static double[] scale(double[] v, double f) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = v[i] * f;
        }
        return o;
    }
}
