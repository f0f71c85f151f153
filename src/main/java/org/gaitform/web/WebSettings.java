package org.gaitform.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code gaitform serve} runs. Defaults ({@link #defaults(Path)}) suit a runner's laptop and a small clinic.
 *
 * @param bind                  address to listen on (default 127.0.0.1: this machine only)
 * @param port                  TCP port (default 8080; 0 picks a free one)
 * @param dataDir               where uploads and results live (default {@code gaitform-data})
 * @param jobs                  uploads analysed at the same time (default 2)
 * @param queueCapacity         uploads waiting at most; one more is refused with 503 and Retry-After (default 100)
 * @param maxUploadBytes        one upload (all its files together) at most (default 512 MiB)
 * @param maxFileBytes          one file of an upload at most (default 256 MiB)
 * @param maxFiles              files in one upload, zip entries counted, at most (default 5000)
 * @param maxExtractedBytes     bytes unpacked from the zips of one upload at most, counted as they are inflated
 *                              (default 1 GiB)
 * @param keepDays              uploads and results are deleted this many days after the upload (default 30)
 * @param requestsPerMinute     requests one client (IP address) may make per minute, uploads included (default 600)
 * @param uploadsPerMinute      uploads one client may make per minute (default 60)
 * @param loginsPerMinute       login attempts one client may make per minute (default 10)
 * @param idleTimeout           a connection that sends or reads nothing for this long is closed (default 30 s)
 * @param passwordHash          BCrypt hash of the password every page needs, or empty for none
 */
public record WebSettings(String bind, int port, Path dataDir, int jobs, int queueCapacity, long maxUploadBytes,
                          long maxFileBytes, int maxFiles, long maxExtractedBytes, int keepDays,
                          int requestsPerMinute, int uploadsPerMinute, int loginsPerMinute, Duration idleTimeout,
                          Optional<String> passwordHash) {

    public WebSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port must be between 0 and 65535, not " + port);
        }
        if (jobs < 1 || jobs > 64) {
            throw new IllegalArgumentException("--jobs must be between 1 and 64, not " + jobs);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("the queue must hold at least one upload, not " + queueCapacity);
        }
        if (maxUploadBytes < 1 || maxFileBytes < 1 || maxFiles < 1 || maxExtractedBytes < 1) {
            throw new IllegalArgumentException("upload limits must be positive");
        }
        if (keepDays < 1 || keepDays > 36500) {
            throw new IllegalArgumentException("--keep-days must be between 1 and 36500, not " + keepDays);
        }
        if (requestsPerMinute < 1 || uploadsPerMinute < 1 || loginsPerMinute < 1) {
            throw new IllegalArgumentException("rate limits must be positive");
        }
    }

    /** The defaults, with uploads and results under {@code dataDir}. */
    public static WebSettings defaults(Path dataDir) {
        return new WebSettings("127.0.0.1", 8080, dataDir, 2, 100, 512L << 20, 256L << 20, 5000, 1L << 30, 30,
                600, 60, 10, Duration.ofSeconds(30), Optional.empty());
    }

    public WebSettings withBind(String b) {
        return new WebSettings(b, port, dataDir, jobs, queueCapacity, maxUploadBytes, maxFileBytes, maxFiles,
                maxExtractedBytes, keepDays, requestsPerMinute, uploadsPerMinute, loginsPerMinute,
                idleTimeout, passwordHash);
    }

    public WebSettings withPort(int p) {
        return new WebSettings(bind, p, dataDir, jobs, queueCapacity, maxUploadBytes, maxFileBytes, maxFiles,
                maxExtractedBytes, keepDays, requestsPerMinute, uploadsPerMinute, loginsPerMinute,
                idleTimeout, passwordHash);
    }

    public WebSettings withJobs(int j, int queue) {
        return new WebSettings(bind, port, dataDir, j, queue, maxUploadBytes, maxFileBytes, maxFiles,
                maxExtractedBytes, keepDays, requestsPerMinute, uploadsPerMinute, loginsPerMinute,
                idleTimeout, passwordHash);
    }

    /** The upload limit in bytes; files are limited to the smaller of it and the file limit. */
    public WebSettings withUploadLimit(long uploadBytes) {
        return new WebSettings(bind, port, dataDir, jobs, queueCapacity, uploadBytes, Math.min(maxFileBytes, uploadBytes),
                maxFiles, maxExtractedBytes, keepDays, requestsPerMinute, uploadsPerMinute, loginsPerMinute,
                idleTimeout, passwordHash);
    }

    public WebSettings withLimits(long fileBytes, int files, long extractedBytes) {
        return new WebSettings(bind, port, dataDir, jobs, queueCapacity, maxUploadBytes, fileBytes, files,
                extractedBytes, keepDays, requestsPerMinute, uploadsPerMinute, loginsPerMinute,
                idleTimeout, passwordHash);
    }

    public WebSettings withKeepDays(int days) {
        return new WebSettings(bind, port, dataDir, jobs, queueCapacity, maxUploadBytes, maxFileBytes, maxFiles,
                maxExtractedBytes, days, requestsPerMinute, uploadsPerMinute, loginsPerMinute,
                idleTimeout, passwordHash);
    }

    public WebSettings withRateLimits(int requests, int uploads, int logins) {
        return new WebSettings(bind, port, dataDir, jobs, queueCapacity, maxUploadBytes, maxFileBytes, maxFiles,
                maxExtractedBytes, keepDays, requests, uploads, logins, idleTimeout, passwordHash);
    }

    public WebSettings withIdleTimeout(Duration d) {
        return new WebSettings(bind, port, dataDir, jobs, queueCapacity, maxUploadBytes, maxFileBytes, maxFiles,
                maxExtractedBytes, keepDays, requestsPerMinute, uploadsPerMinute, loginsPerMinute, d,
                passwordHash);
    }

    public WebSettings withPasswordHash(Optional<String> hash) {
        return new WebSettings(bind, port, dataDir, jobs, queueCapacity, maxUploadBytes, maxFileBytes, maxFiles,
                maxExtractedBytes, keepDays, requestsPerMinute, uploadsPerMinute, loginsPerMinute,
                idleTimeout, hash);
    }

    /** True when the server listens beyond this machine. */
    public boolean bindsBeyondLoopback() {
        String b = bind.trim().toLowerCase(java.util.Locale.ROOT);
        return !(b.equals("localhost") || b.startsWith("127.") || b.equals("::1") || b.equals("[::1]"));
    }
}
