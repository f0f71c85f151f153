package org.gaitform.model;

import java.util.Locale;

/**
 * An IMU channel. Accelerations are in g (gravity included, 1 g = 9.80665 m/s²), angular velocities in
 * degrees per second. {@code ACC_V}, {@code ACC_AP} and {@code ACC_ML} are for exports that are
 * already aligned to vertical (up positive), antero-posterior (forward positive) and medio-lateral
 * (right positive) axes.
 */
public enum Channel {
    ACC_X, ACC_Y, ACC_Z, GYR_X, GYR_Y, GYR_Z, ACC_V, ACC_AP, ACC_ML;

    /** Role name as used by {@code --column ROLE=HEADER} ({@code acc_x}, …, {@code acc_ml}). */
    public String role() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for accelerations. */
    public boolean isAcceleration() {
        return this != GYR_X && this != GYR_Y && this != GYR_Z;
    }

    /** True for raw sensor axes (x, y, z of the accelerometer or gyroscope). */
    public boolean isSensorAxis() {
        return this != ACC_V && this != ACC_AP && this != ACC_ML;
    }

    /** Parses a role name ({@code acc_x}, {@code gyr_z}, {@code acc_v}, …); also accepts {@code gyro_x}. */
    public static Channel parseRole(String role) {
        String r = role.trim().toLowerCase(Locale.ROOT).replace("gyro_", "gyr_");
        for (Channel c : values()) {
            if (c.role().equals(r)) {
                return c;
            }
        }
        return null;
    }
}
