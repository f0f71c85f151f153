package org.gaitform.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.model.Activity;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.model.Trace;
import org.gaitform.quality.QualityChecks;
import org.gaitform.signal.Stats;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The charts of the session report. */
public final class Charts {
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 210);

    /** Width of a full-width chart on an A4 page (points). */
    public static final float FULL_WIDTH = 515f;

    private Charts() {
    }

    /** The charts that apply to a session, in report order. */
    public static List<ChartSpec> forSession(SessionResult r) {
        return forSession(r, GuidelineTable.builtIn());
    }

    /** The charts of a session, with the limits of {@code table}'s recommendations where a chart draws them. */
    public static List<ChartSpec> forSession(SessionResult r, GuidelineTable table) {
        List<ChartSpec> out = new ArrayList<>();
        if (r.traces().stream().anyMatch(t -> !t.name().startsWith(PoseCharts.SERIES_PREFIX))) {
            out.add(signalExcerpt(r));
        }
        List<Step> run = running(r);
        // contact times that the session does not report (a frontal view: its steps keep the contacts as found, too
        // uncertain in duration to report) are not drawn either
        boolean contacts = Double.isFinite(r.metric("contact_ms"));
        if (contacts && run.stream().filter(s -> Double.isFinite(s.contactMs())).count() >= 2) {
            out.add(contactTime(r, run));
        }
        if (run.stream().filter(s -> s.stepTimeS() > 0).count() >= 2) {
            out.add(cadence(r, run));
        }
        if (contacts && run.stream().filter(s -> Double.isFinite(s.contactMs())).count() >= 8) {
            out.add(SessionCharts.distributions(run));
        }
        if (contacts) {
            SessionCharts.leftRight(r, run).ifPresent(out::add);
        }
        SessionCharts.formOverTime(run, contacts).ifPresent(out::add);
        out.addAll(PoseCharts.forSession(r, table));
        return out;
    }

    private static List<Step> running(SessionResult r) {
        return r.steps().stream().filter(s -> s.activity() == Activity.RUNNING).toList();
    }

    /** The signal around a few steps with initial contacts and toe-offs marked. */
    public static ChartSpec signalExcerpt(SessionResult r) {
        XYSeriesCollection data = new XYSeriesCollection();
        double t0 = Double.POSITIVE_INFINITY;
        double t1 = Double.NEGATIVE_INFINITY;
        List<Trace> traces = r.traces().stream().filter(t -> !t.name().startsWith(PoseCharts.SERIES_PREFIX)).toList();
        for (Trace tr : traces) {
            XYSeries s = new XYSeries(tr.name() + " (" + tr.unit() + ")", false, true);
            double[] t = tr.timeS();
            double[] v = tr.values();
            for (int i = 0; i < t.length; i++) {
                s.add(t[i], v[i]);
            }
            t0 = Math.min(t0, t[0]);
            t1 = Math.max(t1, t[t.length - 1]);
            data.addSeries(s);
        }
        NumberAxis x = new NumberAxis("time (s)");
        x.setAutoRangeIncludesZero(false);
        x.setRange(t0, t1);
        NumberAxis y = new NumberAxis(traces.get(0).unit().equals("g") ? "acceleration (g)"
                : traces.get(0).name().endsWith("foot height") ? "foot height (" + traces.get(0).unit() + ")"
                : traces.get(0).unit());
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(true, false);
        Color[] colours = {Palette.BLUE, Palette.ORANGE, Palette.GREEN};
        java.awt.Stroke[] strokes = {Palette.SOLID, Palette.DASHED, Palette.DOTTED};
        for (int i = 0; i < data.getSeriesCount(); i++) {
            rend.setSeriesPaint(i, colours[i % colours.length]);
            rend.setSeriesStroke(i, strokes[i % strokes.length]);
        }
        XYPlot plot = new XYPlot(data, x, y, rend);
        for (Step s : r.steps()) {
            if (s.icS() > t1 || s.toS() < t0) {
                continue;
            }
            if (!Double.isNaN(s.toS())) {
                IntervalMarker stance = new IntervalMarker(s.icS(), s.toS(), Palette.STANCE);
                plot.addDomainMarker(stance, Layer.BACKGROUND);
            }
            ValueMarker ic = new ValueMarker(s.icS(), Palette.INK, new BasicStroke(1.0f));
            ic.setLabel(s.side() == Side.LEFT ? "L" : s.side() == Side.RIGHT ? "R" : "IC");
            ic.setLabelFont(Fonts.regular(6.5f));
            ic.setLabelBackgroundColor(LABEL_BACKGROUND);
            ic.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            ic.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(ic, Layer.FOREGROUND);
            if (!Double.isNaN(s.toS())) {
                ValueMarker to = new ValueMarker(s.toS(), Palette.MUTED, Palette.DASHED);
                plot.addDomainMarker(to, Layer.FOREGROUND);
            }
        }
        JFreeChart chart = new JFreeChart("Signal with detected events", Fonts.bold(10f), plot, true);
        ChartStyle.apply(chart);
        boolean pelvisTimed = r.decisions().stream().anyMatch(d -> d.key().equals(QualityChecks.PELVIS_TIMING));
        boolean pelvisTracked = r.decisions().stream().anyMatch(d -> d.key().equals(QualityChecks.PELVIS_TRACKING));
        return new ChartSpec("signal_events", "Grey bands: ground contact, from initial contact (solid line, "
                + "labelled with the foot when known) to toe-off (dashed line)." + (pelvisTimed ? " The initial "
                + "contacts come from the pelvis's descent: on a treadmill filmed from behind or ahead the belt carries "
                + "the planted foot down or up the picture, so its image height keeps changing after landing." : "")
                + (pelvisTracked ? " The steps are tracked on the pelvis's bounce, one landing per step, and the lower "
                + "foot after each landing names its side: seen from behind or ahead, a distant foot at rest and one "
                + "moving slowly look alike under the keypoints' jitter." : ""),
                chart, FULL_WIDTH, 210f);
    }

    /** Contact time of every running step over time, left and right apart, with the mean. */
    public static ChartSpec contactTime(SessionResult r, List<Step> run) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries left = new XYSeries("left foot", false, true);
        XYSeries right = new XYSeries("right foot", false, true);
        XYSeries unknown = new XYSeries("foot not known", false, true);
        for (Step s : run) {
            if (Double.isNaN(s.contactMs())) {
                continue;
            }
            (s.side() == Side.LEFT ? left : s.side() == Side.RIGHT ? right : unknown).add(s.icS(), s.contactMs());
        }
        List<Color> colours = new ArrayList<>();
        List<java.awt.Shape> shapes = new ArrayList<>();
        if (left.getItemCount() > 0) {
            data.addSeries(left);
            colours.add(Palette.LEFT);
            shapes.add(new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        if (right.getItemCount() > 0) {
            data.addSeries(right);
            colours.add(Palette.RIGHT);
            shapes.add(new Rectangle2D.Double(-2.5, -2.5, 5, 5));
        }
        if (unknown.getItemCount() > 0) {
            data.addSeries(unknown);
            colours.add(Palette.UNKNOWN_SIDE);
            shapes.add(new Ellipse2D.Double(-2, -2, 4, 4));
        }
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < colours.size(); i++) {
            rend.setSeriesPaint(i, colours.get(i));
            rend.setSeriesShape(i, shapes.get(i));
        }
        NumberAxis x = new NumberAxis("time (s)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("contact time (ms)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, rend);
        double mean = r.metric("contact_ms");
        if (Double.isFinite(mean)) {
            ValueMarker m = new ValueMarker(mean, Palette.INK, Palette.DASHED);
            m.setLabel(String.format(java.util.Locale.ROOT, "mean %.0f ms", mean));
            m.setLabelFont(Fonts.regular(7f));
            m.setLabelBackgroundColor(LABEL_BACKGROUND);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(m);
        }
        JFreeChart chart = new JFreeChart("Ground-contact time per step", Fonts.bold(10f), plot, true);
        ChartStyle.apply(chart);
        return new ChartSpec("contact_time", "Each mark is one step; the dashed line is the session mean.", chart,
                FULL_WIDTH, 190f);
    }

    /** Cadence of every running step (60 / step time) over time, with the 160 steps/min reference. */
    public static ChartSpec cadence(SessionResult r, List<Step> run) {
        XYSeries s = new XYSeries("step cadence", false, true);
        for (Step st : run) {
            if (st.stepTimeS() > 0) {
                s.add(st.icS(), 60.0 / st.stepTimeS());
            }
        }
        XYSeries smooth = new XYSeries("10-step mean", false, true);
        double[] c = new double[s.getItemCount()];
        for (int i = 0; i < c.length; i++) {
            c[i] = s.getY(i).doubleValue();
        }
        for (int i = 0; i < c.length; i++) {
            int a = Math.max(0, i - 5);
            int b = Math.min(c.length, i + 5);
            smooth.add(s.getX(i).doubleValue(), Stats.mean(c, a, b));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(s);
        data.addSeries(smooth);
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer();
        rend.setSeriesLinesVisible(0, false);
        rend.setSeriesShapesVisible(0, true);
        rend.setSeriesShape(0, new Ellipse2D.Double(-2, -2, 4, 4));
        rend.setSeriesPaint(0, Palette.SKY);
        rend.setSeriesLinesVisible(1, true);
        rend.setSeriesShapesVisible(1, false);
        rend.setSeriesPaint(1, Palette.BLUE);
        rend.setSeriesStroke(1, new BasicStroke(1.6f));
        NumberAxis x = new NumberAxis("time (s)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("cadence (steps/min)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, rend);
        ValueMarker ref = new ValueMarker(160, Palette.VERMILLION, Palette.DASHED);
        ref.setLabel("160 steps/min");
        ref.setLabelFont(Fonts.regular(7f));
        ref.setLabelPaint(Palette.VERMILLION);
        ref.setLabelBackgroundColor(LABEL_BACKGROUND);
        ref.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        ref.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addRangeMarker(ref);
        double lo = Math.min(150, Stats.min(c) - 5);
        double hi = Math.max(170, Stats.max(c) + 5);
        y.setRange(lo, hi);
        JFreeChart chart = new JFreeChart("Cadence per step", Fonts.bold(10f), plot, true);
        ChartStyle.apply(chart);
        return new ChartSpec("cadence", "Dots: 60 / time to the next step; line: 10-step mean. Dashed: 160 steps/min, "
                + "below which the articles advise raising cadence by 5–10 %.", chart, FULL_WIDTH, 190f);
    }
}
