package org.gaitform.io.pose;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    /** Reads one file. */
    public PoseRecording read(Path file, String source, PoseReadOptions options) throws IOException {
        TextDecoding dec = TextDecoding.detect(file);
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = dec.open(file)) {
            String s;
            while ((s = r.readLine()) != null) {
                lines.add(s);
            }
        }
        if (lines.size() < 6 || !lines.get(0).startsWith("PathFileType")) {
            throw GaitformException.badInput(source, "line 1", "a TRC header starting with 'PathFileType'",
                    lines.isEmpty() ? "an empty file" : "'" + abbreviate(lines.get(0)) + "'");
        }
        String[] keys = lines.get(1).split("\t");
        String[] vals = lines.get(2).split("\t");
        double rate = Double.NaN;
        String unit = null;
        int declaredFrames = -1;
        for (int i = 0; i < Math.min(keys.length, vals.length); i++) {
            String k = keys[i].trim();
            String v = vals[i].trim();
            try {
                switch (k) {
                    case "DataRate" -> rate = Double.parseDouble(v);
                    case "Units" -> unit = v.toLowerCase(Locale.ROOT);
                    case "NumFrames" -> declaredFrames = Integer.parseInt(v);
                    default -> {
                    }
                }
            } catch (NumberFormatException e) {
                throw GaitformException.badInput(source, "line 3, field '" + k + "'", "a number", "'" + v + "'");
            }
        }
        if (unit != null && !unit.matches("mm|cm|m")) {
            throw GaitformException.badInput(source, "line 3, field 'Units'", "mm, cm or m", "'" + unit + "'");
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
        List<double[]> rows = new ArrayList<>();
        int width = 2 + 3 * markers.size();
        for (int li = 5; li < lines.size(); li++) {
            String s = lines.get(li);
            if (s.isBlank()) {
                continue;
            }
            String[] f = s.split("\t", -1);
            double[] row = new double[width];
            Arrays.fill(row, Double.NaN);
            for (int i = 0; i < Math.min(width, f.length); i++) {
                String cell = f[i].trim();
                if (cell.isEmpty()) {
                    continue;
                }
                try {
                    row[i] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw GaitformException.badInput(source, "line " + (li + 1) + ", field " + (i + 1), "a number",
                            "'" + abbreviate(cell) + "'");
                }
            }
            if (Double.isNaN(row[1])) {
                throw GaitformException.badInput(source, "line " + (li + 1), "a time in the second field", "none");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw GaitformException.notAnalysable(source, "only " + rows.size() + " frame(s) of data");
        }
        PoseAssembler a = new PoseAssembler(source, "trc");
        a.decide("input_format", "trc", "OpenSim marker file: " + markers.size() + " markers, " + rows.size()
                + " frames");
        if (declaredFrames > 0 && declaredFrames != rows.size()) {
            a.warn("the header declares " + declaredFrames + " frames but " + rows.size() + " were read");
        }
        List<PoseAssembler.Raw> raw = new ArrayList<>();
        for (int m = 0; m < markers.size(); m++) {
            int c0 = firstCol.get(m);
            raw.add(new PoseAssembler.Raw(markers.get(m), col(rows, c0), col(rows, c0 + 1), col(rows, c0 + 2), null));
        }
        double[] time = col(rows, 1);
        return a.build(raw, time, rate, false, Optional.ofNullable(unit), options);
    }

    private static double[] col(List<double[]> rows, int c) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            double[] r = rows.get(i);
            v[i] = c < r.length ? r[c] : Double.NaN;
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "…" : s;
    }
}
