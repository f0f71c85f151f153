package org.gaitform.io.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.gaitform.model.GaitformException;

/**
 * Streams selected columns of a delimited text file into {@code double[]} arrays. Every cell must be
 * a finite number (or, for a time-stamp column, a date-time stamp); the first bad cell stops the read
 * with a message naming the file, the line, the column, what was expected and what was found.
 */
public final class ColumnReader {

    /** How the cells of a column are read. */
    public enum CellKind {
        /** A plain number (decimal point or comma as the layout says). */
        NUMBER,
        /** A date-time or time-of-day stamp, read as seconds ({@link TimeStamps}). */
        TIMESTAMP
    }

    /**
     * Reads columns.
     *
     * @param file    the file
     * @param source  its display name for messages
     * @param layout  its layout
     * @param columns 0-based column indices to read
     * @param kinds   how to read each of them
     * @param maxRows stop after this many data rows (a safety limit); more rows is an error
     * @return one array per requested column, all of the same length
     */
    public static double[][] read(Path file, String source, TextLayout layout, int[] columns, CellKind[] kinds,
                                  long maxRows) throws IOException {
        return read(ByteSource.of(file), source, layout, columns, kinds, maxRows);
    }

    /** Reads columns of a table read from {@code file} (a file, or an archive entry streamed). */
    public static double[][] read(ByteSource file, String source, TextLayout layout, int[] columns, CellKind[] kinds,
                                  long maxRows) throws IOException {
        int k = columns.length;
        DoubleColumn[] cols = new DoubleColumn[k];
        for (int c = 0; c < k; c++) {
            cols[c] = new DoubleColumn();
        }
        long n = 0;
        int needed = Arrays.stream(columns).max().orElse(0) + 1;
        // separators other than white space (which runs of blanks form) split exactly as Fields.Bounds finds them
        boolean inPlace = layout.separator() != 0 && layout.separator() != ' ';
        Fields.Bounds bounds = new Fields.Bounds();
        try (ByteLineReader r = ByteLineReader.open(file, layout.decoding(), source)) {
            while (r.next()) {
                long lineNo = r.lineNumber();
                if (lineNo < layout.firstDataLine()) {
                    continue;
                }
                // an ASCII row without quotes (nearly all) is parsed in place, as bytes; others are split into strings
                byte[] b = r.bytes();
                String line = r.ascii() ? null : r.line();
                if (r.blank()) {
                    continue;
                }
                if (r.has('\0')) {
                    throw GaitformException.badInput(source, "line " + lineNo, "text",
                            "a NUL byte (binary data in the file: damaged or not a text export?)");
                }
                String[] f = line == null && inPlace && bounds.find(b, r.from(), r.to(), layout.separator()) ? null
                        : layout.split(line == null ? r.line() : line);
                int fields = f == null ? bounds.count() : f.length;
                if (fields < needed || (fields != layout.columnCount() && fields < layout.columnCount())) {
                    throw GaitformException.badInput(source, "line " + lineNo,
                            layout.columnCount() + " fields like the header", fields + (fields == 1 ? " field" : " fields")
                                    + (r.line().indexOf('"') >= 0 ? " (a quote that is not closed?)" : " (a ragged or cut row)"));
                }
                if (n >= maxRows) {
                    throw GaitformException.badInput(source, "line " + lineNo, "at most " + maxRows + " data rows",
                            "more (split the recording)");
                }
                for (int c = 0; c < k; c++) {
                    double v;
                    String cell = null;
                    if (f == null) {
                        int from = bounds.from(columns[c]);
                        int to = bounds.to(columns[c]);
                        v = kinds[c] == CellKind.NUMBER ? Numbers.parse(b, from, to, layout.decimalComma())
                                : TimeStamps.parseSeconds(b, from, to);
                    } else {
                        cell = f[columns[c]];
                        v = kinds[c] == CellKind.TIMESTAMP ? TimeStamps.parseSeconds(cell)
                                : Numbers.parse(cell, layout.decimalComma());
                    }
                    if (Double.isNaN(v)) {
                        if (cell == null) {
                            cell = ascii(b, bounds.from(columns[c]), bounds.to(columns[c]));
                        }
                        throw GaitformException.badInput(source,
                                "line " + lineNo + ", column '" + abbreviate(layout.columnNames().get(columns[c])) + "'",
                                kinds[c] == CellKind.TIMESTAMP ? "a date-time stamp" : "a finite number",
                                cell.isEmpty() ? "an empty cell" : "'" + abbreviate(cell) + "'");
                    }
                    cols[c].add(v);
                }
                n++;
            }
        }
        // one column at a time, so that at most one column exists twice
        double[][] out = new double[k][];
        for (int c = 0; c < k; c++) {
            out[c] = cols[c].toArray();
            cols[c] = null;
        }
        return out;
    }

    /**
     * A growing column of numbers kept in blocks, so that growing never copies what was read and a long
     * recording needs its size once (plus one block), not twice or three times. Blocks start small and double
     * up to {@link #BLOCK} values, so that a table of many short columns stays small too.
     */
    public static final class DoubleColumn {
        static final int BLOCK = 1 << 15;
        private static final int FIRST_BLOCK = 256;
        private final java.util.ArrayList<double[]> blocks = new java.util.ArrayList<>();
        private double[] current;
        private int pos;
        private long size;

        /** Appends a value. */
        public void add(double v) {
            if (current == null || pos == current.length) {
                current = new double[current == null ? FIRST_BLOCK : Math.min(BLOCK, current.length * 2)];
                blocks.add(current);
                pos = 0;
            }
            current[pos++] = v;
            size++;
        }

        /** Values so far. */
        public long size() {
            return size;
        }

        /** The values in one array; the blocks are released as they are copied. */
        public double[] toArray() {
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("column too long: " + size);
            }
            double[] out = new double[(int) size];
            int at = 0;
            for (int b = 0; b < blocks.size(); b++) {
                double[] block = blocks.get(b);
                int len = (int) Math.min(block.length, size - at);
                System.arraycopy(block, 0, out, at, len);
                blocks.set(b, null);
                at += len;
            }
            blocks.clear();
            current = null;
            return out;
        }
    }

    /** The ASCII text of bytes {@code from} to {@code to}. */
    public static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The first data row split into fields, or {@code null} when the file has none. */
    public static String[] firstDataRow(Path file, String source, TextLayout layout) throws IOException {
        try (GuardedLineReader r = new GuardedLineReader(layout.decoding().open(file), source)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (r.lineNumber() >= layout.firstDataLine() && !line.isBlank()) {
                    return layout.split(line);
                }
            }
        }
        return null;
    }

    /** Shortens long cell text for messages; control and format characters (bidirectional overrides) as '?'. */
    public static String abbreviate(String s) {
        String t = org.gaitform.model.Printable.safe(s.length() > 200 ? s.substring(0, 200) : s);
        return t.length() <= 40 ? t : t.substring(0, 37) + "...";
    }
}
