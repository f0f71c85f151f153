package org.gaitform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gaitform.batch.BatchListener;
import org.gaitform.batch.BatchOptions;
import org.gaitform.batch.BatchRunner;
import org.gaitform.batch.Input;
import org.gaitform.batch.InputDiscovery;
import org.gaitform.batch.Outcome;
import org.gaitform.io.InputReaders;
import org.gaitform.model.GaitformException;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.report.AtomicFiles;

/**
 * Analyses uploads, {@code jobs} at a time, each as one batch ({@link BatchRunner}, one session after the other,
 * so that a watch folder gets its runner's report). At most {@code capacity} uploads wait; {@link #reserve()}
 * refuses one more before its bytes are read. Jobs found queued or running at start (a server that was killed)
 * are queued again and finish: the batch skips sessions already complete and redoes the interrupted one.
 */
final class JobQueue implements AutoCloseable {
    private final JobStore store;
    private final AnalysisSettings settings;
    private final String version;
    private final int capacity;
    private final LinkedBlockingDeque<Job> queue = new LinkedBlockingDeque<>();
    private final AtomicInteger reserved = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong doneCount = new AtomicLong();
    private final AtomicLong doneMillis = new AtomicLong();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;
    private volatile boolean paused;

    JobQueue(JobStore store, AnalysisSettings settings, String version, int jobs, int capacity) {
        this.store = store;
        this.settings = settings;
        this.version = version;
        this.capacity = capacity;
        for (int i = 0; i < jobs; i++) {
            Thread t = new Thread(this::work, "gaitform-web-job-" + (i + 1));
            t.setDaemon(true);
            workers.add(t);
        }
    }

    /** Queues the jobs a previous server left queued or running, then starts the workers. */
    void start() {
        for (Job j : store.all()) {
            if (j.state() == Job.State.QUEUED || j.state() == Job.State.RUNNING) {
                j.update(Job.State.QUEUED, "waiting for its turn (the server restarted)");
                queue.add(j);
            }
        }
        workers.forEach(Thread::start);
    }

    /**
     * Reserves a place for one upload, or throws 503 with Retry-After when the queue is full. The caller must
     * {@link #submit} or {@link #release()} it.
     */
    void reserve() {
        while (true) {
            int r = reserved.get();
            if (queue.size() + r >= capacity) {
                throw new WebException(503, "the server is busy: " + queue.size() + " uploads are waiting; try again "
                        + "in a minute", retryAfterS());
            }
            if (reserved.compareAndSet(r, r + 1)) {
                return;
            }
        }
    }

    void release() {
        reserved.decrementAndGet();
    }

    /** Queues a job created on a reservation. */
    void submit(Job job) {
        queue.add(job);
        reserved.decrementAndGet();
    }

    /** Uploads waiting. */
    int waiting() {
        return queue.size();
    }

    /** Uploads being analysed. */
    int running() {
        return running.get();
    }

    /** Position of the job in the queue (1 = next), or 0 when it is not waiting. */
    int position(Job job) {
        int i = 1;
        for (Job j : queue) {
            if (j == job) {
                return i;
            }
            i++;
        }
        return 0;
    }

    /** A guess of when a place frees up: the mean job time times the jobs ahead, 5 s to 5 min. */
    long retryAfterS() {
        long n = doneCount.get();
        double mean = n == 0 ? 10 : doneMillis.get() / 1000.0 / n;
        double s = mean * Math.max(1, queue.size()) / Math.max(1, workers.size());
        return Math.max(5, Math.min(300, Math.round(s)));
    }

    /** Holds the workers before their next job (tests fill the queue with it). */
    void pause(boolean p) {
        paused = p;
    }

