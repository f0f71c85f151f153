package org.gaitform.guidelines;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One recommendation of the guideline table.
 *
 * @param id               short id (R1, R2, …)
 * @param indicator        what is measured, in words
 * @param metric           the session metric it is judged on ({@code cadence_spm}, …)
 * @param unit             the metric's unit, as printed
 * @param rule             how the value is judged
 * @param low              lower threshold (meaning depends on the rule), {@code NaN} when unused
 * @param high             upper threshold, {@code NaN} when unused
 * @param watchLow         lower edge of the "worth watching" band, {@code NaN} when unused
 * @param watchHigh        upper edge of the "worth watching" band, {@code NaN} when unused
 * @param targetRelLowPct  for {@link Rule#RAISE_BELOW}: lower end of the target, % above the current value
 * @param targetRelHighPct for {@link Rule#RAISE_BELOW}: upper end of the target, % above the current value
 * @param weight           importance when ranking findings (higher first)
 * @param advice           the recommendation as the articles give it
 * @param sources          ids of the articles to cite (A1…A5)
 * @param evidence         the strength of the evidence behind the threshold
 */
public record Guideline(String id, String indicator, String metric, String unit, Rule rule, double low, double high,
                        double watchLow, double watchHigh, double targetRelLowPct, double targetRelHighPct,
                        double weight, String advice, List<String> sources, String evidence) {

    /** How a value is judged. */
    public enum Rule {
        /** Below {@code low}: outside, with a personal target {@code +targetRelLow..+targetRelHigh %}. */
        RAISE_BELOW,
        /** Up to {@code low}: within; up to {@code watchHigh}: worth watching; above: outside. */
        MAX,
        /** From {@code low}: within; from {@code watchLow}: worth watching; below: outside. */
        MIN,
        /** Within {@code [low, high]}: within; within {@code [watchLow, watchHigh]}: worth watching; else outside. */
        RANGE,
        /** Measured and reported without a judgement. */
        INFO;

        /** Parses a rule name as written in the table ({@code raise_below}, {@code max}, …). */
        public static Rule parse(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    public Guideline {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        sources = List.copyOf(sources);
    }
}
