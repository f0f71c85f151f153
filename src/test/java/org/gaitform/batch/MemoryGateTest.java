package org.gaitform.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void compressedInputsAreEstimatedByWhatTheyUnpackTo(@TempDir Path dir) throws Exception {
        // a zip bomb used to be estimated by its few compressed bytes, and so let through beside other sessions
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("TotalAcceleration.csv", new byte[4_000_000]);
        entries.put("Gyroscope.csv", new byte[2_000_000]);
        entries.put("Magnetometer.csv", new byte[9_000_000]);
        Path zip = Files.write(dir.resolve("export.zip"), org.gaitform.support.MalformedFiles.zip(entries));
        assertThat(Files.size(zip)).isLessThan(200_000);
        assertThat(MemoryGate.estimate(zip)).isEqualTo(MemoryGate.BASE_MB * 1_000_000L + 3 * 6_000_000L);
        Path gz = dir.resolve("run.tcx.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(new byte[5_000_000]);
        }
        assertThat(MemoryGate.estimate(gz)).isEqualTo(MemoryGate.BASE_MB * 1_000_000L + 3 * 5_000_000L);
    }

    @Test
    void aCancelledGateLetsNoSessionStart() throws Exception {
        MemoryGate gate = new MemoryGate(100);
        long a = gate.acquire(100);
        Thread t = new Thread(() -> {
            try {
                assertThat(gate.acquire(50)).isZero();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        gate.cancel();
        t.join(5000);
        assertThat(t.isAlive()).isFalse();
        gate.release(a);
        assertThat(gate.acquire(10)).isZero();
    }

    /**
     * While a session fills the heap, the batch's own thread may find no memory for the exception of its timed wait.
     * It waits on (the session fails with its own message), instead of the whole run ending with a stack trace, as
     * a 30-minute, two-person COCO file in a 192 MB heap made it do. A session's own error still reaches the batch.
     */
    @Test
    void theBatchWaitsOnWhenItsOwnWaitFindsTheHeapFull() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        FutureTask<Object> session = new FutureTask<>(() -> "done") {
            @Override
            public Object get(long timeout, TimeUnit unit)
                    throws InterruptedException, ExecutionException, TimeoutException {
                if (polls.incrementAndGet() <= 3) {
                    throw new OutOfMemoryError("Java heap space"); // as FutureTask's own TimeoutException would
                }
                if (polls.get() == 4) {
                    throw new TimeoutException();
                }
                run();
                return super.get(timeout, unit);
            }
        };
        assertThat(BatchRunner.await(session, () -> false)).isTrue();
        assertThat(polls).hasValue(5);

        CompletableFuture<Object> failed = new CompletableFuture<>();
        failed.completeExceptionally(new OutOfMemoryError("the session's own"));
        assertThatExceptionOfType(OutOfMemoryError.class).isThrownBy(() -> BatchRunner.await(failed, () -> false))
                .withMessage("the session's own");
        assertThat(BatchRunner.await(new CompletableFuture<>(), () -> true)).isFalse();
    }
}
