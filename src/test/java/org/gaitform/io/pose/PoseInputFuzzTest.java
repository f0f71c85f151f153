package org.gaitform.io.pose;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.gaitform.model.GaitformException;
import org.gaitform.model.Keypoint;
import org.gaitform.model.PoseRecording;
import org.gaitform.pipeline.AnalysisSettings;
import org.gaitform.pipeline.SessionPipeline;
import org.gaitform.support.FuzzBytes;

/**
 * Fuzz targets for the pose and motion-capture readers (Jazzer): C3D (raw bytes, and a structurally valid file
 * built around fuzzed header fields, parameter records and frames, analysed as a session), TRC, an OpenPose JSON
 * folder holding one fuzzed frame, and keypoint tables. Whatever the bytes, the result is a valid recording (or
 * session) or a {@link GaitformException}; nothing else may be thrown. Regression inputs are in
 * {@code src/test/resources/org/gaitform/io/pose/PoseInputFuzzTestInputs/<target>/} (docs/fuzzing.md).
 */
public class PoseInputFuzzTest {
    private static final Path DIR = tempDir();

    private static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("gaitform-fuzz-pose");
            d.toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(String name, byte[] data) throws IOException {
        Path f = DIR.resolve(name);
        Files.createDirectories(f.getParent());
        // registered before the file, so deleted after it: the folder is empty by then (the run left one behind in
        // the temp folder otherwise)
        f.getParent().toFile().deleteOnExit();
        f.toFile().deleteOnExit();
        return Files.write(f, data);
    }

    /** A recording's invariants: a finite positive rate, increasing times, tracks of one length, no infinities. */
    static void valid(PoseRecording r) {
        assertThat(r.frameRateHz()).isPositive().isFinite();
        double[] t = r.timeS();
        for (int i = 1; i < t.length; i++) {
            assertThat(t[i]).isGreaterThan(t[i - 1]);
        }
        for (Keypoint k : r.keypoints()) {
            assertThat(k.size()).isEqualTo(t.length);
            for (int a = 0; a < (k.is3d() ? 3 : 2); a++) {
                assertThat(Arrays.stream(k.axis(a)).noneMatch(Double::isInfinite)).isTrue();
            }
        }
    }

    private static void check(Object result) {
        if (result instanceof PoseRecording r) {
            valid(r);
        }
    }

    // ---------------------------------------------------------------------------------------------------- C3D

    /** The C3D reader on arbitrary bytes. */
    public static Object c3dRun(byte[] data) throws IOException {
        return new C3dReader().read(write("fuzz.c3d", data), "fuzz.c3d", PoseReadOptions.DEFAULTS);
    }

    @FuzzTest(maxDuration = "3m")
    void c3d(byte[] data) throws IOException {
        try {
            check(c3dRun(data));
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.c3d: ");
        }
    }

    private static final String[] PARAMS = {"USED", "SCALE", "RATE", "DATA_START", "FRAMES", "LABELS", "LABELS2",
        "UNITS", "DESCRIPTIONS"};

