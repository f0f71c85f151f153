package org.gaitform.io.imu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaitform.model.Channel;

/**
 * What a column header says: its role (time, an accelerometer or gyroscope axis, or an aligned
 * acceleration), the unit it names, and a group prefix for files with several sensors
 * ({@code left_sensor/acc_x}, {@code right_acc_x}).
 *
 * <p>Recognised, for example: {@code acc_x}, {@code ax}, {@code accX}, {@code AccelerationX},
 * {@code Acceleration x (m/s^2)}, {@code accelerometer_x [g]}, {@code gyr_z}, {@code gx},
 * {@code Gyroscope Z (rad/s)}, {@code acc_vertical_g}, {@code acc_ap}, {@code time}, {@code Time (s)},
 * {@code timestamp_ms}, {@code seconds_elapsed}.
 *
 * @param header  the header as written
 * @param role    the role, or empty for a column gaitform does not use
 * @param isTime  true for a time column
 * @param unit    the unit the header names (lower case: {@code g}, {@code mps2}, {@code dps}, {@code rads},
 *                {@code s}, {@code ms}, {@code us}, {@code ns}), or empty
 * @param group   the sensor group (text before {@code /}, or a left/right prefix), or empty
 */
public record HeaderName(String header, Optional<Channel> role, boolean isTime, Optional<String> unit, String group) {

    private static final Pattern BRACKETED = Pattern.compile("[\\(\\[]([^\\)\\]]*)[\\)\\]]");
    private static final Set<String> ACC = Set.of("acc", "accel", "acceleration", "accelerometer", "accelerations",
            "accelerometers", "acceleratio", "accl", "acl");
    private static final Set<String> GYR = Set.of("gyr", "gyro", "gyroscope", "gyroscopes", "angular", "angvel",
            "rotation", "rot", "omega", "angularvelocity", "rotationrate");
    private static final Set<String> IGNORE = Set.of("mag", "magnetometer", "magnetic", "gravity", "grav",
            "quaternion", "quat", "orientation", "euler", "lin", "linear", "linacc", "user", "jerk", "filtered",
            "grf", "force", "temperature", "temp", "light", "lux", "button", "battery", "pressure", "baro");
    private static final Set<String> VERT = Set.of("v", "vert", "vertical", "vt", "cc", "craniocaudal", "up",
            "longitudinal", "vertic");
    private static final Set<String> AP = Set.of("ap", "anteroposterior", "antero", "forward", "fwd",
            "fw", "anteriorposterior", "sagittal");
    private static final Set<String> ML = Set.of("ml", "mediolateral", "medio", "lateral", "lat", "side", "transverse");
    private static final Set<String> TIME = Set.of("time", "timestamp", "t", "ts", "sec", "secs", "seconds",
            "elapsed", "datetime", "date", "timestamps", "zeit", "temps", "tiempo", "tijd", "millis", "milliseconds",
            "ms", "msec", "us", "micros", "microseconds", "ns", "nanos", "nanoseconds");
    private static final Set<String> TIME_QUALIFIERS = Set.of("s", "utc", "unix", "epoch", "since", "start",
            "relative", "local", "in", "of", "stamp", "rel", "abs", "absolute", "iso");
    private static final Set<String> GROUP_WORDS = Set.of("left", "right", "l", "r", "lf", "rf", "lt", "rt");

    /** Classifies one header. */
    public static HeaderName parse(String header) {
        String h = header.trim();
        String group = "";
        int slash = h.lastIndexOf('/');
        String body = h;
        // "left_sensor/acc_x" groups; but keep unit fractions such as "m/s^2" or "deg/s" inside the body
        if (slash > 0 && !looksLikeUnitSlash(h, slash)) {
            group = h.substring(0, slash).trim();
            body = h.substring(slash + 1).trim();
        }
        String unitText = null;
        Matcher m = BRACKETED.matcher(body);
        if (m.find()) {
            unitText = m.group(1).trim();
            body = body.substring(0, m.start()) + " " + body.substring(m.end());
        }
        List<String> tokens = tokens(body);
        Optional<String> unit = Optional.empty();
        if (unitText != null) {
            unit = unitOf(unitText);
        }
        if (unit.isEmpty()) {
            unit = unitFromTokens(tokens, h);
        }
        if (group.isEmpty() && tokens.size() > 1 && GROUP_WORDS.contains(tokens.get(0))
                && !tokens.get(1).equals("x") && !tokens.get(1).equals("y") && !tokens.get(1).equals("z")) {
            group = tokens.get(0);
            tokens = tokens.subList(1, tokens.size());
        }
        for (String t : tokens) {
            if (IGNORE.contains(t)) {
                return new HeaderName(header, Optional.empty(), false, unit, group);
            }
        }
        boolean acc = tokens.stream().anyMatch(ACC::contains);
        boolean gyr = tokens.stream().anyMatch(GYR::contains);
        Character axis = null;
        for (String t : tokens) {
            if (t.length() == 1 && "xyz".contains(t)) {
                axis = t.charAt(0);
            } else if (t.length() == 2 && "xyz".indexOf(t.charAt(1)) >= 0) {
                char p = t.charAt(0);
                if (p == 'a') {
                    acc = true;
                    axis = t.charAt(1);
                } else if (p == 'g' || p == 'w') {
                    gyr = true;
                    axis = t.charAt(1);
                }
            } else if (t.length() > 3 && "xyz".indexOf(t.charAt(t.length() - 1)) >= 0
                    && (ACC.contains(t.substring(0, t.length() - 1)) || GYR.contains(t.substring(0, t.length() - 1)))) {
                if (ACC.contains(t.substring(0, t.length() - 1))) {
                    acc = true;
                } else {
                    gyr = true;
                }
                axis = t.charAt(t.length() - 1);
            }
        }
        if (acc && gyr) {
            return new HeaderName(header, Optional.empty(), false, unit, group);
        }
        if (gyr && unit.isPresent() && !isGyroUnit(unit.get())) {
            unit = Optional.empty();
        }
        if (axis != null && (acc || gyr)) {
            Channel c = switch (axis) {
                case 'x' -> acc ? Channel.ACC_X : Channel.GYR_X;
                case 'y' -> acc ? Channel.ACC_Y : Channel.GYR_Y;
                default -> acc ? Channel.ACC_Z : Channel.GYR_Z;
            };
            return new HeaderName(header, Optional.of(c), false, unit, group);
        }
        boolean v = tokens.stream().anyMatch(VERT::contains);
        boolean ap = tokens.stream().anyMatch(AP::contains);
        boolean ml = tokens.stream().anyMatch(ML::contains);
        if (!gyr && (acc || unit.filter(HeaderName::isAccUnit).isPresent()) && (v ^ ap ^ ml) && !(v && ap && ml)) {
            Channel c = v ? Channel.ACC_V : ap ? Channel.ACC_AP : Channel.ACC_ML;
            return new HeaderName(header, Optional.of(c), false, unit, group);
        }
        boolean time = !acc && !gyr && !tokens.isEmpty() && tokens.stream().allMatch(t -> TIME.contains(t)
                || TIME_QUALIFIERS.contains(t)) && tokens.stream().anyMatch(TIME::contains);
        if (time) {
            if (unit.isEmpty()) {
                unit = tokens.stream().map(HeaderName::timeUnitWord).filter(Optional::isPresent).map(Optional::get)
                        .findFirst();
            }
            return new HeaderName(header, Optional.empty(), true, unit.filter(HeaderName::isTimeUnit), group);
        }
        return new HeaderName(header, Optional.empty(), false, unit, group);
    }

