package org.gaitform.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load run against a {@code gaitform serve} on localhost: {@code uploads} browsers upload at the same moment
 * (each its own cookies and CSRF token; a 503 is retried after its Retry-After, capped), while {@code readers}
 * threads keep asking for the other pages (upload page, My sessions, a job page, the job status, a result page, a
 * chart, the style sheet) and time them, until every accepted upload is analysed. Bounded in time and count.
 * The small correctness run is {@link WebLoadTest}; the measuring run is {@link #main} in the benchmark profile
 * (docs/benchmark.md).
 */
final class WebLoad {
    /**
     * @param uploads     browsers uploading at once
     * @param files       the files of each upload (name → bytes)
     * @param readers     threads reading pages meanwhile
     * @param maxRetryMs  longest wait before retrying a 503 (its Retry-After, capped)
     * @param limit       the whole run at most
     */
    record Plan(int uploads, Map<String, byte[]> files, int readers, long maxRetryMs, Duration limit) {
    }

    /**
     * What happened.
     *
     * @param accepted         upload ids answered 202
     * @param busyAnswers      503 answers (each with Retry-After), retried
     * @param otherAnswers     any other status of an upload, by status
     * @param unanswered       uploads with no answer (exceptions) or never accepted within the limit
     * @param analysed         accepted uploads that reached "done" with every input ok
     * @param notFinished      accepted uploads not done within the limit, or done with a failed input
     * @param uploadMs         time to the 202 of each accepted upload (retries included)
     * @param pageMs           time of each page request made while jobs were waiting or running
     * @param pageErrors       page answers other than 200 (or exceptions)
     * @param wallS            from the first upload to the last analysis
     * @param busyS            the part of it during which uploads were waiting in the queue (queue full of work)
     */
    record Result(List<String> accepted, int busyAnswers, Map<Integer, Integer> otherAnswers, int unanswered,
                  int analysed, int notFinished, List<Double> uploadMs, List<Double> pageMs, int pageErrors,
                  double wallS, double busyS, List<String> problems) {

        double pageP95Ms() {
            return percentile(pageMs, 95);
        }

        double pageP50Ms() {
            return percentile(pageMs, 50);
        }

        double uploadsPerMinute() {
            return analysed / wallS * 60;
        }

        double pagesPerSecond() {
            return pageMs.size() / Math.max(busyS, 1e-3);
        }

        String describe() {
            return String.format(Locale.ROOT, "%d uploads accepted (%d answers 503 + Retry-After, retried; other "
                    + "answers %s; %d unanswered), %d analysed, %d not finished, in %.1f s: %.1f uploads/min; upload "
                    + "answer p50 %.0f ms, p95 %.0f ms; %d page requests while jobs ran (%.1f/s), p50 %.1f ms, p95 %.1f "
                    + "ms, max %.1f ms, %d errors", accepted.size(), busyAnswers, otherAnswers, unanswered, analysed,
                    notFinished, wallS, uploadsPerMinute(), percentile(uploadMs, 50), percentile(uploadMs, 95),
                    pageMs.size(), pagesPerSecond(), pageP50Ms(), pageP95Ms(),
                    pageMs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), pageErrors)
                    + (problems.isEmpty() ? "" : "; problems: " + problems.subList(0, Math.min(5, problems.size())));
        }
    }

    private WebLoad() {
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }

    /**
     * Runs the plan against the server at {@code address}; {@code resultPage} is a session page of an upload
     * analysed before (job id, session id), read by the readers.
     */
    static Result run(String address, Plan plan, String doneJob, String doneSession) throws Exception {
        long deadline = System.nanoTime() + plan.limit().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(plan.uploads() + plan.readers());
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        List<Double> uploadMs = Collections.synchronizedList(new ArrayList<>());
        List<Double> pageMs = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> other = new ConcurrentHashMap<>();
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicInteger pageErrors = new AtomicInteger();
        AtomicBoolean measuring = new AtomicBoolean(true);
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(plan.uploads());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> uploaders = new ArrayList<>();
        for (int i = 0; i < plan.uploads(); i++) {
            uploaders.add(pool.submit(() -> {
                WebClient c = new WebClient(address);
                try {
                    c.csrf();
                    ready.countDown();
                    go.await();
                    long t0 = System.nanoTime();
                    while (System.nanoTime() < deadline) {
                        HttpResponse<String> r = c.upload(plan.files(), Map.of(), true);
                        if (r.statusCode() == 202) {
                            uploadMs.add((System.nanoTime() - t0) / 1e6);
                            accepted.add(String.valueOf(WebClient.json(r.body()).get("id")));
                            return null;
                        }
                        if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()) {
                            busy.incrementAndGet();
                            long s = Long.parseLong(r.headers().firstValue("Retry-After").get());
                            Thread.sleep(Math.min(s * 1000, plan.maxRetryMs()));
                            continue;
                        }
                        other.merge(r.statusCode(), 1, Integer::sum);
                        return null;
                    }
                    unanswered.incrementAndGet();
                } catch (Exception e) {
                    ready.countDown();
                    unanswered.incrementAndGet();
                    problems.add("upload: " + e);
                }
                return null;
            }));
        }
        List<String> pages = List.of("/", "/mine", "/jobs/" + doneJob, "/api/jobs/" + doneJob,
                "/jobs/" + doneJob + "/sessions/" + doneSession, "/jobs/" + doneJob + "/files/" + doneSession
                        + "/charts/cadence.png", "/static/app.css");
        for (int i = 0; i < plan.readers(); i++) {
            int first = i;
            pool.submit(() -> {
                WebClient c = new WebClient(address);
                int k = first;
                while (measuring.get() && System.nanoTime() < deadline) {
                    String p = pages.get(k++ % pages.size());
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = c.bytes(p);
                        double ms = (System.nanoTime() - t0) / 1e6;
                        if (r.statusCode() != 200) {
                            pageErrors.incrementAndGet();
                            problems.add(p + ": HTTP " + r.statusCode());
                        } else if (measuring.get()) {
                            pageMs.add(ms);
                        }
                    } catch (Exception e) {
                        if (measuring.get()) {
                            pageErrors.incrementAndGet();
                            problems.add(p + ": " + e);
                        }
                    }
                    Thread.sleep(20);
                }
                return null;
            });
        }
        ready.await(60, TimeUnit.SECONDS);
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> f : uploaders) {
            f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        // until every accepted upload is analysed
        WebClient watcher = new WebClient(address);
        int analysed = 0;
        int notFinished = 0;
        Map<String, Boolean> finished = new LinkedHashMap<>();
        while (finished.size() < accepted.size() && System.nanoTime() < deadline) {
            for (String id : List.copyOf(accepted)) {
                if (finished.containsKey(id)) {
                    continue;
                }
                Map<?, ?> s = WebClient.json(watcher.get("/api/jobs/" + id).body());
                if (s.get("state").equals("done") || s.get("state").equals("failed")) {
                    finished.put(id, s.get("state").equals("done") && WebClient.inputs(s).values().stream()
                            .allMatch(in -> in.get("status").equals("ok")) && !WebClient.inputs(s).isEmpty());
                }
            }
            Thread.sleep(200);
        }
        double wallS = (System.nanoTime() - start) / 1e9;
        measuring.set(false);
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        for (String id : accepted) {
            if (Boolean.TRUE.equals(finished.get(id))) {
                analysed++;
            } else {
                notFinished++;
            }
        }
        return new Result(List.copyOf(accepted), busy.get(), Map.copyOf(other), unanswered.get(), analysed, notFinished,
                List.copyOf(uploadMs), List.copyOf(pageMs), pageErrors.get(), wallS, wallS, List.copyOf(problems));
    }

    /**
     * The measuring run of the benchmark profile: {@code gaitform serve --jobs 2} in this JVM, 50 browsers each
     * uploading one sample-data session at once, 4 page readers; twice: with room for all 50 in the queue (100),
     * and with a queue of 10 that is full (503 + Retry-After, retried after at most 2 s). Prints the figures and
     * writes them to {@code OUT/web-load.md}.
     *
     * @param args output folder, number of uploads (default 50)
     */
    public static void main(String[] args) throws Exception {
        String only = System.getProperty("benchmark.only", "");
        if (!only.isBlank() && !only.equals("all") && !java.util.List.of(only.split(",")).contains("web")) {
            return; // -Dbenchmark.only=OTHER: another part of the benchmark alone
        }
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/benchmark"));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        List<Path> samples = WebRestartTest.samples();
        Path sample = samples.stream().filter(p -> p.getFileName().toString().startsWith("sacrum")).findFirst()
                .orElse(samples.get(0));
        StringBuilder report = new StringBuilder();
        boolean lost = false;
        for (int capacity : new int[] {100, 10}) {
            // every client is 127.0.0.1 here: the per-address limits are raised so that they do not throttle the run
            WebSettings s = WebSettings.defaults(out.resolve("web-data-" + System.nanoTime())).withPort(0)
                    .withJobs(2, capacity).withRateLimits(1_000_000, 100_000, 100);
            try (GaitformServer server = new GaitformServer(s, "benchmark")) {
                server.onInternalError(System.err::println);
                server.start();
                WebClient first = new WebClient(server.address());
                HttpResponse<String> r = first.upload(Map.of(sample.getFileName().toString(),
                        Files.readAllBytes(sample)), Map.of(), true);
                String job = String.valueOf(WebClient.json(r.body()).get("id"));
                Map<?, ?> st = first.waitDone(job, Duration.ofMinutes(3));
                String sid = String.valueOf(WebClient.inputs(st).values().iterator().next().get("session_id"));
                Plan plan = new Plan(n, Map.of(sample.getFileName().toString(), Files.readAllBytes(sample)), 4, 2_000,
                        Duration.ofMinutes(15));
                Result res = run(server.address(), plan, job, sid);
                String line = String.format(Locale.ROOT, "web load, %d concurrent uploads of %s (%d kB), --jobs 2, "
                        + "queue %d, 4 page readers: %s", n, sample.getFileName(), Files.size(sample) / 1024, capacity,
                        res.describe());
                System.out.println(line);
                report.append(line).append('\n');
                lost |= res.accepted().size() != n || res.notFinished() > 0 || res.unanswered() > 0;
            }
        }
        Files.writeString(out.resolve("web-load.md"), report.toString(), StandardCharsets.UTF_8);
        if (lost) {
            throw new AssertionError("uploads lost or unfinished:\n" + report);
        }
    }
}