    /**
     * A C3D file built from the fuzzer's decisions: header fields (points, analog words, first and last frame,
     * scale, data block, rate), the processor type, the POINT parameter records (name, type, dimensions, data,
     * offset to the next record), and frames filled by repeating the remaining bytes.
     */
    public static byte[] c3dFile(byte[] data) {
        FuzzBytes s = new FuzzBytes(data);
        int points = s.pick(8) == 0 ? s.u16() : s.pick(12);
        int analog = s.pick(6) == 0 ? s.u16() : 0;
        int first = s.pick(6) == 0 ? s.u16() : 1;
        int frames = s.pick(8) == 0 ? s.u16() : 1 + s.pick(250);
        int last = (first + frames - 1) & 0xFFFF;
        float scale = s.pick(4) == 0 ? s.f32() : s.pick(2) == 0 ? -0.1f : 0.1f;
        float rate = s.pick(5) == 0 ? s.f32() : 30 + s.pick(200);
        int processor = s.pick(10) == 0 ? s.u8() : 84;
        int paramBlock = s.pick(10) == 0 ? s.u8() : 2;
        int paramBlocks = s.pick(10) == 0 ? s.u8() : 2;
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        params.writeBytes(new byte[] {1, 0x50, (byte) paramBlocks, (byte) processor});
        byte[] pointName = "POINT".getBytes(StandardCharsets.US_ASCII);
        params.write(pointName.length);
        params.write(-1);
        params.writeBytes(pointName);
        params.writeBytes(new byte[] {3, 0, 0});
        int records = s.pick(10);
        for (int i = 0; i < records; i++) {
            byte[] name = s.pick(PARAMS).getBytes(StandardCharsets.US_ASCII);
            int group = s.pick(8) == 0 ? (byte) s.u8() : 1;
            int type = s.pick(new Integer[] {-1, 1, 2, 4, 2, 4, -1, 3});
            int nd = s.pick(4);
            int[] dims = new int[nd];
            int count = 1;
            for (int d = 0; d < nd; d++) {
                dims[d] = s.pick(6) == 0 ? s.u8() : 1 + s.pick(12);
                count *= Math.max(1, dims[d]);
            }
            byte[] value = s.pick(6) == 0 ? s.block(4096) : Arrays.copyOf(s.block(4096), Math.min(count
                    * Math.abs(type), 4096));
            int rest = 1 + 1 + nd + value.length + 1;
            int next = s.pick(10) == 0 ? (short) s.u16() : 2 + rest;
            params.write(name.length);
            params.write(group);
            params.writeBytes(name);
            params.write(next & 0xFF);
            params.write((next >> 8) & 0xFF);
            params.write(type);
            params.write(nd);
            for (int d : dims) {
                params.write(d);
            }
            params.writeBytes(value);
            params.write(0);
        }
        byte[] pb = params.toByteArray();
        int paramBytes = ((pb.length + 511) / 512) * 512;
        int dataStart = s.pick(10) == 0 ? s.u16() : 2 + paramBytes / 512;
        boolean isFloat = scale < 0;
        long frameBytes = (long) (4 * points + analog) * (isFloat ? 4 : 2);
        long wanted = Math.min(frameBytes * frames, 1 << 20);
        if (s.pick(6) == 0) {
            wanted = s.pick(Math.max(1, (int) wanted));
        }
        byte[] fill = s.rest();
        byte[] frameData = new byte[(int) wanted];
        for (int i = 0; fill.length > 0 && i < frameData.length; i++) {
            frameData[i] = fill[i % fill.length];
        }
        ByteBuffer header = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        header.put(0, (byte) paramBlock).put(1, (byte) 0x50);
        header.putShort(2, (short) points).putShort(4, (short) analog).putShort(6, (short) first)
                .putShort(8, (short) last).putFloat(12, scale).putShort(16, (short) dataStart).putFloat(20, rate);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(header.array());
        all.writeBytes(Arrays.copyOf(pb, paramBytes));
        all.writeBytes(frameData);
        return all.toByteArray();
    }

    /** A structurally valid C3D around fuzzed fields, read and analysed as a session. */
    public static Object c3dStructuredRun(byte[] data) throws IOException {
        Path f = write("fuzz_run.c3d", c3dFile(data));
        return new SessionPipeline(AnalysisSettings.defaults()).analyse(f, "fuzz_run.c3d", "fuzz");
    }

    @FuzzTest(maxDuration = "3m")
    void c3dStructured(byte[] data) throws IOException {
        try {
            c3dStructuredRun(data);
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz_run.c3d: ");
        }
    }

    // ---------------------------------------------------------------------------------------------------- TRC

    /** The TRC reader on arbitrary bytes. */
    public static Object trcRun(byte[] data) throws IOException {
        return new TrcReader().read(write("fuzz.trc", data), "fuzz.trc", PoseReadOptions.DEFAULTS);
    }

    @FuzzTest(maxDuration = "3m")
    void trc(byte[] data) throws IOException {
        try {
            check(trcRun(data));
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.trc: ");
        }
    }

    // ---------------------------------------------------------------------------------------------------- Vicon Nexus CSV

