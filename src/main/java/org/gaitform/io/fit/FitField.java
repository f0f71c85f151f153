package org.gaitform.io.fit;

import java.util.Arrays;
import java.util.Objects;

/**
 * One decoded field of a FIT message, scaled to its unit.
 *
 * @param number    field number (the definition number for developer fields)
 * @param name      profile name ({@code field_<n>} outside the profile; the description's name for developer fields)
 * @param units     unit as the profile or the developer's description gives it, or empty
 * @param values    the values, {@code raw / scale - offset}; one per array element, {@code NaN} for invalid elements
 *                  (empty for text)
 * @param text      the text of a string field, or {@code null}
 * @param developer true for a developer field (Stryd, RunScribe, Connect IQ data fields)
 */
public record FitField(int number, String name, String units, double[] values, String text, boolean developer) {
    public FitField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(units, "units");
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The first value, or {@code NaN} (text fields, or an invalid first element). */
    public double value() {
        return values.length == 0 ? Double.NaN : values[0];
    }

    /** Number of elements. */
    public int size() {
        return values.length;
    }

    /** True for a string field. */
    public boolean isText() {
        return text != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FitField f && number == f.number && developer == f.developer && name.equals(f.name)
                && units.equals(f.units) && Arrays.equals(values, f.values) && Objects.equals(text, f.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, name, units, Arrays.hashCode(values), text, developer);
    }

    @Override
    public String toString() {
        return name + "=" + (text != null ? "'" + text + "'" : values.length == 1 ? String.valueOf(values[0])
                : Arrays.toString(values)) + (units.isEmpty() ? "" : " " + units);
    }
}
