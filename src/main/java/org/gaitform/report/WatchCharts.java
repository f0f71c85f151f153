package org.gaitform.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.model.Activity;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Trace;
import org.gaitform.model.WatchTraces;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts of a watch session: the form values along the run (cadence, ground-contact time, vertical oscillation,
 * contact-time balance — each panel only when the export has the value), and the kilometre splits with the
 * elevation profile, cadence and step length per kilometre coloured and lettered by terrain (D downhill, F flat,
 * U uphill) so that they read in black and white too.
 */
public final class WatchCharts {
    /** Points per line along the run (records are averaged into this many stretches). */
    static final int BINS = 300;
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 210);

    private WatchCharts() {
    }

    /** The charts that apply to a watch session, in report order. */
    public static List<ChartSpec> forSession(SessionResult r) {
        List<ChartSpec> out = new ArrayList<>();
        Map<String, Trace> rec = WatchTraces.series(r.traces(), WatchTraces.RECORD);
        if (rec.containsKey("cadence_spm") || rec.containsKey("contact_ms")) {
            out.add(formAlongRun(r, rec));
        }
        Map<String, Trace> sp = WatchTraces.series(r.traces(), WatchTraces.SPLIT);
        if (!sp.isEmpty()) {
            out.add(splits(r, rec, sp));
        }
        return out;
    }

    /** Colour of a terrain code. */
    static Color terrainColour(double code) {
        return Double.isNaN(code) ? Palette.MUTED : code < 0 ? Palette.BLUE : code > 0 ? Palette.ORANGE : Palette.GREEN;
    }

    /** Letter of a terrain code. */
    static String terrainLetter(double code) {
        return Double.isNaN(code) ? "?" : code < 0 ? "D" : code > 0 ? "U" : "F";
    }

    private static ChartSpec formAlongRun(SessionResult r, Map<String, Trace> rec) {
        boolean byDistance = rec.containsKey("distance_m")
                && max(rec.get("distance_m").values()) > 200;
        double[] x = byDistance ? scale(rec.get("distance_m").values(), 0.001) : scale(any(rec).timeS(), 1 / 60.0);
        double[] act = rec.containsKey(WatchTraces.ACTIVITY_CODE) ? rec.get(WatchTraces.ACTIVITY_CODE).values() : null;
        NumberAxis domain = new NumberAxis(byDistance ? "distance (km)" : "time (min)");
        domain.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(domain);
        plot.setGap(8);
        int panels = 0;
        String[][] specs = {
            {"cadence_spm", "cadence (steps/min)"},
            {"contact_ms", "contact (ms)"},
            {"vertical_oscillation_cm", "vert. osc. (cm)"},
            {"contact_balance_left_pct", "balance (% left)"},
        };
        for (String[] s : specs) {
            Trace t = rec.get(s[0]);
            if (t == null) {
                continue;
            }
            XYSeries series = binned(x, t.values(), act, s[1]);
            if (series.getItemCount() < 2) {
                continue;
            }
            XYSeriesCollection data = new XYSeriesCollection(series);
            XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(true, false);
            rend.setSeriesPaint(0, Palette.BLUE);
            rend.setSeriesStroke(0, new BasicStroke(1.1f));
            NumberAxis y = new NumberAxis(s[1]);
            y.setAutoRangeIncludesZero(false);
            XYPlot sub = new XYPlot(data, null, y, rend);
            if (s[0].equals("cadence_spm")) {
                sub.addRangeMarker(reference(160, "160 steps/min"));
                double lo = Math.min(150, series.getMinY() - 5);
                y.setRange(lo, Math.max(lo + 20, series.getMaxY() + 5));
            } else if (s[0].equals("contact_balance_left_pct")) {
                sub.addRangeMarker(new IntervalMarker(49.2, 50.7, new Color(0xE3, 0xF2, 0xEA)), Layer.BACKGROUND);
                sub.addRangeMarker(reference(50, "50 %"));
                y.setRange(Math.min(47, series.getMinY() - 0.5), Math.max(53, series.getMaxY() + 0.5));
            }
            style(sub);
            plot.add(sub, 1);
            panels++;
        }
        JFreeChart chart = new JFreeChart("Form along the run", Fonts.bold(10f), plot, false);
        ChartStyle.apply(chart);
        return new ChartSpec("form_along_run", "Each line is the device's value averaged over " + BINS + " stretches of "
                + "the run (running only). Dashed: 160 steps/min, below which the articles advise raising cadence; "
                + "green band: balanced contact time (49.2–50.7 % left).", chart, Charts.FULL_WIDTH,
                Math.max(150f, 95f * panels + 40f));
    }

    private static ChartSpec splits(SessionResult r, Map<String, Trace> rec, Map<String, Trace> sp) {
        double[] start = sp.get("start_m").values();
        double[] end = sp.get("end_m").values();
        double[] terrain = sp.get(WatchTraces.TERRAIN_CODE).values();
        NumberAxis domain = new NumberAxis("distance (km)");
        domain.setAutoRangeIncludesZero(true);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(domain);
        plot.setGap(8);
        // elevation profile
        Trace alt = rec.get("altitude_m");
        Trace dist = rec.get("distance_m");
        if (alt != null && dist != null) {
            XYSeries profile = binned(scale(dist.values(), 0.001), alt.values(), null, "altitude (m)");
            if (profile.getItemCount() >= 2) {
                XYAreaRenderer area = new XYAreaRenderer(XYAreaRenderer.AREA);
                area.setSeriesPaint(0, new Color(0xCF, 0xDB, 0xE6));
                NumberAxis y = new NumberAxis("altitude (m)");
                y.setAutoRangeIncludesZero(false);
                XYPlot sub = new XYPlot(new XYSeriesCollection(profile), null, y, area);
                y.setRange(profile.getMinY() - 5, profile.getMaxY() + 5);
                style(sub);
                plot.add(sub, 1);
            }
        }
        plot.add(splitBars(sp.get("cadence_spm").values(), start, end, terrain, "cadence (steps/min)", 160), 2);
        plot.add(splitBars(sp.get("step_length_m").values(), start, end, terrain, "step length (m)", Double.NaN), 2);
        JFreeChart chart = new JFreeChart("Kilometre splits", Fonts.bold(10f), plot, false);
        ChartStyle.apply(chart);
        return new ChartSpec("splits", "Bars: one per kilometre, lettered and coloured by grade — D downhill (blue), "
                + "F flat (green), U uphill (orange). Keep the stride rate downhill: a downhill bar lower in cadence "
                + "and higher in step length than the flat ones is over-striding.", chart, Charts.FULL_WIDTH, 300f);
    }

    private static XYPlot splitBars(double[] values, double[] start, double[] end, double[] terrain, String label,
                                    double reference) {
        XYIntervalSeries s = new XYIntervalSeries(label);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                continue;
            }
            double a = start[i] / 1000;
            double b = end[i] / 1000;
            s.add((a + b) / 2, a + 0.04 * (b - a), b - 0.04 * (b - a), values[i], values[i], values[i]);
            lo = Math.min(lo, values[i]);
            hi = Math.max(hi, values[i]);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(s);
        XYBarRenderer bars = new XYBarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int series, int item) {
                double x = data.getXValue(series, item);
                return terrainColour(terrainAt(x, start, end, terrain));
            }
        };
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setUseYInterval(false);
        NumberAxis y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(false);
        if (Double.isFinite(lo)) {
            double span = Math.max(hi - lo, Math.abs(hi) * 0.05 + 1e-6);
            double bottom = lo > 0 ? Math.max(0, lo - span * 0.8) : lo - span * 0.8;
            if (!Double.isNaN(reference)) {
                bottom = Math.min(bottom, reference - 5);
            }
            y.setRange(bottom, hi + span * 0.3);
        }
        XYPlot sub = new XYPlot(data, null, y, bars);
        if (Double.isFinite(lo)) {
            // terrain letters inside the top of each bar, so that the chart reads in black and white
            double span = y.getRange().getLength();
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(values[i])) {
                    continue;
                }
                XYTextAnnotation a = new XYTextAnnotation(terrainLetter(terrain[i]), (start[i] + end[i]) / 2000,
                        values[i] - span * 0.04);
                a.setFont(Fonts.bold(7f));
                a.setPaint(Color.WHITE);
                a.setTextAnchor(TextAnchor.TOP_CENTER);
                sub.addAnnotation(a);
            }
        }
        if (!Double.isNaN(reference)) {
            sub.addRangeMarker(reference(reference, trimNum(reference) + " steps/min"));
        }
        style(sub);
        return sub;
    }

    private static double terrainAt(double xKm, double[] start, double[] end, double[] terrain) {
        for (int i = 0; i < start.length; i++) {
            if (xKm * 1000 >= start[i] - 1e-6 && xKm * 1000 <= end[i] + 1e-6) {
                return terrain[i];
            }
        }
        return Double.NaN;
    }

    private static ValueMarker reference(double value, String label) {
        ValueMarker m = new ValueMarker(value, Palette.VERMILLION, Palette.DASHED);
        m.setLabel(label);
        m.setLabelFont(Fonts.regular(6.5f));
        m.setLabelPaint(Palette.VERMILLION);
        m.setLabelBackgroundColor(LABEL_BACKGROUND);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return m;
    }

    static void style(XYPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setOutlineVisible(false);
        p.setAxisOffset(RectangleInsets.ZERO_INSETS);
        p.setDomainGridlinePaint(Palette.GRID);
        p.setRangeGridlinePaint(Palette.GRID);
        NumberAxis y = (NumberAxis) p.getRangeAxis();
        y.setLabelFont(Fonts.regular(7.5f));
        y.setTickLabelFont(Fonts.regular(6.5f));
        y.setLabelPaint(Palette.INK);
        y.setTickLabelPaint(Palette.INK);
    }

    /** Averages y over {@code bins} equal stretches of x, keeping only running records when {@code act} is given. */
    static XYSeries binned(double[] x, double[] y, double[] act, String name) {
        XYSeries s = new XYSeries(name, false, true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi > lo)) {
            return s;
        }
        int bins = Math.min(BINS, Math.max(2, x.length));
        double[] sum = new double[bins];
        double[] cnt = new double[bins];
        double[] xs = new double[bins];
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                continue;
            }
            if (act != null && (int) act[i] != Activity.RUNNING.ordinal()) {
                continue;
            }
            int b = (int) Math.min(bins - 1, Math.floor((x[i] - lo) / (hi - lo) * bins));
            sum[b] += y[i];
            xs[b] += x[i];
            cnt[b]++;
        }
        for (int b = 0; b < bins; b++) {
            if (cnt[b] > 0) {
                s.add(xs[b] / cnt[b], sum[b] / cnt[b]);
            }
        }
        return s;
    }

    private static Trace any(Map<String, Trace> rec) {
        return rec.values().iterator().next();
    }

    private static double[] scale(double[] v, double f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * f;
        }
        return out;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d)) {
                m = Math.max(m, d);
            }
        }
        return m;
    }

    private static String trimNum(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
