package org.gaitform.io.watch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gaitform.io.watch.WatchUnits.Dimension;
import org.gaitform.io.watch.WatchUnits.Unit;

/**
 * The one table of what a watch-export field holds, by its whole name: FIT record fields ({@code stance_time},
 * {@code stance_time_balance}, {@code stance_time_percent} are three different things), FitCSVTool and Stryd or
 * general CSV headers ({@code Ground Time}, {@code Vertical Oscillation}), developer fields of Stryd, RunScribe and
 * Garmin Running Power ({@code Power}, {@code RS_Impact_GS_L}, {@code currContactTime}), and research exports that
 * prefix each device's columns ({@code hrm_stance_time}, {@code stryd_stance_time}).
 *
 * <p>A name is normalised (camel case split, lower case, everything but letters and digits read as a space) and
 * looked up whole. When it is not in the table, a leading device token ({@code hrm}, {@code stryd}, {@code rs},
 * {@code garmin}, …) and a trailing side ({@code l}, {@code r}, {@code left}, {@code right}) are taken off and the
 * rest is looked up whole again; then a trailing unit ({@code cadence_spm}, {@code contact_ms}) when the unit fits
 * the role. A name that does not match whole is an extra column, never a near match: {@code stance_time_balance}
 * is not contact time.
 */
public final class WatchFields {
    /** What a field holds, with the dimension its unit must have and the unit gaitform stores it in. */
    public enum Role {
        TIME(Dimension.TIME, WatchUnits.S),
        CADENCE(Dimension.RATE, WatchUnits.SPM),
        FRACTIONAL_CADENCE(Dimension.RATE, WatchUnits.SPM),
        CONTACT_TIME(Dimension.TIME, WatchUnits.MS),
        CONTACT_BALANCE(Dimension.PERCENT, WatchUnits.PERCENT),
        STANCE_TIME_PCT(Dimension.PERCENT, WatchUnits.PERCENT),
        VERTICAL_OSCILLATION(Dimension.LENGTH, WatchUnits.MM),
        VERTICAL_RATIO(Dimension.PERCENT, WatchUnits.PERCENT),
        STEP_LENGTH(Dimension.LENGTH, WatchUnits.MM),
        STRIDE_LENGTH(Dimension.LENGTH, WatchUnits.MM),
        DISTANCE(Dimension.LENGTH, WatchUnits.M),
        SPEED(Dimension.SPEED, WatchUnits.MPS),
        ENHANCED_SPEED(Dimension.SPEED, WatchUnits.MPS),
        PACE(Dimension.PACE, WatchUnits.MIN_PER_KM),
        ALTITUDE(Dimension.LENGTH, WatchUnits.M),
        ENHANCED_ALTITUDE(Dimension.LENGTH, WatchUnits.M),
        HEART_RATE(Dimension.RATE, WatchUnits.BPM),
        POWER(Dimension.POWER, WatchUnits.W),
        FORM_POWER(Dimension.POWER, WatchUnits.W),
        LEG_SPRING_STIFFNESS(Dimension.STIFFNESS, WatchUnits.KN_PER_M),
        LATITUDE(Dimension.ANGLE, WatchUnits.DEG),
        LONGITUDE(Dimension.ANGLE, WatchUnits.DEG),
        ACTIVITY_TYPE(null, null),
        /** RunScribe's peak acceleration at landing (g). */
        IMPACT(Dimension.ACCELERATION, WatchUnits.G),
        /** RunScribe's peak braking deceleration (g). */
        BRAKING(Dimension.ACCELERATION, WatchUnits.G),
        /** RunScribe's foot-strike type, 1 (heel) to 16 (toe). */
        FOOT_STRIKE_TYPE(Dimension.COUNT, WatchUnits.COUNT),
        /** RunScribe's pronation excursion (°). */
        PRONATION(Dimension.ANGLE, WatchUnits.DEG),
        /** RunScribe's flight ratio (% of the stride in the air). */
        FLIGHT_RATIO(Dimension.PERCENT, WatchUnits.PERCENT),
        TEMPERATURE(Dimension.TEMPERATURE, WatchUnits.DEG_C),
        /** Not a field gaitform uses: kept as an extra column. */
        EXTRA(null, null);

        private final Dimension dimension;
        private final Unit stored;

        Role(Dimension dimension, Unit stored) {
            this.dimension = dimension;
            this.stored = stored;
        }

        /** The dimension a unit of this field must have, or {@code null} when the field has no unit. */
        public Dimension dimension() {
            return dimension;
        }

        /** The unit gaitform stores the field in, or {@code null}. */
        public Unit stored() {
            return stored;
        }
    }

