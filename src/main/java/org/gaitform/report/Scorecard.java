package org.gaitform.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gaitform.guidelines.Guideline;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.model.Finding;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.SessionResult;

/**
 * The content of page 1 of the session report — headline numbers, what to work on first, the traffic-light rows —
 * as text, so that the PDF ({@link SessionReportPdf}) and the web page of {@code gaitform serve} show the same
 * numbers, formatted the same way.
 *
 * @param title        "Running form report"
 * @param subtitle     runner, surface, speed, shoes, session, input and rate
 * @param durations    time running, walking, standing
 * @param tiles        the headline numbers this input measured, at most five, running ones first
 * @param notes        the lines under the tiles (contact time spread and sides, what was not measured, drift)
 * @param focusIntro   the sentence before the points to work on
 * @param focus        what to work on first: at most two findings outside or near a recommendation
 * @param rows         one traffic-light row per measured indicator
 * @param notMeasurable indicators this input cannot measure
 * @param evidence     how many steps the values rest on (empty when not counted)
 */
public record Scorecard(String title, String subtitle, String durations, List<Tile> tiles, List<Note> notes,
                        String focusIntro, List<Focus> focus, List<Row> rows, List<String> notMeasurable,
                        String evidence) {

    /** Below the scorecard: what the source ids and the ± mean. */
    public static final String FOOTNOTE = "Source ids refer to the articles on the references page; the ± combines the "
            + "typical measurement uncertainty for this kind of input (published validations and this project's own "
            + "tests) with the 95 % interval of this session's mean from its step-to-step variation.";
    /** Under the points to work on. */
    public static final String NOT_A_DIAGNOSIS = "This report describes how you ran; it is not a diagnosis. Pain or "
            + "injury belongs with a physical therapist or physician.";

    public Scorecard {
        tiles = List.copyOf(tiles);
        notes = List.copyOf(notes);
        focus = List.copyOf(focus);
        rows = List.copyOf(rows);
        notMeasurable = List.copyOf(notMeasurable);
    }

    /**
     * One headline number.
     *
     * @param label     "Cadence"
     * @param value     the number as printed ("176"), "–" when not finite
     * @param unit      "steps/min"
     * @param metricKey the summary.json key it comes from
     * @param decimals  decimals printed
     * @param scale     factor from the summary.json value to the printed one (100 for the duty factor in %)
     * @param status    the status of the finding on the same metric, when there is one
     * @param doubtful  a quality check doubts this measure (printed with "?")
     */
    public record Tile(String label, String value, String unit, String metricKey, int decimals, double scale,
                       Optional<FindingStatus> status, boolean doubtful) {
    }

    /**
     * A line under the headline numbers.
     *
     * @param text  the line
     * @param muted printed in the muted colour (what the input could not measure)
     */
    public record Note(String text, boolean muted) {
    }

    /**
     * One point to work on.
     *
     * @param finding  the finding
     * @param heading  "Cadence — outside the recommendation"
     * @param message  what was measured against what, with the measurement uncertainty
     * @param advice   "Advice: …"
     * @param sources  "Source: “…”. Evidence: …"
     */
    public record Focus(Finding finding, String heading, String message, String advice, String sources) {
    }

    /**
     * One traffic-light row.
     *
     * @param symbol      the status symbol of the PDF's badge
     * @param indicator   "Cadence"
     * @param value       "166 steps/min ± 1"
     * @param target      the personal target, else the recommendation's threshold in words
     * @param statusPhrase "outside the recommendation"
     * @param sources     "R1, R2"
     * @param finding     the finding shown
     */
    public record Row(String symbol, String indicator, String value, String target, String statusPhrase, String sources,
                      Finding finding) {
    }

    /** The page-1 content of a session. */
    public static Scorecard of(SessionResult r, GuidelineTable table) {
        return new Scorecard("Running form report", subtitle(r), durations(r), tiles(r), notes(r), focusIntro(r),
                focus(r), rows(r, table), r.findings().stream().filter(f -> f.status() == FindingStatus.NOT_MEASURABLE)
                .map(f -> notMeasurable(f, r)).toList(), evidence(r));
    }

    /**
     * An indicator this input cannot measure, by name; one that the recommendation gives in centimetres or metres but
     * this input measures relative to the leg's length (video keypoints without the runner's height) says so, with
     * its value, so that page 1 does not call unmeasured what page 2 shows, and that the runner's height gives it in
     * the recommendation's unit (the calibration gives lengths in cm, which a recommendation in m is judged by:
     * {@link org.gaitform.guidelines.GuidelineEvaluator#valueOf}).
     */
    static String notMeasurable(Finding f, SessionResult r) {
        String key = f.metricKey();
        String base = key.endsWith("_cm") ? key.substring(0, key.length() - 3)
                : key.endsWith("_m") ? key.substring(0, key.length() - 2) : null;
        double relative = base == null ? Double.NaN : r.metric(base + "_pct_leg");
        if (!Double.isFinite(relative)) {
            return f.indicator();
        }
        return f.indicator() + " (" + SessionReportPdf.fmt(relative, 1) + " % of leg length here; in " + f.unit()
                + " once the runner's height is given)";
    }

    private static String subtitle(SessionResult r) {
        List<String> who = new ArrayList<>();
        Optional.ofNullable(r.info().get("subject_id")).ifPresent(s -> who.add("runner " + s));
        Optional.ofNullable(r.info().get("surface")).ifPresent(who::add);
        if (Double.isFinite(r.metric("speed_mps"))) {
            who.add(String.format(Locale.ROOT, "%.2f m/s (%.1f km/h)", r.metric("speed_mps"), r.metric("speed_mps") * 3.6));
        }
        Optional.ofNullable(r.info().get("shoes")).ifPresent(s -> who.add("shoes: " + s));
        return (who.isEmpty() ? "" : String.join(" · ", who) + " · ") + "session " + r.sessionId() + " · input "
                + r.source() + " · " + what(r) + " · " + SessionReportPdf.fmt(r.samplingRateHz(), 0) + " Hz";
    }

    private static String durations(SessionResult r) {
        return "Running " + SessionReportPdf.duration(r.metric("running_s")) + " · walking "
                + SessionReportPdf.duration(r.metric("walking_s")) + " · standing "
                + SessionReportPdf.duration(r.metric("standing_s")) + (r.metric("other_s") > 0.5
                ? " · other " + SessionReportPdf.duration(r.metric("other_s")) : "");
    }

    /** What the input was, for the title line. */
    private static String what(SessionResult r) {
        return switch (r.placement()) {
            case VIDEO -> "video keypoints (" + r.info().getOrDefault("view", "") + " view)";
            case MARKERS -> "motion-capture markers";
            default -> r.placement().label().replace('_', ' ');
        };
    }

    /** The headline numbers of a watch session: always these six, "–" when the export lacks one. */
    static List<Tile> watchTiles(SessionResult r) {
        Object[][] all = {
            {"Cadence", "cadence_spm", 0, "steps/min"},
            {"Ground contact", "contact_ms", 0, "ms"},
            {"Vertical oscillation", "vertical_oscillation_cm", 1, "cm"},
            {"Vertical ratio", "vertical_ratio_pct", 1, "%"},
            {"Contact balance", "contact_balance_left_pct", 1, "% left"},
            {"Step length", "step_length_m", 2, "m"}};
        List<Tile> out = new ArrayList<>();
        for (Object[] t : all) {
            String key = (String) t[1];
            int decimals = (Integer) t[2];
            String v = SessionReportPdf.fmt(r.metric(key), decimals);
            out.add(new Tile((String) t[0], v.matches("-0(\\.0+)?") ? v.substring(1) : v, (String) t[3], key, decimals,
                    1.0, Optional.empty(), r.quality().doubtfulMetrics().contains(key)));
        }
        return out;
    }

    private static List<Tile> tiles(SessionResult r) {
        if (org.gaitform.model.WatchTraces.isWatchSession(r)) {
            return watchTiles(r);
        }
        Object[][] all = {
            {"Cadence", "cadence_spm", 0, 1.0, "steps/min"},
            {"Ground contact", "contact_ms", 0, 1.0, "ms (mean)"},
            {"Flight", "flight_ms", 0, 1.0, "ms (mean)"},
            {"Duty factor", "duty_factor", 1, 100.0, "% of stride"},
            {"Vertical oscillation", "vertical_oscillation_cm", 1, 1.0, "cm"},
            // a frontal view measures no contact times: its own headline numbers take their place (the worse side's,
            // as the guideline judges them)
            {"Knee valgus (FPPA)", "knee_fppa_deg", 1, 1.0, "° (worse side)"},
            {"Pelvic drop", "pelvic_drop_deg", 1, 1.0, "° (worse side)"},
            {"Running steps", "n_steps", 0, 1.0, "steps"},
            {"Walking cadence", "walking_cadence_spm", 0, 1.0, "steps/min"},
            {"Walking stance", "walking_stance_ms", 0, 1.0, "ms (mean)"}};
        List<Tile> shown = new ArrayList<>();
        for (Object[] t : all) {
            String key = (String) t[1];
            double v = r.metric(key);
            if (Double.isFinite(v) && (v != 0 || !key.equals("n_steps")) && shown.size() < 5) {
                int decimals = (Integer) t[2];
                double scale = (Double) t[3];
                Optional<FindingStatus> status = r.findings().stream().filter(f -> f.metricKey().equals(key)
                        && f.status() != FindingStatus.NOT_MEASURABLE).findFirst().map(Finding::status);
                shown.add(new Tile((String) t[0], SessionReportPdf.fmt(v * scale, decimals), (String) t[4], key, decimals,
                        scale, status, r.quality().doubtfulMetrics().contains(key)));
            }
        }
        return shown;
    }

    private static List<Note> notes(SessionResult r) {
        List<Note> notes = new ArrayList<>();
        if (Double.isFinite(r.metric("contact_ms_median"))) {
            notes.add(new Note("Contact time: median " + SessionReportPdf.fmt(r.metric("contact_ms_median"), 0)
                    + " ms, SD " + SessionReportPdf.fmt(r.metric("contact_ms_sd"), 0) + " ms. " + sideLine(r), false));
        }
        String notMeasured = r.info().get("not_measured");
        if (notMeasured != null) {
            notes.add(new Note(capital(notMeasured), true));
        }
        String drift = r.info().get("form_drift");
        if (drift != null) {
            notes.add(new Note(drift, false));
        }
        return notes;
    }

    private static String sideLine(SessionResult r) {
        double l = r.metric("contact_ms_left");
        double rt = r.metric("contact_ms_right");
        if (Double.isFinite(l) && Double.isFinite(rt)) {
            return "Left " + SessionReportPdf.fmt(l, 0) + " ms, right " + SessionReportPdf.fmt(rt, 0) + " ms (left share "
                    + SessionReportPdf.fmt(r.metric("contact_balance_left_pct"), 1) + " %).";
        }
        return "Left and right feet could not be told apart in this recording.";
    }

    private static List<Finding> top(SessionResult r) {
        return r.findings().stream().filter(f -> f.status() == FindingStatus.OUTSIDE
                || f.status() == FindingStatus.WATCH).limit(2).toList();
    }

    private static String focusIntro(SessionResult r) {
        int n = top(r).size();
        boolean notJudged = r.findings().stream().anyMatch(f -> f.status() == FindingStatus.NOT_JUDGED);
        if (n == 0 && notJudged) {
            return "Nothing is ranked from this session where its measures are in doubt: the values the quality "
                    + "checks doubt, or that rest on too few steps, are in the scorecard with “?” and are not compared "
                    + "with the advice. " + (r.findings().stream().anyMatch(f -> f.status() == FindingStatus.WITHIN)
                    ? "The values that are judged are within the recommendations. " : "")
                    + "A longer or clearer recording lets them be judged.";
        }
        if (n == 0) {
            return "Nothing measured here is outside the recommendations. Keep the habits that work; when you "
                    + "change something, change one thing at a time.";
        }
        return n == 1 ? "One point stands out. Changing one element of running form usually changes "
                + "others too, so start with it alone." : "Two points stand out, the first one most. Changing one "
                + "element of running form usually changes others too, so start with the first.";
    }

    private static List<Focus> focus(SessionResult r) {
        List<Focus> out = new ArrayList<>();
        for (Finding f : top(r)) {
            out.add(new Focus(f, capital(f.indicator()) + " — " + f.status().phrase(), f.message() + uncertainty(f),
                    "Advice: " + f.advice(), "Source: " + SessionReportPdf.quoted(f.sources())
                    + (f.evidenceNote().isEmpty() ? "" : " Evidence: " + f.evidenceNote())));
        }
        return out;
    }

    private static List<Row> rows(SessionResult r, GuidelineTable table) {
        List<Row> rows = new ArrayList<>();
        for (Finding f : r.findings()) {
            if (f.status() == FindingStatus.NOT_MEASURABLE) {
                continue;
            }
            Guideline g = table.byId(f.guidelineId()).orElse(null);
            String value = GuidelineFormat.value(f) + (Double.isFinite(f.uncertainty()) && f.uncertainty() > 0
                    ? " ± " + GuidelineFormat.number(f.uncertainty(), f.unit()) : "");
            String target = !f.target().isEmpty() ? f.target() : g == null ? "" : SessionReportPdf.reference(g);
            String status = f.status() == FindingStatus.NOT_JUDGED ? "not judged: " + QualityBanner.notJudgedReason(f)
                    : f.status().phrase();
            rows.add(new Row(Palette.statusSymbol(f.status()), capital(f.indicator()), value, target, status,
                    g == null ? "" : String.join(", ", g.sources()), f));
        }
        return rows;
    }

    /** The finding's value as the scorecard prints it, without the unit ("166", "–"). */
    public static String number(Finding f) {
        return Double.isNaN(f.value()) ? "–" : GuidelineFormat.number(f.value(), f.unit());
    }

    private static String uncertainty(Finding f) {
        if (Double.isNaN(f.uncertainty()) || f.uncertainty() <= 0) {
            return "";
        }
        return " (Uncertainty about ±" + GuidelineFormat.number(f.uncertainty(), f.unit()) + " " + f.unit()
                + " for this kind of input" + (f.evidence().counted() && f.evidence().steps() <= 1000
                ? " and these " + f.evidence().steps() + " steps" : "") + ".)";
    }

    /** How many steps the values rest on, per side when known; empty when the findings do not count them. */
    private static String evidence(SessionResult r) {
        Optional<Finding> most = r.findings().stream().filter(f -> f.status() != FindingStatus.NOT_MEASURABLE)
                .filter(f -> f.evidence().counted()).max(java.util.Comparator.comparingInt(f -> f.evidence().steps()));
        if (most.isEmpty()) {
            return "";
        }
        org.gaitform.model.Evidence e = most.get().evidence();
        String sides = e.left() + e.right() > 0 ? " (" + e.left() + " left, " + e.right() + " right)" : "";
        return WatchSessionTables.isWatch(r) ? "The values are the device's averages over " + e.steps() + " steps."
                : "The values rest on up to " + e.steps() + " steps" + sides + "; a value of fewer steps than needed to "
                + "tell is shown but not judged.";
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
