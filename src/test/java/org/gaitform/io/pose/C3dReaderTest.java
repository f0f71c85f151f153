package org.gaitform.io.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gaitform.support.MalformedFiles.le16;
import static org.gaitform.support.MalformedFiles.lef;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.gaitform.model.GaitformException;
import org.gaitform.model.PoseRecording;
import org.gaitform.support.MalformedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The C3D reader on files written here byte by byte: float and integer storage, processor types, truncation. */
class C3dReaderTest {
    @TempDir
    Path dir;

    /** Writes a small C3D: points move as x = 10·p + f, y = 100 + f, z = 1000·p (mm); point 1 missing in frame 2. */
    static byte[] c3d(int points, int frames, boolean isFloat, int processor, float rate, int analogPerFrame) {
        float scale = isFloat ? -0.1f : 0.1f;
        ByteBuffer header = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        header.put(0, (byte) 2).put(1, (byte) 0x50);
        header.putShort(2, (short) points).putShort(4, (short) analogPerFrame).putShort(6, (short) 1)
                .putShort(8, (short) frames).putShort(10, (short) 10).putFloat(12, scale).putShort(16, (short) 4)
                .putShort(18, (short) 0).putFloat(20, rate);
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        params.writeBytes(new byte[] {1, 0x50, 2, (byte) processor});
        MalformedFiles.C3d.group(params, "POINT", 1);
        MalformedFiles.C3d.param(params, "USED", 1, 2, new int[0], le16(points));
        MalformedFiles.C3d.param(params, "SCALE", 1, 4, new int[0], lef(scale));
        MalformedFiles.C3d.param(params, "RATE", 1, 4, new int[0], lef(rate));
        MalformedFiles.C3d.param(params, "DATA_START", 1, 2, new int[0], le16(4));
        StringBuilder labels = new StringBuilder();
        for (int p = 0; p < points; p++) {
            labels.append(String.format("%-8s", p == 0 ? "LHEE" : "M" + p));
        }
        MalformedFiles.C3d.param(params, "LABELS", 1, -1, new int[] {8, points}, labels.toString().getBytes(StandardCharsets.US_ASCII));
        MalformedFiles.C3d.param(params, "UNITS", 1, -1, new int[] {4}, "mm  ".getBytes(StandardCharsets.US_ASCII));
        byte[] pb = Arrays.copyOf(params.toByteArray(), 1024);
        // last record's offset must be 0: terminate with a zero name length after the records
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int word = isFloat ? 4 : 2;
        for (int f = 0; f < frames; f++) {
            ByteBuffer fb = ByteBuffer.allocate((4 * points + analogPerFrame) * word).order(ByteOrder.LITTLE_ENDIAN);
            for (int p = 0; p < points; p++) {
                double x = 10 * p + f;
                double y = 100 + f;
                double z = 1000 * p;
                boolean missing = p == 1 && f == 2;
                if (isFloat) {
                    fb.putFloat((float) x).putFloat((float) y).putFloat((float) z).putFloat(missing ? -1f : 0.5f);
                } else {
                    fb.putShort((short) Math.round(x / 0.1)).putShort((short) Math.round(y / 0.1))
                            .putShort((short) Math.round(z / 0.1)).putShort((short) (missing ? -1 : 2));
                }
            }
            data.writeBytes(fb.array());
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(header.array());
        all.writeBytes(pb);
        byte[] d = data.toByteArray();
        all.writeBytes(Arrays.copyOf(d, ((d.length + 511) / 512) * 512));
        return all.toByteArray();
    }

    private PoseRecording read(byte[] bytes) throws IOException {
        Path f = dir.resolve("t.c3d");
        Files.write(f, bytes);
        return new C3dReader().read(f, "t.c3d", PoseReadOptions.DEFAULTS);
    }

    @Test
    void readsFloatStorage() throws IOException {
        PoseRecording r = read(c3d(3, 5, true, 84, 120f, 0));
        assertThat(r.format()).isEqualTo("c3d");
        assertThat(r.frameRateHz()).isEqualTo(120.0);
        assertThat(r.unit()).isEqualTo("mm");
        assertThat(r.keypoints()).extracting(k -> k.name()).containsExactly("LHEE", "M1", "M2");
        assertThat(r.keypoint("M2").orElseThrow().x()).containsExactly(20, 21, 22, 23, 24);
        assertThat(r.keypoint("M2").orElseThrow().z()[3]).isEqualTo(2000.0);
        assertThat(r.keypoint("M1").orElseThrow().x()[2]).isNaN();
        assertThat(r.timeS()[1]).isCloseTo(1 / 120.0, within(1e-12));
    }

    @Test
    void readsScaledIntegerStorageAndSkipsAnalog() throws IOException {
        PoseRecording r = read(c3d(3, 6, false, 84, 100f, 4));
        double[] y = r.keypoint("M1").orElseThrow().y();
        double[] expected = {100, 101, Double.NaN, 103, 104, 105};
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(y[i]).isNaN();
            } else {
                assertThat(y[i]).isCloseTo(expected[i], within(1e-4));
            }
        }
        assertThat(r.keypoint("M2").orElseThrow().z()[0]).isCloseTo(2000.0, within(1e-3));
        assertThat(r.decisions()).anyMatch(d -> d.value().equals("c3d") && d.reason().contains("16-bit integer"));
    }

    @Test
    void rejectsOtherProcessorTypes() {
        for (int type : List.of(85, 86)) {
            assertThatThrownBy(() -> read(c3d(2, 3, true, type, 100f, 0))).isInstanceOf(GaitformException.class)
                    .hasMessageContaining("t.c3d").hasMessageContaining("Intel processors (type 84)")
                    .hasMessageContaining(type == 85 ? "DEC" : "MIPS");
        }
    }

    @Test
    void rejectsTruncatedFilesAndNonC3d() {
        byte[] full = c3d(3, 200, true, 84, 100f, 0);
        assertThatThrownBy(() -> read(Arrays.copyOf(full, full.length - 2000))).isInstanceOf(GaitformException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> read(Arrays.copyOf(full, 300))).isInstanceOf(GaitformException.class)
                .hasMessageContaining("512 bytes");
        byte[] bad = full.clone();
        bad[1] = 0x12;
        assertThatThrownBy(() -> read(bad)).isInstanceOf(GaitformException.class).hasMessageContaining("0x50");
    }
}
