package org.gaitform.io;

import java.util.Objects;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.io.watch.WatchReadOptions;

/**
 * User overrides for every reader.
 *
 * @param imu   overrides for IMU exports
 * @param watch overrides for watch exports (FIT, TCX, GPX, per-second CSV)
 */
public record ReadOptions(ImuReadOptions imu, WatchReadOptions watch) {
    /** Nothing overridden. */
    public static final ReadOptions DEFAULTS = new ReadOptions(ImuReadOptions.DEFAULTS, WatchReadOptions.DEFAULTS);

    public ReadOptions {
        Objects.requireNonNull(imu, "imu");
        Objects.requireNonNull(watch, "watch");
    }

    /** IMU overrides, watch exports at their defaults. */
    public ReadOptions(ImuReadOptions imu) {
        this(imu, WatchReadOptions.DEFAULTS);
    }
}
