package org.gaitform.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.model.SessionResult;
import org.gaitform.model.Trace;
import org.gaitform.model.WatchTraces;

/**
 * The report of a watch session (A4 PDF): the run at a glance, the running form the device measured against the
 * recommendations (with the device's own session averages beside gaitform's), what to work on first, downhill
 * versus flat running, the charts, the kilometre splits, the methods (what the device measured, how the records
 * were averaged, every decision) and the references. Every page says the report is not a diagnosis.
 */
public final class WatchReportPdf {
    private WatchReportPdf() {
    }

    /** Renders the report. */
    public static byte[] render(SessionResult r, List<ChartSpec> charts, GuidelineTable table) throws IOException {
        try (PdfDoc d = new PdfDoc("Running form report (watch) — " + r.sessionId(), SessionReportPdf.DISCLAIMER)) {
            title(d, r);
            QualityBanner.write(d, r);
            headline(d, r);
            Scorecard card = Scorecard.of(r, table);
            SessionReportPdf.workOnFirst(d, card);
            if (r.findings().stream().anyMatch(f -> f.status() != org.gaitform.model.FindingStatus.NOT_MEASURABLE)) {
                SessionReportPdf.scorecard(d, card);
            } else {
                d.heading("Scorecard", 12);
                d.paragraph("Nothing the articles give advice on could be measured from this export"
                        + (Double.isFinite(r.metric("cadence_spm")) ? "." : " (it has no cadence).")
                        + " Its distance, pace and elevation count in the runner's weekly load.", d.regular(), 8.5f,
                        PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.INK);
            }
            devices(d, r);
            footPods(d, r);
            downhill(d, r);
            if (!charts.isEmpty()) {
                // a chart does not start at the foot of a page: the charts begin where the first one fits
                d.ensure(charts.get(0).heightPt() + 60);
                d.heading("Charts", 12);
                for (ChartSpec c : charts) {
                    d.chart(c);
                }
            }
            splits(d, r);
            d.newPage();
            SessionReportPdf.methods(d, r);
            d.newPage();
            SessionReportPdf.references(d, r, table);
            return d.finish();
        }
    }

    private static String fmt(double v, int decimals) {
        String t = SessionReportPdf.fmt(v, decimals);
        return t.matches("-0(\\.0+)?") ? t.substring(1) : t;
    }

    private static void title(PdfDoc d, SessionResult r) throws IOException {
        d.line("Running form report", d.bold(), 18, PdfDoc.MARGIN, Palette.INK);
        d.space(2);
        Map<String, String> info = r.info();
        String when = info.getOrDefault("start_time_local", info.getOrDefault("start_time_utc", "date unknown"));
        d.paragraph("Session " + r.sessionId() + " · input " + r.source() + " (" + r.inputKind().replace("watch-", "")
                .toUpperCase(Locale.ROOT) + ") · " + info.getOrDefault("device", "device not named") + " · " + when,
                d.regular(), 8.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        d.paragraph(summaryLine(r), d.regular(), 8.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        d.space(4);
    }

    /** Distance, time, pace, activities and elevation in one line; what the export lacks is said, not dashed. */
    static String summaryLine(SessionResult r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s km in %s moving (pace %s /km) · running %s",
                fmt(r.metric("distance_m") / 1000, 2), SessionReportPdf.duration(r.metric("moving_s")),
                WatchSessionTables.pace(r.metric("pace_s_per_km")), SessionReportPdf.duration(r.metric("running_s"))));
        if (r.metric("walking_s") > 0) {
            sb.append(", walking ").append(SessionReportPdf.duration(r.metric("walking_s")));
        }
        if (r.metric("standing_s") > 0) {
            sb.append(", standing ").append(SessionReportPdf.duration(r.metric("standing_s")));
        }
        double up = r.metric("elevation_gain_m");
        double down = r.metric("elevation_loss_m");
        sb.append(" · ").append(Double.isFinite(up) && Double.isFinite(down)
                ? "elevation +" + fmt(up, 0) + " m / −" + fmt(down, 0) + " m" : "no elevation in the export");
        return sb.toString();
    }

