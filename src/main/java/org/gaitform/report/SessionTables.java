package org.gaitform.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gaitform.model.Bout;
import org.gaitform.model.Decision;
import org.gaitform.model.Finding;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.QualityCheck;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Step;
import org.gaitform.report.CsvTables.Num;
import org.gaitform.signal.Stats;

/**
 * The contract tables of one session.
 *
 * <p>{@code steps.csv}: one row per step, columns {@code step,side,ic_s,to_s,contact_ms,flight_ms,step_time_s}
 * (these never change), then {@code activity}, {@code ic_method} and every per-step extra value (its name
 * carries its unit). Times are seconds on the input's own time axis.
 *
 * <p>{@code summary.json}: a flat object with {@code source}, {@code placement}, {@code sampling_rate_hz},
 * {@code n_steps}, {@code cadence_spm}, {@code contact_ms} (mean), {@code flight_ms}, {@code duty_factor},
 * {@code running_s}, {@code warnings} (these never change), then the quality verdict — {@code quality}
 * ({@code good}, {@code doubtful} or {@code poor}), {@code quality_reasons} (sentences), {@code
 * quality_assumed_inputs} and {@code quality_failed_checks} ({@code id:outcome}) — the other metrics, the session's
 * textual values, every decision as {@code decision_<key>} with {@code decision_<key>_reason}, and the findings as
 * {@code finding_<id>_status}, {@code _value}, {@code _uncertainty}, {@code _target}, {@code _priority}, {@code
 * _n_steps} (with {@code _n_steps_left}, {@code _n_steps_right}) and, for a finding shown but not judged, {@code
 * _why_not_judged}. Missing numbers are {@code null}.
 */
public final class SessionTables {
    /** The contract columns of steps.csv, in order. */
    public static final List<String> STEP_COLUMNS = List.of("step", "side", "ic_s", "to_s", "contact_ms", "flight_ms",
            "step_time_s");

    private SessionTables() {
    }

    /** The text of steps.csv. */
    public static String stepsCsv(SessionResult r) {
        Set<String> extras = new LinkedHashSet<>();
        for (Step s : r.steps()) {
            extras.addAll(s.extras().keySet());
        }
        List<String> header = new ArrayList<>(STEP_COLUMNS);
        header.add("activity");
        header.add("ic_method");
        header.addAll(extras);
        List<List<Object>> rows = new ArrayList<>();
        for (Step s : r.steps()) {
            List<Object> row = new ArrayList<>();
            row.add(s.number());
            row.add(s.side().label());
            row.add(new Num(s.icS(), 4));
            row.add(new Num(s.toS(), 4));
            row.add(new Num(s.contactMs(), 1));
            row.add(new Num(s.flightMs(), 1));
            row.add(new Num(s.stepTimeS(), 4));
            row.add(s.activity().label());
            row.add(s.icMethod());
            for (String e : extras) {
                row.add(new Num(s.extras().getOrDefault(e, Double.NaN), decimalsFor(e)));
            }
            rows.add(row);
        }
        return CsvTables.write(header, rows);
    }

    /** The columns of bouts.csv, in order. */
    public static final List<String> BOUT_COLUMNS = List.of("bout", "activity", "start_s", "end_s", "duration_s", "n_steps",
            "cadence_spm", "contact_ms");

    /**
     * The text of bouts.csv: one row per bout (running, walking, standing) in time order — {@code bout} (1, 2, …),
     * {@code activity}, {@code start_s}, {@code end_s}, {@code duration_s}, then over the bout's steps of its own
     * activity (initial contact inside the bout): {@code n_steps}, {@code cadence_spm} (60 / mean step time) and
     * {@code contact_ms} (mean ground-contact time; stance time in walking). Values a bout cannot have (a standing
     * bout's cadence) are empty.
     */
    public static String boutsCsv(SessionResult r) {
        List<List<Object>> rows = new ArrayList<>();
        List<Step> steps = r.steps();
        boolean inTimeOrder = true; // as the pipeline gives them: each bout's steps are then found by bisection
        for (int i = 1; i < steps.size() && inTimeOrder; i++) {
            inTimeOrder = steps.get(i).icS() >= steps.get(i - 1).icS();
        }
        int k = 0;
        for (Bout b : r.bouts()) {
            List<Step> in = new ArrayList<>();
            for (int i = inTimeOrder ? firstAtOrAfter(steps, b.startS()) : 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                if (inTimeOrder && !(s.icS() < b.endS())) {
                    break;
                }
                if (s.activity() == b.activity() && b.contains(s.icS())) {
                    in.add(s);
                }
            }
            double stepTime = Stats.mean(in.stream().mapToDouble(Step::stepTimeS).toArray());
            List<Object> row = new ArrayList<>();
            row.add(++k);
            row.add(b.activity().label());
            row.add(new Num(b.startS(), 4));
            row.add(new Num(b.endS(), 4));
            row.add(new Num(b.durationS(), 4));
            row.add(in.size());
            row.add(new Num(stepTime > 0 ? 60.0 / stepTime : Double.NaN, 2));
            row.add(new Num(Stats.mean(in.stream().mapToDouble(Step::contactMs).toArray()), 1));
            rows.add(row);
        }
        return CsvTables.write(BOUT_COLUMNS, rows);
    }

