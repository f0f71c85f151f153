package org.gaitform.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key-value metadata of a gaitform Parquet file: {@code gaitform.table} (its table), {@code gaitform.version},
 * and {@code gaitform.units}, a JSON object from each column name with a unit to its unit
 * ({@code {"contact_ms":"ms","cadence_spm":"steps/min",…}}); the same object is in the Parquet files the Spark job
 * writes.
 */
public final class ParquetUnits {
    /** Key of the units object. */
    public static final String UNITS_KEY = "gaitform.units";
    /** Key of the table name. */
    public static final String TABLE_KEY = "gaitform.table";
    /** Key of gaitform's version. */
    public static final String VERSION_KEY = "gaitform.version";

    private ParquetUnits() {
    }

    /** The metadata of a file of {@code table} with {@code columns}. */
    public static Map<String, String> metadata(DatasetTable table, List<DatasetColumn> columns, String version) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TABLE_KEY, table.fileStem());
        m.put(VERSION_KEY, version);
        m.put(UNITS_KEY, unitsJson(columns));
        return m;
    }

    /** The units of the columns that have one, as a JSON object in column order. */
    public static String unitsJson(List<DatasetColumn> columns) {
        StringBuilder sb = new StringBuilder("{");
        for (DatasetColumn c : columns) {
            if (c.unit().isEmpty()) {
                continue;
            }
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(quote(c.name())).append(':').append(quote(c.unit()));
        }
        return sb.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20) {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }
}
