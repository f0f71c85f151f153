package org.gaitform.io.pose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups the header of a keypoint or marker table into points: {@code <name>_x}, {@code <name>_y},
 * optionally {@code <name>_z} and a confidence or visibility column ({@code _c}, {@code _conf},
 * {@code _score}, {@code _visibility}, {@code _likelihood}, {@code _v}, {@code _p}). The separator may be
 * {@code _}, {@code .}, {@code -}, a space or nothing for x/y/z ({@code R.ASISX}), in either case.
 * MediaPipe's indexed layout ({@code x29,y29,z29,v29}) is mapped to the BlazePose landmark names. The
 * time column ({@code time}, {@code time_s}, {@code Time (s)}, {@code timestamp}, …) and the frame column
 * ({@code frame}, {@code Frame#}) are recognised too.
 */
public final class KeypointColumns {
    private static final Pattern WITH_SEP = Pattern.compile(
            "(?i)^(.+?)[ _.\\-](x|y|z|c|v|p|conf|confidence|score|visibility|likelihood|presence)$");
    private static final Pattern NO_SEP = Pattern.compile("^(.{2,}?[^ _.\\-])([xyzXYZ])$");
    private static final Pattern INDEXED = Pattern.compile("(?i)^(x|y|z|v|visibility)[ _]?(\\d{1,2})$");
    private static final Pattern TIME = Pattern.compile(
            "(?i)^(time|t|times?tamp|seconds|sec|secs|time_s|time_sec|time \\((s|ms)\\)|time_ms|time \\[(s|ms)\\]|ms)$");
    private static final Pattern FRAME = Pattern.compile("(?i)^(frame|frame#|frame_id|frame_index|frame_number|frame_idx|"
            + "frame_no|#frame|image_index)$");

    /**
     * The columns of one point.
     *
     * @param name the point's name
     * @param x    column index of x
     * @param y    column index of y
     * @param z    column index of z, or -1
     * @param c    column index of the confidence or visibility, or -1
     */
    public record Point(String name, int x, int y, int z, int c) {
        boolean is3d() {
            return z >= 0;
        }
    }

    /**
     * A grouped header.
     *
     * @param points      the points, in header order
     * @param timeColumn  the time column, or -1
     * @param timeInMs    true when the time column's header names milliseconds
     * @param frameColumn the frame-number column, or -1
     * @param indexed     true for MediaPipe's indexed layout
     */
    public record Grouping(List<Point> points, int timeColumn, boolean timeInMs, int frameColumn, boolean indexed) {
        /** Names of the points. */
        public List<String> names() {
            return points.stream().map(Point::name).toList();
        }

        /** True when every point has a z column. */
        public boolean is3d() {
            return !points.isEmpty() && points.stream().allMatch(Point::is3d);
        }
    }

    private KeypointColumns() {
    }

    /** Groups a header row. */
    public static Grouping group(List<String> header) {
        Map<String, int[]> groups = new LinkedHashMap<>();
        int time = -1;
        int frame = -1;
        boolean ms = false;
        boolean indexed = false;
        for (int i = 0; i < header.size(); i++) {
            String h = clean(header.get(i));
            if (time < 0 && TIME.matcher(h).matches()) {
                time = i;
                String l = h.toLowerCase(Locale.ROOT);
                ms = l.contains("ms");
                continue;
            }
            if (frame < 0 && FRAME.matcher(h).matches()) {
                frame = i;
                continue;
            }
            Matcher m = INDEXED.matcher(h);
            if (m.matches()) {
                int idx = Integer.parseInt(m.group(2));
                if (idx < KeypointNames.BLAZEPOSE.size()) {
                    indexed = true;
                    put(groups, KeypointNames.BLAZEPOSE.get(idx), m.group(1), i);
                    continue;
                }
            }
            m = WITH_SEP.matcher(h);
            if (m.matches()) {
                put(groups, m.group(1), m.group(2), i);
                continue;
            }
            m = NO_SEP.matcher(h);
            if (m.matches()) {
                put(groups, m.group(1), m.group(2), i);
            }
        }
        List<Point> points = new ArrayList<>();
        for (Map.Entry<String, int[]> e : groups.entrySet()) {
            int[] c = e.getValue();
            if (c[0] >= 0 && c[1] >= 0) {
                points.add(new Point(e.getKey(), c[0], c[1], c[2], c[3]));
            }
        }
        return new Grouping(points, time, ms, frame, indexed);
    }

    /** True when a header cell names a coordinate, confidence, time or frame column. */
    static boolean recognised(String header) {
        String h = clean(header);
        return TIME.matcher(h).matches() || FRAME.matcher(h).matches() || INDEXED.matcher(h).matches()
                || WITH_SEP.matcher(h).matches() || NO_SEP.matcher(h).matches();
    }

    private static void put(Map<String, int[]> groups, String name, String axis, int column) {
        int[] c = groups.computeIfAbsent(name, k -> new int[] {-1, -1, -1, -1});
        int slot = switch (axis.toLowerCase(Locale.ROOT)) {
            case "x" -> 0;
            case "y" -> 1;
            case "z" -> 2;
            default -> 3;
        };
        if (c[slot] < 0) {
            c[slot] = column;
        }
    }

    /** Header cell without quotes and surrounding blanks. */
    static String clean(String h) {
        String s = h.trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    /** Names of IMU channels, which group like points ({@code acc_x}) but are not. */
    private static final Pattern IMU_NAME = Pattern.compile("(?i)(.*(acc|gyr|magnet).*|a|g|w|m|mag|rot|rotation|quat|"
            + "quaternion|gravity|euler|orientation|angular_velocity|linear_acceleration)");

    /**
     * The grouping of a header when it describes keypoints or markers: at least four points with x and y,
     * most of them not named like IMU channels.
     */
    public static Optional<Grouping> keypointHeader(List<String> header) {
        Grouping g = group(header);
        if (g.points().size() < 4) {
            return Optional.empty();
        }
        long imuLike = g.points().stream().filter(p -> IMU_NAME.matcher(p.name()).matches()).count();
        if (imuLike * 2 > g.points().size() && !KeypointNames.looksLikeBlazePose(g.names())
                && !KeypointNames.looksLikeBody25(g.names())) {
            return Optional.empty();
        }
        return Optional.of(g);
    }
}