    private void work() {
        while (!closed) {
            Job job;
            try {
                if (paused) {
                    Thread.sleep(50);
                    continue;
                }
                job = queue.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (job == null) {
                continue;
            }
            if (paused) {
                // taken while the pause began: back to the head of the queue
                queue.addFirst(job);
                continue;
            }
            if (job.deleted()) {
                removeQuietly(job);
                continue;
            }
            running.incrementAndGet();
            long t0 = System.nanoTime();
            try {
                run(job);
            } finally {
                running.decrementAndGet();
                doneCount.incrementAndGet();
                doneMillis.addAndGet((System.nanoTime() - t0) / 1_000_000);
            }
            if (job.deleted()) {
                removeQuietly(job);
            }
        }
    }

    private void removeQuietly(Job job) {
        try {
            store.remove(job);
        } catch (IOException e) {
            // the folder stays until the next expiry sweep
        }
    }

    void run(Job job) {
        Path files = store.uploadFiles(job);
        Path out = store.out(job);
        try {
            job.update(Job.State.RUNNING, "analysing");
            List<Input> inputs = new InputDiscovery(new InputReaders(), files).discover(List.of(files), out);
            List<Job.Input> list = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                list.add(new Job.Input(inputs.get(i).display(), "", i == 0 ? "analysing" : "pending", ""));
            }
            job.inputs(list);
            store.save(job);
            writeSidecars(job, inputs);
            BatchListener listener = new BatchListener() {
                @Override
                public void finished(Outcome o, int done, int total) {
                    String status = switch (o.status()) {
                        case OK -> "ok";
                        case SKIPPED -> "ok";
                        case FAILED -> "failed";
                    };
                    job.finished(o.input().display(), o.ok() ? o.sessionId() : "", status, o.message());
                    try {
                        store.save(job);
                    } catch (IOException e) {
                        // progress is also in memory; the final state is saved below
                    }
                }
            };
            new BatchRunner(settings, version, new BatchOptions(1, false)).run(List.of(files), files, out, listener);
            job.batchFiles(batchFiles(out));
            long ok = job.snapshot().inputs().stream().filter(i -> i.status().equals("ok")).count();
            int n = job.snapshot().inputs().size();
            job.update(Job.State.DONE, n == 0 ? "no recording found in the upload" : String.format(Locale.ROOT,
                    "%d of %d recording(s) analysed", ok, n));
        } catch (GaitformException e) {
            job.update(Job.State.FAILED, e.getMessage());
        } catch (IOException e) {
            job.update(Job.State.FAILED, "the results could not be written (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            job.update(Job.State.FAILED, "internal error while analysing (" + e.getClass().getSimpleName() + ")");
        }
        try {
            store.save(job);
        } catch (IOException e) {
            // the state is in memory; a restart would run the job again
        }
    }

    /** The batch-level files of the output folder (runner's report, weekly load), for the job page. */
    private static List<String> batchFiles(Path out) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && (n.startsWith("runner-report") || n.startsWith("weekly-load"))) {
                    names.add(n);
                }
            }
        }
        names.sort(null);
        return names;
    }

    /**
     * Writes the metadata of the upload form as a sidecar ({@code <stem>.meta.csv}, key,value rows) beside each
     * input that has none of its own, so that the command line's metadata reader reads it.
     */
    private static void writeSidecars(Job job, List<Input> inputs) throws IOException {
        Map<String, String> meta = job.metadata();
        if (meta.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("key,value\n");
        for (Map.Entry<String, String> e : meta.entrySet()) {
            sb.append(e.getKey()).append(',').append(csv(e.getValue())).append('\n');
        }
        for (Input in : inputs) {
            Path p = in.path();
            String name = p.getFileName().toString();
            String stem = stemOf(name);
            Path sidecar = p.toAbsolutePath().getParent().resolve(stem + ".meta.csv");
            if (!Files.exists(sidecar)) {
                AtomicFiles.write(sidecar, sb.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** The stem as the metadata reader takes it: the name without its last extension. */
    static String stemOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String csv(String v) {
        return v.matches("[^,\"\\r\\n]*") ? v : "\"" + v.replace("\"", "\"\"").replaceAll("[\\r\\n]+", " ") + "\"";
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : workers) {
            t.interrupt();
        }
    }
}
