package org.gaitform.io.meta;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gaitform.io.text.Numbers;
import org.gaitform.model.Printable;
import org.gaitform.model.SessionMetadata;

/**
 * Finds and reads the metadata of an input. A sidecar {@code <stem>.meta.csv} beside the input wins over
 * a {@code sessions.csv} row; {@code sessions.csv} is looked for in the input's folder and up to three
 * folders above it, and its row is matched by the {@code file} (or {@code session}) column against the
 * input's file name, its stem, or its path relative to the index. Unusable values become warnings naming
 * the file, row and column; they never fail the session.
 *
 * <p>A sidecar holds either {@code key,value} rows or a header row and one data row with the same columns as
 * {@code sessions.csv}.
 */
public final class MetadataReader {
    private static final java.util.Set<String> KEYS = java.util.Set.of("file", "input", "session", "recording",
            "filename", "session_id", "subject_id", "subject", "athlete", "patient", "runner", "participant",
            "height_cm", "height", "height_m", "speed_mps", "speed_ms", "speed", "speed_kmh", "speed_km_h", "treadmill",
            "on_treadmill", "surface", "shoes", "shoe", "shoe_model", "shoe_km", "shoe_mileage_km", "shoe_distance_km",
            "shoe_miles", "shoe_mileage", "shoe_mileage_miles", "pain_before", "pain_during", "pain_after",
            "pain_onset_min", "pain_start_min", "notes", "note", "comment", "comments", "date");

    /** Name of the folder index. */
    public static final String INDEX = "sessions.csv";

    /** Metadata for an input (or {@link SessionMetadata#NONE}). */
    public SessionMetadata find(Path input) {
        Path abs = input.toAbsolutePath().normalize();
        String name = abs.getFileName() == null ? "" : abs.getFileName().toString();
        String stem = stem(name);
        Path dir = abs.getParent();
        if (dir == null) {
            return SessionMetadata.NONE;
        }
        Path sidecar = dir.resolve(stem + ".meta.csv");
        if (Files.isRegularFile(sidecar)) {
            return readSidecar(sidecar);
        }
        Path d = dir;
        for (int up = 0; up < 4 && d != null; up++, d = d.getParent()) {
            Path index = d.resolve(INDEX);
            if (Files.isRegularFile(index)) {
                SessionMetadata m = readIndex(index, abs);
                if (m.isPresent() || !m.warnings().isEmpty()) {
                    return m;
                }
            }
        }
        return SessionMetadata.NONE;
    }

