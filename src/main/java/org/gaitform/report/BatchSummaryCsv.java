package org.gaitform.report;

import java.util.ArrayList;
import java.util.List;
import org.gaitform.report.CsvTables.Num;

/**
 * {@code batch-summary.csv}: one row per input with its status, a message, and the headline numbers. The
 * status is {@code ok} (analysed in this run), {@code skipped} (input and settings unchanged since an
 * earlier run into the same folder, whose outputs and headline numbers are kept) or {@code failed}.
 */
public final class BatchSummaryCsv {
    /** Columns, in order. */
    public static final List<String> COLUMNS = List.of("input", "session_id", "status", "message", "input_kind",
            "placement", "n_steps", "cadence_spm", "contact_ms", "flight_ms", "duty_factor", "running_s", "walking_s",
            "top_finding", "report");

    private BatchSummaryCsv() {
    }

    /**
     * One input's row.
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
    public static String write(List<Row> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : rows) {
            List<Object> row = new ArrayList<>();
            row.add(r.input());
            row.add(r.sessionId());
            row.add(r.status());
            row.add(r.message());
            row.add(r.inputKind());
            row.add(r.placement());
            row.add(new Num(r.nSteps(), 0));
            row.add(new Num(r.cadenceSpm(), 2));
            row.add(new Num(r.contactMs(), 1));
            row.add(new Num(r.flightMs(), 1));
            row.add(new Num(r.dutyFactor(), 4));
            row.add(new Num(r.runningS(), 2));
            row.add(new Num(r.walkingS(), 2));
            row.add(r.topFinding());
            row.add(r.report());
            out.add(row);
        }
        return CsvTables.write(COLUMNS, out);
    }
}
