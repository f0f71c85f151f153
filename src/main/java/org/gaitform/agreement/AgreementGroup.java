package org.gaitform.agreement;

import java.util.List;
import java.util.Objects;

/**
 * The recordings that share the values of some condition columns, and their pooled agreement.
 *
 * @param columns    the condition columns grouped by (empty: every recording)
 * @param values     their values, one per column
 * @param recordings the recordings in the group, in input order
 * @param figures    the group's agreement
 */
public record AgreementGroup(List<String> columns, List<String> values, List<String> recordings,
                             AgreementFigures figures) {
    public AgreementGroup {
        columns = List.copyOf(columns);
        values = List.copyOf(values);
        recordings = List.copyOf(recordings);
        Objects.requireNonNull(figures, "figures");
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException("one value per column: " + columns + " vs " + values);
        }
    }

    /** The grouping as written in outputs: {@code input_kind+slope_deg}, or {@code all}. */
    public String groupBy() {
        return columns.isEmpty() ? "all" : String.join("+", columns);
    }

    /** The group as written in outputs: {@code input_kind=trunk-imu, slope_deg=5}, or {@code all}. */
    public String label() {
        if (columns.isEmpty()) {
            return "all";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(columns.get(i)).append('=').append(values.get(i));
        }
        return sb.toString();
    }
}
