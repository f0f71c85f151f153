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
            SessionReportPdf.scorecard(d, card);
            downhill(d, r);
            d.newPage();
            d.heading("Charts", 12);
            for (ChartSpec c : charts) {
                d.chart(c);
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
        d.paragraph(String.format(Locale.ROOT, "%s km in %s moving (pace %s /km) · running %s, walking %s, standing %s "
                        + "· elevation +%s m / −%s m", fmt(r.metric("distance_m") / 1000, 2),
                SessionReportPdf.duration(r.metric("moving_s")), WatchSessionTables.pace(r.metric("pace_s_per_km")),
                SessionReportPdf.duration(r.metric("running_s")), SessionReportPdf.duration(r.metric("walking_s")),
                SessionReportPdf.duration(r.metric("standing_s")), fmt(r.metric("elevation_gain_m"), 0),
                fmt(r.metric("elevation_loss_m"), 0)), d.regular(), 8.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        d.space(4);
    }

    private static void headline(PdfDoc d, SessionResult r) throws IOException {
        List<Scorecard.Tile> card = Scorecard.watchTiles(r);
        String[][] tiles = new String[card.size()][];
        for (int i = 0; i < tiles.length; i++) {
            tiles[i] = new String[] {card.get(i).label(), card.get(i).value(), card.get(i).unit(),
                card.get(i).metricKey()};
        }
        java.util.Set<String> doubtful = r.quality().doubtfulMetrics();
        float gap = 5;
        float w = (PdfDoc.WIDTH - gap * (tiles.length - 1)) / tiles.length;
        float h = 46;
        d.ensure(h + 10);
        float top = d.y();
        for (int i = 0; i < tiles.length; i++) {
            float x = PdfDoc.MARGIN + i * (w + gap);
            d.box(x, top, w, h, new Color(0xF4, 0xF6, 0xF8), Palette.GRID);
            d.text(tiles[i][0], d.regular(), 7f, x + 5, top - 12, Palette.MUTED);
            boolean doubt = doubtful.contains(tiles[i][3]);
            d.text(tiles[i][1] + (doubt ? " ?" : ""), d.bold(), 15, x + 5, top - 31, doubt ? Palette.MUTED
                    : Palette.INK);
            d.text(tiles[i][2], d.regular(), 7f, x + 5, top - 41, Palette.MUTED);
        }
        d.moveTo(top - h - 8);
        List<String> device = new ArrayList<>();
        addDevice(device, r, "device_cadence_spm", "cadence", 0, "steps/min");
        addDevice(device, r, "device_contact_ms", "contact", 0, "ms");
        addDevice(device, r, "device_vertical_oscillation_cm", "vertical oscillation", 1, "cm");
        addDevice(device, r, "device_vertical_ratio_pct", "vertical ratio", 2, "%");
        addDevice(device, r, "device_contact_balance_left_pct", "balance", 2, "% left");
        addDevice(device, r, "device_step_length_m", "step length", 2, "m");
        StringBuilder sb = new StringBuilder();
        sb.append("Averages over the running records, each weighted by its steps. ");
        if (!device.isEmpty()) {
            sb.append("The watch's own session averages (all the session, walking included): ")
                    .append(String.join(", ", device)).append(". ");
        }
        sb.append("Cadence counts both feet (").append(r.info().getOrDefault("cadence_source_unit", "steps/min"))
                .append(" in the file). ");
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
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new String[] {fmt(num[i], 0), fmt(dist[i] / 1000, 2), WatchSessionTables.pace(pace[i]),
                fmt(elev[i], 0), fmt(grade[i], 1), WatchSessionTables.terrain(terr[i]), fmt(cad[i], 0), fmt(step[i], 2),
                fmt(gct[i], 0), fmt(vo[i], 1), fmt(bal[i], 1), fmt(hr[i], 0)});
        }
        PdfTable.draw(d, new float[] {28, 40, 40, 42, 38, 52, 48, 48, 44, 44, 44, 47},
                new boolean[] {true, true, true, true, true, false, true, true, true, true, true, true},
                new String[] {"km", "dist km", "pace", "elev. m", "grade", "terrain", "cadence", "step m", "GCT ms",
                    "VO cm", "bal. % L", "HR bpm"}, rows, null, 7.5f);
        d.paragraph("Every row of splits.csv; cadence in steps/min. Grade = elevation change / split length; flat "
                + "within ±2 %.", d.regular(), 7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
