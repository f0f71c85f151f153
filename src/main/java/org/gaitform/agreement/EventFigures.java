package org.gaitform.agreement;

/**
 * Detection of one kind of event (initial contact or toe-off) against the reference.
 *
 * @param referenceN number of reference events
 * @param detectedN  number of detected events taking part (inside the reference's span)
 * @param matchedN   number of one-to-one matches within the tolerance
 * @param timingMs   detected − reference timing of the matches (ms)
 */
public record EventFigures(int referenceN, int detectedN, int matchedN, BlandAltman timingMs) {
    /** No events. */
    public static final EventFigures EMPTY = new EventFigures(0, 0, 0, BlandAltman.EMPTY);

    /** Matched / reference events (%), {@code NaN} without reference events. */
    public double recallPct() {
        return referenceN == 0 ? Double.NaN : 100.0 * matchedN / referenceN;
    }

    /** Matched / detected events (%), {@code NaN} without detected events. */
    public double precisionPct() {
        return detectedN == 0 ? Double.NaN : 100.0 * matchedN / detectedN;
    }
}
