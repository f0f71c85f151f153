package org.gaitform.io.pose;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gaitform.io.text.Fields;
import org.gaitform.io.text.Numbers;
import org.gaitform.io.text.TextDecoding;
import org.gaitform.model.GaitformException;
import org.gaitform.model.PoseRecording;

/**
 * Reads keypoint and marker tables in delimited text: OpenPose BODY_25 CSV ({@code <Keypoint>_x/_y/_c}),
 * MediaPipe BlazePose CSV (named {@code left_heel_x} or indexed {@code x29,y29,z29,v29} columns,
 * normalised image coordinates or world metres), generic keypoint CSV ({@code <joint>_x,<joint>_y[,_z][,_c]})
 * and marker exports such as the Fukuchi et al. 2017 files ({@code R.ASISX R.ASISY R.ASISZ}, tab separated,
 * empty cells for missing markers). The header is the first line that groups
 * into points ({@link PoseFiles}); columns are grouped by {@link KeypointColumns}.
 */
public final class PoseCsvReader {

    /** Reads one table. */
    public PoseRecording read(Path file, String source, PoseReadOptions options) throws IOException {
        PoseFiles.Header h = PoseFiles.header(file).orElseThrow(() -> GaitformException.badInput(source,
                "header (first " + PoseFiles.HEADER_SEARCH_LINES + " lines)",
                "at least four keypoint or marker names with x and y columns (<name>_x, <name>_y, …)",
                "no such header"));
        TextDecoding decoding = TextDecoding.detect(file);
        List<String> header = h.fields();
        KeypointColumns.Grouping g = h.grouping();
        char sep = h.separator();
        List<String> names = g.names();
        boolean mediapipe = g.indexed() || KeypointNames.looksLikeBlazePose(names);
        boolean openpose = KeypointNames.looksLikeBody25(names) && !g.is3d();
        boolean is3d = g.is3d();
        boolean world = false;
        String format = openpose ? "openpose-csv" : mediapipe ? "mediapipe-csv" : is3d && hasNoConfidence(g)
                ? "marker-text" : "keypoint-csv";
        boolean video = openpose || mediapipe || !is3d;
        int cols = header.size();
        List<double[]> rows = new ArrayList<>();
        int nPeopleCol = -1;
        for (int i = 0; i < cols; i++) {
            if (KeypointColumns.clean(header.get(i)).equalsIgnoreCase("n_people")) {
                nPeopleCol = i;
            }
        }
        boolean decimalComma = false;
        try (BufferedReader r = decoding.open(file)) {
            String s;
            long no = 0;
            while ((s = r.readLine()) != null) {
                no++;
                if (no <= h.lineIndex() + 1 || s.isBlank()) {
                    continue;
                }
                String[] f = Fields.split(s, sep);
                if (no == h.lineIndex() + 2 && sep != ',') {
                    decimalComma = usesDecimalComma(f);
                }
                double[] row = new double[cols];
                Arrays.fill(row, Double.NaN);
                for (int i = 0; i < Math.min(cols, f.length); i++) {
                    String cell = KeypointColumns.clean(f[i]);
                    if (cell.isEmpty() || cell.equalsIgnoreCase("nan") || cell.equalsIgnoreCase("na")
                            || cell.equalsIgnoreCase("null")) {
                        continue;
                    }
                    try {
                        row[i] = Numbers.parse(cell, decimalComma);
                    } catch (RuntimeException e) {
                        if (isUsed(g, i)) {
                            throw GaitformException.badInput(source, "line " + no + ", column '" + header.get(i) + "'",
                                    "a number", "'" + abbreviate(cell) + "'");
                        }
                    }
                }
                if (f.length > cols + 1) {
                    throw GaitformException.badInput(source, "line " + no, cols + " fields", f.length + " fields");
                }
                rows.add(row);
            }
        }
        int n = rows.size();
        PoseAssembler a = new PoseAssembler(source, format);
        a.decide("input_format", format, describe(format, g, sep));
        if (nPeopleCol >= 0) {
            int none = 0;
            int several = 0;
            for (double[] row : rows) {
                if (row[nPeopleCol] == 0) {
                    none++;
                } else if (row[nPeopleCol] > 1) {
                    several++;
                }
            }
            if (several > 0) {
                a.warn(several + " frame(s) show more than one person; the table holds one person per frame");
            }
            if (none > 0) {
                a.decide("frames_without_person", String.valueOf(none), "column n_people is 0");
            }
        }
        List<PoseAssembler.Raw> raw = new ArrayList<>();
        for (KeypointColumns.Point p : g.points()) {
            raw.add(new PoseAssembler.Raw(p.name(), column(rows, p.x()), column(rows, p.y()),
                    p.z() >= 0 ? column(rows, p.z()) : null, p.c() >= 0 ? column(rows, p.c()) : null));
        }
        if (mediapipe && is3d) {
            world = hipsAtOrigin(raw);
            if (!world) {
                is3d = false;
                a.decide("mediapipe_coordinates", "image", "the hips are away from the origin: normalised image "
                        + "coordinates (x, y) with a relative depth z, which is not used");
            } else {
                a.decide("mediapipe_coordinates", "world", "the hips stay at the origin: world coordinates in metres");
            }
        }
        if (!is3d) {
            raw.replaceAll(p -> new PoseAssembler.Raw(p.name(), p.x(), p.y(), null, p.c()));
        }
        double[] time = null;
        if (g.timeColumn() >= 0) {
            time = column(rows, g.timeColumn());
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(time[i])) {
                    throw GaitformException.badInput(source, "data row " + (i + 1) + ", column '"
                            + header.get(g.timeColumn()) + "'", "a time", "an empty cell");
                }
                if (g.timeInMs()) {
                    time[i] /= 1000;
                }
            }
            a.decide("time_column", header.get(g.timeColumn()), g.timeInMs() ? "milliseconds (named by the header)"
                    : "seconds");
        }
        Optional<String> unitHint = Optional.empty();
        if (world) {
            unitHint = Optional.of("m");
        }
        return a.build(raw, time, Double.NaN, video, unitHint, options);
    }

    /** True when the mean of the two hips stays within 0.1 of the origin (BlazePose world landmarks). */
    private static boolean hipsAtOrigin(List<PoseAssembler.Raw> raw) {
        PoseAssembler.Raw l = null;
        PoseAssembler.Raw r = null;
        for (PoseAssembler.Raw p : raw) {
            String n = p.name().toLowerCase(Locale.ROOT);
            if (n.equals("left_hip")) {
                l = p;
            } else if (n.equals("right_hip")) {
                r = p;
            }
        }
        if (l == null || r == null) {
            return false;
        }
        double sum = 0;
        int k = 0;
        for (int i = 0; i < l.x().length; i++) {
            double m = Math.abs(l.x()[i] + r.x()[i]) / 2 + Math.abs(l.y()[i] + r.y()[i]) / 2;
            if (!Double.isNaN(m)) {
                sum += m;
                k++;
            }
        }
        return k > 0 && sum / k < 0.1;
    }

    private static boolean hasNoConfidence(KeypointColumns.Grouping g) {
        return g.points().stream().allMatch(p -> p.c() < 0);
    }

    private static boolean isUsed(KeypointColumns.Grouping g, int col) {
        if (col == g.timeColumn()) {
            return true;
        }
        for (KeypointColumns.Point p : g.points()) {
            if (p.x() == col || p.y() == col || p.z() == col || p.c() == col) {
                return true;
            }
        }
        return false;
    }

    private static double[] column(List<double[]> rows, int c) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows.get(i)[c];
        }
        return v;
    }

    private static boolean usesDecimalComma(String[] f) {
        int comma = 0;
        int point = 0;
        for (String c : f) {
            if (c.matches("\\s*-?\\d+,\\d+\\s*")) {
                comma++;
            } else if (c.matches("\\s*-?\\d+\\.\\d+\\s*")) {
                point++;
            }
        }
        return comma > point;
    }

    private static String describe(String format, KeypointColumns.Grouping g, char sep) {
        String what = switch (format) {
            case "openpose-csv" -> "OpenPose BODY_25 keypoint names";
            case "mediapipe-csv" -> g.indexed() ? "MediaPipe BlazePose indexed columns (x29, y29, …)"
                    : "MediaPipe BlazePose landmark names";
            case "marker-text" -> "3D marker columns without confidences";
            default -> "keypoint columns";
        };
        return what + ": " + g.points().size() + " points, " + (g.is3d() ? "3D" : "2D") + ", separator "
                + (sep == '\t' ? "tab" : sep == ',' ? "comma" : sep == ';' ? "semicolon" : "'" + sep + "'");
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 27) + "…" : s;
    }
}
