package org.gaitform.io.imu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.gaitform.io.InputReaders;
import org.gaitform.io.ReadOptions;
import org.gaitform.model.GaitformException;
import org.gaitform.model.ImuRecording;
import org.gaitform.support.MalformedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Sensor Logger zip is read by streaming its entries, never extracted: entry names that climb out of the archive
 * are refused, nothing appears on disk (neither beside the archive nor in the system's temporary folder); ordinary
 * nested names still read.
 */
class SensorLoggerZipSafetyTest {
    @TempDir
    Path dir;

    private static byte[] stream(double offset) {
        return MalformedFiles.sensorLoggerStream(100, 20, offset, 2).getBytes(StandardCharsets.UTF_8);
    }

    private static long tempFolders() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("gaitform-sensorlogger")).count();
        }
    }

    @Test
    void entriesClimbingOutAreRefusedAndNothingIsWrittenOutside() throws IOException {
        String escape = "escaped-" + UUID.randomUUID();
        Path work = Files.createDirectories(dir.resolve("a/b/c"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Gyroscope.csv", stream(0));
        entries.put("../../" + escape + "/TotalAcceleration.csv", stream(9.8));
        entries.put("../../../" + escape + ".csv", stream(9.8));
        Path zip = Files.write(work.resolve("export.zip"), MalformedFiles.zip(entries));
        long before = tempFolders();
        assertThatThrownBy(() -> new InputReaders().read(zip, "export.zip", ReadOptions.DEFAULTS))
                .isInstanceOf(GaitformException.class)
                .hasMessageContaining("export.zip: entry '../../" + escape + "/TotalAcceleration.csv'")
                .hasMessageContaining("found a name that climbs out of it");
        assertThat(tempFolders()).isEqualTo(before);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        for (Path base : new Path[] {work, work.getParent(), work.getParent().getParent(), dir, tmp, tmp.getParent()}) {
            if (base == null) {
                continue;
            }
            assertThat(base.resolve(escape)).doesNotExist();
            assertThat(base.resolve(escape + ".csv")).doesNotExist();
        }
    }

    @Test
    void nestedEntryNamesAndDotsInsideNamesStillRead() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("2024-03-04_07-00-00/TotalAcceleration.csv", stream(9.8));
        entries.put("2024-03-04_07-00-00/Gyroscope.csv", stream(0));
        entries.put("2024-03-04_07-00-00/notes..txt", "a..b".getBytes(StandardCharsets.UTF_8));
        Path zip = Files.write(dir.resolve("nested.zip"), MalformedFiles.zip(entries));
        long before = tempFolders();
        ImuRecording r = (ImuRecording) new InputReaders().read(zip, "nested.zip", ReadOptions.DEFAULTS);
        assertThat(r.samplingRateHz()).isCloseTo(100.0, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(r.sensors().get(0).hasGyroscope()).isTrue();
        assertThat(tempFolders()).isEqualTo(before);
    }
}
