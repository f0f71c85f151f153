package org.gaitform.events;

/**
 * Settings of the gyroscope event detectors for foot and shank sensors ({@link Falbriard2018FootEvents},
 * {@link Greene2010ShankEvents}). The same defaults serve walking and running and every recording.
 *
 * @param minSwingDeg       a mid-swing is the peak of a lobe of positive pitch rate that turns the segment through at
 *                          least this angle (deg); default 8 (this project's choice: a swing turns a foot through
 *                          60–140°, but a shuffling step while turning only about 13°, as in the gaitmap example
 *                          recording). An angle, not a share of the recording's fastest rotation, so that the slower
 *                          swings of a walk are found in a session that also holds fast running
 * @param minSwingDps       the lobe is where the rate exceeds this (deg/s); default 50 (shuffling steps turn the foot
 *                          less)
 * @param minSwingLobeMs    and it lasts at least this long (ms); default 40
 * @param minStrideS        two mid-swings closer than this are one swing (s); default 0.4 (no person strides faster);
 *                          of two lobes that close, the one that turns the segment further is the swing (a forefoot
 *                          striker's heel drop, 10–20° just after the swing, is not one)
 * @param maxHalfCycleS     events are searched at most this far from a mid-swing (s); default 0.7
 * @param maxContactS       longest ground contact (s); a longer stand is a stop, not a step; default 1.5
 */
public record GyroEventSettings(double minSwingDeg, double minSwingDps, double minSwingLobeMs, double minStrideS,
                                double maxHalfCycleS, double maxContactS) {
    /** The defaults described above. */
    public static final GyroEventSettings DEFAULTS = new GyroEventSettings(8, 50, 40, 0.4, 0.7, 1.5);

    public GyroEventSettings {
        if (!(minSwingDeg > 0 && minSwingDps >= 0 && minSwingLobeMs > 0 && minStrideS > 0 && maxHalfCycleS > 0
                && maxContactS > 0)) {
            throw new IllegalArgumentException("gyroscope event settings must be positive");
        }
    }
}
