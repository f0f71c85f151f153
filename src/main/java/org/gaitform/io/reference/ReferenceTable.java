package org.gaitform.io.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.gaitform.io.force.ForceTableReader;
import org.gaitform.io.text.Fields;
import org.gaitform.io.text.GuardedLineReader;
import org.gaitform.io.text.LayoutSniffer;
import org.gaitform.io.text.TextDecoding;
import org.gaitform.model.GaitformException;

/**
 * A reference file as {@code gaitform validate} sees it: what kind it is (from its extension and header) and, for
 * tables, its rows keyed by normalised column names (lower case, runs of other characters as {@code _}).
 *
 * @param path        where it is
 * @param source      its name in messages
 * @param kind        events, session values, index, force or unknown
 * @param columns     normalised column names (empty for C3D and OpenSim files)
 * @param rows        the data rows of events, session-value and index tables (empty for the others)
 * @param fileColumn  the column naming each row's recording, or {@code null}
 */
public record ReferenceTable(Path path, String source, Kind kind, List<String> columns,
                             List<Map<String, String>> rows, String fileColumn) {
    /** Largest table read whole (rows). */
    static final int MAX_ROWS = 2_000_000;

    /** What a reference file holds. */
    public enum Kind {
        /** Reference events: initial contacts, toe-offs, feet. */
        EVENTS,
        /** Reference session values: cadence, mean contact time. */
        SESSION_VALUES,
        /** An index: a {@code file} column and a {@code reference} column naming each recording's reference. */
        INDEX,
        /** A force recording (vertical ground-reaction force). */
        FORCE,
        /** Nothing a reference is made of. */
        UNKNOWN
    }

    /** Column names of the recording a row belongs to, in order of preference. */
    public static final List<String> FILE_COLUMNS = List.of("file", "filename", "file_name", "recording", "input",
            "session", "trial_file");

    public ReferenceTable {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Reads a reference file: the header always, the rows of small tables. */
    public static ReferenceTable read(Path path, String source) {
        String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".c3d")) {
                return new ReferenceTable(path, source, Kind.FORCE, List.of(), List.of(), null);
            }
            if (lower.endsWith(".mot") || lower.endsWith(".sto")) {
                List<String> h = ForceTableReader.headers(path, source);
                return new ReferenceTable(path, source, ForceTableReader.hasForceColumns(h) ? Kind.FORCE : Kind.UNKNOWN,
                        h.stream().map(ReferenceTable::normalise).toList(), List.of(), null);
            }
            TextDecoding decoding = TextDecoding.detect(path);
            Header head = header(path, source, decoding);
            if (head == null) {
                throw GaitformException.badInput(source, "", "a header row and rows", "an empty file");
            }
            List<String> header = head.names();
            char sep = head.separator();
            long headerLine = head.line();
            List<String> cols = header.stream().map(ReferenceTable::normalise).toList();
            Kind kind = ReferenceColumns.kind(cols);
            if (kind == Kind.UNKNOWN) {
                List<String> names = header;
                if (!ForceTableReader.hasForceColumns(names)) {
                    try {
                        names = LayoutSniffer.sniff(path, source).columnNames(); // a header below a preamble
                    } catch (GaitformException e) {
                        names = List.of();
                    }
                }
                if (ForceTableReader.hasForceColumns(names)) {
                    return new ReferenceTable(path, source, Kind.FORCE, names.stream().map(ReferenceTable::normalise)
                            .toList(), List.of(), null);
                }
                return new ReferenceTable(path, source, Kind.UNKNOWN, cols, List.of(), null);
            }
            String fileCol = FILE_COLUMNS.stream().filter(cols::contains).findFirst().orElse(null);
            List<Map<String, String>> rows = new ArrayList<>();
            try (GuardedLineReader r = new GuardedLineReader(decoding.open(path), source)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (r.lineNumber() <= headerLine || line.isBlank()) {
                        continue;
                    }
                    if (rows.size() >= MAX_ROWS) {
                        throw GaitformException.badInput(source, "line " + r.lineNumber(), "at most " + MAX_ROWS
                                + " reference rows", "more");
                    }
                    List<String> f = split(line, sep);
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int c = 0; c < cols.size(); c++) {
                        row.put(cols.get(c), c < f.size() ? f.get(c).trim() : "");
                    }
                    row.put(LINE, String.valueOf(r.lineNumber()));
                    rows.add(row);
                }
            }
            return new ReferenceTable(path, source, kind, cols, rows, fileCol);
        } catch (IOException e) {
            throw GaitformException.badInput(source, "", "a readable reference file", "a read error ("
                    + e.getMessage() + ")");
        }
    }

    /** A table's header: its first non-blank line, split at its separator. */
    private record Header(List<String> names, char separator, long line) {
    }

    private static Header header(Path path, String source, TextDecoding decoding) throws IOException {
        try (GuardedLineReader r = new GuardedLineReader(decoding.open(path), source)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    char sep = separator(line);
                    return new Header(split(line, sep), sep, r.lineNumber());
                }
            }
        }
        return null;
    }

    /** What a text table beside recordings holds when it is a reference rather than a recording. */
    public enum Companion {
        /**
         * Reference gait events: the header names both an initial contact and a toe-off column (as
         * {@code gaitform validate} reads them).
         */
        EVENTS,
        /**
         * Reference session values or an index of references: a column naming a recording in each row
         * ({@link #FILE_COLUMNS}) with its session cadence or contact time, or its reference file.
         */
        VALUES,
        /** A force-plate recording: a name that says force or GRF, and force columns. */
        FORCE,
        /**
         * Reference stride borders: a start and an end column, with a stride or foot column beside them (gaitmap's
         * {@code stride_borders}); strides segmented by a lab, not gait events.
         */
        STRIDES,
        /**
         * Mean curves over the gait cycle, a processed result: the first column is the per cent of the cycle (its name
         * says cycle, or per cent, or {@code gc}) and runs from 0 (or 1) to 100 in increasing steps (Visual3D's
         * {@code *processed.txt} in Fukuchi's set: 101 rows, {@code PercGcycle} 0–100).
         */
        CURVES,
        /**
         * A description of the subjects or recordings of a dataset: a subject or file column and at least two of age,
         * height, mass (or weight) and sex (or gender) ({@code RBDSinfo.txt} in Fukuchi's set, a BIDS
         * {@code participants.tsv}).
         */
        SUBJECTS
    }

    /** Columns that name a subject in a table describing subjects. */
    private static final List<String> SUBJECT_COLUMNS = List.of("subject", "subject_id", "participant",
            "participant_id", "id");

    /** Columns that describe a subject; two of them make a table a description of subjects. */
    private static final List<List<String>> SUBJECT_TRAITS = List.of(List.of("age", "age_years", "age_y"),
            List.of("height", "height_cm", "height_m", "stature", "body_height"),
            List.of("mass", "mass_kg", "weight", "weight_kg", "body_mass", "body_weight"),
            List.of("sex", "gender"));

    /** The longest table looked at whole to tell a table of mean curves (rows). */
    private static final int MAX_CURVE_ROWS = 1_001;

    /**
     * What a text table is when it is one of the references that sit beside recordings in a dataset folder
     * ({@link Companion}), judged from its name and its first line; empty when its header names a sensor signal (an
     * acceleration, an angular rate, a magnetic field, a quaternion, a coordinate), when it is none of them, or when it
     * cannot be read.
     */
    public static Optional<Companion> companion(Path path, String source) {
        try {
            Header head = header(path, source, TextDecoding.detect(path));
            if (head == null) {
                return Optional.empty();
            }
            List<String> cols = head.names().stream().map(ReferenceTable::normalise).toList();
            if (cols.stream().anyMatch(c -> c.matches(".*(acc|gyr|mag|quat).*|.*_[xyz]|[xyz]"))) {
                return Optional.empty();
            }
            Kind kind = ReferenceColumns.kind(cols);
            if (kind == Kind.EVENTS && Stream.of(ReferenceColumns.TO_S, ReferenceColumns.TO_MS,
                    ReferenceColumns.TO_SAMPLE, ReferenceColumns.TO_BARE).anyMatch(to -> ReferenceColumns.hasAny(cols, to))) {
                return Optional.of(Companion.EVENTS);
            }
            if ((kind == Kind.SESSION_VALUES || kind == Kind.INDEX) && FILE_COLUMNS.stream().anyMatch(cols::contains)) {
                return Optional.of(Companion.VALUES);
            }
            String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
            if ((lower.contains("force") || lower.contains("grf")) && ForceTableReader.hasForceColumns(head.names())) {
                return Optional.of(Companion.FORCE);
            }
            if (ReferenceColumns.hasAny(cols, List.of("start", "start_sample", "start_s"))
                    && ReferenceColumns.hasAny(cols, List.of("end", "end_sample", "end_s"))
                    && ReferenceColumns.hasAny(cols, List.of("s_id", "stride", "stride_id", "foot", "side"))) {
                return Optional.of(Companion.STRIDES);
            }
            if (SUBJECT_TRAITS.stream().filter(t -> ReferenceColumns.hasAny(cols, t)).count() >= 2
                    && (ReferenceColumns.hasAny(cols, SUBJECT_COLUMNS) || ReferenceColumns.hasAny(cols, FILE_COLUMNS))) {
                return Optional.of(Companion.SUBJECTS);
            }
            if (cols.get(0).matches(".*cycle.*|(perc|pct|percent).*|(.*_)?p?gc(_.*)?") && percentColumn(path, source, head)) {
                return Optional.of(Companion.CURVES);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * True when the table's first column, below its header, runs from 0 or 1 to 100 in increasing steps, with at most
     * {@link #MAX_CURVE_ROWS} rows.
     */
    private static boolean percentColumn(Path path, String source, Header head) throws IOException {
        List<Double> values = new ArrayList<>();
        try (GuardedLineReader r = new GuardedLineReader(TextDecoding.detect(path).open(path), source)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (r.lineNumber() <= head.line() || line.isBlank()) {
                    continue;
                }
                if (values.size() == MAX_CURVE_ROWS) {
                    return false;
                }
                List<String> cells = split(line, head.separator());
                try {
                    double v = Double.parseDouble(cells.get(0).trim());
                    if (!values.isEmpty() && !(v > values.get(values.size() - 1))) {
                        return false;
                    }
                    values.add(v);
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return values.size() >= 11 && (values.get(0) == 0 || values.get(0) == 1)
                && values.get(values.size() - 1) == 100;
    }

    /** The separator of a header line: the most frequent of tab, semicolon, comma; else runs of white space. */
    static char separator(String header) {
        char best = ' ';
        long most = 0;
        for (char c : new char[] {'\t', ';', ','}) {
            long n = header.chars().filter(x -> x == c).count();
            if (n > most) {
                most = n;
                best = c;
            }
        }
        return best;
    }

    private static List<String> split(String line, char sep) {
        if (sep == ' ') {
            String t = line.trim();
            return t.isEmpty() ? List.of("") : List.of(t.split("\\s+"));
        }
        return List.of(Fields.split(line, sep));
    }

    /** Key of the line number in every row. */
    public static final String LINE = "__line";

    /** Lower case, runs of other characters as one underscore, none at either end. */
    public static String normalise(String h) {
        return h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    /** The recordings the file column names, in order. */
    public Set<String> namedRecordings() {
        Set<String> out = new LinkedHashSet<>();
        if (fileColumn != null) {
            for (Map<String, String> r : rows) {
                out.add(r.getOrDefault(fileColumn, ""));
            }
        }
        return out;
    }

    /** The rows whose file column names the recording (by name, stem, path or path ending). */
    public List<Map<String, String>> rowsFor(Path recording) {
        if (fileColumn == null) {
            return rows;
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            if (names(r.getOrDefault(fileColumn, ""), recording)) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * True when {@code named} (a cell of a file column) names {@code recording}: its file name, its stem, or a path
     * that the recording's path ends with (separators {@code /} or {@code \}).
     */
    public static boolean names(String named, Path recording) {
        String n = named.trim().replace('\\', '/');
        if (n.isEmpty() || recording.getFileName() == null) {
            return false;
        }
        String name = recording.getFileName().toString();
        if (n.equals(name) || n.equals(stem(name))) {
            return true;
        }
        Path rec = recording.toAbsolutePath().normalize();
        String full = rec.toString().replace('\\', '/');
        String nn = n.startsWith("./") ? n.substring(2) : n;
        try {
            Path np = Path.of(n).normalize();
            if (np.isAbsolute()) {
                String a = np.toString().replace('\\', '/');
                return a.equals(full) || a.equals(stem(full));
            }
            nn = np.toString().replace('\\', '/');
        } catch (java.nio.file.InvalidPathException e) {
            // not a path: compared as text
        }
        return nn.contains("/") && (full.endsWith("/" + nn) || full.endsWith("/" + nn + extension(name))
                || stem(full).endsWith("/" + nn));
    }

    /** The name without its last extension (and without {@code .gz} before it). */
    public static String stem(String name) {
        String n = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        int dot = n.lastIndexOf('.');
        int slash = n.lastIndexOf('/');
        return dot > slash + 1 ? n.substring(0, dot) : n;
    }

    private static String extension(String name) {
        return name.substring(stem(name).length());
    }
}
