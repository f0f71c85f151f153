package org.gaitform.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gaitform.model.TrainingWeek;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts of the runner's report: the weekly load (distance bars, flagged weeks in vermillion and marked "!";
 * speed and elevation gain under them) and the trends of the form values week by week.
 */
public final class RunnerCharts {
    private static final long WEEK_MS = 7L * 24 * 3600 * 1000;

    private RunnerCharts() {
    }

    /** The charts, in report order. */
    public static List<ChartSpec> forWeeks(List<TrainingWeek> weeks) {
        List<ChartSpec> out = new ArrayList<>();
        out.add(load(weeks));
        ChartSpec trends = trends(weeks);
        if (trends != null) {
            out.add(trends);
        }
        return out;
    }

    /**
     * The charts of a history: the weekly load, and the form trends month by month when the history covers more than
     * six months (weekly points would be too many to read), else week by week.
     */
    public static List<ChartSpec> forHistory(List<TrainingWeek> weeks, List<org.gaitform.model.TrainingMonth> months) {
        if (months.size() <= 6) {
            return forWeeks(weeks);
        }
        List<ChartSpec> out = new ArrayList<>();
        out.add(load(weeks));
        ChartSpec trends = monthlyTrends(months);
        if (trends != null) {
            out.add(trends);
        }
        return out;
    }

    /** The form values of the trend charts (weekly and monthly): key and panel label. */
    private static final String[][] FORM_PANELS = {
        {"cadence_spm", "cadence (steps/min)"},
        {"contact_ms", "contact (ms)"},
        {"vertical_oscillation_cm", "vert. osc. (cm)"},
        {"vertical_ratio_pct", "vert. ratio (%)"},
        {"contact_balance_left_pct", "balance (% left)"},
        {"step_length_m", "step length (m)"},
    };

    private static ChartSpec monthlyTrends(List<org.gaitform.model.TrainingMonth> months) {
        return formTrends(dateDomain("month", "MMM yy"), sp -> {
            XYSeries series = new XYSeries(sp[1], false, true);
            for (org.gaitform.model.TrainingMonth m : months) {
                double v = m.form().getOrDefault(sp[0], Double.NaN);
                if (m.runs() > 0 && Double.isFinite(v)) {
                    series.add(m.month().atDay(15).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli(), v);
                }
            }
            return series;
        }, 4, "Running form month by month", "form_trends_monthly",
                "Each point is a month's value, averaged over its running time; months without running have no point.");
    }

    /** A shared time axis for stacked panels. */
    private static CombinedDomainXYPlot dateDomain(String label, String pattern) {
        DateAxis domain = new DateAxis(label);
        domain.setDateFormatOverride(new java.text.SimpleDateFormat(pattern, java.util.Locale.ENGLISH));
        domain.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(domain);
        plot.setGap(8);
        return plot;
    }

    private static double x(TrainingWeek w) {
        return w.monday().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static ChartSpec load(List<TrainingWeek> weeks) {
        CombinedDomainXYPlot plot = dateDomain("week", "d MMM yy");
        XYIntervalSeries dist = new XYIntervalSeries("distance (km)");
        double max = 0;
        for (TrainingWeek w : weeks) {
            double a = x(w) + WEEK_MS * 0.1;
            double b = x(w) + WEEK_MS * 0.9;
            double km = w.distanceM() / 1000;
            dist.add(x(w) + WEEK_MS / 2.0, a, b, km, 0, km);
            max = Math.max(max, km);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(dist);
        XYBarRenderer bars = new XYBarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int series, int item) {
                return weeks.get(item).flagged() ? Palette.VERMILLION : Palette.BLUE;
            }
        };
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        NumberAxis y = new NumberAxis("distance (km)");
        y.setRange(0, Math.max(1, max * 1.25));
        XYPlot top = new XYPlot(data, null, y, bars);
        for (TrainingWeek w : weeks) {
            if (w.flagged()) {
                XYTextAnnotation a = new XYTextAnnotation("!", x(w) + WEEK_MS / 2.0, w.distanceM() / 1000 + max * 0.04);
                a.setFont(Fonts.bold(9f));
                a.setPaint(Palette.VERMILLION);
                a.setTextAnchor(TextAnchor.BOTTOM_CENTER);
                top.addAnnotation(a);
            }
        }
        WatchCharts.style(top);
        plot.add(top, 3);
        XYPlot speed = line(weeks, "speed (km/h)", "speed_kmh", w -> w.speedMps() * 3.6, Palette.GREEN);
        if (speed != null) {
            plot.add(speed, 2);
        }
        XYPlot elev = line(weeks, "elevation gain (m)", "elevation_gain_m", TrainingWeek::elevationGainM, Palette.ORANGE);
        if (elev != null) {
            plot.add(elev, 2);
        }
        JFreeChart chart = new JFreeChart("Weekly training load", Fonts.bold(10f), plot, false);
        ChartStyle.apply(chart);
        return new ChartSpec("weekly_load", "Bars: distance per week; vermillion bars marked ! are weeks that raised "
                + "distance or speed by more than 10 %, or changed more than one of distance, speed and elevation at "
                + "once. Lines: mean speed and elevation gain per week.", chart, Charts.FULL_WIDTH, 300f);
    }

