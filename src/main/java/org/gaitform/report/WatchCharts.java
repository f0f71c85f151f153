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
        if (rec.containsKey("cadence_spm") || rec.containsKey("contact_ms") || rec.containsKey("power_w")
                || rec.containsKey("heart_rate_bpm")) {
            out.add(formAlongRun(r, rec));
        }
        Map<String, Trace> sp = WatchTraces.series(r.traces(), WatchTraces.SPLIT);
        if (!sp.isEmpty()) {
            ChartSpec c = splits(r, rec, sp);
            if (c != null) {
                out.add(c);
            }
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
            {"power_w", "power (W)"},
            {"heart_rate_bpm", "heart rate (bpm)"},
        };
        List<String> drawn = new ArrayList<>();
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
            double[] range = range(s[0], series.getMinY(), series.getMaxY());
            if (s[0].equals("cadence_spm")) {
                range = new double[] {Math.min(range[0], 150), Math.max(range[1], 170)};
                sub.addRangeMarker(reference(160, "160 steps/min", series, range));
                drawn.add("dashed: 160 steps/min, below which the articles advise raising cadence");
            } else if (s[0].equals("contact_balance_left_pct")) {
                range = new double[] {Math.min(range[0], 47), Math.max(range[1], 53)};
                sub.addRangeMarker(new IntervalMarker(49.2, 50.7, new Color(0xE3, 0xF2, 0xEA)), Layer.BACKGROUND);
                sub.addRangeMarker(reference(50, "50 %", series, range));
                drawn.add("green band: balanced contact time (49.2–50.7 % left)");
            }
            y.setRange(range[0], range[1]);
            style(sub);
            plot.add(sub, 1);
            panels++;
        }
        JFreeChart chart = new JFreeChart("Form along the run", Fonts.bold(10f), plot, false);
        ChartStyle.apply(chart);
        return new ChartSpec("form_along_run", "Each line is the device's value averaged over " + BINS + " stretches of "
                + "the run (running only); each axis spans at least a range in which a real change shows (" + SPAN_NOTE
                + "), so that a 1 % wobble does not look large." + (drawn.isEmpty() ? "" : " " + capital(String.join("; ",
                drawn)) + "."), chart, Charts.FULL_WIDTH, Math.max(150f, 95f * panels + 40f));
    }

    /** What {@link #range} keeps at least, in words. */
    static final String SPAN_NOTE = "cadence 30 steps/min, contact time 60 ms, oscillation 3 cm, ratio 3 %, balance 6 %, "
            + "step length 0.3 m, power 100 W, heart rate 30 bpm";

    /**
     * An axis range for values from {@code lo} to {@code hi} that spans at least a meaningful width for the quantity
     * (a real change of form, not a wobble), centred on the data, with a little room around it.
     */
    static double[] range(String key, double lo, double hi) {
        double min = switch (key) {
            case "cadence_spm" -> 30;
            case "contact_ms" -> 60;
            case "vertical_oscillation_cm" -> 3;
            case "vertical_ratio_pct" -> 3;
            case "contact_balance_left_pct" -> 6;
            case "step_length_m" -> 0.3;
            case "power_w" -> 100;
            case "heart_rate_bpm" -> 30;
            case "speed_kmh" -> 3;
            case "impact_g" -> 4;
            case "altitude_m" -> 30;
            case "elevation_gain_m" -> 50;
            default -> 0;
        };
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return new double[] {0, 1};
        }
        double pad = Math.max((hi - lo) * 0.1, 1e-6);
        double a = lo - pad;
        double b = hi + pad;
        if (b - a < min) {
            double mid = (lo + hi) / 2;
            a = mid - min / 2;
            b = mid + min / 2;
        }
        if (lo >= 0 && a < 0 && !key.equals("altitude_m")) {
            b -= a;
            a = 0;
        }
        return new double[] {a, b};
    }

    private static String capital(String t) {
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
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
                double[] range = range("altitude_m", profile.getMinY(), profile.getMaxY());
                y.setRange(range[0], range[1]);
                style(sub);
                plot.add(sub, 1);
            }
        }
        boolean cadence = any(sp.get("cadence_spm").values());
        boolean step = any(sp.get("step_length_m").values());
        if (cadence) {
            plot.add(splitMarks(sp.get("cadence_spm").values(), start, end, terrain, "cadence (steps/min)", "cadence_spm",
                    160), 2);
        }
        if (step) {
            plot.add(splitMarks(sp.get("step_length_m").values(), start, end, terrain, "step length (m)", "step_length_m",
                    Double.NaN), 2);
        }
        if (plot.getSubplots().isEmpty()) {
            return null;
        }
        JFreeChart chart = new JFreeChart("Kilometre splits", Fonts.bold(10f), plot, false);
        ChartStyle.apply(chart);
        String caption = cadence || step ? "One mark per kilometre, as wide as the kilometre, lettered and coloured by "
                + "grade — D downhill (blue), F flat (green), U uphill (orange); the axes span at least 30 steps/min and "
                + "0.3 m. Keep the stride rate downhill: a downhill mark lower in cadence and higher in step length than "
                + "the flat ones is over-striding." + (cadence ? " Dashed: 160 steps/min." : "")
                : "The elevation profile along the run. The export has no cadence, so there are no cadence or step-length "
                + "panels.";
        return new ChartSpec("splits", caption, chart, Charts.FULL_WIDTH, cadence || step ? 300f : 140f);
    }

    private static boolean any(double[] v) {
        for (double x : v) {
            if (Double.isFinite(x)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One horizontal mark per split at its value, as wide as the split, coloured and lettered by terrain. Marks, not
     * bars: a bar's height is read from zero, and an axis that does not start at zero would make a 1 % difference
     * look large; marks are read against the axis, which spans at least a meaningful range ({@link #range}).
     */
    private static XYPlot splitMarks(double[] values, double[] start, double[] end, double[] terrain, String label,
                                     String key, double reference) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(true, false);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                continue;
            }
            double a = start[i] / 1000;
            double b = end[i] / 1000;
            XYSeries s = new XYSeries(label + " " + i, false, true);
            s.add(a + 0.04 * (b - a), values[i]);
            s.add(b - 0.04 * (b - a), values[i]);
            data.addSeries(s);
            rend.setSeriesPaint(k, terrainColour(terrain[i]));
            rend.setSeriesStroke(k, new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            k++;
            lo = Math.min(lo, values[i]);
            hi = Math.max(hi, values[i]);
        }
        NumberAxis y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(false);
        double[] range = range(key, lo, hi);
        if (!Double.isNaN(reference)) {
            range = new double[] {Math.min(range[0], reference - 5), Math.max(range[1], reference + 5)};
        }
        y.setRange(range[0], range[1]);
        XYPlot sub = new XYPlot(data, null, y, rend);
        double span = range[1] - range[0];
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                continue;
            }
            XYTextAnnotation a = new XYTextAnnotation(terrainLetter(terrain[i]), (start[i] + end[i]) / 2000,
                    values[i] + span * 0.05);
            a.setFont(Fonts.bold(7f));
            a.setPaint(terrainColour(terrain[i]));
            a.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            sub.addAnnotation(a);
        }
        if (!Double.isNaN(reference)) {
            XYSeries all = new XYSeries("all", false, true);
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    all.add((start[i] + end[i]) / 2000, values[i]);
                }
            }
            sub.addRangeMarker(reference(reference, trimNum(reference) + " steps/min", all, range));
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

    /**
     * A dashed reference line with its label on the side of the line where the data are not (near the right end,
     * where the label sits), so that the label never hides under the data line, and a box behind the label.
     */
    static ValueMarker reference(double value, String label, XYSeries data, double[] range) {
        ValueMarker m = new ValueMarker(value, Palette.VERMILLION, Palette.DASHED);
        m.setLabel(label);
        m.setLabelFont(Fonts.regular(6.5f));
        m.setLabelPaint(Palette.VERMILLION);
        m.setLabelBackgroundColor(LABEL_BACKGROUND);
        boolean above = labelAbove(value, data, range);
        m.setLabelAnchor(above ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.BOTTOM_RIGHT);
        m.setLabelTextAnchor(above ? TextAnchor.BOTTOM_RIGHT : TextAnchor.TOP_RIGHT);
        return m;
    }

    /**
     * True when the label goes above the line: fewer of the data in the right quarter of the chart (where the label
     * is) lie just above the line than just below it, and there is room above.
     */
    static boolean labelAbove(double value, XYSeries data, double[] range) {
        int n = data == null ? 0 : data.getItemCount();
        if (n == 0) {
            return true;
        }
        double x0 = data.getX(0).doubleValue();
        double x1 = data.getX(n - 1).doubleValue();
        double from = x0 + 0.7 * (x1 - x0);
        double band = (range[1] - range[0]) * 0.15;
        int above = 0;
        int below = 0;
        for (int i = 0; i < n; i++) {
            double x = data.getX(i).doubleValue();
            double y = data.getY(i).doubleValue();
            if (x < from) {
                continue;
            }
            if (y >= value && y <= value + band) {
                above++;
            } else if (y < value && y >= value - band) {
                below++;
            }
        }
        boolean roomAbove = range[1] - value > band * 0.6;
        boolean roomBelow = value - range[0] > band * 0.6;
        if (!roomAbove) {
            return false;
        }
        if (!roomBelow) {
            return true;
        }
        return above <= below;
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
