package org.gaitform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.gaitform.model.GaitformException;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.Fixtures;
import org.gaitform.support.MalformedCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API of {@code gaitform serve}, through the JDK's HttpClient: every route, every limit and error (400,
 * 403, 404, 413, 415, 429, 503), CSRF, the security headers, hostile uploads (path traversal, zip slip, zip bomb,
 * a 10 GB declared length, the malformed-input corpus) and the HTML scorecard against summary.json.
 */
class WebServerTest {
    @TempDir
    static Path tmp;
    static GaitformServer server;
    static WebClient client;
    static String okJob;

    @BeforeAll
    static void start() throws Exception {
        WebSettings s = WebSettings.defaults(tmp.resolve("data")).withPort(0).withJobs(2, 20)
                .withUploadLimit(6L << 20).withLimits(3L << 20, 300, 16L << 20).withRateLimits(100_000, 10_000, 100);
        server = new GaitformServer(s, "test");
        server.onInternalError(System.err::println);
        server.start();
        client = new WebClient(server.address());
        // one upload analysed for the tests that read results
        HttpResponse<String> r = client.upload(files("short_run.csv", Fixtures.shortRunCsv(), "quick_run.csv",
                Fixtures.quickRunCsv(), "README.md", "not a recording"), Map.of("height_cm", "178", "pain_during", "3",
                "treadmill", "yes"), true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        okJob = String.valueOf(WebClient.json(r.body()).get("id"));
        client.waitDone(okJob, Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Map<String, byte[]> files(String... nameAndText) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            m.put(nameAndText[i], nameAndText[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    @Test
    void pagesCarryTheSecurityHeadersAndTheAssetsComeFromTheServer() throws Exception {
        HttpResponse<String> r = client.get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'")
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(r.headers().firstValue("Server")).isEmpty();
        // no CDN, no inline script or style: every asset is this server's
        assertThat(r.body()).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script>")
                .doesNotContain("style=").contains("src=\"/static/app.js\"").contains("href=\"/static/app.css\"");
        assertThat(client.get("/static/app.js").statusCode()).isEqualTo(200);
        assertThat(client.get("/static/app.css").headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(client.get("/static/../../etc/passwd").statusCode()).isIn(400, 404);
        HttpResponse<String> missing = client.get("/no/such/page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("jetty");
        assertThat(client.get("/mine").body()).contains("/jobs/" + okJob);
    }

    @Test
    void anUploadIsAnalysedAndItsReportsCanBeDownloaded() throws Exception {
        Map<?, ?> status = WebClient.json(client.get("/api/jobs/" + okJob).body());
        assertThat(status.get("state")).isEqualTo("done");
        Map<String, Map<?, ?>> inputs = WebClient.inputs(status);
        assertThat(inputs.keySet()).containsExactly("quick_run.csv", "short_run.csv");
        assertThat(inputs.values()).allSatisfy(i -> assertThat(i.get("status")).isEqualTo("ok"));
        assertThat(status.get("left_out").toString()).contains("README.md");
        String job = client.get("/jobs/" + okJob).body();
        assertThat(job).contains("/jobs/" + okJob + "/sessions/short_run").contains("Everything (zip)");
        HttpResponse<String> page = client.get("/jobs/" + okJob + "/sessions/short_run");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("What to work on first").contains("Scorecard").contains("alt=\"");
        // the form's details went in as a sidecar: the pain finding is judged
        assertThat(page.body()).contains("data-guideline=\"R13\"");
        HttpResponse<byte[]> pdf = client.bytes("/jobs/" + okJob + "/files/short_run/report.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // a browser asks for compressed answers: the download is whole all the same
        HttpResponse<byte[]> gz = client.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base
                + "/jobs/" + okJob + "/files/short_run/report.pdf")).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.statusCode()).isEqualTo(200);
        byte[] unpacked = gz.headers().firstValue("Content-Encoding").orElse("").equals("gzip")
                ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body())).readAllBytes() : gz.body();
        assertThat(unpacked).isEqualTo(pdf.body());
        assertThat(client.get("/jobs/" + okJob + "/files/short_run/steps.csv").body()).startsWith("step,side,ic_s");
        assertThat(client.bytes("/jobs/" + okJob + "/files/short_run/charts/cadence.png").statusCode()).isEqualTo(200);
        assertThat(client.get("/jobs/" + okJob + "/batch/batch-summary.csv").body()).contains("short_run");
        assertThat(zipNames(client.bytes("/jobs/" + okJob + "/sessions/short_run/download.zip").body()))
                .contains("report.pdf", "steps.csv", "summary.json").noneMatch(n -> n.startsWith("."));
        assertThat(zipNames(client.bytes("/jobs/" + okJob + "/download.zip").body()))
                .contains("short_run/report.pdf", "quick_run/summary.json", "batch-summary.csv")
                .noneMatch(n -> n.contains(".gaitform"));
        // only whitelisted files and listed sessions: no path from the request reaches the disk
        assertThat(client.get("/jobs/" + okJob + "/files/short_run/..%2F..%2Fjob.json").statusCode()).isEqualTo(404);
        assertThat(client.get("/jobs/" + okJob + "/files/short_run/manifest.csv").statusCode()).isEqualTo(404);
        assertThat(client.get("/jobs/" + okJob + "/sessions/..").statusCode()).isIn(400, 404);
        assertThat(client.get("/jobs/" + okJob + "/batch/.gaitform-lock").statusCode()).isEqualTo(404);
    }

    /** The numbers of the HTML scorecard are summary.json's, to the decimals shown. */
    @Test
    void theScorecardShowsTheNumbersOfSummaryJson() throws Exception {
        for (String sid : List.of("short_run", "quick_run")) {
            Map<?, ?> summary = WebClient.json(client.get("/jobs/" + okJob + "/files/" + sid + "/summary.json").body());
            String html = client.get("/jobs/" + okJob + "/sessions/" + sid).body();
            assertThat(WebScorecardCheck.tilesMatch(html, summary, sid)).as(sid + " tiles").isGreaterThanOrEqualTo(4);
            assertThat(WebScorecardCheck.rowsMatch(html, summary, sid)).as(sid + " rows").isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void everyStateChangingRequestNeedsTheCsrfToken() throws Exception {
        HttpResponse<String> noToken = client.upload(files("a.csv", Fixtures.shortRunCsv()), Map.of(), false);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(WebClient.json(noToken.body()).get("error").toString()).contains("security token");
        HttpResponse<String> wrong = client.post("/jobs/" + okJob + "/delete", Map.of("_csrf", "wrong"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> none = client.post("/jobs/" + okJob + "/delete", Map.of());
        assertThat(none.statusCode()).isEqualTo(403);
        // a page of another site cannot post with this browser's cookies
        HttpResponse<String> crossSite = client.http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(client.base + "/jobs/" + okJob + "/delete")).header("Origin", "http://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + client.csrf())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(client.get("/api/jobs/" + okJob).statusCode()).isEqualTo(200);
    }

    @Test
    void aForeignOrUnknownIdIsNotFoundAndOnlyTheUploaderDeletes() throws Exception {
        assertThat(client.get("/jobs/" + Ids.next()).statusCode()).isEqualTo(404);
        assertThat(client.get("/api/jobs/" + Ids.next()).statusCode()).isEqualTo(404);
        assertThat(client.get("/jobs/short").statusCode()).isEqualTo(404);
        assertThat(client.get("/jobs/" + okJob + "/sessions/not_a_session").statusCode()).isEqualTo(404);
        WebClient other = new WebClient(server.address());
        // the id is the key: another browser with the address can read it, cannot list it, cannot delete it
        assertThat(other.get("/jobs/" + okJob).statusCode()).isEqualTo(200);
        assertThat(other.get("/mine").body()).doesNotContain(okJob);
        HttpResponse<String> steal = other.post("/jobs/" + okJob + "/delete", Map.of("_csrf", other.csrf()));
        assertThat(steal.statusCode()).isEqualTo(404);
        assertThat(client.get("/jobs/" + okJob).statusCode()).isEqualTo(200);
        // ids are 128 random bits
        assertThat(okJob).matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    void theOwnerDeletesAndTheUploadIsGone() throws Exception {
        HttpResponse<String> r = client.upload(files("gone.csv", Fixtures.shortRunCsv()), Map.of(), true);
        String id = String.valueOf(WebClient.json(r.body()).get("id"));
        client.waitDone(id, Duration.ofMinutes(3));
        Path dir = tmp.resolve("data/jobs").resolve(id);
        assertThat(dir.resolve("out/gone/report.pdf")).exists();
        HttpResponse<String> del = client.post("/jobs/" + id + "/delete", Map.of("_csrf", client.csrf()));
        assertThat(del.statusCode()).isEqualTo(303);
        assertThat(client.get("/jobs/" + id).statusCode()).isEqualTo(404);
        assertThat(client.get("/mine").body()).doesNotContain(id);
        assertThat(dir).doesNotExist();
    }

    @Test
    void filesOfNoKnownKindAre415() throws Exception {
        HttpResponse<String> r = client.upload(files("notes.docx", "hello", ".DS_Store", "x"), Map.of(), true);
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(WebClient.json(r.body()).get("error").toString()).contains("none of the uploaded files");
        HttpResponse<String> json = client.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base
                + "/upload")).header("Content-Type", "application/json").header("X-CSRF-Token", client.csrf())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(415);
    }

    @Test
    void tooLargeAndTooManyAre413() throws Exception {
        HttpResponse<String> big = client.upload(Map.of("big.csv", new byte[(3 << 20) + 10]), Map.of(), true);
        assertThat(big.statusCode()).isEqualTo(413);
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 301; i++) {
            many.put("f" + i + ".csv", "time,acc_v\n".getBytes(StandardCharsets.US_ASCII));
        }
        HttpResponse<String> count = client.upload(many, Map.of(), true);
        assertThat(count.statusCode()).isEqualTo(413);
        assertThat(WebClient.json(count.body()).get("error").toString()).contains("too many files");
        assertThat(client.upload(Map.of("bad.csv", Fixtures.shortRunCsv().getBytes(StandardCharsets.UTF_8)),
                Map.of("pain_during", "11"), true).statusCode()).isEqualTo(400);
    }

    /** A request declaring 10 GB is refused from its headers, before any byte of the body is read. */
    @Test
    void aTenGigabyteDeclaredLengthIsRefusedAtOnce() throws Exception {
        String csrf = client.csrf();
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nContent-Type: multipart/form-data; "
                    + "boundary=xyz\r\nContent-Length: 10737418240\r\nX-CSRF-Token: " + csrf + "\r\nAccept: application/json"
                    + "\r\n\r\n--xyz\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long t0 = System.nanoTime();
            String head = new String(readSome(s.getInputStream()), StandardCharsets.ISO_8859_1);
            assertThat(head).startsWith("HTTP/1.1 413");
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(15);
        }
        assertThat(Files.list(tmp.resolve("data/incoming")).filter(p -> !p.getFileName().toString().startsWith(".")))
                .isEmpty();
    }

    /** A client that starts a request and sends no more is cut off after the idle timeout (no slow-loris hold). */
    @Test
    void aStalledRequestIsClosedAfterTheIdleTimeout() throws Exception {
        WebSettings s = WebSettings.defaults(tmp.resolve("data-idle")).withPort(0).withIdleTimeout(Duration.ofSeconds(1));
        try (GaitformServer small = new GaitformServer(s, "test")) {
            small.start();
            try (Socket sock = new Socket("127.0.0.1", small.port())) {
                sock.setSoTimeout(15_000);
                sock.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                sock.getOutputStream().flush();
                long t0 = System.nanoTime();
                byte[] answer = sock.getInputStream().readAllBytes();
                double waitedS = (System.nanoTime() - t0) / 1e9;
                String text = new String(answer, StandardCharsets.ISO_8859_1);
                assertThat(text.isEmpty() || text.startsWith("HTTP/1.1 408") || text.startsWith("HTTP/1.1 400"))
                        .as(text).isTrue();
                assertThat(waitedS).isLessThan(10);
            }
        }
    }

    private static byte[] readSome(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while (b.size() < 12 && (n = in.read(buf)) > 0) {
            b.write(buf, 0, n);
        }
        return b.toByteArray();
    }

    @Test
    void uploadedNamesAreNeverPathsAndZipSlipStaysInside() throws Exception {
        Map<String, byte[]> hostile = new LinkedHashMap<>();
        hostile.put("../../../../escaped_upload.csv", Fixtures.shortRunCsv().getBytes(StandardCharsets.UTF_8));
        hostile.put("/etc/absolute.csv", Fixtures.quickRunCsv().getBytes(StandardCharsets.UTF_8));
        hostile.put("..\\..\\windows.csv", Fixtures.shortRunCsv().getBytes(StandardCharsets.UTF_8));
        hostile.put("zips.zip", zip(Map.of("../../../zip_escaped.csv", Fixtures.shortRunCsv().getBytes(StandardCharsets.UTF_8),
                "/abs/zip_abs.csv", Fixtures.quickRunCsv().getBytes(StandardCharsets.UTF_8))));
        HttpResponse<String> r = client.upload(hostile, Map.of(), true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = String.valueOf(WebClient.json(r.body()).get("id"));
        Map<?, ?> s = client.waitDone(id, Duration.ofMinutes(3));
        assertThat(WebClient.inputs(s).keySet()).containsExactlyInAnyOrder("escaped_upload.csv", "etc/absolute.csv",
                "windows.csv", "zips/zip_escaped.csv", "zips/abs/zip_abs.csv");
        Path root = tmp.toRealPath();
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(p -> p.getFileName().toString().contains("escaped") || p.getFileName().toString()
                    .contains("zip_abs")).filter(Files::isRegularFile).map(Path::toString))
                    .allMatch(p -> p.contains("/jobs/" + id + "/upload/files/") || p.contains("/jobs/" + id + "/out/"));
        }
        assertThat(Path.of("/etc/absolute.csv")).doesNotExist();
        assertThat(Path.of("/abs/zip_abs.csv")).doesNotExist();
    }

    @Test
    void aZipBombIsRefused() throws Exception {
        // 40 MB of zeros deflate to about 40 kB: the directory states more than a file may hold
        HttpResponse<String> r = client.upload(Map.of("bomb.zip", zip(Map.of("run.csv", new byte[40 << 20]))), Map.of(),
                true);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(WebClient.json(r.body()).get("error").toString()).contains("claims 40 MiB");
        // within the size per file, but inflating a thousand times: refused by its ratio before it is unpacked
        HttpResponse<String> ratio = client.upload(Map.of("ratio.zip", zip(Map.of("run.csv", new byte[5 << 19]))),
                Map.of(), true);
        assertThat(ratio.statusCode()).isEqualTo(413);
        assertThat(WebClient.json(ratio.body()).get("error").toString()).contains("zip bomb");
        // nested: a zip of zips, each within the ratio, together past the budget
        Map<String, byte[]> inner = new LinkedHashMap<>();
        // sparse noise: about 20 times smaller deflated, well within the ratio; 8 × 2.5 MB together past 16 MB
        byte[] noise = new byte[5 << 19];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (random.nextInt(20) == 0 ? '0' + random.nextInt(10) : '0');
        }
        for (int i = 0; i < 8; i++) {
            inner.put("part" + i + ".zip", zip(Map.of("run" + i + ".csv", noise)));
        }
        HttpResponse<String> nested = client.upload(Map.of("export.zip", zip(inner)), Map.of(), true);
        assertThat(nested.statusCode()).isEqualTo(413);
        assertThat(WebClient.json(nested.body()).get("error").toString()).contains("MiB");
    }

    /**
     * Malformed inputs of every reader family through the page: each fails alone with the command line's own
     * one-line message, shown on the job page; the good file beside them is analysed.
     */
    @Test
    void theMalformedCorpusGivesTheCommandLinesMessages(@TempDir Path dir) throws Exception {
        Map<String, Integer> perReader = new LinkedHashMap<>();
        Map<String, byte[]> upload = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (MalformedCorpus.Case c : MalformedCorpus.all()) {
            if (c.analysedWithWarning() || c.size() > (2 << 20) || perReader.merge(c.reader(), 1, Integer::sum) > 2) {
                continue;
            }
            Path f = c.writeTo(dir);
            // the page keeps a hostile name (control or direction characters) under its safe form, and so names it
            String shown = SafeNames.components(c.fileName()).map(parts -> String.join("/", parts)).orElseThrow();
            String message;
            try {
                new SessionPipeline(AnalysisSettings.defaults()).analyse(f, shown, "case");
                continue;
            } catch (GaitformException e) {
                message = e.getMessage();
            }
            expected.put(shown, message);
            if (c.isFolder()) {
                c.folder().forEach((k, v) -> upload.put(c.fileName() + "/" + k, v));
            } else {
                upload.put(c.fileName(), c.bytes());
            }
        }
        upload.put("zz_good_run.csv", MalformedCorpus.goodTrunkCsv().getBytes(StandardCharsets.UTF_8));
        assertThat(perReader.keySet()).hasSizeGreaterThanOrEqualTo(8);
        WebClient c2 = new WebClient(server.address());
        HttpResponse<String> r = c2.upload(upload, Map.of(), true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = String.valueOf(WebClient.json(r.body()).get("id"));
        Map<String, Map<?, ?>> inputs = WebClient.inputs(c2.waitDone(id, Duration.ofMinutes(4)));
        String page = c2.get("/jobs/" + id).body();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Map<?, ?> in = inputs.get(e.getKey());
            assertThat(in).as(e.getKey() + " among " + inputs.keySet()).isNotNull();
            assertThat(in.get("status")).as(e.getKey()).isEqualTo("failed");
            assertThat(in.get("message")).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(page).as(e.getKey()).contains(Html.esc(e.getValue()));
        }
        assertThat(inputs.get("zz_good_run.csv").get("status")).isEqualTo("ok");
        assertThat(page).doesNotContain("Exception").doesNotContain(tmp.toString());
        System.out.printf(Locale.ROOT, "malformed corpus through the page: %d inputs of %d reader families, each with "
                + "the command line's message%n", expected.size(), perReader.size());
    }

    /** A runner's whole Strava export, as its zip, gives the runner's report with the weekly load. */
    @Test
    void aStravaAccountExportGivesTheRunnersReport(@TempDir Path dir) throws Exception {
        List<org.gaitform.support.AccountExports.Activity> acts = org.gaitform.support.AccountExports.activities(
                new org.gaitform.support.AccountExports.Spec(8, 0.1, 11, 0.1));
        Path zip = org.gaitform.support.AccountExports.stravaZip(dir.resolve("export_123.zip"), acts);
        HttpResponse<String> r = client.upload(Map.of("export_123.zip", Files.readAllBytes(zip)), Map.of(), true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = String.valueOf(WebClient.json(r.body()).get("id"));
        Map<?, ?> s = client.waitDone(id, Duration.ofMinutes(3));
        assertThat(s.get("state")).as(s.toString()).isEqualTo("done");
        assertThat(WebClient.inputs(s).values()).as(s.toString()).anySatisfy(i -> assertThat(i.get("status"))
                .isEqualTo("ok"));
        String page = client.get("/jobs/" + id).body();
        assertThat(page).contains("Runner's report: weekly load and trends").contains("<svg")
                .contains("/jobs/" + id + "/history/export_123/monthly-form.csv");
        HttpResponse<byte[]> pdf = client.bytes("/jobs/" + id + "/history/export_123/runner-report.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(client.get("/jobs/" + id + "/history/export_123/job.json").statusCode()).isEqualTo(404);
        assertThat(client.get("/jobs/" + id + "/sessions/export_123").statusCode()).isEqualTo(303);
    }

    @Test
    void aFullQueueAnswers503WithRetryAfter() throws Exception {
        WebSettings s = WebSettings.defaults(tmp.resolve("data-queue")).withPort(0).withJobs(1, 1);
        try (GaitformServer small = new GaitformServer(s, "test")) {
            small.start();
            small.pauseJobs(true);
            WebClient c = new WebClient(small.address());
            assertThat(c.upload(files("one.csv", Fixtures.shortRunCsv()), Map.of(), true).statusCode()).isEqualTo(202);
            HttpResponse<String> busy = c.upload(files("two.csv", Fixtures.shortRunCsv()), Map.of(), true);
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(Long.parseLong(busy.headers().firstValue("Retry-After").orElse("0"))).isBetween(1L, 300L);
            assertThat(c.get("/").statusCode()).isEqualTo(200);
            small.pauseJobs(false);
        }
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfter() throws Exception {
        WebSettings s = WebSettings.defaults(tmp.resolve("data-rate")).withPort(0).withRateLimits(5, 5, 5);
        try (GaitformServer small = new GaitformServer(s, "test")) {
            small.start();
            WebClient c = new WebClient(small.address());
            int[] codes = new int[8];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = c.get("/").statusCode();
            }
            assertThat(codes).startsWith(200, 200, 200, 200, 200).contains(429);
            HttpResponse<String> r = c.get("/");
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void withAPasswordEveryPageNeedsALogin() throws Exception {
        String hash = PasswordFile.hash("correct horse battery");
        WebSettings s = WebSettings.defaults(tmp.resolve("data-login")).withPort(0).withPasswordHash(
                java.util.Optional.of(hash)).withBind("127.0.0.1");
        try (GaitformServer locked = new GaitformServer(s, "test")) {
            locked.start();
            WebClient c = new WebClient(locked.address());
            HttpResponse<String> first = c.get("/");
            assertThat(first.statusCode()).isEqualTo(303);
            assertThat(first.headers().firstValue("Location")).hasValue("/login");
            assertThat(c.get("/api/jobs/" + okJob).statusCode()).isEqualTo(401);
            assertThat(c.get("/jobs/" + okJob).statusCode()).isEqualTo(303);
            String loginPage = c.get("/login").body();
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
            assertThat(m.find()).isTrue();
            assertThat(c.post("/login", Map.of("_csrf", m.group(1), "password", "wrong password")).statusCode())
                    .isEqualTo(401);
            assertThat(c.post("/login", Map.of("password", "correct horse battery")).statusCode()).isEqualTo(403);
            HttpResponse<String> ok = c.post("/login", Map.of("_csrf", m.group(1), "password", "correct horse battery"));
            assertThat(ok.statusCode()).isEqualTo(303);
            assertThat(c.get("/").statusCode()).isEqualTo(200);
            assertThat(locked.warnings()).isEmpty();
        }
        assertThat(hash).startsWith("$2a$12$");
        assertThat(PasswordFile.hash("admin:" + hash)).isEqualTo(hash);
        assertThat(new GaitformServer(WebSettings.defaults(tmp).withBind("0.0.0.0"), "t").warnings())
                .singleElement().asString().contains("without a password");
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }

    static List<String> zipNames(byte[] zip) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                names.add(e.getName());
            }
        }
        return names;
    }

}
