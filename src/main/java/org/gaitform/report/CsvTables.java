package org.gaitform.report;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV output with Commons CSV: comma-separated, a header row, {@code \n} line ends, numbers with a
 * decimal point and fixed decimals, empty cells for missing values. Text cells that a spreadsheet
 * would run as a formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage
 * return) get a leading apostrophe.
 */
public final class CsvTables {
    private CsvTables() {
    }

    /** A number cell with a fixed number of decimals, empty when not finite. */
    public record Num(double value, int decimals) {
        @Override
        public String toString() {
            if (!Double.isFinite(value)) {
                return "";
            }
            String s = fixed(value, decimals);
            return s.equals("-0") || s.matches("-0\\.0+") ? s.substring(1) : s;
        }
    }

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    /**
     * {@code String.format(Locale.ROOT, "%.<decimals>f", v)}, written directly when the rounding is clear (the
     * scaled value is not within 1e-6 of a half), which is nearly always; otherwise by the formatter itself, so
     * the text is always the formatter's. Formatting was a tenth of the time spent writing a session.
     */
    static String fixed(double v, int decimals) {
        if (decimals >= 0 && decimals < POW10.length) {
            long scale = POW10[decimals];
            double scaled = Math.abs(v) * scale;
            double frac = scaled - Math.floor(scaled);
            // below 1e9 the product's rounding error is under 1e-7, far inside the margin
            if (scaled < 1e9 && Math.abs(frac - 0.5) > 1e-6) {
                long m = Math.round(scaled);
                StringBuilder sb = new StringBuilder(24);
                if (v < 0) {
                    sb.append('-');
                }
                sb.append(m / scale);
                if (decimals > 0) {
                    sb.append('.');
                    String f = Long.toString(m % scale);
                    for (int i = f.length(); i < decimals; i++) {
                        sb.append('0');
                    }
                    sb.append(f);
                }
                return sb.toString();
            }
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Makes a text cell safe to open in a spreadsheet. */
    public static String safeText(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + s;
        }
        return s;
    }

    /**
     * Writes a table.
     *
     * @param header column names
     * @param rows   cells: {@link Num} for numbers, anything else is written as safe text
     */
    public static String write(List<String> header, List<List<Object>> rows) {
        StringWriter w = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
        try (CSVPrinter p = new CSVPrinter(w, format)) {
            p.printRecord(header.stream().map(CsvTables::safeText).toList());
            for (List<Object> row : rows) {
                p.printRecord(row.stream().map(c -> c instanceof Num n ? n.toString()
                        : c instanceof Integer || c instanceof Long ? c.toString()
                        : safeText(c == null ? "" : c.toString())).toList());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }
}
