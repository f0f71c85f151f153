package org.gaitform.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaitform.guidelines.Guideline;
import org.gaitform.guidelines.GuidelineEvaluator;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.metrics.TrainingLoad;
import org.gaitform.model.Finding;
import org.gaitform.model.GaitformException;
import org.gaitform.model.RunSummary;
import org.gaitform.model.ShoeUse;
import org.gaitform.model.TrainingMonth;
import org.gaitform.report.HistoryCsv;
import org.gaitform.model.SessionResult;
import org.gaitform.model.TrainingWeek;
import org.gaitform.model.WatchTraces;
import org.gaitform.report.AtomicFiles;
import org.gaitform.report.ChartSpec;
import org.gaitform.report.RunnerCharts;
import org.gaitform.report.RunnerReportPdf;
import org.gaitform.report.WeeklyLoadCsv;

/**
 * The runner's report of a batch: when watch sessions were analysed, their runs are gathered per runner — the
 * folder that holds the exports — into a weekly training-load table ({@code weekly-load.csv}) and a PDF
 * ({@code runner-report.pdf}) in the output folder. A batch with watch exports in several folders gets one pair per
 * folder, named after it ({@code runner-report-<folder>.pdf}). Sessions without a date cannot be placed in a week
 * and are listed as left out.
 */
public final class RunnerReports {
    /** File name of the runner's report. */
    public static final String PDF = org.gaitform.report.OutputNames.RUNNER_REPORT;
    /** File name of the weekly table. */
    public static final String CSV = org.gaitform.report.OutputNames.WEEKLY_LOAD;

    private final GuidelineTable table;

    public RunnerReports(GuidelineTable table) {
        this.table = table;
    }

    /** Where the batch's own files go (each checked and recorded: {@link BatchFiles}). */
    @FunctionalInterface
    interface Sink {
        void write(String name, byte[] bytes) throws IOException;
    }

    /**
     * Writes the runner reports of the watch sessions among the outcomes.
     *
     * @return the files written (empty when the batch had no watch session)
     */
    public List<Path> write(List<Outcome> outcomes, Path outDir) throws IOException {
        return write(outcomes, outDir, (name, bytes) -> AtomicFiles.write(outDir.resolve(name), bytes), null);
    }

