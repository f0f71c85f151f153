package org.gaitform.guidelines;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.model.Finding;
import org.gaitform.model.FindingStatus;

/**
 * Compares a session's metrics with every recommendation of a {@link GuidelineTable} and ranks the
 * findings: outside before worth-watching before reported before within, and within each status by the
 * guideline's weight. The articles note that changing one element of form changes others, so reports lead
 * with the first one or two.
 */
public final class GuidelineEvaluator {

    private final GuidelineTable table;

    public GuidelineEvaluator(GuidelineTable table) {
        this.table = table;
    }

    public GuidelineTable table() {
        return table;
    }

    /**
     * Evaluates every guideline.
     *
     * @param metrics    session metrics by output name
     * @param sourceKind kind of input for the uncertainty table ({@code trunk-imu}, {@code pose-2d}, …)
     * @return findings, ranked; unmeasurable ones last with priority 0
     */
    public List<Finding> evaluate(Map<String, Double> metrics, String sourceKind) {
        List<Finding> out = new ArrayList<>();
        for (Guideline g : table.guidelines()) {
            out.add(evaluate(g, valueOf(metrics, g.metric()), sourceKind));
        }
        return rank(out);
    }

    /**
     * A recommendation's metric in a session's metrics: the metric itself or, when the session has it in the other
     * unit of length, that value converted ({@code step_length_cm} of a video calibrated with the runner's height
     * judged by a recommendation in {@code step_length_m}, as watches give it; {@code _cm} from {@code _m} likewise);
     * NaN when neither is measured.
     */
    public static double valueOf(Map<String, Double> metrics, String metric) {
        double v = metrics.getOrDefault(metric, Double.NaN);
        if (Double.isFinite(v)) {
            return v;
        }
        if (metric.endsWith("_cm")) {
            return metrics.getOrDefault(otherUnit(metric), Double.NaN) * 100;
        }
        if (metric.endsWith("_m")) {
            return metrics.getOrDefault(otherUnit(metric), Double.NaN) / 100;
        }
        return v;
    }

    /**
     * The keys that may hold a recommendation's metric: the metric and, for a length, the same quantity in the other
     * unit ({@code step_length_m}, {@code step_length_cm}), so that what is said of the value measured (a quality
     * check's doubt) is found under the recommendation's key.
     */
    public static List<String> keysOf(String metric) {
        String other = otherUnit(metric);
        return other == null ? List.of(metric) : List.of(metric, other);
    }

    private static String otherUnit(String metric) {
        if (metric.endsWith("_cm")) {
            return metric.substring(0, metric.length() - 3) + "_m";
        }
        if (metric.endsWith("_m")) {
            return metric.substring(0, metric.length() - 2) + "_cm";
        }
        return null;
    }

    /** Evaluates one guideline on one value ({@code NaN} when not measured). */
    public Finding evaluate(Guideline g, double value, String sourceKind) {
        List<String> titles = table.titles(g.sources());
        double unc = MeasurementUncertainty.of(sourceKind, g.metric());
        if (Double.isNaN(value)) {
            return new Finding(g.id(), g.indicator(), g.metric(), FindingStatus.NOT_MEASURABLE, Double.NaN, g.unit(),
                    Double.NaN, "", "Not measurable from this input.", g.advice(), titles, g.evidence(), 0);
        }
        String v = format(value, g.unit());
        FindingStatus status;
        String target = "";
        String message;
        switch (g.rule()) {
            case RAISE_BELOW -> {
                if (value < g.low()) {
                    status = FindingStatus.OUTSIDE;
                    double a = value * (1 + g.targetRelLowPct() / 100);
                    double b = value * (1 + g.targetRelHighPct() / 100);
                    target = format(a, g.unit()) + "–" + format(b, g.unit()) + " " + g.unit();
                    message = String.format(Locale.ROOT, "Your %s of %s %s is below %s %s. Aim for %s (+%s–%s %%), "
                            + "raised gradually.", g.indicator(), v, g.unit(), format(g.low(), g.unit()), g.unit(),
                            target, trim(g.targetRelLowPct()), trim(g.targetRelHighPct()));
                } else {
                    status = FindingStatus.WITHIN;
                    message = String.format(Locale.ROOT, "Your %s of %s %s is at or above %s %s: no change needed.",
                            g.indicator(), v, g.unit(), format(g.low(), g.unit()), g.unit());
                }
            }
            case MAX -> {
                if (Double.isNaN(g.low())) {
                    status = FindingStatus.REPORTED;
                    message = reported(g, v);
                } else if (value <= g.low()) {
                    status = FindingStatus.WITHIN;
                    message = String.format(Locale.ROOT, "Your %s of %s %s is at or below %s %s.", g.indicator(), v,
                            g.unit(), format(g.low(), g.unit()), g.unit());
                } else if (!Double.isNaN(g.watchHigh()) && value <= g.watchHigh()) {
                    status = FindingStatus.WATCH;
                    message = String.format(Locale.ROOT, "Your %s of %s %s is above %s %s: worth watching.",
                            g.indicator(), v, g.unit(), format(g.low(), g.unit()), g.unit());
                    target = "≤ " + format(g.low(), g.unit()) + " " + g.unit();
                } else {
                    status = FindingStatus.OUTSIDE;
                    message = String.format(Locale.ROOT, "Your %s of %s %s is above %s %s.", g.indicator(), v,
                            g.unit(), format(Double.isNaN(g.watchHigh()) ? g.low() : g.watchHigh(), g.unit()), g.unit());
                    target = "≤ " + format(g.low(), g.unit()) + " " + g.unit();
                }
            }
            case MIN -> {
                if (value >= g.low()) {
                    status = FindingStatus.WITHIN;
                    message = String.format(Locale.ROOT, "Your %s of %s %s is at or above %s %s.", g.indicator(), v,
                            g.unit(), format(g.low(), g.unit()), g.unit());
                } else if (!Double.isNaN(g.watchLow()) && value >= g.watchLow()) {
                    status = FindingStatus.WATCH;
                    message = String.format(Locale.ROOT, "Your %s of %s %s is below %s %s: worth watching.",
                            g.indicator(), v, g.unit(), format(g.low(), g.unit()), g.unit());
                    target = "≥ " + format(g.low(), g.unit()) + " " + g.unit();
                } else {
                    status = FindingStatus.OUTSIDE;
                    message = String.format(Locale.ROOT, "Your %s of %s %s is below %s %s.", g.indicator(), v,
                            g.unit(), format(Double.isNaN(g.watchLow()) ? g.low() : g.watchLow(), g.unit()), g.unit());
                    target = "≥ " + format(g.low(), g.unit()) + " " + g.unit();
                }
            }
            case RANGE -> {
                target = format(g.low(), g.unit()) + "–" + format(g.high(), g.unit()) + " " + g.unit();
                if (value >= g.low() && value <= g.high()) {
                    status = FindingStatus.WITHIN;
                    message = String.format(Locale.ROOT, "Your %s of %s %s is within %s.", g.indicator(), v, g.unit(),
                            target);
                    target = "";
                } else if (!Double.isNaN(g.watchLow()) && value >= g.watchLow() && value <= g.watchHigh()) {
                    status = FindingStatus.WATCH;
                    message = String.format(Locale.ROOT, "Your %s of %s %s is outside %s but close: worth watching.",
                            g.indicator(), v, g.unit(), target);
                } else {
                    status = FindingStatus.OUTSIDE;
                    message = String.format(Locale.ROOT, "Your %s of %s %s is outside %s.", g.indicator(), v, g.unit(),
                            target);
                }
            }
            default -> {
                status = FindingStatus.REPORTED;
                message = reported(g, v);
            }
        }
        return new Finding(g.id(), g.indicator(), g.metric(), status, value, g.unit(), unc, target, message, g.advice(),
                titles, g.evidence(), 0);
    }