    /** How the file counted cadence, from the reader's decision. */
    static String cadenceNote(SessionResult r) {
        String unit = r.decisions().stream().filter(x -> x.key().equals("cadence_unit")).map(x -> x.value())
                .findFirst().orElse("");
        if (unit.startsWith("strides")) {
            return "Cadence counts both feet: the file counts one leg (strides/min), so its values were doubled.";
        }
        if (unit.startsWith("steps")) {
            return "Cadence counts both feet, as the file already does (steps/min).";
        }
        return "";
    }

    /** The headline values the export has, as tiles {label, value, unit, metric key}; a value the export lacks gets none. */
    static List<String[]> tiles(SessionResult r) {
        String[][] all = {
            {"cadence_spm", "Cadence", "0", "steps/min"},
            {"contact_ms", "Ground contact", "0", "ms"},
            {"vertical_oscillation_cm", "Vertical oscillation", "1", "cm"},
            {"vertical_ratio_pct", "Vertical ratio", "1", "%"},
            {"contact_balance_left_pct", "Contact balance", "1", "% left"},
            {"step_length_m", "Step length", "2", "m"},
            {"power_w", "Power (running)", "0", "W"},
            {"heart_rate_bpm", "Heart rate (running)", "0", "bpm"},
        };
        List<String[]> out = new ArrayList<>();
        for (String[] t : all) {
            double v = r.metric(t[0]);
            if (Double.isFinite(v)) {
                out.add(new String[] {t[1], fmt(v, Integer.parseInt(t[2])), t[3], t[0]});
            }
        }
        return out;
    }

    private static void headline(PdfDoc d, SessionResult r) throws IOException {
        List<String[]> tiles = tiles(r);
        java.util.Set<String> doubtful = r.quality().doubtfulMetrics();
        float gap = 5;
        int perRow = tiles.size() <= 6 ? Math.max(4, tiles.size()) : (tiles.size() + 1) / 2;
        float w = (PdfDoc.WIDTH - gap * (perRow - 1)) / perRow;
        float h = 46;
        for (int row = 0; row * perRow < tiles.size(); row++) {
            d.ensure(h + 10);
            float top = d.y();
            for (int i = 0; i < perRow && row * perRow + i < tiles.size(); i++) {
                String[] t = tiles.get(row * perRow + i);
                float x = PdfDoc.MARGIN + i * (w + gap);
                d.box(x, top, w, h, new Color(0xF4, 0xF6, 0xF8), Palette.GRID);
                d.text(t[0], d.regular(), 7f, x + 5, top - 12, Palette.MUTED);
                boolean doubt = doubtful.contains(t[3]);
                d.text(t[1] + (doubt ? " ?" : ""), d.bold(), 15, x + 5, top - 31, doubt ? Palette.MUTED : Palette.INK);
                d.text(t[2], d.regular(), 7f, x + 5, top - 41, Palette.MUTED);
            }
            d.moveTo(top - h - 6);
        }
        d.space(-2);
        List<String> device = new ArrayList<>();
        addDevice(device, r, "device_cadence_spm", "cadence", 0, "steps/min");
        addDevice(device, r, "device_contact_ms", "contact", 0, "ms");
        addDevice(device, r, "device_vertical_oscillation_cm", "vertical oscillation", 1, "cm");
        addDevice(device, r, "device_vertical_ratio_pct", "vertical ratio", 2, "%");
        addDevice(device, r, "device_contact_balance_left_pct", "balance", 2, "% left");
        addDevice(device, r, "device_step_length_m", "step length", 2, "m");
        addDevice(device, r, "device_power_w", "power", 0, "W");
        addDevice(device, r, "device_heart_rate_bpm", "heart rate", 0, "bpm");
        StringBuilder sb = new StringBuilder();
        if (Double.isFinite(r.metric("cadence_spm"))) {
            sb.append("Averages over the running records, each weighted by its steps (power and heart rate by time). ");
        } else {
            sb.append("The export has no cadence: running form (cadence, contact time, step length) cannot be measured "
                    + "from it, so the form charts and panels are left out; distance, pace and elevation are reported"
                    + (Double.isFinite(r.metric("heart_rate_bpm")) ? ", and heart rate while running" : "") + ". ");
        }
        if (!device.isEmpty()) {
            sb.append("The watch's own session averages (all the session, walking and standing included): ")
                    .append(String.join(", ", device)).append(". ");
        }
        sb.append(cadenceNote(r)).append(' ');
        String power = r.info().getOrDefault("power_w_source_label", "");
        if (Double.isFinite(r.metric("power_w")) && !power.isEmpty()) {
            sb.append("Power from ").append(power).append(". ");
        }
        if (Double.isFinite(r.metric("contact_ms_left"))) {
            sb.append("Contact time left ").append(fmt(r.metric("contact_ms_left"), 0)).append(" ms, right ")
                    .append(fmt(r.metric("contact_ms_right"), 0)).append(" ms (from the balance).");
        }
        d.paragraph(sb.toString(), d.regular(), 8, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.INK);
    }

