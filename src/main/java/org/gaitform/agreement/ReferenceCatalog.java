package org.gaitform.agreement;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import org.gaitform.io.force.ForceReadOptions;
import org.gaitform.io.force.ForceReaders;
import org.gaitform.io.force.ForceRecording;
import org.gaitform.io.force.ForceTableReader;
import org.gaitform.io.reference.ReferenceColumns;
import org.gaitform.io.reference.ReferenceTable;
import org.gaitform.io.text.Numbers;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Side;

/**
 * The references given to {@code gaitform validate} ({@code --reference} files and folders) and how each recording
 * finds its own:
 * <ol>
 *   <li>a table with a {@code file} column (events, session values, or an index naming each recording's reference
 *   file) that has rows for the recording — by file name, stem, or path;</li>
 *   <li>else a file whose name starts with the recording's stem (after a trailing {@code markers}, {@code imu},
 *   {@code keypoints} …), followed by a separator or a word such as {@code forces}, {@code events},
 *   {@code contacts}, {@code truth}: {@code RBDS001runT25markers.txt} finds {@code RBDS001runT25forces.txt} and
 *   {@code run1.csv} finds {@code run1.truth.csv}; the recording itself counts only when it has an explicit vertical
 *   force column (a GRF beside the signals) and nothing else matches;</li>
 *   <li>else, with one recording and one reference file given by name, that file.</li>
 * </ol>
 * When several references fit, {@code --reference-kind} chooses; otherwise that is an error naming them. A reference
 * is then checked against the recording's time: events outside it are an error when none (no overlap) or more than a
 * fifth of them (another sampling rate or clock) fall outside, and are left out with a note otherwise.
 */
public final class ReferenceCatalog {
    /** File name endings that can be references. */
    private static final List<String> EXTENSIONS = List.of(".csv", ".tsv", ".txt", ".mot", ".sto", ".c3d");
    /** Words after a recording's stem that name a reference of it. */
    private static final List<String> ROLE_WORDS = List.of("forces", "force", "grf", "vgrf", "contacts", "contact",
            "events", "event", "reference", "ref", "truth", "gold", "strides", "stride", "steps", "mocap", "fp");
    private static final Pattern RECORDING_ROLE = Pattern.compile(
            "[_\\-. ]?(markers?|marker_data|imu|acc|accel|trc|kinematics|keypoints|pose|video|sensors?)$",
            Pattern.CASE_INSENSITIVE);
    /** Index and metadata columns that give the sampling rate of a reference. */
    static final List<String> REFERENCE_RATE = List.of("reference_rate_hz", "ref_rate_hz");
    /** Largest share of reference events outside the recording that is left out with a note. */
    static final double MAX_OUTSIDE_SHARE = 0.2;

    private final List<ReferenceTable> tables;
    private final List<Path> explicitFiles;
    private final ReferenceOptions options;
    private final int recordings;

    private ReferenceCatalog(List<ReferenceTable> tables, List<Path> explicitFiles, ReferenceOptions options,
                             int recordings) {
        this.tables = List.copyOf(tables);
        this.explicitFiles = List.copyOf(explicitFiles);
        this.options = options;
        this.recordings = recordings;
    }

