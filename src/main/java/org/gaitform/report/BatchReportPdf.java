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
import org.gaitform.model.Finding;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.SessionResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The batch report ({@code OUT/batch-report.pdf}): what a clinic lead or a researcher wants after a day of
 * sessions — how many were analysed, distributions of the headline numbers across sessions, a cohort table with
 * a row per session (headline numbers and a traffic light per recommendation) listing the sessions outside the
 * recommendations first, and the inputs that failed with their messages.
 */
public final class BatchReportPdf {
    private BatchReportPdf() {
    }

    /** The cohort as a Tablesaw table, sessions outside the recommendations first, then worth watching, then the rest. */
    public static Table cohort(List<BatchEntry> entries) {
        StringColumn session = StringColumn.create("session_id");
        IntColumn rank = IntColumn.create("rank");
        DoubleColumn steps = DoubleColumn.create("n_steps");
        DoubleColumn cadence = DoubleColumn.create("cadence_spm");
        DoubleColumn contact = DoubleColumn.create("contact_ms");
        DoubleColumn flight = DoubleColumn.create("flight_ms");
        DoubleColumn duty = DoubleColumn.create("duty_factor");
        DoubleColumn running = DoubleColumn.create("running_s");
        StringColumn top = StringColumn.create("top_finding");
        for (BatchEntry e : entries) {
            if (e.result().isEmpty()) {
                continue;
            }
            SessionResult r = e.result().get();
            session.append(e.sessionId());
            rank.append(worst(r));
            steps.append(r.metric("n_steps"));
            cadence.append(r.metric("cadence_spm"));
            contact.append(r.metric("contact_ms"));
            flight.append(r.metric("flight_ms"));
            duty.append(r.metric("duty_factor"));
            running.append(r.metric("running_s"));
            top.append(BatchSummaryCsv.topFinding(r));
        }
        Table t = Table.create("cohort", session, rank, steps, cadence, contact, flight, duty, running, top);
        return t.sortAscendingOn("rank", "cadence_spm");
    }

    private static int worst(SessionResult r) {
        boolean watch = false;
        for (Finding f : r.findings()) {
            if (f.status() == FindingStatus.OUTSIDE) {
                return 0;
            }
            watch |= f.status() == FindingStatus.WATCH;
        }
        return watch ? 1 : 2;
    }

