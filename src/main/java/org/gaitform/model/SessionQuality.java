package org.gaitform.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The quality verdict of a session: the worst outcome of its consistency checks, the checks themselves, and the
 * inputs the program had to assume (for example a frame rate of 30 fps that the file did not record).
 *
 * @param verdict        {@link Quality#GOOD}, {@link Quality#DOUBTFUL} or {@link Quality#POOR}
 *                       ({@link Quality#NOT_ASSESSED} for a result built outside the pipeline)
 * @param checks         every check run, passed or not, in the order run
 * @param assumedInputs  inputs that were assumed or guessed rather than read, one phrase each (for example
 *                       "frame rate 30 fps (not recorded in the file; give --fps)"); empty when none
 */
public record SessionQuality(Quality verdict, List<QualityCheck> checks, List<String> assumedInputs) {
    /** The quality of a result that no check has seen. */
    public static final SessionQuality NOT_ASSESSED = new SessionQuality(Quality.NOT_ASSESSED, List.of(), List.of());

    public SessionQuality {
        Objects.requireNonNull(verdict, "verdict");
        checks = List.copyOf(checks);
        assumedInputs = List.copyOf(assumedInputs);
    }

    /** The verdict of some checks: the worst of their outcomes (good when there are none). */
    public static SessionQuality of(List<QualityCheck> checks, List<String> assumedInputs) {
        Quality v = Quality.GOOD;
        for (QualityCheck c : checks) {
            v = v.worse(c.outcome());
        }
        return new SessionQuality(v, checks, assumedInputs);
    }

    /** The sentences of the checks that did not pass, worst first (the {@code quality_reasons} of summary.json). */
    public List<String> reasons() {
        List<QualityCheck> failed = new ArrayList<>(checks.stream().filter(QualityCheck::failed).toList());
        failed.sort(Comparator.comparing((QualityCheck c) -> c.outcome() == Quality.POOR ? 0 : 1));
        return failed.stream().map(QualityCheck::sentence).toList();
    }

    /** The summary keys put in doubt by a check that did not pass, in the order found. */
    public Set<String> doubtfulMetrics() {
        Set<String> out = new LinkedHashSet<>();
        for (QualityCheck c : checks) {
            if (c.failed()) {
                out.addAll(c.metrics());
            }
        }
        return out;
    }

    /** The first failed check that puts a summary key in doubt, if any. */
    public java.util.Optional<QualityCheck> doubtOn(String metricKey) {
        return checks.stream().filter(c -> c.failed() && c.metrics().contains(metricKey)).findFirst();
    }

    /** True when assessed and every check passed. */
    public boolean isGood() {
        return verdict == Quality.GOOD;
    }
}
