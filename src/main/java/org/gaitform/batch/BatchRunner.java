package org.gaitform.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;
import org.gaitform.dataset.DatasetTable;
import org.gaitform.io.InputReaders;
import org.gaitform.io.archive.InflationBudget;
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
import org.gaitform.report.OutputNames;
import org.gaitform.report.Ownership;
import org.gaitform.report.SessionSummaryReader;
import org.gaitform.report.SessionWriter;

/**
 * Runs a batch: discovers inputs, analyses and writes each one, and writes {@code batch-summary.csv}. A
 * failing input is recorded with its message and the others go on.
 *
 * <p>Sessions are analysed on {@link BatchOptions#jobs()} worker threads. The outcomes, {@code batch-summary.csv}
 * and every session folder are the same for any number of jobs: session ids are assigned before any work starts,
 * each session writes only its own folder, and the summary is written in input order once all sessions are done.
 * Sessions reserve an estimate of their memory first ({@link MemoryGate}), so that several long recordings never
 * run at once on a small heap.
 *
 * <p>Safety of the output folder: gaitform only replaces or deletes what it can prove it wrote (session folders by
 * their marker, {@link Ownership}; the batch's own files by the manifest, {@link BatchFiles}); a session whose place is
 * taken by something else fails with a message saying so, and nothing is deleted. Before any work the run refuses an
 * output folder that is one of the input folders, or an input inside a session folder it would replace; it empties
 * the temporary area that dead runs left ({@link AtomicFiles#cleanLeftovers}). {@link #requestStop} (SIGTERM,
 * Ctrl-C) stops it in order: no new session starts, running ones get {@value #STOP_GRACE_MS} ms to finish (then
 * they are abandoned and leave nothing but temporary files the next run removes), and the manifest and summary are
 * written for what finished.
 */
