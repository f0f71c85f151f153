package org.gaitform.io.text;

import java.util.ArrayList;
import java.util.List;

/** Splits one line of delimited text into fields, honouring double quotes ({@code "a;b"}, {@code ""} for a quote). */
public final class Fields {
    private Fields() {
    }

    /** Fields of {@code line} separated by {@code sep}; surrounding white space is trimmed from unquoted fields. */
    public static String[] split(String line, char sep) {
        if (line.indexOf('"') < 0) {
            return splitPlain(line, sep);
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                cur.setLength(0);
            } else if (c == sep) {
                out.add(wasQuoted ? cur.toString() : cur.toString().trim());
                cur.setLength(0);
                wasQuoted = false;
            } else {
                cur.append(c);
            }
        }
        out.add(wasQuoted ? cur.toString() : cur.toString().trim());
        return out.toArray(new String[0]);
    }

    private static String[] splitPlain(String line, char sep) {
        int count = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == sep) {
                count++;
            }
        }
        String[] out = new String[count];
        int start = 0;
        int k = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == sep) {
                out[k++] = line.substring(start, i).trim();
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * Where the fields of a line without quotes are, reused from line to line, so that a reader of many rows can
     * parse the cells it needs in place instead of making a string of every cell: after {@link #find}, field
     * {@code i} is the bytes {@link #from}{@code (i)} (inclusive) to {@link #to}{@code (i)} (exclusive) of the
     * line's buffer, trimmed exactly as {@link #split} trims them. The line is ASCII text, one byte per character
     * ({@link ByteLineReader}).
     */
    public static final class Bounds {
        private int[] at = new int[32];
        private int count;

        /**
         * Finds the fields of the ASCII line {@code line[start..end)} split at {@code sep}.
         *
         * @return false (and nothing found) when the line holds a quote: {@link #split} reads those
         */
        public boolean find(byte[] line, int start, int end, char sep) {
            for (int i = start; i < end; i++) {
                if (line[i] == '"') {
                    return false;
                }
            }
            count = 0;
            int fieldStart = start;
            for (int i = start; i <= end; i++) {
                if (i == end || line[i] == sep) {
                    int a = fieldStart;
                    int b = i;
                    while (a < b && line[a] <= ' ') { // as String.trim (ASCII: no negative bytes)
                        a++;
                    }
                    while (b > a && line[b - 1] <= ' ') {
                        b--;
                    }
                    if (2 * count + 2 > at.length) {
                        at = java.util.Arrays.copyOf(at, at.length * 2);
                    }
                    at[2 * count] = a;
                    at[2 * count + 1] = b;
                    count++;
                    fieldStart = i + 1;
                }
            }
            return true;
        }

        /** The number of fields found. */
        public int count() {
            return count;
        }

        /** Where field {@code i} starts. */
        public int from(int i) {
            return at[2 * i];
        }

        /** Where field {@code i} ends (exclusive). */
        public int to(int i) {
            return at[2 * i + 1];
        }
    }

    /** Number of fields {@code line} splits into (quotes honoured). */
    public static int count(String line, char sep) {
        return split(line, sep).length;
    }
}