    /**
     * Writes the runner reports through {@code sink}; a report whose place is taken by a file gaitform did not write is
     * added to {@code unwritten} (when not {@code null}) and the others are still written.
     */
    List<Path> write(List<Outcome> outcomes, Path outDir, Sink sink, List<String> unwritten) throws IOException {
        Map<String, List<Outcome>> groups = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            Optional<SessionResult> r = o.result();
            if (r.isPresent() && WatchTraces.isWatchSession(r.get())) {
                Path parent = o.input().path().toAbsolutePath().normalize().getParent();
                String group = parent == null || parent.getFileName() == null ? "runner" : parent.getFileName().toString();
                groups.computeIfAbsent(group, k -> new ArrayList<>()).add(o);
            }
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<Outcome>> g : groups.entrySet()) {
            String suffix = groups.size() == 1 ? "" : "-" + SessionIds.safe(g.getKey());
            try {
                written.addAll(writeOne(g.getKey(), g.getValue(), outDir, suffix, sink));
            } catch (AtomicFiles.NotOurs e) {
                if (unwritten == null) {
                    throw e;
                }
                unwritten.add("the runner's report of " + g.getKey() + " was not written: " + e.getMessage());
            }
        }
        return written;
    }

    private List<Path> writeOne(String name, List<Outcome> outcomes, Path outDir, String suffix, Sink sink)
            throws IOException {
        List<RunSummary> runs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Outcome o : outcomes) {
            SessionResult r = o.result().orElseThrow();
            RunSummary s = TrainingLoad.summarise(r);
            if (s == null) {
                skipped.add(o.input().display() + ": the export has no date (or no distance), so the run cannot be "
                        + "placed in a week");
            } else {
                runs.add(s);
            }
        }
        return write(name, runs, skipped, outDir, CSV.replace(".csv", suffix + ".csv"),
                PDF.replace(".pdf", suffix + ".pdf"), "", false, sink);
    }

    /**
     * Writes the report of a runner's whole history (an account export) into its folder: {@code runner-report.pdf},
     * {@code weekly-load.csv}, {@code monthly-form.csv}, {@code shoes.csv} and {@code activities.csv}.
     *
     * @param history    what the export held, in one sentence, for the report's title
     * @param activities every activity of the export, for {@code activities.csv}
     */
    public List<Path> writeHistory(String name, List<RunSummary> runs, List<String> skipped, Path dir, String history,
                                   List<HistoryCsv.Activity> activities) throws IOException {
        Sink sink = (file, bytes) -> AtomicFiles.write(dir.resolve(file), bytes);
        List<Path> out = new ArrayList<>(write(name, runs, skipped, dir, CSV, PDF, history, true, sink));
        sink.write("activities.csv", HistoryCsv.activities(activities).getBytes(StandardCharsets.UTF_8));
        out.add(dir.resolve("activities.csv"));
        return out;
    }

    /**
     * Writes the weekly table and the report (and, for a whole history, the monthly and shoe tables) through
     * {@code sink}, under names relative to {@code dir}.
     */
    private List<Path> write(String name, List<RunSummary> runs, List<String> skipped, Path dir, String csvName,
                             String pdfName, String history, boolean wholeHistory, Sink sink) throws IOException {
        Path csv = dir.resolve(csvName);
        Path pdf = dir.resolve(pdfName);
        runs = new ArrayList<>(runs);
        runs.sort(Comparator.comparingDouble(RunSummary::startEpochS));
        double limit = table.byId("R12").map(Guideline::low).filter(Double::isFinite)
                .orElse(TrainingLoad.Settings.DEFAULTS.maxIncreasePct());
        TrainingLoad.Settings settings = new TrainingLoad.Settings(limit, TrainingLoad.Settings.DEFAULTS.changePct(),
                TrainingLoad.Settings.DEFAULTS.minElevationChangeM());
        List<TrainingWeek> weeks = TrainingLoad.weeks(runs, settings);
        Finding load = null;
        String loadWeek = "";
        Optional<Guideline> r12 = table.byId("R12");
        if (r12.isPresent()) {
            TrainingWeek latest = null;
            for (TrainingWeek w : weeks) {
                if (Double.isFinite(w.weeklyIncreasePct())) {
                    latest = w;
                }
            }
            load = new GuidelineEvaluator(table).evaluate(r12.get(), latest == null ? Double.NaN
                    : latest.weeklyIncreasePct(), "watch");
            loadWeek = latest == null ? "" : latest.isoWeek();
        }
        List<TrainingMonth> months = TrainingLoad.months(runs);
        List<ShoeUse> shoes = TrainingLoad.shoes(runs);
        List<Finding> shoeFindings = new ArrayList<>();
        Optional<Guideline> r14 = table.byId("R14");
        for (ShoeUse sh : shoes) {
            if (r14.isPresent()) {
                shoeFindings.add(new GuidelineEvaluator(table).evaluate(r14.get(), sh.km(), "watch"));
            }
        }
        if (r14.isEmpty()) {
            shoes = List.of();
        }
        List<Path> written = new ArrayList<>();
        try {
            sink.write(csvName, WeeklyLoadCsv.write(weeks).getBytes(StandardCharsets.UTF_8));
            written.add(csv);
            if (wholeHistory) {
                sink.write("monthly-form.csv", HistoryCsv.months(months).getBytes(StandardCharsets.UTF_8));
                written.add(dir.resolve("monthly-form.csv"));
                sink.write("shoes.csv", HistoryCsv.shoes(shoes, shoeFindings.stream().map(f -> f.status().label())
                        .toList(), shoeFindings.stream().map(Finding::message).toList())
                        .getBytes(StandardCharsets.UTF_8));
                written.add(dir.resolve("shoes.csv"));
            }
            List<ChartSpec> charts = weeks.isEmpty() ? List.of() : RunnerCharts.forHistory(weeks, months);
            sink.write(pdfName, RunnerReportPdf.render(new RunnerReportPdf.Content(name, runs, weeks, skipped, limit,
                    settings.changePct(), settings.minElevationChangeM(), load, loadWeek, shoes, shoeFindings, months,
                    history), charts, table));
            written.add(0, pdf);
        } catch (RuntimeException e) {
            throw new GaitformException(GaitformException.Kind.OUTPUT, "could not write the runner's report " + pdf
                    + ": " + e, e);
        }
        return written;
    }
}
