package org.gaitform.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitform.events.FootContact;
import org.gaitform.kinematics.Body;
import org.gaitform.kinematics.Landmark;
import org.gaitform.kinematics.View;
import org.gaitform.model.Side;
import org.gaitform.model.Step;
import org.gaitform.model.StickFigure;

/**
 * The runner's mean posture for the report: at initial contact in the sagittal plane (landing leg, the other
 * leg, trunk), and at mid-stance in the frontal plane for each stance side. Points are relative to the hip
 * midpoint, forward (or the runner's right) to the right and up, averaged over the steps (left landings
 * and right landings together in the sagittal figure), in cm when calibrated, else in % of leg length.
 */
public final class PoseFigures {
    private PoseFigures() {
    }

    /** The figures this body allows. */
    public static List<StickFigure> figures(Body b, List<FootContact> contacts, List<Step> steps) {
        List<StickFigure> out = new ArrayList<>();
        Landmark pelvis = PoseMetrics.pelvis(b);
        if (pelvis == null || contacts.isEmpty()) {
            return out;
        }
        double scale = b.calibrated() ? 100 : 100 / b.legLength();
        String unit = b.calibrated() ? "cm" : "% leg length";
        if (b.view() != View.FRONTAL) {
            Map<String, double[]> sum = new LinkedHashMap<>();
            Map<String, Integer> cnt = new LinkedHashMap<>();
            for (FootContact c : contacts) {
                int i = (int) Math.round(c.icIndex());
                Side s = c.side();
                Side o = s.opposite();
                add(b, sum, cnt, "hip", pelvis, pelvis, i, true);
                add(b, sum, cnt, "shoulder", mean2(b, Landmark.SHOULDER_LEFT, Landmark.SHOULDER_RIGHT, Landmark.NECK),
                        pelvis, i, true);
                add(b, sum, cnt, "head", b.has(Landmark.HEAD) ? Landmark.HEAD : null, pelvis, i, true);
                add(b, sum, cnt, "knee", pick(b, Landmark.of("KNEE", s)), pelvis, i, true);
                add(b, sum, cnt, "ankle", pick(b, Landmark.of("ANKLE", s)), pelvis, i, true);
                add(b, sum, cnt, "heel", pick(b, Landmark.of("HEEL", s), Landmark.of("FOOT_CLUSTER", s)), pelvis, i, true);
                add(b, sum, cnt, "toe", pick(b, Landmark.of("TOE", s)), pelvis, i, true);
                add(b, sum, cnt, "knee_other", pick(b, Landmark.of("KNEE", o)), pelvis, i, true);
                add(b, sum, cnt, "ankle_other", pick(b, Landmark.of("ANKLE", o)), pelvis, i, true);
                add(b, sum, cnt, "heel_other", pick(b, Landmark.of("HEEL", o), Landmark.of("FOOT_CLUSTER", o)), pelvis, i,
                        true);
                add(b, sum, cnt, "toe_other", pick(b, Landmark.of("TOE", o)), pelvis, i, true);
            }
            out.add(new StickFigure("stick_ic_sagittal", "sagittal", unit, means(sum, cnt, scale), contacts.size()));
        }
        if (b.view() != View.SAGITTAL) {
            for (Side s : new Side[] {Side.LEFT, Side.RIGHT}) {
                Map<String, double[]> sum = new LinkedHashMap<>();
                Map<String, Integer> cnt = new LinkedHashMap<>();
                int n = 0;
                for (FootContact c : contacts) {
                    if (c.side() != s) {
                        continue;
                    }
                    int i = midStance(b, pelvis, c);
                    n++;
                    for (Side q : new Side[] {Side.LEFT, Side.RIGHT}) {
                        String sfx = q == s ? "" : "_other";
                        add(b, sum, cnt, "hip" + sfx, pick(b, Landmark.of("HIP", q)), pelvis, i, false);
                        add(b, sum, cnt, "knee" + sfx, pick(b, Landmark.of("KNEE", q)), pelvis, i, false);
                        add(b, sum, cnt, "ankle" + sfx, pick(b, Landmark.of("ANKLE", q), Landmark.of("HEEL", q)), pelvis, i,
                                false);
                        add(b, sum, cnt, "shoulder" + sfx, pick(b, Landmark.of("SHOULDER", q)), pelvis, i, false);
                        add(b, sum, cnt, "wrist" + sfx, pick(b, Landmark.of("WRIST", q)), pelvis, i, false);
                    }
                    add(b, sum, cnt, "head", b.has(Landmark.HEAD) ? Landmark.HEAD : null, pelvis, i, false);
                }
                if (n > 0) {
                    out.add(new StickFigure("stick_midstance_frontal_" + s.label(), "frontal", unit, means(sum, cnt, scale),
                            n));
                }
            }
        }
        return out;
    }

    private static int midStance(Body b, Landmark pelvis, FootContact c) {
        int best = -1;
        for (int i = (int) Math.ceil(c.icIndex()); i <= Math.floor(c.toIndex()); i++) {
            double v = b.up(pelvis)[i];
            if (Double.isFinite(v) && (best < 0 || v < b.up(pelvis)[best])) {
                best = i;
            }
        }
        return best < 0 ? (int) Math.round((c.icIndex() + c.toIndex()) / 2) : best;
    }

    /** A landmark standing for the mean of two (the shoulders): the first one present, or null. */
    private static Landmark mean2(Body b, Landmark a, Landmark c, Landmark fallback) {
        return b.has(a) ? a : b.has(c) ? c : b.has(fallback) ? fallback : null;
    }

    private static void add(Body b, Map<String, double[]> sum, Map<String, Integer> cnt, String name, Landmark l,
                            Landmark pelvis, int i, boolean sagittal) {
        if (l == null) {
            return;
        }
        double h;
        if (name.equals("shoulder") && sagittal && b.has(Landmark.SHOULDER_LEFT) && b.has(Landmark.SHOULDER_RIGHT)) {
            h = (b.fwd(Landmark.SHOULDER_LEFT)[i] + b.fwd(Landmark.SHOULDER_RIGHT)[i]) / 2 - b.fwd(pelvis)[i];
            double v = (b.up(Landmark.SHOULDER_LEFT)[i] + b.up(Landmark.SHOULDER_RIGHT)[i]) / 2 - b.up(pelvis)[i];
            acc(sum, cnt, name, h, v);
            return;
        }
        h = sagittal ? b.fwd(l)[i] - b.fwd(pelvis)[i] : b.lat(l)[i] - b.lat(pelvis)[i];
        double v = b.up(l)[i] - b.up(pelvis)[i];
        acc(sum, cnt, name, h, v);
    }

    private static void acc(Map<String, double[]> sum, Map<String, Integer> cnt, String name, double h, double v) {
        if (!Double.isFinite(h) || !Double.isFinite(v)) {
            return;
        }
        double[] s = sum.computeIfAbsent(name, k -> new double[2]);
        s[0] += h;
        s[1] += v;
        cnt.merge(name, 1, Integer::sum);
    }

    private static Map<String, double[]> means(Map<String, double[]> sum, Map<String, Integer> cnt, double scale) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : sum.entrySet()) {
            int n = cnt.get(e.getKey());
            out.put(e.getKey(), new double[] {e.getValue()[0] / n * scale, e.getValue()[1] / n * scale});
        }
        return out;
    }

    private static Landmark pick(Body b, Landmark... ls) {
        for (Landmark l : ls) {
            if (b.has(l)) {
                return l;
            }
        }
        return null;
    }
}
