package org.gaitform.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.support.Fixtures;
import org.gaitform.support.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several jobs give exactly what one job gives, and progress is reported one call at a time. */
class ParallelBatchTest {

    static Path inputs(Path dir) throws IOException {
        String good = Fixtures.shortRunCsv();
        TempDirs.write(dir, "in/a_run.csv", good);
        TempDirs.write(dir, "in/b_bad.csv", "time,acc_v\n0,1\n0.01,oops\n");
        TempDirs.write(dir, "in/c_run.csv", good.replace("time_s,", "t,"));
        TempDirs.write(dir, "in/sub/a_run.csv", good);
        TempDirs.write(dir, "in/d_empty.csv", "");
        TempDirs.write(dir, "in/e_run.csv", good);
        return dir.resolve("in");
    }

    @Test
    void threeJobsWriteTheSameAsOne(@TempDir Path dir) throws IOException {
        Path in = inputs(dir);
        Path one = dir.resolve("one");
        Path three = dir.resolve("three");
        BatchResult r1 = new BatchRunner(AnalysisSettings.defaults(), "test", new BatchOptions(1, false))
                .run(List.of(in), one, BatchListener.NONE);
        List<Integer> done = new ArrayList<>();
        AtomicBoolean overlap = new AtomicBoolean();
        AtomicInteger inCall = new AtomicInteger();
        List<String> threads = new ArrayList<>();
        BatchResult r3 = new BatchRunner(AnalysisSettings.defaults(), "test", new BatchOptions(3, false))
                .run(List.of(in), three, new BatchListener() {
                    @Override
                    public void finished(Outcome outcome, int d, int total) {
                        if (inCall.incrementAndGet() > 1) {
                            overlap.set(true);
                        }
                        done.add(d);
                        threads.add(Thread.currentThread().getName());
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        inCall.decrementAndGet();
                    }
                });
        assertThat(r3.outcomes()).extracting(Outcome::sessionId)
                .containsExactlyElementsOf(r1.outcomes().stream().map(Outcome::sessionId).toList());
        assertThat(r3.outcomes()).extracting(Outcome::status)
                .containsExactlyElementsOf(r1.outcomes().stream().map(Outcome::status).toList());
        assertThat(r3.outcomes()).extracting(Outcome::message)
                .containsExactlyElementsOf(r1.outcomes().stream().map(Outcome::message).toList());
        assertThat(r1.failedCount()).isEqualTo(2);
        assertThat(Files.readString(three.resolve("batch-summary.csv")))
                .isEqualTo(Files.readString(one.resolve("batch-summary.csv")));
        for (Outcome o : r1.outcomes()) {
            if (o.ok()) {
                for (String f : List.of("steps.csv", "summary.json")) {
                    assertThat(Files.readString(three.resolve(o.sessionId()).resolve(f)))
                            .as(o.sessionId() + "/" + f)
                            .isEqualTo(Files.readString(one.resolve(o.sessionId()).resolve(f)));
                }
            } else {
                assertThat(three.resolve(o.sessionId())).doesNotExist();
            }
        }
        assertThat(done).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(overlap).isFalse();
        assertThat(threads).allMatch(t -> t.startsWith("gaitform-worker-"));
    }
}