    private static ChartSpec trends(List<TrainingWeek> weeks) {
        return formTrends(dateDomain("week", "d MMM yy"), sp -> weekSeries(weeks, sp[1],
                w -> w.form().getOrDefault(sp[0], Double.NaN)), 5, "Running form week by week", "form_trends",
                "Each point is a week's value, averaged over its running time. Weeks without running have no point.");
    }

    /**
     * One panel per form value ({@link #FORM_PANELS}) that has points, stacked on {@code plot}; cadence with the
     * 160 steps/min reference in view.
     *
     * @param seriesOf the points of a form value ({key, label})
     * @param markerPx the points' diameter
     */
    private static ChartSpec formTrends(CombinedDomainXYPlot plot,
                                        java.util.function.Function<String[], XYSeries> seriesOf, double markerPx, String title, String name, String caption) {
        int panels = 0;
        boolean reference = false;
        for (String[] sp : FORM_PANELS) {
            XYPlot p = linePlot(seriesOf.apply(sp), sp[0], Palette.BLUE, markerPx);
            if (p == null) {
                continue;
            }
            if (sp[0].equals("cadence_spm")) {
                NumberAxis y = (NumberAxis) p.getRangeAxis();
                double[] range = {Math.min(y.getLowerBound(), 155), Math.max(y.getUpperBound(), 165)};
                y.setRange(range[0], range[1]);
                XYSeries data = ((XYSeriesCollection) p.getDataset()).getSeries(0);
                p.addRangeMarker(WatchCharts.reference(160, "160 steps/min", data, range));
                reference = true;
            }
            plot.add(p, 1);
            panels++;
        }
        return formPanels(plot, panels, reference, title, name, caption);
    }

    /** The stacked form panels as a chart, or {@code null} without any; the caption ends with the axes' note. */
    private static ChartSpec formPanels(CombinedDomainXYPlot plot, int panels, boolean reference, String title,
                                        String name, String caption) {
        if (panels == 0) {
            return null;
        }
        JFreeChart chart = new JFreeChart(title, Fonts.bold(10f), plot, false);
        ChartStyle.apply(chart);
        return new ChartSpec(name, caption + " Each axis spans at least a range in which a real change shows ("
                + WatchCharts.SPAN_NOTE + ")." + (reference ? " Dashed: 160 steps/min." : ""), chart, Charts.FULL_WIDTH,
                Math.max(150f, 80f * panels + 40f));
    }

    private static XYPlot line(List<TrainingWeek> weeks, String label, String key,
                               java.util.function.ToDoubleFunction<TrainingWeek> f, Color colour) {
        return linePlot(weekSeries(weeks, label, f), key, colour, 5);
    }

    /** A week's value at the middle of each week with running. */
    private static XYSeries weekSeries(List<TrainingWeek> weeks, String label,
                                       java.util.function.ToDoubleFunction<TrainingWeek> f) {
        XYSeries s = new XYSeries(label, false, true);
        for (TrainingWeek w : weeks) {
            double v = f.applyAsDouble(w);
            if (w.runs() > 0 && Double.isFinite(v)) {
                s.add(x(w) + WEEK_MS / 2.0, v);
            }
        }
        return s;
    }

    /** A line with points of one series, its axis spanning at least a telling range; {@code null} without points. */
    private static XYPlot linePlot(XYSeries s, String key, Color colour, double markerPx) {
        if (s.getItemCount() == 0) {
            return null;
        }
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(true, true);
        rend.setSeriesPaint(0, colour);
        rend.setSeriesStroke(0, new BasicStroke(1.2f));
        rend.setSeriesShape(0, new Ellipse2D.Double(-markerPx / 2, -markerPx / 2, markerPx, markerPx));
        NumberAxis y = new NumberAxis((String) s.getKey());
        y.setAutoRangeIncludesZero(false);
        double[] range = WatchCharts.range(key, s.getMinY(), s.getMaxY());
        y.setRange(range[0], range[1]);
        XYPlot p = new XYPlot(new XYSeriesCollection(s), null, y, rend);
        WatchCharts.style(p);
        return p;
    }
}
