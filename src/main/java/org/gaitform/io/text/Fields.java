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

    /** Number of fields {@code line} splits into (quotes honoured). */
    public static int count(String line, char sep) {
        return split(line, sep).length;
    }
}
