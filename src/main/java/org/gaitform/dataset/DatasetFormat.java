package org.gaitform.dataset;

import java.util.Locale;
import java.util.Optional;

/** How the dataset tables are written ({@code --format}). */
public enum DatasetFormat {
    /** Comma-separated text, {@code steps.csv} … (the default). */
    CSV("csv"),
    /** Apache Parquet, {@code steps.parquet} …: typed columns, units in the schema's metadata. */
    PARQUET("parquet");

    private final String extension;

    DatasetFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension, also the value on the command line. */
    public String extension() {
        return extension;
    }

    /** Parses {@code csv} or {@code parquet}. */
    public static Optional<DatasetFormat> parse(String s) {
        for (DatasetFormat f : values()) {
            if (f.extension.equalsIgnoreCase(s == null ? "" : s.trim())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The file of a table in this format ({@code steps.csv}). */
    public String fileName(DatasetTable table) {
        return table.fileStem() + "." + extension;
    }

    @Override
    public String toString() {
        return extension.toLowerCase(Locale.ROOT);
    }
}
