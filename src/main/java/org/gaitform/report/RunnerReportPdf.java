package org.gaitform.report;

import java.awt.Color;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.model.Finding;
import org.gaitform.model.RunSummary;
import org.gaitform.model.ShoeUse;
import org.gaitform.model.TrainingMonth;
import org.gaitform.model.TrainingWeek;

/**
 * The runner's report (A4 PDF) over a folder of watch exports: the training load week by week with the weeks that
 * broke the 10 % rule or changed several things at once, the advice with its sources, the trends of the running
 * form, and every run. Every page says the report is not a diagnosis.
 */
public final class RunnerReportPdf {
    private RunnerReportPdf() {
    }

    /**
     * The content of the report.
     *
     * @param name       whose history it is (the folder's name)
     * @param runs       the runs, in time order
     * @param weeks      the weeks
     * @param skipped    sessions left out, with the reason
     * @param limitPct   the weekly increase limit used (%)
     * @param changePct  the rise that counts as a change (%)
     * @param minElevationChangeM the least elevation-gain rise that counts as a change (m)
     * @param loadFinding the training-load recommendation (R12) judged on the latest comparable week, or {@code null}
     * @param loadWeek    that week's ISO name, or empty
     */
    public record Content(String name, List<RunSummary> runs, List<TrainingWeek> weeks, List<String> skipped,
                          double limitPct, double changePct, double minElevationChangeM, Finding loadFinding,
                          String loadWeek, List<ShoeUse> shoes, List<Finding> shoeFindings, List<TrainingMonth> months,
                          String history) {
        public Content {
            runs = List.copyOf(runs);
            weeks = List.copyOf(weeks);
            skipped = List.copyOf(skipped);
            shoes = List.copyOf(shoes);
            shoeFindings = List.copyOf(shoeFindings);
            months = List.copyOf(months);
            java.util.Objects.requireNonNull(history, "history");
        }

        /** A runner's folder of exports: no shoes, no months, no account. */
        public Content(String name, List<RunSummary> runs, List<TrainingWeek> weeks, List<String> skipped,
                       double limitPct, double changePct, double minElevationChangeM, Finding loadFinding,
                       String loadWeek) {
            this(name, runs, weeks, skipped, limitPct, changePct, minElevationChangeM, loadFinding, loadWeek, List.of(),
                    List.of(), List.of(), "");
        }
    }

    /** Weeks listed in the week-by-week table; a longer history lists its last weeks (every week is in the CSV). */
    static final int MAX_WEEK_ROWS = 26;
    /** Runs listed in the runs table; a longer history lists its last runs (every run is in the CSV). */
    static final int MAX_RUN_ROWS = 40;
    /** Flagged weeks listed one by one; more are counted. */
    static final int MAX_FLAG_LINES = 12;

    /** Renders the report. */
    public static byte[] render(Content c, List<ChartSpec> charts, GuidelineTable table) throws IOException {
        try (PdfDoc d = new PdfDoc("Runner's report — " + c.name(), SessionReportPdf.DISCLAIMER)) {
            title(d, c);
            advice(d, c, table);
            shoes(d, c);
            weeksTable(d, c);
            for (ChartSpec ch : charts) {
                d.chart(ch);
            }
            runsTable(d, c);
            methods(d, c);
            references(d, table);
            return d.finish();
        }
    }

    private static String fmt(double v, int decimals) {
        String t = SessionReportPdf.fmt(v, decimals);
        return t.matches("-0(\\.0+)?") ? t.substring(1) : t;
    }

    private static String signed(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return Math.abs(v) < 0.5 ? "0" : String.format(Locale.ROOT, "%+.0f", v);
    }

