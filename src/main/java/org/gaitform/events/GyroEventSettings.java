package org.gaitform.events;

/**
 * Settings of the gyroscope event detectors for foot and shank sensors ({@link Falbriard2018FootEvents},
 * {@link Greene2010ShankEvents}). The same defaults serve walking and running and every recording.
 *
 * @param swingShare        a mid-swing is a peak of the pitch rate above this share of its 99th percentile;
 *                          default 0.3 (this project's choice; the swing peak is the largest rotation of a stride)
 * @param minSwingDps       and above this absolute rate (deg/s); default 50 (shuffling steps turn the foot less)
 * @param minSwingLobeMs    the pitch rate must stay above that level this long (ms); default 40
 * @param minStrideS        two mid-swings closer than this are one swing (s); default 0.4 (no person strides faster)
 * @param maxHalfCycleS     events are searched at most this far from a mid-swing (s); default 0.7
 * @param maxContactS       longest ground contact (s); a longer stand is a stop, not a step; default 1.5
 */
public record GyroEventSettings(double swingShare, double minSwingDps, double minSwingLobeMs, double minStrideS,
                                double maxHalfCycleS, double maxContactS) {
    /** The defaults described above. */
    public static final GyroEventSettings DEFAULTS = new GyroEventSettings(0.3, 50, 40, 0.4, 0.7, 1.5);

    public GyroEventSettings {
        if (!(swingShare > 0 && swingShare < 1 && minSwingDps >= 0 && minSwingLobeMs > 0 && minStrideS > 0
                && maxHalfCycleS > 0 && maxContactS > 0)) {
            throw new IllegalArgumentException("gyroscope event settings must be positive (swingShare below 1)");
        }
    }
}
