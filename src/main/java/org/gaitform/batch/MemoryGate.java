package org.gaitform.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.gaitform.io.InputReaders;

/**
 * Keeps parallel sessions within the heap: each session reserves an estimate of the memory it needs
 * before it starts and returns it when done; a session waits while the reservations of running sessions
 * would not leave room for it. A session larger than the whole budget runs alone. With one job there is
 * nothing to gate.
 *
 * <p>Estimate: {@value #BYTES_PER_INPUT_BYTE} × the input's size on disk, plus {@value #BASE_MB} MB for the
 * report. Measured: a 2-hour trunk IMU CSV at 200 Hz (71 MB, 1.44 million rows of 6 axes) peaks at about
 * 180 MB of live heap (2.5 × its size) — see docs/benchmark.md. Binary formats hold more samples per byte;
 * their readers should be measured when they are added and the factor raised if needed.
 */
final class MemoryGate {
    /** Heap per byte of input, a little above the measured 2.5. */
    static final int BYTES_PER_INPUT_BYTE = 3;
    /** Heap for rendering one report (charts, PDF), MB. */
    static final int BASE_MB = 48;
    /** Share of the maximum heap that sessions may reserve together. */
    static final double SHARE = 0.8;

    private final long capacity;
    private long available;
    private boolean cancelled;

    MemoryGate(long capacityBytes) {
        this.capacity = Math.max(1, capacityBytes);
        this.available = this.capacity;
    }

    /** A gate for this JVM's maximum heap. */
    static MemoryGate forThisJvm() {
        return new MemoryGate((long) (Runtime.getRuntime().maxMemory() * SHARE));
    }

    /**
     * The memory a session of this input is expected to need (bytes): from the size of what it holds once unpacked —
     * a zip's streams or a {@code .gz} file's content as they unpack, not their compressed size.
     */
    static long estimate(Path input) {
        long size;
        try {
            if (!Files.isDirectory(input)) {
                size = InputReaders.unpackedSize(input);
            } else {
                try (Stream<Path> s = Files.walk(input)) {
                    size = s.filter(Files::isRegularFile).mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0;
                        }
                    }).sum();
                }
            }
        } catch (IOException | RuntimeException e) {
            size = 0; // a missing input fails at once
        }
        return BASE_MB * 1_000_000L + BYTES_PER_INPUT_BYTE * size;
    }

    /**
     * Waits until {@code bytes} (capped at the whole budget) are free and reserves them.
     *
     * @return the amount reserved, to hand back to {@link #release}; 0 when the gate was {@linkplain #cancel cancelled}
     *         (the session must not start)
     */
    synchronized long acquire(long bytes) throws InterruptedException {
        long want = Math.min(Math.max(0, bytes), capacity);
        while (available < want && !cancelled) {
            wait();
        }
        if (cancelled) {
            return 0;
        }
        available -= want;
        return want;
    }

    /** Wakes every waiting session and lets none start any more (the run is stopping). */
    synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    /** True after {@link #cancel}. */
    synchronized boolean cancelled() {
        return cancelled;
    }

    /** Hands a reservation back. */
    synchronized void release(long reserved) {
        available += reserved;
        notifyAll();
    }

    /** Budget (bytes). */
    long capacity() {
        return capacity;
    }
}
