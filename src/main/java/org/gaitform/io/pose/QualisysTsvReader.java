package org.gaitform.io.pose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gaitform.io.text.ColumnReader;
import org.gaitform.io.text.GuardedLineReader;
import org.gaitform.io.text.Numbers;
import org.gaitform.io.text.TextDecoding;
import org.gaitform.model.GaitformException;
import org.gaitform.model.PoseRecording;

/**
 * Reads a Qualisys Track Manager 3D export ({@code .tsv}): a block of header lines, each a key in capitals and its
 * values separated by tabs ({@code NO_OF_FRAMES}, {@code FREQUENCY}, {@code DATA_INCLUDED 3D}, {@code MARKER_NAMES
 * LHEE RHEE …}, {@code TRAJECTORY_TYPES …}, {@code EVENT …}), then one row per frame: either under a column header
 * ({@code Frame Time LHEE X LHEE Y LHEE Z …}, newer exports) or bare, X, Y and Z of each marker in
 * {@code MARKER_NAMES} order. Coordinates are in millimetres. A marker that is not seen in a frame is written as
 * {@code 0.000 0.000 0.000} (Qualisys's null data) or left empty; both are gaps. The time is the {@code Time} column
 * when there is one, else the frame's index over {@code FREQUENCY}.
 */
public final class QualisysTsvReader {

    /** True when the file's first non-blank line is the {@code NO_OF_FRAMES} line of a Qualisys export. */
    public static boolean isQualisysExport(Path file) {
        return isQualisysExport(PoseFiles.headLines(file));
    }

    /** The same on the file's first lines ({@link PoseFiles#headLines}). */
    public static boolean isQualisysExport(List<String> headLines) {
        return headLines.stream().filter(l -> !l.isBlank()).findFirst().map(l -> key(l).equals("NO_OF_FRAMES"))
                .orElse(false);
    }

    /** A header line's key (its first field, when it is a word in capitals), else empty. */
    private static String key(String line) {
        String first = fields(line)[0].trim();
        return first.matches("[A-Z][A-Z0-9_]*") ? first : "";
    }

    private static String[] fields(String line) {
        return line.split(line.indexOf('\t') >= 0 ? "\t" : " +", -1);
    }