    private static void addDevice(List<String> out, SessionResult r, String key, String label, int decimals, String unit) {
        double v = r.metric(key);
        if (Double.isFinite(v)) {
            out.add(label + " " + fmt(v, decimals) + " " + unit);
        }
    }

    /**
     * The export's devices side by side when it holds more than one device's running dynamics: which one drives the
     * findings and why, every device's averages, and how far apart they are on the same records.
     */
    private static void devices(PdfDoc d, SessionResult r) throws IOException {
        String list = r.info().getOrDefault("dynamics_devices", "");
        String elevation = r.info().getOrDefault("elevation_sources_note", "");
        if (!list.contains(",") && elevation.isEmpty()) {
            return;
        }
        d.heading("Devices", 12);
        if (list.contains(",")) {
            String[] ids = list.split(",");
            String primary = ids[0];
            String why = r.decisions().stream().filter(x -> x.key().equals("dynamics_device")).map(x -> x.reason())
                    .findFirst().orElse("");
            d.paragraph("This export holds the running dynamics of " + ids.length + " devices. " + capital(why) + ".",
                    d.regular(), 8.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.INK);
            String[][] rowsSpec = {
                {"contact_ms", "contact time (ms)", "0"},
                {"vertical_oscillation_cm", "vertical oscillation (cm)", "1"},
                {"vertical_ratio_pct", "vertical ratio (%)", "1"},
                {"contact_balance_left_pct", "balance (% left)", "1"},
                {"step_length_m", "step length (m)", "2"},
                {"stance_time_pct", "stance time (% of stride)", "1"},
            };
            List<String[]> rows = new ArrayList<>();
            for (String[] spec : rowsSpec) {
                String[] row = new String[ids.length + 2];
                row[0] = spec[1];
                boolean any = false;
                List<String> diffs = new ArrayList<>();
                for (int k = 0; k < ids.length; k++) {
                    double v = r.metric(ids[k] + "_" + spec[0]);
                    row[k + 1] = Double.isFinite(v) ? fmt(v, Integer.parseInt(spec[2])) : "–";
                    any |= Double.isFinite(v);
                    double diff = r.metric("difference_" + ids[k] + "_" + spec[0]);
                    if (k > 0 && Double.isFinite(diff)) {
                        diffs.add(String.format(Locale.ROOT, "%+." + spec[2] + "f", diff));
                    }
                }
                row[ids.length + 1] = String.join(" / ", diffs);
                if (any) {
                    rows.add(row);
                }
            }
            float[] widths = new float[ids.length + 2];
            boolean[] right = new boolean[ids.length + 2];
            String[] header = new String[ids.length + 2];
            widths[0] = 130;
            header[0] = "running, each device";
            float rest = PdfDoc.WIDTH - 130 - 95;
            for (int k = 0; k < ids.length; k++) {
                widths[k + 1] = rest / ids.length;
                right[k + 1] = true;
                header[k + 1] = shortLabel(ids[k]) + (k == 0 ? " ✓" : "");
            }
            widths[ids.length + 1] = 95;
            right[ids.length + 1] = true;
            header[ids.length + 1] = "others − ✓, paired";
            PdfTable.draw(d, widths, right, header, rows, null, 7.5f);
            d.paragraph("✓ drives the findings. Each device's values are averaged over the running records it measured, "
                    + "each weighted by its steps; the last column is the mean difference over the records both measured. "
                    + r.info().getOrDefault("dynamics_devices_note", ""), d.regular(), 7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH,
                    Palette.MUTED);
        }
        if (!elevation.isEmpty()) {
            d.paragraph("Elevation: " + elevation + ".", d.regular(), 8, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.INK);
        }
    }