    private static boolean looksLikeUnitSlash(String h, int slash) {
        String before = h.substring(0, slash).toLowerCase(Locale.ROOT);
        String after = h.substring(slash + 1).toLowerCase(Locale.ROOT);
        return before.endsWith("m") || before.endsWith("deg") || before.endsWith("°") || before.endsWith("rad")
                || after.startsWith("s") && (after.length() == 1 || !Character.isLetter(after.charAt(1)))
                || before.endsWith("(m") || before.contains("(") && !before.contains(")");
    }

    static List<String> tokens(String text) {
        // split camelCase (accX, AccelerationX, gyroZ) and letters from digits, then on non-alphanumerics
        String spaced = text.replaceAll("([a-z])([A-Z])", "$1 $2").replaceAll("([A-Za-z])(\\d)", "$1 $2")
                .replace('²', '2').toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String t : spaced.split("[^a-z0-9µ°]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Unit named by bracketed text such as {@code m/s^2}, {@code g}, {@code deg/s}, {@code rad/s}, {@code ms}. */
    static Optional<String> unitOf(String text) {
        String u = text.toLowerCase(Locale.ROOT).replace(" ", "").replace("²", "^2").replace("**", "^");
        return Optional.ofNullable(switch (u) {
            case "g", "gs", "g0", "gn" -> "g";
            case "m/s^2", "m/s2", "ms^-2", "ms-2", "m.s-2", "m.s^-2", "m/s/s", "mps2", "m/sec^2", "m/sec2" -> "mps2";
            case "deg/s", "°/s", "dps", "degs-1", "deg.s-1", "deg/sec", "degrees/s", "degree/s", "degreespersecond" -> "dps";
            case "rad/s", "rads-1", "rad.s-1", "rad/sec", "rps", "radians/s" -> "rads";
            case "s", "sec", "secs", "seconds", "second" -> "s";
            case "ms", "msec", "millisecond", "milliseconds" -> "ms";
            case "us", "µs", "μs", "microseconds", "microsecond" -> "us";
            case "ns", "nanoseconds", "nanosecond" -> "ns";
            default -> null;
        });
    }

    private static Optional<String> unitFromTokens(List<String> tokens, String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("m/s^2") || lower.contains("m/s2") || lower.contains("m/s²") || tokens.contains("mps2")
                || tokens.contains("ms2") || lower.contains("m_s2") || lower.contains("m_s_2")) {
            return Optional.of("mps2");
        }
        if (lower.contains("deg/s") || lower.contains("°/s") || tokens.contains("dps") || tokens.contains("degs")
                || lower.contains("deg_s")) {
            return Optional.of("dps");
        }
        if (lower.contains("rad/s") || tokens.contains("rads") || lower.contains("rad_s")) {
            return Optional.of("rads");
        }
        if (tokens.contains("g") && !tokens.contains("gyr")) {
            return Optional.of("g");
        }
        return Optional.empty();
    }

    private static Optional<String> timeUnitWord(String t) {
        return Optional.ofNullable(switch (t) {
            case "s", "sec", "secs", "seconds" -> "s";
            case "ms", "msec", "millis", "milliseconds" -> "ms";
            case "us", "micros", "microseconds" -> "us";
            case "ns", "nanos", "nanoseconds" -> "ns";
            default -> null;
        });
    }

    static boolean isAccUnit(String u) {
        return u.equals("g") || u.equals("mps2");
    }

    static boolean isGyroUnit(String u) {
        return u.equals("dps") || u.equals("rads");
    }

    static boolean isTimeUnit(String u) {
        return u.equals("s") || u.equals("ms") || u.equals("us") || u.equals("ns");
    }
}
