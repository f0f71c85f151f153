package org.gaitform.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gaitform.model.Channel;
import org.gaitform.model.GaitformException;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.ImuSensor;
import org.gaitform.signal.Stats;

/**
 * Checks of IMU signals before any analysis: a sensor that never moves cannot be analysed (nothing is
 * invented from noise), and an accelerometer that hit the end of its range has flat-topped peaks, so its peak
 * accelerations are underestimated and are not reported.
 */
final class SignalChecks {
    /** Below this SD of the acceleration magnitude (g) the sensor is still. */
    static final double STILL_ACC_SD_G = 0.02;
    /** Below this 99th percentile of the angular speed (deg/s) the sensor is still. */
    static final double STILL_GYRO_DPS = 10;
    /** A clipped channel has at least this many runs of two or more samples at its extreme. */
    static final int MIN_CLIPPED_RUNS = 3;
    /** Only extremes at least this large (g) are taken for a range limit. */
    static final double MIN_RANGE_G = 1.5;

    private SignalChecks() {
    }

    /** Throws when no sensor of the recording ever moves. */
    static void requireMovement(ImuRecording rec) {
        List<String> still = new ArrayList<>();
        for (ImuSensor s : rec.sensors()) {
            double accSd = Stats.sd(magnitude(s, true));
            double gyr = s.hasGyroscope() ? Stats.percentile(magnitude(s, false), 99) : Double.NaN;
            boolean stillAcc = accSd < STILL_ACC_SD_G;
            boolean stillGyr = Double.isNaN(gyr) || gyr < STILL_GYRO_DPS;
            if (stillAcc && stillGyr) {
                still.add(String.format(Locale.ROOT, "'%s': acceleration SD %.4f g%s", s.name(), accSd,
                        Double.isNaN(gyr) ? "" : String.format(Locale.ROOT, ", angular speed under %.1f deg/s", gyr)));
            }
        }
        if (still.size() == rec.sensors().size()) {
            throw GaitformException.notAnalysable(rec.source(), String.format(Locale.ROOT,
                    "the sensor never moves in %.1f s (%s; walking or running moves it by more than %.2f g): was it "
                            + "worn, and switched on during the activity?", rec.durationS(), String.join("; ", still),
                    STILL_ACC_SD_G));
        }
    }

    /**
     * A warning when an accelerometer axis was clipped at the end of its range, or empty.
     *
     * @param s the sensor
     */
    static Optional<String> clipping(ImuSensor s) {
        List<String> clipped = new ArrayList<>();
        for (Channel c : new Channel[] {Channel.ACC_X, Channel.ACC_Y, Channel.ACC_Z, Channel.ACC_V, Channel.ACC_AP,
            Channel.ACC_ML}) {
            if (!s.has(c)) {
                continue;
            }
            double[] v = s.channel(c);
            for (int sign : new int[] {1, -1}) {
                double ext = Double.NEGATIVE_INFINITY;
                for (double x : v) {
                    ext = Math.max(ext, sign * x);
                }
                if (ext < MIN_RANGE_G) {
                    continue;
                }
                double tol = Math.max(1e-6, ext * 1e-3);
                int runs = 0;
                int at = 0;
                int run = 0;
                for (double x : v) {
                    if (sign * x >= ext - tol) {
                        at++;
                        run++;
                        if (run == 2) {
                            runs++;
                        }
                    } else {
                        run = 0;
                    }
                }
                if (runs >= MIN_CLIPPED_RUNS) {
                    clipped.add(String.format(Locale.ROOT, "%s at %+.2f g (%d samples)", c.role(), sign * ext, at));
                }
            }
        }
        if (clipped.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the accelerometer" + (s.name().equals("imu") ? "" : " of '" + s.name() + "'")
                + " was clipped at the end of its range (" + String.join(", ", clipped) + "): peak accelerations are "
                + "underestimated, so peak_acc_g is not reported");
    }

    /** Acceleration magnitude (g) or angular speed (deg/s) per sample. */
    static double[] magnitude(ImuSensor s, boolean acceleration) {
        if (acceleration && !s.hasRawAccelerometer()) {
            return s.channel(Channel.ACC_V);
        }
        double[] x = s.channel(acceleration ? Channel.ACC_X : Channel.GYR_X);
        double[] y = s.channel(acceleration ? Channel.ACC_Y : Channel.GYR_Y);
        double[] z = s.channel(acceleration ? Channel.ACC_Z : Channel.GYR_Z);
        double[] m = new double[x.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.sqrt(x[i] * x[i] + y[i] * y[i] + z[i] * z[i]);
        }
        return m;
    }
}