    /** Reads one file. */
    public PoseRecording read(Path file, String source, PoseReadOptions options) throws IOException {
        try (GuardedLineReader r = new GuardedLineReader(TextDecoding.detect(file).open(file), source)) {
            double rate = Double.NaN;
            String included = null;
            List<String> markers = null;
            long markersNo = 0;
            double declaredFrames = -1;
            String s;
            String first = null;
            while ((s = r.readLine()) != null) {
                if (s.isBlank()) {
                    continue;
                }
                String k = key(s);
                if (k.isEmpty()) {
                    first = s;
                    break;
                }
                String[] f = fields(s);
                long no = r.lineNumber();
                String v = f.length > 1 ? f[1].trim() : "";
                switch (k) {
                    case "FREQUENCY" -> {
                        rate = Numbers.parse(v, false);
                        if (!(rate > 0 && rate <= TrcReader.MAX_RATE_HZ)) {
                            throw GaitformException.badInput(source, "line " + no + ", FREQUENCY", "a frame rate "
                                    + "above 0 and at most " + (long) TrcReader.MAX_RATE_HZ + " Hz",
                                    v.isEmpty() ? "nothing" : "'" + MarkerColumns.abbreviate(v) + "'");
                        }
                    }
                    case "NO_OF_FRAMES" -> declaredFrames = Numbers.parse(v, false);
                    case "DATA_INCLUDED" -> included = v;
                    case "MARKER_NAMES" -> {
                        markers = new ArrayList<>();
                        for (int i = 1; i < f.length; i++) {
                            if (!f[i].trim().isEmpty()) {
                                markers.add(f[i].trim());
                            }
                        }
                        markersNo = no;
                    }
                    default -> {
                        // other header lines (cameras, analog channels, time stamp, events, trajectory types)
                    }
                }
            }
            if (included != null && !included.equalsIgnoreCase("3D")) {
                throw GaitformException.badInput(source, "DATA_INCLUDED", "3D marker data (export 3D data as TSV)",
                        "'" + MarkerColumns.abbreviate(included) + "'");
            }
            if (Double.isNaN(rate)) {
                throw GaitformException.badInput(source, "header", "a FREQUENCY line (the frame rate)", "none");
            }
            if (markers == null || markers.isEmpty()) {
                throw GaitformException.badInput(source, markers == null ? "header" : "line " + markersNo,
                        "MARKER_NAMES with the markers' names", markers == null ? "no MARKER_NAMES line" : "no names");
            }
            if (markers.size() > TrcReader.MAX_MARKERS) {
                throw GaitformException.badInput(source, "line " + markersNo, "at most " + TrcReader.MAX_MARKERS
                        + " markers", String.valueOf(markers.size()));
            }
            if (first == null) {
                throw GaitformException.notAnalysable(source, "no frames of data below the header");
            }
            // the column header of newer exports: Frame, Time, then "<name> X", "<name> Y", "<name> Z" (and Type columns)
            int timeCol = -1;
            int[] xCol = new int[markers.size()];
            long headerNo = 0;
            if (fields(first)[0].trim().equalsIgnoreCase("frame")) {
                headerNo = r.lineNumber();
                String[] h = fields(first);
                Arrays.fill(xCol, -1);
                for (int i = 0; i < h.length; i++) {
                    String c = h[i].trim();
                    if (c.equalsIgnoreCase("time")) {
                        timeCol = i;
                    }
                    for (int m = 0; m < markers.size(); m++) {
                        if (xCol[m] < 0 && c.equals(markers.get(m) + " X")) {
                            xCol[m] = i;
                        }
                    }
                }
                for (int m = 0; m < markers.size(); m++) {
                    if (xCol[m] < 0 || xCol[m] + 2 >= h.length || !h[xCol[m] + 1].trim().equals(markers.get(m) + " Y")
                            || !h[xCol[m] + 2].trim().equals(markers.get(m) + " Z")) {
                        throw GaitformException.badInput(source, "line " + headerNo, "columns '" + markers.get(m)
                                + " X', '" + markers.get(m) + " Y', '" + markers.get(m) + " Z' for the marker named in "
                                + "MARKER_NAMES", "none (or not side by side)");
                    }
                }
                first = null;
            } else {
                for (int m = 0; m < markers.size(); m++) {
                    xCol[m] = 3 * m;
                }
            }
            int width = Arrays.stream(xCol).max().orElse(0) + 3;
            ColumnReader.DoubleColumn time = new ColumnReader.DoubleColumn();
            MarkerColumns xyz = new MarkerColumns(markers.size());
            int n = 0;
            int nulls = 0;
            double previous = Double.NEGATIVE_INFINITY;
            while (first != null || (s = r.readLine()) != null) {
                String line = first != null ? first : s;
                first = null;
                long no = r.lineNumber();
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < width) {
                    throw GaitformException.badInput(source, "line " + no, width + " fields (" + (timeCol >= 0
                            ? "Frame, Time and " : "") + "X, Y, Z of " + markers.size() + " markers)", f.length
                            + (f.length == 1 ? " field" : " fields") + " (a ragged or cut row)");
                }
                if (n >= PoseCsvReader.MAX_FRAMES) {
                    throw GaitformException.badInput(source, "line " + no, "at most " + PoseCsvReader.MAX_FRAMES
                            + " frames", "more (split the recording)");
                }
                double t = n / rate;
                if (timeCol >= 0) {
                    String tc = f[timeCol].trim();
                    t = Numbers.parse(tc, false);
                    if (!(t > previous)) {
                        throw GaitformException.badInput(source, "line " + no + ", column 'Time'", "a time in seconds "
                                + "after the previous row's", tc.isEmpty() ? "an empty cell" : "'" + MarkerColumns.abbreviate(tc) + "'");
                    }
                    previous = t;
                }
                time.add(t);
                for (int m = 0; m < markers.size(); m++) {
                    double[] v = new double[3];
                    for (int a = 0; a < 3; a++) {
                        v[a] = MarkerColumns.cell(f[xCol[m] + a].trim(), source, no, markers.get(m), a,
                                "0 or an empty cell for a gap");
                    }
                    if (v[0] == 0 && v[1] == 0 && v[2] == 0) {
                        v = new double[] {Double.NaN, Double.NaN, Double.NaN}; // Qualisys's null data
                        nulls++;
                    }
                    for (int a = 0; a < 3; a++) {
                        xyz.add(m, a, v[a]);
                    }
                }
                n++;
            }
            if (n == 0) {
                throw GaitformException.notAnalysable(source, "no frames of data below the header");
            }
            PoseAssembler a = new PoseAssembler(source, "qualisys-tsv");
            a.decide("input_format", "qualisys-tsv", String.format(Locale.ROOT, "Qualisys 3D export: %d markers, %d "
                    + "frames at %s Hz (FREQUENCY)%s; %d marker positions written as 0, 0, 0 (not seen) taken as gaps",
                    markers.size(), n, PoseAssembler.fmt(rate), timeCol >= 0 ? ", time from its Time column"
                            : ", no column header: time = frame / FREQUENCY", nulls));
            if (declaredFrames > 0 && declaredFrames != n) {
                a.warn("the header declares " + PoseAssembler.fmt(declaredFrames) + " frames but " + n + " were read");
            }
            return a.build(xyz.raw(markers), time.toArray(), rate, false, Optional.of("mm"), options);
        }
    }
}
