package org.gaitform.model;

import java.util.List;
import java.util.Objects;

/**
 * A measured indicator compared with one recommendation of the guideline table.
 *
 * @param guidelineId   the recommendation's id in the table (for example {@code R1})
 * @param indicator     what is measured, in words (for example "cadence")
 * @param metricKey     the summary key of the measured value (for example {@code cadence_spm}), or empty
 * @param status        how the value compares
 * @param value         the measured value, {@code NaN} when not measurable
 * @param unit          its unit (for example "steps/min")
 * @param uncertainty   typical measurement uncertainty for this kind of input, in the same unit ({@code NaN} when unknown)
 * @param target        a personal target in words, or empty (for example "171–178 steps/min")
 * @param message       what the finding means for this person, in a coaching tone
 * @param advice        the recommendation as the articles give it
 * @param sources       the articles to cite, by title
 * @param evidenceNote  the strength of the evidence (for example "no validated cut-off"), or empty
 * @param priority      rank among the session's findings (1 = lead with it); 0 when not ranked
 * @param evidence      how many steps the value rests on ({@link Evidence#NONE} when not counted)
 */
public record Finding(String guidelineId, String indicator, String metricKey, FindingStatus status, double value,
                      String unit, double uncertainty, String target, String message, String advice,
                      List<String> sources, String evidenceNote, int priority, Evidence evidence) {
    public Finding {
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(guidelineId, "guidelineId");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(metricKey, "metricKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(evidenceNote, "evidenceNote");
        sources = List.copyOf(sources);
    }

    /** A finding whose steps were not counted. */
    public Finding(String guidelineId, String indicator, String metricKey, FindingStatus status, double value,
                   String unit, double uncertainty, String target, String message, String advice,
                   List<String> sources, String evidenceNote, int priority) {
        this(guidelineId, indicator, metricKey, status, value, unit, uncertainty, target, message, advice, sources,
                evidenceNote, priority, Evidence.NONE);
    }

    /** A copy with another priority. */
    public Finding withPriority(int newPriority) {
        return new Finding(guidelineId, indicator, metricKey, status, value, unit, uncertainty, target, message,
                advice, sources, evidenceNote, newPriority, evidence);
    }

    /** A copy with the steps behind the value and its uncertainty (same unit as the value; NaN when unknown). */
    public Finding withEvidence(Evidence newEvidence, double newUncertainty) {
        return new Finding(guidelineId, indicator, metricKey, status, value, unit, newUncertainty, target, message,
                advice, sources, evidenceNote, priority, newEvidence);
    }

    /**
     * The same value, shown but not judged: status {@link FindingStatus#NOT_JUDGED}, no target, not ranked, and a
     * message saying why.
     */
    public Finding notJudged(String why) {
        return new Finding(guidelineId, indicator, metricKey, FindingStatus.NOT_JUDGED, value, unit, uncertainty, "",
                why, advice, sources, evidenceNote, 0, evidence);
    }
}
