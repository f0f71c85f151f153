package org.gaitform.agreement;

import java.util.Objects;
import org.gaitform.model.Side;

/**
 * One reference event (an initial contact or a toe-off) on the recording's own time axis.
 *
 * @param timeS when (s)
 * @param side  which foot; {@link Side#UNKNOWN} when the reference does not tell (one force plate under both feet)
 */
public record ReferenceEvent(double timeS, Side side) {
    public ReferenceEvent {
        Objects.requireNonNull(side, "side");
        if (!Double.isFinite(timeS)) {
            throw new IllegalArgumentException("a reference event needs a finite time, not " + timeS);
        }
    }
}
