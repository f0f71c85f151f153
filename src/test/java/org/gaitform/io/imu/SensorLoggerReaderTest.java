package org.gaitform.io.imu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gaitform.io.InputKind;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.model.Channel;
import org.gaitform.model.GaitformException;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.ImuSensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sensor Logger exports (folder or zip): merging, resampling, units and the ways they go wrong. */
class SensorLoggerReaderTest {
    private static final long T0_NS = 1_700_000_000_000_000_000L;

    @TempDir
    Path tmp;

    /** Writes one stream: time (ns), seconds_elapsed, z, y, x; x = 1.5 sin(2π t), y = 0.5, z = zOffset. */
    static void stream(Path file, double rateHz, double seconds, long startNs, double zOffset, double amp) throws IOException {
        StringBuilder sb = new StringBuilder("time,seconds_elapsed,z,y,x\n");
        int n = (int) Math.round(seconds * rateHz);
        for (int i = 0; i < n; i++) {
            double t = i / rateHz;
            long ns = startNs + Math.round(t * 1e9);
            sb.append(ns).append(',').append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f%n", t + 0.25, zOffset,
                    0.5, amp * Math.sin(2 * Math.PI * t)));
        }
        Files.writeString(file, sb.toString());
    }

    private Path export(String name, boolean gyro, double gyroRate, long gyroStartNs) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(name));
        stream(d.resolve("Accelerometer.csv"), 100, 10, T0_NS, 0.3, 1.5); // without gravity, m/s²
        stream(d.resolve("Gravity.csv"), 100, 10, T0_NS, 9.79, 0.0);
        if (gyro) {
            stream(d.resolve("Gyroscope.csv"), gyroRate, 10, gyroStartNs, 0.1, 3.0); // rad/s
        }
        Files.writeString(d.resolve("Metadata.csv"), "version,device\n1.0,phone\n");
        return d;
    }

    @Test
    void folderIsOneInputAndStreamsAreMergedWithGravity() throws IOException {
        Path d = export("run", true, 100, T0_NS + 5_000_000L);
        assertThat(new InputReaders().kindOf(d)).contains(InputKind.SENSOR_LOGGER);
        ImuRecording rec = (ImuRecording) new InputReaders().read(d, "run", ReadOptions.DEFAULTS);
        ImuSensor s = rec.sensors().get(0);
        assertThat(rec.samplingRateHz()).isCloseTo(100, org.assertj.core.data.Offset.offset(1e-3));
        // times are the accelerometer's seconds_elapsed (0.25 s at its first sample), over the common span
        assertThat(rec.timeS()[0]).isCloseTo(0.255, org.assertj.core.data.Offset.offset(1e-6));
        // z = 0.3 + 9.79 m/s² → about 1.03 g; x = 1.5 m/s² sine → 0.153 g amplitude
        assertThat(s.channel(Channel.ACC_Z)[10]).isCloseTo(10.09 / 9.80665, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(java.util.Arrays.stream(s.channel(Channel.ACC_X)).max().orElseThrow())
                .isCloseTo(1.5 / 9.80665, org.assertj.core.data.Offset.offset(1e-3));
        // gyroscope in rad/s → deg/s
        assertThat(java.util.Arrays.stream(s.channel(Channel.GYR_X)).max().orElseThrow())
                .isCloseTo(3.0 * 180 / Math.PI, org.assertj.core.data.Offset.offset(0.5));
        assertThat(rec.decisions()).extracting(org.gaitform.model.Decision::key)
                .contains("format", "acceleration_stream", "gyr_unit", "acc_unit");
        assertThat(rec.warnings()).isEmpty();
    }

    @Test
    void zipIsReadLikeTheFolder() throws IOException {
        Path d = export("zipped", true, 100, T0_NS);
        Path zip = tmp.resolve("zipped.zip");
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            for (String f : new String[] {"Accelerometer.csv", "Gravity.csv", "Gyroscope.csv"}) {
                z.putNextEntry(new ZipEntry("zipped/" + f));
                z.write(Files.readAllBytes(d.resolve(f)));
                z.closeEntry();
            }
        }
        assertThat(new InputReaders().kindOf(zip)).contains(InputKind.SENSOR_LOGGER);
        ImuRecording rec = (ImuRecording) new InputReaders().read(zip, "zipped.zip", ReadOptions.DEFAULTS);
        assertThat(rec.sensors().get(0).hasGyroscope()).isTrue();
        assertThat(rec.size()).isGreaterThan(990);
    }

    @Test
    void missingGyroscopeIsAWarningNotAFailure() throws IOException {
        Path d = export("nogyro", false, 0, 0);
        ImuRecording rec = (ImuRecording) new InputReaders().read(d, "nogyro", ReadOptions.DEFAULTS);
        assertThat(rec.sensors().get(0).hasGyroscope()).isFalse();
        assertThat(rec.warnings()).anyMatch(w -> w.contains("no Gyroscope.csv"));
    }

    @Test
    void missingAccelerometerNamesWhatWasFound() throws IOException {
        Path d = export("noacc", true, 100, T0_NS);
        Files.delete(d.resolve("Accelerometer.csv"));
        // without Accelerometer.csv the folder is not an export: reading it says what is missing
        assertThat(new InputReaders().kindOf(d)).isEmpty();
        assertThatThrownBy(() -> new SensorLoggerReader().read(d, "noacc", ImuReadOptions.DEFAULTS))
                .isInstanceOf(GaitformException.class)
                .hasMessageContaining("noacc: expected a Sensor Logger stream Accelerometer.csv")
                .hasMessageContaining("Gyroscope.csv");
    }

    @Test
    void accelerometerWithoutGravityAndNoGravityStreamIsRejected() throws IOException {
        Path d = export("nograv", true, 100, T0_NS);
        Files.delete(d.resolve("Gravity.csv"));
        assertThatThrownBy(() -> new SensorLoggerReader().read(d, "nograv", ImuReadOptions.DEFAULTS))
                .isInstanceOf(GaitformException.class).hasMessageContaining("without gravity");
    }

    @Test
    void differentRatesAreResampledWithAWarning() throws IOException {
        Path d = export("rates", true, 50, T0_NS);
        ImuRecording rec = (ImuRecording) new InputReaders().read(d, "rates", ReadOptions.DEFAULTS);
        assertThat(rec.samplingRateHz()).isCloseTo(100, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(rec.warnings()).anyMatch(w -> w.contains("different rates") && w.contains("Gyroscope.csv 50 Hz"));
    }

    @Test
    void streamsOnDifferentClocksAreRejected() throws IOException {
        // the gyroscope's clock starts an hour later: the streams do not overlap
        Path d = export("clocks", true, 100, T0_NS + 3_600_000_000_000L);
        assertThatThrownBy(() -> new InputReaders().read(d, "clocks", ReadOptions.DEFAULTS))
                .isInstanceOf(GaitformException.class)
                .hasMessageContaining("Gyroscope.csv, column 'time'")
                .hasMessageContaining("streams recorded on one clock");
    }

    @Test
    void gyroscopeInDegreesWhereRadiansAreExpectedIsNotUsed() throws IOException {
        Path d = export("degs", false, 0, 0);
        stream(d.resolve("Gyroscope.csv"), 100, 10, T0_NS, 5, 400); // 400 "rad/s" = deg/s really
        ImuRecording rec = (ImuRecording) new InputReaders().read(d, "degs", ReadOptions.DEFAULTS);
        assertThat(rec.sensors().get(0).hasGyroscope()).isFalse();
        assertThat(rec.warnings()).anyMatch(w -> w.contains("looks like deg/s") && w.contains("--gyr-unit dps"));
    }
}
