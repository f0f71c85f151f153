package org.gaitform.io.text;

/**
 * Strict parsing of numbers as written in exports: an optional sign, digits, one decimal mark
 * ({@code .}, or {@code ,} when the file uses decimal commas) and an optional exponent. Thousands
 * separators, units and words are rejected, so that a cell like {@code "12 g"} is reported, not
 * silently misread.
 */
public final class Numbers {
    private Numbers() {
    }

    /**
     * The value of {@code text}, or {@code NaN} when it is not a plain finite number.
     *
     * @param decimalComma true when the file writes {@code 1,5} for one and a half
     */
    public static double parse(String text, boolean decimalComma) {
        return parse(text, 0, text.length(), decimalComma);
    }

    /**
     * The value of the characters {@code from} (inclusive) to {@code to} (exclusive) of {@code text}, as
     * {@link #parse(String, boolean)} reads them.
     */
    public static double parse(String text, int from, int to, boolean decimalComma) {
        int n = to - from;
        if (n <= 0 || n > MAX_CHARS) {
            return Double.NaN;
        }
        byte[] ascii = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(from + i);
            if (c >= 0x80) {
                return Double.NaN; // no number holds a character outside ASCII
            }
            ascii[i] = (byte) c;
        }
        return parse(ascii, 0, n, decimalComma);
    }

    /**
     * The value of the ASCII text in bytes {@code from} (inclusive) to {@code to} (exclusive) of {@code text}, as
     * {@link #parse(String, boolean)} reads it, without making a string of it first (a reader of many rows parses its
     * cells in place, {@link ByteLineReader}).
     */
    public static double parse(byte[] text, int from, int to, boolean decimalComma) {
        int n = to - from;
        if (n <= 0 || n > MAX_CHARS) {
            return Double.NaN;
        }
        // fast path for the common case: [-]digits[.digits]
        int i = from;
        boolean neg = false;
        byte c0 = text[from];
        if (c0 == '-' || c0 == '+') {
            neg = c0 == '-';
            i = from + 1;
        }
        long mant = 0;
        int digits = 0;
        int fracDigits = 0;
        boolean seenDot = false;
        boolean simple = true;
        byte mark = (byte) (decimalComma ? ',' : '.');
        for (int k = i; k < to; k++) {
            byte c = text[k];
            if (c >= '0' && c <= '9') {
                if (digits < 17) {
                    mant = mant * 10 + (c - '0');
                    if (seenDot) {
                        fracDigits++;
                    }
                } else if (!seenDot) {
                    simple = false;
                    break;
                }
                digits++;
            } else if (!seenDot && c == mark) {
                seenDot = true;
            } else {
                simple = false;
                break;
            }
        }
        if (simple) {
            if (digits == 0) {
                return Double.NaN;
            }
            if (digits <= 15) { // mantissa and power of ten are exact: one correctly rounded division
                double v = mant / POW10[fracDigits];
                return neg ? -v : v;
            }
        }
        return slow(new String(text, from, n, java.nio.charset.StandardCharsets.ISO_8859_1), decimalComma);
    }

    /** Longest text read as a number. */
    private static final int MAX_CHARS = 64;

    private static final double[] POW10 = new double[19];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private static double slow(String text, boolean decimalComma) {
        if (decimalComma && text.indexOf('.') >= 0) {
            return Double.NaN; // a point in a decimal-comma file is a thousands separator or a mistake
        }
        String t = decimalComma ? text.replace(',', '.') : text;
        int n = t.length();
        boolean sawDigit = false;
        for (int k = 0; k < n; k++) {
            char c = t.charAt(k);
            if (c >= '0' && c <= '9') {
                sawDigit = true;
            } else if (!(c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        if (!sawDigit) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** True when {@code text} parses as a finite number. */
    public static boolean isNumber(String text, boolean decimalComma) {
        return !Double.isNaN(parse(text, decimalComma));
    }
}
