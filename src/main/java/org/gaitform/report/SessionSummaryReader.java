package org.gaitform.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gaitform.guidelines.Guideline;
import org.gaitform.guidelines.GuidelineEvaluator;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.json.JsonReader;
import org.gaitform.model.Evidence;
import org.gaitform.model.Finding;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.Placement;
import org.gaitform.model.Quality;
import org.gaitform.model.QualityCheck;
import org.gaitform.model.SessionQuality;
import org.gaitform.model.SessionResult;

/**
 * Reads a session back from the {@code summary.json} an earlier run wrote, for the batch tables and reports of a
 * re-run that skipped the unchanged session: its metrics, textual values and findings (indicator, advice and
 * sources from the guideline table). Steps, bouts and signal excerpts are not in the summary and come back empty.
 */
public final class SessionSummaryReader {
    private static final Set<String> NOT_METRICS = Set.of("sampling_rate_hz");

    private SessionSummaryReader() {
    }

    /** The session in {@code summary.json}, or empty when the file is missing or unreadable. */
    public static Optional<SessionResult> read(Path summaryJson, GuidelineTable table) {
        try {
            Object parsed = JsonReader.parse(Files.readString(summaryJson, StandardCharsets.UTF_8));
            if (!(parsed instanceof Map<?, ?> m)) {
                return Optional.empty();
            }
            return Optional.of(toResult(m, table));
        } catch (IOException | JsonReader.JsonException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static SessionResult toResult(Map<?, ?> m, GuidelineTable table) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, String> info = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (k.startsWith("finding_") || k.startsWith("decision_") || k.startsWith("quality")) {
                continue;
            }
            if (e.getValue() instanceof Number n && !NOT_METRICS.contains(k)) {
                metrics.put(k, n.doubleValue());
            } else if (e.getValue() == null && !NOT_METRICS.contains(k)) {
                metrics.put(k, Double.NaN);
            } else if (e.getValue() instanceof String s) {
                info.put(k, s);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Guideline g : table.guidelines()) {
            Object status = m.get("finding_" + g.id() + "_status");
            if (!(status instanceof String s)) {
                continue;
            }
            FindingStatus fs = statusOf(s);
            double value = m.get("finding_" + g.id() + "_value") instanceof Number n ? n.doubleValue() : Double.NaN;
            Object target = m.get("finding_" + g.id() + "_target");
            int priority = m.get("finding_" + g.id() + "_priority") instanceof Number p ? p.intValue() : 0;
            Finding generic = new GuidelineEvaluator(table).evaluate(g, value, info.getOrDefault("measurement_kind", ""));
            double uncertainty = m.get("finding_" + g.id() + "_uncertainty") instanceof Number u ? u.doubleValue()
                    : generic.uncertainty();
            String message = fs == FindingStatus.NOT_JUDGED && m.get("finding_" + g.id() + "_why_not_judged")
                    instanceof String why ? why : generic.message();
            Evidence evidence = new Evidence(count(m, "finding_" + g.id() + "_n_steps"),
                    count(m, "finding_" + g.id() + "_n_steps_left"), count(m, "finding_" + g.id() + "_n_steps_right"));
            findings.add(new Finding(g.id(), g.indicator(), g.metric(), fs, value, g.unit(), uncertainty,
                    target instanceof String t ? t : "", message, g.advice(), table.titles(g.sources()),
                    g.evidence(), priority, evidence));
        }
        findings.sort((a, b) -> Integer.compare(a.priority() == 0 ? Integer.MAX_VALUE : a.priority(),
                b.priority() == 0 ? Integer.MAX_VALUE : b.priority()));
        Placement placement = Placement.parse(String.valueOf(m.get("placement"))).orElse(Placement.UNKNOWN);
        double rate = m.get("sampling_rate_hz") instanceof Number n ? n.doubleValue() : 1;
        List<String> warnings = new ArrayList<>();
        if (m.get("warnings") instanceof List<?> w) {
            w.forEach(x -> warnings.add(String.valueOf(x)));
        }
        return new SessionResult(String.valueOf(m.get("session_id")), String.valueOf(m.get("source")),
                String.valueOf(m.get("input_kind")), placement, rate > 0 ? rate : 1, List.of(), List.of(), metrics, info,
                findings, List.of(), warnings, List.of(), List.of(), quality(m));
    }

    /** The quality verdict as written: its label, reasons (as failed checks) and assumed inputs. */
    private static SessionQuality quality(Map<?, ?> m) {
        Quality verdict = Quality.parse(String.valueOf(m.get("quality")));
        List<QualityCheck> checks = new ArrayList<>();
        if (m.get("quality_reasons") instanceof List<?> reasons) {
            for (Object reason : reasons) {
                checks.add(new QualityCheck("summary", verdict == Quality.GOOD ? Quality.DOUBTFUL : verdict,
                        String.valueOf(reason), List.of()));
            }
        }
        List<String> assumed = new ArrayList<>();
        if (m.get("quality_assumed_inputs") instanceof List<?> a) {
            a.forEach(x -> assumed.add(String.valueOf(x)));
        }
        return new SessionQuality(verdict, checks, assumed);
    }

    private static int count(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? Math.max(0, n.intValue()) : 0;
    }

    private static FindingStatus statusOf(String label) {
        for (FindingStatus s : FindingStatus.values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        return FindingStatus.NOT_MEASURABLE;
    }
}
