package org.gaitform.io;

import java.util.Objects;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.pose.PoseReadOptions;

/**
 * User overrides for every reader.
 *
 * @param imu  overrides for IMU exports
 * @param pose overrides for keypoint and marker inputs (and the pose analysis: view, calibration, treadmill)
 */
public record ReadOptions(ImuReadOptions imu, PoseReadOptions pose) {
    /** Nothing overridden. */
    public static final ReadOptions DEFAULTS = new ReadOptions(ImuReadOptions.DEFAULTS, PoseReadOptions.DEFAULTS);

    public ReadOptions {
        Objects.requireNonNull(imu, "imu");
        Objects.requireNonNull(pose, "pose");
    }

    /** IMU overrides only. */
    public ReadOptions(ImuReadOptions imu) {
        this(imu, PoseReadOptions.DEFAULTS);
    }
}
