package org.gaitform.dataset;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of one dataset table over many sessions: the union of the sessions' columns, a column's type widened
 * where sessions disagree (a whole number and a decimal give a decimal; anything and text give text), in the
 * table's documented order. Rows of each session are then aligned to it.
 */
public final class DatasetSchema implements Serializable {
    private static final long serialVersionUID = 1L;
    private final DatasetTable table;
    private final Map<String, DatasetColumn> union = new LinkedHashMap<>();
    private List<DatasetColumn> ordered;
    private Map<String, Integer> index;

    public DatasetSchema(DatasetTable table) {
        this.table = table;
        for (String c : table.leadingColumns().subList(0, 1)) {
            union.put(c, DatasetColumn.of(c, ColumnType.TEXT));
        }
    }

    /** The table. */
    public DatasetTable table() {
        return table;
    }

    /** Adds the columns of one session's part. */
    public DatasetSchema add(List<DatasetColumn> columns) {
        for (DatasetColumn c : columns) {
            union.merge(c.name(), c, (a, b) -> a.type() == b.type() ? a : DatasetColumn.of(a.name(), a.type().widen(b.type())));
        }
        ordered = null;
        return this;
    }

    /** Adds the columns of another schema of the same table. */
    public DatasetSchema merge(DatasetSchema other) {
        return add(new ArrayList<>(other.union.values()));
    }

    /** The columns, in order. */
    public List<DatasetColumn> columns() {
        if (ordered == null) {
            ordered = List.copyOf(table.order(union.values()));
            index = new LinkedHashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                index.put(ordered.get(i).name(), i);
            }
        }
        return ordered;
    }

    /** A session's rows aligned to these columns, each cell converted to its column's type. */
    public List<Object[]> align(SessionRows.Part part) {
        List<DatasetColumn> cols = columns();
        int[] to = new int[part.columns().size()];
        for (int i = 0; i < to.length; i++) {
            Integer k = index.get(part.columns().get(i).name());
            if (k == null) {
                throw new IllegalArgumentException("column " + part.columns().get(i).name() + " is not in the schema of "
                        + table.fileStem());
            }
            to[i] = k;
        }
        List<Object[]> out = new ArrayList<>(part.rows().size());
        for (Object[] row : part.rows()) {
            Object[] r = new Object[cols.size()];
            for (int i = 0; i < to.length; i++) {
                r[to[i]] = convert(row[i], cols.get(to[i]).type());
            }
            out.add(r);
        }
        return out;
    }

    /** A cell as a value of a column type. */
    static Object convert(Object v, ColumnType t) {
        if (v == null) {
            return null;
        }
        return switch (t) {
            case INTEGER -> v instanceof Long ? v : null;
            case DECIMAL -> v instanceof Double ? v : v instanceof Long l ? (Object) (double) l : null;
            case TEXT -> v instanceof String ? v : v instanceof Double d ? plain(d) : v.toString();
        };
    }

    /** A decimal as plain text: no exponent, no trailing zeros ({@code 238.3}, {@code 0.0001}, {@code 100}). */
    public static String plain(double d) {
        if (!Double.isFinite(d)) {
            return "";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
