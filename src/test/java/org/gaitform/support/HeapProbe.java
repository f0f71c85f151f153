package org.gaitform.support;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.gaitform.cli.GaitformCli;

/**
 * Runs the gaitform command and then prints its heap use: {@code peak_live_mb} (the most heap still in use
 * after a garbage collection: the live data) and {@code peak_used_mb} (the sum of the heap pools' peaks,
 * garbage included; an upper bound). Used in a child JVM by memory tests and the benchmark.
 */
public final class HeapProbe {
    private HeapProbe() {
    }

    public static void main(String[] args) {
        AtomicLong peakLive = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter em) {
                em.addNotificationListener((n, h) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                        long used = 0;
                        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                            if (isHeap(e.getKey())) {
                                used += e.getValue().getUsed();
                            }
                        }
                        peakLive.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
        }
        long t0 = System.nanoTime();
        PrintWriter out = new PrintWriter(System.out, true);
        int code = GaitformCli.run(args, out, new PrintWriter(System.err, true));
        double s = (System.nanoTime() - t0) / 1e9;
        long peakUsed = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peakUsed += p.getPeakUsage().getUsed();
            }
        }
        out.printf(Locale.ROOT, "heap_probe exit=%d seconds=%.2f peak_live_mb=%.1f peak_used_mb=%.1f max_heap_mb=%.0f%n",
                code, s, peakLive.get() / 1e6, peakUsed / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        out.flush();
        System.exit(code);
    }

    private static boolean isHeap(String pool) {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getName().equals(pool)) {
                return p.getType() == MemoryType.HEAP;
            }
        }
        return false;
    }
}
