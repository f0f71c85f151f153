package org.gaitform.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.gaitform.agreement.AgreementFigures;
import org.gaitform.agreement.AgreementGroup;
import org.gaitform.agreement.AgreementReport;
import org.gaitform.agreement.BlandAltman;
import org.gaitform.agreement.EventFigures;
import org.gaitform.agreement.EventRow;
import org.gaitform.agreement.FailedValidation;
import org.gaitform.agreement.RecordingAgreement;

/**
 * The tables of {@code gaitform validate}: {@code agreement.csv} (one row per recording, per failed recording and per
 * group, every column named with its unit) and {@code agreement-events.csv} (every matched, missed and extra event
 * with its error).
 */
public final class AgreementTables {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private AgreementTables() {
    }

    /** The figure columns of {@code agreement.csv}, after the identifying and condition columns. */
    static final List<String> FIGURES = List.of("reference_kind",
            "ic_ref_n", "ic_detected_n", "ic_matched_n", "ic_recall_pct", "ic_precision_pct", "ic_bias_ms", "ic_sd_ms",
            "ic_loa_low_ms", "ic_loa_high_ms", "ic_mae_ms",
            "to_ref_n", "to_detected_n", "to_matched_n", "to_recall_pct", "to_precision_pct", "to_bias_ms", "to_sd_ms",
            "to_loa_low_ms", "to_loa_high_ms", "to_mae_ms",
            "contact_step_n", "contact_step_bias_ms", "contact_step_sd_ms", "contact_step_loa_low_ms",
            "contact_step_loa_high_ms", "contact_step_mae_ms",
            "cadence_spm", "cadence_ref_spm", "cadence_n", "cadence_bias_spm", "cadence_sd_spm", "cadence_loa_low_spm",
            "cadence_loa_high_spm", "cadence_mae_spm", "cadence_icc21",
            "contact_ms", "contact_ref_ms", "contact_n", "contact_bias_ms", "contact_sd_ms", "contact_loa_low_ms",
            "contact_loa_high_ms", "contact_mae_ms", "contact_icc21",
            "sides_known_n", "sides_right_pct", "reference", "reference_method");

    /** {@code agreement.csv}. */
    public static String agreement(AgreementReport report) {
        List<String> header = new ArrayList<>(List.of("level", "group_by", "group", "recording", "n_recordings",
                "status", "message"));
        header.addAll(report.conditionColumns());
        header.addAll(FIGURES);
        List<List<Object>> rows = new ArrayList<>();
        for (RecordingAgreement r : report.recordings()) {
            List<Object> row = new ArrayList<>(List.of("recording", "", "", r.recording(), 1, "ok",
                    String.join("; ", r.notes())));
            for (String c : report.conditionColumns()) {
                row.add(condition(r.condition(c)));
            }
            row.add(r.referenceKind().label());
            figures(row, AgreementFigures.of(List.of(r)));
            row.add(r.reference());
            row.add(r.referenceMethod());
            rows.add(row);
        }
        for (FailedValidation f : report.failures()) {
            List<Object> row = new ArrayList<>(List.of("recording", "", "", f.recording(), 1, "failed", f.message()));
            for (String c : report.conditionColumns()) {
                row.add(condition(f.conditions().getOrDefault(c, "")));
            }
            while (row.size() < header.size()) {
                row.add("");
            }
            rows.add(row);
        }
        for (AgreementGroup g : report.groups()) {
            List<Object> row = new ArrayList<>(List.of("group", g.groupBy(), g.label(), "", g.recordings().size(), "ok",
                    ""));
            for (String c : report.conditionColumns()) {
                int k = g.columns().indexOf(c);
                row.add(k >= 0 ? condition(g.values().get(k)) : "");
            }
            row.add("");
            figures(row, g.figures());
            row.add("");
            row.add("");
            rows.add(row);
        }
        return CsvTables.write(header, rows);
    }

    private static void figures(List<Object> row, AgreementFigures f) {
        events(row, f.ic());
        events(row, f.to());
        BlandAltman c = f.contactPerStepMs();
        row.add(c.n());
        row.addAll(List.of(num(c.bias(), 1), num(c.sd(), 1), num(c.loaLow(), 1), num(c.loaHigh(), 1), num(c.mae(), 1)));
        BlandAltman cad = f.cadenceSpm();
        row.addAll(List.of(num(f.meanCadenceSpm(), 2), num(f.referenceCadenceSpm(), 2), cad.n(), num(cad.bias(), 2),
                num(cad.sd(), 2), num(cad.loaLow(), 2), num(cad.loaHigh(), 2), num(cad.mae(), 2), num(f.cadenceIcc(), 3)));
        BlandAltman g = f.contactMs();
        row.addAll(List.of(num(f.meanContactMs(), 1), num(f.referenceContactMs(), 1), g.n(), num(g.bias(), 1),
                num(g.sd(), 1), num(g.loaLow(), 1), num(g.loaHigh(), 1), num(g.mae(), 1), num(f.contactIcc(), 3)));
        row.add(f.sidesKnownN());
        row.add(num(f.sidesRightPct(), 1));
    }

    private static void events(List<Object> row, EventFigures e) {
        BlandAltman t = e.timingMs();
        row.addAll(List.of(e.referenceN(), e.detectedN(), e.matchedN(), num(e.recallPct(), 1), num(e.precisionPct(), 1),
                num(t.bias(), 1), num(t.sd(), 1), num(t.loaLow(), 1), num(t.loaHigh(), 1), num(t.mae(), 1)));
    }

    /** {@code agreement-events.csv}. */
    public static String events(AgreementReport report) {
        List<String> header = List.of("recording", "event", "status", "reference_s", "detected_s", "error_ms",
                "reference_side", "detected_side", "side_right", "reference_contact_ms", "detected_contact_ms",
                "contact_error_ms");
        List<List<Object>> rows = new ArrayList<>();
        for (RecordingAgreement r : report.recordings()) {
            for (EventRow e : r.events()) {
                rows.add(List.of(r.recording(), e.event(), e.status(), num(e.referenceS(), 4), num(e.detectedS(), 4),
                        num(e.errorMs(), 1), e.status().equals("extra") ? "" : e.referenceSide().label(),
                        e.status().equals("missed") ? "" : e.detectedSide().label(), e.sideRight(),
                        num(e.referenceContactMs(), 1), num(e.detectedContactMs(), 1), num(e.contactErrorMs(), 1)));
            }
        }
        return CsvTables.write(header, rows);
    }

    private static CsvTables.Num num(double v, int decimals) {
        return new CsvTables.Num(v, decimals);
    }

    /** A condition value: numbers as numbers (a slope of -5 is not a formula), text made safe. */
    static Object condition(String v) {
        if (v != null && NUMBER.matcher(v.trim()).matches()) {
            String t = v.trim();
            int dot = t.indexOf('.');
            return num(Double.parseDouble(t), dot < 0 ? 0 : t.length() - dot - 1);
        }
        return v == null ? "" : v;
    }
}
