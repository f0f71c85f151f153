package org.gaitform.io.watch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gaitform.io.BoundedZipReader;
import org.gaitform.model.GaitformException;

/**
 * A runner's whole account, as the services export it, read activity by activity without extracting anything:
 *
 * <ul>
 *   <li><b>Strava bulk export</b> — a folder, or its zip, holding {@code activities.csv} (one row per activity:
 *   {@code Activity ID}, {@code Activity Date}, {@code Activity Name}, {@code Activity Type}, {@code Activity Gear},
 *   {@code Filename}, …) and {@code activities/} with each activity's file ({@code 1234567890.fit.gz},
 *   {@code .gpx}, {@code .gpx.gz}, {@code .tcx.gz}; the CSV's {@code Filename} names it). The type, name and gear
 *   (the shoes) come from the CSV; an activity without a file (entered by hand) is counted, not analysed.</li>
 *   <li><b>Garmin Connect data export</b> — a zip (or its unzipped folder) holding zips of the uploaded activity
 *   files under {@code DI_CONNECT/DI-Connect-Uploaded-Files/} ({@code UploadedFiles_0-_Part1.zip}, … each full of
 *   {@code .fit} files, some {@code .gpx} or {@code .tcx}). The sport comes from each FIT file; the export gives no
 *   shoes per activity.</li>
 * </ul>
 *
 * <p>Zips are read within {@link BoundedZipReader.Limits#ACCOUNT_EXPORT}; each activity at most
 * {@link #MAX_ACTIVITY_BYTES} after decompression.
 */
public final class AccountExport implements Closeable {
    /** Largest activity file read (bytes, after decompression). */
    public static final long MAX_ACTIVITY_BYTES = 64L << 20;

    /** Which service's export, as a folder or a zip. */
    public enum Layout {
        STRAVA_FOLDER("Strava bulk export (folder)"), STRAVA_ZIP("Strava bulk export (zip)"),
        GARMIN_ZIP("Garmin Connect data export (zip)"), GARMIN_FOLDER("Garmin Connect data export (folder)");

        private final String label;

        Layout(String label) {
            this.label = label;
        }

        /** How outputs name it. */
        public String label() {
            return label;
        }
    }

    /**
     * One activity of the account, as far as the export describes it before its file is read.
     *
     * @param index    its place in the export (0, 1, …)
     * @param id       the service's id, or the file's name
     * @param file     the file's name in the export, or empty for an activity without a file
     * @param date     when it started, as the export's list gives it (empty when unknown until the file is read)
     * @param name     its name, or empty
     * @param type     its type as the export names it ({@code Run}, {@code Ride}, …), or empty (then the file's sport
     *                 decides)
     * @param gear     its gear (shoes), or empty
     */
    public record Activity(int index, String id, String file, Optional<Instant> date, String name, String type,
                           String gear) {
        /**
         * True when the export names it a run ({@code Run}, {@code Trail Run}, {@code Virtual Run}, a treadmill run);
         * empty when the export does not say (the file's sport decides).
         */
        public Optional<Boolean> running() {
            if (type.isBlank()) {
                return Optional.empty();
            }
            String t = type.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            return Optional.of(t.equals("run") || t.equals("trailrun") || t.equals("virtualrun") || t.equals("running")
                    || t.equals("treadmillrunning") || t.equals("trackrunning") || t.equals("treadmill"));
        }
    }

    /** Receives each activity and its file's content (decompressed, at most {@link #MAX_ACTIVITY_BYTES}). */
    public interface Visitor {
        /**
         * @param activity the activity
         * @param content  its file's bytes, or {@code null} when it has no file, when the export says it is not a
         *                 run (the file is then not read), or when reading it failed ({@code error} says why)
         * @param error    why the file could not be read, or {@code null}
         */
        void accept(Activity activity, byte[] content, String error) throws IOException;
    }

    private final Path path;
    private final String source;
    private final Layout layout;
    private BoundedZipReader zip;
    private volatile int expected = -1;

    private AccountExport(Path path, String source, Layout layout) {
        this.path = path;
        this.source = source;
        this.layout = layout;
    }