public final class BatchRunner {
    /** How long a stopping run waits for the sessions that are running (ms). */
    public static final long STOP_GRACE_MS = 5000;
    /** The {@code skip_reason} of inputs a stopped run did not get to. */
    public static final String INTERRUPTED = "interrupted";
    private final AnalysisSettings settings;
    private final String version;
    private final BatchOptions options;
    private volatile boolean stopRequested;
    private volatile String stopReason = "";
    private volatile MemoryGate gate;

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
     * Asks a running batch to stop in order (from any thread, for example a shutdown hook): sessions not yet started
     * are not started, running ones are given {@link #STOP_GRACE_MS} to finish, then the summary is written for what
     * finished and {@link #run} returns with {@link BatchResult#stopped()}.
     *
     * @param why what asked, for the summary's messages ("the process was asked to stop (SIGTERM or Ctrl-C)")
     */
    public void requestStop(String why) {
        stopReason = why;
        stopRequested = true;
        MemoryGate g = gate;
        if (g != null) {
            g.cancel();
        }
    }

    /**
     * Runs the batch.
     *
     * @param given    files and folders named by the user
     * @param outDir   output folder
     * @param listener progress receiver (see {@link BatchListener} for threads)
     * @throws GaitformException (kind {@code OUTPUT}) when the output folder cannot be used, with the reason; (kind
     *                           {@code USAGE}) when the output folder and the inputs overlap
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
        SettingsFingerprint.startCodeHash(); // on another core while the run prepares and reads
        refuseOutputAsInput(given, outDir);
        prepareOutFolder(outDir);
        try (OutputLock lock = OutputLock.acquire(outDir)) {
            return runLocked(given, displayBase, outDir, listener);
        }
    }

    /** The output folder exists (it is created) and is a folder gaitform may write into; otherwise a clear error. */
    private static void prepareOutFolder(Path outDir) {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new GaitformException(GaitformException.Kind.OUTPUT, "cannot write to " + outDir + ": it is a file, "
                    + "not a folder; give --out a folder (it is created when missing)");
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new GaitformException(GaitformException.Kind.OUTPUT, "cannot create the output folder " + outDir + ": "
                    + AtomicFiles.reason(e) + (e instanceof java.nio.file.FileAlreadyExistsException
                    ? " (a file of that name is in the way)" : ""), e);
        }
        if (!Files.isWritable(outDir)) {
            throw new GaitformException(GaitformException.Kind.OUTPUT, "cannot write to " + outDir + ": permission "
                    + "denied (the folder is read-only for this user); choose another --out or make it writable");
        }
    }

    private BatchResult runLocked(List<Path> given, Path displayBase, Path outDir, BatchListener listener)
            throws IOException {
        List<String> warnings = new ArrayList<>();
        Manifest manifest = Manifest.load(outDir);
        if (!manifest.foreign().isEmpty()) {
            throw new GaitformException(GaitformException.Kind.OUTPUT, outDir.resolve(Manifest.FILE_NAME) + " exists "
                    + "and was not written by gaitform (" + manifest.foreign() + "); choose another --out or move it");
        }
        InputDiscovery.Found found = new InputDiscovery(new InputReaders(), displayBase).search(given, outDir);
        List<Input> inputs = found.inputs();
        List<String> ids = SessionIds.assign(inputs.stream().map(Input::path).toList(),
                inputs.stream().map(Input::display).toList(), manifest.idsByInput());
        refuseInputsInSessions(inputs, ids, outDir);
        Path area;
        try {
            area = AtomicFiles.tempArea(outDir);
        } catch (AtomicFiles.NotOurs e) {
            throw new GaitformException(GaitformException.Kind.OUTPUT, e.getMessage(), e);
        }
        AtomicFiles.Leftovers left = AtomicFiles.cleanLeftovers(outDir);
        for (String w : left.notRemoved()) {
            warnings.add(w);
            listener.notice(w);
        }
        BatchFiles files = new BatchFiles(outDir, area, manifest);
        try {
            files.requireWritable(OutputNames.BATCH_SUMMARY);
            if (options.outputs().reports()) {
                files.requireWritable(OutputNames.BATCH_REPORT);
            }
            if (options.outputs().datasetTables()) {
                for (DatasetTable t : DatasetTable.values()) {
                    files.requireWritable(options.format().fileName(t));
                }
            }
        } catch (AtomicFiles.NotOurs e) {
            throw new GaitformException(GaitformException.Kind.OUTPUT, e.getMessage(), e);
        }
        adoptEarlierSessions(manifest, outDir);
        int total = inputs.size();
        listener.started(total);
        AtomicReferenceArray<Outcome> outcomes = new AtomicReferenceArray<>(total);
        Progress progress = new Progress(listener, total);
        Sessions sessions = new Sessions(outDir, manifest, progress);
        int jobs = Math.min(options.jobs(), Math.max(1, total));
        ExecutorService pool = Executors.newFixedThreadPool(jobs, workerThreads());
        MemoryGate memory = jobs == 1 ? new MemoryGate(Long.MAX_VALUE) : MemoryGate.forThisJvm();
        gate = memory;
        if (stopRequested) {
            memory.cancel();
        }
        InflationBudget budget = InflationBudget.forBatch(compressedBytes(inputs));
        boolean abandoned = false;
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    if (stopRequested) {
                        return null;
                    }
                    long reserved = memory.acquire(jobs == 1 ? 0 : MemoryGate.estimate(inputs.get(k).path()));
                    try {
                        if (stopRequested || memory.cancelled()) {
                            return null;
                        }
                        try (InflationBudget.Scope s = budget.use()) {
                            outcomes.set(k, sessions.process(inputs.get(k), ids.get(k)));
                        }
                    } finally {
                        memory.release(reserved);
                    }
                    progress.finished(outcomes.get(k));
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                if (!await(f)) {
                    break;
                }
            }
        } finally {
            pool.shutdown();
            sessions.close();
            if (stopRequested) {
                memory.cancel();
                try {
                    abandoned = !pool.awaitTermination(STOP_GRACE_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    abandoned = true;
                }
                progress.close();
            }
        }
        boolean stopped = stopRequested;
        List<Outcome> ordered = new ArrayList<>();
        List<InputDiscovery.Skipped> notAnalysed = new ArrayList<>();
        List<BatchEntry> entries = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Outcome o = outcomes.get(i);
            if (o == null) {
                Input in = inputs.get(i);
                InputDiscovery.Skipped s = new InputDiscovery.Skipped(in.path(), in.display(), INTERRUPTED,
                        "not analysed: " + stopReason + " before it was done; run again to analyse it");
                notAnalysed.add(s);
                entries.add(BatchEntry.notAnalysed(s.display(), s.reason(), s.message()));
                continue;
            }
            // skipped sessions come back from their summary.json for the batch tables and reports
            Outcome complete = restored(o, outDir);
            ordered.add(complete);
            entries.add(entry(complete));
        }
        for (InputDiscovery.Skipped s : found.skipped()) {
            notAnalysed.add(s);
            entries.add(BatchEntry.notAnalysed(s.display(), s.reason(), s.message()));
        }
        Path summary = outDir.resolve(OutputNames.BATCH_SUMMARY);
        List<String> unwritten = new ArrayList<>();
        List<Path> dataset = List.of();
        try {
            files.write(OutputNames.BATCH_SUMMARY, BatchSummaryCsv.write(entries));
            if (options.outputs().datasetTables()) {
                try {
                    dataset = DatasetTables.write(ordered, outDir, files, options.format(), settings.guidelines(),
                            version);
                } catch (OutOfMemoryError oom) {
                    // one session's steps are held whole while the tables are written (a multi-day watch export:
                    // millions of steps); the sessions' own folders are complete, only the batch's tables are not
                    dataset = List.of();
                    unwritten.add(String.format(Locale.ROOT, "the dataset tables (%s) were not written: a session's "
                            + "rows do not fit in the %d MB of memory Java was given; each session's own steps.csv "
                            + "and summary.json are complete. Give Java more memory (e.g. GAITFORM_JAVA_OPTS=-Xmx%dg) "
                            + "or leave the tables out (--outputs reports)", String.join(", ",
                            java.util.Arrays.stream(org.gaitform.dataset.DatasetTable.values())
                                    .map(t -> options.format().fileName(t)).toList()),
                            Runtime.getRuntime().maxMemory() >> 20,
                            Math.max(2, 2 * (int) Math.ceil(Runtime.getRuntime().maxMemory() / 1e9))));
                }
            }
            if (options.outputs().reports()) {
                files.write(OutputNames.BATCH_REPORT, BatchReportPdf.render(entries, settings.guidelines()));
            }
        } catch (AtomicFiles.NotOurs e) {
            throw new GaitformException(GaitformException.Kind.OUTPUT, e.getMessage(), e);
        }
        for (Path p : new RunnerReports(settings.guidelines(), options.outputs().reports()).write(ordered, outDir,
                files::write, unwritten)) {
            listener.written(p);
        }
        unwritten.forEach(listener::notice);
        if (!abandoned) {
            AtomicFiles.removeEmptyArea(outDir);
        }
        return new BatchResult(ordered, summary, notAnalysed, warnings, unwritten, stopped, dataset);
    }

    /** An output folder that is one of the input folders would mix outputs into the data: refused. */
    private static void refuseOutputAsInput(List<Path> given, Path outDir) {
        Path out = realOrNormal(outDir);
        for (Path g : given) {
            if (Files.isDirectory(g) && realOrNormal(g).equals(out)) {
                throw new GaitformException(GaitformException.Kind.USAGE, "the output folder " + outDir + " is the "
                        + "input folder " + g + "; choose another --out (for example " + outDir.resolve("gaitform")
                        + " or a folder beside it), so that results never mix with the recordings");
            }
        }
    }

    /**
     * An input inside (or equal to) the folder of a session of this run would be replaced by that session: refused
     * before anything is written ({@code gaitform analyze S01 --out .} for a Sensor Logger folder S01).
     */
    private static void refuseInputsInSessions(List<Input> inputs, List<String> ids, Path outDir) {
        Path out = realOrNormal(outDir);
        Map<String, String> byLower = new java.util.HashMap<>();
        ids.forEach(id -> byLower.put(id.toLowerCase(Locale.ROOT), id));
        for (Input in : inputs) {
            for (Path p : List.of(in.path().toAbsolutePath().normalize(), realOrNormal(in.path()))) {
                if (!p.startsWith(out) || p.equals(out)) {
                    continue;
                }
                String first = out.relativize(p).getName(0).toString();
                String id = byLower.get(first.toLowerCase(Locale.ROOT));
                if (id != null) {
                    throw new GaitformException(GaitformException.Kind.USAGE, "the input " + in.display() + " is "
                            + (p.getNameCount() == out.getNameCount() + 1 ? "" : "inside ") + "the session folder "
                            + outDir.resolve(id) + " that this run would write; choose another --out (for example "
                            + outDir.resolve("gaitform") + ")");
                }
            }
        }
    }

    private static Path realOrNormal(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | RuntimeException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /**
     * Session folders of a gaitform that did not yet write markers: the manifest proves they are gaitform's when the
     * folder still hashes to what it recorded and holds nothing the hash leaves out (hidden files, links, empty
     * folders); they get their marker, so that they can be replaced like any other.
     */
    private static void adoptEarlierSessions(Manifest manifest, Path outDir) {
        for (String id : manifest.sessionIds()) {
            Path folder = outDir.resolve(id);
            try {
                if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                        || Files.exists(folder.resolve(Ownership.MARKER), LinkOption.NOFOLLOW_LINKS)
                        || !plainFilesOnly(folder)
                        || !manifest.get(id).outputsSha256().equals(ContentHash.of(folder))) {
                    continue;
                }
                Ownership.mark(folder, id);
            } catch (IOException | RuntimeException e) {
                // not adopted: the folder stays foreign to gaitform
            }
        }
    }

    private static boolean plainFilesOnly(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> !p.equals(folder)).allMatch(p -> !p.getFileName().toString().startsWith(".")
                    && !Files.isSymbolicLink(p) && (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                    || nonEmptyDir(p)));
        }
    }

    private static boolean nonEmptyDir(Path p) {
        try (Stream<Path> s = Files.list(p)) {
            return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && s.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    /** Bytes of the batch's compressed inputs (zip and gz, an account export's folder of them), for its {@link InflationBudget}. */
    private static long compressedBytes(List<Input> inputs) {
        long sum = 0;
        for (Input in : inputs) {
            String n = in.path().getFileName() == null ? "" : in.path().getFileName().toString().toLowerCase(Locale.ROOT);
            if (Files.isDirectory(in.path())) {
                sum += org.gaitform.io.watch.AccountExport.compressedBytes(in.path()); // its .gz and inner zips
            } else if (n.endsWith(".zip") || n.endsWith(".gz")) {
                try {
                    sum += Files.size(in.path());
                } catch (IOException e) {
                    // fails when read
                }
            }
        }
        return sum;
    }

    /** What every session of one run shares: the pipeline, the writer, the manifest. Thread-safe. */
    private final class Sessions {
        private final Path outDir;
        private final AnalysisSettings forRun = settings.withReportDetail(options.outputs().reports());
        private final SessionPipeline pipeline = new SessionPipeline(forRun);
        private final SessionWriter writer = new SessionWriter(settings.guidelines(), version, ChartImages.DEFAULT_DPI,
                options.outputs());
        private final Manifest manifest;
        private final java.util.concurrent.FutureTask<String> settingsHash;
        private final BatchListener activityProgress;
        /** Hashes inputs while their sessions are read and analysed: SHA-256 is slow without C2 (docs/benchmark.md). */
        private final ExecutorService hashing = Executors.newCachedThreadPool(threads("gaitform-hash-"));

        Sessions(Path outDir, Manifest manifest, Progress progress) {
            this.outDir = outDir;
            this.manifest = manifest;
            this.activityProgress = new BatchListener() {
                @Override
                public void activities(Input input, int done, int total) {
                    progress.activities(input, done, total);
                }
            };
            // a session written without its report is not reused by a run that asks for reports (and back); worked out
            // when first needed (the code fingerprint it waits for is hashed on another thread meanwhile)
            this.settingsHash = new java.util.concurrent.FutureTask<>(
                    () -> SettingsFingerprint.of(forRun, version, ChartImages.DEFAULT_DPI));
        }

        private String settingsHash() {
            settingsHash.run(); // once: later calls (and concurrent ones) wait for the first
            try {
                return settingsHash.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while fingerprinting the settings", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        }

        void close() {
            hashing.shutdown();
        }

        /** Skips an unchanged session, or analyses and writes it and records it in the manifest. */
        Outcome process(Input input, String id) {
            Path folder = outDir.resolve(id);
            Manifest.Entry prev = manifest.get(id);
            Ownership.Check place = Ownership.check(folder);
            if (place.foreign()) {
                // never analysed into a place that holds something gaitform did not write
                forget(id);
                return new Outcome(input, id, false, input.display() + ": " + Ownership.notOursMessage(folder, place),
                        Optional.empty(), Optional.empty());
            }
            // the input is hashed on another thread while it is read and analysed; a skip check waits for it
            Future<String> inputHash;
            try {
                inputHash = hashing.submit(() -> hashOrNull(input.path()));
            } catch (java.util.concurrent.RejectedExecutionException e) { // a session left running by a run that ended
                inputHash = java.util.concurrent.CompletableFuture.completedFuture(hashOrNull(input.path()));
            }
            if (!options.force() && prev != null && prev.input().equals(input.display())
                    && prev.settingsSha256().equals(settingsHash()) && prev.inputSha256().equals(join(inputHash))
                    && prev.outputsSha256().equals(hashOrNull(folder))) {
                return new Outcome(input, id, Outcome.Status.SKIPPED, "unchanged since the last run ("
                        + prev.row().message() + ")", Optional.empty(), Optional.empty(), Optional.of(prev.row()));
            }
            Outcome o = org.gaitform.io.watch.AccountExport.detect(input.path()).isPresent()
                    ? new AccountHistory(pipeline, writer, forRun, options.jobs(), options.historySessions(),
                    options.outputs().reports())
                    .run(input, id, outDir, activityProgress)
                    : one(pipeline, writer, input, id, outDir);
            try {
                if (o.ok()) {
                    String outputs = hashOrNull(folder);
                    String hash = join(inputHash);
                    if (hash != null && outputs != null) {
                        manifest.put(new Manifest.Entry(id, input.display(), hash, settingsHash(), outputs, row(o)));
                    } else {
                        manifest.remove(id);
                    }
                } else if (!failedToPlace(o) && (prev != null || place.ours())) {
                    // results of an earlier run would contradict this failure: they go, with their entry — when
                    // gaitform wrote them and they can be deleted whole; otherwise they stay and the message says so
                    try {
                        AtomicFiles.removeDir(folder);
                    } catch (IOException e) {
                        o = new Outcome(o.input(), o.sessionId(), false, o.message() + "; the earlier session folder "
                                + folder + " was kept: " + AtomicFiles.reason(e), o.result(), o.detail());
                    }
                    manifest.remove(id);
                }
            } catch (IOException e) {
                // the manifest could not be updated: at worst the session is analysed again next time
            }
            return o;
        }

        /** True when the session failed while being put in place (its input was fine): its old folder stays. */
        private boolean failedToPlace(Outcome o) {
            return o.detail().orElse(null) instanceof GaitformException g && g.kind() == GaitformException.Kind.OUTPUT;
        }

        private void forget(String id) {
            try {
                manifest.remove(id);
            } catch (IOException e) {
                // at worst the entry is checked again next time
            }
        }
    }

    /** The value of a hash worked out on another thread, or {@code null} when it failed or the wait was interrupted. */
    private static String join(Future<String> hash) {
        try {
            return hash.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
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

        private boolean closed;

        synchronized void finished(Outcome o) {
            if (closed) {
                return; // a session abandoned by a stopping run finished after all: the listener has moved on
            }
            done++;
            listener.finished(o, done, total);
        }

        synchronized void activities(Input input, int d, int t) {
            if (!closed) {
                listener.activities(input, d, t);
            }
        }

        synchronized void close() {
            closed = true;
        }
    }

    private static ThreadFactory workerThreads() {
        return threads("gaitform-worker-");
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Waits for a session; false when the run was asked to stop first. */
    private boolean await(Future<?> f) throws IOException {
        return await(f, () -> stopRequested);
    }

    /**
     * Waits for a session, looking every 100 ms whether {@code stop} asks to give up (then false). A session that
     * fills the heap fails on its own thread with its own message ({@link #one}); meanwhile this thread may find no
     * memory for the timeout's exception of its own wait, and waits on instead of ending the batch (a 30-minute,
     * two-person COCO keypoints file in a 192 MB heap crashed the whole run so, before).
     */
    static boolean await(Future<?> f, java.util.function.BooleanSupplier stop) throws IOException {
        try {
            while (true) {
                if (stop.getAsBoolean()) {
                    return false;
                }
                try {
                    f.get(100, TimeUnit.MILLISECONDS);
                    return true;
                } catch (TimeoutException e) {
                    // check for a stop request, then wait on
                } catch (OutOfMemoryError e) {
                    // this thread's own allocation failed while a session holds the heap: the session's own error,
                    // if any, comes wrapped in an ExecutionException below
                    Thread.sleep(10);
                }
            }
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
            return new Outcome(input, id, true, SessionMessages.ok(r), Optional.of(r), Optional.empty());
        } catch (OutOfMemoryError | RuntimeException | StackOverflowError e) {
            return new Outcome(input, id, false, SessionMessages.failure(input.display(), e), Optional.empty(),
                    Optional.of(e));
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
            return new BatchSummaryCsv.Row(o.input().display(), o.sessionId(), o.ok(), o.message(), "", "", Double.NaN,
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
