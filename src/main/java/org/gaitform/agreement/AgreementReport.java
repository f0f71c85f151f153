package org.gaitform.agreement;

import java.util.List;
import java.util.Objects;

/**
 * Everything one validation run found, ready to be written.
 *
 * @param recordings        the recordings compared, in input order
 * @param failures          the recordings that could not be compared
 * @param groups            the groups ({@code all} first), see {@link AgreementGroups}
 * @param conditionColumns  the condition columns of the recordings, in output order
 * @param groupings         the groupings asked for (lists of condition columns)
 * @param toleranceMs       the matching tolerance (ms)
 * @param version           gaitform's version
 * @param created           when the run was made (ISO date-time, UTC), or empty for reproducible output
 */
public record AgreementReport(List<RecordingAgreement> recordings, List<FailedValidation> failures,
                              List<AgreementGroup> groups, List<String> conditionColumns, List<List<String>> groupings,
                              double toleranceMs, String version, String created) {
    public AgreementReport {
        recordings = List.copyOf(recordings);
        failures = List.copyOf(failures);
        groups = List.copyOf(groups);
        conditionColumns = List.copyOf(conditionColumns);
        groupings = groupings.stream().map(List::copyOf).toList();
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(created, "created");
    }

    /** The group of every recording ({@code all}). */
    public AgreementGroup all() {
        return groups.get(0);
    }

    /** The groups of one grouping, in order. */
    public List<AgreementGroup> groupsBy(List<String> columns) {
        return groups.stream().filter(g -> g.columns().equals(columns)).toList();
    }
}
