package org.gaitform.io.pose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Reads OpenSim marker files ({@code .trc}): a {@code PathFileType} line, a line of names
 * ({@code DataRate CameraRate NumFrames NumMarkers Units …}) with their values, the marker names
 * ({@code Frame# Time M1 · · M2 …}), the coordinate labels ({@code X1 Y1 Z1 …}), then one row per frame.
 * The frame rate and the unit come from the file; empty cells are missing markers.
 */
public final class TrcReader {
    /** Highest frame rate accepted (Hz). */
    static final double MAX_RATE_HZ = 100_000;
    /** Most markers accepted. */
    static final int MAX_MARKERS = 5000;

    /** Header lines before the data. */
    static final int HEADER_LINES = 5;

    /** Reads one file. */
    public PoseRecording read(Path file, String source, PoseReadOptions options) throws IOException {
        TextDecoding dec = TextDecoding.detect(file);
        try (GuardedLineReader r = new GuardedLineReader(dec.open(file), source)) {
            List<String> head = new ArrayList<>();
            String s;
            while (head.size() < HEADER_LINES && (s = r.readLine()) != null) {
                head.add(s);
            }
            if (head.isEmpty() || !head.get(0).startsWith("PathFileType")) {
                throw GaitformException.badInput(source, "line 1", "a TRC header starting with 'PathFileType'",
                        head.isEmpty() ? "an empty file" : "'" + MarkerColumns.abbreviate(head.get(0)) + "'");
            }
            if (head.size() < HEADER_LINES) {
                throw GaitformException.badInput(source, "header", "the " + HEADER_LINES + " header lines of a TRC file "
                        + "(PathFileType, names, values, marker names, coordinate labels)", head.size()
                        + (head.size() == 1 ? " line" : " lines") + " (truncated file)");
            }
            return read(r, head, source, options);
        }
    }

    private PoseRecording read(GuardedLineReader r, List<String> lines, String source, PoseReadOptions options)
            throws IOException {
        String[] keys = lines.get(1).split("\t");
        String[] vals = lines.get(2).split("\t");
        double rate = Double.NaN;
        String unit = null;
        double declaredFrames = -1;
        for (int i = 0; i < Math.min(keys.length, vals.length); i++) {
            String k = keys[i].trim();
            String v = vals[i].trim();
            if (!k.equals("DataRate") && !k.equals("Units") && !k.equals("NumFrames")) {
                continue;
            }
            if (k.equals("Units")) {
                unit = v.toLowerCase(Locale.ROOT);
                continue;
            }
            double x = Numbers.parse(v, false);
            if (Double.isNaN(x)) {
                throw GaitformException.badInput(source, "line 3, field '" + k + "'", "a number",
                        "'" + MarkerColumns.abbreviate(v) + "'");
            }
            if (k.equals("DataRate")) {
                if (!(x > 0 && x <= MAX_RATE_HZ)) {
                    throw GaitformException.badInput(source, "line 3, field 'DataRate'", "a frame rate above 0 and at "
                            + "most " + (long) MAX_RATE_HZ + " Hz", PoseAssembler.fmt(x));
                }
                rate = x;
            } else {
                declaredFrames = x;
            }
        }
        if (unit != null && !unit.matches("mm|cm|m")) {
            throw GaitformException.badInput(source, "line 3, field 'Units'", "mm, cm or m", "'" + MarkerColumns.abbreviate(unit) + "'");
        }
        String[] names = lines.get(3).split("\t", -1);
        List<String> markers = new ArrayList<>();
        List<Integer> firstCol = new ArrayList<>();
        for (int i = 2; i < names.length; i++) {
            String nm = names[i].trim();
            if (!nm.isEmpty()) {
                markers.add(nm);
                firstCol.add(i);
            }
        }
        if (markers.isEmpty()) {
            throw GaitformException.badInput(source, "line 4", "marker names after 'Frame#' and 'Time'", "none");
        }
        int width = firstCol.get(firstCol.size() - 1) + 3;
        if (markers.size() > MAX_MARKERS) {
            throw GaitformException.badInput(source, "line 4", "at most " + MAX_MARKERS + " marker names",
                    String.valueOf(markers.size()));
        }
        ColumnReader.DoubleColumn time = new ColumnReader.DoubleColumn();
        MarkerColumns xyz = new MarkerColumns(markers.size());
        int n = 0;
        String s;
        while ((s = r.readLine()) != null) {
            long no = r.lineNumber();
            if (s.isBlank()) {
                continue;
            }
            String[] f = s.split("\t", -1);
            if (f.length < width) {
                throw GaitformException.badInput(source, "line " + no, width + " fields (Frame#, Time and X, Y, Z of "
                        + markers.size() + " markers)", f.length + (f.length == 1 ? " field" : " fields")
                        + " (a ragged or cut row)");
            }
            if (n >= PoseCsvReader.MAX_FRAMES) {
                throw GaitformException.badInput(source, "line " + no, "at most " + PoseCsvReader.MAX_FRAMES + " frames",
                        "more (split the recording)");
            }
            String tc = f[1].trim();
            double t = Numbers.parse(tc, false);
            if (Double.isNaN(t)) {
                throw GaitformException.badInput(source, "line " + no + ", column 'Time'", "a time in seconds",
                        tc.isEmpty() ? "an empty cell" : "'" + MarkerColumns.abbreviate(tc) + "'");
            }
            time.add(t);
            for (int m = 0; m < markers.size(); m++) {
                int c0 = firstCol.get(m);
                for (int a = 0; a < 3; a++) {
                    xyz.add(m, a, MarkerColumns.cell(f[c0 + a].trim(), source, no, markers.get(m), a,
                            "an empty cell for a missing marker"));
                }
            }
            n++;
        }
        if (n == 0) {
            throw GaitformException.notAnalysable(source, "no frames of data below the header");
        }
        PoseAssembler a = new PoseAssembler(source, "trc");
        a.decide("input_format", "trc", "OpenSim marker file: " + markers.size() + " markers, " + n + " frames");
        if (declaredFrames > 0 && declaredFrames != n) {
            a.warn("the header declares " + PoseAssembler.fmt(declaredFrames) + " frames but " + n + " were read");
        }
        return a.build(xyz.raw(markers), time.toArray(), rate, false, Optional.ofNullable(unit), options);
    }
}
