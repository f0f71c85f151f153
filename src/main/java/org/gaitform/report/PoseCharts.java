package org.gaitform.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitform.guidelines.Guideline;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.model.Activity;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.model.StickFigure;
import org.gaitform.model.Trace;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts of pose and marker sessions: the runner's mean posture at initial contact (side view) with the
 * heel-to-hip distance, shank angle and trunk lean drawn on it; the mean posture at mid-stance (front view)
 * with the knee's frontal-plane projection angle; trunk lean over time; overstride per step.
 */
public final class PoseCharts {
    /** Traces whose name starts with this are time series for {@link #trunkLean}, not signal excerpts. */
    public static final String SERIES_PREFIX = "series:";

    private static final Stroke BONE = new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke BONE_OTHER = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Color OTHER = new Color(0xBB, 0xBB, 0xBB);

    private PoseCharts() {
    }

    /** The pose charts of a session (none for other inputs). */
    public static List<ChartSpec> forSession(SessionResult r) {
        return forSession(r, GuidelineTable.builtIn());
    }

    /** The pose charts of a session, with the limits of {@code table}'s recommendations where a chart draws them. */
    public static List<ChartSpec> forSession(SessionResult r, GuidelineTable table) {
        List<ChartSpec> out = new ArrayList<>();
        List<Step> run = r.steps().stream().filter(s -> s.activity() == Activity.RUNNING).toList();
        // the values per step first, then the stick figures of their means
        frontalPerStep(run, table).ifPresent(out::add);
        List<StickFigure> picture = new ArrayList<>();
        for (StickFigure f : r.figures()) {
            if (f.view().equals("picture")) {
                picture.add(f);
            } else {
                out.add(f.view().equals("sagittal") ? sagittal(r, f) : frontal(r, f));
            }
        }
        if (!picture.isEmpty()) {
            out.add(people(picture));
        }
        Trace lean = r.traces().stream().filter(t -> t.name().startsWith(SERIES_PREFIX + "trunk lean")).findFirst()
                .orElse(null);
        if (lean != null) {
            out.add(trunkLean(r, lean));
        }
        if (run.stream().anyMatch(s -> s.extras().containsKey("overstride_pct_leg"))) {
            out.add(overstride(r, run));
        }
        return out;
    }

    /** The per-step frontal-plane values drawn by {@link #frontalPerStep}: key, axis label and title. */
    private static final String[][] FRONTAL_PANELS = {{"knee_fppa_deg", "knee valgus, FPPA (°)", "Knee valgus"},
        {"pelvic_drop_deg", "pelvic drop (°)", "Pelvic drop"}};

