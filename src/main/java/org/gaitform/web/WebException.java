package org.gaitform.web;

/**
 * A request that cannot be served, with the HTTP status and the one-line message the page shows (never a stack
 * trace, never a server path).
 */
final class WebException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final long retryAfterS;

    WebException(int status, String message) {
        this(status, message, 0);
    }

    WebException(int status, String message, long retryAfterS) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterS = retryAfterS;
    }

    int status() {
        return status;
    }

    /** Seconds for a Retry-After header, or 0 for none. */
    long retryAfterS() {
        return retryAfterS;
    }
}
