package org.gaitform.io.archive;

import java.util.concurrent.atomic.AtomicLong;
import org.gaitform.model.GaitformException;

/**
 * The bytes a batch may inflate from compressed inputs (zip entries, {@code .gz} files), all of them together.
 * Every reader of a compressed input counts the bytes it actually inflates here, on top of its own per-archive
 * limit, so that a folder of many small "zip bombs" that each stay within their own limit cannot keep a batch busy
 * for hours. The budget is generous for real data: by default 50 times the size of the batch's compressed inputs
 * (CSV and XML exports compress 3 to 20 times), and at least {@value #MIN_GIB} GiB.
 *
 * <p>Readers find the budget of the session they read for with {@link #current()}: the batch sets it for the
 * thread that reads ({@link #use}).
 */
public final class InflationBudget {
    /** Least budget of a batch (GiB). */
    public static final int MIN_GIB = 4;
    /** Budget per byte of compressed input. */
    public static final int PER_COMPRESSED_BYTE = 50;
    /** No batch limit (a single file read outside a batch still has its own limits). */
    public static final InflationBudget UNLIMITED = new InflationBudget(Long.MAX_VALUE);
    private static final ThreadLocal<InflationBudget> CURRENT = new ThreadLocal<>();

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    /** @param limitBytes bytes the batch may inflate in all */
    public InflationBudget(long limitBytes) {
        this.limit = Math.max(0, limitBytes);
    }

    /** The default budget of a batch whose compressed inputs hold {@code compressedBytes} bytes. */
    public static InflationBudget forBatch(long compressedBytes) {
        long perByte = compressedBytes > Long.MAX_VALUE / PER_COMPRESSED_BYTE ? Long.MAX_VALUE
                : compressedBytes * PER_COMPRESSED_BYTE;
        return new InflationBudget(Math.max((long) MIN_GIB << 30, perByte));
    }

    /** The budget of the session being read on this thread ({@link #UNLIMITED} outside a batch). */
    public static InflationBudget current() {
        InflationBudget b = CURRENT.get();
        return b == null ? UNLIMITED : b;
    }

    /** Makes this the budget of what the current thread reads until the returned scope is closed. */
    public Scope use() {
        InflationBudget before = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        };
    }

    /** Restores the budget that was current before {@link #use}. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Counts {@code bytes} inflated from {@code source}.
     *
     * @throws GaitformException when the batch's budget is spent
     */
    public void charge(long bytes, String source) {
        if (limit == Long.MAX_VALUE) {
            return;
        }
        long now = used.addAndGet(bytes);
        if (now > limit) {
            throw GaitformException.badInput(source, "", "compressed inputs that unpack to at most " + (limit >> 20)
                    + " MiB in one batch (" + PER_COMPRESSED_BYTE + " times their size, at least " + MIN_GIB + " GiB)",
                    "more: the compressed inputs of this batch unpack far beyond what recordings do (zip bombs?); "
                            + "this input was not read to the end");
        }
    }

    /** True once more than the budget was inflated: readers that go on after a failed input should stop. */
    public boolean spent() {
        return used.get() > limit;
    }

    /** Bytes inflated so far. */
    public long used() {
        return used.get();
    }

    /** The budget (bytes). */
    public long limit() {
        return limit;
    }
}