    /** Which foot a field describes. */
    public enum Side {
        BOTH, LEFT, RIGHT
    }

    /**
     * What a name matched.
     *
     * @param role   the field's role ({@link Role#EXTRA} when the name is not in the table)
     * @param device the device token the name started with ({@code hrm}, {@code stryd}, {@code runscribe}, …), or
     *               empty
     * @param side   the foot, {@link Side#BOTH} unless the name ends with a side
     * @param unit   a unit the name itself carried ({@code contact_ms}), when any
     */
    public record Match(Role role, String device, Side side, Optional<Unit> unit) {
        /** True when the name is a field gaitform uses. */
        public boolean known() {
            return role != Role.EXTRA;
        }
    }

    private static final Map<String, Role> NAMES = new LinkedHashMap<>();
    /** RunScribe's short field names, read only in a RunScribe context. */
    private static final Map<String, Role> RUNSCRIBE_CODES = new LinkedHashMap<>();
    /** Device tokens that may start a name, to the device they stand for. */
    private static final Map<String, String> DEVICES = new LinkedHashMap<>();

    static {
        names(Role.TIME, "timestamp", "time", "date time", "datetime", "date", "elapsed time", "elapsed", "seconds",
                "secs", "time s", "elapsed seconds", "timer", "record time", "local timestamp", "utc time");
        names(Role.CADENCE, "cadence", "run cadence", "running cadence", "step rate", "steps per minute", "cad",
                "stride rate");
        names(Role.FRACTIONAL_CADENCE, "fractional cadence");
        names(Role.CONTACT_TIME, "stance time", "ground contact time", "ground time", "gct", "contact time",
                "ground contact", "contact");
        names(Role.CONTACT_BALANCE, "stance time balance", "gct balance", "ground contact time balance",
                "ground time balance", "contact time balance", "stance time balance left", "gct balance left",
                "ground contact balance", "contact balance", "contact balance left");
        names(Role.STANCE_TIME_PCT, "stance time percent", "stance time pct", "gct percent", "ground contact time percent",
                "stance percent", "ground contact percent");
        names(Role.VERTICAL_OSCILLATION, "vertical oscillation", "vert osc", "vo", "vertical osc",
                "vertical oscillation mm");
        names(Role.VERTICAL_RATIO, "vertical ratio", "vert ratio", "vr");
        names(Role.STEP_LENGTH, "step length", "step len", "step distance");
        names(Role.STRIDE_LENGTH, "stride length", "stride len", "stride distance");
        names(Role.DISTANCE, "distance", "dist", "total distance", "distance meters");
        names(Role.SPEED, "speed", "velocity", "smooth speed");
        names(Role.ENHANCED_SPEED, "enhanced speed");
        names(Role.PACE, "pace");
        names(Role.ALTITUDE, "altitude", "elevation", "ele", "alt", "elev");
        names(Role.ENHANCED_ALTITUDE, "enhanced altitude");
        names(Role.HEART_RATE, "heart rate", "hr", "heartrate", "heart rate bpm", "pulse");
        names(Role.POWER, "power", "watts", "running power", "rp power", "power avg", "curr power", "run power");
        names(Role.FORM_POWER, "form power");
        names(Role.LEG_SPRING_STIFFNESS, "leg spring stiffness", "lss");
        names(Role.LATITUDE, "position lat", "latitude", "lat");
        names(Role.LONGITUDE, "position long", "longitude", "lon", "lng", "long");
        names(Role.ACTIVITY_TYPE, "activity type", "activity", "activity kind");
        names(Role.IMPACT, "impact gs", "impact g", "impact", "curr impact gs", "shock");
        names(Role.BRAKING, "braking gs", "braking g", "braking", "curr braking gs");
        names(Role.FOOT_STRIKE_TYPE, "footstrike type", "foot strike type", "footstrike", "foot strike", "fs type",
                "curr fs type");
        names(Role.PRONATION, "pronation", "pronation excursion", "pronation excursion fs mp", "curr pronation");
        names(Role.FLIGHT_RATIO, "flight ratio", "curr flight ratio");
        names(Role.TEMPERATURE, "temperature", "temp");
        names(Role.CONTACT_TIME, "curr contact time");
        RUNSCRIBE_CODES.put("bg", Role.BRAKING);
        RUNSCRIBE_CODES.put("ig", Role.IMPACT);
        RUNSCRIBE_CODES.put("fs", Role.FOOT_STRIKE_TYPE);
        RUNSCRIBE_CODES.put("p", Role.PRONATION);
        RUNSCRIBE_CODES.put("fr", Role.FLIGHT_RATIO);
        RUNSCRIBE_CODES.put("gct", Role.CONTACT_TIME);
        RUNSCRIBE_CODES.put("power", Role.POWER);
        device("hrm", "hrm");
        device("hrm run", "hrm");
        device("hrm pro", "hrm");
        device("chest", "hrm");
        device("stryd", "stryd");
        device("rs", "runscribe");
        device("runscribe", "runscribe");
        device("garmin", "garmin");
        device("rd", "garmin");
        device("rdpod", "garmin");
        device("watch", "watch");
        device("polar", "polar");
        device("coros", "coros");
        device("suunto", "suunto");
        device("wahoo", "wahoo");
        device("tickr", "wahoo");
        device("milestone", "milestone");
        device("zephyr", "zephyr");
        device("pod", "pod");
        device("footpod", "pod");
        device("foot pod", "pod");
    }

