package org.gaitform.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.gaitform.guidelines.GuidelineEvaluator;
import org.gaitform.model.Activity;
import org.gaitform.model.Evidence;
import org.gaitform.model.Finding;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.QualityCheck;
import org.gaitform.model.SessionQuality;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.model.WatchTraces;
import org.gaitform.signal.Stats;

/**
 * Judges a session's findings in the light of its quality: every finding built on steps gets the number of steps
 * (per side) behind its value and an uncertainty that adds this session's own 95 % interval of the mean (from its
 * step-to-step variation) to the typical uncertainty of the kind of input; a finding whose measure a quality check
 * put in doubt, or that rests on fewer steps than {@link QualitySettings#minSteps()} (per side: {@link
 * QualitySettings#minStepsPerSide()}, {@link QualitySettings#minStepsPerSideBalance()} for the balance), is shown with
 * its value but not judged and not ranked.
 */
public final class FindingJudgement {
    /** Findings whose value is a mean of left and right steps compared per side. */
    static final Set<String> PER_SIDE = Set.of("knee_fppa_deg", "pelvic_drop_deg", "knee_abduction_deg");
    /** The left/right contact-time balance. */
    static final String BALANCE = "contact_balance_left_pct";
    /** z of a two-sided 95 % interval. */
    static final double Z95 = 1.96;

    private FindingJudgement() {
    }

    /**
     * The findings of a session, judged in the light of its quality and ranked again.
     *
     * @param r         the session, with its findings as the guideline table gave them
     * @param q         its quality
     * @param s         the thresholds (minimum steps)
     * @param evaluator the guideline evaluator (for the ranking)
     * @param kind      kind of measurement ({@code watch}, {@code trunk-imu}, …)
     */
    public static List<Finding> judge(SessionResult r, SessionQuality q, QualitySettings s,
                                      GuidelineEvaluator evaluator, String kind) {
        boolean watch = kind.equals("watch");
        boolean oneLeg = r.decisions().stream().anyMatch(d -> d.key().equals("cadence_basis")
                && d.value().equals("one leg"));
        List<Step> run = r.steps().stream().filter(st -> st.activity() == Activity.RUNNING).toList();
        List<Finding> out = new ArrayList<>();
        for (Finding f : r.findings()) {
            if (f.status() == FindingStatus.NOT_MEASURABLE || !stepBased(f.metricKey())) {
                out.add(f);
                continue;
            }
            Finding g = watch ? withDeviceEvidence(f, r) : withSessionEvidence(f, run, r, oneLeg);
            Optional<QualityCheck> doubt = GuidelineEvaluator.keysOf(f.metricKey()).stream().map(q::doubtOn)
                    .flatMap(Optional::stream).findFirst();
            Evidence e = g.evidence();
            if (doubt.isPresent()) {
                g = g.notJudged("Not judged: doubtful measure. " + doubt.get().sentence());
            } else if (!watch && e.steps() < s.minSteps()) {
                g = g.notJudged(String.format(Locale.ROOT, "Not judged: %d step%s, at least %d needed. A mean of so few "
                        + "steps cannot tell a real difference from step-to-step variation.", e.steps(),
                        e.steps() == 1 ? "" : "s", s.minSteps()));
            } else if (!watch && f.metricKey().equals(BALANCE) && e.perSide() < s.minStepsPerSideBalance()) {
                g = g.notJudged(String.format(Locale.ROOT, "Not judged: %d left and %d right steps, at least %d of each "
                        + "foot needed. With fewer, step-to-step variation alone moves the balance across its 1.5-point "
                        + "band.", e.left(), e.right(), s.minStepsPerSideBalance()));
            } else if (!watch && PER_SIDE.contains(f.metricKey()) && e.perSide() < s.minStepsPerSide()) {
                g = g.notJudged(String.format(Locale.ROOT, "Not judged: %d left and %d right steps, at least %d of each "
                        + "foot needed. Each side's mean needs its own steps.", e.left(), e.right(), s.minStepsPerSide()));
            }
            out.add(g);
        }
        return evaluator.rank(out);
    }

    /** True for the metrics that are averages over steps (not questionnaires, shoes or training weeks). */
    static boolean stepBased(String metricKey) {
        return QualityChecks.EVENT_METRICS.contains(metricKey) || metricKey.equals("trunk_lean_deg");
    }

