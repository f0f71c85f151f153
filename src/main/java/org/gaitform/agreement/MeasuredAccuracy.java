package org.gaitform.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * gaitform's own accuracy per kind of input, as measured by {@code gaitform validate} on the shared reference
 * recordings and written by the project's accuracy command ({@code ./mvnw -Paccuracy -DskipTests verify},
 * {@code docs/accuracy.md}) into the resource {@value #RESOURCE}: one row per input kind and role (recordings held
 * out from threshold tuning, recordings the thresholds were tuned on). Reports quote these figures; nothing here is
 * typed by hand.
 */
public final class MeasuredAccuracy {
    /** The resource, next to this class. */
    public static final String RESOURCE = "measured-accuracy.csv";
    /** Its columns, in order. */
    public static final List<String> COLUMNS = List.of("input_kind", "role", "datasets", "reference", "recordings",
            "tolerance_ms", "ic_ref_n", "ic_recall_pct", "ic_precision_pct", "ic_bias_ms", "ic_loa_low_ms",
            "ic_loa_high_ms", "ic_mae_ms", "to_recall_pct", "to_bias_ms", "to_loa_low_ms", "to_loa_high_ms",
            "contact_step_bias_ms", "contact_step_loa_low_ms", "contact_step_loa_high_ms", "cadence_bias_spm",
            "cadence_mae_spm", "contact_bias_ms", "contact_mae_ms", "sides_known_n", "sides_right_pct");

    private static final List<Map<String, String>> ROWS = load();

    private MeasuredAccuracy() {
    }

    private static List<Map<String, String>> load() {
        List<Map<String, String>> out = new ArrayList<>();
        try (InputStream in = MeasuredAccuracy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return out;
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                    Map<String, String> m = new LinkedHashMap<>(rec.toMap());
                    out.add(m);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new ArrayList<>();
        }
        return out;
    }

    /** The rows of the resource (column → text), in order. */
    public static List<Map<String, String>> rows() {
        return ROWS.stream().map(m -> (Map<String, String>) new LinkedHashMap<>(m)).toList();
    }

    /** The row of an input kind and role ({@code held-out}, {@code tuning}, {@code all}, …), or {@code null}. */
    public static Map<String, String> row(String inputKind, String role) {
        for (Map<String, String> r : ROWS) {
            if (r.get("input_kind").equals(inputKind) && r.get("role").equals(role)) {
                return r;
            }
        }
        return null;
    }

    /**
     * One or two sentences for a report's methods page: the figures on the recordings held out from threshold tuning,
     * then those on the recordings the thresholds were chosen on (or on simulated sessions), or a sentence saying
     * that this kind of input has not been measured against a reference.
     */
    public static String sentence(String inputKind) {
        List<String> parts = new ArrayList<>();
        for (String role : List.of("held-out", "not-listed", "tuning", "simulated")) {
            Map<String, String> r = row(inputKind, role);
            if (r != null) {
                parts.add(describe(r));
            }
        }
        if (parts.isEmpty()) {
            return "gaitform's accuracy for this kind of input has not been measured against a reference recording yet "
                    + "(docs/accuracy.md lists what has).";
        }
        return "Measured with gaitform validate (docs/accuracy.md). " + String.join(" ", parts);
    }

    private static String describe(Map<String, String> r) {
        String role = switch (r.get("role")) {
            case "held-out" -> "On %s recording(s) held out from threshold tuning (%s, against %s)";
            case "tuning" -> "On the %s recording(s) its thresholds were tuned on (%s, against %s; not evidence of "
                    + "accuracy)";
            case "simulated" -> "On %s simulated session(s) (%s, against %s; not evidence of accuracy on real runners)";
            default -> "On %s recording(s) not listed in the tuning split (%s, against %s)";
        };
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, role, r.get("recordings"), r.get("datasets"),
                r.get("reference")));
        List<String> f = new ArrayList<>();
        if (num(r, "ic_ref_n") > 0) {
            f.add(String.format(Locale.ROOT, "%s %% of initial contacts found within %s ms, timing bias %s ms (95 %% "
                            + "limits of agreement %s to %s ms)", fmt(num(r, "ic_recall_pct"), 0),
                    fmt(num(r, "tolerance_ms"), 0), signed(num(r, "ic_bias_ms"), 1), limit(r, "ic_loa_low_ms", "ic_loa_high_ms"),
                    limit(r, "ic_loa_high_ms", "ic_loa_low_ms")));
        }
        if (Double.isFinite(num(r, "to_bias_ms"))) {
            f.add(String.format(Locale.ROOT, "toe-offs %s %%, bias %s ms", fmt(num(r, "to_recall_pct"), 0),
                    signed(num(r, "to_bias_ms"), 1)));
        }
        if (Double.isFinite(num(r, "contact_step_bias_ms"))) {
            f.add(String.format(Locale.ROOT, "contact time per step bias %s ms (limits %s to %s ms)",
                    signed(num(r, "contact_step_bias_ms"), 1), limit(r, "contact_step_loa_low_ms",
                            "contact_step_loa_high_ms"), limit(r, "contact_step_loa_high_ms", "contact_step_loa_low_ms")));
        }
        if (Double.isFinite(num(r, "cadence_mae_spm"))) {
            f.add(String.format(Locale.ROOT, "cadence off by %s steps/min on average", fmt(num(r, "cadence_mae_spm"), 2)));
        }
        if (Double.isFinite(num(r, "contact_mae_ms"))) {
            f.add(String.format(Locale.ROOT, "mean contact time off by %s ms on average", fmt(num(r, "contact_mae_ms"), 1)));
        }
        if (num(r, "sides_known_n") > 0) {
            f.add(String.format(Locale.ROOT, "%s %% of feet named right", fmt(num(r, "sides_right_pct"), 0)));
        }
        sb.append(f.isEmpty() ? "." : ": " + String.join("; ", f) + ".");
        return sb.toString();
    }

    /** A limit of agreement: whole ms, or tenths when both limits are within 10 ms. */
    private static String limit(Map<String, String> r, String k, String other) {
        double v = num(r, k);
        return signed(v, Math.max(Math.abs(v), Math.abs(num(r, other))) < 10 ? 1 : 0);
    }

    private static double num(Map<String, String> r, String k) {
        String s = r.getOrDefault(k, "");
        try {
            return s.isBlank() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String fmt(double v, int d) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + d + "f", v) : "–";
    }

    private static String signed(double v, int d) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+." + d + "f", v).replace("-", "−") : "–";
    }
}
