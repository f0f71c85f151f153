package org.gaitform.dataset;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gaitform.guidelines.Guideline;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.json.JsonReader;

/**
 * The rows one session adds to each dataset table, read from the tables the session wrote: its {@code steps.csv}
 * and {@code bouts.csv} (one row per line, {@code session_id} in front) and its {@code summary.json} (the
 * {@code sessions} row: every key but the findings, which become its {@code findings} rows). Reading the written
 * text, rather than the values in memory, makes the dataset hold exactly what the session folders say, whether the
 * session was analysed now, skipped as unchanged, or analysed on a Spark executor.
 *
 * <p>Cells are {@link Long} ({@link ColumnType#INTEGER}), {@link Double} ({@link ColumnType#DECIMAL}),
 * {@link String} ({@link ColumnType#TEXT}) or {@code null} (missing).
 */
public final class SessionRows implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Columns of steps.csv and bouts.csv that hold text. */
    private static final Set<String> TEXT_COLUMNS = Set.of("side", "activity", "ic_method", "terrain", "pace",
            "partial");
    /** Columns of steps.csv and bouts.csv that hold whole numbers. */
    private static final Set<String> INTEGER_COLUMNS = Set.of("step", "bout", "split", "priority");

    /**
     * One table's part: its columns and its rows. Held by column (an array of numbers or of texts per column, equal
     * texts shared), so that a session's thousands of cells are a few objects to cache, measure and serialise on a
     * Spark executor (the one-hour GaitPy walk: 0.24 MB of heap instead of 1.1 MB, 240 kB serialised instead of
     * 418 kB); {@link #rows()} gives the rows. Missing cells ({@code null}) come back as {@code null}; a number
     * column never holds NaN (the session tables write a non-finite value as an empty cell).
     */
    public static final class Part implements Serializable {
        private static final long serialVersionUID = 1L;
        static final Part EMPTY = new Part(List.of(), List.of());
        private static final long NO_LONG = Long.MIN_VALUE;

        private final List<DatasetColumn> columns;
        private final int size;
        /** Per column: {@code long[]} (missing: {@link #NO_LONG}), {@code double[]} (missing: NaN) or {@code String[]}. */
        private final Object[] data;

        /**
         * @param columns the columns, {@code session_id} first
         * @param rows    one cell array per row, aligned with {@code columns}: {@link Long}, {@link Double},
         *                {@link String} or {@code null} as the column's type says
         */
        public Part(List<DatasetColumn> columns, List<Object[]> rows) {
            this.columns = List.copyOf(columns);
            this.size = rows.size();
            this.data = new Object[this.columns.size()];
            Map<String, String> shared = new HashMap<>();
            for (int c = 0; c < data.length; c++) {
                switch (this.columns.get(c).type()) {
                    case INTEGER -> {
                        long[] v = new long[size];
                        for (int r = 0; r < size; r++) {
                            Object x = rows.get(r)[c];
                            v[r] = x == null ? NO_LONG : ((Number) x).longValue();
                        }
                        data[c] = v;
                    }
                    case DECIMAL -> {
                        double[] v = new double[size];
                        for (int r = 0; r < size; r++) {
                            Object x = rows.get(r)[c];
                            v[r] = x == null ? Double.NaN : ((Number) x).doubleValue();
                        }
                        data[c] = v;
                    }
                    case TEXT -> {
                        String[] v = new String[size];
                        for (int r = 0; r < size; r++) {
                            Object x = rows.get(r)[c];
                            v[r] = x == null ? null : shared.computeIfAbsent(x.toString(), k -> k);
                        }
                        data[c] = v;
                    }
                }
            }
        }

        /** The columns. */
        public List<DatasetColumn> columns() {
            return columns;
        }

        /** The number of rows. */
        public int size() {
            return size;
        }

        /** A cell: {@link Long}, {@link Double}, {@link String} or {@code null}. */
        public Object cell(int row, int column) {
            Object d = data[column];
            if (d instanceof long[] l) {
                return l[row] == NO_LONG ? null : (Object) l[row];
            }
            if (d instanceof double[] x) {
                return Double.isNaN(x[row]) ? null : (Object) x[row];
            }
            return ((String[]) d)[row];
        }

        /** The rows, each a new cell array aligned with {@link #columns()}. */
        public List<Object[]> rows() {
            return new AbstractList<>() {
                @Override
                public Object[] get(int r) {
                    Object[] row = new Object[data.length];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = cell(r, c);
                    }
                    return row;
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }

    private final String sessionId;
    private final EnumMap<DatasetTable, Part> parts;

    private SessionRows(String sessionId, EnumMap<DatasetTable, Part> parts) {
        this.sessionId = sessionId;
        this.parts = parts;
    }

    /** The session's id. */
    public String sessionId() {
        return sessionId;
    }

    /** The session's part of a table (no columns and no rows when it adds none). */
    public Part part(DatasetTable table) {
        return parts.getOrDefault(table, Part.EMPTY);
    }

    /**
     * A session whose tables were written.
     *
     * @param sessionId   its id
     * @param source      the input as the batch names it
     * @param status      {@code ok} or {@code skipped}
     * @param message     the batch's one-line account of it
     * @param stepsCsv    the text of its steps.csv
     * @param boutsCsv    the text of its bouts.csv (empty when it has none)
     * @param summaryJson the text of its summary.json
     * @param metadata    further values to add to its {@code sessions} row as text (a manifest's columns); values
     *                    for a column the summary already has are ignored
     * @param guidelines  the guideline table, for each finding's indicator and metric
     */
    public static SessionRows analysed(String sessionId, String source, String status, String message, String stepsCsv,
                                       String boutsCsv, String summaryJson, Map<String, String> metadata,
                                       GuidelineTable guidelines) {
        Map<String, Object> summary = parseSummary(sessionId, summaryJson);
        EnumMap<DatasetTable, Part> parts = new EnumMap<>(DatasetTable.class);
        parts.put(DatasetTable.STEPS, table(sessionId, stepsCsv));
        parts.put(DatasetTable.BOUTS, table(sessionId, boutsCsv));
        parts.put(DatasetTable.SESSIONS, sessionRow(sessionId, source, status, message, summary, metadata));
        parts.put(DatasetTable.FINDINGS, findings(sessionId, summary, guidelines));
        return new SessionRows(sessionId, parts);
    }

    /** A session from the files in its folder ({@code steps.csv}, {@code bouts.csv}, {@code summary.json}). */
    public static SessionRows fromFolder(Path folder, String sessionId, String source, String status, String message,
                                         Map<String, String> metadata, GuidelineTable guidelines) throws IOException {
        Path bouts = folder.resolve("bouts.csv");
        return analysed(sessionId, source, status, message,
                Files.readString(folder.resolve("steps.csv"), StandardCharsets.UTF_8),
                Files.exists(bouts) ? Files.readString(bouts, StandardCharsets.UTF_8) : "",
                Files.readString(folder.resolve("summary.json"), StandardCharsets.UTF_8), metadata, guidelines);
    }

    /** A session that failed: a {@code sessions} row with its status and message, nothing else. */
    public static SessionRows failed(String sessionId, String source, String message, Map<String, String> metadata) {
        return statusOnly(sessionId, source, "failed", message, metadata);
    }

    /**
     * An input that has no tables of its own — a runner's account export, whose history is in its own folder's tables
     * and whose recent runs are sessions of their own: a {@code sessions} row with its status and message.
     */
    public static SessionRows statusOnly(String sessionId, String source, String status, String message,
                                         Map<String, String> metadata) {
        EnumMap<DatasetTable, Part> parts = new EnumMap<>(DatasetTable.class);
        parts.put(DatasetTable.SESSIONS, sessionRow(sessionId, source, status, message, Map.of(), metadata));
        return new SessionRows(sessionId, parts);
    }

    private static Map<String, Object> parseSummary(String sessionId, String json) {
        try {
            if (JsonReader.parse(json) instanceof Map<?, ?> m) {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(String.valueOf(k), v));
                return out;
            }
        } catch (JsonReader.JsonException e) {
            throw new IllegalArgumentException("summary.json of session " + sessionId + " is not valid JSON: "
                    + e.getMessage(), e);
        }
        throw new IllegalArgumentException("summary.json of session " + sessionId + " is not a JSON object");
    }

    /** A session table's CSV text as typed rows with {@code session_id} in front. */
    private static Part table(String sessionId, String csv) {
        if (csv == null || csv.isBlank()) {
            return Part.EMPTY;
        }
        List<String> header;
        List<String[]> cells = new ArrayList<>();
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            header = p.getHeaderNames();
            for (CSVRecord rec : p) {
                String[] row = new String[header.size()];
                for (int i = 0; i < row.length && i < rec.size(); i++) {
                    row[i] = rec.get(i);
                }
                cells.add(row);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int n = header.size();
        ColumnType[] types = new ColumnType[n];
        for (int c = 0; c < n; c++) {
            String name = header.get(c);
            types[c] = TEXT_COLUMNS.contains(name) ? ColumnType.TEXT
                    : INTEGER_COLUMNS.contains(name) || Units.isCount(name) ? ColumnType.INTEGER : ColumnType.DECIMAL;
            for (String[] row : cells) {
                if (types[c] == ColumnType.TEXT) {
                    break;
                }
                String v = row[c];
                if (v != null && !v.isEmpty() && !isNumber(v, types[c])) {
                    types[c] = types[c] == ColumnType.INTEGER && isNumber(v, ColumnType.DECIMAL) ? ColumnType.DECIMAL
                            : ColumnType.TEXT;
                }
            }
        }
        List<DatasetColumn> columns = new ArrayList<>();
        columns.add(DatasetColumn.of(DatasetTable.SESSION_ID, ColumnType.TEXT));
        for (int c = 0; c < n; c++) {
            columns.add(DatasetColumn.of(header.get(c), types[c]));
        }
        List<Object[]> rows = new ArrayList<>(cells.size());
        for (String[] row : cells) {
            Object[] r = new Object[n + 1];
            r[0] = sessionId;
            for (int c = 0; c < n; c++) {
                r[c + 1] = cell(row[c], types[c]);
            }
            rows.add(r);
        }
        return new Part(columns, rows);
    }

    private static boolean isNumber(String v, ColumnType t) {
        try {
            if (t == ColumnType.INTEGER) {
                Long.parseLong(v);
            } else {
                Double.parseDouble(v);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Object cell(String v, ColumnType t) {
        if (v == null || v.isEmpty()) {
            return null;
        }
        return switch (t) {
            case INTEGER -> Long.parseLong(v);
            case DECIMAL -> Double.parseDouble(v);
            case TEXT -> v;
        };
    }

    private static Part sessionRow(String sessionId, String source, String status, String message,
                                   Map<String, Object> summary, Map<String, String> metadata) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(DatasetTable.SESSION_ID, sessionId);
        values.put("source", source);
        values.put("status", status);
        values.put("message", message);
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : summary.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("finding_") || values.containsKey(k)) {
                continue;
            }
            Object v = e.getValue();
            if (v instanceof List<?> list) {
                List<String> texts = new ArrayList<>();
                list.forEach(x -> texts.add(String.valueOf(x)));
                values.put(k, String.join("; ", texts));
                types.put(k, ColumnType.TEXT);
            } else if (v instanceof Double d) {
                boolean whole = Units.isCount(k) && d == Math.rint(d) && Math.abs(d) < 1e15;
                values.put(k, whole ? (Object) (long) (double) d : d);
                types.put(k, whole ? ColumnType.INTEGER : ColumnType.DECIMAL);
            } else if (v == null) {
                values.put(k, null);
                types.put(k, Units.isCount(k) ? ColumnType.INTEGER : ColumnType.DECIMAL);
            } else {
                values.put(k, String.valueOf(v));
                types.put(k, ColumnType.TEXT);
            }
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (!values.containsKey(e.getKey()) && !e.getKey().isBlank()) {
                values.put(e.getKey(), e.getValue() == null || e.getValue().isEmpty() ? null : e.getValue());
                types.put(e.getKey(), ColumnType.TEXT);
            }
        }
        List<DatasetColumn> columns = new ArrayList<>();
        for (String k : values.keySet()) {
            columns.add(DatasetColumn.of(k, types.getOrDefault(k, ColumnType.TEXT)));
        }
        List<Object[]> rows = new ArrayList<>();
        rows.add(values.values().toArray());
        return new Part(columns, rows);
    }

    private static Part findings(String sessionId, Map<String, Object> summary, GuidelineTable table) {
        List<DatasetColumn> columns = new ArrayList<>();
        for (String c : DatasetTable.FINDINGS.leadingColumns()) {
            ColumnType t = c.equals("value") || c.equals("uncertainty") ? ColumnType.DECIMAL
                    : c.equals("priority") || Units.isCount(c) ? ColumnType.INTEGER : ColumnType.TEXT;
            // a finding's value and uncertainty have the unit of its row's 'unit' cell, not one unit for the column
            columns.add(Units.isCount(c) ? DatasetColumn.of(c, t) : new DatasetColumn(c, t, ""));
        }
        List<Object[]> rows = new ArrayList<>();
        for (String k : summary.keySet()) {
            if (!k.startsWith("finding_") || !k.endsWith("_status")) {
                continue;
            }
            String id = k.substring("finding_".length(), k.length() - "_status".length());
            String p = "finding_" + id + "_";
            Guideline g = table == null ? null : table.byId(id).orElse(null);
            rows.add(new Object[] {sessionId, id, g == null ? null : g.indicator(), g == null ? null : g.metric(),
                text(summary.get(k)), decimal(summary.get(p + "value")), decimal(summary.get(p + "uncertainty")),
                text(summary.get(p + "unit")), text(summary.get(p + "target")), whole(summary.get(p + "priority")),
                text(summary.get(p + "sources")), whole(summary.get(p + "n_steps")),
                whole(summary.get(p + "n_steps_left")), whole(summary.get(p + "n_steps_right")),
                text(summary.get(p + "why_not_judged"))});
        }
        return new Part(columns, rows);
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static Double decimal(Object o) {
        return o instanceof Double d ? d : null;
    }

    private static Long whole(Object o) {
        return o instanceof Double d ? (long) (double) d : null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SessionRows s) || !s.sessionId.equals(sessionId)) {
            return false;
        }
        for (DatasetTable t : DatasetTable.values()) {
            Part a = part(t);
            Part b = s.part(t);
            if (!a.columns().equals(b.columns()) || a.rows().size() != b.rows().size()) {
                return false;
            }
            for (int i = 0; i < a.rows().size(); i++) {
                if (!java.util.Arrays.equals(a.rows().get(i), b.rows().get(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, part(DatasetTable.STEPS).rows().size());
    }
}
