package org.gaitform.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client: {@code perMinute} requests a minute, with bursts of as many. Old buckets are dropped
 * so that the table stays small.
 */
final class RateLimiter {
    private final double perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Takes one token for the client; returns 0 when allowed, else the seconds until the next token. */
    long acquire(String client) {
        long now = System.nanoTime();
        if (buckets.size() > 10_000) {
            buckets.entrySet().removeIf(e -> now - e.getValue().last > 120_000_000_000L);
        }
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(perMinute, now));
        synchronized (b) {
            double refill = (now - b.last) / 60e9 * perMinute;
            b.tokens = Math.min(perMinute, b.tokens + refill);
            b.last = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) * 60 / perMinute));
        }
    }

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }
}