    SessionMetadata readSidecar(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get()
                    .parse(r).getRecords();
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> where = new LinkedHashMap<>();
            // key,value rows when every first cell is a known key; otherwise a header row and a data row
            // (three or more rows of two cells cannot be a header and one data row: key,value rows with own keys)
            boolean keyValue = !rows.isEmpty() && (rows.stream().allMatch(rec -> rec.size() >= 2
                    && (KEYS.contains(key(rec.get(0))) || key(rec.get(0)).equals("key")))
                    || rows.size() > 2 && rows.stream().allMatch(rec -> rec.size() == 2));
            if (keyValue) {
                for (CSVRecord rec : rows) {
                    if (rec.size() >= 2 && !key(rec.get(0)).equals("key")) {
                        values.put(key(rec.get(0)), rec.get(1));
                        where.put(key(rec.get(0)), "line " + rec.getRecordNumber());
                    }
                }
            } else if (rows.size() >= 2) {
                for (int c = 0; c < rows.get(0).size() && c < rows.get(1).size(); c++) {
                    values.put(key(rows.get(0).get(c)), rows.get(1).get(c));
                    where.put(key(rows.get(0).get(c)), "line 2, column '" + Printable.quoted(rows.get(0).get(c)) + "'");
                }
            }
            return parse(values, where, file.getFileName().toString(), file.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return new SessionMetadata(Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(),
                    Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), "",
                    List.of(file.getFileName() + ": could not read the metadata (" + Printable.quoted(String.valueOf(
                            e.getMessage())) + "); ignored"));
        }
    }

    /**
     * The row of a metadata table (any folder, for example {@code --metadata FILE}) that names {@code input} in its
     * {@code file} column: by file name, stem, path relative to the table, or a path the input's path ends with.
     * {@link SessionMetadata#NONE} when no row names it.
     */
    public SessionMetadata fromTable(Path table, Path input) {
        return readIndex(table.toAbsolutePath().normalize(), input.toAbsolutePath().normalize(), true);
    }

    SessionMetadata readIndex(Path index, Path input) {
        return readIndex(index, input, false);
    }

    private SessionMetadata readIndex(Path index, Path input, boolean pathSuffix) {
        String name = input.getFileName().toString();
        String rel = index.getParent().relativize(input).toString().replace('\\', '/');
        String path = input.toString().replace('\\', '/');
        String full = path.substring(0, path.length() - name.length()) + stem(name);
        try (Reader r = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                    .setTrim(true).setAllowMissingColumnNames(true).get().parse(r);
            String fileCol = null;
            for (String h : parser.getHeaderNames()) {
                String k = key(h);
                if (k.equals("file") || k.equals("input") || k.equals("session") || k.equals("recording")
                        || k.equals("filename") || k.equals("session_id")) {
                    fileCol = h;
                    break;
                }
            }
            if (fileCol == null) {
                return warningOnly(index.getFileName() + ": header: expected a 'file' column naming each recording, found "
                        + parser.getHeaderNames().stream().limit(20).map(Printable::quoted).toList() + "; ignored");
            }
            for (CSVRecord rec : parser) {
                String f = rec.isSet(fileCol) ? rec.get(fileCol).replace('\\', '/') : "";
                boolean suffix = pathSuffix && f.contains("/") && (path.endsWith("/" + f) || full.endsWith("/" + f));
                if (f.equals(name) || f.equals(stem(name)) || f.equals(rel) || f.equals(stem(rel)) || suffix) {
                    Map<String, String> values = new LinkedHashMap<>();
                    Map<String, String> where = new LinkedHashMap<>();
                    for (String h : parser.getHeaderNames()) {
                        if (rec.isSet(h)) {
                            values.put(key(h), rec.get(h));
                            where.put(key(h), "line " + (rec.getRecordNumber() + 1) + ", column '" + Printable.quoted(h) + "'");
                        }
                    }
                    return parse(values, where, index.getFileName().toString(), index + " line "
                            + (rec.getRecordNumber() + 1));
                }
            }
            return SessionMetadata.NONE;
        } catch (IOException | RuntimeException e) {
            return warningOnly(index.getFileName() + ": could not read the index (" + Printable.quoted(String.valueOf(
                    e.getMessage())) + "); ignored");
        }
    }

    private static SessionMetadata warningOnly(String w) {
        return new SessionMetadata(Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(),
                Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), "", List.of(w));
    }

    private static SessionMetadata parse(Map<String, String> v, Map<String, String> where, String file, String origin) {
        List<String> warnings = new ArrayList<>();
        Field f = new Field(v, where, file, warnings);
        Optional<String> subject = f.text("subject_id", "subject", "athlete", "patient", "runner", "participant");
        OptionalDouble height = f.number(50, 250, "a height in cm (50–250)", "height_cm", "height");
        if (height.isEmpty()) {
            OptionalDouble m = f.number(0.5, 2.5, "a height in m (0.5–2.5)", "height_m");
            height = m.isPresent() ? OptionalDouble.of(m.getAsDouble() * 100) : height;
        }
        OptionalDouble speed = f.number(0.3, 12, "a speed in m/s (0.3–12)", "speed_mps", "speed_ms", "speed");
        if (speed.isEmpty()) {
            OptionalDouble kmh = f.number(1, 45, "a speed in km/h (1–45)", "speed_kmh", "speed_km_h");
            speed = kmh.isPresent() ? OptionalDouble.of(kmh.getAsDouble() / 3.6) : speed;
        }
        Optional<Boolean> treadmill = f.bool("treadmill", "on_treadmill", "surface");
        Optional<String> shoes = f.text("shoes", "shoe", "shoe_model");
        OptionalDouble shoeKm = f.number(0, 10000, "a distance in km (0–10000)", "shoe_km", "shoe_mileage_km", "shoe_distance_km");
        if (shoeKm.isEmpty()) {
            OptionalDouble miles = f.number(0, 6000, "a distance in miles (0–6000)", "shoe_miles", "shoe_mileage",
                    "shoe_mileage_miles");
            shoeKm = miles.isPresent() ? OptionalDouble.of(miles.getAsDouble() * 1.609344) : shoeKm;
        }
        OptionalDouble before = f.number(0, 10, "a pain score from 0 to 10", "pain_before");
        OptionalDouble during = f.number(0, 10, "a pain score from 0 to 10", "pain_during");
        OptionalDouble after = f.number(0, 10, "a pain score from 0 to 10", "pain_after");
        OptionalDouble onset = f.number(0, 1000, "a minute of the run (0–1000)", "pain_onset_min", "pain_start_min");
        Optional<String> notes = f.text("notes", "note", "comment", "comments");
        Map<String, String> columns = new LinkedHashMap<>();
        v.forEach((k, val) -> {
            if (!k.isEmpty() && val != null && !val.isBlank()) {
                columns.put(k, val.trim());
            }
        });
        return new SessionMetadata(subject, height, speed, treadmill, shoes, shoeKm, before, during, after, onset, notes,
                origin, warnings, columns);
    }

    private record Field(Map<String, String> values, Map<String, String> where, String file, List<String> warnings) {
        Optional<String> text(String... keys) {
            for (String k : keys) {
                String s = values.get(k);
                if (s != null && !s.isBlank()) {
                    return Optional.of(s.trim());
                }
            }
            return Optional.empty();
        }

        OptionalDouble number(double min, double max, String expected, String... keys) {
            for (String k : keys) {
                String s = values.get(k);
                if (s == null || s.isBlank()) {
                    continue;
                }
                double v = Numbers.parse(s.trim(), false);
                if (Double.isNaN(v)) {
                    v = Numbers.parse(s.trim(), true);
                }
                if (Double.isNaN(v) || v < min || v > max) {
                    warnings.add(file + ": " + where.get(k) + ": expected " + expected + ", found '" + Printable.quoted(s)
                            + "'; ignored");
                    return OptionalDouble.empty();
                }
                return OptionalDouble.of(v);
            }
            return OptionalDouble.empty();
        }

        Optional<Boolean> bool(String... keys) {
            for (String k : keys) {
                String s = values.get(k);
                if (s == null || s.isBlank()) {
                    continue;
                }
                String t = s.trim().toLowerCase(Locale.ROOT);
                if (List.of("yes", "y", "true", "1", "treadmill").contains(t)) {
                    return Optional.of(true);
                }
                if (List.of("no", "n", "false", "0", "overground", "road", "track", "trail").contains(t)) {
                    return Optional.of(false);
                }
                warnings.add(file + ": " + where.get(k) + ": expected yes/no (or treadmill/overground), found '"
                        + Printable.quoted(s) + "'; ignored");
            }
            return Optional.empty();
        }
    }

    static String key(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
