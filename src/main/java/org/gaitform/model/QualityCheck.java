package org.gaitform.model;

import java.util.List;
import java.util.Objects;

/**
 * One consistency check of a session and what it found.
 *
 * @param id       short machine name of the check (for example {@code cadence_agreement})
 * @param outcome  {@link Quality#GOOD} when passed, else how bad it is
 * @param sentence what was found, in one sentence with its numbers and threshold (written whatever the outcome)
 * @param metrics  summary keys whose values the finding puts in doubt (for example {@code cadence_spm}); findings
 *                 on these are shown but not judged when the outcome is not good; empty when none is affected
 */
public record QualityCheck(String id, Quality outcome, String sentence, List<String> metrics) {
    public QualityCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(sentence, "sentence");
        metrics = List.copyOf(metrics);
    }

    /** A passed check. */
    public static QualityCheck passed(String id, String sentence) {
        return new QualityCheck(id, Quality.GOOD, sentence, List.of());
    }

    /** True when the check did not pass. */
    public boolean failed() {
        return outcome.isDoubt();
    }
}
