package org.gaitform.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gaitform.model.Finding;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.SessionResult;
import org.gaitform.report.CsvTables.Num;

/**
 * {@code batch-summary.csv}: one row per input with its status ({@code ok} or {@code failed}), a message, the
 * headline numbers, and one {@code status_<guideline id>} column per recommendation measured in any session
 * ({@code within}, {@code watch}, {@code outside}, {@code reported}, {@code not_measurable}).
 */
public final class BatchSummaryCsv {
    /** Columns before the status columns, in order. */
    public static final List<String> COLUMNS = List.of("input", "session_id", "status", "message", "input_kind",
            "placement", "n_steps", "cadence_spm", "contact_ms", "flight_ms", "duty_factor", "running_s", "walking_s",
            "top_finding", "report");

    private BatchSummaryCsv() {
    }

    /** The CSV text. */
    public static String write(List<BatchEntry> entries) {
        Set<String> ids = new LinkedHashSet<>();
        for (BatchEntry e : entries) {
            e.result().ifPresent(r -> r.findings().stream().filter(f -> f.status() != FindingStatus.NOT_MEASURABLE)
                    .map(Finding::guidelineId).forEach(ids::add));
        }
        List<String> header = new ArrayList<>(COLUMNS);
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(BatchSummaryCsv::compareIds);
        sorted.forEach(id -> header.add("status_" + id));
        List<List<Object>> out = new ArrayList<>();
        for (BatchEntry e : entries) {
            List<Object> row = new ArrayList<>();
            row.add(e.input());
            row.add(e.sessionId());
            row.add(e.status());
            row.add(e.message());
            SessionResult r = e.result().orElse(null);
            row.add(r == null ? "" : r.inputKind());
            row.add(r == null ? "" : r.placement().label());
            row.add(num(r, "n_steps", 0));
            row.add(num(r, "cadence_spm", 2));
            row.add(num(r, "contact_ms", 1));
            row.add(num(r, "flight_ms", 1));
            row.add(num(r, "duty_factor", 4));
            row.add(num(r, "running_s", 2));
            row.add(num(r, "walking_s", 2));
            row.add(r == null ? "" : topFinding(r));
            row.add(r == null ? "" : e.sessionId() + "/report.pdf");
            for (String id : sorted) {
                row.add(r == null ? "" : r.findings().stream().filter(f -> f.guidelineId().equals(id))
                        .map(f -> f.status().label()).findFirst().orElse(""));
            }
            out.add(row);
        }
        return CsvTables.write(header, out);
    }

    /** The session's first finding that is outside or worth watching, in words, or empty. */
    public static String topFinding(SessionResult r) {
        return r.findings().stream().filter(f -> f.priority() == 1 && (f.status() == FindingStatus.OUTSIDE
                || f.status() == FindingStatus.WATCH)).map(f -> f.indicator() + ": " + f.status().phrase())
                .findFirst().orElse("");
    }

    private static Num num(SessionResult r, String key, int decimals) {
        return new Num(r == null ? Double.NaN : r.metric(key), decimals);
    }

    /** Orders R1, R2, R2b, R3, …, R10 naturally. */
    static int compareIds(String a, String b) {
        String na = a.replaceAll("\\D", "");
        String nb = b.replaceAll("\\D", "");
        if (!na.isEmpty() && !nb.isEmpty() && !na.equals(nb)) {
            return Integer.compare(Integer.parseInt(na), Integer.parseInt(nb));
        }
        return a.compareTo(b);
    }
}
