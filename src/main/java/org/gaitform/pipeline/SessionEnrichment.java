package org.gaitform.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.guidelines.GuidelineEvaluator;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.metrics.FormOverTime;
import org.gaitform.model.Decision;
import org.gaitform.model.Recording;
import org.gaitform.model.SessionQuality;
import org.gaitform.quality.FindingJudgement;
import org.gaitform.quality.QualityChecks;
import org.gaitform.quality.QualitySettings;
import org.gaitform.model.Finding;
import org.gaitform.model.SessionMetadata;
import org.gaitform.model.SessionResult;

/**
 * Adds a session's metadata (pain, shoes, speed, subject) to its result, judges the result against the guideline
 * table, and gives it its quality verdict ({@link QualityChecks}), which decides which findings are judged: the last
 * steps of every analysis, whatever the input.
 */
final class SessionEnrichment {
    private SessionEnrichment() {
    }

    /**
     * The last steps of every analysis: metadata, findings, and the quality verdict with the findings judged in its
     * light. Every path from a recording to a result goes through here, so every session has a verdict.
     *
     * @param rec   the recording the session was analysed from (the quality checks read its raw signal)
     * @param r     the analysis
     * @param meta  the session's metadata, or {@link SessionMetadata#NONE}
     * @param table the guideline table
     */
    static SessionResult apply(Recording rec, SessionResult r, SessionMetadata meta, GuidelineTable table) {
        return withQuality(rec, withMetadataAndFindings(r, meta, table), table);
    }

    private static SessionResult withMetadataAndFindings(SessionResult r, SessionMetadata meta, GuidelineTable table) {
        Map<String, Double> metrics = new LinkedHashMap<>(r.metrics());
        Map<String, String> info = new LinkedHashMap<>(r.info());
        List<Decision> decisions = new ArrayList<>(r.decisions());
        List<String> warnings = new ArrayList<>(r.warnings());
        warnings.addAll(meta.warnings());
        if (meta.isPresent()) {
            decisions.add(new Decision("metadata", meta.origin(), "session metadata found beside the input"));
            meta.subjectId().ifPresent(s -> info.put("subject_id", s));
            meta.heightCm().ifPresent(h -> metrics.put("height_cm", h));
            meta.speedMps().ifPresent(s -> metrics.putIfAbsent("speed_mps", s));
            meta.treadmill().ifPresent(t -> info.put("surface", t ? "treadmill" : "overground"));
            meta.shoes().ifPresent(s -> info.put("shoes", s));
            meta.shoeKm().ifPresent(k -> metrics.put("shoe_km", k));
            meta.painBefore().ifPresent(p -> metrics.put("pain_before_score", p));
            meta.painDuring().ifPresent(p -> metrics.put("pain_during_score", p));
            meta.painAfter().ifPresent(p -> metrics.put("pain_after_score", p));
            meta.painMax().ifPresent(p -> metrics.put("pain_max_score", p));
            meta.painOnsetMin().ifPresent(m -> metrics.put("pain_onset_min", m));
            meta.notes().ifPresent(n -> info.put("notes", n));
        }
        FormOverTime.of(r.steps()).notes().stream().findFirst().ifPresent(n -> info.put("form_drift", n));
        SessionResult withMeta = new SessionResult(r.sessionId(), r.source(), r.inputKind(), r.placement(),
                r.samplingRateHz(), r.bouts(), r.steps(), metrics, info, r.findings(), decisions, warnings, r.traces(),
                r.figures(), r.quality());
        List<Finding> findings = new GuidelineEvaluator(table).evaluate(metrics, uncertaintyKind(withMeta));
        findings = withPainOnset(findings, metrics);
        return withMeta.withFindings(findings);
    }