    private static String reported(Guideline g, String v) {
        if (g.metric().equals("foot_strike_angle_deg")) {
            double a = Double.parseDouble(v);
            return String.format(Locale.ROOT, "You landed with a %s strike (foot angle %s° at initial contact; "
                    + "Altman & Davis 2012 bands, unconfirmed: > 8° rearfoot, −1.6…8° midfoot, < −1.6° forefoot). "
                    + "A heel strike alone is not a problem; it matters together with overstriding.", strikeClass(a), v);
        }
        if (g.metric().equals("foot_strike_type")) {
            double t = Double.parseDouble(v);
            String cls = t >= 12 ? "forefoot" : t >= 6 ? "midfoot" : "heel (rearfoot)";
            return String.format(Locale.ROOT, "Your foot pods read a %s strike on average (RunScribe's type %s on its "
                    + "1–16 scale: 1–5 heel, 6–11 midfoot, 12–16 forefoot). A heel strike alone is not a problem; it "
                    + "matters together with overstriding.", cls, v);
        }
        if (g.metric().equals("impact_g") || g.metric().equals("braking_g")) {
            return String.format(Locale.ROOT, "Your %s: %s g (peak acceleration of the foot). The articles give no "
                    + "cut-off; it is a relative measure: follow it from run to run, lower is softer.", g.indicator(), v);
        }
        return String.format(Locale.ROOT, "Your %s: %s %s. The articles give no cut-off for it; use it to follow "
                + "change over time.", g.indicator(), v, g.unit());
    }

    /** Foot-strike class from the foot angle at initial contact (Altman and Davis 2012 bands). */
    public static String strikeClass(double footAngleDeg) {
        return footAngleDeg > 8 ? "rearfoot" : footAngleDeg >= -1.6 ? "midfoot" : "forefoot";
    }

    /**
     * Ranks findings and numbers the judged ones 1, 2, …; unmeasurable ones, and ones shown but not judged (a
     * doubtful measure, or too few steps), get priority 0 and come last.
     */
    public List<Finding> rank(List<Finding> findings) {
        Map<String, Double> weights = new java.util.HashMap<>();
        table.guidelines().forEach(g -> weights.put(g.id(), g.weight()));
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingInt((Finding f) -> order(f.status()))
                .thenComparing(f -> -weights.getOrDefault(f.guidelineId(), 0.0)));
        List<Finding> out = new ArrayList<>();
        int p = 1;
        for (Finding f : sorted) {
            out.add(f.withPriority(f.status() == FindingStatus.NOT_MEASURABLE || f.status() == FindingStatus.NOT_JUDGED
                    ? 0 : p++));
        }
        return out;
    }

    private static int order(FindingStatus s) {
        return switch (s) {
            case OUTSIDE -> 0;
            case WATCH -> 1;
            case REPORTED -> 2;
            case WITHIN -> 3;
            case NOT_JUDGED -> 4;
            case NOT_MEASURABLE -> 5;
        };
    }

    /** Formats a value with the precision its unit deserves. */
    public static String format(double v, String unit) {
        int decimals = switch (unit) {
            case "steps/min", "ms", "km", "% of steps" -> 0;
            case "m" -> 2;
            case "g", "/10" -> 1;
            default -> 1;
        };
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
