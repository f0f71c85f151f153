package org.gaitform.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.metrics.FormOverTime;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.signal.Stats;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Further session charts: distributions, left vs right, form over time. */
final class SessionCharts {
    /** Per-step indicators shown over time when present, with their axis labels. */
    static final Map<String, String> OVER_TIME = new LinkedHashMap<>();

    static {
        OVER_TIME.put("cadence_spm", "cadence (steps/min)");
        OVER_TIME.put("contact_ms", "contact (ms)");
        OVER_TIME.put("trunk_lean_deg", "trunk lean (°)");
        OVER_TIME.put("overstride_pct_leg", "overstride (% leg)");
        OVER_TIME.put("overstride_cm", "overstride (cm)");
        OVER_TIME.put("vertical_oscillation_cm", "vert. osc. (cm)");
    }

    private SessionCharts() {
    }

    /** Histograms of contact time by foot. */
    static ChartSpec distributions(List<Step> run) {
        HistogramDataset data = new HistogramDataset();
        double[] all = run.stream().mapToDouble(Step::contactMs).filter(Double::isFinite).toArray();
        double lo = Math.floor(Stats.min(all) / 5) * 5;
        double hi = Math.ceil(Stats.max(all) / 5) * 5 + 5;
        int bins = (int) Math.max(4, Math.min(40, (hi - lo) / 5));
        List<Color> colours = new ArrayList<>();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT, Side.UNKNOWN}) {
            double[] v = run.stream().filter(s -> s.side() == side).mapToDouble(Step::contactMs)
                    .filter(Double::isFinite).toArray();
            if (v.length > 0) {
                data.addSeries(side == Side.UNKNOWN ? "foot not known" : side.label() + " foot", v, bins, lo, hi);
                colours.add(side == Side.LEFT ? Palette.LEFT : side == Side.RIGHT ? Palette.RIGHT : Palette.UNKNOWN_SIDE);
            }
        }
        XYBarRenderer rend = new XYBarRenderer(0.1);
        rend.setBarPainter(new StandardXYBarPainter());
        rend.setShadowVisible(false);
        for (int i = 0; i < colours.size(); i++) {
            Color c = colours.get(i);
            rend.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
            rend.setSeriesOutlinePaint(i, c.darker());
        }
        rend.setDrawBarOutline(true);
        NumberAxis x = new NumberAxis("contact time (ms)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("steps");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, x, y, rend);
        JFreeChart chart = new JFreeChart("Distribution of contact times", Fonts.bold(10f), plot, true);
        ChartStyle.apply(chart);
        return new ChartSpec("contact_distribution", String.format(Locale.ROOT,
                "How many steps had each contact time (5 ms bins). Median %.0f ms, middle half %.0f–%.0f ms.",
                Stats.median(all), Stats.percentile(all, 25), Stats.percentile(all, 75)), chart, Charts.FULL_WIDTH, 170f);
    }

    /** Left and right means with standard deviations, when both sides are known. */
    static Optional<ChartSpec> leftRight(SessionResult r, List<Step> run) {
        List<Step> left = run.stream().filter(s -> s.side() == Side.LEFT).toList();
        List<Step> right = run.stream().filter(s -> s.side() == Side.RIGHT).toList();
        if (left.size() < 3 || right.size() < 3) {
            return Optional.empty();
        }
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        add(data, left, "left foot", "contact (ms)", Step::contactMs);
        add(data, right, "right foot", "contact (ms)", Step::contactMs);
        add(data, left, "left foot", "flight after (ms)", Step::flightMs);
        add(data, right, "right foot", "flight after (ms)", Step::flightMs);
        add(data, left, "left foot", "step time (ms)", s -> s.stepTimeS() * 1000);
        add(data, right, "right foot", "step time (ms)", s -> s.stepTimeS() * 1000);
        StatisticalBarRenderer rend = new StatisticalBarRenderer();
        rend.setSeriesPaint(0, Palette.LEFT);
        rend.setSeriesPaint(1, Palette.RIGHT);
        rend.setErrorIndicatorPaint(Palette.INK);
        rend.setShadowVisible(false);
        rend.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        rend.setItemMargin(0.05);
        rend.setDrawBarOutline(true);
        rend.setSeriesOutlinePaint(0, Palette.INK);
        rend.setSeriesOutlinePaint(1, Palette.INK);
        CategoryAxis x = new CategoryAxis(null);
        x.setTickLabelFont(Fonts.regular(7.5f));
        NumberAxis y = new NumberAxis("ms (mean ± SD)");
        CategoryPlot plot = new CategoryPlot(data, x, y, rend);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setOutlineVisible(false);
        y.setLabelFont(Fonts.regular(8f));
        y.setTickLabelFont(Fonts.regular(7f));
        JFreeChart chart = new JFreeChart("Left and right", Fonts.bold(10f), plot, true);
        ChartStyle.apply(chart);
        // hatch-free black-and-white reading: the legend and the category order carry the sides too
        double share = r.metric("contact_balance_left_pct");
        return Optional.of(new ChartSpec("left_right", String.format(Locale.ROOT,
                "Bars: means; whiskers: one standard deviation. Left share of contact time %.1f %% (50 %% is even; "
                        + "Garmin's bands call 49.2–50.7 %% good).", share), chart, Charts.FULL_WIDTH, 170f));
    }

    private static void add(DefaultStatisticalCategoryDataset d, List<Step> steps, String side, String what,
                            java.util.function.ToDoubleFunction<Step> f) {
        double[] v = steps.stream().mapToDouble(f).filter(Double::isFinite).toArray();
        d.add(Stats.mean(v), Stats.sd(v), side, what);
    }

    /**
     * Window means of cadence, contact time and the per-step indicators over the run; without the contact time when
     * the session does not report it ({@code contacts} false).
     */
    static Optional<ChartSpec> formOverTime(List<Step> run, boolean contacts) {
        FormOverTime.Result f = FormOverTime.of(run);
        if (f.windows().size() < 3) {
            return Optional.empty();
        }
        NumberAxis time = new NumberAxis(f.windowS() >= 60 ? "minute of the run" : "time into the run (s)");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(6);
        double t0 = f.windows().get(0).startS();
        double scale = f.windowS() >= 60 ? 60 : 1;
        Color[] colours = {Palette.BLUE, Palette.VERMILLION, Palette.GREEN, Palette.PURPLE, Palette.ORANGE, Palette.SKY};
        int k = 0;
        for (Map.Entry<String, String> e : OVER_TIME.entrySet()) {
            if (!contacts && e.getKey().equals("contact_ms")) {
                continue;
            }
            XYSeries s = new XYSeries(e.getValue());
            for (FormOverTime.Window w : f.windows()) {
                Double v = w.means().get(e.getKey());
                if (v != null && Double.isFinite(v)) {
                    s.add(((w.startS() + w.endS()) / 2 - t0) / scale, v);
                }
            }
            if (s.getItemCount() < 3) {
                continue;
            }
            XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(true, true);
            rend.setSeriesPaint(0, colours[k % colours.length]);
            rend.setSeriesStroke(0, new BasicStroke(1.4f));
            rend.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
            NumberAxis y = new NumberAxis(e.getValue());
            y.setAutoRangeIncludesZero(false);
            y.setLabelFont(Fonts.regular(7f));
            y.setTickLabelFont(Fonts.regular(6.5f));
            XYPlot p = new XYPlot(new XYSeriesCollection(s), null, y, rend);
            p.setBackgroundPaint(Color.WHITE);
            p.setDomainGridlinePaint(Palette.GRID);
            p.setRangeGridlinePaint(Palette.GRID);
            p.setOutlineVisible(false);
            combined.add(p, 1);
            k++;
        }
        if (k == 0) {
            return Optional.empty();
        }
        JFreeChart chart = new JFreeChart("Form over the run", Fonts.bold(10f), combined, false);
        ChartStyle.apply(chart);
        String caption = String.format(Locale.ROOT, "Means over consecutive %s of running.", f.windowS() >= 60
                ? "minutes" : String.format(Locale.ROOT, "%.0f s windows", f.windowS()))
                + (f.notes().isEmpty() ? " No lasting drift from the first third of the run." : " " + f.notes().get(0));
        return Optional.of(new ChartSpec("form_over_time", caption, chart, Charts.FULL_WIDTH, 70f + 70f * k));
    }
}