    private WatchFields() {
    }

    private static void names(Role role, String... names) {
        for (String n : names) {
            Role before = NAMES.put(n, role);
            if (before != null && before != role) {
                throw new IllegalStateException("field name '" + n + "' given two roles");
            }
        }
    }

    private static void device(String token, String device) {
        DEVICES.put(token, device);
    }

    /** Every name of the table with its role (normalised names), for the documentation and the tests. */
    public static Map<String, Role> names() {
        return Collections.unmodifiableMap(NAMES);
    }

    /** The device tokens a name may start with, to the device they stand for. */
    public static Map<String, String> deviceTokens() {
        return Collections.unmodifiableMap(DEVICES);
    }

    /** The devices gaitform names. */
    public static Set<String> devices() {
        return Set.copyOf(DEVICES.values());
    }

    /**
     * A field name normalised for the table: camel case split ({@code currContactTime} → {@code curr contact time}),
     * lower case, everything but letters and digits a single space.
     */
    public static String normalise(String name) {
        String s = name.trim().replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }

    /** What a field name holds (outside any device context). */
    public static Match match(String name) {
        return match(name, false);
    }

    /**
     * What a field name holds.
     *
     * @param name      the field's name as written (without a bracketed unit)
     * @param runScribe true when the field comes from RunScribe's data field, whose short names ({@code BG},
     *                  {@code IG}, {@code FS}, {@code P}, {@code FR}, {@code GCT}, with {@code _L} / {@code _R}) are
     *                  then read too
     */
    public static Match match(String name, boolean runScribe) {
        String n = normalise(name);
        Role whole = NAMES.get(n);
        if (whole != null) {
            // RunScribe names its current values "curr…" (currImpactGs, currContactTime)
            return new Match(whole, n.startsWith("curr ") ? "runscribe" : "", Side.BOTH, Optional.empty());
        }
        if (n.isEmpty()) {
            return new Match(Role.EXTRA, "", Side.BOTH, Optional.empty());
        }
        List<String> tokens = List.of(n.split(" "));
        int from = 0;
        int to = tokens.size();
        String device = "";
        // a leading device token (one or two words)
        for (int k = Math.min(2, to - 1); k >= 1; k--) {
            String head = String.join(" ", tokens.subList(0, k));
            if (DEVICES.containsKey(head)) {
                device = DEVICES.get(head);
                from = k;
                break;
            }
        }
        if (from == 0 && tokens.get(0).equals("curr") && to > 1) {
            device = "runscribe";
        }
        Side side = Side.BOTH;
        if (to - from > 1) {
            String last = tokens.get(to - 1);
            if (last.equals("l") || last.equals("left")) {
                side = Side.LEFT;
                to--;
            } else if (last.equals("r") || last.equals("right")) {
                side = Side.RIGHT;
                to--;
            }
        }
        String rest = String.join(" ", tokens.subList(from, to));
        Role role = NAMES.get(rest);
        if (role == null && (runScribe || device.equals("runscribe"))) {
            role = RUNSCRIBE_CODES.get(rest);
            if (role != null) {
                device = "runscribe";
            }
        }
        Optional<Unit> unit = Optional.empty();
        if (role == null && to - from > 1) {
            // a unit at the end of the name: cadence_spm, contact_ms, vertical_oscillation_cm
            Optional<Unit> u = WatchUnits.parse(tokens.get(to - 1));
            Role r = NAMES.get(String.join(" ", tokens.subList(from, to - 1)));
            if (u.isPresent() && r != null && r.dimension() == u.get().dimension()) {
                role = r;
                unit = u;
            }
        }
        if (role == null || role == Role.TIME && from > 0) {
            return new Match(Role.EXTRA, device, side, Optional.empty());
        }
        return new Match(role, device, side, unit);
    }
}
