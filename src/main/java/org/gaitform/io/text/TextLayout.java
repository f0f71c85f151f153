package org.gaitform.io.text;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a delimited text file is laid out, as found by {@link LayoutSniffer}.
 *
 * @param decoding        character set and byte-order mark
 * @param separator       field separator ({@code ,} {@code ;} tab {@code |}, or space for runs of white space);
 *                        {@code 0} for a file with a single column
 * @param decimalComma    true when numbers are written with a decimal comma ({@code 9,81})
 * @param headerRows      the header rows (0, 1 or 2), each split into fields
 * @param columnNames     one name per column: the header cell, the two header cells joined by {@code /}
 *                        for a two-row header, or {@code column 1}, {@code column 2}, … without a header
 * @param firstDataLine   1-based line number of the first data row
 * @param preamble        {@code key → value} pairs from lines above the header (device metadata)
 */
public record TextLayout(TextDecoding decoding, char separator, boolean decimalComma, List<String[]> headerRows,
                         List<String> columnNames, long firstDataLine, Map<String, String> preamble) {

    public TextLayout {
        Objects.requireNonNull(decoding, "decoding");
        headerRows = headerRows.stream().map(String[]::clone).toList();
        columnNames = List.copyOf(columnNames);
        preamble = Map.copyOf(preamble);
    }

    @Override
    public List<String[]> headerRows() {
        return headerRows.stream().map(String[]::clone).toList();
    }

    /** Number of columns. */
    public int columnCount() {
        return columnNames.size();
    }

    /** True when the file has a header row. */
    public boolean hasHeader() {
        return !headerRows.isEmpty();
    }

    /** Human-readable name of the separator, for decisions and messages. */
    public String separatorName() {
        return switch (separator) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            case '|' -> "vertical bar";
            case ' ' -> "white space";
            case 0 -> "none (one column)";
            default -> "'" + separator + "'";
        };
    }

    /** Splits a data line with this layout's separator. */
    public String[] split(String line) {
        if (separator == 0) {
            return new String[] {line.trim()};
        }
        if (separator == ' ') {
            String t = line.trim();
            return t.isEmpty() ? new String[] {""} : t.split("\\s+");
        }
        return Fields.split(line, separator);
    }

    @Override
    public String toString() {
        return "TextLayout[" + separatorName() + ", decimalComma=" + decimalComma + ", columns="
                + columnNames + ", firstDataLine=" + firstDataLine + ", header=" + headerRows.stream()
                .map(Arrays::toString).toList() + "]";
    }
}