    /**
     * The session with its quality verdict, from consistency checks of the session and its recording, and its
     * findings judged in its light: a finding on a doubtful measure or on too few steps is shown but not judged.
     */
    private static SessionResult withQuality(Recording rec, SessionResult r, GuidelineTable table) {
        String kind = measurementKind(r);
        QualitySettings qs = QualitySettings.DEFAULTS;
        SessionQuality q;
        try {
            q = new QualityChecks(qs).assess(rec, r, kind);
        } catch (RuntimeException e) {
            // a defect of the checks must not cost the session: it is said, and the session is not called good
            q = SessionQuality.of(List.of(new org.gaitform.model.QualityCheck("checks_failed",
                    org.gaitform.model.Quality.DOUBTFUL, "The quality checks could not run (" + e + "); the numbers "
                    + "were not checked. Please report this.", List.of())), List.of());
        }
        return r.withQuality(q, FindingJudgement.judge(r, q, qs, new GuidelineEvaluator(table), kind));
    }

    /** Adds the minute at which pain started to the pain finding's message. */
    private static List<Finding> withPainOnset(List<Finding> findings, Map<String, Double> metrics) {
        Double onset = metrics.get("pain_onset_min");
        if (onset == null) {
            return findings;
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.metricKey().equals("pain_max_score")) {
                f = new Finding(f.guidelineId(), f.indicator(), f.metricKey(), f.status(), f.value(), f.unit(),
                        f.uncertainty(), f.target(), f.message() + String.format(Locale.ROOT,
                        " Pain started at minute %.0f of the run: note whether it starts at the same point next time.",
                        onset), f.advice(), f.sources(), f.evidenceNote(), f.priority(), f.evidence());
            }
            out.add(f);
        }
        return out;
    }

    /**
     * The row of the uncertainty table for the session: its {@link #measurementKind}, refined to {@code trunk-imu-raw}
     * for a trunk sensor whose vertical gaitform found from gravity (raw axes), whose contact times were measured
     * longer on real recordings (docs/quality.md), and to {@code trunk-imu-vertical} for an export with a vertical
     * column and no forward one, whose contact times were measured further off ({@code VerticalOnlyTrunkAccuracyTest}).
     */
    static String uncertaintyKind(SessionResult r) {
        String kind = measurementKind(r);
        if (!kind.equals("trunk-imu")) {
            return kind;
        }
        boolean raw = r.decisions().stream().anyMatch(d -> d.key().equals("alignment") && d.value().equals("gravity"));
        boolean verticalOnly = r.decisions().stream().anyMatch(d -> d.key().equals("ap_direction")
                && d.value().equals(TrunkRunningAnalysis.VERTICAL_ONLY));
        return raw ? "trunk-imu-raw" : verticalOnly ? "trunk-imu-vertical" : kind;
    }

    /**
     * The kind of measurement for the uncertainty table: {@code trunk-imu}, {@code foot-imu},
     * {@code shank-imu}, {@code pose-2d}, {@code pose-2d-frontal} (a runner filmed from behind or ahead while
     * moving), {@code pose-3d} or {@code watch}; an analysis may state it in its info as {@code measurement_kind}.
     */
    static String measurementKind(SessionResult r) {
        String stated = r.info().get("measurement_kind");
        if (stated != null) {
            return stated;
        }
        String kind = r.inputKind();
        if (kind.startsWith("imu")) {
            return switch (r.placement()) {
                case FOOT -> "foot-imu";
                case SHANK -> "shank-imu";
                default -> r.placement().isTrunk() ? "trunk-imu" : "other-imu";
            };
        }
        if (kind.contains("pose") || kind.contains("marker") || kind.contains("c3d") || kind.contains("trc")
                || kind.contains("vicon") || kind.contains("qualisys")) {
            return "3d".equals(r.info().get("view")) ? "pose-3d" : "pose-2d";
        }
        if (kind.contains("fit") || kind.contains("tcx") || kind.contains("gpx") || kind.contains("watch")) {
            return "watch";
        }
        return kind;
    }
}
