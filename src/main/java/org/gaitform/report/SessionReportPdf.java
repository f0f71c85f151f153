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
            Scorecard card = Scorecard.of(r, table);
            title(d, card);
            QualityBanner.write(d, r);
            headline(d, card);
            workOnFirst(d, card);
            scorecard(d, card);
            boolean pose = PoseReportSection.applies(r);
            if (pose) {
                // keypoint and marker sessions: the form indicators open the page of charts
                sectionPage(d);
                PoseReportSection.write(d, r);
            }
            if (!charts.isEmpty()) {
                if (!pose) {
                    sectionPage(d);
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

    /**
     * Starts the page after page 1 — or, when page 1's content ran over onto a second page and left more than half of it
     * free (a session with many indicators), goes on there, so that the report has no page with a line or two on it.
     */
    static void sectionPage(PdfDoc d) throws IOException {
        if (d.pages() > 1 && d.remaining() > (PdfDoc.PAGE_H - 2 * PdfDoc.MARGIN) / 2) {
            d.space(18);
        } else {
            d.newPage();
        }
    }

    private static void title(PdfDoc d, Scorecard card) throws IOException {
        d.line(card.title(), d.bold(), 18, PdfDoc.MARGIN, Palette.INK);
        d.space(2);
        d.paragraph(card.subtitle(), d.regular(), 8.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        d.paragraph(card.durations(), d.regular(), 8.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        d.space(4);
    }

    private static void headline(PdfDoc d, Scorecard card) throws IOException {
        List<Scorecard.Tile> tiles = card.tiles();
        if (!tiles.isEmpty()) {
            float gap = 6;
            float w = (PdfDoc.WIDTH - gap * (tiles.size() - 1)) / tiles.size();
            float h = 48;
            d.ensure(h + 10);
            float top = d.y();
            for (int i = 0; i < tiles.size(); i++) {
                Scorecard.Tile t = tiles.get(i);
                float x = PdfDoc.MARGIN + i * (w + gap);
                d.box(x, top, w, h, new Color(0xF4, 0xF6, 0xF8), Palette.GRID);
                if (t.status().isPresent()) {
                    d.box(x, top, w, 3, Palette.status(t.status().get()), null);
                }
                d.text(t.label(), d.regular(), 7.5f, x + 6, top - 13, Palette.MUTED);
                d.text(t.value() + (t.doubtful() ? " ?" : ""), d.bold(), 16, x + 6, top - 32, t.doubtful()
                        ? Palette.MUTED : Palette.INK);
                d.text(t.unit(), d.regular(), 7f, x + 6, top - 42, Palette.MUTED);
            }
            d.moveTo(top - h - 8);
        } else {
            return;
        }
        for (Scorecard.Note note : card.notes()) {
            d.paragraph(note.text(), d.regular(), 8, PdfDoc.MARGIN, PdfDoc.WIDTH, note.muted() ? Palette.MUTED : Palette.INK);
        }
    }

    static void workOnFirst(PdfDoc d, Scorecard card) throws IOException {
        d.heading("What to work on first", 12);
        if (card.focus().isEmpty()) {
            d.paragraph(card.focusIntro(), d.regular(), 9, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.INK);
        } else {
            d.paragraph(card.focusIntro(), d.regular(), 8.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        }
        for (Scorecard.Focus f : card.focus()) {
            findingBlock(d, f);
        }
        d.paragraph(Scorecard.NOT_A_DIAGNOSIS, d.regular(), 7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
    }

    private static void findingBlock(PdfDoc d, Scorecard.Focus f) throws IOException {
        d.ensure(70);
        float top = d.y();
        Color c = Palette.status(f.finding().status());
        d.line(Palette.statusSymbol(f.finding().status()) + "  " + f.heading(), d.bold(), 10, PdfDoc.MARGIN + 10,
                Palette.INK);
        float x = PdfDoc.MARGIN + 10;
        float w = PdfDoc.WIDTH - 10;
        d.paragraph(f.message(), d.regular(), 9, x, w, Palette.INK);
        d.paragraph(f.advice(), d.regular(), 9, x, w, Palette.INK);
        d.paragraph(f.sources(), d.regular(), 7.5f, x, w, Palette.MUTED);
        float bottom = d.y();
        d.box(PdfDoc.MARGIN, top, 3, top - bottom, c, null);
        d.space(4);
    }

    private static final float[] COLS = {0, 14, 175, 262, 362, 452};
    private static final float[] WIDTHS = {12, 157, 83, 96, 86, 63};

    static void scorecard(PdfDoc d, Scorecard card) throws IOException {
        d.heading("Scorecard", 12);
        row(d, new String[] {"", "indicator", "your value", "target / reference", "status", "source"}, d.bold(),
                Palette.MUTED, null);
        for (Scorecard.Row r : card.rows()) {
            row(d, new String[] {r.symbol(), r.indicator(), r.value(), r.target(), r.statusPhrase(), r.sources()},
                    d.regular(), Palette.INK, Palette.status(r.finding().status()));
        }
        if (!card.evidence().isEmpty()) {
            d.space(2);
            d.paragraph(card.evidence(), d.regular(), 7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        }
        if (!card.notMeasurable().isEmpty()) {
            d.space(2);
            d.paragraph("Not measurable from this input: " + String.join("; ", card.notMeasurable()) + ".", d.regular(),
                    7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        }
        d.paragraph(Scorecard.FOOTNOTE, d.regular(), 7f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
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