    /**
     * Reads the headers of every reference file.
     *
     * @param paths      files and folders given with {@code --reference}
     * @param options    how to read them
     * @param recordings number of recordings to validate (one recording and one file pair up by themselves)
     * @throws GaitformException when a path does not exist or a file given by name is not a reference
     */
    public static ReferenceCatalog load(List<Path> paths, ReferenceOptions options, int recordings) {
        List<ReferenceTable> tables = new ArrayList<>();
        List<Path> explicit = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw GaitformException.badInput(p.toString(), "", "a reference file or folder", "nothing there");
            }
            if (Files.isDirectory(p)) {
                for (Path f : walk(p)) {
                    if (seen.add(f.toAbsolutePath().normalize())) {
                        ReferenceTable t = readQuietly(f);
                        if (t != null && t.kind() != ReferenceTable.Kind.UNKNOWN) {
                            tables.add(t);
                        }
                    }
                }
            } else if (seen.add(p.toAbsolutePath().normalize())) {
                ReferenceTable t = ReferenceTable.read(p, display(p));
                if (t.kind() == ReferenceTable.Kind.UNKNOWN) {
                    throw GaitformException.badInput(display(p), "header", "a reference: events (ic_s, to_s, side; or "
                            + "ic_sample with a rate), session values (file, cadence_spm, contact_ms), an index (file, "
                            + "reference) or a vertical force (Fz, vGRF, grf_bw, …)", "the columns " + abbreviate(
                            t.columns()));
                }
                tables.add(t);
                explicit.add(p);
            }
        }
        return new ReferenceCatalog(tables, explicit, options, recordings);
    }

    private static ReferenceTable readQuietly(Path f) {
        try {
            return ReferenceTable.read(f, display(f));
        } catch (GaitformException e) {
            return null; // a file in a reference folder that is not a table is simply not a reference
        }
    }

    private static List<Path> walk(Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), 4,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                            return !d.equals(dir) && d.getFileName().toString().startsWith(".")
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                            String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                            if (a.isRegularFile() && !n.startsWith(".") && !n.startsWith("readme")
                                    && !n.startsWith("licen") && EXTENSIONS.stream().anyMatch(n::endsWith)) {
                                out.add(f);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path f, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw GaitformException.badInput(display(dir), "", "a readable reference folder", e.getMessage());
        }
        out.sort(null);
        return out;
    }

    /**
     * True when a file found while searching input folders is only a reference, not a recording: every reference
     * file except a force table with an explicitly vertical column beside other signals (a sacral IMU trial that
     * carries its own GRF column is both).
     */
    public boolean isReferenceOnly(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        for (ReferenceTable t : tables) {
            if (t.path().toAbsolutePath().normalize().equals(abs)) {
                return !(t.kind() == ReferenceTable.Kind.FORCE && ForceTableReader.hasExplicitVerticalForce(t.columns()));
            }
        }
        return files().contains(abs);
    }

    /** Every reference file (absolute, normalised), so that a batch does not take them for recordings. */
    public Set<Path> files() {
        Set<Path> out = new LinkedHashSet<>();
        for (ReferenceTable t : tables) {
            out.add(t.path().toAbsolutePath().normalize());
            if (t.kind() == ReferenceTable.Kind.INDEX) {
                String col = ReferenceColumns.first(t.columns(), ReferenceColumns.REFERENCE);
                for (Map<String, String> r : t.rows()) {
                    String ref = r.getOrDefault(col, "");
                    if (!ref.isBlank()) {
                        out.add(t.path().toAbsolutePath().getParent().resolve(ref).normalize());
                    }
                }
            }
        }
        return out;
    }

    /**
     * The reference of one recording.
     *
     * @param recording the recording's path
     * @param display   its name in messages
     * @param span      the time it covers
     * @param metadata  its metadata columns (normalised keys), for {@code reference_rate_hz}, {@code body_mass_kg},
     *                  {@code force_threshold}
     * @throws GaitformException naming the recording or the reference file and what was expected
     */
    public Reference resolve(Path recording, String display, RecordingSpan span, Map<String, String> metadata) {
        // 1. rows naming the recording in a table with a file column
        List<ReferenceTable> named = new ArrayList<>();
        for (ReferenceTable t : tables) {
            if (t.fileColumn() != null && t.kind() != ReferenceTable.Kind.FORCE && !t.rowsFor(recording).isEmpty()) {
                named.add(t);
            }
        }
        named = byKind(named);
        if (named.size() > 1) {
            throw ambiguous(display, named);
        }
        if (named.size() == 1) {
            ReferenceTable t = named.get(0);
            if (t.kind() == ReferenceTable.Kind.INDEX) {
                return fromIndex(t, recording, display, span, metadata);
            }
            return checked(build(t, recording, span, metadata, Map.of()), display, span);
        }
        // 2. a file named like the recording
        String key = key(recording);
        Path self = recording.toAbsolutePath().normalize();
        List<ReferenceTable> stemmed = new ArrayList<>();
        ReferenceTable selfTable = null;
        for (ReferenceTable t : tables) {
            if (t.kind() == ReferenceTable.Kind.INDEX || t.fileColumn() != null && t.kind() != ReferenceTable.Kind.FORCE) {
                continue;
            }
            if (t.path().toAbsolutePath().normalize().equals(self)) {
                if (t.kind() == ReferenceTable.Kind.FORCE && ForceTableReader.hasExplicitVerticalForce(t.columns())) {
                    selfTable = t;
                }
                continue;
            }
            if (stemMatches(ReferenceTable.stem(t.path().getFileName().toString()), key)) {
                stemmed.add(t);
            }
        }
        stemmed = byKind(stemmed);
        if (stemmed.size() > 1) {
            throw ambiguous(display, stemmed);
        }
        if (stemmed.isEmpty() && selfTable != null && byKind(List.of(selfTable)).size() == 1) {
            stemmed = List.of(selfTable);
        }
        if (stemmed.size() == 1) {
            return checked(build(stemmed.get(0), recording, span, metadata, Map.of()), display, span);
        }
        // 3. one recording, one file
        if (recordings == 1 && explicitFiles.size() == 1) {
            ReferenceTable only = tables.stream().filter(t -> t.path().equals(explicitFiles.get(0))).findFirst()
                    .orElseThrow();
            if (only.fileColumn() == null || only.kind() == ReferenceTable.Kind.FORCE) {
                Reference r = build(only, recording, span, metadata, Map.of());
                List<Decision> d = new ArrayList<>(r.decisions());
                d.add(new Decision("reference_pairing", only.source(), "the only recording and the only reference "
                        + "file given"));
                return checked(new Reference(r.source(), r.kind(), r.description(), r.contacts(), r.toeOffs(),
                        r.cadenceSpm(), r.contactMs(), d), display, span);
            }
        }
        throw noReference(recording, display, key);
    }

    private GaitformException noReference(Path recording, String display, String key) {
        List<String> withFile = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (ReferenceTable t : tables) {
            if (t.fileColumn() != null && t.kind() != ReferenceTable.Kind.FORCE) {
                List<String> names = new ArrayList<>(t.namedRecordings());
                withFile.add(t.source() + " (names " + (names.size() > 3 ? String.join(", ", names.subList(0, 3))
                        + ", … " + names.size() + " in all" : String.join(", ", names)) + ")");
            } else if (!t.path().toAbsolutePath().normalize().equals(recording.toAbsolutePath().normalize())) {
                others.add(t.source());
            }
        }
        String found = (withFile.isEmpty() && others.isEmpty()) ? "no reference file at all"
                : (others.isEmpty() ? "" : "only " + abbreviate(others)) + (withFile.isEmpty() ? ""
                : (others.isEmpty() ? "" : " and ") + "tables whose 'file' column does not name it: "
                + abbreviate(withFile));
        return new GaitformException(GaitformException.Kind.BAD_INPUT, display + ": no reference found: expected a "
                + "file whose name starts with '" + key + "' (" + key + "_events.csv, " + key + "forces.txt, " + key
                + ".truth.csv, …) or a row naming " + recording.getFileName() + " in the 'file' column of a reference "
                + "table; found " + found);
    }

    private List<ReferenceTable> byKind(List<ReferenceTable> found) {
        if (options.kind().isEmpty() || found.size() <= 1 && found.stream().allMatch(t -> t.kind()
                == ReferenceTable.Kind.INDEX)) {
            return found;
        }
        ReferenceTable.Kind want = switch (options.kind().get()) {
            case EVENTS -> ReferenceTable.Kind.EVENTS;
            case FORCE -> ReferenceTable.Kind.FORCE;
            case SESSION_VALUES -> ReferenceTable.Kind.SESSION_VALUES;
        };
        return found.stream().filter(t -> t.kind() == want || t.kind() == ReferenceTable.Kind.INDEX).toList();
    }

    private static GaitformException ambiguous(String display, List<ReferenceTable> found) {
        return new GaitformException(GaitformException.Kind.BAD_INPUT, display + ": several references fit: "
                + found.stream().map(t -> t.source() + " (" + kindLabel(t.kind()) + ")").toList()
                + "; expected one: name the file with --reference, or choose with --reference-kind events|force|"
                + "session-values");
    }

    private static String kindLabel(ReferenceTable.Kind k) {
        return switch (k) {
            case EVENTS -> "events";
            case FORCE -> "force";
            case SESSION_VALUES -> "session-values";
            case INDEX -> "index";
            case UNKNOWN -> "unknown";
        };
    }

    private Reference fromIndex(ReferenceTable index, Path recording, String display, RecordingSpan span,
                                Map<String, String> metadata) {
        List<Map<String, String>> rows = index.rowsFor(recording);
        if (rows.size() > 1) {
            throw GaitformException.badInput(index.source(), "lines " + rows.get(0).get(ReferenceTable.LINE) + " and "
                    + rows.get(1).get(ReferenceTable.LINE), "one row for " + display, rows.size() + " rows");
        }
        Map<String, String> row = rows.get(0);
        String col = ReferenceColumns.first(index.columns(), ReferenceColumns.REFERENCE);
        String ref = row.getOrDefault(col, "").trim();
        if (ref.isEmpty()) {
            throw GaitformException.badInput(index.source(), "line " + row.get(ReferenceTable.LINE) + ", column '" + col
                    + "'", "the reference file of " + display, "an empty cell");
        }
        Path file = index.path().toAbsolutePath().getParent().resolve(ref).normalize();
        if (!Files.isRegularFile(file)) {
            throw GaitformException.badInput(index.source(), "line " + row.get(ReferenceTable.LINE) + ", column '" + col
                    + "'", "an existing reference file for " + display, "'" + ref + "': nothing at " + file);
        }
        ReferenceTable t = ReferenceTable.read(file, display(file));
        if (t.kind() == ReferenceTable.Kind.UNKNOWN || t.kind() == ReferenceTable.Kind.INDEX) {
            throw GaitformException.badInput(t.source(), "header", "a reference (events, session values or a force)",
                    "the columns " + abbreviate(t.columns()));
        }
        return checked(build(t, recording, span, metadata, row), display, span);
    }

    /** Builds the reference of a recording from a table; {@code row} holds per-recording settings of an index. */
    private Reference build(ReferenceTable t, Path recording, RecordingSpan span, Map<String, String> metadata,
                            Map<String, String> row) {
        return switch (t.kind()) {
            case EVENTS -> events(t, recording, span, metadata, row);
            case SESSION_VALUES -> sessionValues(t, recording);
            case FORCE -> force(t, metadata, row);
            default -> throw GaitformException.badInput(t.source(), "header", "a reference", "the columns "
                    + abbreviate(t.columns()));
        };
    }

    private Reference force(ReferenceTable t, Map<String, String> metadata, Map<String, String> row) {
        ForceReadOptions fo = options.force();
        Optional<Double> rate = options.rateHz().or(() -> number(row, metadata, REFERENCE_RATE));
        if (rate.isPresent() && fo.rateHz().isEmpty()) {
            fo = fo.withRateHz(rate.get());
        }
        ForceRecording f = ForceReaders.read(t.path(), t.source(), fo);
        ForceThreshold th = options.threshold().orElse(null);
        if (th == null) {
            String text = text(row, metadata, ReferenceColumns.THRESHOLD);
            if (text != null) {
                try {
                    th = ForceThreshold.parse(text);
                } catch (IllegalArgumentException e) {
                    throw GaitformException.badInput(t.source(), "force_threshold", "a force threshold such as 50N or "
                            + "0.05bw", "'" + text + "'");
                }
            }
        }
        OptionalDouble mass = options.bodyMassKg();
        if (mass.isEmpty()) {
            Optional<Double> m = number(row, metadata, ReferenceColumns.BODY_MASS);
            mass = m.isPresent() ? OptionalDouble.of(m.get()) : OptionalDouble.empty();
        }
        return ForceReferences.contacts(f, th, options.contacts(), mass);
    }

    private Reference sessionValues(ReferenceTable t, Path recording) {
        List<Map<String, String>> rows = t.rowsFor(recording);
        if (rows.size() != 1) {
            throw GaitformException.badInput(t.source(), t.fileColumn() == null ? "" : "column '" + t.fileColumn() + "'",
                    "one row of session values for " + recording.getFileName(), rows.size() + " rows");
        }
        Map<String, String> r = rows.get(0);
        List<Decision> d = new ArrayList<>();
        OptionalDouble cadence = OptionalDouble.empty();
        String c = ReferenceColumns.first(t.columns(), ReferenceColumns.CADENCE_SPM);
        if (c != null) {
            cadence = optional(cell(t, r, c, 20, 400, "a cadence in steps/min"));
        } else if ((c = ReferenceColumns.first(t.columns(), ReferenceColumns.CADENCE_STRIDES)) != null) {
            OptionalDouble s = optional(cell(t, r, c, 10, 200, "a cadence in strides/min"));
            cadence = s.isPresent() ? OptionalDouble.of(2 * s.getAsDouble()) : s;
            d.add(new Decision("reference_cadence", "×2", "column '" + c + "' counts strides (one foot); steps are "
                    + "twice as many"));
        }
        OptionalDouble contact = OptionalDouble.empty();
        String g = ReferenceColumns.first(t.columns(), ReferenceColumns.CONTACT_MS);
        if (g != null) {
            contact = optional(cell(t, r, g, 50, 2000, "a contact time in ms"));
        }
        return Reference.ofSessionValues(t.source() + (t.fileColumn() == null ? "" : " line "
                        + r.get(ReferenceTable.LINE)), "reference session values from " + t.source() + " ("
                        + (c == null ? "" : "'" + c + "'") + (c != null && g != null ? ", " : "") + (g == null ? ""
                        : "'" + g + "'") + ")", cadence, contact, d);
    }

    private static OptionalDouble optional(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private Reference events(ReferenceTable t, Path recording, RecordingSpan span, Map<String, String> metadata,
                             Map<String, String> indexRow) {
        List<Map<String, String>> rows = t.rowsFor(recording);
        List<Decision> d = new ArrayList<>();
        Column ic = column(t, true);
        Column to = column(t, false);
        String sideCol = ReferenceColumns.first(t.columns(), ReferenceColumns.SIDE);
        double[] icv = new double[rows.size()];
        double[] tov = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            icv[i] = cell(t, rows.get(i), ic.name(), -1e9, 1e12, "a number");
            tov[i] = to == null ? Double.NaN : cell(t, rows.get(i), to.name(), -1e9, 1e12, "a number");
        }
        ic = resolveUnit(ic, icv);
        if (to != null) {
            to = resolveUnit(to, tov);
        }
        double rate = Double.NaN;
        if (ic.unit().equals("sample") || (to != null && to.unit().equals("sample"))) {
            String rateCol = ReferenceColumns.first(t.columns(), ReferenceColumns.RATE);
            Optional<Double> r = options.rateHz().or(() -> number(indexRow, metadata, REFERENCE_RATE));
            if (r.isEmpty() && rateCol != null && !rows.isEmpty()) {
                double v = cell(t, rows.get(0), rateCol, 1e-3, 1e6, "a sampling rate in Hz");
                r = Double.isNaN(v) ? Optional.empty() : Optional.of(v);
            }
            if (r.isPresent()) {
                rate = r.get();
                d.add(new Decision("reference_rate_hz", fmt(rate), "given for the sample indices of " + t.source()));
            } else {
                rate = span.samplingRateHz();
                d.add(new Decision("reference_rate_hz", fmt(rate), "sample indices without a rate are taken as samples "
                        + "of the recording itself (" + fmt(rate) + " Hz); give --reference-rate otherwise"));
            }
        }
        List<ReferenceContact> contacts = new ArrayList<>();
        List<ReferenceEvent> ics = new ArrayList<>();
        List<ReferenceEvent> tos = new ArrayList<>();
        boolean pairedRows = to != null;
        for (int i = 0; i < rows.size(); i++) {
            Side side = side(t, rows.get(i), sideCol);
            double a = seconds(icv[i], ic, rate);
            double b = to == null ? Double.NaN : seconds(tov[i], to, rate);
            if (Double.isNaN(a)) {
                if (!Double.isNaN(b)) {
                    tos.add(new ReferenceEvent(b, side));
                }
                continue;
            }
            ics.add(new ReferenceEvent(a, side));
            if (!Double.isNaN(b)) {
                tos.add(new ReferenceEvent(b, side));
                if (!(b > a && b - a < Reference.MAX_CONTACT_S)) {
                    pairedRows = false;
                }
            }
            contacts.add(new ReferenceContact(a, !Double.isNaN(b) && b > a ? b : Double.NaN, side));
        }
        String where = t.source() + (t.fileColumn() == null ? "" : " (" + rows.size() + " rows for "
                + recording.getFileName() + ")");
        String desc = "reference events from " + where + ": initial contact '" + ic.name() + "' (" + ic.unit() + ")"
                + (to == null ? ", no toe-off" : ", toe-off '" + to.name() + "' (" + to.unit() + ")")
                + (sideCol == null ? ", no foot" : ", foot '" + sideCol + "'")
                + (Double.isNaN(rate) ? "" : ", " + fmt(rate) + " Hz");
        if (pairedRows || to == null) {
            return Reference.ofContacts(where, ReferenceKind.EVENTS, desc, contacts, d);
        }
        d.add(new Decision("reference_pairing", "by foot", "a row's toe-off does not follow its initial contact (stride "
                + "rows): each initial contact takes the next toe-off of its foot"));
        return Reference.ofEvents(where, ReferenceKind.EVENTS, desc, ics, tos, d);
    }

    /** A time column and its unit: {@code s}, {@code ms}, {@code sample}, or {@code bare} until the values tell. */
    private record Column(String name, String unit) {
    }

    private static Column column(ReferenceTable t, boolean ic) {
        List<String> cols = t.columns();
        String c;
        if ((c = ReferenceColumns.first(cols, ic ? ReferenceColumns.IC_S : ReferenceColumns.TO_S)) != null) {
            return new Column(c, "s");
        }
        if ((c = ReferenceColumns.first(cols, ic ? ReferenceColumns.IC_MS : ReferenceColumns.TO_MS)) != null) {
            return new Column(c, "ms");
        }
        if ((c = ReferenceColumns.first(cols, ic ? ReferenceColumns.IC_SAMPLE : ReferenceColumns.TO_SAMPLE)) != null) {
            return new Column(c, "sample");
        }
        if ((c = ReferenceColumns.first(cols, ic ? ReferenceColumns.IC_BARE : ReferenceColumns.TO_BARE)) != null) {
            return new Column(c, "bare");
        }
        if (ic) {
            throw GaitformException.badInput(t.source(), "header", "an initial-contact column (ic_s, ic_ms, ic_sample, "
                    + "ic)", "the columns " + abbreviate(cols));
        }
        return null;
    }

    /** A column named without a unit holds sample indices when every value is a whole number, else seconds. */
    private static Column resolveUnit(Column c, double[] v) {
        if (!c.unit().equals("bare")) {
            return c;
        }
        boolean whole = true;
        for (double x : v) {
            if (!Double.isNaN(x) && x != Math.rint(x)) {
                whole = false;
            }
        }
        return new Column(c.name(), whole ? "sample" : "s");
    }

    private static double seconds(double v, Column c, double rate) {
        return switch (c.unit()) {
            case "ms" -> v / 1000.0;
            case "sample" -> v / rate;
            default -> v;
        };
    }

    private static Side side(ReferenceTable t, Map<String, String> r, String col) {
        if (col == null) {
            return Side.UNKNOWN;
        }
        String v = r.getOrDefault(col, "").trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "l", "left", "lt", "links", "gauche", "izquierdo" -> Side.LEFT;
            case "r", "right", "rt", "rechts", "droit", "derecho" -> Side.RIGHT;
            case "", "unknown", "u", "na", "n/a", "?", "-" -> Side.UNKNOWN;
            default -> throw GaitformException.badInput(t.source(), "line " + r.get(ReferenceTable.LINE) + ", column '"
                    + col + "'", "left, right, L, R or empty", "'" + v + "'");
        };
    }

    /** A number cell: {@code NaN} when empty; an error when it is not a number within [min, max]. */
    private static double cell(ReferenceTable t, Map<String, String> r, String col, double min, double max,
                               String expected) {
        String s = r.getOrDefault(col, "").trim();
        if (s.isEmpty() || s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("na")) {
            return Double.NaN;
        }
        double v = Numbers.parse(s, false);
        if (Double.isNaN(v) || v < min || v > max) {
            throw GaitformException.badInput(t.source(), "line " + r.get(ReferenceTable.LINE) + ", column '" + col + "'",
                    expected, "'" + s + "'");
        }
        return v;
    }

    private static Optional<Double> number(Map<String, String> row, Map<String, String> metadata, List<String> keys) {
        String s = text(row, metadata, keys);
        if (s == null) {
            return Optional.empty();
        }
        double v = Numbers.parse(s, false);
        return Double.isFinite(v) && v > 0 ? Optional.of(v) : Optional.empty();
    }

    private static String text(Map<String, String> row, Map<String, String> metadata, List<String> keys) {
        for (Map<String, String> m : List.of(row, metadata)) {
            for (String k : keys) {
                String s = m.get(k);
                if (s != null && !s.isBlank()) {
                    return s.trim();
                }
            }
        }
        return null;
    }

    /** Checks the reference against the recording's time and leaves out a few events beyond it. */
    static Reference checked(Reference r, String display, RecordingSpan span) {
        double[] s = r.spanS();
        if (s == null) {
            if (!r.cadenceSpm().isPresent() && !r.contactMs().isPresent()) {
                throw GaitformException.badInput(r.source(), "", "reference events or session values for " + display,
                        "none (no rows, or no contact above the force threshold)");
            }
            return r;
        }
        double margin = 0.05;
        double lo = span.startS() - margin;
        double hi = span.endS() + margin;
        List<Double> all = new ArrayList<>();
        r.contacts().forEach(c -> all.add(c.icS()));
        r.toeOffs().forEach(e -> all.add(e.timeS()));
        long outside = all.stream().filter(t -> t < lo || t > hi).count();
        String rec = String.format(Locale.ROOT, "%.2f–%.2f s", span.startS(), span.endS());
        String ref = String.format(Locale.ROOT, "%.2f–%.2f s", s[0], s[1]);
        if (outside == all.size()) {
            throw GaitformException.badInput(r.source(), "", "events within the time of " + display + " (" + rec + ")",
                    "events at " + ref + ", none of them inside (the reference of another recording, or on another "
                            + "clock?)");
        }
        if (outside > MAX_OUTSIDE_SHARE * all.size()) {
            throw GaitformException.badInput(r.source(), "", "events within the time of " + display + " (" + rec + ", "
                    + fmt(span.samplingRateHz()) + " Hz)", String.format(Locale.ROOT, "%d of %d events outside it "
                    + "(reference %s): a different sampling rate or clock? give the reference's rate with "
                    + "--reference-rate HZ", outside, all.size(), ref));
        }
        if (outside > 0) {
            Reference in = r.within(lo, hi);
            List<Decision> d = new ArrayList<>(in.decisions());
            d.add(new Decision("reference_outside", String.valueOf(outside), "reference events outside the "
                    + "recording's time (" + rec + ") are left out"));
            return new Reference(in.source(), in.kind(), in.description(), in.contacts(), in.toeOffs(), in.cadenceSpm(),
                    in.contactMs(), d);
        }
        return r;
    }

    /** The recording's stem without a trailing role word ({@code markers}, {@code imu}, …). */
    static String key(Path recording) {
        String stem = ReferenceTable.stem(recording.getFileName().toString());
        String k = RECORDING_ROLE.matcher(stem).replaceFirst("");
        return k.isEmpty() ? stem : k;
    }

    /** True when a file stem names a reference of the recording with this key. */
    static boolean stemMatches(String stem, String key) {
        String s = stem.toLowerCase(Locale.ROOT);
        String k = key.toLowerCase(Locale.ROOT);
        if (s.equals(k)) {
            return true;
        }
        if (!s.startsWith(k)) {
            return false;
        }
        String rest = s.substring(k.length());
        if (!Character.isLetterOrDigit(rest.charAt(0))) {
            return true;
        }
        return ROLE_WORDS.stream().anyMatch(rest::startsWith);
    }

    private static String display(Path p) {
        return p.normalize().toString().replace('\\', '/');
    }

    private static String abbreviate(List<String> l) {
        return l.size() <= 8 ? l.toString() : l.subList(0, 8) + " … (" + l.size() + ")";
    }

    static String fmt(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-6 && Math.abs(v) < 1e9) {
            return String.valueOf((long) Math.rint(v));
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
