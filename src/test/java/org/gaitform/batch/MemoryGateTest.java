package org.gaitform.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryGateTest {
    @Test
    void aSessionWaitsUntilThereIsRoomAndAHugeOneRunsAlone() throws Exception {
        MemoryGate gate = new MemoryGate(100);
        long a = gate.acquire(60);
        assertThat(a).isEqualTo(60);
        AtomicBoolean got = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                long b = gate.acquire(50);
                got.set(true);
                gate.release(b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.countDown();
        });
        t.start();
        assertThat(done.await(200, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(got).isFalse();
        gate.release(a);
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(got).isTrue();
        long huge = gate.acquire(10_000);
        assertThat(huge).isEqualTo(100);
        gate.release(huge);
    }

    @Test
    void theEstimateGrowsWithTheInput(@TempDir Path dir) throws Exception {
        Path f = Files.write(dir.resolve("a.csv"), new byte[1_000_000]);
        assertThat(MemoryGate.estimate(f)).isEqualTo(MemoryGate.BASE_MB * 1_000_000L + 3_000_000L);
        assertThat(MemoryGate.estimate(dir.resolve("missing.csv"))).isEqualTo(MemoryGate.BASE_MB * 1_000_000L);
        assertThat(MemoryGate.estimate(dir)).isEqualTo(MemoryGate.estimate(f));
    }
}