    /** The index of the first of the steps (in time order) whose initial contact is at or after {@code timeS}. */
    private static int firstAtOrAfter(List<Step> steps, double timeS) {
        int lo = 0;
        int hi = steps.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (steps.get(mid).icS() < timeS) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The content of summary.json as an ordered map. */
    public static Map<String, Object> summary(SessionResult r, String version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", r.source());
        m.put("session_id", r.sessionId());
        m.put("input_kind", r.inputKind());
        m.put("placement", r.placement().label());
        m.put("sampling_rate_hz", round(r.samplingRateHz(), 3));
        m.put("n_steps", r.metric("n_steps"));
        m.put("cadence_spm", round(r.metric("cadence_spm"), 2));
        m.put("contact_ms", round(r.metric("contact_ms"), 1));
        m.put("flight_ms", round(r.metric("flight_ms"), 1));
        m.put("duty_factor", round(r.metric("duty_factor"), 4));
        m.put("running_s", round(r.metric("running_s"), 2));
        m.put("warnings", r.warnings());
        m.put("quality", r.quality().verdict().label());
        m.put("quality_reasons", r.quality().reasons());
        m.put("quality_assumed_inputs", r.quality().assumedInputs());
        m.put("quality_failed_checks", r.quality().checks().stream().filter(QualityCheck::failed)
                .map(c -> c.id() + ":" + c.outcome().label()).toList());
        for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
            m.putIfAbsent(e.getKey(), round(e.getValue(), decimalsFor(e.getKey())));
        }
        for (Map.Entry<String, String> e : r.info().entrySet()) {
            m.putIfAbsent(e.getKey(), e.getValue());
        }
        for (Decision d : r.decisions()) {
            String key = "decision_" + d.key();
            if (!m.containsKey(key)) {
                m.put(key, d.value());
                m.put(key + "_reason", d.reason());
            }
        }
        for (Finding f : r.findings()) {
            String p = "finding_" + f.guidelineId() + "_";
            m.put(p + "status", f.status().label());
            if (f.status() != FindingStatus.NOT_MEASURABLE) {
                m.put(p + "value", round(f.value(), 2));
                m.put(p + "unit", f.unit());
                m.put(p + "uncertainty", round(f.uncertainty(), 2));
                m.put(p + "target", f.target());
                m.put(p + "priority", f.priority());
                m.put(p + "sources", String.join("; ", f.sources()));
                if (f.evidence().counted()) {
                    m.put(p + "n_steps", f.evidence().steps());
                    if (f.evidence().left() + f.evidence().right() > 0) {
                        m.put(p + "n_steps_left", f.evidence().left());
                        m.put(p + "n_steps_right", f.evidence().right());
                    }
                }
                if (f.status() == FindingStatus.NOT_JUDGED) {
                    m.put(p + "why_not_judged", f.message());
                }
            }
        }
        m.put("gaitform_version", version);
        return m;
    }

    /** Decimals written for a column or key, from the unit at the end of its name. */
    static int decimalsFor(String name) {
        if (name.endsWith("_s")) {
            return 4;
        }
        if (name.endsWith("_ms") || name.endsWith("_deg") || name.endsWith("_cm") || name.endsWith("_pct")
                || name.endsWith("_mm") || name.contains("_pct_")) {
            return 2;
        }
        if (name.endsWith("_g")) {
            return 3;
        }
        if (name.startsWith("n_")) {
            return 0;
        }
        return 4;
    }

    private static Double round(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return null;
        }
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
