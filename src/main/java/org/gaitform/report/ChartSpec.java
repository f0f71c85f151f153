package org.gaitform.report;

import java.util.Objects;
import org.jfree.chart.JFreeChart;

/**
 * A chart of the report with its file name and its size on the page.
 *
 * @param name     file stem of the PNG ({@code charts/<name>.png})
 * @param caption  one sentence under the chart saying how to read it
 * @param chart    the drawing
 * @param widthPt  width on the page (points)
 * @param heightPt height on the page (points)
 */
public record ChartSpec(String name, String caption, JFreeChart chart, float widthPt, float heightPt) {
    public ChartSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(chart, "chart");
    }
}
