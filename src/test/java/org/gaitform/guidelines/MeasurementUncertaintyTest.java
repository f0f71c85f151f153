package org.gaitform.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The uncertainty table, frontal video refining 2D video and a raw-axis trunk IMU refining the trunk IMU. */
class MeasurementUncertaintyTest {
    @Test
    void frontalVideoHasItsOwnTimingAndTakesTheRestFrom2dVideo() {
        assertThat(MeasurementUncertainty.of("pose-2d", "contact_ms")).isEqualTo(20);
        assertThat(MeasurementUncertainty.of("pose-2d-frontal", "contact_ms")).isEqualTo(35);
        assertThat(MeasurementUncertainty.of("pose-2d-frontal", "cadence_spm")).isEqualTo(2);
        assertThat(MeasurementUncertainty.basis("pose-2d-frontal", "contact_ms")).contains("virtual camera");
        // angles: as any 2D video
        assertThat(MeasurementUncertainty.of("pose-2d-frontal", "knee_fppa_deg"))
                .isEqualTo(MeasurementUncertainty.of("pose-2d", "knee_fppa_deg")).isEqualTo(6);
        assertThat(MeasurementUncertainty.basis("pose-2d-frontal", "pelvic_drop_deg"))
                .isEqualTo(MeasurementUncertainty.basis("pose-2d", "pelvic_drop_deg")).isNotEmpty();
        // no fallback for kinds that do not refine another
        assertThat(MeasurementUncertainty.of("pose-3d", "knee_fppa_deg")).isNaN();
        assertThat(MeasurementUncertainty.of("pose-2d-frontal", "no_such_metric")).isNaN();
    }

    @Test
    void aRawAxisTrunkImuHasItsOwnContactTimeAndTakesTheRestFromTheTrunkImu() {
        assertThat(MeasurementUncertainty.of("trunk-imu-raw", "contact_ms")).isEqualTo(35);
        assertThat(MeasurementUncertainty.of("trunk-imu-raw", "flight_ms")).isEqualTo(35);
        assertThat(MeasurementUncertainty.basis("trunk-imu-raw", "contact_ms")).contains("RawAxisTrunkAccuracyTest");
        assertThat(MeasurementUncertainty.of("trunk-imu-raw", "cadence_spm"))
                .isEqualTo(MeasurementUncertainty.of("trunk-imu", "cadence_spm"));
        assertThat(MeasurementUncertainty.of("trunk-imu", "contact_ms")).isEqualTo(20);
    }
}
