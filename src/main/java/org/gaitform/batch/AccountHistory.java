package org.gaitform.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaitform.io.watch.AccountExport;
import org.gaitform.io.watch.WatchBytes;
import org.gaitform.metrics.TrainingLoad;
import org.gaitform.model.GaitformException;
import org.gaitform.model.RunSummary;
import org.gaitform.model.SessionResult;
import org.gaitform.model.WatchRecording;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.report.AtomicFiles;
import org.gaitform.report.HistoryCsv;
import org.gaitform.report.Ownership;
import org.gaitform.report.SessionWriter;

/**
 * A runner's whole account (a Strava bulk export or a Garmin Connect data export, {@link AccountExport}) analysed as
 * one input: every activity is read from the export (nothing extracted), runs are analysed on {@code jobs} threads
 * and kept as one small summary each, other sports are skipped and counted by type, and the history's report is
 * written into the input's folder: {@code runner-report.pdf} over the whole history (weekly load with the 10 % rule,
 * shoes, form trends by month), {@code weekly-load.csv}, {@code monthly-form.csv}, {@code shoes.csv},
 * {@code activities.csv} (every activity and what became of it), and full session folders for the most recent
 * runs under {@code runs/}.
 *
 * <p>Memory is bounded: at most twice {@code jobs} activities are read ahead of the analysis, each at most
 * {@link AccountExport#MAX_ACTIVITY_BYTES}; the analyses are dropped once summarised, apart from the
 * {@code recentSessions} most recent kept for their folders. The folder is written under a temporary name and moved
 * into place, so it is complete or absent.
 */
final class AccountHistory {
    private final SessionPipeline pipeline;
    private final SessionWriter writer;
    private final AnalysisSettings settings;
    private final int jobs;
    private final int recentSessions;

    /**
     * @param jobs           activities analysed at the same time
     * @param recentSessions how many of the most recent runs get a full session folder
     */
    AccountHistory(SessionPipeline pipeline, SessionWriter writer, AnalysisSettings settings, int jobs,
                   int recentSessions) {
        this.pipeline = pipeline;
        this.writer = writer;
        this.settings = settings;
        this.jobs = Math.max(1, jobs);
        this.recentSessions = Math.max(0, recentSessions);
    }

    /** What became of one activity, with its run summary when it is a run. */
    private record Done(HistoryCsv.Activity row, RunSummary run) {
    }

    /** Analyses the export and writes its folder {@code outDir/<id>}. */
    Outcome run(Input input, String id, Path outDir, BatchListener listener) {
        Path tmp = null;
        try (AccountExport export = AccountExport.open(input.path(), input.display())) {
            List<Done> results = java.util.Collections.synchronizedList(new ArrayList<>());
            TreeMap<Double, SessionResult> recent = new TreeMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
                Thread t = new Thread(r, "gaitform-history");
                t.setDaemon(true);
                return t;
            });
            Semaphore inFlight = new Semaphore(2 * jobs);
            AtomicInteger seen = new AtomicInteger();
            AtomicInteger finished = new AtomicInteger();
            Object progress = new Object();
            try {
                export.forEach((activity, content, error) -> {
                    seen.incrementAndGet();
                    try {
                        inFlight.acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                    pool.submit(() -> {
                        try {
                            results.add(one(input, activity, content, error, recent));
                        } finally {
                            inFlight.release();
                            int f = finished.incrementAndGet();
                            synchronized (progress) {
                                listener.activities(input, f, export.expected());
                            }
                        }
                    });
                });
            } finally {
                pool.shutdown();
                try {
                    if (!pool.awaitTermination(7, TimeUnit.DAYS)) {
                        pool.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    pool.shutdownNow();
                    Thread.currentThread().interrupt();
                }
            }
            List<Done> all = new ArrayList<>(results);
            all.sort(Comparator.comparingInt(d -> d.row().index()));
            List<RunSummary> runs = new ArrayList<>();
            List<HistoryCsv.Activity> rows = new ArrayList<>();
            Map<String, Integer> other = new TreeMap<>();
            int failed = 0;
            int noFile = 0;
            List<String> skipped = new ArrayList<>();
            for (Done d : all) {
                rows.add(d.row());
                switch (d.row().status()) {
                    case "run" -> {
                        if (d.run() != null) {
                            runs.add(d.run());
                        } else {
                            skipped.add(d.row().file() + ": the run has no date or distance, so it cannot be placed in "
                                    + "a week");
                        }
                    }
                    case "other_sport" -> other.merge(d.row().type().isBlank() ? "unknown sport" : d.row().type(), 1,
                            Integer::sum);
                    case "no_file" -> noFile++;
                    default -> {
                        failed++;
                        if (skipped.size() < 50) {
                            skipped.add(d.row().file() + ": " + d.row().message());
                        }
                    }
                }
            }
            if (failed > 50) {
                skipped.add("… and " + (failed - 50) + " more that could not be read (all in activities.csv)");
            }
            int others = other.values().stream().mapToInt(Integer::intValue).sum();
            String history = String.format(Locale.ROOT, "%s: %d activities — %d runs analysed, %d other activities "
                            + "skipped%s%s%s.", export.layout().label(), all.size(), runs.size(), others,
                    other.isEmpty() ? "" : " (" + String.join(", ", other.entrySet().stream().map(e -> e.getKey() + " "
                            + e.getValue()).toList()) + ")", noFile > 0 ? ", " + noFile + " without a file" : "",
                    failed > 0 ? ", " + failed + " that could not be read or analysed" : "");
            tmp = AtomicFiles.tempDir(outDir, id);
            if (!recent.isEmpty()) {
                Path runsDir = tmp.resolve("runs");
                java.nio.file.Files.createDirectories(runsDir);
                for (SessionResult r : recent.values()) {
                    writer.write(r, runsDir);
                }
                AtomicFiles.removeEmptyArea(runsDir);
            }
            String name = input.path().getFileName() == null ? id : input.path().getFileName().toString();
            new RunnerReports(settings.guidelines()).writeHistory(name, runs, skipped, tmp, history, rows);
            // the history folder is gaitform's like any session folder: marked, so a later run may replace it
            Ownership.mark(tmp, id);
            AtomicFiles.replaceDir(tmp, outDir.resolve(id));
            tmp = null;
            String msg = String.format(Locale.ROOT, "%s: %d runs analysed, %d other activities skipped%s%s",
                    export.layout().label(), runs.size(), others, noFile > 0 ? ", " + noFile + " without a file" : "",
                    failed > 0 ? ", " + failed + " failed (see activities.csv)" : "");
            if (runs.isEmpty()) {
                return new Outcome(input, id, false, input.display() + ": " + history + " No run could be analysed.",
                        Optional.empty(), Optional.empty());
            }
            return new Outcome(input, id, true, msg, Optional.empty(), Optional.empty());
        } catch (GaitformException e) {
            return new Outcome(input, id, false, e.getMessage(), Optional.empty(), Optional.of(e));
        } catch (AtomicFiles.NotOurs e) {
            GaitformException g = new GaitformException(GaitformException.Kind.OUTPUT, e.getMessage(), e);
            return new Outcome(input, id, false, input.display() + ": " + e.getMessage(), Optional.empty(),
                    Optional.of(g));
        } catch (IOException e) {
            return new Outcome(input, id, false, input.display() + ": could not read the export (" + e.getMessage() + ")",
                    Optional.empty(), Optional.of(e));
        } finally {
            if (tmp != null) {
                try {
                    AtomicFiles.deleteTree(tmp);
                } catch (IOException ignored) {
                    // removed by the next run
                }
            }
        }
    }

