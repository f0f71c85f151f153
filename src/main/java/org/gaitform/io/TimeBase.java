package org.gaitform.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gaitform.model.Decision;
import org.gaitform.model.GaitformException;
import org.gaitform.signal.Resampler;
import org.gaitform.signal.Stats;

/**
 * Turns a raw time column into a uniform time axis in seconds, shared by the readers: works out the
 * unit (s, ms, µs, ns) from the header or from the typical sample interval, checks that time only
 * moves forward, fills short gaps and rejects long ones, and resamples jittery stamps onto a uniform
 * grid.
 */
public final class TimeBase {
    /** Gaps up to this long are filled by interpolation (s). */
    public static final double MAX_FILLED_GAP_S = 0.1;
    /** An interval this many times the typical one counts as a gap (one or more missing samples). */
    public static final double GAP_FACTOR = 1.5;
    /** Relative spread of intervals above which stamps are resampled onto a uniform grid. */
    public static final double JITTER_TOLERANCE = 0.05;

    private TimeBase() {
    }

    /**
     * Result of {@link #build}.
     *
     * @param timeS           uniform times (s)
     * @param samplingRateHz  rate (Hz)
     * @param resampled       true when the samples must be interpolated onto {@code timeS}
     * @param sourceTimeS     the input's times converted to seconds (same length as the samples)
     * @param decisions       what was decided
     * @param warnings        what was noticed
     */
    public record Result(double[] timeS, double samplingRateHz, boolean resampled, double[] sourceTimeS,
                         List<Decision> decisions, List<String> warnings, int keptFrom) {
        /** A result that keeps every input sample. */
        public Result(double[] timeS, double samplingRateHz, boolean resampled, double[] sourceTimeS,
                      List<Decision> decisions, List<String> warnings) {
            this(timeS, samplingRateHz, resampled, sourceTimeS, decisions, warnings, 0);
        }

        /**
         * Values of one channel on the uniform axis (interpolated when resampled; only the kept rows when a
         * short stretch before or after a long gap was dropped).
         */
        public double[] align(double[] values) {
            double[] v = values;
            if (keptFrom != 0 || values.length != sourceTimeS.length) {
                v = java.util.Arrays.copyOfRange(values, keptFrom, keptFrom + sourceTimeS.length);
            }
            return resampled ? Resampler.interpolate(sourceTimeS, v, timeS) : v;
        }
    }

    /** A long gap may be cut away when the longest stretch without one holds at least this share of the rows. */
    public static final double MIN_KEPT_SHARE = 0.9;

