package org.gaitform.dataset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The four dataset tables and their column order. Every table starts with {@code session_id}; then come the
 * columns every session of the kind has, in a fixed order, then the others alphabetically (numbers before text in
 * {@code sessions}), so that the order of a column never depends on which sessions a batch holds or in which
 * order they finished. docs/datasets.md describes every column.
 */
public enum DatasetTable {
    /** Every step of every session (device records for watch sessions), in session and step order. */
    STEPS("steps", List.of("session_id", "step", "side", "ic_s", "to_s", "contact_ms", "flight_ms", "step_time_s",
            "activity", "ic_method")),
    /** Every running, walking and standing bout of every session. */
    BOUTS("bouts", List.of("session_id", "bout", "activity", "start_s", "end_s", "duration_s", "n_steps",
            "cadence_spm", "contact_ms")),
    /** One row per session: status, metadata, every session value of its summary.json, its decisions. */
    SESSIONS("sessions", List.of("session_id", "source", "status", "message", "input_kind", "measurement_kind",
            "placement", "quality", "quality_reasons",
            "subject_id", "height_cm", "leg_length_cm", "speed_mps", "surface", "treadmill", "shoes", "shoe_km",
            "pain_before_score", "pain_during_score", "pain_after_score", "pain_max_score", "pain_onset_min", "notes",
            "sampling_rate_hz", "n_steps", "cadence_spm", "contact_ms", "flight_ms", "duty_factor", "running_s",
            "walking_s", "standing_s")),
    /** One row per session and recommendation: the comparison with the articles' advice. */
    FINDINGS("findings", List.of("session_id", "recommendation_id", "indicator", "metric", "status", "value",
            "uncertainty", "unit", "target", "priority", "sources", "n_steps", "n_steps_left", "n_steps_right",
            "why_not_judged"));

    /** The column every table starts with. */
    public static final String SESSION_ID = "session_id";
    /** Columns of {@code sessions} placed last, in this order, after which come the decisions. */
    private static final List<String> SESSIONS_LAST = List.of("warnings");

    private final String fileStem;
    private final List<String> leading;

    DatasetTable(String fileStem, List<String> leading) {
        this.fileStem = fileStem;
        this.leading = leading;
    }

    /** The file name without extension ({@code steps} → {@code steps.csv}, {@code steps.parquet}). */
    public String fileStem() {
        return fileStem;
    }

    /** The columns placed first, in order, when present. */
    public List<String> leadingColumns() {
        return leading;
    }

    /** True for columns that are the session's automatic decisions ({@code decision_<key>}, {@code _reason}). */
    static boolean isDecision(String name) {
        return name.startsWith("decision_");
    }

    /**
     * Orders the union of columns: the leading ones, then the rest alphabetically — in {@code sessions} numbers
     * first, then text, then {@code warnings}, the decisions ({@code decision_<key>} followed by its
     * {@code _reason}) and {@code gaitform_version}.
     *
     * @param columns the columns, each name once
     */
    public List<DatasetColumn> order(Collection<DatasetColumn> columns) {
        Map<String, DatasetColumn> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        List<DatasetColumn> out = new ArrayList<>();
        for (String l : leading) {
            if (byName.containsKey(l)) {
                out.add(byName.remove(l));
            }
        }
        List<DatasetColumn> rest = new ArrayList<>(byName.values());
        Comparator<DatasetColumn> alpha = Comparator.comparing(c -> c.name().toLowerCase(Locale.ROOT));
        alpha = alpha.thenComparing(DatasetColumn::name);
        if (this != SESSIONS) {
            rest.sort(alpha);
            out.addAll(rest);
            return out;
        }
        Set<String> tail = Set.copyOf(SESSIONS_LAST);
        rest.stream().filter(c -> c.type() != ColumnType.TEXT && !isDecision(c.name()) && !tail.contains(c.name())
                && !c.name().equals("gaitform_version")).sorted(alpha).forEach(out::add);
        rest.stream().filter(c -> c.type() == ColumnType.TEXT && !isDecision(c.name()) && !tail.contains(c.name())
                && !c.name().equals("gaitform_version")).sorted(alpha).forEach(out::add);
        for (String t : SESSIONS_LAST) {
            rest.stream().filter(c -> c.name().equals(t)).forEach(out::add);
        }
        rest.stream().filter(c -> isDecision(c.name())).sorted(Comparator.comparing(DatasetTable::decisionSortKey))
                .forEach(out::add);
        rest.stream().filter(c -> c.name().equals("gaitform_version")).forEach(out::add);
        return out;
    }

    /** {@code decision_x} sorts just before {@code decision_x_reason}. */
    private static String decisionSortKey(DatasetColumn c) {
        String n = c.name();
        return n.endsWith("_reason") ? n.substring(0, n.length() - "_reason".length()) + "\u0001" : n + "\u0000";
    }
}
