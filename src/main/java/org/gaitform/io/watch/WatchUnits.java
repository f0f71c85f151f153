package org.gaitform.io.watch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of units that watch exports name: every unit string of the FIT profile that a running file carries
 * ({@code s}, {@code ms}, {@code m}, {@code mm}, {@code m/s}, {@code rpm}, {@code bpm}, {@code percent}, {@code watts},
 * {@code semicircles}, {@code C}, …) and the spellings that developer fields and CSV exports use for them
 * ({@code Centimeters}, {@code Milliseconds}, {@code [sec]}, {@code (seconds)}, {@code M/S}, {@code m/min},
 * {@code mph}, {@code kN/m}, RunScribe's {@code G} and {@code D}, …). A spelling is matched whole, after removing
 * surrounding brackets, ignoring case and white space, reading "per" as "/", and accepting the plural of a
 * singular entry ({@code Meters} for {@code meter}). Nothing is guessed from a part of a string: {@code m/min} is
 * metres per minute, never miles.
 *
 * <p>Each unit has a dimension and a factor (and, for temperatures, an offset) to the dimension's base unit:
 * time s, length m, speed m/s, pace s/m, rate per minute, percent, power W, angle °, acceleration g, stiffness
 * kN/m, temperature °C, energy kJ, count. Rates also say what they count (steps, strides per leg, beats), which
 * decides how cadence is normalised.
 */
public final class WatchUnits {
    /** What a unit measures; each has a base unit to which values are converted. */
    public enum Dimension {
        /** base: second. */
        TIME("s"),
        /** base: metre. */
        LENGTH("m"),
        /** base: metre per second. */
        SPEED("m/s"),
        /** base: second per metre (a pace; speed = 1 / pace). */
        PACE("s/m"),
        /** base: per minute (cadence, heart rate). */
        RATE("/min"),
        /** base: percent. */
        PERCENT("%"),
        /** base: watt. */
        POWER("W"),
        /** base: degree. */
        ANGLE("°"),
        /** base: g (standard gravity). */
        ACCELERATION("g"),
        /** base: kilonewton per metre. */
        STIFFNESS("kN/m"),
        /** base: degree Celsius. */
        TEMPERATURE("°C"),
        /** base: kilojoule. */
        ENERGY("kJ"),
        /** base: a count (cycles, strides, steps). */
        COUNT("");

        private final String base;

        Dimension(String base) {
            this.base = base;
        }

        /** The base unit's symbol. */
        public String base() {
            return base;
        }
    }

    /** What a rate counts. */
    public enum Counts {
        /** not a rate, or a rate of something else. */
        NONE,
        /** steps of both feet. */
        STEPS,
        /** strides, i.e. cycles of one leg (Garmin's cadence). */
        STRIDES,
        /** heart beats. */
        BEATS
    }

    /**
     * A unit.
     *
     * @param symbol    how outputs write it ({@code cm}, {@code m/s}, {@code steps/min})
     * @param dimension what it measures
     * @param toBase    factor to the dimension's base unit
     * @param offset    added after the factor (temperatures only; 0 otherwise)
     * @param counts    what a rate counts
     * @param suffix    the column-name suffix of values in this unit ({@code cm}, {@code mps}, {@code pct})
     */
    public record Unit(String symbol, Dimension dimension, double toBase, double offset, Counts counts, String suffix) {
        /** A value in this unit converted to the dimension's base unit. */
        public double toBase(double v) {
            return v * toBase + offset;
        }

        /** A value in this unit converted to {@code other} (same dimension). */
        public double to(Unit other, double v) {
            if (other.dimension != dimension) {
                throw new IllegalArgumentException(symbol + " is not convertible to " + other.symbol);
            }
            return (toBase(v) - other.offset) / other.toBase;
        }

        /** The factor that converts values of this unit into {@code other} (no offsets: not for temperatures). */
        public double factorTo(Unit other) {
            if (other.dimension != dimension) {
                throw new IllegalArgumentException(symbol + " is not convertible to " + other.symbol);
            }
            return toBase / other.toBase;
        }
    }

    /** The spellings, each mapped to its unit (normalised spelling → unit). */
    private static final Map<String, Unit> TABLE = new LinkedHashMap<>();
    /** The spellings as written in the table, for the documentation and the tests. */
    private static final Map<String, Unit> SPELLINGS = new LinkedHashMap<>();

    /** Second. */
    public static final Unit S = unit("s", Dimension.TIME, 1, "s", "s", "sec", "secs", "second", "seconds");
    /** Millisecond. */
    public static final Unit MS = unit("ms", Dimension.TIME, 0.001, "ms", "ms", "msec", "msecs", "millisecond",
            "milliseconds", "millisec");
    /** Minute (time). */
    public static final Unit MIN = unit("min", Dimension.TIME, 60, "min", "min", "mins", "minute", "minutes");
    /** Hour. */
    public static final Unit H = unit("h", Dimension.TIME, 3600, "h", "h", "hr", "hrs", "hour", "hours");
    /** Metre. */
    public static final Unit M = unit("m", Dimension.LENGTH, 1, "m", "m", "meter", "meters", "metre", "metres");
    /** Centimetre. */
    public static final Unit CM = unit("cm", Dimension.LENGTH, 0.01, "cm", "cm", "centimeter", "centimetre", "cms");
    /** Millimetre. */
    public static final Unit MM = unit("mm", Dimension.LENGTH, 0.001, "mm", "mm", "millimeter", "millimetre");
    /** Kilometre. */
    public static final Unit KM = unit("km", Dimension.LENGTH, 1000, "km", "km", "kilometer", "kilometre", "kms");
    /** Mile. */
    public static final Unit MI = unit("mi", Dimension.LENGTH, 1609.344, "mi", "mi", "mile", "miles");
    /** Foot. */
    public static final Unit FT = unit("ft", Dimension.LENGTH, 0.3048, "ft", "ft", "foot", "feet");
    /** Inch. */
    public static final Unit IN = unit("in", Dimension.LENGTH, 0.0254, "in", "in", "inch", "inches");
    /** Yard. */
    public static final Unit YD = unit("yd", Dimension.LENGTH, 0.9144, "yd", "yd", "yard", "yards");
    /** Metre per second. */
    public static final Unit MPS = unit("m/s", Dimension.SPEED, 1, "mps", "m/s", "mps", "meter/s", "meter/second",
            "metre/s", "metre/second", "meter/sec", "metre/sec", "m/sec", "m/second");
    /** Metre per minute. */
    public static final Unit M_PER_MIN = unit("m/min", Dimension.SPEED, 1 / 60.0, "m_per_min", "m/min",
            "meter/minute", "metre/minute", "meter/min", "metre/min", "mpm");
    /** Kilometre per hour. */
    public static final Unit KMH = unit("km/h", Dimension.SPEED, 1 / 3.6, "kmh", "km/h", "kph", "kmh", "kmph",
            "km/hr", "kilometer/hour", "kilometre/hour");
    /** Mile per hour. */
    public static final Unit MPH = unit("mph", Dimension.SPEED, 0.44704, "mph", "mph", "mi/h", "mi/hr", "mile/hour");
    /** Pace, minutes per kilometre. */
    public static final Unit MIN_PER_KM = unit("min/km", Dimension.PACE, 0.06, "min_per_km", "min/km", "mins/km",
            "minute/km", "minute/kilometer", "minute/kilometre", "min/kilometer", "min/kilometre");
    /** Pace, minutes per mile. */
    public static final Unit MIN_PER_MI = unit("min/mi", Dimension.PACE, 60 / 1609.344, "min_per_mi", "min/mi",
            "min/mile", "minute/mile");
    /** Pace, seconds per kilometre. */
    public static final Unit S_PER_KM = unit("s/km", Dimension.PACE, 0.001, "s_per_km", "s/km", "sec/km", "secs/km",
            "second/km", "second/kilometer", "second/kilometre");
    /** Steps (both feet) per minute. */
    public static final Unit SPM = rate("steps/min", Counts.STEPS, "spm", "spm", "step/min", "step/minute", "steps per minute");
    /** Strides (one leg) per minute: FIT's cadence unit. */
    public static final Unit RPM = rate("strides/min", Counts.STRIDES, "rpm", "rpm", "stride/min", "stride/minute",
            "revolution/minute", "rev/min", "cycle/min", "cycle/minute");
    /** Heart beats per minute. */
    public static final Unit BPM = rate("bpm", Counts.BEATS, "bpm", "bpm", "beat/min", "beat/minute");
    /** A rate per minute that does not say what it counts. */
    public static final Unit PER_MIN = rate("/min", Counts.NONE, "per_min", "1/min", "/min");
    /** Percent. */
    public static final Unit PERCENT = unit("%", Dimension.PERCENT, 1, "pct", "%", "percent", "pct", "percentage",
            "% left");
    /** A fraction (0.5 = 50 %). */
    public static final Unit FRACTION = unit("fraction", Dimension.PERCENT, 100, "fraction", "fraction");
    /** Watt. */
    public static final Unit W = unit("W", Dimension.POWER, 1, "w", "w", "watt", "watts");
    /** Kilowatt. */
    public static final Unit KW = unit("kW", Dimension.POWER, 1000, "kw", "kw", "kilowatt", "kilowatts");
    /** Degree (angle). */
    public static final Unit DEG = unit("°", Dimension.ANGLE, 1, "deg", "deg", "degree", "degrees", "°", "d", "degs");
    /** Radian. */
    public static final Unit RAD = unit("rad", Dimension.ANGLE, 180 / Math.PI, "rad", "rad", "radian", "radians");
    /** FIT semicircle (positions). */
    public static final Unit SEMICIRCLES = unit("semicircles", Dimension.ANGLE, 180.0 / 2147483648.0, "semicircles",
            "semicircles", "semicircle");
    /** Standard gravity (acceleration). */
    public static final Unit G = unit("g", Dimension.ACCELERATION, 1, "g", "g", "gs", "g's", "g-force");
    /** Milli-g. */
    public static final Unit MG = unit("mG", Dimension.ACCELERATION, 0.001, "mg", "mg", "milli-g");
    /** Metre per second squared. */
    public static final Unit MPS2 = unit("m/s²", Dimension.ACCELERATION, 1 / 9.80665, "mps2", "m/s^2", "m/s2", "m/s²",
            "m/s/s");
    /** Kilonewton per metre (leg spring stiffness). */
    public static final Unit KN_PER_M = unit("kN/m", Dimension.STIFFNESS, 1, "kn_per_m", "kn/m");
    /** Newton per metre. */
    public static final Unit N_PER_M = unit("N/m", Dimension.STIFFNESS, 0.001, "n_per_m", "n/m");
    /** Degree Celsius. */
    public static final Unit DEG_C = unit("°C", Dimension.TEMPERATURE, 1, "degc", "c", "°c", "degc", "deg c", "celsius",
            "degrees c", "degrees celsius");
    /** Degree Fahrenheit. */
    public static final Unit DEG_F = new Unit("°F", Dimension.TEMPERATURE, 5.0 / 9.0, -32 * 5.0 / 9.0, Counts.NONE, "degf");
    /** Kilojoule. */
    public static final Unit KJ = unit("kJ", Dimension.ENERGY, 1, "kj", "kj", "kilojoule", "kilojoules");
    /** Joule. */
    public static final Unit J = unit("J", Dimension.ENERGY, 0.001, "j", "j", "joule", "joules");
    /** Kilocalorie. */
    public static final Unit KCAL = unit("kcal", Dimension.ENERGY, 4.184, "kcal", "kcal", "kcals", "calories", "cal");
    /** A count (FIT cycles, strides, steps). */
    public static final Unit COUNT = unit("", Dimension.COUNT, 1, "", "cycles", "cycle", "counts", "count", "strides",
            "steps");

    static {
        for (String s : new String[] {"°f", "f", "degf", "deg f", "fahrenheit", "degrees f", "degrees fahrenheit"}) {
            register(s, DEG_F);
        }
    }

    private WatchUnits() {
    }

    private static Unit unit(String symbol, Dimension d, double toBase, String suffix, String... spellings) {
        Unit u = new Unit(symbol, d, toBase, 0, Counts.NONE, suffix);
        for (String s : spellings) {
            register(s, u);
        }
        return u;
    }

    private static Unit rate(String symbol, Counts counts, String suffix, String... spellings) {
        Unit u = new Unit(symbol, Dimension.RATE, 1, 0, counts, suffix);
        for (String s : spellings) {
            register(s, u);
        }
        return u;
    }

    private static void register(String spelling, Unit u) {
        String key = normalise(spelling);
        Unit before = TABLE.put(key, u);
        if (before != null && !before.equals(u)) {
            throw new IllegalStateException("unit spelling '" + spelling + "' given twice");
        }
        SPELLINGS.put(spelling, u);
    }

    /** Every spelling of the table (as listed) with its unit. */
    public static Map<String, Unit> spellings() {
        return Collections.unmodifiableMap(SPELLINGS);
    }

    /**
     * The unit a string names, or empty when it names none this table knows (the caller then decides from the values
     * and says so).
     */
    public static Optional<Unit> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String key = normalise(raw);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Unit u = TABLE.get(key);
        if (u == null && key.length() > 2 && key.endsWith("s") && !key.contains("/")) {
            u = TABLE.get(key.substring(0, key.length() - 1)); // a plural: Centimeters, Meters, Watts
        }
        if (u == null && key.indexOf('/') > 0) {
            // plurals on either side of a rate: Meters/Second, Steps/Minute, strides/minutes
            String[] parts = key.split("/", 2);
            for (String a : new String[] {parts[0], singular(parts[0])}) {
                for (String b : new String[] {parts[1], singular(parts[1])}) {
                    u = u == null ? TABLE.get(a + "/" + b) : u;
                }
            }
        }
        return Optional.ofNullable(u);
    }

    private static String singular(String s) {
        return s.length() > 2 && s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * The spelling in the form the table is keyed by: brackets around it removed, lower case, white space collapsed,
     * "per" read as "/", spaces around "/" removed, "²" read as "^2".
     */
    static String normalise(String raw) {
        String s = raw.trim();
        while (s.length() >= 2 && ((s.startsWith("[") && s.endsWith("]")) || (s.startsWith("(") && s.endsWith(")"))
                || (s.startsWith("\"") && s.endsWith("\"")))) {
            s = s.substring(1, s.length() - 1).trim();
        }
        s = s.toLowerCase(Locale.ROOT).replace('\u00b5', 'u').replaceAll("\\s+", " ");
        s = s.replaceAll("\\s+per\\s+", "/").replaceAll("^per\\s+", "/").replaceAll("\\s*/\\s*", "/");
        return s.trim();
    }

    /** The units of a dimension, in table order. */
    public static List<Unit> of(Dimension d) {
        return TABLE.values().stream().filter(u -> u.dimension() == d).distinct().toList();
    }
}
