package org.gaitform.dataset;

import java.io.Serializable;
import java.util.Objects;

/**
 * A column of a dataset table.
 *
 * @param name its name (ends with its unit: {@code contact_ms}, {@code cadence_spm})
 * @param type the type of its values
 * @param unit the unit its name ends with, spelled out ({@code ms}, {@code steps/min}); empty for text and for
 *             dimensionless numbers without one
 */
public record DatasetColumn(String name, ColumnType type, String unit) implements Serializable {
    private static final long serialVersionUID = 1L;

    public DatasetColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
    }

    /** A column whose unit is read from its name. */
    public static DatasetColumn of(String name, ColumnType type) {
        return new DatasetColumn(name, type, type == ColumnType.TEXT ? "" : Units.of(name));
    }
}
