package org.gaitform.io;

import java.util.Objects;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.pose.PoseReadOptions;
import org.gaitform.io.watch.WatchReadOptions;

/**
 * User overrides for every reader.
 *
 * @param imu   overrides for IMU exports
 * @param watch overrides for watch exports (FIT, TCX, GPX, per-second CSV)
 * @param pose  overrides for keypoint and marker inputs (and the pose analysis: view, calibration, treadmill)
 */
public record ReadOptions(ImuReadOptions imu, WatchReadOptions watch, PoseReadOptions pose) {
    /** Nothing overridden. */
    public static final ReadOptions DEFAULTS = new ReadOptions(ImuReadOptions.DEFAULTS, WatchReadOptions.DEFAULTS,
            PoseReadOptions.DEFAULTS);

    public ReadOptions {
        Objects.requireNonNull(imu, "imu");
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(pose, "pose");
    }

    /** IMU overrides, watch exports at their defaults. */
    public ReadOptions(ImuReadOptions imu) {
        this(imu, WatchReadOptions.DEFAULTS, PoseReadOptions.DEFAULTS);
    }

    /** IMU and watch overrides, pose inputs at their defaults. */
    public ReadOptions(ImuReadOptions imu, WatchReadOptions watch) {
        this(imu, watch, PoseReadOptions.DEFAULTS);
    }

    /** IMU and pose overrides, watch exports at their defaults. */
    public ReadOptions(ImuReadOptions imu, PoseReadOptions pose) {
        this(imu, WatchReadOptions.DEFAULTS, pose);
    }
}
