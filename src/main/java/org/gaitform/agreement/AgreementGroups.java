package org.gaitform.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups recordings by condition columns and computes each group's agreement: one group per combination of values
 * that occurs, so that a researcher sees where a method breaks down (a slope, a speed, a strike class, a subject, a
 * placement, a kind of input, a sampling rate). A recording without a value for a column falls in the group
 * {@value #NOT_GIVEN}.
 */
public final class AgreementGroups {
    /** The value of a condition a recording does not state. */
    public static final String NOT_GIVEN = "not given";

    private AgreementGroups() {
    }

    /**
     * The groups: first every recording together ({@code all}), then, for each grouping in the order given, its
     * groups in the order of their values (numbers by value, text alphabetically).
     *
     * @param recs      the recordings
     * @param groupings lists of condition columns
     */
    public static List<AgreementGroup> of(List<RecordingAgreement> recs, List<List<String>> groupings) {
        List<AgreementGroup> out = new ArrayList<>();
        out.add(new AgreementGroup(List.of(), List.of(), names(recs), AgreementFigures.of(recs)));
        for (List<String> columns : groupings) {
            Map<List<String>, List<RecordingAgreement>> byValues = new LinkedHashMap<>();
            for (RecordingAgreement r : recs) {
                List<String> key = columns.stream().map(c -> value(r, c)).toList();
                byValues.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
            List<List<String>> keys = new ArrayList<>(byValues.keySet());
            keys.sort(AgreementGroups::compareKeys);
            for (List<String> key : keys) {
                List<RecordingAgreement> members = byValues.get(key);
                out.add(new AgreementGroup(columns, key, names(members), AgreementFigures.of(members)));
            }
        }
        return out;
    }

    private static String value(RecordingAgreement r, String column) {
        String v = r.condition(column);
        return v == null || v.isBlank() ? NOT_GIVEN : v.trim();
    }

    private static List<String> names(List<RecordingAgreement> recs) {
        return recs.stream().map(RecordingAgreement::recording).toList();
    }

    static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = VALUE_ORDER.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Numbers by value before text; text alphabetically; "not given" last. */
    public static final Comparator<String> VALUE_ORDER = (x, y) -> {
        boolean xn = x.equals(NOT_GIVEN);
        boolean yn = y.equals(NOT_GIVEN);
        if (xn || yn) {
            return Boolean.compare(xn, yn);
        }
        Double dx = number(x);
        Double dy = number(y);
        if (dx != null && dy != null) {
            return Double.compare(dx, dy);
        }
        if (dx != null || dy != null) {
            return dx != null ? -1 : 1;
        }
        return x.compareToIgnoreCase(y);
    };

    private static Double number(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
