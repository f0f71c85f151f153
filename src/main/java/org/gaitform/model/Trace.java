package org.gaitform.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A short stretch of a processed signal kept for the report's charts.
 *
 * @param name   what the signal is (for example "vertical acceleration")
 * @param unit   its unit (for example "g")
 * @param timeS  sample times (s, input time axis)
 * @param values sample values, same length as {@code timeS}
 */
public record Trace(String name, String unit, double[] timeS, double[] values) {
    public Trace {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (timeS.length != values.length) {
            throw new IllegalArgumentException("trace '" + name + "': " + timeS.length + " times but "
                    + values.length + " values");
        }
        timeS = timeS.clone();
        values = values.clone();
    }

    @Override
    public double[] timeS() {
        return timeS.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Number of samples. */
    public int size() {
        return timeS.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trace t && name.equals(t.name) && unit.equals(t.unit)
                && Arrays.equals(timeS, t.timeS) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, unit, Arrays.hashCode(timeS), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Trace[" + name + " (" + unit + "), " + timeS.length + " samples]";
    }
}
