package org.gaitform.io.pose;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gaitform.io.text.Fields;
import org.gaitform.io.text.GuardedLineReader;
import org.gaitform.io.text.TextDecoding;
import org.gaitform.io.json.JsonReader;
import org.gaitform.model.GaitformException;

/** Tells keypoint and marker tables apart from other delimited text (IMU exports) by their header. */
public final class PoseFiles {
    /** Lines searched for the header. */
    static final int HEADER_SEARCH_LINES = 60;
    private static final char[] SEPARATORS = {',', '\t', ';', '|'};

    /**
     * Where a keypoint table's header is.
     *
     * @param lineIndex 0-based index of the header line
     * @param separator the field separator
     * @param fields    the header cells
     * @param grouping  the header grouped into points
     */
    public record Header(int lineIndex, char separator, List<String> fields, KeypointColumns.Grouping grouping) {
    }

    private PoseFiles() {
    }

    /** True when the file's header names at least four points with x and y columns that are not IMU channels. */
    public static boolean isKeypointTable(Path file) {
        return isKeypointTable(headLines(file));
    }

    /** The same on the file's first lines ({@link #headLines}). */
    public static boolean isKeypointTable(List<String> headLines) {
        try {
            return header(headLines).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The first {@link #HEADER_SEARCH_LINES} lines of a text file, read once to tell what kind of table it is (up to a
     * line longer than any header; none when it cannot be read).
     */
    public static List<String> headLines(Path file) {
        try {
            return readHead(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<String> readHead(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (GuardedLineReader r = new GuardedLineReader(TextDecoding.detect(file).open(file), file.toString())) {
            String s;
            while (lines.size() < HEADER_SEARCH_LINES && (s = r.readLine()) != null) {
                lines.add(s);
            }
        } catch (GaitformException tooLong) {
            // a line longer than any header: search the lines before it
        }
        return lines;
    }

    /** The header of a keypoint table, searched in the first lines of the file. */
    public static Optional<Header> header(Path file) throws IOException {
        return header(readHead(file));
    }

    static Optional<Header> header(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            for (char sep : SEPARATORS) {
                if (l.indexOf(sep) < 0) {
                    continue;
                }
                List<String> f = Arrays.asList(Fields.split(l, sep));
                Optional<KeypointColumns.Grouping> g = KeypointColumns.keypointHeader(f);
                if (g.isPresent()) {
                    return Optional.of(new Header(i, sep, f, g.get()));
                }
                List<String> stacked = i > 0 ? stacked(Arrays.asList(Fields.split(lines.get(i - 1), sep)), f) : null;
                if (stacked != null) {
                    g = KeypointColumns.keypointHeader(stacked);
                    if (g.isPresent()) {
                        return Optional.of(new Header(i, sep, stacked, g.get()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Coordinate names of a header's lower row when the names of the points stand in the row above it. */
    private static final java.util.regex.Pattern COORDINATE = java.util.regex.Pattern.compile(
            "(?i)x|y|z|likelihood|confidence|conf|score|visibility|c|p");

    /**
     * A header of two rows, the points' names above their coordinates, made one: DeepLabCut's {@code bodyparts} and
     * {@code coords} rows ({@code nose,nose,nose} over {@code x,y,likelihood}; its {@code scorer} row above them is
     * not needed), or a motion-capture table's marker names over {@code x,y,z} (gaitmap's {@code mocap_sample.csv}).
     * Each cell becomes {@code <name>_<coordinate>}; the first column keeps the lower row's label (the frame index).
     * {@code null} unless the rows are as wide and every cell after the first is a coordinate under a name.
     */
    static List<String> stacked(List<String> names, List<String> coords) {
        if (names.size() != coords.size() || coords.size() < 3) {
            return null;
        }
        List<String> out = new ArrayList<>();
        out.add(coords.get(0));
        for (int j = 1; j < coords.size(); j++) {
            String c = KeypointColumns.clean(coords.get(j));
            String n = KeypointColumns.clean(names.get(j));
            if (!COORDINATE.matcher(c).matches() || n.isEmpty()) {
                return null;
            }
            out.add(n + "_" + c);
        }
        return out;
    }

    /**
     * The JSON document of a pose estimator's file: at most {@code limit} bytes ({@code what}, such as "an OpenPose
     * frame", says what a file must be, {@code tooBig} is added to the size found), UTF-8, valid JSON; every refusal
     * names the file as {@code where} ("file" for the input itself) and, for malformed JSON, the line and column.
     */
    static Object readJson(Path file, String source, String where, String what, long limit, String tooBig)
            throws IOException {
        long size = Files.size(file);
        if (size > limit) {
            throw GaitformException.badInput(source, where, what + " of at most " + (limit >> 20) + " MiB",
                    (size >> 20) + " MiB" + tooBig);
        }
        String text;
        try {
            text = JsonReader.utf8Text(Files.readAllBytes(file));
        } catch (CharacterCodingException e) {
            throw GaitformException.badInput(source, where, "UTF-8 JSON text", "bytes that are not UTF-8");
        }
        try {
            return JsonReader.parse(text);
        } catch (JsonReader.JsonException e) {
            throw GaitformException.badInput(source, (where.equals("file") ? "" : where + ", ") + e.where(),
                    "valid JSON", e.getMessage());
        }
    }
}