    private static void title(PdfDoc d, Content c) throws IOException {
        d.line("Runner's training report", d.bold(), 18, PdfDoc.MARGIN, Palette.INK);
        d.space(2);
        double km = c.runs().stream().mapToDouble(RunSummary::distanceM).sum() / 1000;
        LocalDate first = c.weeks().isEmpty() ? null : c.weeks().get(0).monday();
        LocalDate last = c.weeks().isEmpty() ? null : c.weeks().get(c.weeks().size() - 1).monday().plusDays(6);
        d.paragraph(c.name() + " · " + c.runs().size() + " run(s) over " + c.weeks().size() + " week(s)"
                + (first == null ? "" : " from " + first + " to " + last) + " · " + fmt(km, 1) + " km in total",
                d.regular(), 9, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        if (!c.history().isEmpty()) {
            d.paragraph(c.history(), d.regular(), 8.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        }
        d.space(4);
    }

    /** The distance in each pair of shoes against the articles' 300–600 miles. */
    private static void shoes(PdfDoc d, Content c) throws IOException {
        if (c.shoes().isEmpty()) {
            return;
        }
        d.heading("Shoes", 12);
        List<String[]> rows = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        for (int i = 0; i < c.shoes().size(); i++) {
            ShoeUse s = c.shoes().get(i);
            Finding f = c.shoeFindings().get(i);
            rows.add(new String[] {s.shoe(), String.valueOf(s.runs()), s.first().toString(), s.last().toString(),
                fmt(s.km(), 0), fmt(s.miles(), 0), f.status().label().replace('_', ' ')});
            colours.add(switch (f.status()) {
                case OUTSIDE -> Palette.VERMILLION;
                case WATCH -> Palette.ORANGE;
                default -> null;
            });
        }
        PdfTable.draw(d, new float[] {165, 35, 62, 62, 50, 50, 91}, new boolean[] {false, true, false, false, true, true,
            false}, new String[] {"shoes (gear)", "runs", "first run", "last run", "km", "miles", "status"}, rows,
                colours, 7.5f);
        Finding any = c.shoeFindings().get(0);
        d.paragraph("Advice: " + any.advice() + " Within up to 300 miles (480 km); worth watching from 300 to 600 miles; "
                + "outside beyond 600 miles (965 km). Only the runs in this history count: shoes that had miles "
                + "before it have more.", d.regular(), 7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        d.paragraph("Source: " + SessionReportPdf.quoted(any.sources()), d.regular(), 7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH,
                Palette.MUTED);
        d.space(4);
    }

    private static void advice(PdfDoc d, Content c, GuidelineTable table) throws IOException {
        d.heading("Training load", 12);
        List<TrainingWeek> over = c.weeks().stream().filter(w -> w.distanceFlag() || w.speedFlag()).toList();
        List<TrainingWeek> several = c.weeks().stream().filter(TrainingWeek::oneChangeFlag).toList();
        if (c.weeks().size() < 2) {
            d.paragraph("One week of running: the week-to-week comparison needs at least two weeks of exports.",
                    d.regular(), 9, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.INK);
        } else if (over.isEmpty() && several.isEmpty()) {
            d.paragraph("No week raised distance or speed by more than " + fmt(c.limitPct(), 0) + " %, and no week changed "
                    + "more than one of distance, speed and elevation at once. A steady build-up.", d.regular(), 9,
                    PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.INK);
        }
        List<TrainingWeek> flagged = c.weeks().stream().filter(w -> over.contains(w) || several.contains(w)).toList();
        if (flagged.size() > MAX_FLAG_LINES) {
            d.paragraph(flagged.size() + " of the " + c.weeks().size() + " weeks broke a rule; the last "
                    + MAX_FLAG_LINES + " are listed (every week is in weekly-load.csv).", d.regular(), 9, PdfDoc.MARGIN,
                    PdfDoc.WIDTH, Palette.INK);
        }
        for (TrainingWeek w : flagged.subList(Math.max(0, flagged.size() - MAX_FLAG_LINES), flagged.size())) {
            flagLine(d, w, over.contains(w) ? "raised the load by more than " + fmt(c.limitPct(), 0) + " %: " + w.note()
                    : w.note());
        }
        Finding f = c.loadFinding();
        if (f != null) {
            TrainingWeek latest = c.weeks().stream().filter(w -> w.isoWeek().equals(c.loadWeek())).findFirst()
                    .orElse(null);
            if (latest != null) {
                d.paragraph(latestWeek(latest, c.limitPct()), d.regular(), 9, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.INK);
            }
            d.paragraph("Advice: " + f.advice(), d.regular(), 9, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.INK);
            d.paragraph("Source: " + SessionReportPdf.quoted(f.sources()) + " Evidence: " + f.evidenceNote(),
                    d.regular(), 7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        }
        d.space(4);
    }

    /**
     * The latest week compared with the one before, in words: what rose (distance, speed) and by how much, against
     * the limit — a speed change is called a speed change, not "the training load".
     */
    static String latestWeek(TrainingWeek w, double limitPct) {
        List<String> parts = new ArrayList<>();
        if (Double.isFinite(w.distanceChangePct())) {
            parts.add(String.format(Locale.ROOT, "distance %s %%", signed(w.distanceChangePct())));
        }
        if (Double.isFinite(w.speedChangePct())) {
            parts.add(String.format(Locale.ROOT, "speed %s %%", signed(w.speedChangePct())));
        }
        boolean speedLarger = Double.isFinite(w.speedChangePct()) && (!Double.isFinite(w.distanceChangePct())
                || w.speedChangePct() > w.distanceChangePct());
        double larger = w.weeklyIncreasePct();
        String verdict;
        if (!(larger > 0)) {
            verdict = "neither rose, so the week added no load";
        } else {
            verdict = String.format(Locale.ROOT, "the larger rise, %s %s %%, is %s the %s %% a week the articles allow",
                    speedLarger ? "speed" : "distance", signed(larger), larger > limitPct ? "above" : "within",
                    fmt(limitPct, 0));
        }
        return "Latest comparable week (" + w.isoWeek() + ", from " + w.monday() + "): " + String.join(", ", parts)
                + " against the week before; " + verdict + ".";
    }

    private static void flagLine(PdfDoc d, TrainingWeek w, String text) throws IOException {
        d.ensure(16);
        float top = d.y();
        d.box(PdfDoc.MARGIN, top - 2, 10, 10, Palette.VERMILLION, null);
        d.text("!", d.bold(), 7.5f, PdfDoc.MARGIN + 3.5f, top - 10, Color.WHITE);
        d.moveTo(top);
        d.paragraph("Week " + w.isoWeek() + " (from " + w.monday() + ", " + fmt(w.distanceM() / 1000, 1) + " km): " + text,
                d.regular(), 9, PdfDoc.MARGIN + 16, PdfDoc.WIDTH - 16, Palette.INK);
    }

    private static void weeksTable(PdfDoc d, Content c) throws IOException {
        d.heading("Week by week", 12);
        List<String[]> rows = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        List<TrainingWeek> shown = c.weeks().subList(Math.max(0, c.weeks().size() - MAX_WEEK_ROWS), c.weeks().size());
        if (shown.size() < c.weeks().size()) {
            d.paragraph("The last " + shown.size() + " of " + c.weeks().size() + " weeks; every week is in "
                    + "weekly-load.csv.", d.regular(), 7.5f, PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        }
        for (TrainingWeek w : shown) {
            String flags = (w.distanceFlag() ? "distance " : "") + (w.speedFlag() ? "speed " : "")
                    + (w.oneChangeFlag() ? "several " : "");
            rows.add(new String[] {w.isoWeek(), w.monday().toString(), String.valueOf(w.runs()),
                fmt(w.distanceM() / 1000, 1), WeeklyLoadCsv.hms(w.movingS()), WatchSessionTables.pace(w.paceSPerKm()),
                fmt(w.elevationGainM(), 0), signed(w.distanceChangePct()), signed(w.speedChangePct()),
                signed(w.elevationChangePct()), flags.isEmpty() ? "" : "! " + flags.trim()});
            colours.add(w.flagged() ? Palette.VERMILLION : null);
        }
        PdfTable.draw(d, new float[] {48, 54, 28, 40, 46, 36, 42, 44, 52, 50, 75},
                new boolean[] {false, false, true, true, true, true, true, true, true, true, false},
                new String[] {"week", "from", "runs", "km", "time", "pace", "elev. m", "Δ km %", "Δ speed %", "Δ elev. %",
                    "flags"}, rows, colours, 7.5f);
        d.paragraph("Changes are relative to the week before; a week after a week without running has none. Pace is "
                + "minutes per kilometre over the moving time. Every row is in weekly-load.csv.", d.regular(), 7.5f,
                PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
    }

    private static void runsTable(PdfDoc d, Content c) throws IOException {
        d.ensure(80);
        d.heading("Runs", 12);
        List<String[]> rows = new ArrayList<>();
        List<RunSummary> shown = c.runs().subList(Math.max(0, c.runs().size() - MAX_RUN_ROWS), c.runs().size());
        if (shown.size() < c.runs().size()) {
            d.paragraph("The last " + shown.size() + " of " + c.runs().size() + " runs; " + (c.history().isEmpty()
                    ? "every run has its session folder." : "every activity is in activities.csv."), d.regular(), 7.5f,
                    PdfDoc.MARGIN, PdfDoc.WIDTH, Palette.MUTED);
        }
        for (RunSummary r : shown) {
            Map<String, Double> f = r.form();
            rows.add(new String[] {r.localDate().toString(), r.name().isBlank() ? r.sessionId() : r.name(),
                fmt(r.distanceM() / 1000, 2), WeeklyLoadCsv.hms(r.movingS()),
                WatchSessionTables.pace(r.paceSPerKm()), fmt(r.elevationGainM(), 0),
                fmt(f.getOrDefault("cadence_spm", Double.NaN), 0), fmt(f.getOrDefault("contact_ms", Double.NaN), 0),
                fmt(f.getOrDefault("vertical_oscillation_cm", Double.NaN), 1),
                fmt(f.getOrDefault("contact_balance_left_pct", Double.NaN), 1),
                fmt(f.getOrDefault("step_length_m", Double.NaN), 2)});
        }
        PdfTable.draw(d, new float[] {52, 123, 36, 44, 34, 34, 46, 34, 38, 42, 32},
                new boolean[] {false, false, true, true, true, true, true, true, true, true, true},
                new String[] {"date", "run", "km", "time", "pace", "elev.", "cadence", "GCT", "VO cm", "bal. % L",
                    "step"}, rows, null, 7.5f);
    }

    private static void methods(PdfDoc d, Content c) throws IOException {
        d.ensure(100);
        d.heading("Methods", 12);
        d.paragraph("Weeks run from Monday to Sunday (ISO weeks) in the runner's local time when the export gives it, "
                + "else in UTC; weeks without a run between the first and the last are shown. Distance, moving time "
                + "and elevation gain are the sums over the week's runs (the watch's total ascent when it gives one); "
                + "speed is distance over moving time. A week is flagged when its distance or speed rose by more than "
                + fmt(c.limitPct(), 0) + " % over the week before (the guideline table's limit), and when more than "
                + "one of distance, speed and elevation gain rose at once (a rise of more than " + fmt(c.changePct(), 0)
                + " %, for elevation also at least " + fmt(c.minElevationChangeM(), 0) + " m; decreases add no load). "
                + "Form values are each week's running-time-weighted averages of the sessions' values.", 8.5f);
        if (!c.skipped().isEmpty()) {
            d.line("Left out", d.bold(), 8.5f, PdfDoc.MARGIN, Palette.INK);
            for (String s : c.skipped()) {
                d.paragraph("• " + s, d.regular(), 7.5f, PdfDoc.MARGIN + 6, PdfDoc.WIDTH - 6, Palette.INK);
            }
        }
    }

    private static void references(PdfDoc d, GuidelineTable table) throws IOException {
        d.ensure(80);
        d.heading("References", 12);
        for (Map.Entry<String, String> e : table.sources().entrySet()) {
            d.paragraph("[" + e.getKey() + "] “" + e.getValue() + "”", d.regular(), 8, PdfDoc.MARGIN, PdfDoc.WIDTH,
                    Palette.INK);
        }
    }
}
