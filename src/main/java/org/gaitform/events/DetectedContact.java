package org.gaitform.events;

import java.util.Objects;

/**
 * One ground contact found by a detector, as fractional sample indices.
 *
 * @param icIndex  initial contact
 * @param toIndex  toe-off, after {@code icIndex}
 * @param icMethod how the initial contact was located
 * @param peakG    largest vertical acceleration during the contact (g), a relative impact indicator
 */
public record DetectedContact(double icIndex, double toIndex, IcMethod icMethod, double peakG) {

    /** How an initial contact was located. */
    public enum IcMethod {
        /** Midway between the forward peak before landing and the braking trough after it. */
        AP_BRACKET("ap_bracket"),
        /** Where the vertical acceleration leaves the flight level. */
        VERTICAL("vertical"),
        /** Extrapolated back along the rising edge, the recording starting mid-landing. */
        EXTRAPOLATED("extrapolated");

        private final String label;

        IcMethod(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public DetectedContact {
        Objects.requireNonNull(icMethod, "icMethod");
        if (!(toIndex > icIndex)) {
            throw new IllegalArgumentException("toe-off " + toIndex + " must follow initial contact " + icIndex);
        }
    }
}
