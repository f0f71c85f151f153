package org.gaitform.io.watch;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.gaitform.io.watch.WatchFields.Role;
import org.gaitform.io.watch.WatchUnits.Dimension;
import org.gaitform.io.watch.WatchUnits.Unit;

/**
 * The unit a field's values are in: the unit its header or description names (looked up in {@link WatchUnits}),
 * when that unit fits what the field holds; otherwise the unit its typical value implies, said as such. The value
 * rules are this project's choices from the ranges running values take: contact time under 3 is in seconds (a
 * contact lasts 0.15–0.4 s, or 150–400 ms); vertical oscillation under 0.5 is in metres, under 30 in centimetres,
 * else millimetres (6–12 cm); a step length under 3 is in metres, under 300 in centimetres, else millimetres; a
 * speed above 7.5 is in km/h (no one runs 7.5 m/s for long); a balance under 1.5, a vertical ratio under 0.5, a
 * stance-time or flight share under 1 are fractions; an acceleration
 * above 25 is in m/s² (impacts are 2–20 g); a stiffness above 500 is in N/m (legs are 5–20 kN/m); a pace between 2
 * and 20 is in min/km, above 100 in s/km.
 */
final class FieldUnits {
    private FieldUnits() {
    }

    /**
     * The unit chosen and why.
     *
     * @param unit    the unit the values are in (never {@code null}; the role's stored unit when nothing else is known)
     * @param reason  "named by the header" or "typical value …", for the decision
     * @param warning a named unit that did not fit the field, or empty
     */
    record Choice(Unit unit, String reason, Optional<String> warning) {
        /** True when the values need no conversion into the role's stored unit. */
        boolean identity(Role role) {
            return role.stored() == null || unit.equals(role.stored());
        }

        /** A value converted into the role's stored unit. */
        double convert(Role role, double v) {
            if (role.stored() == null) {
                return v;
            }
            return unit.to(role.stored(), v);
        }

        /** A copy of the values converted into the role's stored unit ({@code NaN} stays {@code NaN}). */
        double[] convert(Role role, double[] raw) {
            double[] v = raw.clone();
            if (identity(role)) {
                return v;
            }
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.isNaN(v[i]) ? Double.NaN : convert(role, v[i]);
            }
            return v;
        }
    }

    /**
     * The unit of a field.
     *
     * @param role     what the field holds
     * @param named    the unit string its header or description gives (may be empty)
     * @param nameUnit a unit its name carried ({@code contact_ms}), if any
     * @param values   its values, for the typical value when no fitting unit is named
     * @param what     how to name the field in a warning
     */
    static Choice of(Role role, String named, Optional<Unit> nameUnit, double[] values, String what) {
        Optional<Unit> u = WatchUnits.parse(named);
        Optional<String> warning = Optional.empty();
        if (u.isEmpty() && nameUnit.isPresent()) {
            u = nameUnit;
        }
        if (u.isPresent() && role.dimension() != null && u.get().dimension() != role.dimension()) {
            // a count for a rate (FIT "cycles"), a percentage as a fraction: not a fit
            warning = Optional.of(what + " names its unit '" + named + "', which is not a unit of "
                    + describe(role.dimension()) + ": the unit is taken from the values instead");
            u = Optional.empty();
        } else if (u.isEmpty() && !named.isBlank() && role.dimension() != null) {
            warning = Optional.of(what + " names its unit '" + named + "', which gaitform does not know: the unit is "
                    + "taken from the values instead");
        }
        if (u.isPresent()) {
            return new Choice(u.get(), "named by its " + (named.isBlank() ? "name" : "unit '" + named.trim() + "'"),
                    warning);
        }
        double med = median(values);
        Unit guess = guess(role, med);
        String reason = Double.isNaN(med) ? "no values; " + (guess == null ? "" : guess.symbol()) + " assumed"
                : "no unit named; typical value " + String.format(Locale.ROOT, "%.3g", med) + " → "
                + (guess == null || guess.symbol().isEmpty() ? "as written" : guess.symbol());
        return new Choice(guess == null ? WatchUnits.COUNT : guess, reason, warning);
    }

    private static String describe(Dimension d) {
        return switch (d) {
            case TIME -> "time";
            case LENGTH -> "length";
            case SPEED -> "speed";
            case PACE -> "pace";
            case RATE -> "a rate per minute";
            case PERCENT -> "a percentage";
            case POWER -> "power";
            case ANGLE -> "an angle";
            case ACCELERATION -> "acceleration";
            case STIFFNESS -> "stiffness";
            case TEMPERATURE -> "temperature";
            case ENERGY -> "energy";
            case COUNT -> "a count";
        };
    }

    /** The unit a typical value implies for a role (the role's stored unit when the value says nothing). */
    static Unit guess(Role role, double med) {
        boolean known = !Double.isNaN(med);
        return switch (role) {
            case CONTACT_TIME -> known && med < 3 ? WatchUnits.S : WatchUnits.MS;
            case VERTICAL_OSCILLATION -> known && med < 0.5 ? WatchUnits.M : known && med < 30 ? WatchUnits.CM
                    : WatchUnits.MM;
            case STEP_LENGTH, STRIDE_LENGTH -> known && med < 3 ? WatchUnits.M : known && med < 300 ? WatchUnits.CM
                    : WatchUnits.MM;
            case SPEED, ENHANCED_SPEED -> known && med > 7.5 ? WatchUnits.KMH : WatchUnits.MPS;
            case PACE -> known && med > 100 ? WatchUnits.S_PER_KM : WatchUnits.MIN_PER_KM;
            case CONTACT_BALANCE -> known && med < 1.5 ? WatchUnits.FRACTION : WatchUnits.PERCENT;
            case VERTICAL_RATIO -> known && med < 0.5 ? WatchUnits.FRACTION : WatchUnits.PERCENT;
            case STANCE_TIME_PCT, FLIGHT_RATIO -> known && med < 1 ? WatchUnits.FRACTION : WatchUnits.PERCENT;
            case IMPACT, BRAKING -> known && med > 25 ? WatchUnits.MPS2 : WatchUnits.G;
            case LEG_SPRING_STIFFNESS -> known && med > 500 ? WatchUnits.N_PER_M : WatchUnits.KN_PER_M;
            case LATITUDE, LONGITUDE -> WatchUnits.DEG;
            default -> role.stored();
        };
    }

    /** Median of the non-NaN, non-zero values ({@code NaN} when none). */
    static double median(double[] v) {
        if (v == null) {
            return Double.NaN;
        }
        double[] s = Arrays.stream(v).filter(x -> Double.isFinite(x) && x != 0).map(Math::abs).sorted().toArray();
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }
}
