package org.gaitform.agreement;

import java.util.Objects;
import org.gaitform.model.Side;

/**
 * One row of {@code agreement-events.csv}: a matched pair, a reference event that was missed, or a detected event
 * that matches no reference (extra).
 *
 * @param event               {@code ic} or {@code to}
 * @param status              {@code matched}, {@code missed} or {@code extra}
 * @param referenceS          the reference event (s), {@code NaN} for an extra event
 * @param detectedS           the detected event (s), {@code NaN} for a missed one
 * @param referenceSide       the reference foot
 * @param detectedSide        the detected foot
 * @param referenceContactMs  the reference contact time of this contact (ic rows), else {@code NaN}
 * @param detectedContactMs   the detected contact time of this step (ic rows), else {@code NaN}
 */
public record EventRow(String event, String status, double referenceS, double detectedS, Side referenceSide,
                       Side detectedSide, double referenceContactMs, double detectedContactMs) {
    public EventRow {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(referenceSide, "referenceSide");
        Objects.requireNonNull(detectedSide, "detectedSide");
    }

    /** Detected − reference (ms), {@code NaN} unless matched. */
    public double errorMs() {
        return (detectedS - referenceS) * 1000.0;
    }

    /** Detected − reference contact time (ms), {@code NaN} unless both are known. */
    public double contactErrorMs() {
        return detectedContactMs - referenceContactMs;
    }

    /** {@code yes}/{@code no} when both feet are known, else empty. */
    public String sideRight() {
        if (referenceSide == Side.UNKNOWN || detectedSide == Side.UNKNOWN || !status.equals("matched")) {
            return "";
        }
        return referenceSide == detectedSide ? "yes" : "no";
    }
}
