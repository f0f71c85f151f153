package org.gaitform.io.fit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.gaitform.io.watch.FitActivityReader;
import org.gaitform.io.watch.WatchReadOptions;
import org.gaitform.model.GaitformException;
import org.gaitform.model.WatchRecording;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.FuzzBytes;

/**
 * Fuzz targets for the FIT decoder (Jazzer): raw bytes through the decoder and the activity reader, and a
 * structurally valid file — a correct header, data messages exactly as long as their definitions say, the header
 * and file checks — around fuzzed definitions and message contents, analysed as a session. Damage gives the
 * decoded part with warnings or a {@link GaitformException}; nothing else may be thrown. Regression inputs are in
 * {@code src/test/resources/org/gaitform/io/fit/FitDecoderFuzzTestInputs/<target>/} (docs/fuzzing.md).
 */
public class FitDecoderFuzzTest {
    private static final Path DIR = tempDir();

    private static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("gaitform-fuzz-fit");
            d.toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void valid(WatchRecording r) {
        double[] t = r.timeS();
        for (int i = 1; i < t.length; i++) {
            assertThat(t[i]).isGreaterThan(t[i - 1]);
        }
        r.channels().values().forEach(v -> assertThat(v).hasSameSizeAs(t));
    }

    /** Decodes the bytes and reads them as an activity. */
    public static Object fitRun(byte[] data) {
        FitFile f = new FitDecoder().decode(data, "fuzz.fit");
        assertThat(f.messages()).isNotEmpty();
        return new FitActivityReader().read(f, "fuzz.fit", WatchReadOptions.DEFAULTS);
    }

    @FuzzTest(maxDuration = "3m")
    void fit(byte[] data) {
        try {
            valid((WatchRecording) fitRun(data));
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.fit: ");
        }
    }

    /**
     * A FIT file from the fuzzer's bytes: a flags byte (bit 0 a wrong data size, bit 1 a wrong header check, bit 2 a
     * wrong file check, bit 3 a second chained copy, bit 4 a 12-byte header), a message count (two bytes), then the
     * messages: a record header byte; for a definition its bytes as in FIT (reserved, architecture, global number,
     * field count and fields, developer fields); for a data message exactly as many content bytes as its
     * definition needs.
     */
    public static byte[] fitFile(byte[] data) {
        FuzzBytes s = new FuzzBytes(data);
        int flags = s.u8();
        int n = s.u16();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int i = 0; i < n && !s.exhausted(); i++) {
            int hb = s.u8();
            body.write(hb);
            if ((hb & 0x80) == 0 && (hb & 0x40) != 0) {
                int total = 0;
                for (int k = 0; k < 4; k++) {
                    body.write(s.u8()); // reserved, architecture, global message number
                }
                int fields = s.u8();
                body.write(fields);
                for (int k = 0; k < fields; k++) {
                    int num = s.u8();
                    int size = s.u8();
                    int type = s.u8();
                    body.write(num);
                    body.write(size);
                    body.write(type);
                    total += size;
                }
                if ((hb & 0x20) != 0) {
                    int dev = s.u8();
                    body.write(dev);
                    for (int k = 0; k < dev; k++) {
                        int num = s.u8();
                        int size = s.u8();
                        int index = s.u8();
                        body.write(num);
                        body.write(size);
                        body.write(index);
                        total += size;
                    }
                }
                sizes.put(hb & 0x0F, total);
            } else {
                int local = (hb & 0x80) != 0 ? (hb >> 5) & 0x3 : hb & 0x0F;
                int size = sizes.getOrDefault(local, 0);
                for (int k = 0; k < size; k++) {
                    body.write(s.u8());
                }
            }
        }
        byte[] b = body.toByteArray();
        int headerSize = (flags & 0x10) != 0 ? 12 : 14;
        byte[] out = new byte[headerSize + b.length + 2];
        out[0] = (byte) headerSize;
        out[1] = 0x20;
        out[2] = (byte) 0x54;
        out[3] = 0x08;
        long size = (flags & 0x01) != 0 ? b.length * 3L + 7 : b.length;
        for (int i = 0; i < 4; i++) {
            out[4 + i] = (byte) (size >>> (8 * i));
        }
        out[8] = '.';
        out[9] = 'F';
        out[10] = 'I';
        out[11] = 'T';
        if (headerSize == 14) {
            int hc = FitCrc.of(out, 0, 12) ^ ((flags & 0x02) != 0 ? 0x1234 : 0);
            out[12] = (byte) hc;
            out[13] = (byte) (hc >> 8);
        }
        System.arraycopy(b, 0, out, headerSize, b.length);
        int crc = FitCrc.of(out, 0, headerSize + b.length) ^ ((flags & 0x04) != 0 ? 0x4321 : 0);
        out[headerSize + b.length] = (byte) crc;
        out[headerSize + b.length + 1] = (byte) (crc >> 8);
        return (flags & 0x08) != 0 ? FitWriter.chain(out, out) : out;
    }

    /** A structurally valid FIT file around fuzzed messages, analysed as a session. */
    public static Object fitStructuredRun(byte[] data) throws IOException {
        Path f = Files.write(DIR.resolve("fuzz_run.fit"), fitFile(data));
        f.toFile().deleteOnExit();
        return new SessionPipeline(AnalysisSettings.defaults()).analyse(f, "fuzz_run.fit", "fuzz");
    }

    @FuzzTest(maxDuration = "3m")
    void fitStructured(byte[] data) throws IOException {
        try {
            fitStructuredRun(data);
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz_run.fit: ");
        }
    }
}
