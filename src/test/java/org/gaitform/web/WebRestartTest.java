package org.gaitform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaitform.cli.GaitformCli;
import org.gaitform.support.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability of {@code gaitform serve}: the server process (a child JVM running the real command line) is killed
 * while it analyses an upload; started again on the same data folder, it finishes the interrupted job and the one
 * still queued, and every answered upload is there.
 */
class WebRestartTest {
    private static final Pattern ADDRESS = Pattern.compile("open (http://127\\.0\\.0\\.1:\\d+/)");

    @Test
    void aServerKilledMidJobFinishesItsJobsAfterARestart(@TempDir Path tmp) throws Exception {
        assertThat(ChildJvm.classPathLooksComplete()).as("test class path").isTrue();
        Path data = tmp.resolve("data");
        Process first = serve(data, tmp.resolve("first.log"));
        String id;
        String queued;
        try {
            WebClient c = new WebClient(address(first, tmp.resolve("first.log")));
            // one upload of several sessions (the one killed mid-analysis), one waiting behind it (--jobs 1)
            Map<String, byte[]> many = new LinkedHashMap<>();
            for (Path p : samples()) {
                for (int k = 1; k <= 3; k++) {
                    many.put("copy" + k + "/" + p.getFileName(), Files.readAllBytes(p));
                }
            }
            HttpResponse<String> r = c.upload(many, Map.of("height_cm", "175"), true);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            id = String.valueOf(WebClient.json(r.body()).get("id"));
            HttpResponse<String> r2 = c.upload(Map.of("waiting.csv", Files.readAllBytes(samples().get(0))), Map.of(),
                    true);
            assertThat(r2.statusCode()).as(r2.body()).isEqualTo(202);
            queued = String.valueOf(WebClient.json(r2.body()).get("id"));
            // kill once the first job has finished a session but not all of them
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            Map<?, ?> s;
            while (true) {
                s = WebClient.json(c.get("/api/jobs/" + id).body());
                long ok = WebClient.inputs(s).values().stream().filter(i -> i.get("status").equals("ok")).count();
                if (ok >= 1) {
                    break;
                }
                assertThat(System.nanoTime()).as("first session analysed in time").isLessThan(end);
                Thread.sleep(50);
            }
            assertThat(s.get("state")).as("killed mid-job").isEqualTo("running");
            assertThat(WebClient.json(c.get("/api/jobs/" + queued).body()).get("state")).isEqualTo("queued");
        } finally {
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        Process second = serve(data, tmp.resolve("second.log"));
        try {
            WebClient c = new WebClient(address(second, tmp.resolve("second.log")));
            Map<?, ?> done = c.waitDone(id, Duration.ofMinutes(4));
            assertThat(done.get("state")).isEqualTo("done");
            Map<String, Map<?, ?>> inputs = WebClient.inputs(done);
            assertThat(inputs).hasSize(3 * samples().size());
            assertThat(inputs.values()).allSatisfy(i -> assertThat(i.get("status")).as(i.toString()).isEqualTo("ok"));
            assertThat(c.waitDone(queued, Duration.ofMinutes(2)).get("state")).isEqualTo("done");
            // the results are whole: every session's PDF is a PDF, its summary readable
            for (Map<?, ?> in : inputs.values()) {
                String sid = String.valueOf(in.get("session_id"));
                byte[] pdf = c.bytes("/jobs/" + id + "/files/" + sid + "/report.pdf").body();
                assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).as(sid).isEqualTo("%PDF-");
                assertThat(c.get("/jobs/" + id + "/sessions/" + sid).statusCode()).as(sid).isEqualTo(200);
            }
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static List<Path> samples() throws IOException {
        try (var s = Files.list(Path.of("sample-data"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .filter(p -> !p.getFileName().toString().contains(".truth.")).sorted().toList();
        }
    }

    private static Process serve(Path data, Path log) throws IOException {
        return ChildJvm.start(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), GaitformCli.class.getName(),
                List.of("serve", "--port", "0", "--data", data.toString(), "--jobs", "1"), log);
    }

    /** The address the child printed. */
    private static String address(Process p, Path log) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            String out = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Matcher m = ADDRESS.matcher(out);
            if (m.find()) {
                return m.group(1);
            }
            assertThat(p.isAlive()).as("server process: " + out).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("the server printed no address: " + Files.readString(log, StandardCharsets.UTF_8));
    }
}
