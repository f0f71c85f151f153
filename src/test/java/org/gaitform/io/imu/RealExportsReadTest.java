package org.gaitform.io.imu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.gaitform.model.Channel;
import org.gaitform.model.Decision;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.ImuSensor;
import org.gaitform.model.Placement;
import org.gaitform.model.Side;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;

/** Real exports that need more than the generic header detection: grouped two-row headers and GENEActiv. */
class RealExportsReadTest {

    private static ImuReadOptions rate(double hz) {
        return new ImuReadOptions(Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(hz),
                Optional.empty());
    }

    @Test
    void gaitmapTwoRowHeaderBecomesTwoSensorsWithSides() throws Exception {
        Path f = SharedData.require("gaitmap-foot-imu-walking").resolve("imu_sample.csv");
        ImuRecording rec = new ImuCsvReader().read(f, "imu_sample.csv", rate(204.8));
        assertThat(rec.sensors()).extracting(ImuSensor::name).containsExactly("left_sensor", "right_sensor");
        assertThat(rec.sensors()).extracting(ImuSensor::side).containsExactly(Side.LEFT, Side.RIGHT);
        ImuSensor left = rec.sensors().get(0);
        assertThat(left.hasGyroscope()).isTrue();
        // m/s² converted to g: the mean vertical is about 1 g (the foot frame has z up)
        double mz = java.util.Arrays.stream(left.channel(Channel.ACC_Z)).average().orElseThrow();
        assertThat(mz).isBetween(0.9, 1.4);
        assertThat(rec.samplingRateHz()).isEqualTo(204.8);
        assertThat(rec.decisions()).extracting(Decision::key).contains("sensors", "acc_unit", "acc_unit_right_sensor",
                "gyr_unit");
        assertThat(rec.decisions()).filteredOn(d -> d.key().equals("gyr_unit")).extracting(Decision::value)
                .containsExactly("dps");
    }

    @Test
    void geneactivExportWithoutHeaderRow() throws Exception {
        Path f = SharedData.require("gaitpy-lumbar-walking").resolve("demo_data.csv");
        ImuRecording rec = new ImuCsvReader().read(f, "demo_data.csv", ImuReadOptions.DEFAULTS);
        assertThat(rec.samplingRateHz()).isEqualTo(50.0);
        // the first page of 300 samples ends with a 0.52 s jump of the stamps: it is dropped, with a warning
        assertThat(rec.size()).isEqualTo(8400 - 300);
        assertThat(rec.warnings()).anyMatch(w -> w.contains("300 of 8400 rows dropped"));
        ImuSensor s = rec.sensors().get(0);
        assertThat(s.placement()).isEqualTo(Placement.LOWER_BACK);
        assertThat(s.hasRawAccelerometer()).isTrue();
        // time axis: the stamps as seconds (2019-08-06 10:25:50 read as epoch seconds of the local clock)
        assertThat(rec.timeS()[0]).isEqualTo(1565087156.5);
        assertThat(rec.decisions()).extracting(Decision::key).contains("columns", "placement", "acc_unit");
        assertThat(rec.decisions()).filteredOn(d -> d.key().equals("acc_unit")).extracting(Decision::value)
                .containsExactly("g");
    }
}