    /**
     * Knee valgus (the frontal-plane projection angle) and pelvic drop per step, left and right apart, one panel each
     * (a panel needs 4 steps with the value), with the limits of the table's recommendation for each: dashed where
     * "worth watching" begins, dotted where "outside" begins. Frontal and 3D views; empty for the others.
     */
    static Optional<ChartSpec> frontalPerStep(List<Step> run, GuidelineTable table) {
        NumberAxis time = new NumberAxis("time (s)");
        time.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(8);
        int panels = 0;
        List<String> titles = new ArrayList<>();
        for (String[] panel : FRONTAL_PANELS) {
            XYSeriesCollection data = bySide(run, panel[0], "left foot in stance", "right foot in stance");
            XYSeries left = data.getSeries(0);
            XYSeries right = data.getSeries(1);
            if (left.getItemCount() + right.getItemCount() < 4) {
                continue;
            }
            XYLineAndShapeRenderer rend = sideMarks();
            // one legend for both panels
            rend.setSeriesVisibleInLegend(0, panels == 0);
            rend.setSeriesVisibleInLegend(1, panels == 0);
            NumberAxis y = new NumberAxis(panel[1]);
            y.setAutoRangeIncludesZero(true);
            y.setLabelFont(Fonts.regular(7.5f));
            XYPlot plot = new XYPlot(data, null, y, rend);
            table.guidelines().stream().filter(g -> g.metric().equals(panel[0]) && g.rule() == Guideline.Rule.MAX
                    && Double.isFinite(g.low())).findFirst().ifPresent(g -> {
                        plot.addRangeMarker(limit(g.low(), "worth watching above " + trim(g.low()) + "° (" + g.id()
                                + ")", Palette.DASHED));
                        if (Double.isFinite(g.watchHigh())) {
                            plot.addRangeMarker(limit(g.watchHigh(), "outside above " + trim(g.watchHigh()) + "°",
                                    Palette.DOTTED));
                        }
                        double top = Double.isFinite(g.watchHigh()) ? g.watchHigh() : g.low();
                        y.setRange(Math.min(0, min(left, right) - 1), Math.max(top, max(left, right)) + 2);
                    });
            combined.add(plot, 1);
            titles.add(panels == 0 ? panel[2] : panel[2].toLowerCase(Locale.ROOT));
            panels++;
        }
        if (panels == 0) {
            return Optional.empty();
        }
        JFreeChart chart = new JFreeChart(String.join(" and ", titles) + " per step", Fonts.bold(10f), combined, true);
        ChartStyle.apply(chart);
        return Optional.of(new ChartSpec("frontal_per_step", "Each mark is one step, by the foot in stance: the knee's "
                + "frontal-plane projection angle around mid-stance (positive with the knee inside the hip–ankle line; a "
                + "2D indicator) and the drop of the opposite hip. Dashed and dotted: the limits of the recommendation "
                + "(the table's row, as on page 1). Steps without a value (in a video, those whose value the keypoints' "
                + "noise would blur) are not drawn.", chart, Charts.FULL_WIDTH, panels == 2 ? 240f : 160f));
    }

