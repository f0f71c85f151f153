package org.gaitform.io.imu;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gaitform.model.Channel;
import org.gaitform.model.GaitformException;
import org.gaitform.model.ImuRecording;
import org.gaitform.model.ImuSensor;
import org.gaitform.support.FuzzBytes;
import org.gaitform.support.MalformedFiles;

/**
 * Fuzz targets for the Sensor Logger zip reader (Jazzer): arbitrary bytes as a zip, and a valid zip of up to four
 * entries whose names are chosen among the streams the app writes (and names that climb out of the archive) and
 * whose contents are fuzzed. Whatever the bytes, the result is a recording on one uniform time axis with finite
 * samples, or a {@link GaitformException}; nothing else may be thrown, and nothing is written outside the reader's
 * temporary folder. Regression inputs are in
 * {@code src/test/resources/org/gaitform/io/imu/SensorLoggerFuzzTestInputs/<target>/} (docs/fuzzing.md).
 */
public class SensorLoggerFuzzTest {
    private static final Path DIR = tempDir();

    private static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("gaitform-fuzz-zip");
            d.toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void valid(ImuRecording r) {
        assertThat(r.samplingRateHz()).isPositive().isFinite();
        double[] t = r.timeS();
        for (int i = 1; i < t.length; i++) {
            assertThat(t[i]).isGreaterThan(t[i - 1]);
        }
        for (ImuSensor s : r.sensors()) {
            for (Channel c : s.channels().keySet()) {
                assertThat(Arrays.stream(s.channel(c)).allMatch(Double::isFinite)).as(c.role()).isTrue();
            }
        }
    }

    /** The reader on arbitrary bytes saved as a zip. */
    public static Object zipRun(byte[] data) throws IOException {
        Path f = Files.write(DIR.resolve("fuzz.zip"), data);
        f.toFile().deleteOnExit();
        return new SensorLoggerReader().read(f, "fuzz.zip", ImuReadOptions.DEFAULTS);
    }

    @FuzzTest(maxDuration = "3m")
    void zip(byte[] data) throws IOException {
        try {
            valid((ImuRecording) zipRun(data));
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.zip");
        }
    }

    static final String[] NAMES = {"TotalAcceleration.csv", "Accelerometer.csv", "Gyroscope.csv", "Gravity.csv",
        "Metadata.csv", "export/TotalAcceleration.csv", "export/Gyroscope.csv", "../escaped/Gyroscope.csv",
        "/abs/Accelerometer.csv", ".hidden.csv", "TOTALACCELERATION.CSV", "Annotation.txt"};

    /** A zip of up to four entries: each a name (one byte, chosen in {@link #NAMES}) and a block of content. */
    public static byte[] zipFile(byte[] data) {
        FuzzBytes s = new FuzzBytes(data);
        int n = 1 + s.pick(4);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            entries.put(s.pick(NAMES), s.block(1 << 16));
        }
        return MalformedFiles.zip(entries);
    }

    /** A valid zip of fuzzed streams, read. */
    public static Object zipEntriesRun(byte[] data) throws IOException {
        return zipRun(zipFile(data));
    }

    @FuzzTest(maxDuration = "3m")
    void zipEntries(byte[] data) throws IOException {
        try {
            valid((ImuRecording) zipEntriesRun(data));
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.zip");
        }
    }
}
