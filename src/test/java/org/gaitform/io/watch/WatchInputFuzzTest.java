package org.gaitform.io.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitform.model.GaitformException;
import org.gaitform.model.WatchRecording;

/**
 * Fuzz targets for the watch readers (Jazzer): TCX and GPX (XML without DTDs or entities) and per-record watch CSV.
 * Whatever the bytes, the result is a recording with strictly increasing times and channels as long as the time
 * axis, or a {@link GaitformException}; nothing else may be thrown. Regression inputs are in
 * {@code src/test/resources/org/gaitform/io/watch/WatchInputFuzzTestInputs/<target>/} (docs/fuzzing.md).
 */
public class WatchInputFuzzTest {
    private static final Path FILE = tempFile();

    private static Path tempFile() {
        try {
            Path d = Files.createTempDirectory("gaitform-fuzz-watch");
            d.toFile().deleteOnExit();
            Path f = d.resolve("fuzz.csv");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void valid(WatchRecording r) {
        double[] t = r.timeS();
        assertThat(t).isNotEmpty();
        for (int i = 1; i < t.length; i++) {
            assertThat(t[i]).isGreaterThan(t[i - 1]);
        }
        r.channels().values().forEach(v -> assertThat(v).hasSameSizeAs(t));
        r.extras().values().forEach(v -> assertThat(v).hasSameSizeAs(t));
    }

    /** The TCX reader on arbitrary bytes. */
    public static Object tcxRun(byte[] data) {
        return new TcxReader().read(new ByteArrayInputStream(data), "fuzz.tcx", WatchReadOptions.DEFAULTS);
    }

    @FuzzTest(maxDuration = "3m")
    void tcx(byte[] data) {
        try {
            valid((WatchRecording) tcxRun(data));
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.tcx: ");
        }
    }

    /** The GPX reader on arbitrary bytes. */
    public static Object gpxRun(byte[] data) {
        return new GpxReader().read(new ByteArrayInputStream(data), "fuzz.gpx", WatchReadOptions.DEFAULTS);
    }

    @FuzzTest(maxDuration = "3m")
    void gpx(byte[] data) {
        try {
            valid((WatchRecording) gpxRun(data));
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.gpx: ");
        }
    }

    /** The watch CSV reader on arbitrary bytes. */
    public static Object watchCsvRun(byte[] data) throws IOException {
        return new WatchCsvReader().read(Files.write(FILE, data), "fuzz.csv", WatchReadOptions.DEFAULTS);
    }

    @FuzzTest(maxDuration = "3m")
    void watchCsv(byte[] data) throws IOException {
        try {
            valid((WatchRecording) watchCsvRun(data));
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.csv: ");
        }
    }
}