    /** Each step's value of {@code key} at its initial contact, left and right apart (steps of no side left out). */
    private static XYSeriesCollection bySide(List<Step> run, String key, String leftName, String rightName) {
        XYSeries left = new XYSeries(leftName, false, true);
        XYSeries right = new XYSeries(rightName, false, true);
        for (Step s : run) {
            Double v = s.extras().get(key);
            if (v != null && Double.isFinite(v) && s.side() != Side.UNKNOWN) {
                (s.side() == Side.LEFT ? left : right).add(s.icS(), v);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(left);
        data.addSeries(right);
        return data;
    }

    /** Marks without lines for {@link #bySide}'s two series: left circles and right squares in the sides' colours. */
    private static XYLineAndShapeRenderer sideMarks() {
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(false, true);
        rend.setSeriesPaint(0, Palette.LEFT);
        rend.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        rend.setSeriesPaint(1, Palette.RIGHT);
        rend.setSeriesShape(1, new Rectangle2D.Double(-2.5, -2.5, 5, 5));
        return rend;
    }

    private static ValueMarker limit(double value, String label, Stroke stroke) {
        ValueMarker m = new ValueMarker(value, Palette.INK, stroke);
        m.setLabel(label);
        m.setLabelFont(Fonts.regular(7f));
        m.setLabelPaint(Palette.INK);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return m;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static double min(XYSeries a, XYSeries b) {
        return Math.min(a.getItemCount() > 0 ? a.getMinY() : Double.POSITIVE_INFINITY,
                b.getItemCount() > 0 ? b.getMinY() : Double.POSITIVE_INFINITY);
    }

    private static double max(XYSeries a, XYSeries b) {
        return Math.max(a.getItemCount() > 0 ? a.getMaxY() : Double.NEGATIVE_INFINITY,
                b.getItemCount() > 0 ? b.getMaxY() : Double.NEGATIVE_INFINITY);
    }

    /** Side view at initial contact. */
    static ChartSpec sagittal(SessionResult r, StickFigure f) {
        XYPlot plot = figurePlot(f, "forward (" + f.unit() + ")");
        bone(plot, f, "hip", "knee_other", BONE_OTHER, OTHER);
        bone(plot, f, "knee_other", "ankle_other", BONE_OTHER, OTHER);
        bone(plot, f, "ankle_other", "heel_other", BONE_OTHER, OTHER);
        bone(plot, f, "heel_other", "toe_other", BONE_OTHER, OTHER);
        bone(plot, f, "ankle_other", "toe_other", BONE_OTHER, OTHER);
        bone(plot, f, "hip", "shoulder", BONE, Palette.INK);
        bone(plot, f, "shoulder", "head", BONE, Palette.INK);
        bone(plot, f, "hip", "knee", BONE, Palette.BLUE);
        bone(plot, f, "knee", "ankle", BONE, Palette.BLUE);
        bone(plot, f, "ankle", "heel", BONE, Palette.BLUE);
        bone(plot, f, "heel", "toe", BONE, Palette.BLUE);
        bone(plot, f, "ankle", "toe", BONE, Palette.BLUE);
        joints(plot, f);
        double[] hip = f.point("hip");
        double[] heel = f.point("heel");
        double ground = lowest(f);
        double size = extent(f);
        if (hip != null && heel != null) {
            plot.addAnnotation(new XYLineAnnotation(hip[0], hip[1], hip[0], ground, Palette.DASHED, Palette.MUTED));
            plot.addAnnotation(new XYLineAnnotation(hip[0], ground - size * 0.04, heel[0], ground - size * 0.04,
                    new BasicStroke(1.6f), Palette.VERMILLION));
            String v = fmt(r.metric("overstride_cm"), 1);
            String txt = "heel ahead of hip: " + (Double.isFinite(r.metric("overstride_cm")) ? v + " cm · " : "")
                    + fmt(r.metric("overstride_pct_leg"), 1) + " % leg";
            label(plot, txt, (hip[0] + heel[0]) / 2, ground - size * 0.09, Palette.VERMILLION, TextAnchor.TOP_CENTER);
        }
        double[] knee = f.point("knee");
        double[] ankle = f.point("ankle");
        if (knee != null && ankle != null) {
            plot.addAnnotation(new XYLineAnnotation(knee[0], knee[1], knee[0], ankle[1], Palette.DOTTED, Palette.MUTED));
            label(plot, "shank " + fmt(r.metric("shank_angle_deg"), 1) + "°", knee[0] + size * 0.03, knee[1],
                    Palette.BLUE, TextAnchor.CENTER_LEFT);
        }
        double[] sh = f.point("shoulder");
        if (hip != null && sh != null) {
            plot.addAnnotation(new XYLineAnnotation(hip[0], hip[1], hip[0], sh[1], Palette.DOTTED, Palette.MUTED));
            label(plot, "trunk lean " + fmt(r.metric("trunk_lean_deg"), 1) + "°", sh[0] + size * 0.04, (hip[1] + sh[1]) / 2,
                    Palette.INK, TextAnchor.CENTER_LEFT);
        }
        plot.addAnnotation(new XYLineAnnotation(-size, ground, size, ground, Palette.THIN, Palette.GRID));
        JFreeChart chart = new JFreeChart("Posture at initial contact (mean of " + f.steps() + " landings)",
                Fonts.bold(10f), plot, false);
        ChartStyle.apply(chart);
        return new ChartSpec(f.key(), "Side view, the runner moving to the right; blue: the landing leg, grey: the other "
                + "leg. Red: horizontal distance from the hip midpoint to the heel at landing (overstride). Shank angle "
                + "from vertical, positive with the ankle ahead of the knee; trunk lean from vertical, positive forward. "
                + "Coordinates in " + f.unit() + " relative to the hip midpoint.", chart, 300f, 330f);
    }

    /** Front view at mid-stance. */
    static ChartSpec frontal(SessionResult r, StickFigure f) {
        String side = f.key().endsWith("left") ? "left" : "right";
        XYPlot plot = figurePlot(f, "to the runner's right (" + f.unit() + ")");
        bone(plot, f, "hip", "hip_other", BONE, Palette.INK);
        bone(plot, f, "shoulder", "shoulder_other", BONE, Palette.INK);
        bone(plot, f, "hip_other", "knee_other", BONE_OTHER, OTHER);
        bone(plot, f, "knee_other", "ankle_other", BONE_OTHER, OTHER);
        if (f.point("knee_other") == null) {
            bone(plot, f, "hip_other", "ankle_other", BONE_OTHER, OTHER);
        }
        if (f.point("knee") == null) {
            bone(plot, f, "hip", "ankle", BONE, Palette.BLUE);
        }
        bone(plot, f, "shoulder", "wrist", BONE_OTHER, Palette.SKY);
        bone(plot, f, "shoulder_other", "wrist_other", BONE_OTHER, Palette.SKY);
        bone(plot, f, "hip", "knee", BONE, Palette.BLUE);
        bone(plot, f, "knee", "ankle", BONE, Palette.BLUE);
        joints(plot, f);
        double size = extent(f);
        plot.addAnnotation(new XYLineAnnotation(0, lowest(f), 0, highest(f), Palette.DASHED, Palette.MUTED));
        double[] hip = f.point("hip");
        double[] knee = f.point("knee");
        double[] ankle = f.point("ankle");
        if (hip != null && knee != null && ankle != null) {
            plot.addAnnotation(new XYLineAnnotation(hip[0], hip[1], hip[0] + (knee[0] - hip[0]) * 1.6,
                    hip[1] + (knee[1] - hip[1]) * 1.6, Palette.DOTTED, Palette.VERMILLION));
            double v = r.metric("knee_fppa_deg_" + side);
            label(plot, "FPPA " + fmt(v, 1) + "° (2D indicator)", knee[0] + Math.copySign(size * 0.05,
                    side.equals("left") ? -1 : 1), knee[1], Palette.VERMILLION,
                    side.equals("left") ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
        }
        JFreeChart chart = new JFreeChart("Mid-stance on the " + side + " foot (mean of " + f.steps() + ")",
                Fonts.bold(10f), plot, false);
        ChartStyle.apply(chart);
        return new ChartSpec(f.key(), "Front view at mid-stance (lowest pelvis) on the " + side + " foot, the runner's "
                + "right to the right; dashed: the pelvis midline. FPPA: the knee's frontal-plane projection angle, "
                + "positive with the knee inside the hip–ankle line — a 2D indicator, not 3D knee abduction.", chart,
                300f, 330f);
    }

    /** Trunk lean over time with the 7–10° band of the recommendation. */
    static ChartSpec trunkLean(SessionResult r, Trace t) {
        XYSeries s = new XYSeries("trunk lean", false, true);
        double[] x = t.timeS();
        double[] v = t.values();
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], v[i]);
        }
        XYSeriesCollection data = new XYSeriesCollection(s);
        XYSeries perStep = new XYSeries("mean per step", false, true);
        for (Step st : r.steps()) {
            Double lean = st.extras().get("trunk_lean_deg");
            if (lean != null) {
                perStep.add(st.icS(), lean);
            }
        }
        data.addSeries(perStep);
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer();
        rend.setSeriesShapesVisible(0, false);
        rend.setSeriesPaint(0, Palette.SKY);
        rend.setSeriesStroke(0, Palette.SOLID);
        rend.setSeriesLinesVisible(1, false);
        rend.setSeriesShape(1, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        rend.setSeriesPaint(1, Palette.BLUE);
        NumberAxis xa = new NumberAxis("time (s)");
        xa.setAutoRangeIncludesZero(false);
        NumberAxis ya = new NumberAxis("trunk lean (°, forward +)");
        ya.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, xa, ya, rend);
        plot.addRangeMarker(new org.jfree.chart.plot.IntervalMarker(7, 10, new Color(0, 0x9E, 0x73, 40)),
                org.jfree.chart.ui.Layer.BACKGROUND);
        ValueMarker m = new ValueMarker(r.metric("trunk_lean_deg"), Palette.INK, Palette.DASHED);
        m.setLabel(String.format(Locale.ROOT, "mean %.1f°", r.metric("trunk_lean_deg")));
        m.setLabelFont(Fonts.regular(7f));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(m);
        JFreeChart chart = new JFreeChart("Trunk lean over time", Fonts.bold(10f), plot, true);
        ChartStyle.apply(chart);
        return new ChartSpec("trunk_lean", "Angle of the hip-midpoint → shoulder-midpoint line from vertical, positive "
                + "forward; green band: the 7–10° the articles recommend; dots: mean of each step.", chart,
                Charts.FULL_WIDTH, 180f);
    }

    /** Overstride (heel ahead of the hip at landing, % of leg length) per step, left and right apart. */
    static ChartSpec overstride(SessionResult r, List<Step> run) {
        boolean cm = run.stream().anyMatch(s -> s.extras().containsKey("overstride_cm"));
        String key = cm ? "overstride_cm" : "overstride_pct_leg";
        XYSeriesCollection data = bySide(run, key, "left foot", "right foot");
        XYLineAndShapeRenderer rend = sideMarks();
        NumberAxis xa = new NumberAxis("time (s)");
        xa.setAutoRangeIncludesZero(false);
        NumberAxis ya = new NumberAxis(cm ? "heel ahead of hip at landing (cm)" : "heel ahead of hip (% leg length)");
        ya.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, xa, ya, rend);
        ValueMarker m = new ValueMarker(r.metric(key), Palette.INK, Palette.DASHED);
        m.setLabel(String.format(Locale.ROOT, "mean %.1f", r.metric(key)));
        m.setLabelFont(Fonts.regular(7f));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(m);
        JFreeChart chart = new JFreeChart("Overstride per step", Fonts.bold(10f), plot, true);
        ChartStyle.apply(chart);
        return new ChartSpec("overstride", "Horizontal distance from the hip midpoint to the heel at each landing; "
                + "smaller means the foot lands closer under the body. There is no validated cut-off; read it with the "
                + "foot-strike type (Wille 2014).", chart, Charts.FULL_WIDTH, 180f);
    }