    /** Renders the report. */
    public static byte[] render(List<BatchEntry> all, GuidelineTable table) throws IOException {
        List<BatchEntry> entries = all.stream().filter(e -> !e.notAnalysed()).toList();
        long notAnalysed = all.size() - entries.size();
        Table cohort = cohort(entries);
        Map<String, SessionResult> bySession = new java.util.HashMap<>();
        entries.forEach(e -> e.result().ifPresent(r -> bySession.put(e.sessionId(), r)));
        long failed = entries.stream().filter(e -> e.status().equals("failed")).count();
        try (PdfDoc d = new PdfDoc("gaitform batch report", "gaitform batch report · not a diagnosis")) {
            d.line("Batch report", d.bold(), 18, PdfDoc.MARGIN, Palette.INK);
            d.space(2);
            int outside = cohort.intColumn("rank").isEqualTo(0).size();
            int watch = cohort.intColumn("rank").isEqualTo(1).size();
            long doubtful = bySession.values().stream().filter(r -> r.quality().verdict()
                    == org.gaitform.model.Quality.DOUBTFUL).count();
            long poor = bySession.values().stream().filter(r -> r.quality().verdict()
                    == org.gaitform.model.Quality.POOR).count();
            d.paragraph(String.format(Locale.ROOT, "%d input(s): %d analysed, %d failed. Sessions with an indicator "
                    + "outside the recommendations: %d; with one worth watching: %d. They are listed first.%s",
                    entries.size(), cohort.rowCount(), failed, outside, watch, (doubtful + poor == 0 ? ""
                    : String.format(Locale.ROOT, " Quality: %d doubtful and %d poor session(s), whose doubtful values "
                    + "are not judged.", doubtful, poor)) + (notAnalysed == 0 ? ""
                            : " " + notAnalysed + " other path(s) in the input folders were not analysed; "
                            + "batch-summary.csv lists each with the reason.")), 9);
            if (cohort.rowCount() > 0) {
                d.paragraph(stats(cohort, "cadence_spm", "Cadence", "steps/min", 0) + " "
                        + stats(cohort, "contact_ms", "Contact time", "ms", 0) + " "
                        + stats(cohort, "duty_factor", "Duty factor", "", 3), 8.5f);
                cohortTable(d, cohort, bySession);
            }
            if (failed > 0) {
                d.heading("Inputs that could not be analysed", 12);
                for (BatchEntry e : entries) {
                    if (e.status().equals("failed")) {
                        d.paragraph("• " + e.message(), d.regular(), 7.5f, PdfDoc.MARGIN + 6, PdfDoc.WIDTH - 6,
                                Palette.VERMILLION);
                    }
                }
            }
            if (cohort.rowCount() > 0) {
                d.heading("Across sessions", 12);
                d.chart(histogram(cohort.doubleColumn("cadence_spm").asDoubleArray(), "Cadence across sessions",
                        "cadence (steps/min)", 160, "160 steps/min (A3, A1)", "cohort_cadence",
                        "Sessions per cadence band; below the dashed line the articles advise raising cadence by 5–10 %."));
                if (cohort.rowCount() >= 2) {
                    d.chart(scatter(cohort));
                }
            }
            d.space(6);
            d.paragraph("Sources: " + String.join("; ", table.sources().entrySet().stream()
                    .map(e -> "[" + e.getKey() + "] “" + e.getValue() + "”").toList()) + ".", d.regular(), 7.5f,
                    PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
            return d.finish();
        }
    }

    private static String stats(Table t, String col, String name, String unit, int decimals) {
        DoubleColumn c = t.doubleColumn(col).removeMissing();
        if (c.isEmpty()) {
            return "";
        }
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, "%s: median " + f + " %s (range " + f + "–" + f + ").", name, c.median(), unit,
                c.min(), c.max()).replace("  (", " (");
    }

