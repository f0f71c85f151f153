package org.gaitform.dataset;

/** The type of a dataset column: a whole number, a decimal number or text (Parquet INT64, DOUBLE, UTF-8 string). */
public enum ColumnType {
    /** A whole number (counts, step and bout numbers); Parquet {@code INT64}. */
    INTEGER,
    /** A measured or derived number; Parquet {@code DOUBLE}. */
    DECIMAL,
    /** Text (labels, methods, messages); Parquet {@code BINARY} annotated {@code STRING}. */
    TEXT;

    /** The type that holds values of both: the same type, a decimal for a whole and a decimal, else text. */
    ColumnType widen(ColumnType other) {
        if (this == other) {
            return this;
        }
        if (this != TEXT && other != TEXT) {
            return DECIMAL;
        }
        return TEXT;
    }
}
