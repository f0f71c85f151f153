package org.gaitform.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.model.Decision;
import org.gaitform.model.Finding;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.SessionResult;

/**
 * The session report (A4 PDF): headline numbers, the top findings with their cited advice and a row per
 * indicator, the charts, a methods section (input, decisions, detection method and its accuracy) and the
 * references. Every page says the report is not a diagnosis.
 */
public final class SessionReportPdf {
    /** Footer of every page. */
    public static final String DISCLAIMER = "gaitform report · not a diagnosis: discuss pain or injury with a "
            + "physical therapist or physician.";

    private SessionReportPdf() {
    }

    /** Renders the report. */
    public static byte[] render(SessionResult r, List<ChartSpec> charts, GuidelineTable table) throws IOException {
        try (PdfDoc d = new PdfDoc("Running gait report — " + r.sessionId(), DISCLAIMER)) {
            title(d, r);
            headline(d, r);
            findings(d, r);
            if (PoseReportSection.applies(r)) {
                PoseReportSection.write(d, r);
            }
            for (ChartSpec c : charts) {
                d.chart(c);
            }
            methods(d, r);
            references(d, r, table);
            return d.finish();
        }
    }

    private static void title(PdfDoc d, SessionResult r) throws IOException {
        d.line("Running form report", d.bold(), 18, PdfDoc.MARGIN, Palette.INK);
        d.space(2);
        String what = switch (r.placement()) {
            case VIDEO -> "video keypoints (" + r.info().getOrDefault("view", "") + " view)";
            case MARKERS -> "motion-capture markers";
            default -> r.placement().label().replace('_', ' ') + " sensor";
        };
        d.paragraph("Session " + r.sessionId() + " · input " + r.source() + " · " + what + " · "
                + fmt(r.samplingRateHz(), 0) + " Hz", d.regular(), 8.5f, PdfDoc.MARGIN, PdfDoc.WIDTH,
                Palette.MUTED);
        d.paragraph("Running " + duration(r.metric("running_s")) + " · walking " + duration(r.metric("walking_s"))
                + " · standing " + duration(r.metric("standing_s")) + (r.metric("other_s") > 0.5
                ? " · other " + duration(r.metric("other_s")) : ""), d.regular(), 8.5f, PdfDoc.MARGIN, PdfDoc.WIDTH,
                Palette.MUTED);
        d.space(4);
    }

