package org.gaitform.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaitform.io.InputReaders;
import org.gaitform.model.FindingStatus;
import org.gaitform.model.GaitformException;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.report.AtomicFiles;
import org.gaitform.report.BatchEntry;
import org.gaitform.report.BatchReportPdf;
import org.gaitform.report.BatchSummaryCsv;
import org.gaitform.report.ChartImages;
import org.gaitform.report.SessionSummaryReader;
import org.gaitform.report.SessionWriter;

/**
 * Runs a batch: discovers inputs, analyses and writes each one, and writes {@code batch-summary.csv}. A
 * failing input is recorded with its message and the others go on.
 *
 * <p>With {@link BatchOptions#jobs()} above 1, sessions are analysed on that many worker threads. The
 * outcomes, {@code batch-summary.csv} and every session folder are the same as in a run with one job:
 * session ids are assigned before any work starts, each session writes only its own folder, and the
 * summary is written in input order once all sessions are done. Parallel sessions reserve an estimate of
 * their memory first ({@link MemoryGate}), so that several long recordings never run at once on a small heap.
 */
public final class BatchRunner {
    private final AnalysisSettings settings;
    private final String version;
    private final BatchOptions options;

    /** A runner with one job at a time. */
    public BatchRunner(AnalysisSettings settings, String version) {
        this(settings, version, BatchOptions.DEFAULTS);
    }

    /**
     * @param settings analysis settings (the same for every input)
     * @param version  gaitform's version, written into the outputs
     * @param options  jobs and re-run behaviour
     */
    public BatchRunner(AnalysisSettings settings, String version, BatchOptions options) {
        this.settings = settings;
        this.version = version;
        this.options = options;
    }

    /**
     * Runs the batch.
     *
     * @param given    files and folders named by the user
     * @param outDir   output folder
     * @param listener progress receiver (see {@link BatchListener} for threads)
     */
    public BatchResult run(List<Path> given, Path outDir, BatchListener listener) throws IOException {
        return run(given, null, outDir, listener);
    }

    /**
     * Runs the batch with the inputs named relative to a folder (in messages, tables and reports).
     *
     * @param given       files and folders
     * @param displayBase folder the inputs are named relative to, or null for the paths as given
     * @param outDir      output folder
     * @param listener    progress receiver
     */
    public BatchResult run(List<Path> given, Path displayBase, Path outDir, BatchListener listener) throws IOException {
        try (OutputLock lock = OutputLock.acquire(outDir)) {
            return runLocked(given, displayBase, outDir, listener);
        }
    }

