package org.gaitform.io.pose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.io.text.ByteLineReader;
import org.gaitform.io.text.ByteSource;
import org.gaitform.io.text.ColumnReader;
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
    /** Safety limit on frames (about 23 hours at 60 fps). */
    public static final int MAX_FRAMES = 5_000_000;

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
        int nPeopleCol = -1;
        for (int i = 0; i < cols; i++) {
            if (KeypointColumns.clean(header.get(i)).equalsIgnoreCase("n_people")) {
                nPeopleCol = i;
            }
        }
        checkDuplicates(source, header, g);
        // the columns used, each read straight into its own growing array (no per-row copies)
        ColumnReader.DoubleColumn[] data = new ColumnReader.DoubleColumn[cols];
        for (int i = 0; i < cols; i++) {
            if (i == nPeopleCol || isUsed(g, i)) {
                data[i] = new ColumnReader.DoubleColumn();
            }
        }
        int timeCol = g.timeColumn();
        // a frame-number column (not the time) must not decrease: in a video's table, repeated numbers are rows of
        // several people (one row per person and frame); a marker table holds one row per frame
        int frameCol = g.frameColumn() != timeCol ? g.frameColumn() : -1;
        double lastFrame = Double.NaN;
        // the rows' frame numbers: to place the rows on the video's frames when frames without a person were left out,
        // and to gather the rows of one frame when the table holds several people (one row per person and frame)
        ColumnReader.DoubleColumn frameNumbers = frameCol >= 0 ? new ColumnReader.DoubleColumn() : null;
        int repeated = 0;
        boolean decimalComma = false;
        int n = 0;
        // an ASCII row without quotes (nearly all) is parsed in place, as bytes; the first row (which tells a decimal
        // comma), rows split at blanks and any other row are split into strings; both read every cell alike
        boolean inPlace = sep != ' ' && sep != 0;
        Fields.Bounds bounds = new Fields.Bounds();
        try (ByteLineReader r = ByteLineReader.open(ByteSource.of(file), decoding, source)) {
            while (r.next()) {
                long no = r.lineNumber();
                if (no <= h.lineIndex() + 1 || r.blank()) {
                    continue;
                }
                if (r.has('\0')) {
                    throw GaitformException.badInput(source, "line " + no, "text",
                            "a NUL byte (binary data in the file: damaged or not a text export?)");
                }
                byte[] b = r.bytes();
                String[] f = n > 0 && inPlace && r.ascii() && bounds.find(b, r.from(), r.to(), sep) ? null
                        : Fields.split(r.line(), sep);
                if (n == 0 && sep != ',') {
                    decimalComma = usesDecimalComma(f);
                }
                int fields = f == null ? bounds.count() : f.length;
                boolean lastEmpty = f == null ? bounds.from(fields - 1) == bounds.to(fields - 1) : f[fields - 1].isEmpty();
                if (fields > cols + 1 || (fields == cols + 1 && !lastEmpty)) {
                    throw GaitformException.badInput(source, "line " + no, cols + " fields like the header",
                            fields + " fields");
                }
                if (fields < cols) {
                    throw GaitformException.badInput(source, "line " + no, cols + " fields like the header",
                            fields + (fields == 1 ? " field" : " fields") + (r.has('"')
                                    ? " (a quote that is not closed?)" : " (a ragged or cut row)"));
                }
                if (n >= MAX_FRAMES) {
                    throw GaitformException.badInput(source, "line " + no, "at most " + MAX_FRAMES + " frames",
                            "more (split the recording)");
                }
                if (frameCol >= 0) {
                    String cell = KeypointColumns.clean(f == null ? ColumnReader.ascii(b, bounds.from(frameCol),
                            bounds.to(frameCol)) : f[frameCol]);
                    double fr = Numbers.parse(cell, false);
                    if (!Double.isNaN(fr)) { // a frame column of names (image files) is not checked
                        if (fr == lastFrame && video) {
                            repeated++; // another person in the same frame
                        } else if (!Double.isNaN(lastFrame) && !(fr > lastFrame)) {
                            throw GaitformException.badInput(source, "line " + no + ", column '"
                                    + abbreviate(header.get(frameCol)) + "'", "one row per frame: a frame number above "
                                    + "the previous row's (" + PoseAssembler.fmt(lastFrame) + ")", PoseAssembler.fmt(fr)
                                    + (fr == lastFrame ? " again (a marker table holds one row per frame)" : "")
                                    + (fr < lastFrame ? " (rows of several people must be sorted by frame)" : ""));
                        }
                        lastFrame = fr;
                    }
                    if (frameNumbers != null) {
                        frameNumbers.add(fr);
                    }
                }
                for (int i = 0; i < cols; i++) {
                    if (data[i] == null) {
                        continue;
                    }
                    double v = f == null ? Numbers.parse(b, bounds.from(i), bounds.to(i), decimalComma) : Double.NaN;
                    if (Double.isNaN(v)) {
                        String cell = KeypointColumns.clean(f == null ? ColumnReader.ascii(b, bounds.from(i),
                                bounds.to(i)) : f[i]);
                        if (cell.isEmpty() || cell.equalsIgnoreCase("nan") || cell.equalsIgnoreCase("na")
                                || cell.equalsIgnoreCase("null")) {
                            if (i == timeCol) {
                                throw GaitformException.badInput(source, "line " + no + ", column '"
                                        + abbreviate(header.get(i)) + "'", "a time", cell.isEmpty() ? "an empty cell"
                                        : "'" + abbreviate(cell) + "'");
                            }
                            v = Double.NaN;
                        } else {
                            v = Numbers.parse(cell, decimalComma);
                            if (Double.isNaN(v)) {
                                throw GaitformException.badInput(source, "line " + no + ", column '"
                                        + abbreviate(header.get(i)) + "'", "a number", "'" + abbreviate(cell) + "'");
                            }
                        }
                    }
                    data[i].add(v);
                }
                n++;
            }
        }
        double[][] col = new double[cols][];
        for (int i = 0; i < cols; i++) {
            if (data[i] != null) {
                col[i] = data[i].toArray();
                data[i] = null;
            }
        }
        PoseAssembler a = new PoseAssembler(source, format);
        a.decide("input_format", format, describe(format, g, sep));
        double[] frameNo = frameNumbers == null ? null : frameNumbers.toArray();
        if (repeated > 0) {
            // one row per person and frame: the rows of each frame are its people, and one of them is taken
            int[] firstRow = firstRows(frameNo);
            int frames = firstRow.length;
            List<KeypointColumns.Point> points = g.points();
            List<List<double[]>> people = new ArrayList<>();
            Map<double[], Integer> rowOf = new java.util.IdentityHashMap<>();
            int multi = 0;
            for (int f = 0; f < frames; f++) {
                int to = f + 1 < frames ? firstRow[f + 1] : n;
                List<double[]> here = new ArrayList<>();
                for (int r = firstRow[f]; r < to; r++) {
                    double[] v = new double[3 * points.size()];
                    boolean any = false;
                    for (int j = 0; j < points.size(); j++) {
                        KeypointColumns.Point p = points.get(j);
                        double x = col[p.x()][r];
                        double y = col[p.y()][r];
                        double c = p.c() >= 0 ? col[p.c()][r] : 1;
                        boolean seen = Double.isFinite(x) && Double.isFinite(y) && c > 0;
                        v[3 * j] = seen ? x : 0;
                        v[3 * j + 1] = seen ? y : 0;
                        v[3 * j + 2] = seen ? c : 0;
                        any |= seen;
                    }
                    if (any) {
                        here.add(v);
                        rowOf.put(v, r);
                    }
                }
                multi += here.size() > 1 ? 1 : 0;
                people.add(here);
            }
            List<String> pointNames = points.stream().map(KeypointColumns.Point::name).toList();
            double[][] taken = PersonTracks.pick(a, source, people, multi, options,
                    PersonTracks.Layout.of(pointNames), pointNames);
            for (int i = 0; i < cols; i++) {
                if (col[i] == null) {
                    continue;
                }
                double[] one = new double[frames];
                for (int f = 0; f < frames; f++) {
                    // the time and the frame number are the frame's; the keypoints are the person taken's
                    one[f] = i == timeCol || i == frameCol ? col[i][firstRow[f]]
                            : taken[f] == null ? Double.NaN : col[i][rowOf.get(taken[f])];
                }
                col[i] = one;
            }
            double[] numbers = new double[frames];
            for (int f = 0; f < frames; f++) {
                numbers[f] = frameNo[firstRow[f]];
            }
            a.decide("rows_per_frame", n + " rows in " + frames + " frames", String.format(Locale.ROOT, "%d rows in %d "
                    + "frames (column '%s'): one row per person and frame; the person is chosen as in a video with "
                    + "several people (decision people)", n, frames, abbreviate(header.get(frameCol))));
            frameNo = numbers;
            n = frames;
        }
        int[] place = frameNo == null || timeCol >= 0 ? null : framePlaces(frameNo);
        if (place != null) {
            int m = place[n - 1] + 1;
            if (m > MAX_FRAMES) {
                throw GaitformException.badInput(source, "column '" + abbreviate(header.get(frameCol)) + "'", "at most "
                        + MAX_FRAMES + " frames from the first frame number to the last", m + " (split the recording)");
            }
            for (int i = 0; i < cols; i++) {
                if (col[i] != null) {
                    double[] full = new double[m];
                    Arrays.fill(full, Double.NaN);
                    for (int r = 0; r < n; r++) {
                        full[place[r]] = col[i][r];
                    }
                    col[i] = full;
                }
            }
            a.decide("frame_numbers", (m - n) + " missing", String.format(Locale.ROOT, "the rows' frame numbers in "
                    + "column '%s' skip %d of the %d frames from the first to the last (frames without a person left "
                    + "out of the table): each row is placed on its own frame, and the frames left out hold no person",
                    abbreviate(header.get(frameCol)), m - n, m));
            n = m;
        }
        if (nPeopleCol >= 0) {
            int none = 0;
            int several = 0;
            for (double people : col[nPeopleCol]) {
                if (people == 0) {
                    none++;
                } else if (people > 1) {
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
            raw.add(new PoseAssembler.Raw(p.name(), col[p.x()], col[p.y()], p.z() >= 0 ? col[p.z()] : null,
                    p.c() >= 0 ? col[p.c()] : null));
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
            time = col[g.timeColumn()];
            if (g.timeInMs()) {
                for (int i = 0; i < n; i++) {
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
        if (time == null && video) {
            // a video's table without times: the video it was made from, if it lies beside, gives the frame rate
            a.videoBeside(VideoHeaders.beside(java.util.Collections.singletonList(file.toAbsolutePath().getParent()),
                    VideoHeaders.stem(file)));
        }
        Arrays.fill(col, null); // the build releases each track as it becomes a keypoint
        return a.build(raw, time, Double.NaN, video, unitHint, options);
    }

    /** The first row of each frame, for frame numbers that do not decrease (rows of one frame are together). */
    static int[] firstRows(double[] frameNo) {
        List<Integer> first = new ArrayList<>();
        for (int r = 0; r < frameNo.length; r++) {
            if (r == 0 || frameNo[r] != frameNo[r - 1]) {
                first.add(r);
            }
        }
        return first.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Each row's frame, counted from the first row's, when the rows' frame numbers are whole numbers that mostly step
     * by one and skip some frames (a table that leaves out the frames without a person, as SLEAP's analysis CSV
     * does); {@code null} when they skip none, are not all whole numbers, or mostly step by more than one (every
     * other frame exported: the rows are then the frames, at their own rate).
     */
    static int[] framePlaces(double[] frameNo) {
        int n = frameNo.length;
        if (n < 2) {
            return null;
        }
        double[] step = new double[n - 1];
        boolean skips = false;
        for (int i = 0; i < n; i++) {
            if (!(Double.isFinite(frameNo[i]) && frameNo[i] == Math.rint(frameNo[i]))) {
                return null;
            }
            if (i > 0) {
                step[i - 1] = frameNo[i] - frameNo[i - 1];
                skips |= step[i - 1] > 1;
            }
        }
        if (!skips || org.gaitform.signal.Stats.median(step) != 1) {
            return null;
        }
        int[] at = new int[n];
        for (int i = 0; i < n; i++) {
            double d = frameNo[i] - frameNo[0];
            if (d > Integer.MAX_VALUE - 8) {
                return null;
            }
            at[i] = (int) d;
        }
        return at;
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

    /** Two columns of the same name where one of them is used would make the data ambiguous. */
    private static void checkDuplicates(String source, List<String> header, KeypointColumns.Grouping g) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = KeypointColumns.clean(header.get(i));
            if (name.isEmpty()) {
                continue;
            }
            Integer j = first.putIfAbsent(name, i);
            if (j != null && (isUsed(g, i) || isUsed(g, j) || KeypointColumns.recognised(name))) {
                throw GaitformException.badInput(source, "header", "each column name once",
                        "'" + abbreviate(name) + "' twice (columns " + (j + 1) + " and " + (i + 1) + ")");
            }
        }
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
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 30 ? t.substring(0, 27) + "…" : t;
    }
}
