package org.gaitform.io.watch;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * ISO 8601 date-times as TCX and GPX write them ({@code 2017-06-11T14:34:09Z},
 * {@code 2017-06-11T16:34:09.000+02:00}); a stamp without offset is taken as UTC (as GPX requires).
 */
final class IsoTimes {
    private IsoTimes() {
    }

    /**
     * A parsed stamp.
     *
     * @param epochS    seconds since 1970-01-01 UTC
     * @param offsetS   the stamp's offset from UTC (s), {@code NaN} when it had none or was in UTC ({@code Z})
     */
    record Stamp(double epochS, double offsetS) {
    }

    /** The stamp, or {@code null} when the text is not an ISO date-time. */
    static Stamp parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            OffsetDateTime o = OffsetDateTime.parse(t);
            double s = o.toEpochSecond() + o.getNano() / 1e9;
            boolean z = t.endsWith("Z") || t.endsWith("z");
            return new Stamp(s, z ? Double.NaN : o.getOffset().getTotalSeconds());
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime l = LocalDateTime.parse(t.replace(' ', 'T'));
                return new Stamp(l.toEpochSecond(ZoneOffset.UTC) + l.getNano() / 1e9, Double.NaN);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
