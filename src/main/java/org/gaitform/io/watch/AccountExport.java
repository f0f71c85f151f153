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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gaitform.io.archive.ZipArchive;
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
 * <p>Zips are read as {@link ZipArchive}s within {@link ZipArchive.Limits#ACCOUNT_EXPORT} (entry names that climb
 * out of the archive refused, overlapping entries refused before anything is inflated, inflated bytes counted against
 * the archive's budget and the batch's {@link org.gaitform.io.archive.InflationBudget}); each activity at most
 * {@link #MAX_ACTIVITY_BYTES} after decompression, its {@code .gz} decompression counted against the batch's budget
 * too.
 */
public final class AccountExport implements Closeable {
    /** Largest activity file read (bytes, after decompression). */
    public static final long MAX_ACTIVITY_BYTES = 64L << 20;
    /** Largest {@code activities.csv} read (bytes). */
    static final long MAX_LIST_BYTES = 256L << 20;

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
    private ZipArchive zip;
    /** The zip's files (no folders) by name, in the archive's order. */
    private Map<String, ZipArchive.Entry> files = Map.of();
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
            // the directory's names only (reading the export applies every limit)
            boolean csv = false;
            boolean activities = false;
            boolean garmin = false;
            for (String n : ZipArchive.names(p)) {
                String l = n.replace('\\', '/').toLowerCase(Locale.ROOT);
                csv |= l.equals("activities.csv") || l.matches("[^/]+/activities\\.csv");
                activities |= l.startsWith("activities/") || l.matches("[^/]+/activities/.+");
                garmin |= l.contains("di-connect-uploaded-files/") && l.endsWith(".zip");
            }
            return csv && activities ? Optional.of(Layout.STRAVA_ZIP) : garmin ? Optional.of(Layout.GARMIN_ZIP)
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Bytes of the compressed files of an export (its zip, or the {@code .gz} and {@code .zip} files of its folder),
     * for the batch's {@link org.gaitform.io.archive.InflationBudget}; 0 when it is none.
     */
    public static long compressedBytes(Path p) {
        Optional<Layout> layout = detect(p);
        if (layout.isEmpty()) {
            return 0;
        }
        try {
            if (!Files.isDirectory(p)) {
                return Files.size(p);
            }
            Path dir = layout.get() == Layout.STRAVA_FOLDER ? p.resolve("activities")
                    : p.resolve("DI_CONNECT").resolve("DI-Connect-Uploaded-Files");
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(f -> {
                    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                    return (n.endsWith(".gz") || n.endsWith(".zip")) && Files.isRegularFile(f);
                }).mapToLong(f -> {
                    try {
                        return Files.size(f);
                    } catch (IOException e) {
                        return 0;
                    }
                }).sum();
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Opens an export (its zip is checked against the limits first). */
    public static AccountExport open(Path p, String source) throws IOException {
        Layout layout = detect(p).orElseThrow(() -> GaitformException.badInput(source, "", "a Strava bulk export "
                + "(activities.csv with activities/) or a Garmin Connect data export", "neither"));
        AccountExport e = new AccountExport(p, source, layout);
        if (layout == Layout.STRAVA_ZIP || layout == Layout.GARMIN_ZIP) {
            e.zip = ZipArchive.open(p, source, ZipArchive.Limits.ACCOUNT_EXPORT);
            try {
                e.files = files(e.zip, source);
            } catch (RuntimeException ex) {
                e.zip.close();
                throw ex;
            }
        }
        return e;
    }

    /** An archive's files by name, every name checked first (none may climb out of the archive). */
    private static Map<String, ZipArchive.Entry> files(ZipArchive zip, String source) {
        Map<String, ZipArchive.Entry> out = new java.util.LinkedHashMap<>();
        for (ZipArchive.Entry en : zip.entries()) {
            ZipArchive.checkName(source, en.name(), "entry names inside the archive");
            if (!en.isDirectory()) {
                out.putIfAbsent(en.name(), en);
            }
        }
        return out;
    }

    /** The export's layout. */
    public Layout layout() {
        return layout;
    }

    /** How many activities the export lists (known once its list is read; -1 before, and for Garmin exports). */
    public int expected() {
        return expected;
    }

    /** Bytes inflated from the export's zip so far, nested archives included (0 for a folder). */
    public long inflatedBytes() {
        return zip == null ? 0 : zip.unpacked();
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
            String csvName = files.keySet().stream().filter(n -> n.replace('\\', '/').toLowerCase(Locale.ROOT)
                    .matches("([^/]+/)?activities\\.csv")).findFirst().orElseThrow();
            prefix = csvName.substring(0, csvName.length() - "activities.csv".length());
            csvBytes = WatchFiles.readAll(zip.open(files.get(csvName)), false, source + "/" + csvName, MAX_LIST_BYTES,
                    "a list of activities");
        } else {
            csvBytes = WatchFiles.readAll(path.resolve("activities.csv"), source + "/activities.csv", MAX_LIST_BYTES,
                    "a list of activities");
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
                stopWhenSpent(e);
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
            ZipArchive.Entry entry = files.get(prefix + f);
            if (entry == null) {
                throw GaitformException.badInput(source, "activities.csv", "the file '" + f + "' in the export",
                        "no such file");
            }
            raw = zip.open(entry);
        } else {
            Path p = path.resolve(f).normalize();
            if (!p.startsWith(path.normalize()) || !Files.isRegularFile(p)) {
                throw GaitformException.badInput(source, "activities.csv", "the file '" + f + "' in the export",
                        "no such file");
            }
            raw = Files.newInputStream(p);
        }
        return WatchFiles.readAll(raw, f.toLowerCase(Locale.ROOT).endsWith(".gz"), source + "/" + f,
                MAX_ACTIVITY_BYTES, "an activity file");
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
            List<String> inner = files.keySet().stream().filter(n -> n.replace('\\', '/').toLowerCase(Locale.ROOT)
                    .contains("di-connect-uploaded-files/") && n.toLowerCase(Locale.ROOT).endsWith(".zip")).sorted()
                    .toList();
            for (String z : inner) {
                // read as a stream from the outer archive, nothing extracted, within the same limits
                zip.forEachNested(files.get(z), (name, in) -> visitNested(name, in, index, v));
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
            String where = source + "/" + z.getFileName();
            try (ZipArchive r = ZipArchive.open(z, where, ZipArchive.Limits.ACCOUNT_EXPORT)) {
                for (Map.Entry<String, ZipArchive.Entry> f : files(r, where).entrySet()) {
                    if (activityFile(f.getKey())) {
                        visitNested(f.getKey(), r.open(f.getValue()), index, v);
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
        try {
            content = WatchFiles.readAll(in, base.toLowerCase(Locale.ROOT).endsWith(".gz"), source + "/" + base,
                    MAX_ACTIVITY_BYTES, "an activity file");
        } catch (GaitformException e) {
            stopWhenSpent(e);
            error = e.getMessage();
        }
        v.accept(a, content, error);
    }

    /**
     * An activity that could not be read is skipped, unless the export as a whole broke a limit (the archive's budget
     * or ratio, the batch's budget): then reading stops with that error, instead of trying every further activity.
     */
    private void stopWhenSpent(Exception e) throws IOException {
        if ((zip != null && zip.spent()) || org.gaitform.io.archive.InflationBudget.current().spent()) {
            if (e instanceof IOException io) {
                throw io;
            }
            throw (GaitformException) e;
        }
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
    }
}