    /**
     * Builds the time axis from a time column.
     *
     * @param source       file name for messages
     * @param header       the time column's header
     * @param raw          the column's values
     * @param headerUnit   unit named by the header ({@code s}, {@code ms}, {@code us}, {@code ns}), or empty
     * @param isStamp      true when the values came from date-time stamps (already seconds)
     * @param firstDataLine 1-based line number of the first value, for messages
     */
    public static Result build(String source, String columnHeader, double[] raw, Optional<String> headerUnit,
                               boolean isStamp, long firstDataLine) {
        String header = org.gaitform.io.text.ColumnReader.abbreviate(columnHeader); // as shown in messages
        List<Decision> decisions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int n = raw.length;
        if (n < 2) {
            throw GaitformException.notAnalysable(source, "only " + n + " sample(s); a recording needs many");
        }
        for (int i = 1; i < n; i++) {
            if (raw[i] < raw[i - 1]) {
                throw GaitformException.badInput(source, "line " + (firstDataLine + i) + ", column '" + header + "'",
                        "time that increases from row to row", "time going backwards, from " + fmt(raw[i - 1])
                                + " to " + fmt(raw[i]));
            }
            if (raw[i] == raw[i - 1]) {
                throw GaitformException.badInput(source, "line " + (firstDataLine + i) + ", column '" + header + "'",
                        "time that increases from row to row", "the time " + fmt(raw[i]) + " repeated from the row before");
            }
        }
        double[] d = new double[n - 1];
        for (int i = 1; i < n; i++) {
            d[i - 1] = raw[i] - raw[i - 1];
        }
        double typical = Stats.median(d);
        String unit;
        double scale;
        if (isStamp) {
            unit = "s";
            scale = 1;
            decisions.add(new Decision("time_unit", "date-time stamps", "column '" + header + "' holds date-time stamps"));
        } else if (headerUnit.isPresent()) {
            unit = headerUnit.get();
            scale = scaleOf(unit);
            decisions.add(new Decision("time_unit", unit, "named by the header '" + header + "'"));
        } else {
            unit = typical < 0.2 ? "s" : typical < 200 ? "ms" : typical < 2e5 ? "us" : "ns";
            scale = scaleOf(unit);
            decisions.add(new Decision("time_unit", unit, "typical interval " + fmt(typical) + " in column '" + header
                    + "' fits " + describe(unit) + " at " + fmt(1.0 / (typical * scale)) + " Hz"));
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = raw[i] * scale;
        }
        double dtS = typical * scale;
        if (isStamp) {
            // date-time stamps are large numbers: keep the interval to the microsecond, not the rounding noise
            dtS = Math.round(dtS * 1e6) / 1e6;
        }
        double rate = 1.0 / dtS;
        if (!(rate > 0.5 && rate < 100_000)) {
            throw GaitformException.badInput(source, "column '" + header + "'",
                    "a sampling rate between 0.5 Hz and 100 kHz", fmt(rate) + " Hz from the time column (unit " + unit + ")");
        }
        // long gaps: keep the longest stretch without one when it holds nearly all the rows
        int keptFrom = 0;
        int segStart = 0;
        int bestFrom = 0;
        int bestTo = 0;
        int longGaps = 0;
        double firstGap = 0;
        for (int i = 1; i <= n; i++) {
            boolean cut = i == n || (t[i] - t[i - 1] > GAP_FACTOR * dtS && t[i] - t[i - 1] > MAX_FILLED_GAP_S);
            if (cut) {
                if (i < n && longGaps++ == 0) {
                    firstGap = t[i] - t[i - 1];
                }
                if (i - segStart > bestTo - bestFrom) {
                    bestFrom = segStart;
                    bestTo = i;
                }
                segStart = i;
            }
        }
        if (longGaps > 0 && (bestTo - bestFrom) >= MIN_KEPT_SHARE * n) {
            keptFrom = bestFrom;
            warnings.add(longGaps + " gap(s) longer than " + fmt(MAX_FILLED_GAP_S * 1000) + " ms in the time column "
                    + "(the first " + fmt(firstGap) + " s long); only the longest stretch without one is analysed: lines "
                    + (firstDataLine + bestFrom) + "–" + (firstDataLine + bestTo - 1) + " (" + (n - (bestTo - bestFrom))
                    + " of " + n + " rows dropped)");
            decisions.add(new Decision("kept_rows", (firstDataLine + bestFrom) + "-" + (firstDataLine + bestTo - 1),
                    "the time column has a gap of " + fmt(firstGap) + " s; the longest stretch without a long gap holds "
                            + fmt(100.0 * (bestTo - bestFrom) / n) + " % of the rows"));
            t = java.util.Arrays.copyOfRange(t, bestFrom, bestTo);
            d = java.util.Arrays.copyOfRange(d, bestFrom, Math.max(bestFrom, bestTo - 1));
            n = t.length;
            firstDataLine += bestFrom;
        }
        // gaps
        int filled = 0;
        for (int i = 1; i < n; i++) {
            double gap = t[i] - t[i - 1];
            if (gap > GAP_FACTOR * dtS) {
                if (gap > MAX_FILLED_GAP_S) {
                    throw GaitformException.badInput(source, "line " + (firstDataLine + i) + ", column '" + header + "'",
                            "samples every " + fmt(dtS * 1000) + " ms without gaps longer than "
                                    + fmt(MAX_FILLED_GAP_S * 1000) + " ms",
                            "a gap of " + fmt(gap) + " s (time jumps from " + fmt(t[i - 1]) + " s to " + fmt(t[i])
                                    + " s); split the recording at the gap");
                }
                filled++;
            }
        }
        double spread = 0;
        for (double di : d) {
            spread = Math.max(spread, Math.abs(di - typical) / typical);
        }
        boolean resample = filled > 0 || spread > JITTER_TOLERANCE;
        // stamps that are uniform within tolerance are kept as they are: they are the input's own time axis
        double[] grid = resample ? Resampler.uniformGrid(t, rate) : t;
        if (filled > 0) {
            warnings.add(filled + " short gap(s) in the time column (each under " + fmt(MAX_FILLED_GAP_S * 1000)
                    + " ms) were filled by linear interpolation");
        }
        if (resample) {
            decisions.add(new Decision("resampled", "yes", "intervals vary by up to " + fmt(spread * 100)
                    + " % of the typical " + fmt(dtS * 1000) + " ms; samples interpolated onto a uniform "
                    + fmt(rate) + " Hz grid"));
        }
        decisions.add(new Decision("sampling_rate_hz", fmt(rate), "1 / median interval of column '" + header + "'"));
        return new Result(grid, rate, resample, t, decisions, warnings, keptFrom);
    }

    /** A time axis from a sampling rate alone: {@code i / rate}. */
    public static double[] fromRate(int n, double rateHz) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / rateHz;
        }
        return t;
    }

    private static double scaleOf(String unit) {
        return switch (unit) {
            case "s" -> 1;
            case "ms" -> 1e-3;
            case "us" -> 1e-6;
            case "ns" -> 1e-9;
            default -> throw new IllegalArgumentException("unknown time unit " + unit);
        };
    }

    private static String describe(String unit) {
        return switch (unit) {
            case "s" -> "seconds";
            case "ms" -> "milliseconds";
            case "us" -> "microseconds";
            default -> "nanoseconds";
        };
    }

    /** Compact number formatting for messages. */
    public static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        double a = Math.abs(v);
        String s = a >= 100 ? String.format(java.util.Locale.ROOT, "%.1f", v)
                : a >= 1 ? String.format(java.util.Locale.ROOT, "%.3f", v)
                : String.format(java.util.Locale.ROOT, "%.4g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