    /** A device's name short enough for a table header. */
    static String shortLabel(String id) {
        return switch (id) {
            case "hrm" -> "HRM chest strap";
            case "garmin" -> "Garmin pod";
            case "watch" -> "watch";
            case "export" -> "export columns";
            case "stryd" -> "Stryd";
            case "runscribe" -> "RunScribe";
            case "garmin_rp" -> "Garmin Running Power";
            default -> id;
        };
    }

    /** RunScribe's foot-pod values, where the articles speak of them: soft landing (impact), foot strike, braking. */
    private static void footPods(PdfDoc d, SessionResult r) throws IOException {
        if (!Double.isFinite(r.metric("impact_g")) && !Double.isFinite(r.metric("foot_strike_type"))
                && !Double.isFinite(r.metric("braking_g")) && !Double.isFinite(r.metric("pronation_deg"))) {
            return;
        }
        d.heading("Foot pods (RunScribe)", 12);
        String[][] spec = {
            {"impact_g", "impact (peak foot acceleration, g)", "1", "soft landing: “Land with soft feet, quietly” (R8d)"},
            {"braking_g", "braking (g)", "2", "landing under the body (R8e)"},
            {"foot_strike_type", "foot strike type (1–16)", "1", "foot strike (R7b)"},
            {"pronation_deg", "pronation excursion (°)", "1", "not in the articles: reported only"},
            {"flight_ratio_pct", "flight ratio (%)", "1", "reported only"},
        };
        List<String[]> rows = new ArrayList<>();
        for (String[] s : spec) {
            double v = r.metric(s[0]);
            if (!Double.isFinite(v)) {
                continue;
            }
            int dec = Integer.parseInt(s[2]);
            rows.add(new String[] {s[1], fmt(v, dec), fmt(r.metric(s[0] + "_left"), dec),
                fmt(r.metric(s[0] + "_right"), dec), s[3]});
        }
        PdfTable.draw(d, new float[] {150, 50, 50, 50, 215}, new boolean[] {false, true, true, true, false},
                new String[] {"while running", "both", "left", "right", "what the articles say"}, rows, null, 7.5f);
        if (Double.isFinite(r.metric("rearfoot_strike_pct"))) {
            d.paragraph(String.format(Locale.ROOT, "Landings: %.0f %% heel (types 1–5), %.0f %% midfoot (6–11), %.0f %% "
                    + "forefoot (12–16) of the running steps. RunScribe's strike class agrees with video in about 78 %% "
                    + "of steps; impact and braking are relative measures, to follow from run to run.",
                    r.metric("rearfoot_strike_pct"), r.metric("midfoot_strike_pct"), r.metric("forefoot_strike_pct")),
                    d.regular(), 7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        }
    }

    private static void downhill(PdfDoc d, SessionResult r) throws IOException {
        d.heading("Downhill and flat", 12);
        String basis = r.decisions().stream().filter(x -> x.key().equals("downhill_comparison")).findFirst()
                .map(x -> x.value().equals("not made") ? "Not compared: " + x.reason() + "."
                        : "Compared on " + x.value() + " (" + x.reason() + ").").orElse("");
        d.paragraph("“Keep the stride rate downhill; the tendency is to over-stride” (“Why Your Knees Hurt When Running — "
                + "Plus How to Stop the Pain”). " + basis, d.regular(), 8.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.INK);
        if (!Double.isFinite(r.metric("downhill_cadence_change_pct"))) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"flat", fmt(r.metric("n_flat_splits"), 0), fmt(r.metric("cadence_flat_spm"), 1),
            fmt(r.metric("step_length_flat_m"), 2), ""});
        rows.add(new String[] {"downhill", fmt(r.metric("n_downhill_splits"), 0), fmt(r.metric("cadence_downhill_spm"), 1),
            fmt(r.metric("step_length_downhill_m"), 2), String.format(Locale.ROOT, "cadence %+.1f %%, step length %+.1f %%",
                r.metric("downhill_cadence_change_pct"), r.metric("downhill_step_length_change_pct"))});
        if (r.metric("n_uphill_splits") > 0) {
            rows.add(new String[] {"uphill", fmt(r.metric("n_uphill_splits"), 0), fmt(r.metric("cadence_uphill_spm"), 1),
                fmt(r.metric("step_length_uphill_m"), 2), ""});
        }
        PdfTable.draw(d, new float[] {70, 60, 100, 90, 195}, new boolean[] {false, true, true, true, false},
                new String[] {"terrain", "splits", "cadence (steps/min)", "step length (m)", "downhill vs flat"}, rows,
                null, 8);
        double cad = r.metric("downhill_cadence_change_pct");
        double step = r.metric("downhill_step_length_change_pct");
        String reading = cad < -3 && step > 0 ? "Downhill, your cadence drops and your steps lengthen: the over-striding the "
                + "article warns about. Keep your turnover and let the slope shorten your steps."
                : cad < -3 ? "Your cadence drops downhill: try to keep your stride rate on descents."
                : "You keep your stride rate downhill" + (step > 5 ? "; the longer steps come with the higher speed." : ".");
        d.paragraph(reading, d.regular(), 8.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.INK);
    }

    private static void splits(PdfDoc d, SessionResult r) throws IOException {
        Map<String, Trace> sp = WatchTraces.series(r.traces(), WatchTraces.SPLIT);
        if (sp.isEmpty()) {
            return;
        }
        d.ensure(80);
        d.heading("Kilometre splits", 12);
        int n = sp.values().iterator().next().size();
        double[] num = WatchSessionTables.values(sp, "split", n);
        double[] dist = WatchSessionTables.values(sp, "distance_m", n);
        double[] pace = WatchSessionTables.values(sp, "pace_s_per_km", n);
        double[] elev = WatchSessionTables.values(sp, "elevation_change_m", n);
        double[] grade = WatchSessionTables.values(sp, "grade_pct", n);
        double[] terr = WatchSessionTables.values(sp, WatchTraces.TERRAIN_CODE, n);
        double[] cad = WatchSessionTables.values(sp, "cadence_spm", n);
        double[] step = WatchSessionTables.values(sp, "step_length_m", n);
        double[] gct = WatchSessionTables.values(sp, "contact_ms", n);
        double[] vo = WatchSessionTables.values(sp, "vertical_oscillation_cm", n);
        double[] bal = WatchSessionTables.values(sp, "contact_balance_left_pct", n);
        double[] hr = WatchSessionTables.values(sp, "heart_rate_bpm", n);
        double[][] cols = {num, dist, pace, elev, grade, terr, cad, step, gct, vo, bal, hr};
        float[] widths = {28, 40, 40, 42, 38, 52, 48, 48, 44, 44, 44, 47};
        boolean[] right = {true, true, true, true, true, false, true, true, true, true, true, true};
        String[] header = {"km", "dist km", "pace", "elev. m", "grade", "terrain", "cadence", "step m", "GCT ms",
            "VO cm", "bal. % L", "HR bpm"};
        // a column the export has no values for is left out, not filled with dashes
        List<Integer> keep = new ArrayList<>();
        for (int c = 0; c < cols.length; c++) {
            boolean any = false;
            for (double v : cols[c]) {
                any |= Double.isFinite(v);
            }
            if (any || c < 3) {
                keep.add(c);
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] all = {fmt(num[i], 0), fmt(dist[i] / 1000, 2), WatchSessionTables.pace(pace[i]),
                fmt(elev[i], 0), fmt(grade[i], 1), WatchSessionTables.terrain(terr[i]), fmt(cad[i], 0), fmt(step[i], 2),
                fmt(gct[i], 0), fmt(vo[i], 1), fmt(bal[i], 1), fmt(hr[i], 0)};
            rows.add(keep.stream().map(c -> all[c]).toArray(String[]::new));
        }
        float[] w = new float[keep.size()];
        boolean[] rt = new boolean[keep.size()];
        String[] h = new String[keep.size()];
        float total = 0;
        for (int k = 0; k < keep.size(); k++) {
            w[k] = widths[keep.get(k)];
            rt[k] = right[keep.get(k)];
            h[k] = header[keep.get(k)];
            total += w[k];
        }
        for (int k = 0; k < w.length; k++) {
            w[k] *= Math.min(1.6f, PdfDoc.WIDTH / total);
        }
        PdfTable.draw(d, w, rt, h, rows, null, 7.5f);
        d.paragraph("Every row of splits.csv; cadence in steps/min. Grade = elevation change / split length; flat "
                + "within ±2 %.", d.regular(), 7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
