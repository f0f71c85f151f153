package org.gaitform.report;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.gaitform.model.Placement;
import org.gaitform.model.SessionResult;

/** The report's table of form indicators for keypoint and marker input: session, left, right and right − left. */
final class PoseReportSection {
    /** {metric key, label, unit, decimals}. */
    private static final List<String[]> ROWS = List.of(
            new String[] {"overstride_cm", "Heel ahead of hip at landing", "cm", "1"},
            new String[] {"overstride_pct_leg", "Heel ahead of hip at landing", "% leg", "1"},
            new String[] {"shank_angle_deg", "Shank angle at landing", "°", "1"},
            new String[] {"knee_flexion_ic_deg", "Knee flexion at landing", "°", "1"},
            new String[] {"foot_strike_angle_deg", "Foot strike angle", "°", "1"},
            new String[] {"trunk_lean_deg", "Trunk lean", "°", "1"},
            new String[] {"step_length_cm", "Step length", "cm", "1"},
            new String[] {"step_length_pct_leg", "Step length", "% leg", "0"},
            new String[] {"vertical_oscillation_cm", "Vertical oscillation of the pelvis", "cm", "1"},
            new String[] {"vertical_oscillation_pct_leg", "Vertical oscillation of the pelvis", "% leg", "1"},
            new String[] {"knee_fppa_deg", "Knee frontal-plane projection angle (2D)", "°", "1"},
            new String[] {"knee_abduction_deg", "Knee abduction (3D)", "°", "1"},
            new String[] {"pelvic_drop_deg", "Contralateral pelvic drop", "°", "1"},
            new String[] {"wrist_crossing_pct", "Steps with a wrist across the midline", "%", "0"},
            new String[] {"crossover_pct", "Steps landing across the midline", "%", "0"},
            new String[] {"contact_ms", "Ground-contact time", "ms", "0"});

    private PoseReportSection() {
    }

    static boolean applies(SessionResult r) {
        return r.placement() == Placement.VIDEO || r.placement() == Placement.MARKERS;
    }

    static void write(PdfDoc d, SessionResult r) throws IOException {
        d.heading("Form indicators", 12);
        String strike = r.info().get("foot_strike_class");
        d.paragraph("View: " + r.info().getOrDefault("view", "–") + " · treadmill: " + r.info().getOrDefault("treadmill", "–")
                + " · distances in " + r.info().getOrDefault("distance_unit", "–")
                + (strike == null ? "" : " · foot strike: " + strike + String.format(Locale.ROOT,
                " (%.0f %% rearfoot, %.0f %% midfoot, %.0f %% forefoot steps)", r.metric("rearfoot_strike_pct"),
                r.metric("midfoot_strike_pct"), r.metric("forefoot_strike_pct")) + strikeDoubt(r)) + ". Knee valgus, "
                + "knee FPPA and "
                + "pelvic drop give the worse side as the session value.", 8.5f);
        float[] x = {PdfDoc.MARGIN, PdfDoc.MARGIN + 235, PdfDoc.MARGIN + 295, PdfDoc.MARGIN + 355,
            PdfDoc.MARGIN + 415, PdfDoc.MARGIN + 475};
        String[] head = {"indicator", "session", "left", "right", "right − left", "unit"};
        d.ensure(30);
        float top = d.y();
        for (int i = 0; i < head.length; i++) {
            d.text(head[i], d.bold(), 8, x[i], top - 10, Palette.INK);
        }
        d.moveTo(top - 14);
        for (String[] row : ROWS) {
            double v = r.metric(row[0]);
            if (!Double.isFinite(v)) {
                continue;
            }
            int dec = Integer.parseInt(row[3]);
            d.ensure(12);
            float y = d.y();
            d.text(row[1], d.regular(), 8, x[0], y - 9, Palette.INK);
            d.text(fmt(v, dec), d.bold(), 8, x[1], y - 9, Palette.INK);
            d.text(fmt(r.metric(row[0] + "_left"), dec), d.regular(), 8, x[2], y - 9, Palette.LEFT);
            d.text(fmt(r.metric(row[0] + "_right"), dec), d.regular(), 8, x[3], y - 9, Palette.RIGHT);
            d.text(signed(r.metric(row[0] + "_lr_diff"), dec), d.regular(), 8, x[4], y - 9, Palette.MUTED);
            d.text(row[2], d.regular(), 8, x[5], y - 9, Palette.MUTED);
            d.moveTo(y - 12);
        }
        String partial = partialAngles(r);
        if (partial != null) {
            d.paragraph(partial, d.regular(), 7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        }
        String frontal = r.info().get("frontal_indicators");
        if (frontal != null) {
            d.paragraph("Frontal indicators " + frontal + ".", d.regular(), 7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH,
                    Palette.MUTED);
        }
        d.space(6);
    }

    /** What follows the strike class when the quality checks doubt it (a foot small in the picture), else "". */
    static String strikeDoubt(SessionResult r) {
        return r.quality().checks().stream().anyMatch(c -> c.id().equals("foot_angle_noise") && c.failed())
                ? " — doubtful: the keypoints jitter too much for the foot's size in the picture" : "";
    }

    /**
     * Which frontal angles rest on only some of the steps, because the video keypoints' noise would have decided the
     * others (decisions {@code pelvic_drop_steps} and {@code knee_fppa_steps}), as a sentence; null when all steps
     * count.
     */
    static String partialAngles(SessionResult r) {
        List<String> parts = new java.util.ArrayList<>();
        for (String[] k : new String[][] {{"pelvic_drop_steps", "pelvic drop"}, {"knee_fppa_steps", "knee FPPA"}}) {
            r.decisions().stream().filter(dc -> dc.key().equals(k[0])).findFirst().ifPresent(dc -> {
                // "kept of all": only a value left out of some steps needs the line
                String[] n = dc.value().split(" of ");
                if (n.length == 2 && !n[0].equals(n[1])) {
                    parts.add(k[1] + " from " + dc.value() + " steps");
                }
            });
        }
        if (parts.isEmpty()) {
            return null;
        }
        String noise = r.decisions().stream().filter(dc -> dc.key().equals("keypoint_noise")).map(dc -> dc.value())
                .findFirst().orElse("");
        String s = String.join(", ", parts);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ": in the other steps the runner was too small in "
                + "the picture for the video keypoints' jitter" + (noise.isEmpty() ? "" : " (" + noise + " per frame)")
                + " to measure the angle; film closer or at a higher resolution.";
    }

    private static String fmt(double v, int d) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + d + "f", v) : "–";
    }

    private static String signed(double v, int d) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+." + d + "f", v) : "–";
    }
}
