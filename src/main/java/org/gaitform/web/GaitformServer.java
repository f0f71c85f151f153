package org.gaitform.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.gaitform.guidelines.GuidelineTable;
import org.gaitform.io.json.JsonReader;
import org.gaitform.model.SessionResult;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.report.AtomicFiles;
import org.gaitform.report.Json;
import org.gaitform.report.Scorecard;
import org.gaitform.report.SessionSummaryReader;

/**
 * The web server of {@code gaitform serve} (Javalin 7 on Jetty 12). {@link #start()} opens the data folder,
 * queues the jobs a killed server left unfinished, and listens; {@link #close()} stops it. Every response carries
 * a strict Content-Security-Policy and the other security headers; errors are one-line messages, never stack
 * traces.
 */
public final class GaitformServer implements AutoCloseable {
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._+()-]{1,120}");
    private static final Pattern CHART = Pattern.compile("[a-z0-9_]{1,80}");
    private static final List<String> SESSION_FILES = List.of("report.pdf", "steps.csv", "summary.json", "splits.csv");
    /** The history's report of a runner's account export (batch/AccountHistory). */
    private static final List<String> HISTORY_FILES = List.of("runner-report.pdf", "weekly-load.csv", "monthly-form.csv",
            "shoes.csv", "activities.csv");
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final long FORM_SLACK_BYTES = 1 << 20;
    private static final long DRAIN_BYTES = 8L << 20;
    /** Slowest upload or download accepted: 1 KiB/s (a phone on a very poor connection still gets through). */
    private static final long MIN_DATA_BYTES_PER_S = 1024;

    private final WebSettings settings;
    private final String version;
    private final GuidelineTable guidelines = GuidelineTable.builtIn();
    private JobStore store;
    private JobQueue queue;
    private Security security;
    private Javalin app;
    private ScheduledExecutorService sweeper;
    private RateLimiter requests;
    private RateLimiter uploads;
    private RateLimiter logins;
    private volatile java.util.function.Consumer<String> errorLog = m -> { };

    /**
     * @param settings how to run
     * @param version  gaitform's version (written into the outputs)
     */
    public GaitformServer(WebSettings settings, String version) {
        this.settings = settings;
        this.version = version;
    }

    /** Starts the server; returns the address it listens on ({@code http://127.0.0.1:8080/}). */
    public String start() throws IOException {
        store = JobStore.open(settings.dataDir());
        try {
            security = new Security(store.secret(), settings.passwordHash());
            requests = new RateLimiter(settings.requestsPerMinute());
            uploads = new RateLimiter(settings.uploadsPerMinute());
            logins = new RateLimiter(settings.loginsPerMinute());
            queue = new JobQueue(store, AnalysisSettings.defaults(), version, settings.jobs(), settings.queueCapacity());
            queue.start();
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "gaitform-web-expiry");
                t.setDaemon(true);
                return t;
            });
            sweeper.scheduleWithFixedDelay(this::expire, 0, 10, TimeUnit.MINUTES);
            Path parts = Files.createDirectories(settings.dataDir().resolve("incoming").resolve(".multipart"));
            app = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.startup.showOldJavalinVersionWarning = false;
                cfg.http.maxRequestSize = FORM_SLACK_BYTES;
                cfg.http.generateEtags = false;
                cfg.jetty.multipartConfig.cacheDirectory(parts.toString());
                cfg.jetty.multipartConfig.maxFileSize(settings.maxFileBytes(), SizeUnit.BYTES);
                cfg.jetty.multipartConfig.maxTotalRequestSize(settings.maxUploadBytes() + FORM_SLACK_BYTES, SizeUnit.BYTES);
                cfg.jetty.multipartConfig.maxInMemoryFileSize(256 * 1024, SizeUnit.BYTES);
                cfg.jetty.modifyHttpConfiguration(hc -> {
                    hc.setSendServerVersion(false);
                    hc.setSendXPoweredBy(false);
                    hc.setSendDateHeader(true);
                    // a body sent or read slower than this is cut off (a slow trickle cannot hold a thread for ever)
                    hc.setMinRequestDataRate(MIN_DATA_BYTES_PER_S);
                    hc.setMinResponseDataRate(MIN_DATA_BYTES_PER_S);
                });
                cfg.jetty.addConnector((server, hc) -> {
                    ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(hc));
                    c.setHost(settings.bind());
                    c.setPort(settings.port());
                    c.setIdleTimeout(settings.idleTimeout().toMillis());
                    return c;
                });
                cfg.jetty.modifyServer(server -> {
                    ErrorHandler eh = new ErrorHandler();
                    eh.setShowStacks(false);
                    eh.setShowMessageInTitle(false);
                    server.setErrorHandler(eh);
                });
                routes(cfg);
            });
            app.start();
        } catch (RuntimeException | IOException e) {
            close();
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("the server could not start on " + settings.bind() + ":" + settings.port() + " ("
                    + rootMessage(e) + ")", e);
        }
        return address();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Where internal errors go, with their stack trace (the console of {@code gaitform serve}; never a response). */
    public void onInternalError(java.util.function.Consumer<String> log) {
        this.errorLog = log;
    }

    /** Holds the job workers before their next job, or lets them go on (for tests of a full queue). */
    void pauseJobs(boolean paused) {
        queue.pause(paused);
    }

    /** The port listened on (the one picked when the settings said 0). */
    public int port() {
        return app.port();
    }

    /** The address to open in a browser. */
    public String address() {
        String host = settings.bind();
        if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
            host = "localhost";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port() + "/";
    }

    /** Warnings to print when the server starts (listening beyond this machine without a password). */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (settings.bindsBeyondLoopback() && settings.passwordHash().isEmpty()) {
            w.add("WARNING: listening on " + settings.bind() + " without a password: anyone on the network can upload "
                    + "recordings, and anyone who learns an upload's address can read its health data. Use "
                    + "--password-file FILE, or --bind 127.0.0.1 to stay on this machine. Traffic is not encrypted "
                    + "(plain HTTP): on a shared network put an HTTPS proxy in front.");
        }
        return w;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        app.jettyServer().server().join();
    }

    private void expire() {
        try {
            store.expire(Instant.now().getEpochSecond() - settings.keepDays() * 86400L);
        } catch (IOException | RuntimeException e) {
            // tried again at the next sweep
        }
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        if (queue != null) {
            queue.close();
        }
        if (store != null) {
            try {
                store.close();
            } catch (IOException e) {
                // the lock goes with the process
            }
        }
    }

    // ------------------------------------------------------------------ routes

    private void routes(io.javalin.config.JavalinConfig cfg) {
        var r = cfg.routes;
        r.before(this::guard);
        r.get("/", ctx -> html(ctx, Pages.upload(frame(ctx), settings)));
        r.post("/upload", this::upload);
        r.get("/jobs/{id}", this::jobPage);
        r.get("/api/jobs/{id}", this::jobJson);
        r.get("/jobs/{id}/sessions/{sid}", this::sessionPage);
        r.get("/jobs/{id}/sessions/{sid}/download.zip", ctx -> {
            Job job = job(ctx);
            zip(ctx, store.out(job).resolve(session(job, ctx.pathParam("sid"))), ctx.pathParam("sid") + ".zip");
        });
        r.get("/jobs/{id}/files/{sid}/{name}", this::sessionFile);
        r.get("/jobs/{id}/files/{sid}/charts/{name}", this::chartFile);
        r.get("/jobs/{id}/batch/{name}", this::batchFile);
        r.get("/jobs/{id}/history/{sid}/{name}", ctx -> folderFile(ctx, HISTORY_FILES));
        r.get("/jobs/{id}/download.zip", ctx -> {
            Job job = job(ctx);
            requireFinished(job);
            zip(ctx, store.out(job), "gaitform-" + job.id().substring(0, 8) + ".zip");
        });
        r.post("/jobs/{id}/delete", this::delete);
        r.get("/mine", ctx -> html(ctx, Pages.mine(frame(ctx), store.ownedBy(Ids.hash(client(ctx))).stream()
                .map(Job::snapshot).toList())));
        r.get("/login", ctx -> html(ctx, Pages.login(frame(ctx), null)));
        r.post("/login", this::login);
        r.post("/logout", ctx -> {
            security.logout(ctx.cookie(Security.LOGIN_COOKIE));
            ctx.res().addHeader("Set-Cookie", Security.LOGIN_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
            ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
        });
        r.get("/static/{name}", this::asset);
        r.exception(WebException.class, (e, ctx) -> fail(ctx, e.status(), e.getMessage(), e.retryAfterS()));
        r.exception(Exception.class, (e, ctx) -> {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            errorLog.accept("internal error on " + ctx.method() + " " + ctx.path() + ": " + trace);
            fail(ctx, 500, "internal error (" + e.getClass().getSimpleName() + "); the server's data is unchanged", 0);
        });
        r.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                fail(ctx, 404, "no such page", 0);
            }
        });
        r.error(405, ctx -> fail(ctx, 405, "method not allowed", 0));
    }

    /** Security headers, rate limits, the browser cookie, the login and the CSRF check, before every handler. */
    private void guard(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        ctx.header("Cache-Control", "no-store");
        String ip = ctx.ip();
        long wait = requests.acquire(ip);
        if (wait > 0) {
            throw new WebException(429, "too many requests from this address; wait " + wait + " s", wait);
        }
        client(ctx);
        String path = ctx.path();
        boolean post = ctx.method() == io.javalin.http.HandlerType.POST;
        if (post) {
            String origin = ctx.header("Origin");
            if (origin != null && !origin.equals("null") && !sameOrigin(origin, ctx.header("Host"))) {
                throw new WebException(403, "refused: the request came from another site");
            }
        }
        boolean open = path.startsWith("/static/") || path.equals("/login");
        if (!open && !security.loggedIn(ctx.cookie(Security.LOGIN_COOKIE))) {
            if (ctx.method() == io.javalin.http.HandlerType.GET && !path.startsWith("/api/")) {
                ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new WebException(401, "log in first");
        }
        if (post && path.equals("/upload")) {
            long wait2 = uploads.acquire(ip);
            if (wait2 > 0) {
                throw new WebException(429, "too many uploads from this address; wait " + wait2 + " s", wait2);
            }
            String type = ctx.contentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
                throw new WebException(415, "an upload is sent as multipart/form-data");
            }
            long length = ctx.req().getContentLengthLong();
            if (length > settings.maxUploadBytes() + FORM_SLACK_BYTES) {
                ctx.header("Connection", "close");
                throw new WebException(413, "the upload is larger than " + UploadStager.megabytes(settings.maxUploadBytes())
                        + " (--max-upload-mb)");
            }
        } else if (post && path.equals("/login")) {
            long wait3 = logins.acquire(ip);
            if (wait3 > 0) {
                throw new WebException(429, "too many login attempts; wait " + wait3 + " s", wait3);
            }
        }
        if (post && !path.equals("/upload")) {
            // the upload checks its token itself, from the header before reading the body, or from the form
            String sent = ctx.header("X-CSRF-Token");
            if (sent == null) {
                sent = ctx.formParam("_csrf");
            }
            if (!security.csrfValid(client(ctx), sent)) {
                throw new WebException(403, "refused: the form's security token is missing or wrong; reload the page");
            }
        }
    }

    private static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        String o = origin.replaceFirst("^https?://", "");
        return o.equalsIgnoreCase(host);
    }

    /** The browser's token: from its cookie, or a new one set now. */
    private String client(Context ctx) {
        Object known = ctx.attribute("gf-client");
        if (known instanceof String s) {
            return s;
        }
        String c = ctx.cookie(Security.CLIENT_COOKIE);
        if (!Ids.wellFormed(c)) {
            c = Ids.next();
            ctx.res().addHeader("Set-Cookie", Security.CLIENT_COOKIE + "=" + c + "; Path=/; Max-Age="
                    + (400L * 86400) + "; HttpOnly; SameSite=Strict");
        }
        ctx.attribute("gf-client", c);
        return c;
    }

    private Pages.Frame frame(Context ctx) {
        return new Pages.Frame(security.csrf(client(ctx)), security.passwordRequired(),
                security.loggedIn(ctx.cookie(Security.LOGIN_COOKIE)));
    }

    private static void html(Context ctx, String page) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(page);
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.path().startsWith("/api/") || (accept != null && accept.contains("application/json")
                && !accept.contains("text/html"));
    }

    private void fail(Context ctx, int status, String message, long retryAfterS) {
        ctx.status(status);
        if (retryAfterS > 0) {
            ctx.header("Retry-After", String.valueOf(retryAfterS));
        }
        if (status == 413) {
            ctx.header("Connection", "close");
        } else if (ctx.method() == io.javalin.http.HandlerType.POST) {
            drainSmallBody(ctx);
        }
        if (wantsJson(ctx)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", status);
            m.put("error", message);
            ctx.contentType("application/json");
            ctx.result(Json.write(m));
        } else {
            String csrf = "";
            try {
                csrf = security.csrf(client(ctx));
            } catch (RuntimeException e) {
                // the page still shows the message
            }
            html(ctx, Pages.error(new Pages.Frame(csrf, security.passwordRequired(),
                    security.loggedIn(ctx.cookie(Security.LOGIN_COOKIE))), status, message));
        }
    }

    // ------------------------------------------------------------------ upload

    private void upload(Context ctx) throws IOException {
        String headerToken = ctx.header("X-CSRF-Token");
        if (headerToken != null && !security.csrfValid(client(ctx), headerToken)) {
            throw new WebException(403, "refused: the form's security token is missing or wrong; reload the page");
        }
        queue.reserve();
        Path staging = null;
        boolean submitted = false;
        try {
            List<UploadedFile> files;
            String paths;
            try {
                files = ctx.uploadedFiles("files");
                paths = ctx.formParam("paths");
                if (headerToken == null && !security.csrfValid(client(ctx), ctx.formParam("_csrf"))) {
                    throw new WebException(403, "refused: the form's security token is missing or wrong; reload the page");
                }
            } catch (WebException e) {
                throw e;
            } catch (Exception e) {
                throw multipartFailure(e);
            }
            Map<String, String> metadata = metadata(ctx);
            staging = store.newIncoming();
            Path root = Files.createDirectories(staging.resolve("upload").resolve("files"));
            UploadStager stager = new UploadStager(settings, root);
            String[] names = paths == null ? new String[0] : paths.split("\n", -1);
            for (int i = 0; i < files.size(); i++) {
                UploadedFile f = files.get(i);
                String name = names.length == files.size() && !names[i].isBlank() ? names[i] : f.filename();
                try (InputStream in = f.content()) {
                    stager.add(name, in);
                }
            }
            stager.requireSomething();
            Job job = store.create(staging, Ids.hash(client(ctx)), stager.kept(), stager.leftOut(), metadata);
            queue.submit(job);
            submitted = true;
            String url = "/jobs/" + job.id();
            if (wantsJson(ctx) || headerToken != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", job.id());
                m.put("url", url);
                m.put("files", stager.kept().size());
                m.put("left_out", stager.leftOut());
                ctx.status(202);
                ctx.header("Location", url);
                ctx.contentType("application/json");
                ctx.result(Json.write(m));
            } else {
                ctx.redirect(url, io.javalin.http.HttpStatus.SEE_OTHER);
            }
        } finally {
            if (!submitted) {
                queue.release();
                if (staging != null && Files.exists(staging)) {
                    AtomicFiles.deleteTree(staging);
                }
            }
        }
    }

    /**
     * Reads and drops the body of a small refused upload, so that the answer reaches the client whole: a connection
     * closed with unread bytes may reach the client as a reset that swallows the answer. Larger bodies are not
     * read; their connection is closed.
     */
    private static void drainSmallBody(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length > 0 && length <= DRAIN_BYTES) {
            try (InputStream in = ctx.req().getInputStream()) {
                in.transferTo(OutputStream.nullOutputStream());
                return;
            } catch (IOException | RuntimeException e) {
                // the connection is closed below
            }
        }
        ctx.header("Connection", "close");
    }

    private WebException multipartFailure(Exception e) {
        String all = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            all += " " + t.getClass().getSimpleName() + " " + t.getMessage();
        }
        String lower = all.toLowerCase(Locale.ROOT);
        if (lower.contains("size") || lower.contains("exceed") || lower.contains("too large") || lower.contains("413")) {
            return new WebException(413, "the upload is larger than allowed: " + UploadStager.megabytes(settings.maxFileBytes())
                    + " per file, " + UploadStager.megabytes(settings.maxUploadBytes()) + " per upload");
        }
        if (lower.contains("parts") || lower.contains("too many")) {
            return new WebException(413, "too many files in one upload (at most " + settings.maxFiles() + ")");
        }
        return new WebException(400, "the upload could not be read (the connection was cut, or the form is damaged)");
    }

    /** The session details of the form, checked, as sidecar keys. */
    private static Map<String, String> metadata(Context ctx) {
        Map<String, String> m = new LinkedHashMap<>();
        text(ctx, m, "subject_id", 40);
        number(ctx, m, "height_cm", 100, 230, "height");
        number(ctx, m, "speed_kmh", 3, 30, "treadmill speed");
        String tm = ctx.formParam("treadmill");
        if ("yes".equals(tm) || "no".equals(tm)) {
            m.put("treadmill", tm);
        }
        text(ctx, m, "shoes", 60);
        number(ctx, m, "shoe_km", 0, 5000, "shoe mileage");
        number(ctx, m, "pain_before", 0, 10, "pain before");
        number(ctx, m, "pain_during", 0, 10, "pain during");
        number(ctx, m, "pain_after", 0, 10, "pain after");
        return m;
    }

    private static void text(Context ctx, Map<String, String> m, String key, int max) {
        String v = ctx.formParam(key);
        if (v != null && !v.isBlank()) {
            String clean = v.strip().replaceAll("[\\p{Cntrl}\\p{Cf}]", " ");
            if (clean.length() > max) {
                throw new WebException(400, key.replace('_', ' ') + ": at most " + max + " characters");
            }
            m.put(key, clean);
        }
    }

    private static void number(Context ctx, Map<String, String> m, String key, double lo, double hi, String what) {
        String v = ctx.formParam(key);
        if (v == null || v.isBlank()) {
            return;
        }
        double d;
        try {
            d = Double.parseDouble(v.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new WebException(400, what + ": '" + clip(v) + "' is not a number");
        }
        if (!(d >= lo && d <= hi)) {
            throw new WebException(400, what + ": expected a number from " + fmt(lo) + " to " + fmt(hi) + ", found "
                    + clip(v));
        }
        m.put(key, fmt(d));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String clip(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }

    // ------------------------------------------------------------------ jobs

    private Job job(Context ctx) {
        return store.get(ctx.pathParam("id")).orElseThrow(() -> new WebException(404, "no such upload: it was deleted, "
                + "it expired, or the address is wrong"));
    }

    private static void requireFinished(Job job) {
        Job.State s = job.state();
        if (s != Job.State.DONE && s != Job.State.FAILED) {
            throw new WebException(409, "the upload is still being analysed");
        }
    }

    private long expires(Job job) {
        return job.createdEpochS() + settings.keepDays() * 86400L;
    }

    private void jobPage(Context ctx) {
        Job job = job(ctx);
        Job.Snapshot s = job.snapshot();
        List<Pages.SessionCard> cards = new ArrayList<>();
        List<Pages.RunnerSection> runner = new ArrayList<>();
        if (s.state() == Job.State.DONE) {
            Path out = store.out(job);
            for (Job.Input in : s.inputs()) {
                if (in.status().equals("ok") && !in.sessionId().isEmpty()) {
                    Path dir = out.resolve(in.sessionId());
                    if (isHistory(dir)) {
                        // a runner's account export: its history's report, with the weekly load
                        runnerSection(dir, HISTORY_FILES, "/jobs/" + job.id() + "/history/" + in.sessionId() + "/")
                                .ifPresent(runner::add);
                    } else {
                        cards.add(new Pages.SessionCard(in.sessionId(), in.name(), headline(dir.resolve(
                                "summary.json"))));
                    }
                }
            }
            runnerSection(out, s.batchFiles(), "/jobs/" + job.id() + "/batch/").ifPresent(runner::add);
        }
        html(ctx, Pages.job(frame(ctx), s, queue.position(job), expires(job), cards, runner));
    }

    private static String headline(Path summary) {
        try {
            Object o = JsonReader.parse(Files.readString(summary, StandardCharsets.UTF_8));
            if (o instanceof Map<?, ?> m) {
                List<String> parts = new ArrayList<>();
                if (m.get("cadence_spm") instanceof Number c) {
                    parts.add(String.format(Locale.ROOT, "cadence %.0f steps/min", c.doubleValue()));
                }
                if (m.get("contact_ms") instanceof Number c) {
                    parts.add(String.format(Locale.ROOT, "contact %.0f ms", c.doubleValue()));
                }
                if (m.get("quality") instanceof String q) {
                    parts.add("quality " + q);
                }
                return String.join(" · ", parts);
            }
        } catch (IOException | JsonReader.JsonException | RuntimeException e) {
            // no headline
        }
        return "";
    }

    /** An account export's output folder: the history's report, no summary.json of its own. */
    private static boolean isHistory(Path dir) {
        return Files.isRegularFile(dir.resolve("runner-report.pdf")) && !Files.exists(dir.resolve("summary.json"));
    }

    private static Optional<Pages.RunnerSection> runnerSection(Path out, List<String> batchFiles, String base) {
        String pdf = batchFiles.stream().filter(n -> n.startsWith("runner-report") && n.endsWith(".pdf")).findFirst()
                .orElse(null);
        String csv = batchFiles.stream().filter(n -> n.startsWith("weekly-load") && n.endsWith(".csv")).findFirst()
                .orElse(null);
        if (pdf == null || csv == null) {
            return Optional.empty();
        }
        List<Map<String, String>> weeks = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(out.resolve(csv), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                weeks.add(new LinkedHashMap<>(rec.toMap()));
                if (weeks.size() >= 520) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the PDF link stays
        }
        List<String> more = batchFiles.stream().filter(n -> !n.equals(pdf) && !n.equals(csv))
                .filter(n -> Files.isRegularFile(out.resolve(n))).toList();
        return Optional.of(new Pages.RunnerSection(pdf, csv, weeks, base, more));
    }

    private void jobJson(Context ctx) {
        Job job = job(ctx);
        Job.Snapshot s = job.snapshot();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("state", s.state().label());
        m.put("status", Pages.statusLine(s, queue.position(job)));
        m.put("position", queue.position(job));
        List<Object> ins = new ArrayList<>();
        for (Job.Input in : s.inputs()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", in.name());
            x.put("status", in.status());
            x.put("session_id", in.sessionId());
            x.put("message", in.message());
            ins.add(x);
        }
        m.put("inputs", ins);
        m.put("files", s.files().size());
        m.put("left_out", s.leftOut());
        ctx.contentType("application/json");
        ctx.result(Json.write(m));
    }

    /** The session folder of an analysed input of the job, by its id as listed in the job (never a client path). */
    private String session(Job job, String sid) {
        if (!SESSION_ID.matcher(sid).matches()) {
            throw new WebException(404, "no such session in this upload");
        }
        for (Job.Input in : job.snapshot().inputs()) {
            if (in.status().equals("ok") && in.sessionId().equals(sid)) {
                if (!Files.isDirectory(store.out(job).resolve(sid))) {
                    break;
                }
                return sid;
            }
        }
        throw new WebException(404, "no such session in this upload");
    }

    private void sessionPage(Context ctx) throws IOException {
        Job job = job(ctx);
        String sid = session(job, ctx.pathParam("sid"));
        Path dir = store.out(job).resolve(sid);
        if (isHistory(dir)) {
            ctx.redirect("/jobs/" + job.id() + "#runner-h", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        Path summary = dir.resolve("summary.json");
        Map<?, ?> raw;
        try {
            raw = (Map<?, ?>) JsonReader.parse(Files.readString(summary, StandardCharsets.UTF_8));
        } catch (JsonReader.JsonException | ClassCastException e) {
            throw new WebException(500, "the session's summary.json cannot be read");
        }
        SessionResult r = SessionSummaryReader.read(summary, guidelines).orElseThrow(() -> new WebException(500,
                "the session's summary.json cannot be read"));
        Optional<String> quality = raw.get("quality") instanceof String q && q.matches("[a-z_]{1,20}")
                && !q.equals("not_assessed") ? Optional.of(q)
                : Optional.empty();
        List<String> reasons = new ArrayList<>();
        if (raw.get("quality_reasons") instanceof List<?> l) {
            l.forEach(x -> reasons.add(String.valueOf(x)));
        } else if (raw.get("quality_reasons") instanceof String s && !s.isEmpty()) {
            reasons.add(s);
        }
        List<String> charts = new ArrayList<>();
        Path chartDir = dir.resolve("charts");
        if (Files.isDirectory(chartDir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(chartDir, "*.png")) {
                for (Path p : ds) {
                    String n = p.getFileName().toString().replaceAll("\\.png$", "");
                    if (CHART.matcher(n).matches()) {
                        charts.add(n);
                    }
                }
            }
        }
        charts.sort(null);
        List<String> order = List.of("signal_events", "contact_time", "cadence", "form_over_time", "form_along_run",
                "splits", "contact_distribution", "left_right", "trunk_lean", "overstride");
        charts.sort((a, b) -> Integer.compare(rank(order, a), rank(order, b)));
        List<String> downloads = SESSION_FILES.stream().filter(n -> Files.isRegularFile(dir.resolve(n))).toList();
        String inputName = job.snapshot().inputs().stream().filter(i -> i.sessionId().equals(sid)).map(Job.Input::name)
                .findFirst().orElse(sid);
        html(ctx, Pages.session(frame(ctx), job.id(), sid, inputName, Scorecard.of(r, guidelines), quality, reasons,
                r.warnings(), charts, downloads));
    }

    private static int rank(List<String> order, String name) {
        int i = order.indexOf(name);
        return i < 0 ? order.size() : i;
    }

    private void sessionFile(Context ctx) throws IOException {
        folderFile(ctx, SESSION_FILES);
    }

    /** A file of a job's session folder, when its name is one of {@code allowed} (never a path from the request). */
    private void folderFile(Context ctx, List<String> allowed) throws IOException {
        Job job = job(ctx);
        String sid = session(job, ctx.pathParam("sid"));
        String name = ctx.pathParam("name");
        if (!allowed.contains(name)) {
            throw new WebException(404, "no such file");
        }
        send(ctx, store.out(job).resolve(sid).resolve(name), name);
    }

    private void chartFile(Context ctx) throws IOException {
        Job job = job(ctx);
        String sid = session(job, ctx.pathParam("sid"));
        String name = ctx.pathParam("name");
        if (!name.endsWith(".png") || !CHART.matcher(name.substring(0, name.length() - 4)).matches()) {
            throw new WebException(404, "no such chart");
        }
        send(ctx, store.out(job).resolve(sid).resolve("charts").resolve(name), null);
    }

    private void batchFile(Context ctx) throws IOException {
        Job job = job(ctx);
        requireFinished(job);
        String name = ctx.pathParam("name");
        boolean known = name.equals("batch-report.pdf") || name.equals("batch-summary.csv")
                || job.snapshot().batchFiles().contains(name);
        if (!known) {
            throw new WebException(404, "no such file");
        }
        send(ctx, store.out(job).resolve(name), name);
    }

    private static void send(Context ctx, Path file, String downloadName) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new WebException(404, "no such file");
        }
        String n = file.getFileName().toString();
        String type = n.endsWith(".pdf") ? "application/pdf" : n.endsWith(".png") ? "image/png"
                : n.endsWith(".json") ? "application/json" : n.endsWith(".csv") ? "text/csv; charset=utf-8"
                : "application/octet-stream";
        ctx.contentType(type);
        ctx.header("Cache-Control", "private, no-store");
        if (downloadName != null && !n.endsWith(".png")) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + downloadName + "\"");
        }
        try (InputStream in = Files.newInputStream(file); OutputStream out = ctx.outputStream()) {
            in.transferTo(out);
        }
    }

    /** Streams a folder as a zip: the files gaitform wrote, without its bookkeeping (lock, manifest, temp files). */
    private static void zip(Context ctx, Path dir, String name) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new WebException(404, "no such file");
        }
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        try (ZipOutputStream z = new ZipOutputStream(ctx.outputStream())) {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                    return !d.equals(dir) && d.getFileName().toString().startsWith(".") ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    String n = f.getFileName().toString();
                    if (a.isRegularFile() && !n.startsWith(".")) {
                        z.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
                        Files.copy(f, z);
                        z.closeEntry();
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    }

    private void delete(Context ctx) throws IOException {
        Job job = job(ctx);
        if (!job.ownerHash().equals(Ids.hash(client(ctx)))) {
            // only the browser that uploaded it may delete it; to others it does not exist
            throw new WebException(404, "no such upload: it was deleted, it expired, or the address is wrong");
        }
        store.delete(job);
        if (wantsJson(ctx)) {
            ctx.contentType("application/json");
            ctx.result(Json.write(Map.of("deleted", job.id())));
        } else {
            ctx.redirect("/mine", io.javalin.http.HttpStatus.SEE_OTHER);
        }
    }

    private void login(Context ctx) {
        Optional<String> token = security.login(ctx.formParam("password"));
        if (token.isEmpty()) {
            ctx.status(401);
            html(ctx, Pages.login(frame(ctx), "Wrong password."));
            return;
        }
        ctx.res().addHeader("Set-Cookie", Security.LOGIN_COOKIE + "=" + token.get() + "; Path=/; Max-Age="
                + Security.LOGIN_SECONDS + "; HttpOnly; SameSite=Strict");
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void asset(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        String type = switch (name) {
            case "app.css" -> "text/css; charset=utf-8";
            case "app.js" -> "text/javascript; charset=utf-8";
            default -> throw new WebException(404, "no such file");
        };
        try (InputStream in = GaitformServer.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                throw new WebException(404, "no such file");
            }
            ctx.contentType(type);
            ctx.header("Cache-Control", "no-cache");
            ctx.result(in.readAllBytes());
        }
    }
}
