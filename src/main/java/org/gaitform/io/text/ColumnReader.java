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
        int k = columns.length;
        double[][] out = new double[k][];
        double[][] buf = new double[k][4096];
        int n = 0;
        int needed = Arrays.stream(columns).max().orElse(0) + 1;
        try (GuardedLineReader r = new GuardedLineReader(layout.decoding().open(file), source)) {
            String line;
            while ((line = r.readLine()) != null) {
                long lineNo = r.lineNumber();
                if (lineNo < layout.firstDataLine() || line.isBlank()) {
                    continue;
                }
                String[] f = layout.split(line);
                if (f.length < needed || (f.length != layout.columnCount() && f.length < layout.columnCount())) {
                    throw GaitformException.badInput(source, "line " + lineNo,
                            layout.columnCount() + " fields like the header", f.length + " fields (a ragged or cut row)");
                }
                if (n == buf[0].length) {
                    if ((long) n >= maxRows) {
                        throw GaitformException.badInput(source, "line " + lineNo,
                                "at most " + maxRows + " data rows", "more");
                    }
                    int cap = (int) Math.min(Integer.MAX_VALUE - 8L, (long) n * 2);
                    for (int c = 0; c < k; c++) {
                        buf[c] = Arrays.copyOf(buf[c], cap);
                    }
                }
                for (int c = 0; c < k; c++) {
                    String cell = f[columns[c]];
                    double v = kinds[c] == CellKind.TIMESTAMP ? TimeStamps.parseSeconds(cell)
                            : Numbers.parse(cell, layout.decimalComma());
                    if (Double.isNaN(v)) {
                        throw GaitformException.badInput(source,
                                "line " + lineNo + ", column '" + layout.columnNames().get(columns[c]) + "'",
                                kinds[c] == CellKind.TIMESTAMP ? "a date-time stamp" : "a finite number",
                                cell.isEmpty() ? "an empty cell" : "'" + abbreviate(cell) + "'");
                    }
                    buf[c][n] = v;
                }
                n++;
            }
        }
        for (int c = 0; c < k; c++) {
            out[c] = Arrays.copyOf(buf[c], n);
        }
        return out;
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

    /** Shortens long cell text for messages. */
    public static String abbreviate(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() <= 40 ? t : t.substring(0, 37) + "...";
    }
}
