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
 * {@code batch-summary.csv}: one row per input with its status, its quality verdict ({@code good}, {@code doubtful},
 * {@code poor}; empty for a failed input), a message, the headline numbers, and one
 * {@code status_<guideline id>} column per recommendation measured in any session ({@code within}, {@code watch},
 * {@code outside}, {@code reported}, {@code not_measurable}). The status is {@code ok} (analysed in this run),
 * {@code skipped} (input and settings unchanged since an earlier run into the same folder, whose outputs and
 * numbers are kept) or {@code failed}. {@code skip_reason} tells the two kinds of {@code skipped} apart:
 * {@code unchanged} for an input kept from an earlier run (its session folder and numbers are there), anything else
 * for a path the batch saw and did not analyse at all ({@code not_a_recording}, {@code hidden}, {@code link_loop},
 * {@code interrupted}, …: no session folder, the message says why); those rows come after the inputs' rows.
 * {@link Row} is the compact form of a row that the batch manifest keeps.
 */
public final class BatchSummaryCsv {
    /** Columns before the status columns, in order. */
    public static final List<String> COLUMNS = List.of("input", "session_id", "status", "quality", "message",
            "input_kind", "placement", "n_steps", "cadence_spm", "contact_ms", "flight_ms", "duty_factor", "running_s",
            "walking_s", "top_finding", "report", "skip_reason");

    private BatchSummaryCsv() {
    }

    /**
     * One input's row, as the batch manifest keeps it.
     *
     * @param input      the input path as given
     * @param sessionId  its session id (empty when it failed before getting one)
     * @param ok         true when analysed
     * @param message    what happened (the error for failures)
     * @param inputKind  kind of input, or empty
     * @param placement  placement label, or empty
     * @param nSteps     running steps
     * @param cadenceSpm cadence (steps/min)
     * @param contactMs  mean contact time (ms)
     * @param flightMs   mean flight time (ms)
     * @param dutyFactor duty factor (fraction)
     * @param runningS   running time (s)
     * @param walkingS   walking time (s)
     * @param topFinding the first finding, in words, or empty
     * @param report     path of the report relative to the output folder, or empty
     * @param skipped    true when the input was unchanged and its earlier results were kept
     */
    public record Row(String input, String sessionId, boolean ok, String message, String inputKind, String placement,
                      double nSteps, double cadenceSpm, double contactMs, double flightMs, double dutyFactor,
                      double runningS, double walkingS, String topFinding, String report, boolean skipped) {

        /** A row of an input analysed (or failed) in this run. */
        public Row(String input, String sessionId, boolean ok, String message, String inputKind, String placement,
                   double nSteps, double cadenceSpm, double contactMs, double flightMs, double dutyFactor,
                   double runningS, double walkingS, String topFinding, String report) {
            this(input, sessionId, ok, message, inputKind, placement, nSteps, cadenceSpm, contactMs, flightMs,
                    dutyFactor, runningS, walkingS, topFinding, report, false);
        }

        /** The status cell: {@code ok}, {@code skipped} or {@code failed}. */
        public String status() {
            return !ok ? "failed" : skipped ? "skipped" : "ok";
        }

        /** The same row as kept for an unchanged input, with another message. */
        public Row asSkipped(String newMessage) {
            return new Row(input, sessionId, true, newMessage, inputKind, placement, nSteps, cadenceSpm, contactMs,
                    flightMs, dutyFactor, runningS, walkingS, topFinding, report, true);
        }
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
            SessionResult r = e.result().orElse(null);
            row.add(r == null ? "" : r.quality().verdict().label());
            row.add(e.message());
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
            row.add(e.skipReason());
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
