package org.gaitform.model;

/**
 * Text from inputs (file names, cells, header names) made safe to print in messages, tables and reports: control
 * characters (a newline in a file name) and the invisible Unicode format characters — among them the bidirectional
 * overrides U+202A–U+202E and isolates U+2066–U+2069, which can make {@code evil\u202Efdp.csv} read as
 * {@code evilvsc.pdf} — are shown as {@code ?}, and long text is clipped so that a 10 MB cell is never echoed whole.
 */
public final class Printable {
    /** Longest text quoted from an input in a message, characters. */
    public static final int MAX_QUOTED = 80;

    private Printable() {
    }

    /** The text with control and format characters (bidirectional overrides, zero-width marks) shown as '?'. */
    public static String safe(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            boolean hide = type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            if (hide && sb == null) {
                sb = new StringBuilder(s.length());
                sb.append(s, 0, i);
            }
            if (sb != null) {
                sb.append(hide ? '?' : c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** {@link #safe} and clipped to {@code max} characters, with "… (N characters)" saying how long it was. */
    public static String clip(String s, int max) {
        if (s.length() <= max) {
            return safe(s);
        }
        int keep = Math.max(1, max - 3);
        if (Character.isHighSurrogate(s.charAt(keep - 1))) {
            keep--;
        }
        return safe(s.substring(0, keep)) + "… (" + s.length() + " characters)";
    }

    /** {@link #clip} at {@link #MAX_QUOTED} characters. */
    public static String quoted(String s) {
        return clip(s, MAX_QUOTED);
    }
}
