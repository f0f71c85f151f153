package org.gaitform.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything gaitform found in one input, ready to be written.
 *
 * @param sessionId       unique id within the run, safe as a folder name
 * @param source          the input as given
 * @param inputKind       what kind of input it was (for example {@code imu-csv})
 * @param placement       where the sensor was worn (or the camera/marker set for pose input)
 * @param samplingRateHz  sampling rate of the analysed signals (Hz)
 * @param bouts           running, walking and standing bouts in time order
 * @param steps           the steps in time order
 * @param metrics         session values keyed by output name, each name carrying its unit
 *                        ({@code cadence_spm}, {@code contact_ms}, …), in output order
 * @param info            textual session values keyed by output name ({@code detection_method}, …)
 * @param findings        comparisons with the recommendations, most important first
 * @param decisions       what the program decided on its own
 * @param warnings        what the user should know
 * @param traces          signal excerpts and time series for the report
 * @param figures         stick figures of the runner for the report (pose and marker input); empty otherwise
 * @param quality         the quality verdict of the session's numbers ({@link SessionQuality#NOT_ASSESSED} until the
 *                        pipeline's checks have run)
 */
public record SessionResult(String sessionId, String source, String inputKind, Placement placement,
                            double samplingRateHz, List<Bout> bouts, List<Step> steps, Map<String, Double> metrics,
                            Map<String, String> info, List<Finding> findings, List<Decision> decisions,
                            List<String> warnings, List<Trace> traces, List<StickFigure> figures,
                            SessionQuality quality) {
    public SessionResult {
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(inputKind, "inputKind");
        Objects.requireNonNull(placement, "placement");
        bouts = List.copyOf(bouts);
        steps = List.copyOf(steps);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
        findings = List.copyOf(findings);
        decisions = List.copyOf(decisions);
        warnings = List.copyOf(warnings);
        traces = List.copyOf(traces);
        figures = List.copyOf(figures);
    }

    /** A result not yet assessed by the quality checks. */
    public SessionResult(String sessionId, String source, String inputKind, Placement placement,
                         double samplingRateHz, List<Bout> bouts, List<Step> steps, Map<String, Double> metrics,
                         Map<String, String> info, List<Finding> findings, List<Decision> decisions,
                         List<String> warnings, List<Trace> traces, List<StickFigure> figures) {
        this(sessionId, source, inputKind, placement, samplingRateHz, bouts, steps, metrics, info, findings, decisions,
                warnings, traces, figures, SessionQuality.NOT_ASSESSED);
    }

    /** A result without stick figures. */
    public SessionResult(String sessionId, String source, String inputKind, Placement placement,
                         double samplingRateHz, List<Bout> bouts, List<Step> steps, Map<String, Double> metrics,
                         Map<String, String> info, List<Finding> findings, List<Decision> decisions,
                         List<String> warnings, List<Trace> traces) {
        this(sessionId, source, inputKind, placement, samplingRateHz, bouts, steps, metrics, info, findings, decisions,
                warnings, traces, List.of());
    }

    /** A session value, or {@code NaN} when absent. */
    public double metric(String key) {
        return metrics.getOrDefault(key, Double.NaN);
    }

    /** A copy with another session id. */
    public SessionResult withSessionId(String id) {
        return new SessionResult(id, source, inputKind, placement, samplingRateHz, bouts, steps, metrics, info,
                findings, decisions, warnings, traces, figures, quality);
    }

    /** A copy with other findings. */
    public SessionResult withFindings(List<Finding> newFindings) {
        return new SessionResult(sessionId, source, inputKind, placement, samplingRateHz, bouts, steps, metrics, info,
                newFindings, decisions, warnings, traces, figures, quality);
    }

    /** A copy with a quality verdict and the findings judged in its light. */
    public SessionResult withQuality(SessionQuality newQuality, List<Finding> newFindings) {
        return new SessionResult(sessionId, source, inputKind, placement, samplingRateHz, bouts, steps, metrics, info,
                newFindings, decisions, warnings, traces, figures, newQuality);
    }

    /** A copy with other metrics (for tests that change a session's values, such as fault injection). */
    public SessionResult withMetrics(Map<String, Double> newMetrics) {
        return new SessionResult(sessionId, source, inputKind, placement, samplingRateHz, bouts, steps, newMetrics,
                info, findings, decisions, warnings, traces, figures, quality);
    }

    /** A copy with other steps and metrics. */
    public SessionResult withSteps(List<Step> newSteps, Map<String, Double> newMetrics) {
        return new SessionResult(sessionId, source, inputKind, placement, samplingRateHz, bouts, newSteps, newMetrics,
                info, findings, decisions, warnings, traces, figures, quality);
    }
}
