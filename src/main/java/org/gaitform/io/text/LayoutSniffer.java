package org.gaitform.io.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitform.model.GaitformException;

/**
 * Finds the layout of a delimited text file from its first lines: the separator, decimal commas,
 * the first data row, up to two header rows above it, and {@code key,value} metadata lines above the
 * header (device preambles such as GENEActiv's).
 *
 * <p>The separator is the candidate that splits the lower part of the sample into the most consistent
 * number of mostly numeric fields; a semicolon- or tab-separated file whose numbers contain commas but
 * no points uses decimal commas.
 */
public final class LayoutSniffer {
    /** Lines examined. */
    static final int SAMPLE_LINES = 400;
    private static final char[] CANDIDATES = {',', ';', '\t', '|', ' '};

    private LayoutSniffer() {
    }

    /** Sniffs the layout of a file; bad input raises {@link GaitformException}. */
    public static TextLayout sniff(Path file) throws IOException {
        return sniff(file, file.getFileName() == null ? file.toString() : file.getFileName().toString());
    }

    /** Sniffs the layout of a file, naming it {@code source} in messages. */
    public static TextLayout sniff(Path file, String source) throws IOException {
        return sniff(ByteSource.of(file), source);
    }

    /** Sniffs the layout of a table read from {@code bytes}, naming it {@code source} in messages. */
    public static TextLayout sniff(ByteSource file, String source) throws IOException {
        TextDecoding decoding = TextDecoding.detect(file);
        List<String> lines = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        try (GuardedLineReader r = new GuardedLineReader(decoding.open(file), source)) {
            String line;
            while (lines.size() < SAMPLE_LINES && (line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(line);
                    numbers.add(r.lineNumber());
                }
            }
        }
        return sniff(source, decoding, lines, numbers);
    }

