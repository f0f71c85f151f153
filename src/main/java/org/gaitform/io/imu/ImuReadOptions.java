package org.gaitform.io.imu;

import java.util.Map;
import java.util.Optional;
import org.gaitform.model.Channel;
import org.gaitform.model.Placement;

/**
 * What the user told us about an IMU export; everything is optional and auto-detected when absent.
 *
 * @param columns         role → header overrides ({@code --column acc_x=AccX}); the role {@code time} is
 *                        given as {@link #timeColumn}
 * @param timeColumn      header of the time column ({@code --column time=HEADER}), or empty to detect
 * @param accUnit         {@code g} or {@code mps2} ({@code --acc-unit}), or empty to detect
 * @param gyrUnit         {@code dps} or {@code rads} ({@code --gyr-unit}), or empty to detect
 * @param rateHz          sampling rate ({@code --rate}); required when the file has no time column
 * @param placement       where the sensor was worn ({@code --placement}), or empty to detect
 */
public record ImuReadOptions(Map<Channel, String> columns, Optional<String> timeColumn, Optional<String> accUnit,
                             Optional<String> gyrUnit, Optional<Double> rateHz, Optional<Placement> placement) {

    /** Nothing overridden. */
    public static final ImuReadOptions DEFAULTS = new ImuReadOptions(Map.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public ImuReadOptions {
        columns = Map.copyOf(columns);
        accUnit.ifPresent(u -> {
            if (!u.equals("g") && !u.equals("mps2")) {
                throw new IllegalArgumentException("--acc-unit must be g or mps2, got '" + u + "'");
            }
        });
        gyrUnit.ifPresent(u -> {
            if (!u.equals("dps") && !u.equals("rads")) {
                throw new IllegalArgumentException("--gyr-unit must be dps or rads, got '" + u + "'");
            }
        });
        rateHz.ifPresent(r -> {
            if (!(r > 0) || !Double.isFinite(r)) {
                throw new IllegalArgumentException("--rate must be a positive number of hertz, got " + r);
            }
        });
    }
}
