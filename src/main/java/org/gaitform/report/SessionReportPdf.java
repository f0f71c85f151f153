package org.gaitform.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.gaitform.agreement.MeasuredAccuracy;
import org.gaitform.guidelines.Guideline;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.model.Decision;
import org.gaitform.model.Finding;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.SessionResult;

/**
 * The session report (A4 PDF). Page 1 is a scorecard: headline numbers, what to work on first with the
 * cited advice, and a traffic-light row per indicator with the value, its uncertainty, the target and the
 * source. Then the charts, a methods page (input, detection method and citation, accuracy, every automatic
 * decision) and a references page. Every page says the report is not a diagnosis.
 */
public final class SessionReportPdf {
    /** Footer of every page. */
    public static final String DISCLAIMER = "gaitform report · not a diagnosis: discuss pain or injury with a "
            + "physical therapist or physician.";
    /** Papers cited by every report. */
    static final String HEIDERSCHEIT = "Heiderscheit BC, Chumanov ES, Michalski MP, Wille CM, Ryan MB. Effects of step "
            + "rate manipulation on joint mechanics during running. Med Sci Sports Exerc 2011;43(2):296–302.";

    private SessionReportPdf() {
    }

    /** Renders the report. */
    public static byte[] render(SessionResult r, List<ChartSpec> charts, GuidelineTable table) throws IOException {
        try (PdfDoc d = new PdfDoc("Running gait report — " + r.sessionId(), DISCLAIMER)) {
            title(d, r);
            QualityBanner.write(d, r);
            headline(d, r);
            workOnFirst(d, r);
            scorecard(d, r, table);
            boolean pose = PoseReportSection.applies(r);
            if (pose) {
                // keypoint and marker sessions: the form indicators open the page of charts
                d.newPage();
                PoseReportSection.write(d, r);
            }
            if (!charts.isEmpty()) {
                if (!pose) {
                    d.newPage();
                }
                d.heading("Charts", 12);
                for (ChartSpec c : charts) {
                    d.chart(c);
                }
            }
            d.newPage();
            methods(d, r);
            d.newPage();
            references(d, r, table);
            return d.finish();
        }
    }

    /** What the input was, for the title line. */
    private static String what(SessionResult r) {
        return switch (r.placement()) {
            case VIDEO -> "video keypoints (" + r.info().getOrDefault("view", "") + " view)";
            case MARKERS -> "motion-capture markers";
            default -> r.placement().label().replace('_', ' ');
        };
    }