    /** Width over height of the picture chart's plot area, for a pixel across as long as a pixel down. */
    private static final double ASPECT = 2.2;
    /** The bones drawn between body parts, per side. */
    private static final String[][] BONES = {{"hip", "knee"}, {"knee", "ankle"}, {"ankle", "heel"}, {"ankle", "toe"},
        {"heel", "toe"}, {"shoulder", "elbow"}, {"elbow", "wrist"}, {"shoulder", "hip"}};

    /**
     * Everyone in one frame of a video with several people, as gaitform followed them: the person analysed in blue,
     * the people ranked after them (as {@code --person} counts them) in black, anybody else in grey.
     */
    static ChartSpec people(List<StickFigure> figures) {
        double lo0 = Double.POSITIVE_INFINITY;
        double hi0 = Double.NEGATIVE_INFINITY;
        double lo1 = lo0;
        double hi1 = hi0;
        for (StickFigure f : figures) {
            for (double[] p : f.points().values()) {
                lo0 = Math.min(lo0, p[0]);
                hi0 = Math.max(hi0, p[0]);
                lo1 = Math.min(lo1, p[1]);
                hi1 = Math.max(hi1, p[1]);
            }
        }
        double pad = 0.08 * Math.max(hi0 - lo0, hi1 - lo1) + 1;
        // the picture's own proportions: a pixel across as long as a pixel down (the plot is about twice as wide as
        // high), image y pointing down as in the video
        double w = hi0 - lo0 + 2 * pad;
        double h = hi1 - lo1 + 3 * pad;
        double cx = (lo0 + hi0) / 2;
        double cy = (lo1 + hi1 + pad) / 2;
        w = Math.max(w, ASPECT * h);
        h = Math.max(h, w / ASPECT);
        NumberAxis xa = new NumberAxis("across the picture (px)");
        xa.setRange(cx - w / 2, cx + w / 2);
        NumberAxis ya = new NumberAxis("down the picture (px)");
        ya.setRange(-(cy + h / 2), -(cy - h / 2));
        ya.setInverted(true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), xa, ya, new XYLineAndShapeRenderer());
        for (StickFigure up : figures) {
            Map<String, double[]> down = new LinkedHashMap<>();
            up.points().forEach((k, v) -> down.put(k, new double[] {v[0], -v[1]}));
            StickFigure f = new StickFigure(up.key(), up.view(), up.unit(), down, up.steps());
            boolean analysed = f.key().endsWith("_analysed");
            boolean ranked = f.key().startsWith("people_p");
            Color c = analysed ? Palette.BLUE : ranked ? Palette.INK : OTHER;
            Stroke st = analysed ? BONE : BONE_OTHER;
            for (String side : new String[] {"left", "right"}) {
                for (String[] b : BONES) {
                    bone(plot, f, b[0] + "_" + side, b[1] + "_" + side, st, c);
                }
            }
            bone(plot, f, "hip_left", "hip_right", st, c);
            bone(plot, f, "shoulder_left", "shoulder_right", st, c);
            bone(plot, f, "neck", "head", st, c);
            double top = lowest(f); // the head: the smallest image y
            double mid = f.points().values().stream().mapToDouble(p -> p[0]).average().orElse(0);
            if (ranked) {
                String n = f.key().replace("people_p", "").replace("_analysed", "");
                label(plot, "person " + n + (analysed ? " (analysed)" : ""), mid, top - pad * 0.3, c,
                        TextAnchor.BOTTOM_CENTER);
            }
        }
        JFreeChart chart = new JFreeChart("People in the picture, and whom gaitform analysed", Fonts.bold(10f), plot,
                false);
        ChartStyle.apply(chart);
        return new ChartSpec("people", "One frame of the video: the person analysed in blue; the others whom gaitform "
                + "followed, numbered as --person N counts them (by frames with their legs moving), in black; anybody "
                + "else in grey. If the runner is not the one in blue, analyse again with --person N.", chart,
                Charts.FULL_WIDTH, 260f);
    }

    private static XYPlot figurePlot(StickFigure f, String xLabel) {
        double lo0 = Double.POSITIVE_INFINITY;
        double hi0 = Double.NEGATIVE_INFINITY;
        double lo1 = lo0;
        double hi1 = hi0;
        for (double[] p : f.points().values()) {
            lo0 = Math.min(lo0, p[0]);
            hi0 = Math.max(hi0, p[0]);
            lo1 = Math.min(lo1, p[1]);
            hi1 = Math.max(hi1, p[1]);
        }
        double h = (hi1 - lo1) * 1.3;
        double w = h * 0.85;
        double cx = (lo0 + hi0) / 2;
        double cy = (lo1 + hi1) / 2 - (hi1 - lo1) * 0.08;
        NumberAxis xa = new NumberAxis(xLabel);
        xa.setRange(cx - Math.max(w, (hi0 - lo0) * 1.3) / 2, cx + Math.max(w, (hi0 - lo0) * 1.3) / 2);
        NumberAxis ya = new NumberAxis("up (" + f.unit() + ")");
        ya.setRange(cy - h / 2, cy + h / 2);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), xa, ya, new XYLineAndShapeRenderer());
        return plot;
    }

    private static void bone(XYPlot plot, StickFigure f, String a, String b, Stroke stroke, Color c) {
        double[] p = f.point(a);
        double[] q = f.point(b);
        if (p != null && q != null) {
            plot.addAnnotation(new XYLineAnnotation(p[0], p[1], q[0], q[1], stroke, c));
        }
    }

    private static void joints(XYPlot plot, StickFigure f) {
        double r = extent(f) * 0.012;
        for (double[] p : f.points().values()) {
            plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(p[0] - r, p[1] - r, 2 * r, 2 * r),
                    Palette.THIN, Palette.INK, Color.WHITE));
        }
    }

    private static void label(XYPlot plot, String text, double x, double y, Color c, TextAnchor anchor) {
        XYTextAnnotation t = new XYTextAnnotation(text, x, y);
        t.setFont(Fonts.regular(7.5f).deriveFont(Font.PLAIN));
        t.setPaint(c);
        t.setTextAnchor(anchor);
        t.setBackgroundPaint(new Color(255, 255, 255, 200));
        plot.addAnnotation(t);
    }

    private static double lowest(StickFigure f) {
        return f.points().values().stream().mapToDouble(p -> p[1]).min().orElse(0);
    }

    private static double highest(StickFigure f) {
        return f.points().values().stream().mapToDouble(p -> p[1]).max().orElse(0);
    }

    private static double extent(StickFigure f) {
        return Math.max(1e-9, highest(f) - lowest(f));
    }

    private static String fmt(double v, int d) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + d + "f", v) : "–";
    }
}
