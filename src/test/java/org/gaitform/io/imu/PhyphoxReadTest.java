package org.gaitform.io.imu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.gaitform.model.Channel;
import org.gaitform.model.Decision;
import org.gaitform.model.ImuRecording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** phyphox "Raw Data.csv": quoted headers with units, jittery time stamps, an absolute-value column to ignore. */
class PhyphoxReadTest {
    @TempDir
    Path tmp;

    @Test
    void rawDataCsvIsReadWithUnitsFromTheHeaders() throws Exception {
        StringBuilder sb = new StringBuilder("\"Time (s)\",\"Acceleration x (m/s^2)\",\"Acceleration y (m/s^2)\","
                + "\"Acceleration z (m/s^2)\",\"Absolute acceleration (m/s^2)\"\n");
        Random r = new Random(4);
        double t = 0.0123;
        for (int i = 0; i < 2000; i++) {
            double z = 9.81 + 3 * Math.sin(2 * Math.PI * 2.8 * t);
            sb.append(String.format(Locale.ROOT, "%.9E,%.9E,%.9E,%.9E,%.9E%n", t, 0.2, -0.1, z, Math.abs(z)));
            t += 0.01 + (r.nextDouble() - 0.5) * 0.002; // phone stamps jitter by ±1 ms
        }
        Path f = tmp.resolve("Raw Data.csv");
        Files.writeString(f, sb.toString());
        ImuRecording rec = new ImuCsvReader().read(f, "Raw Data.csv", ImuReadOptions.DEFAULTS);
        assertThat(rec.decisions()).contains(new Decision("column_acc_x", "Acceleration x (m/s^2)", "header name"));
        assertThat(rec.decisions()).anyMatch(d -> d.key().equals("acc_unit") && d.value().equals("mps2"));
        assertThat(rec.decisions()).anyMatch(d -> d.key().equals("resampled"));
        assertThat(rec.samplingRateHz()).isBetween(99.0, 101.0);
        double mean = java.util.Arrays.stream(rec.sensors().get(0).channel(Channel.ACC_Z)).average().orElseThrow();
        assertThat(mean).isBetween(0.99, 1.01);
    }
}
