package org.gaitform.report;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look of all charts: DejaVu Sans, white background, light grid, legend at the bottom. Series
 * colours and strokes are left as each chart set them.
 */
public final class ChartStyle {
    private ChartStyle() {
    }

    /** Applies the house style to a chart with an XY plot. */
    public static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(Fonts.bold(10f));
            chart.getTitle().setPaint(Palette.INK);
        }
        if (chart.getPlot() instanceof XYPlot p) {
            p.setBackgroundPaint(Color.WHITE);
            p.setOutlineVisible(false);
            p.setAxisOffset(RectangleInsets.ZERO_INSETS);
            p.setDomainGridlinesVisible(true);
            p.setRangeGridlinesVisible(true);
            p.setDomainGridlinePaint(Palette.GRID);
            p.setRangeGridlinePaint(Palette.GRID);
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                styleAxis(p.getRangeAxis(i));
            }
            styleAxis(p.getDomainAxis());
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
            legend.setItemFont(Fonts.regular(7.5f));
            legend.setItemPaint(Palette.INK);
            legend.setBackgroundPaint(Color.WHITE);
        }
        return chart;
    }

    private static void styleAxis(ValueAxis a) {
        if (a == null) {
            return;
        }
        a.setLabelFont(Fonts.regular(8f));
        a.setLabelPaint(Palette.INK);
        a.setTickLabelFont(Fonts.regular(7f));
        a.setTickLabelPaint(Palette.INK);
        a.setAxisLinePaint(Palette.MUTED);
        a.setTickMarkPaint(Palette.MUTED);
    }
}
