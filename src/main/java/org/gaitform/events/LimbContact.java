package org.gaitform.events;

import java.util.Objects;

/**
 * One ground contact of the instrumented leg found by a gyroscope detector (foot or shank), as fractional
 * sample indices.
 *
 * @param icIndex        initial contact
 * @param toIndex        the toe-off that ends it, after {@code icIndex}
 * @param midSwingIndex  the mid-swing before the initial contact
 * @param icMethod       how the initial contact was located (for example {@code gyro_zero_crossing})
 */
public record LimbContact(double icIndex, double toIndex, int midSwingIndex, String icMethod) {
    public LimbContact {
        Objects.requireNonNull(icMethod, "icMethod");
        if (!(toIndex > icIndex)) {
            throw new IllegalArgumentException("toe-off " + toIndex + " must follow initial contact " + icIndex);
        }
    }
}