    /** Reads and analyses one activity (on a worker thread). */
    private Done one(Input input, AccountExport.Activity a, byte[] content, String error,
                     TreeMap<Double, SessionResult> recent) {
        String date = a.date().map(t -> t.atOffset(ZoneOffset.UTC).toLocalDate().toString()).orElse("");
        String source = input.display() + "!" + (a.file().isEmpty() ? a.id() : a.file());
        if (a.running().orElse(true).equals(false)) {
            return done(a, date, "other_sport", a.type(), "", null, null);
        }
        if (a.file().isEmpty()) {
            return done(a, date, "no_file", a.type(), "no file: entered by hand", null, null);
        }
        if (content == null) {
            return done(a, date, "failed", a.type(), error == null ? "could not be read" : error, null, null);
        }
        if (!WatchBytes.readable(a.file())) {
            return done(a, date, "failed", a.type(), "not a FIT, TCX or GPX file", null, null);
        }
        try {
            String type = a.type();
            if (a.running().isEmpty()) {
                String sport = WatchBytes.sport(a.file(), content, source);
                if (!sport.isEmpty() && !sport.equals("running") && !sport.equals("generic")) {
                    return done(a, date, "other_sport", sport, "", null, null);
                }
                type = sport.isEmpty() ? "" : sport;
            }
            WatchRecording rec = WatchBytes.read(a.file(), content, source, settings.read().watch());
            String sessionId = sessionId(a, rec);
            SessionResult r = pipeline.analyseWatch(rec, sessionId, a.name(), a.gear());
            RunSummary s = TrainingLoad.summarise(r);
            keepRecent(recent, r);
            Map<String, Double> v = new LinkedHashMap<>();
            for (String k : new String[] {"distance_m", "moving_s", "pace_s_per_km", "elevation_gain_m", "cadence_spm",
                "contact_ms", "vertical_oscillation_cm", "heart_rate_bpm", "power_w"}) {
                v.put(k, r.metric(k));
            }
            String runDate = r.info().getOrDefault("start_time_local", "");
            return new Done(new HistoryCsv.Activity(a.index(), a.id(), runDate.length() >= 10 ? runDate.substring(0, 10)
                    : date, a.name(), type, a.gear(), a.file(), "run", "", sessionId, v), s);
        } catch (GaitformException e) {
            String m = e.getMessage();
            boolean notRunning = m.contains("no running in this file");
            return done(a, date, notRunning ? "other_sport" : "failed", a.type(), notRunning ? "" : m, null, null);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return done(a, date, "failed", a.type(), "internal error while analysing (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", null, null);
        }
    }

    private static Done done(AccountExport.Activity a, String date, String status, String type, String message,
                             String sessionId, RunSummary run) {
        return new Done(new HistoryCsv.Activity(a.index(), a.id(), date, a.name(), type, a.gear(), a.file(), status,
                message, sessionId == null ? "" : sessionId, Map.of()), run);
    }

    /** A run's session id: its local date and the export's id ({@code 2023-05-14_9012345678}). */
    private static String sessionId(AccountExport.Activity a, WatchRecording rec) {
        String date = Double.isFinite(rec.startEpochS()) ? Instant.ofEpochSecond((long) rec.startEpochS())
                .atOffset(ZoneOffset.UTC).toLocalDate().toString() : "undated";
        return SessionIds.safe(date + "_" + a.id());
    }

    /** Keeps the {@code recentSessions} most recent analyses (for their session folders), drops the others. */
    private void keepRecent(TreeMap<Double, SessionResult> recent, SessionResult r) {
        if (recentSessions == 0) {
            return;
        }
        double start = r.metric("start_epoch_s");
        if (!Double.isFinite(start)) {
            return;
        }
        synchronized (recent) {
            recent.put(start + recent.size() * 1e-6, r);
            while (recent.size() > recentSessions) {
                recent.pollFirstEntry();
            }
        }
    }
}
