package org.gaitform.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.gaitform.agreement.AgreementGroup;
import org.gaitform.agreement.AgreementReport;
import org.gaitform.agreement.BlandAltman;
import org.gaitform.agreement.EventRow;
import org.gaitform.agreement.RecordingAgreement;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of {@code gaitform validate}: Bland–Altman plots (difference against the mean of the two measurements,
 * with the bias and the 95 % limits of agreement) of contact time per step, cadence and mean contact time per
 * recording, and for each grouping the timing errors by condition (every matched event as a dot, the group's bias
 * with its limits of agreement as a bar).
 */
public final class AgreementCharts {
    private static final Color[] SERIES = {Palette.BLUE, Palette.VERMILLION, Palette.GREEN, Palette.ORANGE,
        Palette.PURPLE, Palette.SKY, Palette.MUTED};
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 210);

    private AgreementCharts() {
    }

    /** Pairs of one series of a Bland–Altman plot. */
    record Pairs(String label, List<double[]> values) {
    }

    /** Every chart of a report, in report order. */
    public static List<ChartSpec> forReport(AgreementReport report) {
        List<ChartSpec> out = new ArrayList<>();
        String seriesColumn = report.conditionColumns().contains("input_kind") ? "input_kind" : null;
        Map<String, List<double[]>> perStep = new LinkedHashMap<>();
        Map<String, List<double[]>> cadence = new LinkedHashMap<>();
        Map<String, List<double[]>> contact = new LinkedHashMap<>();
        for (RecordingAgreement r : report.recordings()) {
            String s = seriesColumn == null ? "recordings" : r.condition(seriesColumn);
            for (EventRow e : r.events()) {
                if (e.event().equals("ic") && e.status().equals("matched") && Double.isFinite(e.contactErrorMs())) {
                    perStep.computeIfAbsent(s, k -> new ArrayList<>()).add(new double[] {e.detectedContactMs(),
                        e.referenceContactMs()});
                }
            }
            if (Double.isFinite(r.cadenceSpm()) && Double.isFinite(r.referenceCadenceSpm())) {
                cadence.computeIfAbsent(s, k -> new ArrayList<>()).add(new double[] {r.cadenceSpm(),
                    r.referenceCadenceSpm()});
            }
            if (Double.isFinite(r.contactMs()) && Double.isFinite(r.referenceContactMs())) {
                contact.computeIfAbsent(s, k -> new ArrayList<>()).add(new double[] {r.contactMs(),
                    r.referenceContactMs()});
            }
        }
        blandAltman("bland-altman-contact-per-step", "Contact time per step: gaitform vs reference",
                "contact time", "ms", pairs(perStep), "Each dot is one matched step: the difference gaitform − reference "
                        + "against the mean of the two. Solid line: bias; dashed: 95 % limits of agreement (bias ± 1.96 "
                        + "SD), pooled over every step.").ifPresent(out::add);
        blandAltman("bland-altman-cadence", "Cadence per recording: gaitform vs reference", "cadence", "steps/min",
                pairs(cadence), "Each dot is one recording. Solid line: bias; dashed: 95 % limits of agreement.")
                .ifPresent(out::add);
        blandAltman("bland-altman-mean-contact", "Mean contact time per recording: gaitform vs reference",
                "mean contact time", "ms", pairs(contact), "Each dot is one recording. Solid line: bias; dashed: 95 % "
                        + "limits of agreement.").ifPresent(out::add);
        for (List<String> g : report.groupings()) {
            errorByCondition(report, g).ifPresent(out::add);
        }
        return out;
    }

    private static List<Pairs> pairs(Map<String, List<double[]>> m) {
        List<Pairs> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new Pairs(k, v)));
        return out;
    }

    /** A Bland–Altman plot, or empty with fewer than two pairs. */
    static Optional<ChartSpec> blandAltman(String name, String title, String quantity, String unit, List<Pairs> series,
                                           String caption) {
        List<double[]> all = new ArrayList<>();
        series.forEach(s -> all.addAll(s.values()));
        if (all.size() < 2) {
            return Optional.empty();
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (Pairs p : series) {
            XYSeries s = new XYSeries(series.size() == 1 ? quantity : p.label(), false, true);
            for (double[] v : p.values()) {
                s.add((v[0] + v[1]) / 2, v[0] - v[1]);
            }
            data.addSeries(s);
        }
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            rend.setSeriesPaint(i, SERIES[i % SERIES.length]);
            rend.setSeriesShape(i, new Ellipse2D.Double(-2.2, -2.2, 4.4, 4.4));
        }
        NumberAxis x = new NumberAxis("mean of gaitform and reference (" + unit + ")");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("gaitform − reference (" + unit + ")");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, x, y, rend);
        double[] d = all.stream().mapToDouble(v -> v[0] - v[1]).toArray();
        BlandAltman b = BlandAltman.of(d);
        plot.addRangeMarker(new ValueMarker(0, Palette.GRID, new BasicStroke(1f)));
        plot.addRangeMarker(line(b.bias(), Palette.INK, Palette.SOLID, String.format(Locale.ROOT, "bias %+.1f", b.bias())));
        if (Double.isFinite(b.sd())) {
            plot.addRangeMarker(line(b.loaHigh(), Palette.VERMILLION, Palette.DASHED,
                    String.format(Locale.ROOT, "+1.96 SD %+.1f", b.loaHigh())));
            plot.addRangeMarker(line(b.loaLow(), Palette.VERMILLION, Palette.DASHED,
                    String.format(Locale.ROOT, "−1.96 SD %+.1f", b.loaLow()).replace("−1.96 SD -", "−1.96 SD −")));
            double lo = Math.min(b.loaLow(), min(d));
            double hi = Math.max(b.loaHigh(), max(d));
            double pad = Math.max(1e-6, 0.12 * (hi - lo));
            y.setRange(Math.min(lo - pad, -pad), Math.max(hi + pad, pad));
        }
        JFreeChart chart = new JFreeChart(title, Fonts.bold(10f), plot, series.size() > 1);
        ChartStyle.apply(chart);
        return Optional.of(new ChartSpec(name, caption, chart, Charts.FULL_WIDTH, 220f));
    }

    private static ValueMarker line(double v, Color c, java.awt.Stroke s, String label) {
        ValueMarker m = new ValueMarker(v, c, s);
        m.setLabel(label);
        m.setLabelFont(Fonts.regular(7f));
        m.setLabelPaint(c);
        m.setLabelBackgroundColor(LABEL_BACKGROUND);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return m;
    }

    /** Timing errors of every matched event by the groups of one grouping; empty without matched events. */
    static Optional<ChartSpec> errorByCondition(AgreementReport report, List<String> columns) {
        List<AgreementGroup> groups = report.groupsBy(columns);
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        Map<String, RecordingAgreement> byName = new LinkedHashMap<>();
        report.recordings().forEach(r -> byName.put(r.recording(), r));
        String[][] kinds = {{"ic", "initial contact"}, {"to", "toe-off"}, {"contact", "contact time per step"}};
        double[] offsets = {-0.22, 0, 0.22};
        XYSeriesCollection dots = new XYSeriesCollection();
        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        Random jitter = new Random(1);
        int points = 0;
        String[] labels = new String[groups.size()];
        for (int k = 0; k < kinds.length; k++) {
            XYSeries s = new XYSeries(kinds[k][1], false, true);
            XYIntervalSeries iv = new XYIntervalSeries(kinds[k][1] + ": bias and 95 % limits");
            for (int g = 0; g < groups.size(); g++) {
                AgreementGroup grp = groups.get(g);
                labels[g] = String.join(" · ", grp.values()) + " (" + grp.recordings().size() + ")";
                double x = g + offsets[k];
                for (String rec : grp.recordings()) {
                    RecordingAgreement r = byName.get(rec);
                    if (r == null) {
                        continue;
                    }
                    for (EventRow e : r.events()) {
                        if (!e.status().equals("matched")) {
                            continue;
                        }
                        double err = k == 2 ? (e.event().equals("ic") ? e.contactErrorMs() : Double.NaN)
                                : e.event().equals(kinds[k][0]) ? e.errorMs() : Double.NaN;
                        if (Double.isFinite(err)) {
                            s.add(x + (jitter.nextDouble() - 0.5) * 0.14, err);
                            points++;
                        }
                    }
                }
                BlandAltman b = k == 0 ? grp.figures().ic().timingMs() : k == 1 ? grp.figures().to().timingMs()
                        : grp.figures().contactPerStepMs();
                if (b.n() >= 2) {
                    iv.add(x, x, x, b.bias(), b.loaLow(), b.loaHigh());
                }
            }
            dots.addSeries(s);
            bars.addSeries(iv);
        }
        if (points == 0) {
            return Optional.empty();
        }
        SymbolAxis x = new SymbolAxis(String.join(" · ", columns) + " (recordings)", labels);
        x.setRange(-0.6, groups.size() - 0.4);
        x.setGridBandsVisible(false);
        NumberAxis y = new NumberAxis("gaitform − reference (ms)");
        XYLineAndShapeRenderer dotRend = new XYLineAndShapeRenderer(false, true);
        Color[] c = {Palette.BLUE, Palette.ORANGE, Palette.GREEN};
        for (int i = 0; i < 3; i++) {
            dotRend.setSeriesPaint(i, new Color(c[i].getRed(), c[i].getGreen(), c[i].getBlue(), 110));
            dotRend.setSeriesShape(i, new Ellipse2D.Double(-1.6, -1.6, 3.2, 3.2));
        }
        XYErrorRenderer barRend = new XYErrorRenderer();
        barRend.setDrawXError(false);
        barRend.setDefaultLinesVisible(false);
        barRend.setCapLength(5);
        barRend.setErrorStroke(new BasicStroke(1.4f));
        for (int i = 0; i < 3; i++) {
            barRend.setSeriesPaint(i, c[i].darker());
            barRend.setSeriesShape(i, new java.awt.geom.Rectangle2D.Double(-3, -3, 6, 6));
            barRend.setSeriesVisibleInLegend(i, false);
        }
        XYPlot plot = new XYPlot(bars, x, y, barRend);
        plot.setDataset(1, dots);
        plot.setRenderer(1, dotRend);
        plot.addRangeMarker(new ValueMarker(0, Palette.MUTED, new BasicStroke(0.8f)));
        String by = String.join(" and ", columns);
        JFreeChart chart = new JFreeChart("Timing errors by " + by, Fonts.bold(10f), plot, true);
        ChartStyle.apply(chart);
        x.setTickLabelFont(Fonts.regular(groups.size() > 8 ? 5.5f : 7f));
        if (groups.size() > 6) {
            x.setVerticalTickLabels(true);
        }
        return Optional.of(new ChartSpec("error-by-" + String.join("-", columns).replaceAll("[^A-Za-z0-9_-]", "_"),
                "Every matched event as a dot (initial contacts left, toe-offs middle, contact time per step right of "
                        + "each group); bars: the group's bias with its 95 % limits of agreement. Groups of "
                        + by + ", with the number of recordings.", chart, Charts.FULL_WIDTH, groups.size() > 6 ? 260f
                : 220f));
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