    private BatchResult runLocked(List<Path> given, Path displayBase, Path outDir, BatchListener listener)
            throws IOException {
        AtomicFiles.cleanLeftovers(outDir);
        List<Input> inputs = new InputDiscovery(new InputReaders()).discover(given, outDir, displayBase);
        List<String> ids = SessionIds.assign(inputs.stream().map(Input::path).toList());
        int total = inputs.size();
        listener.started(total);
        Sessions sessions = new Sessions(outDir);
        Outcome[] outcomes = new Outcome[total];
        Progress progress = new Progress(listener, total);
        int jobs = Math.min(options.jobs(), Math.max(1, total));
        if (jobs == 1) {
            for (int i = 0; i < total; i++) {
                outcomes[i] = sessions.process(inputs.get(i), ids.get(i));
                progress.finished(outcomes[i]);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(jobs, workerThreads());
            MemoryGate memory = MemoryGate.forThisJvm();
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < total; i++) {
                    int k = i;
                    futures.add(pool.submit(() -> {
                        long reserved = memory.acquire(MemoryGate.estimate(inputs.get(k).path()));
                        try {
                            outcomes[k] = sessions.process(inputs.get(k), ids.get(k));
                        } finally {
                            memory.release(reserved);
                        }
                        progress.finished(outcomes[k]);
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    await(f);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        List<Outcome> ordered = Arrays.asList(outcomes);
        // skipped sessions come back from their summary.json for the batch tables and reports
        List<Outcome> complete = ordered.stream().map(o -> restored(o, outDir)).toList();
        List<BatchEntry> entries = complete.stream().map(BatchRunner::entry).toList();
        Path summary = outDir.resolve("batch-summary.csv");
        AtomicFiles.write(summary, BatchSummaryCsv.write(entries));
        AtomicFiles.write(outDir.resolve("batch-report.pdf"), BatchReportPdf.render(entries, settings.guidelines()));
        for (Path p : new RunnerReports(settings.guidelines()).write(complete, outDir)) {
            listener.written(p);
        }
        return new BatchResult(ordered, summary);
    }

    /** What every session of one run shares: the pipeline, the writer, the manifest. Thread-safe. */
    private final class Sessions {
        private final Path outDir;
        private final SessionPipeline pipeline = new SessionPipeline(settings);
        private final SessionWriter writer = new SessionWriter(settings.guidelines(), version, ChartImages.DEFAULT_DPI);
        private final Manifest manifest;
        private final String settingsHash;

        Sessions(Path outDir) {
            this.outDir = outDir;
            this.manifest = Manifest.load(outDir);
            this.settingsHash = SettingsFingerprint.of(settings, version, ChartImages.DEFAULT_DPI);
        }

        /** Skips an unchanged session, or analyses and writes it and records it in the manifest. */
        Outcome process(Input input, String id) {
            String inputHash = hashOrNull(input.path());
            Path folder = outDir.resolve(id);
            Manifest.Entry prev = manifest.get(id);
            if (!options.force() && inputHash != null && prev != null && prev.input().equals(input.display())
                    && prev.inputSha256().equals(inputHash) && prev.settingsSha256().equals(settingsHash)
                    && prev.outputsSha256().equals(hashOrNull(folder))) {
                return new Outcome(input, id, Outcome.Status.SKIPPED, "unchanged since the last run ("
                        + prev.row().message() + ")", Optional.empty(), Optional.empty(), Optional.of(prev.row()));
            }
            Outcome o = one(pipeline, writer, input, id, outDir);
            try {
                if (o.ok()) {
                    String outputs = hashOrNull(folder);
                    if (inputHash != null && outputs != null) {
                        manifest.put(new Manifest.Entry(id, input.display(), inputHash, settingsHash, outputs, row(o)));
                    } else {
                        manifest.remove(id);
                    }
                } else if (prev != null) {
                    // results of an earlier run would contradict this failure: they go, with their entry
                    AtomicFiles.removeDir(folder);
                    manifest.remove(id);
                }
            } catch (IOException e) {
                // the manifest could not be updated: at worst the session is analysed again next time
            }
            return o;
        }
    }

    private static String hashOrNull(Path p) {
        try {
            return Files.exists(p) ? ContentHash.of(p) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Serialises the listener's calls and numbers them in finishing order. */
    private static final class Progress {
        private final BatchListener listener;
        private final int total;
        private int done;

        Progress(BatchListener listener, int total) {
            this.listener = listener;
            this.total = total;
        }

        synchronized void finished(Outcome o) {
            done++;
            listener.finished(o, done, total);
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "gaitform-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the sessions", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Error err) {
                throw err;
            }
            if (c instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for memory for a session", c);
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        }
    }

    static Outcome one(SessionPipeline pipeline, SessionWriter writer, Input input, String id, Path outDir) {
        try {
            SessionResult r = pipeline.analyse(input.path(), input.display(), id);
            writer.write(r, outDir);
            String msg = String.format(Locale.ROOT, "%d running steps, cadence %.1f steps/min",
                    (long) r.metric("n_steps"), r.metric("cadence_spm"));
            if (!(r.metric("n_steps") > 0) && r.metric("walking_n_steps") > 0) {
                msg = String.format(java.util.Locale.ROOT, "no running; %d walking steps, walking cadence %.1f steps/min",
                        (long) r.metric("walking_n_steps"), r.metric("walking_cadence_spm"));
            } else if (!Double.isFinite(r.metric("cadence_spm"))) {
                msg = String.format(java.util.Locale.ROOT, "%.0f s running; the input has no cadence", r.metric("running_s"));
            }
            return new Outcome(input, id, true, msg, Optional.of(r), Optional.empty());
        } catch (GaitformException e) {
            return new Outcome(input, id, false, e.getMessage(), Optional.empty(), Optional.of(e));
        } catch (OutOfMemoryError e) {
            return new Outcome(input, id, false, input.display() + ": not enough memory to analyse it (heap limit "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); run it with fewer --jobs or a larger heap "
                    + "(GAITFORM_JAVA_OPTS=-Xmx2g)", Optional.empty(), Optional.of(e));
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(input, id, false, input.display() + ": internal error while analysing ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); please report it with the file", Optional.empty(), Optional.of(e));
        }
    }

    static BatchEntry entry(Outcome o) {
        String status = switch (o.status()) {
            case OK -> "ok";
            case SKIPPED -> "skipped";
            case FAILED -> "failed";
        };
        return new BatchEntry(o.input().display(), o.sessionId(), status, o.message(), o.result());
    }

    /** A skipped outcome with its session read back from the folder an earlier run wrote. */
    private Outcome restored(Outcome o, Path outDir) {
        if (o.status() != Outcome.Status.SKIPPED || o.result().isPresent()) {
            return o;
        }
        return new Outcome(o.input(), o.sessionId(), o.status(), o.message(),
                SessionSummaryReader.read(outDir.resolve(o.sessionId()).resolve("summary.json"), settings.guidelines()),
                o.detail(), o.carried());
    }

    /** The row the manifest keeps for a session, so that a later run can report it when it skips it. */
    static BatchSummaryCsv.Row row(Outcome o) {
        if (o.carried().isPresent()) {
            return o.carried().get().asSkipped(o.message());
        }
        if (o.result().isEmpty()) {
            return new BatchSummaryCsv.Row(o.input().display(), o.sessionId(), false, o.message(), "", "", Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "", "");
        }
        SessionResult r = o.result().get();
        String top = r.findings().stream().filter(f -> f.priority() == 1 && f.status() != FindingStatus.WITHIN)
                .map(f -> f.indicator() + ": " + f.status().phrase()).findFirst().orElse("");
        return new BatchSummaryCsv.Row(o.input().display(), o.sessionId(), true, o.message(), r.inputKind(),
                r.placement().label(), r.metric("n_steps"), r.metric("cadence_spm"), r.metric("contact_ms"),
                r.metric("flight_ms"), r.metric("duty_factor"), r.metric("running_s"), r.metric("walking_s"), top,
                o.sessionId() + "/report.pdf");
    }
}
