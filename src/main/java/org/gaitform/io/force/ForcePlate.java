package org.gaitform.io.force;

import java.util.Objects;
import org.gaitform.model.Side;

/**
 * The vertical force of one plate (or of one foot, where the source splits the force per foot).
 *
 * @param name           how the source names it (the column, or {@code plate 1})
 * @param side           the foot when the plate belongs to one foot, else {@link Side#UNKNOWN}
 * @param verticalForce  upward force on the body, one value per sample, in the recording's unit
 */
public record ForcePlate(String name, Side side, double[] verticalForce) {
    public ForcePlate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(side, "side");
        verticalForce = verticalForce.clone();
    }

    @Override
    public double[] verticalForce() {
        return verticalForce.clone();
    }

    /** Number of samples. */
    public int size() {
        return verticalForce.length;
    }
}
