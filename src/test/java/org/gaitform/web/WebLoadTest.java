package org.gaitform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.gaitform.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load run's correctness at a small scale (the measuring run, 50 uploads of sample sessions, is in the
 * benchmark profile: {@link WebLoad#main}): 10 browsers upload at once into a server with 2 jobs and room for 3
 * waiting uploads. Every upload is answered (202, or 503 with Retry-After and accepted on a retry), none is lost,
 * each is analysed, and the other pages keep answering meanwhile.
 */
class WebLoadTest {
    @Test
    void concurrentUploadsAreAllAnsweredAndNoneIsLost(@TempDir Path tmp) throws Exception {
        WebSettings s = WebSettings.defaults(tmp.resolve("data")).withPort(0).withJobs(2, 3)
                .withRateLimits(1_000_000, 100_000, 100);
        try (GaitformServer server = new GaitformServer(s, "test")) {
            server.onInternalError(System.err::println);
            server.start();
            WebClient first = new WebClient(server.address());
            HttpResponse<String> r = first.upload(Map.of("first.csv", Fixtures.shortRunCsv()
                    .getBytes(StandardCharsets.UTF_8)), Map.of(), true);
            String job = String.valueOf(WebClient.json(r.body()).get("id"));
            first.waitDone(job, Duration.ofMinutes(2));
            WebLoad.Plan plan = new WebLoad.Plan(10, Map.of("run.csv", Fixtures.shortRunCsv()
                    .getBytes(StandardCharsets.UTF_8)), 2, 300, Duration.ofMinutes(4));
            WebLoad.Result res = WebLoad.run(server.address(), plan, job, "first");
            System.out.println("web load (test scale): " + res.describe());
            assertThat(res.unanswered()).as(res.describe()).isZero();
            assertThat(res.otherAnswers()).as(res.describe()).isEmpty();
            assertThat(res.accepted()).as(res.describe()).hasSize(10).doesNotHaveDuplicates();
            assertThat(res.busyAnswers()).as("the full queue said 503 + Retry-After").isPositive();
            assertThat(res.analysed()).as(res.describe()).isEqualTo(10);
            assertThat(res.pageErrors()).as(res.describe()).isZero();
            assertThat(res.pageMs()).as("pages read while the jobs ran").isNotEmpty();
        }
    }
}