    /** The layout of an account export at this path, or empty when it is none. */
    public static Optional<Layout> detect(Path p) {
        try {
            if (Files.isDirectory(p)) {
                if (Files.isRegularFile(p.resolve("activities.csv")) && Files.isDirectory(p.resolve("activities"))) {
                    return Optional.of(Layout.STRAVA_FOLDER);
                }
                Path uploaded = p.resolve("DI_CONNECT").resolve("DI-Connect-Uploaded-Files");
                if (Files.isDirectory(uploaded)) {
                    try (Stream<Path> s = Files.list(uploaded)) {
                        if (s.anyMatch(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip"))) {
                            return Optional.of(Layout.GARMIN_FOLDER);
                        }
                    }
                }
                return Optional.empty();
            }
            String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".zip") || !Files.isRegularFile(p)) {
                return Optional.empty();
            }
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(p.toFile())) {
                boolean csv = false;
                boolean activities = false;
                boolean garmin = false;
                var en = z.entries();
                int seen = 0;
                while (en.hasMoreElements() && seen++ < 300_000) {
                    String n = en.nextElement().getName().replace('\\', '/');
                    String l = n.toLowerCase(Locale.ROOT);
                    csv |= l.equals("activities.csv") || l.matches("[^/]+/activities\\.csv");
                    activities |= l.startsWith("activities/") || l.matches("[^/]+/activities/.+");
                    garmin |= l.contains("di-connect-uploaded-files/") && l.endsWith(".zip");
                }
                return csv && activities ? Optional.of(Layout.STRAVA_ZIP) : garmin ? Optional.of(Layout.GARMIN_ZIP)
                        : Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Opens an export (its zip is checked against the limits first). */
    public static AccountExport open(Path p, String source) throws IOException {
        Layout layout = detect(p).orElseThrow(() -> GaitformException.badInput(source, "", "a Strava bulk export "
                + "(activities.csv with activities/) or a Garmin Connect data export", "neither"));
        AccountExport e = new AccountExport(p, source, layout);
        if (layout == Layout.STRAVA_ZIP || layout == Layout.GARMIN_ZIP) {
            e.zip = BoundedZipReader.open(p, source, BoundedZipReader.Limits.ACCOUNT_EXPORT);
        }
        return e;
    }

    /** The export's layout. */
    public Layout layout() {
        return layout;
    }

    /** How many activities the export lists (known once its list is read; -1 before, and for Garmin exports). */
    public int expected() {
        return expected;
    }

    /** Bytes inflated from the export's zip so far (0 for a folder). */
    public long inflatedBytes() {
        return zip == null ? 0 : zip.budget().used();
    }

    /** Reads every activity in the export's order and hands it to the visitor, one at a time. */
    public void forEach(Visitor v) throws IOException {
        switch (layout) {
            case STRAVA_FOLDER, STRAVA_ZIP -> strava(v);
            case GARMIN_ZIP, GARMIN_FOLDER -> garmin(v);
            default -> throw new IllegalStateException(layout.name());
        }
    }

    // ---- Strava

    private void strava(Visitor v) throws IOException {
        String prefix = "";
        byte[] csvBytes;
        if (zip != null) {
            String csvName = zip.names().stream().filter(n -> n.replace('\\', '/').toLowerCase(Locale.ROOT)
                    .matches("([^/]+/)?activities\\.csv")).findFirst().orElseThrow();
            prefix = csvName.substring(0, csvName.length() - "activities.csv".length());
            csvBytes = zip.read(csvName, 256L << 20);
        } else {
            if (Files.size(path.resolve("activities.csv")) > 256L << 20) {
                throw GaitformException.badInput(source + "/activities.csv", "", "a list of at most 256 MiB", "more");
            }
            csvBytes = Files.readAllBytes(path.resolve("activities.csv"));
        }
        List<Activity> list = stravaList(csvBytes, source + "/activities.csv");
        expected = list.size();
        for (Activity a : list) {
            if (a.file().isEmpty() || a.running().orElse(true).equals(false)) {
                v.accept(a, null, a.file().isEmpty() ? "no file (entered by hand)" : null);
                continue;
            }
            byte[] content;
            String error = null;
            try {
                content = stravaFile(prefix, a.file());
            } catch (GaitformException | IOException e) {
                content = null;
                error = e.getMessage();
            }
            v.accept(a, content, error);
        }
    }

    private byte[] stravaFile(String prefix, String file) throws IOException {
        String f = file.replace('\\', '/');
        InputStream raw;
        if (zip != null) {
            String name = prefix + f;
            if (!zip.has(name)) {
                throw GaitformException.badInput(source, "activities.csv", "the file '" + f + "' in the export",
                        "no such file");
            }
            raw = zip.open(name);
        } else {
            Path p = path.resolve(f).normalize();
            if (!p.startsWith(path.normalize()) || !Files.isRegularFile(p)) {
                throw GaitformException.badInput(source, "activities.csv", "the file '" + f + "' in the export",
                        "no such file");
            }
            raw = Files.newInputStream(p);
        }
        try (InputStream in = f.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            return BoundedZipReader.readAll(in, MAX_ACTIVITY_BYTES, source + "/" + f);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw GaitformException.badInput(source + "/" + f, "", "a gzip-compressed activity", "data that do not "
                    + "decompress (" + e.getMessage() + ")");
        }
    }

    private static final DateTimeFormatter STRAVA_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a",
            Locale.ENGLISH);

