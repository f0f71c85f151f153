package org.gaitform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.gaitform.io.imu.ImuCsvReader;
import org.gaitform.io.imu.ImuReadOptions;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.ImuSensor;
import org.gaitform.model.Placement;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;

/** Placement from the signal alone on real recordings whose placement is known. */
class PlacementDetectorRealDataTest {
    @Test
    void lowerBackAccelerometerIsATrunkSensor() throws Exception {
        Path f = SharedData.require("gaitpy-lumbar-walking").resolve("demo_data.csv");
        ImuRecording rec = new ImuCsvReader().read(f, "demo_data.csv", ImuReadOptions.DEFAULTS);
        PlacementDetector.Result r = PlacementDetector.detect(rec.sensors().get(0).withPlacement(Placement.UNKNOWN),
                rec.samplingRateHz());
        System.out.println("gaitpy lower back: " + r);
        assertThat(r.placement().isTrunk()).isTrue();
        assertThat(r.limb()).isFalse();
    }

    @Test
    void bothGaitmapSensorsAreFeet() throws Exception {
        Path f = SharedData.require("gaitmap-foot-imu-walking").resolve("imu_sample.csv");
        ImuRecording rec = new ImuCsvReader().read(f, "imu_sample.csv", new ImuReadOptions(Map.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(204.8), Optional.empty()));
        for (ImuSensor s : rec.sensors()) {
            PlacementDetector.Result r = PlacementDetector.detect(s, rec.samplingRateHz());
            System.out.println("gaitmap " + s.name() + ": " + r);
            assertThat(r.placement()).isEqualTo(Placement.FOOT);
        }
    }

    @Test
    void alcantaraSacralExportIsATrunkSensor() throws Exception {
        Path f = SharedData.require("alcantara2022-sacral-imu-treadmill").resolve("trials/trial03_speed3.33_slope0.csv");
        ImuRecording rec = new ImuCsvReader().read(f, "trial03.csv", ImuReadOptions.DEFAULTS);
        assertThat(PlacementDetector.detect(rec.sensors().get(0), rec.samplingRateHz()).placement().isTrunk()).isTrue();
    }
}
