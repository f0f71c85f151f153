package org.gaitform.io.imu;

import java.util.Optional;
import org.gaitform.io.TimeBase;

/**
 * Plausibility of a gyroscope's stated unit. People's limbs turn at up to about 1500–2000 deg/s (a foot in
 * sprint swing); 40 rad/s (2300 deg/s) is beyond that, so a "rad/s" gyroscope whose 99th percentile exceeds it
 * is in deg/s. The other way round, a "deg/s" gyroscope whose 99th percentile stays under 6 while the
 * accelerometer shows walking or running (SD above 0.15 g) is in rad/s. When the stated unit is implausible
 * the gyroscope is not used and the user is told how to override; nothing is converted on a guess.
 */
public final class GyroUnitCheck {
    /** Largest plausible 99th percentile of an angular speed in rad/s. */
    public static final double MAX_PLAUSIBLE_RADS = 40;
    /** Smallest plausible 99th percentile of an angular speed in deg/s while moving. */
    public static final double MIN_PLAUSIBLE_DPS_MOVING = 6;
    /** Acceleration SD (g) above which the wearer is moving. */
    public static final double MOVING_ACC_SD_G = 0.15;

    private GyroUnitCheck() {
    }

    /** The warning for a "rad/s" gyroscope whose values are too large for rad/s. */
    public static String implausibleRadsMessage(String where, double p99) {
        return where + ": the gyroscope is stated in rad/s but its 99th percentile is " + TimeBase.fmt(p99)
                + " (that would be " + TimeBase.fmt(p99 * 180 / Math.PI) + " deg/s, beyond human movement): it looks "
                + "like deg/s. The gyroscope is not used; give --gyr-unit dps to use it";
    }

    /**
     * A warning when the stated unit does not fit the signal, or empty when it fits.
     *
     * @param where    file and columns, for the message
     * @param unit     the stated unit ({@code dps} or {@code rads})
     * @param p99      99th percentile of the angular speed, in the stated unit
     * @param accSdG   standard deviation of the acceleration magnitude (g)
     */
    public static Optional<String> check(String where, String unit, double p99, double accSdG) {
        if (unit.equals("rads") && p99 > MAX_PLAUSIBLE_RADS) {
            return Optional.of(implausibleRadsMessage(where, p99));
        }
        if (unit.equals("dps") && p99 < MIN_PLAUSIBLE_DPS_MOVING && accSdG > MOVING_ACC_SD_G) {
            return Optional.of(where + ": the gyroscope is stated in deg/s but its 99th percentile is only "
                    + TimeBase.fmt(p99) + " while the accelerometer shows movement (SD " + TimeBase.fmt(accSdG)
                    + " g): it looks like rad/s. The gyroscope is not used; give --gyr-unit rads to use it");
        }
        return Optional.empty();
    }
}