    /**
     * A watch finding: the steps the device counted, and an uncertainty widened by the 95 % interval of the mean of
     * the device's per-record values (each record averages the few steps since the one before).
     */
    private static Finding withDeviceEvidence(Finding f, SessionResult r) {
        double n = r.metric("n_steps");
        Evidence e = Double.isFinite(n) && n > 0 ? new Evidence((int) Math.min(Integer.MAX_VALUE, n), 0, 0)
                : Evidence.NONE;
        double ci = WatchTraces.find(r.traces(), WatchTraces.RECORD, f.metricKey()).map(t -> {
            double[] v = java.util.Arrays.stream(t.values()).filter(Double::isFinite).toArray();
            return v.length >= 2 ? Z95 * Stats.sd(v) / Math.sqrt(v.length) : Double.NaN;
        }).orElse(Double.NaN);
        return f.withEvidence(e, combine(f.uncertainty(), ci));
    }

    /** The finding with the steps behind it and its uncertainty widened by this session's 95 % interval. */
    private static Finding withSessionEvidence(Finding f, List<Step> run, SessionResult r, boolean oneLeg) {
        String key = f.metricKey();
        ToDoubleFunction<Step> value = perStep(key, oneLeg);
        double[] all = values(run, value, null);
        double[] left = values(run, value, Side.LEFT);
        double[] right = values(run, value, Side.RIGHT);
        if (all.length == 0) {
            // a value from session means (the vertical ratio of mean oscillation and mean step length): it rests on
            // the running steps
            all = values(run, st -> 0, null);
            left = values(run, st -> 0, Side.LEFT);
            right = values(run, st -> 0, Side.RIGHT);
            return f.withEvidence(new Evidence(all.length, left.length, right.length), f.uncertainty());
        }
        Evidence e = new Evidence(all.length, left.length, right.length);
        double ci = Double.NaN;
        if (key.equals(BALANCE)) {
            ci = balanceInterval(left, right);
        } else if (key.equals("cadence_spm") && all.length >= 2) {
            ci = f.value() * Z95 * Stats.sd(all) / Stats.mean(all) / Math.sqrt(all.length);
        } else if (key.equals("duty_factor") && all.length >= 2) {
            ci = f.value() * Z95 * Stats.sd(all) / Stats.mean(all) / Math.sqrt(all.length);
        } else if (key.equals("wrist_crossing_pct") && all.length >= 2) {
            // each step is 0 or 100: the interval of a proportion
            double p = Stats.mean(all) / 100;
            ci = 100 * Z95 * Math.sqrt(p * (1 - p) / all.length);
        } else if (all.length >= 2) {
            ci = Z95 * Stats.sd(all) / Math.sqrt(all.length);
        }
        return f.withEvidence(e, combine(f.uncertainty(), ci));
    }

    private static double combine(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return Math.hypot(a, b);
    }

    /** 95 % half-interval of the left share of contact time (percentage points), from each side's variation. */
    private static double balanceInterval(double[] left, double[] right) {
        if (left.length < 2 || right.length < 2) {
            return Double.NaN;
        }
        double l = Stats.mean(left);
        double rt = Stats.mean(right);
        double seL = Stats.sd(left) / Math.sqrt(left.length);
        double seR = Stats.sd(right) / Math.sqrt(right.length);
        double sum = l + rt;
        return 100 * Z95 * Math.hypot(rt * seL, l * seR) / (sum * sum);
    }

    /** The per-step value behind a summary key (NaN where a step has none). */
    private static ToDoubleFunction<Step> perStep(String key, boolean oneLeg) {
        return switch (key) {
            case "cadence_spm", "step_time_s" -> oneLeg ? st -> st.extras().getOrDefault("stride_time_s", Double.NaN)
                    : Step::stepTimeS;
            case "contact_ms", "contact_ms_median", "duty_factor", BALANCE, "contact_ms_left", "contact_ms_right" ->
                Step::contactMs;
            case "flight_ms" -> Step::flightMs;
            case "step_length_m" -> st -> st.extras().containsKey("step_length_m") ? st.extras().get("step_length_m")
                    : st.extras().getOrDefault("step_length_cm", Double.NaN) / 100;
            default -> st -> st.extras().getOrDefault(key, Double.NaN);
        };
    }

    private static double[] values(List<Step> steps, ToDoubleFunction<Step> f, Side side) {
        return steps.stream().filter(st -> side == null || st.side() == side).mapToDouble(f)
                .filter(Double::isFinite).toArray();
    }
}
