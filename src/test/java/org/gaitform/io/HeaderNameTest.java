package org.gaitform.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.gaitform.io.imu.HeaderName;
import org.gaitform.model.Channel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderNameTest {
    @ParameterizedTest(name = "''{0}'' is {1} in {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "acc_x|acc_x|-", "ax|acc_x|-", "accX|acc_x|-", "AccelerationX|acc_x|-", "Acceleration x (m/s^2)|acc_x|mps2",
        "accelerometer_y [g]|acc_y|g", "acc_z_g|acc_z|g", "Accel Z (m/s²)|acc_z|mps2", "gyr_z|gyr_z|-",
        "gx|gyr_x|-", "Gyroscope y (rad/s)|gyr_y|rads", "gyro_x_dps|gyr_x|dps", "angular velocity z (deg/s)|gyr_z|dps",
        "acc_v|acc_v|-", "acc_vertical_g_clipped|acc_v|g", "acc_ap_g|acc_ap|g", "acc_ml|acc_ml|-",
        "vertical acceleration (g)|acc_v|g", "mag_x|-|-", "grf_normal_bw|-|-", "linear_acc_x|-|-"})
    void recognisesSensorColumns(String header, String role, String unit) {
        HeaderName h = HeaderName.parse(header);
        assertThat(h.role().map(Channel::role).orElse(null)).isEqualTo(role);
        if (role != null) {
            assertThat(h.unit().orElse(null)).isEqualTo(unit);
        }
        assertThat(h.isTime()).isFalse();
    }

    @ParameterizedTest(name = "''{0}'' is a time column in {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {"time|-", "Time (s)|s", "t|-", "timestamp|-",
        "timestamp_ms|ms", "time [ms]|ms", "seconds_elapsed|s", "Time (ns)|ns", "elapsed time (s)|s", "ms|ms"})
    void recognisesTimeColumns(String header, String unit) {
        HeaderName h = HeaderName.parse(header);
        assertThat(h.isTime()).isTrue();
        assertThat(h.unit().orElse(null)).isEqualTo(unit);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"left_sensor/acc_x|left_sensor|acc_x", "right_gyr_z|right|gyr_z",
        "left_acc_y|left|acc_y"})
    void findsSensorGroups(String header, String group, String role) {
        HeaderName h = HeaderName.parse(header);
        assertThat(h.group()).isEqualTo(group);
        assertThat(h.role().map(Channel::role)).contains(role);
    }
}