    private static void title(PdfDoc d, SessionResult r) throws IOException {
        d.line("Running form report", d.bold(), 18, PdfDoc.MARGIN, Palette.INK);
        d.space(2);
        List<String> who = new ArrayList<>();
        Optional.ofNullable(r.info().get("subject_id")).ifPresent(s -> who.add("runner " + s));
        Optional.ofNullable(r.info().get("surface")).ifPresent(who::add);
        if (Double.isFinite(r.metric("speed_mps"))) {
            who.add(String.format(Locale.ROOT, "%.2f m/s (%.1f km/h)", r.metric("speed_mps"), r.metric("speed_mps") * 3.6));
        }
        Optional.ofNullable(r.info().get("shoes")).ifPresent(s -> who.add("shoes: " + s));
        d.paragraph((who.isEmpty() ? "" : String.join(" · ", who) + " · ") + "session " + r.sessionId() + " · input "
                + r.source() + " · " + what(r) + " · " + fmt(r.samplingRateHz(), 0) + " Hz", d.regular(), 8.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        d.paragraph("Running " + duration(r.metric("running_s")) + " · walking " + duration(r.metric("walking_s"))
                + " · standing " + duration(r.metric("standing_s")) + (r.metric("other_s") > 0.5
                ? " · other " + duration(r.metric("other_s")) : ""), d.regular(), 8.5f, PdfDoc.MARGIN, PdfDoc.WIDTH,
                Palette.MUTED);
        d.space(4);
    }

    private static void headline(PdfDoc d, SessionResult r) throws IOException {
        List<String[]> all = List.of(
                new String[] {"Cadence", fmt(r.metric("cadence_spm"), 0), "steps/min", "cadence_spm"},
                new String[] {"Ground contact", fmt(r.metric("contact_ms"), 0), "ms (mean)", "contact_ms"},
                new String[] {"Flight", fmt(r.metric("flight_ms"), 0), "ms (mean)", "flight_ms"},
                new String[] {"Duty factor", fmt(r.metric("duty_factor") * 100, 1), "% of stride", "duty_factor"},
                new String[] {"Vertical oscillation", fmt(r.metric("vertical_oscillation_cm"), 1), "cm",
                    "vertical_oscillation_cm"},
                new String[] {"Running steps", fmt(r.metric("n_steps"), 0), "steps", "n_steps"},
                new String[] {"Walking cadence", fmt(r.metric("walking_cadence_spm"), 0), "steps/min",
                    "walking_cadence_spm"},
                new String[] {"Walking stance", fmt(r.metric("walking_stance_ms"), 0), "ms (mean)", "walking_stance_ms"});
        // the numbers this input measured, at most five, running ones first
        List<String[]> shown = new ArrayList<>();
        for (String[] t : all) {
            double v = r.metric(t[3]);
            if (Double.isFinite(v) && (v != 0 || !t[3].equals("n_steps")) && shown.size() < 5) {
                shown.add(t);
            }
        }
        if (shown.isEmpty()) {
            return;
        }
        String[][] tiles = shown.toArray(new String[0][]);
        float gap = 6;
        float w = (PdfDoc.WIDTH - gap * (tiles.length - 1)) / tiles.length;
        float h = 48;
        d.ensure(h + 10);
        float top = d.y();
        for (int i = 0; i < tiles.length; i++) {
            float x = PdfDoc.MARGIN + i * (w + gap);
            d.box(x, top, w, h, new Color(0xF4, 0xF6, 0xF8), Palette.GRID);
            String key = tiles[i][3];
            Optional<Finding> f = r.findings().stream().filter(fi -> fi.metricKey().equals(key)
                    && fi.status() != FindingStatus.NOT_MEASURABLE).findFirst();
            if (f.isPresent()) {
                d.box(x, top, w, 3, Palette.status(f.get().status()), null);
            }
            d.text(tiles[i][0], d.regular(), 7.5f, x + 6, top - 13, Palette.MUTED);
            boolean doubt = r.quality().doubtfulMetrics().contains(key);
            d.text(tiles[i][1] + (doubt ? " ?" : ""), d.bold(), 16, x + 6, top - 32, doubt ? Palette.MUTED
                    : Palette.INK);
            d.text(tiles[i][2], d.regular(), 7f, x + 6, top - 42, Palette.MUTED);
        }
        d.moveTo(top - h - 8);
        if (Double.isFinite(r.metric("contact_ms_median"))) {
            d.paragraph("Contact time: median " + fmt(r.metric("contact_ms_median"), 0) + " ms, SD "
                    + fmt(r.metric("contact_ms_sd"), 0) + " ms. " + sideLine(r), d.regular(), 8, PdfDoc.MARGIN,
                    PdfDoc.WIDTH, Palette.INK);
        }
        String notMeasured = r.info().get("not_measured");
        if (notMeasured != null) {
            d.paragraph(capital(notMeasured), d.regular(), 8, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        }
        String drift = r.info().get("form_drift");
        if (drift != null) {
            d.paragraph(drift, d.regular(), 8, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.INK);
        }
    }

    private static String sideLine(SessionResult r) {
        double l = r.metric("contact_ms_left");
        double rt = r.metric("contact_ms_right");
        if (Double.isFinite(l) && Double.isFinite(rt)) {
            return "Left " + fmt(l, 0) + " ms, right " + fmt(rt, 0) + " ms (left share "
                    + fmt(r.metric("contact_balance_left_pct"), 1) + " %).";
        }
        return "Left and right feet could not be told apart in this recording.";
    }

    static void workOnFirst(PdfDoc d, SessionResult r) throws IOException {
        d.heading("What to work on first", 12);
        List<Finding> top = r.findings().stream().filter(f -> f.status() == FindingStatus.OUTSIDE
                || f.status() == FindingStatus.WATCH).limit(2).toList();
        boolean notJudged = r.findings().stream().anyMatch(f -> f.status() == FindingStatus.NOT_JUDGED);
        if (top.isEmpty() && notJudged) {
            d.paragraph("Nothing is ranked from this session where its measures are in doubt: the values the quality "
                    + "checks doubt, or that rest on too few steps, are in the scorecard with “?” and are not compared "
                    + "with the advice. " + (r.findings().stream().anyMatch(f -> f.status() == FindingStatus.WITHIN)
                    ? "The values that are judged are within the recommendations. " : "")
                    + "A longer or clearer recording lets them be judged.", d.regular(), 9, PdfDoc.MARGIN,
                    PdfDoc.WIDTH, Palette.INK);
        } else if (top.isEmpty()) {
            d.paragraph("Nothing measured here is outside the recommendations. Keep the habits that work; when you "
                    + "change something, change one thing at a time.", d.regular(), 9, PdfDoc.MARGIN, PdfDoc.WIDTH,
                    Palette.INK);
        } else {
            d.paragraph(top.size() == 1 ? "One point stands out. Changing one element of running form usually changes "
                    + "others too, so start with it alone." : "Two points stand out, the first one most. Changing one "
                    + "element of running form usually changes others too, so start with the first.", d.regular(), 8.5f,
                    PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        }
        for (Finding f : top) {
            findingBlock(d, f);
        }
        d.paragraph("This report describes how you ran; it is not a diagnosis. Pain or injury belongs with a physical "
                + "therapist or physician.", d.regular(), 7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
    }

    private static void findingBlock(PdfDoc d, Finding f) throws IOException {
        d.ensure(70);
        float top = d.y();
        Color c = Palette.status(f.status());
        d.line(Palette.statusSymbol(f.status()) + "  " + capital(f.indicator()) + " — " + f.status().phrase(), d.bold(),
                10, PdfDoc.MARGIN + 10, Palette.INK);
        float x = PdfDoc.MARGIN + 10;
        float w = PdfDoc.WIDTH - 10;
        d.paragraph(f.message() + uncertainty(f), d.regular(), 9, x, w, Palette.INK);
        d.paragraph("Advice: " + f.advice(), d.regular(), 9, x, w, Palette.INK);
        d.paragraph("Source: " + quoted(f.sources()) + (f.evidenceNote().isEmpty() ? "" : " Evidence: " + f.evidenceNote()),
                d.regular(), 7.5f, x, w, Palette.MUTED);
        float bottom = d.y();
        d.box(PdfDoc.MARGIN, top, 3, top - bottom, c, null);
        d.space(4);
    }

    private static final float[] COLS = {0, 14, 175, 262, 362, 452};
    private static final float[] WIDTHS = {12, 157, 83, 96, 86, 63};

    static void scorecard(PdfDoc d, SessionResult r, GuidelineTable table) throws IOException {
        List<Finding> measured = r.findings().stream().filter(f -> f.status() != FindingStatus.NOT_MEASURABLE).toList();
        d.heading("Scorecard", 12);
        row(d, new String[] {"", "indicator", "your value", "target / reference", "status", "source"}, d.bold(),
                Palette.MUTED, null);
        for (Finding f : measured) {
            Guideline g = table.byId(f.guidelineId()).orElse(null);
            String value = GuidelineFormat.value(f) + (Double.isFinite(f.uncertainty()) && f.uncertainty() > 0
                    ? " ± " + GuidelineFormat.number(f.uncertainty(), f.unit()) : "");
            String target = !f.target().isEmpty() ? f.target() : g == null ? "" : reference(g);
            String status = f.status().phrase();
            if (f.status() == FindingStatus.NOT_JUDGED) {
                status = "not judged: " + QualityBanner.notJudgedReason(f);
            }
            row(d, new String[] {Palette.statusSymbol(f.status()), capital(f.indicator()), value, target,
                status, g == null ? "" : String.join(", ", g.sources())}, d.regular(), Palette.INK,
                    Palette.status(f.status()));
        }
        evidenceLine(d, measured, WatchSessionTables.isWatch(r));
        List<String> notMeasurable = r.findings().stream().filter(f -> f.status() == FindingStatus.NOT_MEASURABLE)
                .map(Finding::indicator).toList();
        if (!notMeasurable.isEmpty()) {
            d.space(2);
            d.paragraph("Not measurable from this input: " + String.join("; ", notMeasurable) + ".", d.regular(), 7.5f,
                    PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        }
        d.paragraph("Source ids refer to the articles on the references page; the ± combines the typical measurement "
                + "uncertainty for this kind of input (published validations and this project's own tests) with the "
                + "95 % interval of this session's mean from its step-to-step variation.",
                d.regular(), 7f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
    }

    /** How many steps the values rest on, per side when known. */
    private static void evidenceLine(PdfDoc d, List<Finding> measured, boolean device) throws IOException {
        Optional<Finding> most = measured.stream().filter(f -> f.evidence().counted())
                .max(java.util.Comparator.comparingInt(f -> f.evidence().steps()));
        if (most.isEmpty()) {
            return;
        }
        org.gaitform.model.Evidence e = most.get().evidence();
        String sides = e.left() + e.right() > 0 ? " (" + e.left() + " left, " + e.right() + " right)" : "";
        d.space(2);
        d.paragraph(device ? "The values are the device's averages over " + e.steps() + " steps."
                : "The values rest on up to " + e.steps() + " steps" + sides + "; a value of fewer steps than needed to "
                + "tell is shown but not judged.", d.regular(), 7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
    }

    /** The recommendation's threshold in words. */
    static String reference(Guideline g) {
        String u = " " + g.unit();
        return switch (g.rule()) {
            case RAISE_BELOW, MIN -> "≥ " + GuidelineFormat.number(g.low(), g.unit()) + u;
            case MAX -> Double.isNaN(g.low()) ? "no cut-off" : "≤ " + GuidelineFormat.number(g.low(), g.unit()) + u;
            case RANGE -> GuidelineFormat.number(g.low(), g.unit()) + "–" + GuidelineFormat.number(g.high(), g.unit()) + u;
            case INFO -> "no cut-off";
        };
    }

    private static void row(PdfDoc d, String[] cells, PDFont font, Color colour, Color badge) throws IOException {
        float size = 7.8f;
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.length; i++) {
            List<String> w = i == 0 ? List.of(cells[i]) : d.wrap(cells[i], font, size, WIDTHS[i]);
            wrapped.add(w);
            lines = Math.max(lines, w.size());
        }
        float h = lines * size * 1.3f + 3;
        d.ensure(h + 2);
        float top = d.y();
        if (badge != null) {
            d.box(PdfDoc.MARGIN, top - 1.5f, 10, 10, badge, null);
            d.text(cells[0], d.bold(), 7.5f, PdfDoc.MARGIN + 2.3f, top - 9.2f, Color.WHITE);
        }
        for (int i = 1; i < cells.length; i++) {
            for (int k = 0; k < wrapped.get(i).size(); k++) {
                d.text(wrapped.get(i).get(k), i == 2 && badge != null ? d.bold() : font, size, PdfDoc.MARGIN + COLS[i],
                        top - 8.5f - k * size * 1.3f, colour);
            }
        }
        d.moveTo(top - h);
        d.box(PdfDoc.MARGIN, d.y() + 1, PdfDoc.WIDTH, 0.4f, Palette.GRID, null);
    }

    static void methods(PdfDoc d, SessionResult r) throws IOException {
        d.heading("Methods", 12);
        Map<String, String> info = r.info();
        d.line("Input", d.bold(), 9, PdfDoc.MARGIN, Palette.INK);
        d.paragraph(r.source() + " (" + r.inputKind() + "), " + r.placement().label().replace('_', ' ') + ", "
                + fmt(r.samplingRateHz(), 1) + " Hz. " + r.bouts().size() + " bouts: running " + duration(r.metric("running_s"))
                + ", walking " + duration(r.metric("walking_s")) + ", standing " + duration(r.metric("standing_s"))
                + ". Only running bouts are judged against the running advice.", 8.5f);
        if (info.containsKey("detection_method")) {
            d.line("Gait events", d.bold(), 9, PdfDoc.MARGIN, Palette.INK);
            d.paragraph(capital(info.get("detection_method")), 8.5f);
        }
        if (info.containsKey("accuracy") || info.containsKey("measurement_kind")) {
            d.line("Accuracy", d.bold(), 9, PdfDoc.MARGIN, Palette.INK);
            if (info.containsKey("measurement_kind")) {
                d.paragraph(MeasuredAccuracy.sentence(info.get("measurement_kind")), 8.5f);
            }
            if (info.containsKey("accuracy")) {
                d.paragraph(capital(info.get("accuracy")), 8.5f);
            }
        }
        if (info.containsKey("dynamics_sensor")) {
            d.paragraph("Running dynamics from " + info.get("dynamics_sensor") + ".", 8.5f);
        }
        if (info.containsKey("side_method")) {
            d.line("Left and right", d.bold(), 9, PdfDoc.MARGIN, Palette.INK);
            d.paragraph(capital(info.get("side_method")), 8.5f);
        }
        if (info.containsKey("steps_table")) {
            d.line("Tables", d.bold(), 9, PdfDoc.MARGIN, Palette.INK);
            d.paragraph("steps.csv has " + info.get("steps_table") + ".", 8.5f);
        }
        d.line("Definitions", d.bold(), 9, PdfDoc.MARGIN, Palette.INK);
        d.paragraph(info.getOrDefault("definitions", "Cadence is steps of both feet per minute, 60 / mean step time over "
                + "the running steps; contact time is toe-off minus initial contact; flight time is the next initial "
                + "contact minus toe-off; duty factor is contact time over stride time (two steps).") + " Statuses: "
                + "within the recommendation; worth watching (near a limit, or outside a reference range without a "
                + "validated cut-off); outside the recommendation; measured without a cut-off; not measurable from this "
                + "input.", 8.5f);
        QualityBanner.methods(d, r);
        d.line("Decisions taken on this input", d.bold(), 9, PdfDoc.MARGIN, Palette.INK);
        for (Decision dec : r.decisions()) {
            d.paragraph("• " + dec.key().replace('_', ' ') + ": " + dec.value() + " — " + dec.reason(), d.regular(), 7.5f,
                    PdfDoc.MARGIN + 6, PdfDoc.WIDTH - 6, Palette.INK);
        }
        if (!r.warnings().isEmpty()) {
            d.line("Warnings", d.bold(), 9, PdfDoc.MARGIN, Palette.INK);
            for (String w : r.warnings()) {
                d.paragraph("• " + w, d.regular(), 7.5f, PdfDoc.MARGIN + 6, PdfDoc.WIDTH - 6, Palette.VERMILLION);
            }
        }
    }

    static void references(PdfDoc d, SessionResult r, GuidelineTable table) throws IOException {
        d.heading("References", 12);
        d.line("Running-form articles behind the advice", d.bold(), 9, PdfDoc.MARGIN, Palette.INK);
        for (Map.Entry<String, String> e : table.sources().entrySet()) {
            d.paragraph("[" + e.getKey() + "] “" + e.getValue() + "”", d.regular(), 8.5f, PdfDoc.MARGIN, PdfDoc.WIDTH,
                    Palette.INK);
        }
        d.space(4);
        d.line("Methods and reference values", d.bold(), 9, PdfDoc.MARGIN, Palette.INK);
        Set<String> papers = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : r.info().entrySet()) {
            if (e.getKey().endsWith("_citation")) {
                for (String c : e.getValue().split("\\s*\\|\\s*")) {
                    papers.add(c);
                }
            }
        }
        papers.add(HEIDERSCHEIT);
        for (String p : papers) {
            d.paragraph(p, d.regular(), 8.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.INK);
        }
        d.space(4);
        d.paragraph("Guideline table: " + table.origin() + ". Every threshold, its unit and its source are in that one "
                + "table; the report cites the same articles.", d.regular(), 7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH,
                Palette.MUTED);
    }

    static String quoted(List<String> titles) {
        List<String> q = new ArrayList<>();
        for (String t : titles) {
            q.add("“" + t + "”");
        }
        return String.join("; ", q) + ".";
    }

    private static String uncertainty(Finding f) {
        if (Double.isNaN(f.uncertainty()) || f.uncertainty() <= 0) {
            return "";
        }
        return " (Uncertainty about ±" + GuidelineFormat.number(f.uncertainty(), f.unit()) + " " + f.unit()
                + " for this kind of input" + (f.evidence().counted() && f.evidence().steps() <= 1000
                ? " and these " + f.evidence().steps() + " steps" : "") + ".)";
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String fmt(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String duration(double s) {
        if (!Double.isFinite(s)) {
            return "–";
        }
        if (s < 60) {
            return fmt(s, 1) + " s";
        }
        long whole = Math.round(s);
        return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }
}
