package org.gaitform.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitform.io.fit.FitWriter;

/**
 * Writes the hand-made seed inputs of the reader fuzz targets (small valid files of each format and a few typical
 * damaged ones) into their regression folders under {@code src/test/resources}. The seeds are committed; run this
 * ({@code FuzzSeeds <resources folder>}) only to recreate them after changing a generator.
 */
public final class FuzzSeeds {
    private FuzzSeeds() {
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The first {@code n} lines of a text. */
    private static String head(String text, int n) {
        return String.join("\n", text.lines().limit(n).toList()) + "\n";
    }

    /** Keeps the first {@code fields} tab- or comma-separated fields of every line. */
    private static String narrow(String text, char sep, int fields) {
        StringBuilder sb = new StringBuilder();
        for (String l : text.lines().toList()) {
            String[] f = l.split(String.valueOf(sep), -1);
            sb.append(String.join(String.valueOf(sep), Arrays.copyOf(f, Math.min(fields, f.length)))).append('\n');
        }
        return sb.toString();
    }

    /** Every seed: target folder (relative to the resources root) → file name → bytes. */
    public static Map<String, Map<String, byte[]>> all() {
        Map<String, Map<String, byte[]>> out = new LinkedHashMap<>();
        // ---- C3D
        Map<String, byte[]> c3d = new LinkedHashMap<>();
        MalformedFiles.C3d small = new MalformedFiles.C3d();
        small.frames = 12;
        c3d.put("float_4_points.c3d", small.bytes());
        MalformedFiles.C3d ints = new MalformedFiles.C3d();
        ints.frames = 12;
        ints.scale = 0.1f;
        c3d.put("int16_4_points.c3d", ints.bytes());
        MalformedFiles.C3d dec = new MalformedFiles.C3d();
        dec.frames = 4;
        dec.processor = 85;
        c3d.put("dec_processor.c3d", dec.bytes());
        MalformedFiles.C3d cut = new MalformedFiles.C3d();
        cut.frames = 12;
        cut.cut = 300;
        c3d.put("truncated.c3d", cut.bytes());
        out.put("org/gaitform/io/pose/PoseInputFuzzTestInputs/c3d", c3d);
        // ---- structured C3D: the decisions of PoseInputFuzzTest.c3dFile
        Map<String, byte[]> c3ds = new LinkedHashMap<>();
        c3ds.put("float_4_points_60_frames", c3dDecisions(4, 59, 0, 70, 1, 7));
        c3ds.put("int16_8_points_120_frames", c3dDecisions(8, 119, 1, 120, 2, 3));
        out.put("org/gaitform/io/pose/PoseInputFuzzTestInputs/c3dStructured", c3ds);
        // ---- TRC
        Map<String, byte[]> trc = new LinkedHashMap<>();
        String goodTrc = MalformedFiles.trc();
        trc.put("six_markers_20_frames.trc", utf8(narrow(head(goodTrc, 26), '\t', 2 + 3 * 6).replaceFirst(
                "\t17\tmm", "\t6\tmm")));
        trc.put("nan_and_empty_cells.trc", utf8(narrow(head(goodTrc, 12), '\t', 8).replaceFirst("(?m)^(3\\t[^\\t]*\\t)"
                + "[^\\t]*", "$1NaN").replaceFirst("(?m)^(4\\t[^\\t]*\\t)[^\\t]*", "$1")));
        trc.put("header_only.trc", utf8(head(goodTrc, 5)));
        trc.put("not_trc.trc", utf8("hello\nworld\n"));
        out.put("org/gaitform/io/pose/PoseInputFuzzTestInputs/trc", trc);
        // ---- OpenPose JSON frame
        Map<String, byte[]> op = new LinkedHashMap<>();
        String frame = MalformedFiles.openPoseFrame(5);
        op.put("one_person.json", utf8(frame));
        String person = frame.substring(frame.indexOf("[{") + 1, frame.lastIndexOf("}]") + 1);
        op.put("two_people.json", utf8("{\"version\":1.3,\"people\":[" + person + "," + person.replace("960", "400")
                + "]}"));
        op.put("nobody.json", utf8("{\"version\":1.3,\"people\":[]}"));
        op.put("broken.json", utf8(frame.substring(0, 80)));
        out.put("org/gaitform/io/pose/PoseInputFuzzTestInputs/openPoseFolder", op);
        // ---- keypoint tables
        Map<String, byte[]> kp = new LinkedHashMap<>();
        kp.put("openpose_10_frames.csv", utf8(head(MalformedFiles.openPoseCsv(), 11)));
        kp.put("mediapipe_10_frames.csv", utf8(narrow(head(MalformedFiles.mediaPipeCsv(), 11), ',', 1 + 4 * 8)));
        kp.put("marker_tsv_10_frames.tsv", utf8(narrow(head(MalformedFiles.markerTsv(), 11), '\t', 1 + 3 * 6)));
        kp.put("generic_10_frames.csv", utf8(head(MalformedFiles.genericKeypointCsv(), 11)));
        out.put("org/gaitform/io/pose/PoseInputFuzzTestInputs/keypointCsv", kp);
        // ---- JSON
        Map<String, byte[]> json = new LinkedHashMap<>();
        json.put("openpose_frame.json", utf8(frame));
        json.put("values.json", utf8("{\"a\": [1, -2.5e3, 0.001, true, false, null], \"b\": {\"c\": \"x\\u00e9\\n\\\"\"}}"));
        json.put("nested.json", utf8("[[[[[[{\"k\":[[[]]]}]]]]]]"));
        json.put("bad_number.json", utf8("[1e999]"));
        json.put("unterminated.json", utf8("{\"a\": \"b"));
        out.put("org/gaitform/io/json/JsonReaderFuzzTestInputs/json", json);
        // ---- FIT
        Map<String, byte[]> fit = new LinkedHashMap<>();
        byte[] run = MalformedFiles.fitRunBytes(20);
        fit.put("run_20_records.fit", run);
        fit.put("chained.fit", FitWriter.chain(MalformedFiles.fitRunBytes(4), MalformedFiles.fitRunBytes(4)));
        byte[] bad = run.clone();
        bad[bad.length - 1] ^= 0x11;
        fit.put("bad_crc.fit", bad);
        fit.put("cut.fit", Arrays.copyOf(run, run.length / 2));
        out.put("org/gaitform/io/fit/FitDecoderFuzzTestInputs/fit", fit);
        Map<String, byte[]> fits = new LinkedHashMap<>();
        fits.put("run_20_records", fitDecisions(run, 25, 0));
        fits.put("run_20_records_chained_12_byte_header", fitDecisions(run, 25, 0x18));
        out.put("org/gaitform/io/fit/FitDecoderFuzzTestInputs/fitStructured", fits);
        // ---- TCX / GPX / watch CSV
        SyntheticRun shortRun = SyntheticRun.flat(SyntheticRun.epoch(2024, 3, 4, 7), 8, 3.2, 170);
        Map<String, byte[]> tcx = new LinkedHashMap<>();
        tcx.put("run.tcx", utf8(shortRun.tcx(false)));
        tcx.put("entity.tcx", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE TrainingCenterDatabase [<!ENTITY e \"x\">]>\n"
                + "<TrainingCenterDatabase><Activities><Activity Sport=\"Running\">&e;</Activity></Activities>"
                + "</TrainingCenterDatabase>\n"));
        out.put("org/gaitform/io/watch/WatchInputFuzzTestInputs/tcx", tcx);
        Map<String, byte[]> gpx = new LinkedHashMap<>();
        gpx.put("run.gpx", utf8(shortRun.gpx(false)));
        gpx.put("no_time.gpx", utf8("<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><ele>3</ele></trkpt></trkseg></trk>"
                + "</gpx>"));
        out.put("org/gaitform/io/watch/WatchInputFuzzTestInputs/gpx", gpx);
        Map<String, byte[]> csv = new LinkedHashMap<>();
        csv.put("stryd.csv", utf8(shortRun.strydCsv()));
        csv.put("garmin_fitcsvtool.csv", utf8(shortRun.garminCsv()));
        csv.put("iso_stamps.csv", utf8("time,cadence,heart_rate,distance\n2024-03-04T07:00:00Z,170,150,0\n"
                + "2024-03-04T07:00:01Z,171,151,3.2\n2024-03-04T07:00:02Z,,152,6.4\n"));
        out.put("org/gaitform/io/watch/WatchInputFuzzTestInputs/watchCsv", csv);
        // ---- Sensor Logger zips
        byte[] total = utf8(MalformedFiles.sensorLoggerStream(50, 1, 9.8, 2));
        byte[] gyr = utf8(MalformedFiles.sensorLoggerStream(50, 1, 0, 1));
        Map<String, byte[]> zip = new LinkedHashMap<>();
        zip.put("export.zip", MalformedFiles.zip(Map.of("TotalAcceleration.csv", total, "Gyroscope.csv", gyr)));
        zip.put("nested.zip", MalformedFiles.zip(Map.of("2024/Accelerometer.csv", total)));
        zip.put("traversal.zip", MalformedFiles.zip(Map.of("../TotalAcceleration.csv", total)));
        out.put("org/gaitform/io/imu/SensorLoggerFuzzTestInputs/zip", zip);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("total_and_gyroscope", new FuzzBytes.Writer().u8(1).u8(0).block(total).u8(2).block(gyr).bytes());
        entries.put("accelerometer_and_gravity", new FuzzBytes.Writer().u8(1).u8(1)
                .block(utf8(MalformedFiles.sensorLoggerStream(50, 1, 0, 2))).u8(3)
                .block(utf8(MalformedFiles.sensorLoggerStream(50, 1, 9.8, 0))).bytes());
        out.put("org/gaitform/io/imu/SensorLoggerFuzzTestInputs/zipEntries", entries);
        return out;
    }

    /**
     * Decisions for {@code PoseInputFuzzTest.c3dFile}: {@code points} points, {@code frames + 1} frames, float
     * ({@code storage} 0) or integer storage, {@code 30 + rate} Hz, and POINT records (USED, SCALE, RATE,
     * DATA_START, LABELS) with fill bytes from {@code fillSeed}.
     */
    private static byte[] c3dDecisions(int points, int frames, int storage, int rate, int labels, int fillSeed) {
        FuzzBytes.Writer w = new FuzzBytes.Writer();
        w.u8(1).u8(points).u8(1).u8(1).u8(1).u8(frames).u8(1).u8(storage).u8(1).u8(rate).u8(1).u8(1).u8(1);
        w.u8(5);
        // USED: int16 scalar
        w.u8(0).u8(1).u8(2).u8(0).u8(1).block(new byte[] {(byte) points, 0}).u8(1);
        // SCALE: float scalar
        float scale = storage == 0 ? -0.1f : 0.1f;
        int sb = Float.floatToIntBits(scale);
        w.u8(1).u8(1).u8(3).u8(0).u8(1).block(new byte[] {(byte) sb, (byte) (sb >> 8), (byte) (sb >> 16),
            (byte) (sb >> 24)}).u8(1);
        // RATE
        int rb = Float.floatToIntBits(30 + rate);
        w.u8(2).u8(1).u8(3).u8(0).u8(1).block(new byte[] {(byte) rb, (byte) (rb >> 8), (byte) (rb >> 16),
            (byte) (rb >> 24)}).u8(1);
        // DATA_START: block 3 (the header, one block of parameters, then the data)
        w.u8(3).u8(1).u8(2).u8(0).u8(1).block(new byte[] {3, 0}).u8(1);
        // LABELS: char, dims {4, points}
        byte[] names = new byte[4 * points];
        for (int p = 0; p < points; p++) {
            String n = List.of("LHEE", "RHEE", "LTOE", "RTOE", "LASI", "RASI", "LKNE", "RKNE").get(p % 8);
            System.arraycopy(n.getBytes(StandardCharsets.US_ASCII), 0, names, 4 * p, 4);
        }
        w.u8(5).u8(1).u8(0).u8(2).u8(1).u8(3).u8(1).u8(points - 1).u8(1).block(names).u8(1);
        w.u8(1).u8(1);
        // frame data repeat the fill: four points of x, y, z and a residual (some points differ per seed)
        java.nio.ByteBuffer fill = java.nio.ByteBuffer.allocate(storage == 0 ? 64 : 32)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p < 4; p++) {
            double[] v = {100 * p + fillSeed, 900 + 10 * p, 50 * labels + p, 1};
            for (double x : v) {
                if (storage == 0) {
                    fill.putFloat((float) x);
                } else {
                    fill.putShort((short) Math.round(x / 0.1 / (x == 1 ? 10 : 1)));
                }
            }
        }
        return w.raw(fill.array()).bytes();
    }

    /** Decisions for {@code FitDecoderFuzzTest.fitFile}: the body of a FIT file (without header and checks). */
    private static byte[] fitDecisions(byte[] fit, int messages, int flags) {
        byte[] body = Arrays.copyOfRange(fit, 14, fit.length - 2);
        return new FuzzBytes.Writer().u8(flags).u16(messages).raw(body).bytes();
    }

    /** {@code FuzzSeeds <src/test/resources>}: writes every seed. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources");
        for (Map.Entry<String, Map<String, byte[]>> t : all().entrySet()) {
            Path dir = Files.createDirectories(root.resolve(t.getKey()));
            for (Map.Entry<String, byte[]> f : t.getValue().entrySet()) {
                Files.write(dir.resolve(f.getKey()), f.getValue());
            }
            System.out.printf("%-70s %d seeds%n", t.getKey(), t.getValue().size());
        }
    }
}