    private static void headline(PdfDoc d, SessionResult r) throws IOException {
        String[][] tiles = {
            {"Cadence", fmt(r.metric("cadence_spm"), 0), "steps/min"},
            {"Ground contact", fmt(r.metric("contact_ms"), 0), "ms (mean)"},
            {"Flight", fmt(r.metric("flight_ms"), 0), "ms (mean)"},
            {"Duty factor", fmt(r.metric("duty_factor") * 100, 1), "% of stride"},
            {"Running steps", fmt(r.metric("n_steps"), 0), "steps"},
        };
        float gap = 6;
        float w = (PdfDoc.WIDTH - gap * (tiles.length - 1)) / tiles.length;
        float h = 46;
        d.ensure(h + 10);
        float top = d.y();
        for (int i = 0; i < tiles.length; i++) {
            float x = PdfDoc.MARGIN + i * (w + gap);
            d.box(x, top, w, h, new Color(0xF4, 0xF6, 0xF8), Palette.GRID);
            d.text(tiles[i][0], d.regular(), 7.5f, x + 6, top - 12, Palette.MUTED);
            d.text(tiles[i][1], d.bold(), 16, x + 6, top - 31, Palette.INK);
            d.text(tiles[i][2], d.regular(), 7f, x + 6, top - 41, Palette.MUTED);
        }
        d.moveTo(top - h - 8);
        String sd = fmt(r.metric("contact_ms_sd"), 0);
        d.paragraph("Contact time: median " + fmt(r.metric("contact_ms_median"), 0) + " ms, SD " + sd + " ms. "
                + sideLine(r), d.regular(), 8, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.INK);
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

    private static void findings(PdfDoc d, SessionResult r) throws IOException {
        List<Finding> measured = r.findings().stream().filter(f -> f.status() != FindingStatus.NOT_MEASURABLE).toList();
        d.heading("What to work on", 12);
        List<Finding> top = measured.stream().filter(f -> f.status() == FindingStatus.OUTSIDE
                || f.status() == FindingStatus.WATCH).limit(2).toList();
        if (top.isEmpty()) {
            d.paragraph("Nothing measured here is outside the recommendations. Keep the habits that work, and change "
                    + "one thing at a time when you do change something.", d.regular(), 9, PdfDoc.MARGIN,
                    PdfDoc.WIDTH, Palette.INK);
        }
        for (Finding f : top) {
            findingBlock(d, f);
        }
        d.space(4);
        d.line("All indicators measured in this session", d.bold(), 9, PdfDoc.MARGIN, Palette.INK);
        for (Finding f : measured) {
            scoreRow(d, f);
        }
        long notMeasurable = r.findings().size() - measured.size();
        if (notMeasurable > 0) {
            d.paragraph(notMeasurable + " further indicators of the guideline table are not measurable from this input "
                    + "(" + String.join(", ", r.findings().stream().filter(f -> f.status() == FindingStatus.NOT_MEASURABLE)
                    .map(Finding::indicator).toList()) + ").", d.regular(), 7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH,
                    Palette.MUTED);
        }
        d.space(4);
    }

    private static void findingBlock(PdfDoc d, Finding f) throws IOException {
        d.ensure(70);
        float top = d.y();
        Color c = Palette.status(f.status());
        d.box(PdfDoc.MARGIN, top, 4, 10, c, null);
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

    private static void scoreRow(PdfDoc d, Finding f) throws IOException {
        d.ensure(14);
        float top = d.y();
        Color c = Palette.status(f.status());
        d.box(PdfDoc.MARGIN, top - 2, 10, 10, c, null);
        d.text(Palette.statusSymbol(f.status()), d.bold(), 7.5f, PdfDoc.MARGIN + 2.2f, top - 10, Color.WHITE);
        String value = GuidelineFormat.value(f);
        d.text(capital(f.indicator()), d.regular(), 8, PdfDoc.MARGIN + 16, top - 10, Palette.INK);
        d.text(value, d.bold(), 8, PdfDoc.MARGIN + 230, top - 10, Palette.INK);
        d.text(f.status().phrase() + (f.target().isEmpty() ? "" : " · target " + f.target()), d.regular(), 8,
                PdfDoc.MARGIN + 320, top - 10, Palette.MUTED);
        d.moveTo(top - 13);
    }

    private static void methods(PdfDoc d, SessionResult r) throws IOException {
        d.ensure(120);
        d.heading("Methods", 12);
        Map<String, String> info = r.info();
        if (info.containsKey("detection_method")) {
            d.paragraph("Gait events: " + info.get("detection_method"), 8.5f);
        }
        if (info.containsKey("accuracy")) {
            d.paragraph("Accuracy: " + info.get("accuracy"), 8.5f);
        }
        if (info.containsKey("side_method")) {
            d.paragraph("Left and right: " + info.get("side_method"), 8.5f);
        }
        d.paragraph("Cadence is steps of both feet per minute, 60 / mean step time over the running steps; contact time "
                + "is toe-off minus initial contact; flight time is the next initial contact minus toe-off; duty factor "
                + "is contact time over stride time (two steps).", 8.5f);
        d.line("Decisions taken on this input", d.bold(), 8.5f, PdfDoc.MARGIN, Palette.INK);
        for (Decision dec : r.decisions()) {
            d.paragraph("• " + dec.key().replace('_', ' ') + ": " + dec.value() + " — " + dec.reason(), d.regular(), 7.5f,
                    PdfDoc.MARGIN + 6, PdfDoc.WIDTH - 6, Palette.INK);
        }
        if (!r.warnings().isEmpty()) {
            d.line("Warnings", d.bold(), 8.5f, PdfDoc.MARGIN, Palette.INK);
            for (String w : r.warnings()) {
                d.paragraph("• " + w, d.regular(), 7.5f, PdfDoc.MARGIN + 6, PdfDoc.WIDTH - 6, Palette.VERMILLION);
            }
        }
    }

    private static void references(PdfDoc d, SessionResult r, GuidelineTable table) throws IOException {
        d.ensure(100);
        d.heading("References", 12);
        for (Map.Entry<String, String> e : table.sources().entrySet()) {
            d.paragraph("[" + e.getKey() + "] “" + e.getValue() + "”", d.regular(), 8, PdfDoc.MARGIN, PdfDoc.WIDTH,
                    Palette.INK);
        }
        Set<String> papers = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : r.info().entrySet()) {
            if (e.getKey().endsWith("_citation")) {
                for (String c : e.getValue().split("\\s*\\|\\s*")) {
                    papers.add(c);
                }
            }
        }
        papers.add("Heiderscheit BC, Chumanov ES, Michalski MP, Wille CM, Ryan MB. Effects of step rate manipulation on "
                + "joint mechanics during running. Med Sci Sports Exerc 2011;43(2):296–302.");
        for (String p : papers) {
            d.paragraph(p, d.regular(), 8, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.INK);
        }
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
        return " (measurement uncertainty about ±" + GuidelineFormat.number(f.uncertainty(), f.unit()) + " " + f.unit()
                + " for this kind of input.)";
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
        return String.format(Locale.ROOT, "%d min %02d s", (long) (s / 60), Math.round(s % 60) % 60);
    }
}