    /** The Vicon Nexus export reader on arbitrary bytes. */
    public static Object viconRun(byte[] data) throws IOException {
        return new ViconCsvReader().read(write("fuzz_nexus.csv", data), "fuzz_nexus.csv", PoseReadOptions.DEFAULTS);
    }

    @FuzzTest(maxDuration = "3m")
    void vicon(byte[] data) throws IOException {
        try {
            check(viconRun(data));
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz_nexus.csv: ");
        }
    }

    // ---------------------------------------------------------------------------------------------------- Qualisys TSV

    /** The Qualisys export reader on arbitrary bytes. */
    public static Object qualisysRun(byte[] data) throws IOException {
        return new QualisysTsvReader().read(write("fuzz_qtm.tsv", data), "fuzz_qtm.tsv", PoseReadOptions.DEFAULTS);
    }

    @FuzzTest(maxDuration = "3m")
    void qualisys(byte[] data) throws IOException {
        try {
            check(qualisysRun(data));
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz_qtm.tsv: ");
        }
    }

    // ---------------------------------------------------------------------------------------------------- OpenPose JSON

    /** An OpenPose folder holding one fuzzed frame. */
    public static Object openPoseFolderRun(byte[] data) throws IOException {
        Path folder = DIR.resolve("openpose");
        write("openpose/run_000000000000_keypoints.json", data);
        return new OpenPoseJsonReader().read(folder, "openpose", PoseReadOptions.DEFAULTS);
    }

    @FuzzTest(maxDuration = "3m")
    void openPoseFolder(byte[] data) throws IOException {
        try {
            check(openPoseFolderRun(data));
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("openpose: ");
        }
    }

    // ---------------------------------------------------------------------------------------------------- COCO JSON

    /** The COCO keypoints reader (results lists, dataset files, MMPose predictions) on arbitrary bytes. */
    public static Object cocoJsonRun(byte[] data) throws IOException {
        return new CocoKeypointsReader().read(write("fuzz_coco.json", data), "fuzz_coco.json",
                PoseReadOptions.DEFAULTS);
    }

    @FuzzTest(maxDuration = "3m")
    void cocoJson(byte[] data) throws IOException {
        try {
            check(cocoJsonRun(data));
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz_coco.json: ");
        }
    }

    // ---------------------------------------------------------------------------------------------------- YOLO labels

    /**
     * A YOLO pose labels folder of the fuzzed frames: the bytes split at form feeds into up to 20 files
     * {@code run_1.txt}, {@code run_2.txt}, … (the folder emptied first).
     */
    public static Object yoloLabelsRun(byte[] data) throws IOException {
        Path folder = DIR.resolve("yolo").resolve("labels");
        if (Files.isDirectory(folder)) {
            try (java.util.stream.Stream<Path> old = Files.list(folder)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        int start = 0;
        int frame = 1;
        for (int i = 0; i <= data.length && frame <= 20; i++) {
            if (i == data.length || data[i] == '\f') {
                write("yolo/labels/run_" + frame++ + ".txt", java.util.Arrays.copyOfRange(data, start, i));
                start = i + 1;
            }
        }
        return new YoloPoseLabelsReader().read(folder, "yolo", PoseReadOptions.DEFAULTS);
    }

    @FuzzTest(maxDuration = "3m")
    void yoloLabels(byte[] data) throws IOException {
        try {
            check(yoloLabelsRun(data));
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("yolo: ");
        }
    }

    // ---------------------------------------------------------------------------------------------------- tables

    /** The keypoint-table reader (OpenPose, MediaPipe, generic CSV, marker TSV) on arbitrary bytes. */
    public static Object keypointCsvRun(byte[] data) throws IOException {
        return new PoseCsvReader().read(write("fuzz.csv", data), "fuzz.csv", PoseReadOptions.DEFAULTS);
    }

    @FuzzTest(maxDuration = "3m")
    void keypointCsv(byte[] data) throws IOException {
        try {
            check(keypointCsvRun(data));
        } catch (GaitformException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.csv: ");
        }
    }
}
