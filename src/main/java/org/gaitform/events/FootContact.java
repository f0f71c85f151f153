package org.gaitform.events;

import java.util.Objects;
import org.gaitform.model.Side;

/**
 * One ground contact of one foot found from foot kinematics, as fractional frame indices.
 *
 * @param side          the foot
 * @param icIndex       initial contact
 * @param toIndex       toe-off, after {@code icIndex}
 * @param icPoint       the foot point that reached the ground first ({@code heel} or {@code toe}; {@code foot}
 *                      for a single foot point)
 * @param relSpeed      mean forward speed of the foot relative to the ground or belt during the contact
 *                      (body units/s)
 */
public record FootContact(Side side, double icIndex, double toIndex, String icPoint, double relSpeed) {
    public FootContact {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(icPoint, "icPoint");
        if (!(toIndex > icIndex)) {
            throw new IllegalArgumentException("toe-off " + toIndex + " must follow initial contact " + icIndex);
        }
    }
}
