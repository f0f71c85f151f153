package org.gaitform.io.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date-time stamps as written by loggers, turned into seconds: ISO 8601
 * ({@code 2019-08-06T10:25:50.020Z}, {@code 2019-08-06 10:25:50.020+02:00}), the GENEActiv form with a
 * colon before the milliseconds ({@code 2019-08-06 10:25:50:020}), and times of day
 * ({@code 10:25:50.020}). Only differences between stamps matter to gaitform, so a stamp with a date
 * becomes seconds since 1970-01-01 in its own offset, and a time of day becomes seconds since midnight.
 */
public final class TimeStamps {
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{1,2}):(\\d{2}):(\\d{2})(?:[.,:](\\d{1,9}))?(Z|z|[+-]\\d{2}:?\\d{2})?");
    /** Java's {@code Date.toString()}: {@code Sun Jun 11 07:34:09 PDT 2017} (the zone is ignored). */
    private static final Pattern JAVA_DATE = Pattern.compile(
            "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\\d{1,2}) "
                    + "(\\d{2}):(\\d{2}):(\\d{2}) [A-Z]{1,5}(?:[+-]\\d{2}:?\\d{2})? (\\d{4})");
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?");

    private TimeStamps() {
    }

    /** True when the text is a date-time or time-of-day stamp in one of the accepted forms. */
    public static boolean looksLikeTimestamp(String text) {
        return text.length() >= 7 && text.length() <= 40 && text.indexOf(':') > 0 && !Double.isNaN(parseSeconds(text));
    }

    /**
     * A parsed stamp.
     *
     * @param epochS  seconds since 1970-01-01 UTC (a stamp without a zone is taken as UTC), or since midnight for a
     *                time of day
     * @param offsetS the stamp's offset from UTC (s), {@code NaN} when it had none or was in UTC ({@code Z})
     */
    public record Stamp(double epochS, double offsetS) {
    }

    /** The stamp, or {@code null} when the text is not a stamp in one of the accepted forms. */
    public static Stamp parse(String text) {
        String t = text.trim();
        double s = parseSeconds(t);
        if (Double.isNaN(s)) {
            return null;
        }
        Matcher m = DATE_TIME.matcher(t);
        double offset = Double.NaN;
        if (m.matches() && m.group(8) != null && !m.group(8).equalsIgnoreCase("Z")) {
            String z = m.group(8).replace(":", "");
            int sign = z.charAt(0) == '-' ? -1 : 1;
            offset = sign * (Integer.parseInt(z.substring(1, 3)) * 3600.0 + Integer.parseInt(z.substring(3, 5)) * 60.0);
        }
        return new Stamp(s, offset);
    }

    /**
     * Seconds represented by a stamp (see class comment), or {@code NaN} when the text is not a stamp. A zone
     * offset ({@code Z}, {@code +02:00}) is applied, so stamps with a date are seconds since 1970-01-01 UTC.
     */
    public static double parseSeconds(String text) {
        String t = text.trim();
        double fast = dateTimeDirect(t);
        if (!Double.isNaN(fast)) {
            return fast;
        }
        return parseSecondsByPattern(t);
    }

    /**
     * {@link #parseSeconds(String)} of the trimmed ASCII text in bytes {@code from} to {@code to} of {@code text}, without
     * a string unless the stamp is not of the common date-time form.
     */
    public static double parseSeconds(byte[] text, int from, int to) {
        double fast = dateTimeDirect(text, from, to);
        if (!Double.isNaN(fast)) {
            return fast;
        }
        return parseSeconds(new String(text, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** {@link #parseSeconds} by the patterns alone (the reference for {@link #dateTimeDirect}). */
    static double parseSecondsByPattern(String t) {
        Matcher m = DATE_TIME.matcher(t);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            int mo = Integer.parseInt(m.group(2));
            int d = Integer.parseInt(m.group(3));
            int h = Integer.parseInt(m.group(4));
            int mi = Integer.parseInt(m.group(5));
            int s = Integer.parseInt(m.group(6));
            if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) {
                return Double.NaN;
            }
            long days = daysFromCivil(y, mo, d);
            double secs = days * 86400.0 + h * 3600.0 + mi * 60.0 + s + fraction(m.group(7));
            String zone = m.group(8);
            if (zone != null && !zone.equalsIgnoreCase("Z")) {
                String z = zone.replace(":", "");
                int sign = z.charAt(0) == '-' ? -1 : 1;
                secs -= sign * (Integer.parseInt(z.substring(1, 3)) * 3600.0 + Integer.parseInt(z.substring(3, 5)) * 60.0);
            }
            return secs;
        }
        m = JAVA_DATE.matcher(t);
        if (m.matches()) {
            int mo = MONTHS.indexOf(m.group(1)) / 3 + 1;
            int d = Integer.parseInt(m.group(2));
            int h = Integer.parseInt(m.group(3));
            int mi = Integer.parseInt(m.group(4));
            int sec = Integer.parseInt(m.group(5));
            int y = Integer.parseInt(m.group(6));
            if (d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) {
                return Double.NaN;
            }
            return daysFromCivil(y, mo, d) * 86400.0 + h * 3600.0 + mi * 60.0 + sec;
        }
        m = TIME_OF_DAY.matcher(t);
        if (m.matches()) {
            int h = Integer.parseInt(m.group(1));
            int mi = Integer.parseInt(m.group(2));
            int s = Integer.parseInt(m.group(3));
            if (h > 23 || mi > 59 || s > 60) {
                return Double.NaN;
            }
            return h * 3600.0 + mi * 60.0 + s + fraction(m.group(4));
        }
        return Double.NaN;
    }

    /**
     * The value {@code DATE_TIME} gives for a trimmed stamp, computed without a regular expression (a recording of an
     * hour holds 180 000 stamps, and matching them was a quarter of its reading time); {@code NaN} when the text is
     * not of that form or a field is out of range, in which case the patterns decide.
     */
    static double dateTimeDirect(String t) {
        int n = t.length();
        if (n > 64) {
            return Double.NaN;
        }
        byte[] ascii = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c >= 0x80) {
                return Double.NaN; // every character of the form is ASCII
            }
            ascii[i] = (byte) c;
        }
        return dateTimeDirect(ascii, 0, n);
    }

    /** {@link #dateTimeDirect(String)} of the ASCII text in bytes {@code from} to {@code to} of {@code t}. */
    static double dateTimeDirect(byte[] t, int from, int to) {
        int n = to - from;
        if (n < 18 || t[from + 4] != '-' || t[from + 7] != '-' || t[from + 10] != 'T' && t[from + 10] != ' ') {
            return Double.NaN;
        }
        int y = digits(t, from, n, 0, 4);
        int mo = digits(t, from, n, 5, 2);
        int d = digits(t, from, n, 8, 2);
        int p = 11;
        int h;
        if (n > p + 1 && t[from + p + 1] == ':') {
            h = digits(t, from, n, p, 1);
            p += 1;
        } else {
            h = digits(t, from, n, p, 2);
            p += 2;
        }
        if (y < 0 || mo < 0 || d < 0 || h < 0 || n < p + 6 || t[from + p] != ':' || t[from + p + 3] != ':') {
            return Double.NaN;
        }
        int mi = digits(t, from, n, p + 1, 2);
        int s = digits(t, from, n, p + 4, 2);
        p += 6;
        if (mi < 0 || s < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) {
            return Double.NaN;
        }
        double frac = 0;
        if (p < n && (t[from + p] == '.' || t[from + p] == ',' || t[from + p] == ':')) {
            int q = p + 1;
            long v = 0;
            while (q < n && q - p - 1 < 9 && isDigit(t[from + q])) {
                v = v * 10 + (t[from + q] - '0');
                q++;
            }
            int len = q - p - 1;
            if (len == 0) {
                return Double.NaN;
            }
            frac = v / Math.pow(10, len);
            p = q;
        }
        double secs = daysFromCivil(y, mo, d) * 86400.0 + h * 3600.0 + mi * 60.0 + s + frac;
        if (p == n) {
            return secs;
        }
        char z = (char) t[from + p];
        if ((z == 'Z' || z == 'z') && p + 1 == n) {
            return secs;
        }
        if (z != '+' && z != '-') {
            return Double.NaN;
        }
        int zh = digits(t, from, n, p + 1, 2);
        int q = p + 3;
        if (q < n && t[from + q] == ':') {
            q++;
        }
        int zm = digits(t, from, n, q, 2);
        if (zh < 0 || zm < 0 || q + 2 != n) {
            return Double.NaN;
        }
        int sign = z == '-' ? -1 : 1;
        return secs - sign * (zh * 3600.0 + zm * 60.0);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** The number written by {@code len} ASCII digits at {@code at} of the text {@code t[from..from+n)}, or −1. */
    private static int digits(byte[] t, int from, int n, int at, int len) {
        if (at + len > n) {
            return -1;
        }
        int v = 0;
        for (int i = at; i < at + len; i++) {
            byte c = t[from + i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** True when the stamp carries a date (not only a time of day). */
    public static boolean hasDate(String text) {
        return DATE_TIME.matcher(text.trim()).matches() || JAVA_DATE.matcher(text.trim()).matches();
    }

    private static double fraction(String digits) {
        if (digits == null || digits.isEmpty()) {
            return 0;
        }
        return Long.parseLong(digits) / Math.pow(10, digits.length());
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int mp = (month + 9) % 12;
        int doy = (153 * mp + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097L + doe - 719468L;
    }
}