    /** The activities of a Strava {@code activities.csv} (columns found by name; Strava repeats some names). */
    static List<Activity> stravaList(byte[] csv, String what) throws IOException {
        List<Activity> out = new ArrayList<>();
        try (Reader r = new InputStreamReader(new java.io.ByteArrayInputStream(csv), StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(r)) {
            Map<String, Integer> col = new HashMap<>();
            int row = 0;
            for (CSVRecord rec : p) {
                row++;
                if (row == 1) {
                    for (int i = 0; i < rec.size(); i++) {
                        col.putIfAbsent(rec.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), i);
                    }
                    for (String need : new String[] {"activity type", "filename"}) {
                        if (!col.containsKey(need)) {
                            throw GaitformException.badInput(what, "header", "Strava's columns (Activity ID, Activity "
                                    + "Date, Activity Name, Activity Type, Filename, …)", "no '" + need + "' column");
                        }
                    }
                    continue;
                }
                String id = cell(rec, col, "activity id");
                out.add(new Activity(out.size(), id.isEmpty() ? "row" + row : id, cell(rec, col, "filename"),
                        stravaDate(cell(rec, col, "activity date")), cell(rec, col, "activity name"),
                        cell(rec, col, "activity type"), cell(rec, col, col.containsKey("activity gear")
                        ? "activity gear" : "gear")));
            }
        }
        return out;
    }

    private static String cell(CSVRecord r, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= r.size() ? "" : r.get(i).trim();
    }

    static Optional<Instant> stravaDate(String s) {
        if (s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(s.trim(), STRAVA_DATE).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(s.trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    // ---- Garmin Connect

    private static boolean activityFile(String name) {
        String l = name.toLowerCase(Locale.ROOT);
        return l.endsWith(".fit") || l.endsWith(".gpx") || l.endsWith(".tcx") || l.endsWith(".fit.gz")
                || l.endsWith(".gpx.gz") || l.endsWith(".tcx.gz");
    }

    private void garmin(Visitor v) throws IOException {
        int[] index = {0};
        if (zip != null) {
            List<String> inner = zip.names().stream().filter(n -> n.replace('\\', '/').toLowerCase(Locale.ROOT)
                    .contains("di-connect-uploaded-files/") && n.toLowerCase(Locale.ROOT).endsWith(".zip")).sorted()
                    .toList();
            for (String z : inner) {
                zip.forEachNested(z, (name, in) -> visitNested(name, in, index, v));
            }
            return;
        }
        List<Path> inner;
        try (Stream<Path> s = Files.list(path.resolve("DI_CONNECT").resolve("DI-Connect-Uploaded-Files"))) {
            inner = s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")).sorted()
                    .toList();
        }
        for (Path z : inner) {
            // each inner zip is an archive of its own, within the same limits
            try (BoundedZipReader r = BoundedZipReader.open(z, source + "/" + z.getFileName(),
                    BoundedZipReader.Limits.ACCOUNT_EXPORT)) {
                for (String name : r.names()) {
                    if (!activityFile(name)) {
                        continue;
                    }
                    try (InputStream in = r.open(name)) {
                        visitNested(name, in, index, v);
                    }
                }
            }
        }
    }

    private void visitNested(String name, InputStream in, int[] index, Visitor v) throws IOException {
        if (!activityFile(name)) {
            return;
        }
        String file = name.replace('\\', '/');
        String base = file.substring(file.lastIndexOf('/') + 1);
        Activity a = new Activity(index[0]++, base.replaceAll("(?i)\\.(fit|gpx|tcx)(\\.gz)?$", ""), base,
                Optional.empty(), "", "", "");
        byte[] content = null;
        String error = null;
        try (InputStream src = base.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in) {
            content = BoundedZipReader.readAll(src, MAX_ACTIVITY_BYTES, source + "/" + base);
        } catch (GaitformException | java.util.zip.ZipException | java.io.EOFException e) {
            error = e.getMessage();
        }
        v.accept(a, content, error);
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
    }
}
