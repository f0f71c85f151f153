package org.gaitform.agreement;

import java.util.Objects;
import org.gaitform.model.Side;

/**
 * One reference ground contact: its initial contact, its toe-off when known, and the foot.
 *
 * @param icS  initial contact (s)
 * @param toS  toe-off (s), after {@code icS}; {@code NaN} when the reference has none for this contact
 * @param side which foot ({@link Side#UNKNOWN} when not known)
 */
public record ReferenceContact(double icS, double toS, Side side) {
    public ReferenceContact {
        Objects.requireNonNull(side, "side");
        if (!Double.isFinite(icS)) {
            throw new IllegalArgumentException("a reference contact needs a finite initial contact, not " + icS);
        }
        if (!Double.isNaN(toS) && !(toS > icS)) {
            throw new IllegalArgumentException("toe-off " + toS + " s must follow initial contact " + icS + " s");
        }
    }

    /** Contact time TO − IC (ms), {@code NaN} without a toe-off. */
    public double contactMs() {
        return (toS - icS) * 1000.0;
    }
}
