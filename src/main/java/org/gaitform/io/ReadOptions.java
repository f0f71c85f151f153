package org.gaitform.io;

import java.util.Objects;
import org.gaitform.io.imu.ImuReadOptions;

/**
 * User overrides for every reader.
 *
 * @param imu overrides for IMU exports
 */
public record ReadOptions(ImuReadOptions imu) {
    /** Nothing overridden. */
    public static final ReadOptions DEFAULTS = new ReadOptions(ImuReadOptions.DEFAULTS);

    public ReadOptions {
        Objects.requireNonNull(imu, "imu");
    }
}