    static TextLayout sniff(String source, TextDecoding decoding, List<String> lines, List<Long> lineNumbers) {
        if (lines.isEmpty()) {
            throw GaitformException.badInput(source, "", "rows of data", "an empty file");
        }
        // NUL bytes pad free-text fields in some device preambles (GENEActiv's 'Subject Notes'); they are
        // binary data only when they reach the lower half of the sample (the data rows) or many lines
        long withNul = lines.stream().filter(l -> l.indexOf('\0') >= 0).count();
        boolean nulInData = lines.subList(lines.size() / 2, lines.size()).stream().anyMatch(l -> l.indexOf('\0') >= 0);
        if (nulInData || withNul > Math.max(2, lines.size() / 5)) {
            throw GaitformException.badInput(source, "", "text", "binary data (NUL bytes)");
        }
        if (withNul > 0) {
            lines = lines.stream().map(l -> l.replace("\0", "")).toList();
        }
        long chars = 0;
        long odd = 0;
        for (String l : lines) {
            for (int i = 0; i < l.length(); i++) {
                char ch = l.charAt(i);
                chars++;
                if ((ch < 0x20 && ch != '\t' && ch != '\f') || ch == 0x7F || ch == '\uFFFD') {
                    odd++;
                }
            }
        }
        if (chars > 0 && odd > Math.max(2, chars / 100)) {
            throw GaitformException.badInput(source, "", "text", String.format(java.util.Locale.ROOT,
                    "binary data (%.0f %% of the characters in the first lines are control characters or "
                            + "undecodable bytes)", 100.0 * odd / chars));
        }
        Candidate best = null;
        for (char sep : CANDIDATES) {
            for (boolean comma : new boolean[] {false, true}) {
                if (comma && sep == ',') {
                    continue;
                }
                Candidate c = evaluate(lines, sep, comma);
                if (c != null && (best == null || c.score > best.score + 1e-9)) {
                    best = c;
                }
            }
        }
        if (best == null) {
            // one column of numbers, or nothing numeric at all
            Candidate single = evaluateSingle(lines);
            if (single == null) {
                if (lines.size() == 1) {
                    throw GaitformException.badInput(source, "", "rows of data below the header",
                            "a header only ('" + ColumnReader.abbreviate(lines.get(0)) + "')");
                }
                throw GaitformException.badInput(source, "", "columns of numbers",
                        "no rows of numbers in the first " + lines.size() + " non-empty lines");
            }
            best = single;
        }
        int dataStart = best.dataStart;
        List<String[]> header = new ArrayList<>();
        int h = dataStart - 1;
        while (h >= 0 && header.size() < 2) {
            String[] f = split(lines.get(h), best.sep);
            if (f.length != best.columns || numericFraction(f, best.decimalComma) > 0.5) {
                break;
            }
            header.add(0, f);
            h--;
        }
        boolean unitRow = header.size() == 2 && looksLikeUnitRow(header.get(1));
        if (header.size() == 2 && !unitRow && !looksLikeGroupRow(header.get(0))) {
            // the upper row is a title, not a group row: keep the row next to the data
            header.remove(0);
            h++;
        }
        Map<String, String> preamble = new LinkedHashMap<>();
        for (int i = 0; i <= h; i++) {
            String[] f = lines.get(i).split("[,;\t:]", 2);
            if (f.length == 2 && !f[0].isBlank()) {
                preamble.putIfAbsent(f[0].trim(), f[1].trim());
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < best.columns; c++) {
            String name;
            if (header.isEmpty()) {
                name = "column " + (c + 1);
            } else if (header.size() == 1) {
                name = header.get(0)[c];
            } else if (unitRow) {
                String unit = header.get(1)[c].trim();
                name = header.get(0)[c] + (unit.isEmpty() ? "" : " (" + unit + ")");
            } else {
                name = header.get(0)[c] + "/" + header.get(1)[c];
            }
            names.add(name.isBlank() ? "column " + (c + 1) : name);
        }
        return new TextLayout(decoding, best.sep, best.decimalComma, header, names,
                lineNumbers.get(dataStart), preamble);
    }

    private static boolean looksLikeGroupRow(String[] row) {
        // a group row repeats names across columns (left_sensor, right_sensor, left_sensor, …)
        Map<String, Integer> seen = new HashMap<>();
        for (String s : row) {
            seen.merge(s, 1, Integer::sum);
        }
        return seen.size() < row.length;
    }

    private static final java.util.regex.Pattern UNIT = java.util.regex.Pattern.compile(
            "(?i)[\\(\\[]?\\s*(s|sec|ms|us|µs|ns|g|m/s\\^?2|m/s²|m\\.s-2|deg/s|°/s|dps|rad/s|mm|cm|m|px|n|bw|%|hz|deg|°|rad|"
                    + "m/s|km/h|bpm|spm|steps/min)\\s*[\\)\\]]?");

    /** A row of units under the names row (s, g, m/s^2, deg/s, …), blank cells allowed. */
    private static boolean looksLikeUnitRow(String[] row) {
        int units = 0;
        for (String cell : row) {
            String t = cell.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (!UNIT.matcher(t).matches()) {
                return false;
            }
            units++;
        }
        return units > 0;
    }

    private record Candidate(char sep, boolean decimalComma, int columns, int dataStart, double score) {
    }

    private static Candidate evaluate(List<String> lines, char sep, boolean decimalComma) {
        int n = lines.size();
        int tailFrom = n / 2;
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = tailFrom; i < n; i++) {
            counts.merge(split(lines.get(i), sep).length, 1, Integer::sum);
        }
        int modal = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(1);
        if (modal < 2) {
            return null;
        }
        double consistency = counts.get(modal) / (double) (n - tailFrom);
        int dataStart = n;
        double numericSum = 0;
        int rows = 0;
        for (int i = n - 1; i >= 0; i--) {
            String[] f = split(lines.get(i), sep);
            if (f.length != modal) {
                if (i >= tailFrom || (i > 0 && isDataRow(lines.get(i - 1), sep, modal, decimalComma))) {
                    continue; // a stray (ragged) line between data rows does not end the data block
                }
                break;
            }
            double num = numericFraction(f, decimalComma);
            if (num < 0.5) {
                break;
            }
            dataStart = i;
            numericSum += num;
            rows++;
        }
        if (rows == 0) {
            return null;
        }
        double numeric = numericSum / rows;
        double score = consistency * numeric * (1 + 0.01 * Math.min(modal, 50));
        return new Candidate(sep, decimalComma, modal, dataStart, score);
    }

    private static boolean isDataRow(String line, char sep, int columns, boolean decimalComma) {
        String[] f = split(line, sep);
        return f.length == columns && numericFraction(f, decimalComma) >= 0.5;
    }

    private static Candidate evaluateSingle(List<String> lines) {
        int n = lines.size();
        int dataStart = n;
        for (int i = n - 1; i >= 0; i--) {
            String t = lines.get(i).trim();
            if (!Numbers.isNumber(t, false) && !Numbers.isNumber(t, true)) {
                break;
            }
            dataStart = i;
        }
        if (dataStart == n) {
            return null;
        }
        boolean comma = lines.subList(dataStart, n).stream().anyMatch(l -> l.contains(",") && !l.contains("."));
        return new Candidate((char) 0, comma, 1, dataStart, 0);
    }

    static String[] split(String line, char sep) {
        if (sep == 0) {
            return new String[] {line.trim()};
        }
        if (sep == ' ') {
            String t = line.trim();
            return t.isEmpty() ? new String[] {""} : t.split("\\s+");
        }
        return Fields.split(line, sep);
    }

    /** Fraction of the filled fields that read as numbers or time stamps (empty fields are missing values). */
    static double numericFraction(String[] fields, boolean decimalComma) {
        int num = 0;
        int filled = 0;
        for (String f : fields) {
            if (f.isBlank()) {
                continue; // a missing value, not text: a device's record leaves the fields it has no value for empty
            }
            filled++;
            if (Numbers.isNumber(f, decimalComma) || TimeStamps.looksLikeTimestamp(f)) {
                num++;
            }
        }
        return filled == 0 ? 0 : num / (double) filled;
    }
}