    private static void cohortTable(PdfDoc d, Table cohort, Map<String, SessionResult> bySession) throws IOException {
        d.heading("Sessions", 12);
        Set<String> ids = new LinkedHashSet<>();
        for (SessionResult r : bySession.values()) {
            r.findings().stream().filter(f -> f.status() != FindingStatus.NOT_MEASURABLE).map(Finding::guidelineId)
                    .forEach(ids::add);
        }
        List<String> idList = new ArrayList<>(ids);
        idList.sort(BatchSummaryCsv::compareIds);
        if (idList.size() > 8) {
            idList = idList.subList(0, 8);
        }
        float[] x = {0, 150, 185, 225, 262, 297};
        float badgeX = 335;
        String[] head = {"session", "steps", "cadence", "contact", "flight", "duty"};
        d.ensure(20);
        float top = d.y();
        for (int i = 0; i < head.length; i++) {
            d.text(head[i], d.bold(), 7.5f, PdfDoc.MARGIN + x[i], top - 9, Palette.MUTED);
        }
        for (int k = 0; k < idList.size(); k++) {
            d.text(idList.get(k), d.bold(), 7f, PdfDoc.MARGIN + badgeX + k * 22, top - 9, Palette.MUTED);
        }
        d.moveTo(top - 13);
        for (Row row : cohort) {
            d.ensure(13);
            float t = d.y();
            SessionResult r = bySession.get(row.getString("session_id"));
            String[] cells = {abbreviate(row.getString("session_id"), 34), f(row.getDouble("n_steps"), 0),
                f(row.getDouble("cadence_spm"), 1), f(row.getDouble("contact_ms"), 0), f(row.getDouble("flight_ms"), 0),
                f(row.getDouble("duty_factor"), 3)};
            d.box(PdfDoc.MARGIN, t - 3, 6, 6, Palette.quality(r.quality().verdict()), null);
            for (int i = 0; i < cells.length; i++) {
                d.text(i == 0 ? abbreviate(row.getString("session_id"), 31) : cells[i], d.regular(), 7.5f,
                        PdfDoc.MARGIN + x[i] + (i == 0 ? 9 : 0), t - 9, Palette.INK);
            }
            for (int k = 0; k < idList.size(); k++) {
                String id = idList.get(k);
                FindingStatus s = r.findings().stream().filter(fi -> fi.guidelineId().equals(id)).map(Finding::status)
                        .findFirst().orElse(FindingStatus.NOT_MEASURABLE);
                float bx = PdfDoc.MARGIN + badgeX + k * 22;
                d.box(bx, t - 1.5f, 9, 9, Palette.status(s), null);
                d.text(Palette.statusSymbol(s), d.bold(), 7, bx + 2f, t - 8.5f, s == FindingStatus.NOT_MEASURABLE
                        ? Palette.MUTED : Color.WHITE);
            }
            d.moveTo(t - 12);
            d.box(PdfDoc.MARGIN, d.y() + 1, PdfDoc.WIDTH, 0.3f, Palette.GRID, null);
        }
        d.space(4);
        d.paragraph("The square before a session is its quality: green good, orange doubtful, vermillion poor "
                + "(docs/quality.md). ✓ within · ! worth watching · ✗ outside · i measured, no cut-off · ? not judged "
                + "(a doubtful measure or too few steps) · – not measurable. Columns are the guideline ids of the "
                + "references (R1 cadence, R3 contact time, R10 left/right balance, …); each session folder holds its "
                + "full report.", d.regular(), 7f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
    }

    private static ChartSpec histogram(double[] values, String title, String axis, double reference, String refLabel,
                                       String name, String caption) {
        HistogramDataset data = new HistogramDataset();
        double[] v = java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
        double lo = Math.floor(Math.min(reference, java.util.Arrays.stream(v).min().orElse(reference)) / 5) * 5 - 5;
        double hi = Math.ceil(Math.max(reference, java.util.Arrays.stream(v).max().orElse(reference)) / 5) * 5 + 5;
        data.addSeries("sessions", v, (int) Math.max(1, (hi - lo) / 5), lo, hi);
        XYBarRenderer rend = new XYBarRenderer(0.08);
        rend.setBarPainter(new StandardXYBarPainter());
        rend.setShadowVisible(false);
        rend.setSeriesPaint(0, Palette.BLUE);
        NumberAxis x = new NumberAxis(axis);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("sessions");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, x, y, rend);
        ValueMarker m = new ValueMarker(reference, Palette.VERMILLION, Palette.DASHED);
        m.setLabel(refLabel);
        m.setLabelFont(Fonts.regular(7f));
        m.setLabelPaint(Palette.VERMILLION);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
        plot.addDomainMarker(m);
        JFreeChart chart = new JFreeChart(title, Fonts.bold(10f), plot, false);
        ChartStyle.apply(chart);
        return new ChartSpec(name, caption, chart, Charts.FULL_WIDTH, 170f);
    }

    private static ChartSpec scatter(Table cohort) {
        XYSeries s = new XYSeries("sessions", false, true);
        for (Row row : cohort) {
            if (Double.isFinite(row.getDouble("cadence_spm")) && Double.isFinite(row.getDouble("contact_ms"))) {
                s.add(row.getDouble("cadence_spm"), row.getDouble("contact_ms"));
            }
        }
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(false, true);
        rend.setSeriesPaint(0, Palette.BLUE);
        rend.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        NumberAxis x = new NumberAxis("cadence (steps/min)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("contact time (ms)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), x, y, rend);
        ValueMarker m = new ValueMarker(160, Palette.VERMILLION, Palette.DASHED);
        plot.addDomainMarker(m);
        JFreeChart chart = new JFreeChart("Cadence and contact time per session", Fonts.bold(10f), plot, false);
        ChartStyle.apply(chart);
        return new ChartSpec("cohort_cadence_contact", "One dot per session. Quicker, shorter steps (right, low) go with "
                + "less time on the ground.", chart, Charts.FULL_WIDTH, 200f);
    }

    private static String f(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "–";
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
